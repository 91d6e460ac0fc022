// Live reload for `minhbach serve`. The preview adds this script to the
// pages it serves (never to the build output) and streams build events to
// it: "reload" after a rebuild, "css" with the new stylesheet when only the
// stylesheet changed, and "build-error" with the problems of a failed build,
// shown over the last good page until they are fixed.
//
// The page may run under a Content-Security-Policy without 'unsafe-inline',
// so this file creates elements with the DOM and styles them through
// element.style only: no inline script, no style attributes in markup.
(function () {
  "use strict";

  var script = document.currentScript;
  var build = (script && script.getAttribute("data-build")) || "";
  var overlay = null; // the element holding the error dialog while it shows
  var returnFocus = null; // where focus goes back when the dialog closes

  // Links to the site's stylesheet: the fingerprinted one if there is one.
  function stylesheets() {
    var all = document.querySelectorAll('link[rel="stylesheet"]');
    var site = [];
    for (var i = 0; i < all.length; i++) {
      if ((all[i].getAttribute("href") || "").indexOf("/assets/site.") >= 0) {
        site.push(all[i]);
      }
    }
    return site.length ? site : Array.prototype.slice.call(all, 0, 1);
  }

  function currentCSS() {
    var links = stylesheets();
    return links.length ? links[links.length - 1].getAttribute("href") : "";
  }

  // swapStylesheet loads href next to the current stylesheet and removes the
  // old one once the new one applies, so the page never shows unstyled.
  function swapStylesheet(href) {
    var links = stylesheets();
    if (!links.length) {
      location.reload();
      return;
    }
    var last = links[links.length - 1];
    if (last.getAttribute("href") === href) {
      return;
    }
    var next = last.cloneNode(false);
    next.setAttribute("href", href);
    next.addEventListener("load", function () {
      stylesheets().forEach(function (l) {
        if (l !== next) {
          l.remove();
        }
      });
    });
    next.addEventListener("error", function () {
      location.reload();
    });
    last.after(next);
  }

  function el(tag, style, text) {
    var e = document.createElement(tag);
    Object.keys(style || {}).forEach(function (k) {
      e.style[k] = style[k];
    });
    if (text) {
      e.textContent = text;
    }
    return e;
  }

  // problemItem shows one problem: where it is, in code, then what is wrong.
  function problemItem(p) {
    var li = el("li", { margin: "0 0 0.75rem" });
    if (p.where) {
      li.appendChild(el("code", {
        fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
        fontSize: "0.9375rem",
        background: "#f1f1f1",
        color: "#1b1b1b",
        padding: "0.1rem 0.3rem",
        borderRadius: "3px",
        wordBreak: "break-all"
      }, p.where));
      li.appendChild(document.createTextNode(" "));
    }
    var label = p.severity === "warning" ? "Cảnh báo: " : "Lỗi: ";
    li.appendChild(el("strong", { color: "#8a1c1c" }, label));
    li.appendChild(document.createTextNode(p.msg));
    return li;
  }

  function closeButton() {
    var b = el("button", {
      font: "inherit",
      fontWeight: "600",
      color: "#ffffff",
      background: "#1b1b1b",
      border: "2px solid #1b1b1b",
      borderRadius: "4px",
      padding: "0.5rem 1.25rem",
      marginTop: "0.5rem",
      cursor: "pointer"
    }, "Đóng");
    b.type = "button";
    b.addEventListener("focus", function () {
      b.style.outline = "3px solid #1a5fb4";
      b.style.outlineOffset = "2px";
    });
    b.addEventListener("blur", function () {
      b.style.outline = "";
    });
    b.addEventListener("click", hideProblems);
    return b;
  }

  // dialog builds the alert dialog: a heading, a note on what the page
  // shows, the list of problems and a close button.
  function dialog(problems, close) {
    var box = el("div", {
      background: "#ffffff",
      color: "#1b1b1b",
      font: "16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
      textAlign: "left",
      maxWidth: "48rem",
      width: "100%",
      margin: "2rem auto",
      padding: "1.25rem 1.5rem",
      borderTop: "6px solid #8a1c1c",
      borderRadius: "6px",
      boxShadow: "0 8px 32px rgba(0, 0, 0, 0.35)",
      boxSizing: "border-box"
    });
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-labelledby", "minhbach-loi-tieu-de");
    box.setAttribute("aria-describedby", "minhbach-loi-ghi-chu");
    var h = el("h2", { fontSize: "1.25rem", lineHeight: "1.3", margin: "0 0 0.5rem", color: "#8a1c1c" },
      "Không xây dựng được trang — sửa lỗi dưới đây");
    h.id = "minhbach-loi-tieu-de";
    var note = el("p", { margin: "0 0 1rem" },
      "Trang bên dưới là bản dựng thành công gần nhất. Sửa tệp và lưu lại: trang sẽ tự tải lại.");
    note.id = "minhbach-loi-ghi-chu";
    var list = el("ol", { margin: "0 0 1rem", paddingLeft: "1.5rem" });
    problems.forEach(function (p) {
      list.appendChild(problemItem(p));
    });
    box.appendChild(h);
    box.appendChild(note);
    box.appendChild(list);
    box.appendChild(close);
    return box;
  }

  function showProblems(problems) {
    var active = returnFocus || document.activeElement;
    hideProblems();
    returnFocus = active;
    var host = el("div");
    host.setAttribute("data-minhbach-preview", "");
    // A shadow root keeps the site's stylesheet off the dialog.
    var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    var backdrop = el("div", {
      position: "fixed",
      top: "0",
      right: "0",
      bottom: "0",
      left: "0",
      zIndex: "2147483647",
      background: "rgba(0, 0, 0, 0.6)",
      overflowY: "auto",
      padding: "0 1rem",
      boxSizing: "border-box"
    });
    var close = closeButton();
    var box = dialog(problems, close);
    // The close button is the dialog's only control: Tab stays on it and
    // Escape closes, as in any modal dialog.
    box.addEventListener("keydown", function (e) {
      if (e.key === "Escape") {
        e.preventDefault();
        hideProblems();
      } else if (e.key === "Tab") {
        e.preventDefault();
        close.focus();
      }
    });
    backdrop.appendChild(box);
    root.appendChild(backdrop);
    document.body.appendChild(host);
    overlay = host;
    close.focus();
  }

  function hideProblems() {
    if (!overlay) {
      return;
    }
    overlay.remove();
    overlay = null;
    if (returnFocus && returnFocus.focus) {
      returnFocus.focus();
    }
    returnFocus = null;
  }

  function data(e) {
    try {
      return JSON.parse(e.data);
    } catch (err) {
      return {};
    }
  }

  // listen streams the build events. Only a visible tab listens: a
  // browser opens at most six HTTP/1.1 connections to one host, and tabs
  // left open in the background must not use them up. A tab that becomes
  // visible again reconnects saying which build and stylesheet it shows,
  // and the preview brings it up to date.
  var events = null;

  function listen() {
    events = new EventSource("/__minhbach/events?build=" + encodeURIComponent(build) +
      "&css=" + encodeURIComponent(currentCSS()));
    events.addEventListener("reload", function () {
      location.reload();
    });
    events.addEventListener("css", function (e) {
      var href = data(e).href;
      if (href) {
        swapStylesheet(href);
      }
    });
    events.addEventListener("build-error", function (e) {
      showProblems(data(e).problems || []);
    });
  }

  document.addEventListener("visibilitychange", function () {
    if (document.hidden && events) {
      events.close();
      events = null;
    } else if (!document.hidden && !events) {
      listen();
    }
  });
  if (!document.hidden) {
    listen();
  }
})();

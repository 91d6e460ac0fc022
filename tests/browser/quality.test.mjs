// Every kind of page of the built site, in both languages, on a phone
// (360 px) and a desktop (1280 px) in Debian's Chromium: no WCAG 2.1 A or AA
// violation that axe-core finds, no sideways scrolling on the phone, no
// console error, nothing fetched from another host, and a keyboard reader
// reaches every link and control, sees where the focus is, and can skip to
// the main content first.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, siteDir, watch } from './site.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

// One page of each kind, chosen for having the most of what that kind can
// show: Huế's plan has the Phụ lục tables, Đà Nẵng's locality an update,
// Hưng Yên a locality that only rolls up its children, the search page its
// results (drawn by the script). A layout that draws several pages (the
// deadlines of each locality, the agencies sorted by past due) is checked
// on one of them, to keep the run short.
const pages = [
  { kind: 'home', path: '/' },
  { kind: 'localities', path: '/dia-phuong/' },
  { kind: 'locality', path: '/dia-phuong/da-nang/' },
  { kind: 'locality roll-up', path: '/dia-phuong/hung-yen/' },
  { kind: 'plan', path: '/dia-phuong/thua-thien-hue/hue/ke-hoach-2274-kh-ubnd-2022/' },
  { kind: 'task', path: '/dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/1/' },
  { kind: 'update', path: '/dia-phuong/da-nang/cap-nhat-2024-09-23-5289/' },
  { kind: 'deadlines', path: '/han-chot/' },
  { kind: 'agencies', path: '/co-quan/' },
  { kind: 'agency kind', path: '/co-quan/cong-an/' },
  { kind: 'agency', path: '/co-quan/cong-an/da-nang/' },
  { kind: 'comparison', path: '/so-sanh/' },
  { kind: 'comparison item', path: '/so-sanh/an-toan-thong-tin/' },
  { kind: 'documents', path: '/van-ban/' },
  { kind: 'document', path: '/van-ban/06-qd-ttg/' },
  { kind: 'search', path: '/tim-kiem/', query: '?q=khai+sinh', ready: 'main .search-results a' },
  { kind: 'data', path: '/du-lieu/' },
  { kind: '404', path: '/404.html' },
];
const langs = ['', '/en'];
const widths = [360, 1280];
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let server, browser;
const contexts = {};
before(async () => {
  server = await serve(siteDir());
  browser = await launch();
  for (const width of widths) contexts[width] = await browser.newContext({ viewport: { width, height: 800 } });
});
after(async () => { await browser?.close(); await server?.close(); });

// file is the built file a URL path is served from.
const file = (path) => join(siteDir(), path.endsWith('/') ? `${path}index.html` : path);

// open loads a page in the context for width and waits until it is ready.
async function open(width, url, ready) {
  const page = await contexts[width].newPage();
  const problems = watch(page, server.origin);
  const res = await page.goto(`${server.origin}${url}`, { waitUntil: 'load' });
  assert.equal(res.status(), 200, `${url}: HTTP ${res.status()}`);
  if (ready) await page.locator(ready).first().waitFor({ timeout: 10000 });
  return { page, problems };
}

// axe runs axe-core's WCAG 2.1 A and AA rules and describes each violation
// with the elements it found, so that a failure says what to fix where.
async function axe(page) {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
  }).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
    count: v.nodes.length,
  }))), wcag);
  return violations.map((v) => `${v.id} (${v.impact}, ${v.count} elements): ${v.help}\n    ${v.nodes.join('\n    ')}`);
}

// markFocusables marks every link and control a reader can reach with Tab (in
// the page, rendered, not disabled) with data-qa, and records how each
// looks unfocused, to tell a focus indicator from the element's own style.
function markFocusables() {
  const sel = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
  const look = (el) => {
    const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.borderColor, s.textDecorationLine].join('|');
  };
  const out = [];
  for (const el of document.querySelectorAll(sel)) {
    if (el.disabled || el.closest('[inert]') || !el.checkVisibility({ visibilityProperty: true })) continue;
    if (el.tagName === 'SUMMARY' && el.parentElement.querySelector(':scope > summary') !== el) continue;
    el.dataset.qa = String(out.length);
    out.push({ name: describe(el), look: look(el) });
  }
  return out;
  function describe(el) {
    const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('href') ? ` href="${el.getAttribute('href')}"` : ''}> ${text}`;
  }
}

// recordFocus logs, at every focus change, the element's data-qa mark,
// whether an outline or a box shadow shows it, as the style is then, and
// the contrast of the outline with the colour just outside it (WCAG 1.4.11
// asks 3:1 of what shows the focus).
function recordFocus() {
  window.qaFocus = [];
  document.addEventListener('focusin', (e) => {
    const el = e.target;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && rgba(s.outlineColor)[3] > 0;
    window.qaFocus.push({
      qa: el.dataset?.qa ?? null, tag: el.tagName.toLowerCase(), id: el.id,
      outline, boxShadow: s.boxShadow !== 'none',
      look: [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.borderColor, s.textDecorationLine].join('|'),
      size: r.width > 0 && r.height > 0,
      onScreen: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
      contrast: outline ? ratio(rgba(s.outlineColor), behind(el, r, s)) : null,
      colours: outline ? `${s.outlineColor} on ${behind(el, r, s).slice(0, 3).join(',')}` : '',
    });
  });
  // rgba parses a computed colour, rgb(…) or rgba(…).
  function rgba(c) {
    const v = c.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
    return v.length === 3 ? [...v, 1] : v;
  }
  // behind is the opaque background at the outline: the first element
  // under a point just outside the focused one, or else its ancestors,
  // up to the first that paints a background.
  function behind(el, r, s) {
    const gap = parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth) / 2;
    const x = r.left - gap >= 0 ? r.left - gap : r.right + gap;
    const under = document.elementsFromPoint(x, r.top + r.height / 2).find((u) => u !== el && !el.contains(u)) ?? el.parentElement;
    for (let n = under; n; n = n.parentElement) {
      const c = rgba(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) return c;
    }
    return [255, 255, 255, 1];
  }
  function ratio(a, b) {
    const lum = ([r, g, bl]) => [r, g, bl].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const [hi, lo] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (hi + 0.05) / (lo + 0.05);
  }
}

// tab presses Tab n times. The key events are sent to Chromium without
// waiting for each to be handled (they are handled in order): one
// round trip per key made a walk through a long page take seconds.
async function tab(page, n) {
  const cdp = await page.context().newCDPSession(page);
  const key = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 };
  const sent = [];
  for (let i = 0; i < n; i++) {
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key }), cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }));
  }
  await Promise.all(sent);
  await cdp.detach();
}

// keyboard tabs through the whole page from the top and returns what went
// wrong: a skip link that is not first or does not move focus to main, a
// link or control never reached, a focused element that shows no focus.
async function keyboard(page) {
  const wrong = [];
  // The page is fresh: nothing has been focused, so the first Tab goes to
  // the first stop.
  const items = await page.evaluate(markFocusables);
  await page.evaluate(recordFocus);
  await tab(page, items.length + 2);
  const log = await page.evaluate(() => window.qaFocus);
  const reached = new Set();
  for (const f of log) {
    if (f.qa !== null && reached.has(f.qa)) break; // round again
    if (f.qa === null) { wrong.push(`focus reached <${f.tag}${f.id ? `#${f.id}` : ''}>, which is not a link or control`); continue; }
    reached.add(f.qa);
    const item = items[Number(f.qa)];
    if (!f.size) wrong.push(`${item.name}: focused but has no size on screen`);
    else if (!f.onScreen) wrong.push(`${item.name}: focused but outside the window`);
    else if (!f.outline && !(f.boxShadow && f.look !== item.look)) wrong.push(`${item.name}: no visible focus indicator (outline or box-shadow)`);
    else if (f.outline && f.contrast < 3) wrong.push(`${item.name}: focus outline ${f.colours} has contrast ${f.contrast.toFixed(2)}:1, under 3:1`);
  }
  items.forEach((item, i) => { if (!reached.has(String(i))) wrong.push(`${item.name}: never reached with Tab`); });

  // The first stop is the skip link, and following it focuses main.
  const target = await page.locator('a.skip').first().getAttribute('href');
  const first = log[0];
  if (!first || first.qa === null || !items[Number(first.qa)].name.includes(`href="${target}"`)) {
    wrong.push(`the first Tab stop is ${first ? items[Number(first.qa)]?.name ?? `<${first.tag}>` : 'nothing'}, not the skip link ${target}`);
  }
  // Focus moved on past the last stop, so the skip link is focused again
  // by script before it is followed with Enter.
  await page.locator('a.skip').first().focus();
  await page.keyboard.press('Enter');
  const main = await page.evaluate(() => ({ tag: document.activeElement?.tagName.toLowerCase(), id: document.activeElement?.id }));
  if (main.tag !== 'main' || `#${main.id}` !== target) wrong.push(`the skip link ${target} moved focus to <${main.tag}${main.id ? `#${main.id}` : ''}>, not to main`);
  return wrong;
}

// Two pages at a time: Chromium draws each in its own process, and the
// run is mostly waiting on it.
describe('every kind of page', { concurrency: 2 }, () => {
  for (const width of widths) {
    for (const lang of langs) {
      for (const { kind, path, query = '', ready } of pages) {
        const url = `${lang}${path}`;
        test(`${kind} ${url} at ${width} px`, { timeout: 60000 }, async () => {
          assert.ok(existsSync(file(url)), `${url} is not in the built site: pick another ${kind} page in ${import.meta.filename}`);
          const { page, problems } = await open(width, url + query, ready);
          try {
            const violations = await axe(page);
            assert.deepEqual(violations, [], `axe-core found WCAG 2.1 A/AA violations on ${url}:\n${violations.join('\n')}`);
            if (width <= 360) {
              const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
              assert.ok(scroll <= client, `${url} scrolls sideways at ${width} px: ${scroll} px wide in a ${client} px window`);
            }
            const wrong = await keyboard(page);
            assert.deepEqual(wrong, [], `keyboard on ${url} at ${width} px:\n${wrong.join('\n')}`);
            assert.deepEqual(problems, [], `${url}: console errors or requests to other hosts`);
          } finally {
            await page.close();
          }
        });
      }
    }
  }
});

// On a phone the task tables are laid out as cards (display: block); the
// browser must still expose their rows and cells to screen readers.
test('stacked tables keep their rows and cells for screen readers at 360 px', async () => {
  const { page } = await open(360, '/han-chot/');
  try {
    const cdp = await page.context().newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const role = async (selector) => {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      assert.ok(nodeId, `no ${selector} on /han-chot/`);
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      return nodes[0].role?.value;
    };
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('table.stack tbody tr')).display), 'block');
    assert.equal(await role('table.stack'), 'table');
    assert.equal(await role('table.stack tbody tr'), 'row');
    assert.equal(await role('table.stack tbody th[scope="row"]'), 'rowheader');
    assert.equal(await role('table.stack tbody td'), 'cell');
  } finally {
    await page.close();
  }
});

// The bundled content has no task done, active or due soon, so their
// badges appear on no page axe sees. Every .badge-* colour of the
// stylesheet is put on a page and checked for contrast as text.
test('every status badge colour has enough contrast', async () => {
  const { page } = await open(1280, '/han-chot/');
  try {
    const classes = await page.evaluate(() => {
      const found = new Set();
      for (const sheet of document.styleSheets) {
        for (const rule of sheet.cssRules) {
          for (const m of (rule.selectorText ?? '').matchAll(/\.(badge-[a-z-]+)/g)) found.add(m[1]);
        }
      }
      const p = document.createElement('p');
      p.id = 'qa-badges';
      for (const c of found) {
        const span = document.createElement('span');
        span.className = `badge ${c}`;
        span.textContent = c;
        p.append(span, ' ');
      }
      document.querySelector('main').prepend(p);
      return [...found];
    });
    assert.ok(classes.length >= 4, `found only ${classes.join(', ')} in the stylesheet`);
    await page.addScriptTag({ path: axePath });
    const failing = await page.evaluate(() => window.axe.run('#qa-badges', { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'] })
      .then((r) => r.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`))));
    assert.deepEqual(failing, []);
  } finally {
    await page.close();
  }
});

// Serving the built site and driving Debian's Chromium for browser tests.
// The site is the folder in $SITE (make test builds it); Chromium is
// /usr/bin/chromium unless $CHROMIUM says otherwise. Nothing is downloaded.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import { chromium } from 'playwright-core';

const types = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml',
  '.xml': 'application/xml', '.ics': 'text/calendar', '.txt': 'text/plain; charset=utf-8',
};

// serve starts a static server for root on 127.0.0.1 and returns its origin
// and a close function. Folders serve index.html; anything else 404.html,
// as a CDN would. With { headers: true } every response also carries the
// headers root/_headers gives its path, as Netlify or Cloudflare Pages send them.
export async function serve(root, { headers = false } = {}) {
  const rules = headers ? parseHeaders(await readFile(join(root, '_headers'), 'utf8')) : [];
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const extra = headersFor(rules, path);
    let file = join(root, path);
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { ...extra, 'content-type': types[extname(file)] || 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { ...extra, 'content-type': types['.html'] }).end(await readFile(join(root, '404.html')));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

// parseHeaders reads a _headers file: a path at column 0 opens a rule, its
// indented "Name: value" lines are the rule's headers, "#" starts a comment.
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) { rules.push({ path: line.trim(), headers: [] }); continue; }
    const colon = line.indexOf(':');
    if (!rules.length || colon < 0) throw new Error(`_headers: cannot read ${JSON.stringify(line)}`);
    rules.at(-1).headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

// headersFor merges the headers of every rule whose path matches: a "*"
// matches anything, "/" included; a header set twice is joined with ", ".
export function headersFor(rules, path) {
  const out = {};
  for (const { path: pattern, headers } of rules) {
    const [before, after = null] = pattern.split('*');
    const match = after === null ? path === pattern
      : path.length >= before.length + after.length && path.startsWith(before) && path.endsWith(after);
    if (!match) continue;
    for (const [name, value] of headers) out[name] = out[name] ? `${out[name]}, ${value}` : value;
  }
  return out;
}

// launch starts headless Chromium with the flags this machine needs: no
// background networking (its connections are refused here anyway).
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// site returns the built site's folder, or fails with what to do.
export function siteDir() {
  const dir = process.env.SITE;
  if (!dir) throw new Error('set SITE to a built site: make test does (minhbach build --out DIR)');
  return dir;
}

// watch records console errors and requests to hosts other than origin.
export function watch(page, origin) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`request to ${r.url()}`); });
  return problems;
}

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
// as a CDN would.
export async function serve(root) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    let file = join(root, path);
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': types['.html'] }).end(await readFile(join(root, '404.html')));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
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

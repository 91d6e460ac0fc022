// The built site under the headers its _headers file gives (as Netlify or
// Cloudflare Pages serve it): Chromium enforces the Content-Security-Policy
// on every kind of page, and nothing the pages do is refused — the charts
// draw, the stylesheet applies, the search script loads and fetches its
// index and finds results. A page that an inline script or style= would
// need reports a violation here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, siteDir, watch } from './site.mjs';

let server, browser;
before(async () => { server = await serve(siteDir(), { headers: true }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// open loads a page and records what the policy refused: the
// securitypolicyviolation events (listened for from before the page's own
// code runs; Playwright's init scripts are not subject to the page's
// policy) and the console messages Chromium writes for each refusal.
async function open(path, options = {}) {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 }, ...options });
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.reportViolation(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (m) => {
    if (/Content.Security.Policy|Permissions.Policy/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  const problems = watch(page, server.origin);
  const response = await page.goto(`${server.origin}${path}`);
  return { page, violations, problems, response };
}

// settle gives late events (images, the stylesheet, the violation
// reports, which are dispatched asynchronously) time to arrive.
async function settle(page) {
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 50))));
}

const pages = [
  { name: 'home', path: '/' },
  { name: 'plan with charts and Phụ lục tables', path: '/dia-phuong/thua-thien-hue/hue/ke-hoach-2274-kh-ubnd-2022/', svg: true },
  { name: 'plan with a timeline', path: '/dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/', svg: true },
  { name: 'task', path: '/dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/5-1-1/' },
  { name: 'comparison heat map', path: '/so-sanh/', svg: true },
  { name: 'English locality', path: '/en/dia-phuong/da-nang/', svg: true },
  { name: 'not found', path: '/khong-co-trang-nay/', status: 404 },
];

for (const { name, path, svg, status = 200 } of pages) {
  test(`${name} (${path}) runs under the policy with nothing refused`, async () => {
    const { page, violations, problems, response } = await open(path);
    assert.equal(response.status(), status);
    const csp = response.headers()['content-security-policy'];
    assert.match(csp ?? '', /default-src 'none'/, 'the page came without the policy: serve() did not apply _headers');
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(response.headers()['x-content-type-options'], 'nosniff');
    assert.equal(response.headers()['cache-control'], undefined, 'a page must not be cached for good');
    await settle(page);
    // The stylesheet applied: the page is laid out by it, not by the browser's defaults.
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).margin), '8px', 'the stylesheet did not apply');
    if (svg) assert.ok(await page.locator('svg title').count() > 0, 'no chart drawn');
    assert.deepEqual(violations, []);
    // Chromium logs the 404 of a not-found page itself as an error.
    assert.deepEqual(problems.filter((p) => status !== 404 || !/status of 404/.test(p)), []);
    await page.close();
  });
}

for (const prefix of ['', '/en']) {
  test(`search (${prefix || '/'}) loads its script and index under the policy and finds results`, async () => {
    const { page, violations, problems } = await open(`${prefix}/tim-kiem/`);
    const fetched = [];
    page.on('response', (r) => fetched.push({ url: r.url(), cache: r.headers()['cache-control'] }));
    const input = page.getByRole('searchbox').last();
    await input.click();
    await page.keyboard.type('khai sinh');
    const hit = page.locator('main a[href*="/thua-thien-hue/"]', { hasText: /khai sinh/i }).first();
    await hit.waitFor({ timeout: 10000 });
    await settle(page);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    // The index files are named by a hash and cached for good; the manifest is not.
    const index = fetched.filter((f) => f.url.includes('/tim-kiem/chi-muc/'));
    assert.ok(index.some((f) => /\/chi-muc\/([tpx]\/[0-9a-f]+\.|r\/[0-9a-f]+\/)/.test(f.url) && /immutable/.test(f.cache ?? '')),
      `no fingerprinted index file cached for good: ${JSON.stringify(index)}`);
    for (const f of index.filter((f) => f.url.endsWith('/index.json'))) {
      assert.doesNotMatch(f.cache ?? '', /immutable/, 'the manifest names the current files: it must not be cached for good');
    }
    await page.close();
  });
}

// The checks above prove something only if the policy is enforced and a
// refusal is seen: an inline script, a style attribute and a script from
// another origin added to a page are each refused and reported.
test('the policy refuses inline script, style attributes and other origins, and the test sees it', async () => {
  const { page, violations } = await open('/');
  await settle(page);
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.body.append(s);
    const p = document.createElement('p');
    p.setAttribute('style', 'color: red');
    document.body.append(p);
    const x = document.createElement('script');
    x.src = 'http://127.0.0.2:9/x.js';
    document.body.append(x);
    return window.inlineRan === true;
  });
  await settle(page);
  assert.equal(ran, false, 'an inline script ran');
  for (const directive of ['script-src-elem', 'style-src-attr']) {
    assert.ok(violations.some((v) => v.startsWith(directive)), `no ${directive} violation reported: ${JSON.stringify(violations)}`);
  }
  assert.ok(violations.some((v) => v.includes('127.0.0.2')), `the other origin's script was not refused: ${JSON.stringify(violations)}`);
  await page.close();
});

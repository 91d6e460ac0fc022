// A reader types a service's name without diacritics into the search box of
// the built site and finds Huế's task about it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, siteDir, watch } from './site.mjs';

let server, browser;
before(async () => { server = await serve(siteDir()); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const { prefix, heading } of [{ prefix: '', heading: /nhiệm vụ/i }, { prefix: '/en', heading: /tasks/i }]) {
  test(`typing "dang ky khai sinh" finds the Huế task (${prefix || '/'})`, async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    const problems = watch(page, server.origin);
    await page.goto(`${server.origin}${prefix}/`);
    // The search box is in every page's header; submitting goes to the search page.
    const box = page.getByRole('searchbox').first();
    await box.click();
    await page.keyboard.type('dang ky khai sinh');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tim-kiem\/\?q=dang/);
    const hit = page.locator('main a[href*="/thua-thien-hue/"]', { hasText: /khai sinh/i }).first();
    await hit.waitFor({ timeout: 10000 });
    assert.match(await hit.getAttribute('href'), new RegExp(`^${prefix}/dia-phuong/thua-thien-hue/`));
    // Results are grouped under headings, and the count is announced.
    assert.ok(await page.getByRole('heading', { name: heading }).count() > 0, 'no heading for the task results');
    const status = page.locator('[role="status"], [aria-live="polite"]').first();
    assert.match(await status.textContent(), /\d/);
    // Typing more refines the results in place, without leaving the page.
    const input = page.getByRole('searchbox').last();
    await input.fill('');
    await input.type('Đăng ký khai sinh');
    await hit.waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('without JavaScript the search page says how to browse', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.origin}/tim-kiem/?q=khai+sinh`);
  assert.ok(await page.locator('main a[href="/dia-phuong/"]').count() > 0, 'no link to browse the localities');
  await context.close();
});

// Every page of the built site, in both languages, is valid HTML as the Nu
// HTML Checker (vnu.jar from the npm registry, pinned in package-lock.json)
// reads it. It runs once over the whole site on the machine's Java; make
// test installs Java with apt-get when it is missing (make java).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteDir } from './site.mjs';

const require = createRequire(import.meta.url);
const jar = require.resolve('vnu-jar/build/dist/vnu.jar');

// A page with a known error goes through the same run, so that a checker
// that silently checks nothing fails the test instead of passing it.
const canary = '<!DOCTYPE html><html lang="vi"><head><title>x</title></head><body><p>x</p></tr></body></html>';

// vnu runs every file in one JVM. A deep schema needs a larger thread
// stack than the default; the serial collector and the client compiler
// start faster, which is most of a run this size.
function vnu(paths) {
  const r = spawnSync('java', ['-Xss4m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-jar', jar,
    '--errors-only', '--skip-non-html', '--format', 'json', ...paths],
  { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.error?.code === 'ENOENT') {
    assert.fail('java is not installed: run make java (Debian\'s default-jre-headless) and test again');
  }
  // The report goes to stderr, after anything the JVM says first (such as
  // "Picked up JAVA_TOOL_OPTIONS"); stdout stays empty.
  try {
    return JSON.parse(r.stderr.slice(r.stderr.indexOf('{"'))).messages;
  } catch {
    assert.fail(`vnu.jar did not report (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
  }
}

test('every generated page is valid HTML (Nu HTML Checker)', () => {
  const site = siteDir();
  const tmp = mkdtempSync(join(tmpdir(), 'vnu-'));
  const bad = join(tmp, 'canary.html');
  writeFileSync(bad, canary);
  let messages;
  try {
    messages = vnu([site, bad]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const file = (m) => fileURLToPath(m.url);
  assert.ok(messages.some((m) => file(m) === bad), 'vnu.jar found no error in a page made invalid on purpose: it checked nothing');
  const errors = messages.filter((m) => file(m) !== bad);
  const lines = errors.slice(0, 100).map((m) => `${relative(site, file(m))}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}: ${m.message}`);
  if (errors.length > lines.length) lines.push(`… and ${errors.length - lines.length} more`);
  assert.equal(errors.length, 0, `${errors.length} HTML errors:\n${lines.join('\n')}`);
});

// The search script's folding and engine against what Go says.
// Run with: node --test layouts/assets/
//
// internal/search/testdata/folding.json is written by the Go tests from
// vnfold.Fold and search.ExactKey; internal/search/testdata/fixture/ holds
// indexes Go built and what Go's engine found in them for each query.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";

import { compare, exactKey, exactPrefix, fold, tokenize } from "./search/text.js";
import { decode, intersect, union } from "./search/postings.js";
import { createSearcher } from "./search/engine.js";

const testdata = new URL("../../internal/search/testdata/", import.meta.url);

test("folding and exact keys agree with Go for every case of folding.json", async () => {
  const cases = JSON.parse(await readFile(new URL("folding.json", testdata), "utf8"));
  assert.ok(cases.length > 300, `only ${cases.length} cases`);
  for (const c of cases) {
    assert.equal(fold(c.in), c.fold, `fold(${JSON.stringify(c.in)}) [${c.form}]`);
    const exact = tokenize(c.in)
      .map((t) => t.exact)
      .join(" ");
    assert.equal(exact, c.exact, `exact keys of ${JSON.stringify(c.in)} [${c.form}]`);
  }
});

test("either placement of the tone is one exact word; other marks are not", () => {
  for (const [a, b] of [
    ["hoà", "hòa"],
    ["thuỷ", "thủy"],
    ["khoẻ", "khỏe"],
    ["quý", "qúy"],
    ["HOÀ", "hòa"],
  ]) {
    assert.equal(exactKey(a), exactKey(b), `${a} / ${b}`);
    assert.equal(exactKey(a.normalize("NFD")), exactKey(b), `${a} decomposed`);
  }
  assert.notEqual(exactKey("dang"), exactKey("đang"));
  assert.notEqual(exactKey("bán"), exactKey("bàn"));
  assert.equal(fold("Đăng ký khai sinh"), "dang ky khai sinh");
});

test("the word being typed matches the start of a word, its tone once typed", () => {
  assert.ok(exactPrefix(exactKey("thự"), exactKey("thực")));
  assert.ok(exactPrefix(exactKey("dang"), exactKey("dàng")));
  assert.ok(!exactPrefix(exactKey("dà"), exactKey("dạng")));
  assert.ok(!exactPrefix(exactKey("đa"), exactKey("dàng")));
});

test("strings order by code point, as Go orders the index", () => {
  const words = ["\u{1F600}", "\uFFFD", "z", "đ", "a", "ab"];
  const sorted = words.slice().sort(compare);
  assert.deepEqual(sorted, ["a", "ab", "z", "đ", "\uFFFD", "\u{1F600}"]);
});

test("posting lists decode as gaps and as bitmaps", () => {
  // gaps: 3, 5, 300
  const gaps = Uint8Array.from([0, 3, 2, 0xa7, 0x02]);
  assert.deepEqual(decode(gaps, 0, 3), [[3, 5, 300], 5]);
  // bitmap from 8: bits 0 and 9 → 8 and 17
  const bitmap = Uint8Array.from([1, 8, 2, 0b1, 0b10]);
  assert.deepEqual(decode(bitmap, 0, 2), [[8, 17], 5]);
  assert.throws(() => decode(bitmap, 0, 3));
  assert.deepEqual(intersect([1, 3, 5, 7], [2, 3, 7, 9]), [3, 7]);
  assert.deepEqual(union([[5, 1000], [1, 5], []]), [1, 5, 1000]);
});

// Each fixture is queried through one searcher, as a page does while the
// reader types: files cached by one query still count for the next, so the
// figures Go reports must come out the same.
for (const name of await readdir(new URL("fixture/", testdata))) {
  test(`the engine finds what Go found in fixture ${name}`, async () => {
    const dir = new URL(`fixture/${name}/`, testdata);
    const expected = JSON.parse(await readFile(new URL("queries.json", dir), "utf8"));
    const fetched = [];
    const searcher = createSearcher(async (path) => {
      fetched.push(path);
      return new Uint8Array(await readFile(new URL(path, dir)));
    });
    for (const want of expected) {
      const got = await searcher.query(want.q);
      assert.deepEqual(plain(got, want.q), want, `query ${JSON.stringify(want.q)}`);
    }
    assert.equal(new Set(fetched).size, fetched.length, "a file was fetched twice");
  });
}

// plain keeps what the fixture records, in its order.
function plain(res, q) {
  return {
    q,
    total: res.total,
    skipped: res.skipped,
    fetched: res.fetched,
    groups: res.groups.map((g) => ({
      kind: g.kind,
      total: g.total,
      hits: g.hits.map((h) => ({
        n: h.n,
        exact: h.exact,
        whole: h.whole,
        doc: { kind: h.doc.kind, label: h.doc.label, title: h.doc.title, context: h.doc.context, url: h.doc.url },
      })),
    })),
  };
}

// Words of a text in the two forms the index keys them by. This is the twin
// of internal/search/text.go: internal/search/testdata/folding.json holds
// what Go says, and search.test.mjs checks this file against it.

const nonspacingMark = /^\p{Mn}$/u;
const wordRun = /[\p{L}\p{N}\p{M}]+/gu;

// The Vietnamese tone marks as combining characters, and the ASCII sign
// VIQR writes each with.
const toneSigns = new Map([
  ["\u0300", "`"], // huyền
  ["\u0301", "'"], // sắc
  ["\u0309", "?"], // hỏi
  ["\u0303", "~"], // ngã
  ["\u0323", "."], // nặng
]);

// fold lowercases s and strips its diacritics, "đ" as "d": vnfold.Fold.
export function fold(s) {
  let out = "";
  for (const c of s.normalize("NFD")) {
    if (nonspacingMark.test(c)) continue;
    out += c === "đ" || c === "Đ" ? "d" : c.toLowerCase();
  }
  return out;
}

// exactKey is one word lowercased with its diacritics, the tone taken off
// its vowel and written at the end, so that "hoà" and "hòa" are one key.
export function exactKey(word) {
  let base = "";
  let tones = "";
  for (const c of word.normalize("NFD")) {
    const t = toneSigns.get(c);
    if (t) tones += t;
    else base += c.toLowerCase();
  }
  return base.normalize("NFC") + tones;
}

// tokenize splits s into words (runs of letters, digits and marks), each as
// {text, fold, exact}; a word that folds to nothing is dropped.
export function tokenize(s) {
  const out = [];
  for (const m of s.matchAll(wordRun)) {
    const f = fold(m[0]);
    if (f) out.push({ text: m[0], fold: f, exact: exactKey(m[0]) });
  }
  return out;
}

// splitTone cuts an exact key into its letters and its tone signs.
export function splitTone(key) {
  let i = key.length;
  while (i > 0 && "`'?~.".includes(key[i - 1])) i--;
  return [key.slice(0, i), key.slice(i)];
}

// exactPrefix: the word being typed (key q) starts word k with its own
// diacritics; a tone not typed yet matches any.
export function exactPrefix(q, k) {
  const [qb, qt] = splitTone(q);
  const [kb, kt] = splitTone(k);
  return kb.startsWith(qb) && (qt === "" || qt === kt);
}

// spellingClass is the first n characters of a key's letters.
export function spellingClass(k, n) {
  return Array.from(splitTone(k)[0]).slice(0, n).join("");
}

export function runeCount(s) {
  return Array.from(s).length;
}

// The kinds of document, in the order of the groups of results.
export const kinds = ["task", "plan", "agency", "locality"];

// indexedText is the text of a document whose words are searched: a plan's
// number too, a locality's parents too.
export function indexedText(kind, label, title, context) {
  if (kind === "plan") return label + " " + title;
  if (kind === "locality") return title + " " + context;
  return title;
}

// compare orders strings by code point, as Go orders the index's terms
// (JavaScript's < compares UTF-16 units, which differs past U+FFFF).
export function compare(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit) {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

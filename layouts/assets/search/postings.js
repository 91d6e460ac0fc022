// Posting lists: ascending document numbers, as internal/search/postings.go
// writes them. A list in a file is 0x00 then the first number and the gaps
// as unsigned varints, or 0x01, a start, a byte count and a bitmap.

const corrupt = () => new Error("search index: corrupt postings");

// decode reads one list of n documents from bytes at offset and returns
// [docs, offset after it].
export function decode(bytes, offset, n) {
  let pos = offset;
  const next = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (pos >= bytes.length) throw corrupt();
      const b = bytes[pos++];
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
  };
  if (pos >= bytes.length) throw corrupt();
  const tag = bytes[pos++];
  const docs = new Array(n);
  let count = 0;
  if (tag === 0) {
    let prev = 0;
    for (; count < n; count++) {
      prev = count === 0 ? next() : prev + next();
      docs[count] = prev;
    }
  } else if (tag === 1) {
    const start = next();
    const nbytes = next();
    if (pos + nbytes > bytes.length) throw corrupt();
    for (let j = 0; j < nbytes; j++) {
      const c = bytes[pos + j];
      if (c === 0) continue;
      for (let i = 0; i < 8; i++) {
        if (c & (1 << i)) {
          if (count >= n) throw corrupt();
          docs[count++] = start + 8 * j + i;
        }
      }
    }
    pos += nbytes;
  } else {
    throw corrupt();
  }
  if (count !== n) throw corrupt();
  return [docs, pos];
}

// ungap turns a dictionary's inline list (first number, then gaps) into
// document numbers.
export function ungap(gaps) {
  let sum = 0;
  return gaps.map((g) => (sum += g));
}

// intersect returns the documents in both ascending lists.
export function intersect(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      out.push(a[i]);
      i++;
      j++;
    }
  }
  return out;
}

// union returns the documents in any of the ascending lists, ascending:
// merged two by two, which is linear in each round.
export function union(lists) {
  if (lists.length === 0) return [];
  let round = lists;
  while (round.length > 1) {
    const next = [];
    for (let i = 0; i < round.length; i += 2) {
      next.push(i + 1 < round.length ? merge(round[i], round[i + 1]) : round[i]);
    }
    round = next;
  }
  return round[0];
}

function merge(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(a[i++]);
    else if (i >= a.length || b[j] < a[i]) out.push(b[j++]);
    else {
      out.push(a[i++]);
      j++;
    }
  }
  return out;
}

// contains reports whether the ascending list holds d.
export function contains(list, d) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < d) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] === d;
}

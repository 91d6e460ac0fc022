// The query engine: the twin of internal/search/query.go, which says why
// each step is as it is. Both must fetch the same files and find the same
// results; search.test.mjs runs this engine over an index Go built
// (internal/search/testdata/fixture) and compares with what Go found.

import {
  compare,
  exactPrefix,
  indexedText,
  kinds,
  runeCount,
  spellingClass,
  splitTone,
  tokenize,
} from "./text.js";
import { contains, decode, intersect, ungap, union } from "./postings.js";

const formatVersion = 2;

// createSearcher returns {query(q)} over the index whose files fetchFile
// reads: fetchFile(path relative to index.json) resolves to a Uint8Array.
// Files stay cached between queries; each query still counts every file it
// uses against its budget, as the Go engine does, so both decide alike.
export function createSearcher(fetchFile) {
  const files = new Map(); // path → Promise of bytes
  const parsed = new Map(); // path → what the file says
  const bytesOf = (path) => {
    if (!files.has(path)) {
      const p = fetchFile(path);
      files.set(path, p);
      p.catch(() => files.delete(path)); // a failed fetch may be retried
    }
    return files.get(path);
  };
  return {
    query: (q) => new Query(bytesOf, parsed).run(q),
  };
}

class Query {
  constructor(bytesOf, parsed) {
    this.bytesOf = bytesOf;
    this.parsed = parsed;
    this.used = new Set();
    this.spent = 0;
  }

  // get returns a file's bytes and counts them once against the budget.
  async get(path) {
    const bytes = await this.bytesOf(path);
    if (!this.used.has(path)) {
      this.used.add(path);
      this.spent += bytes.length;
    }
    return bytes;
  }

  async json(path) {
    const bytes = await this.get(path);
    if (!this.parsed.has(path)) {
      this.parsed.set(path, JSON.parse(new TextDecoder().decode(bytes)));
    }
    return this.parsed.get(path);
  }

  // The paths of the index's files, relative to index.json (see
  // internal/search/doc.go): each named by a hash of its content.
  shardPath(i) {
    return "t/" + this.m.shardFiles[i] + ".json";
  }

  recordPath(f) {
    return "r/" + this.m.blocks[Math.floor(f / this.m.block)] + "/" + f + ".json";
  }

  async run(q) {
    let [words, skipped] = parseQuery(q, -1);
    if (words.length === 0) return { total: 0, groups: [], skipped, fetched: 0 };
    this.m = await this.json("index.json");
    if (this.m.format !== formatVersion) {
      throw new Error(`search index: format ${this.m.format}, want ${formatVersion}`);
    }
    [words, skipped] = parseQuery(q, this.m.words);
    const res = { total: 0, groups: [], skipped, fetched: 0 };
    await this.loadShards(words);
    if (this.lookUp(words)) {
      const [cands, more] = await this.candidates(words);
      for (const w of more) res.skipped.push(w.tok.text);
      if (cands.length > 0) {
        const [flags, unchecked] = await this.verify(words, cands);
        for (const w of unchecked) res.skipped.push(w.tok.text);
        await this.rank(res, words, cands, flags);
      }
    }
    res.fetched = this.spent;
    return res;
  }

  async loadShards(words) {
    const need = new Set();
    const shards = this.m.shards;
    for (const w of words) {
      const first = shardFor(shards, w.tok.fold);
      need.add(first);
      if (w.last) {
        w.heavy = this.heavyFor(w.tok.fold);
        if (!w.heavy) {
          for (let i = first + 1; i < shards.length && shards[i].startsWith(w.tok.fold); i++) need.add(i);
        }
      }
    }
    const order = [...need].sort((a, b) => a - b);
    const loaded = await Promise.all(order.map((i) => this.json(this.shardPath(i))));
    this.shards = new Map(order.map((i, k) => [i, loaded[k]]));
  }

  heavyFor(p) {
    const list = this.m.prefixes;
    const i = search(list.length, (i) => compare(list[i][0], p) >= 0);
    if (i < list.length && list[i][0] === p) {
      const [prefix, df, file, size, classes] = list[i];
      return { prefix, df, file, size, classes };
    }
    return null;
  }

  lookUp(words) {
    const shards = this.m.shards;
    for (const w of words) {
      const first = shardFor(shards, w.tok.fold);
      w.entry = findEntry(this.shards.get(first), w.tok.fold);
      if (!w.last) {
        if (!w.entry) return false;
        w.df = w.entry.df;
      } else if (w.heavy) {
        w.df = w.heavy.df;
      } else {
        w.terms = [];
        w.df = 0;
        for (let i = first; i < shards.length && (i === first || shards[i].startsWith(w.tok.fold)); i++) {
          for (const raw of this.shards.get(i)) {
            if (raw[0].startsWith(w.tok.fold)) {
              const e = entryOf(raw);
              w.terms.push(e);
              w.df += e.df;
            }
          }
        }
        if (w.terms.length === 0) return false;
      }
    }
    return true;
  }

  async candidates(words) {
    const order = words.slice().sort((a, b) => a.df - b.df); // stable
    let cands = [];
    for (let i = 0; i < order.length; i++) {
      const w = order[i];
      if (i > 0 && cands.length <= this.m.verify) break;
      if (i > 0 && this.spent + this.postingCost(w) > this.m.postings) {
        for (const rest of order.slice(i)) rest.state = "skipped";
        return [cands, order.slice(i)];
      }
      await this.postings(w);
      cands = i === 0 ? w.fold : intersect(cands, w.fold);
      if (cands.length === 0) return [[], []];
    }
    return [cands, []];
  }

  postingCost(w) {
    let cost = 0;
    const add = (path, size) => {
      if (!this.used.has(path)) cost += size;
    };
    let terms = w.terms;
    if (!w.last || w.heavy) terms = w.entry ? [w.entry] : [];
    terms.forEach((e, i) => {
      if (e.file !== "" && !terms.slice(0, i).some((o) => o.file === e.file)) {
        add(postingPath(e.file), e.size);
      }
    });
    if (w.heavy) add(prefixPath(w.heavy.file), w.heavy.size);
    return cost;
  }

  async postings(w) {
    w.state = "fetched";
    if (!w.last) {
      const lists = await this.lists(w.entry);
      w.fold = union(lists);
      w.exact = [];
      w.entry.variants.forEach((v, i) => {
        if (v.exact === w.tok.exact) w.exact = lists[i];
      });
      return;
    }
    if (w.heavy) return this.heavyPostings(w);
    const all = [];
    const exact = [];
    const whole = [];
    for (const e of w.terms) {
      const lists = await this.lists(e);
      all.push(...lists);
      if (e.fold === w.tok.fold) whole.push(...lists);
      e.variants.forEach((v, i) => {
        if (exactPrefix(w.tok.exact, v.exact)) exact.push(lists[i]);
      });
    }
    w.fold = union(all);
    w.exact = union(exact);
    w.whole = union(whole);
  }

  async heavyPostings(w) {
    const exact = [];
    w.whole = [];
    if (w.entry) {
      const lists = await this.lists(w.entry);
      w.whole = union(lists);
      w.entry.variants.forEach((v, i) => {
        if (exactPrefix(w.tok.exact, v.exact)) exact.push(lists[i]);
      });
    }
    const bytes = await this.get(prefixPath(w.heavy.file));
    const [base, tone] = splitTone(w.tok.exact);
    const all = [];
    let pos = 0;
    for (const [cls, df] of w.heavy.classes) {
      let docs;
      [docs, pos] = decode(bytes, pos, df);
      all.push(docs);
      if (cls === base && tone === "") exact.push(docs);
    }
    w.fold = union(all);
    w.exact = union(exact);
  }

  async lists(e) {
    if (e.file === "") return e.variants.map((v) => v.docs);
    const path = postingPath(e.file);
    const bytes = await this.get(path);
    const key = "lists:" + path;
    if (!this.parsed.has(key)) {
      let pos = 0;
      const out = e.variants.map((v) => {
        let docs;
        [docs, pos] = decode(bytes, pos, v.df);
        return docs;
      });
      this.parsed.set(key, out);
    }
    return this.parsed.get(key);
  }

  // verify returns [flags by document, or null; words skipped instead].
  async verify(words, cands) {
    const rest = words.filter((w) => w.state === undefined);
    if (rest.length === 0) return [null, []];
    if (this.spent + this.recordCost(cands) >= this.m.budget) {
      for (const w of rest) w.state = "skipped";
      return [null, rest];
    }
    await this.loadRecords(cands);
    const flags = new Map();
    for (const n of cands) {
      const d = this.doc(n);
      const toks = tokenize(indexedText(d.kind, d.label, d.title, d.context));
      const f = { exact: true, whole: false };
      let ok = true;
      for (const w of rest) {
        const [match, exact, whole] = matchText(w, toks);
        if (!match) {
          ok = false;
          break;
        }
        f.exact = f.exact && exact;
        if (w.last) f.whole = whole;
      }
      if (ok) flags.set(n, f);
    }
    return [flags, []];
  }

  recordCost(docs) {
    const files = new Set();
    for (const n of docs) {
      const f = Math.floor(n / this.m.records);
      if (!this.used.has(this.recordPath(f))) files.add(f);
    }
    return files.size * this.m.recordMax;
  }

  async rank(res, words, cands, flags) {
    const last = words[words.length - 1];
    const groups = kinds.map(() => []);
    for (const n of cands) {
      const h = { n, exact: true, whole: false };
      if (flags) {
        const f = flags.get(n);
        if (!f) continue;
        h.exact = f.exact;
        h.whole = f.whole;
      }
      for (const w of words) {
        if (w.state === "fetched") h.exact = h.exact && contains(w.exact, n);
      }
      if (last.last && last.state === "fetched") h.whole = contains(last.whole, n);
      groups[this.kindOf(n)].push(h);
      res.total++;
    }
    groups.forEach((hits, k) => {
      if (hits.length > 0) {
        hits.sort((a, b) => score(b) - score(a) || a.n - b.n);
        res.groups.push({ kind: kinds[k], total: hits.length, hits });
      }
    });
    const shown = this.show(res.groups);
    await this.loadRecords(shown);
    for (const g of res.groups) {
      for (const h of g.hits) h.doc = this.doc(h.n);
    }
  }

  // show cuts each group to the cap, the groups' best in turn, before the
  // record files would take the query past its budget.
  show(groups) {
    const counts = groups.map(() => 0);
    const fresh = new Set();
    let cost = 0;
    const shown = [];
    const cut = () => {
      groups.forEach((g, i) => (g.hits = g.hits.slice(0, counts[i])));
      return shown.sort((a, b) => a - b);
    };
    for (let round = 0; round < this.m.cap; round++) {
      for (let g = 0; g < groups.length; g++) {
        if (round >= groups[g].hits.length) continue;
        const n = groups[g].hits[round].n;
        const f = Math.floor(n / this.m.records);
        if (!this.used.has(this.recordPath(f)) && !fresh.has(f)) {
          if (this.spent + cost + this.m.recordMax >= this.m.budget) return cut();
          fresh.add(f);
          cost += this.m.recordMax;
        }
        counts[g] = round + 1;
        shown.push(n);
      }
    }
    return cut();
  }

  kindOf(n) {
    for (let k = 0; k < this.m.kinds.length; k++) {
      if (n < this.m.kinds[k]) return k;
      n -= this.m.kinds[k];
    }
    return kinds.length;
  }

  async loadRecords(docs) {
    const need = [...new Set(docs.map((n) => Math.floor(n / this.m.records)))].sort((a, b) => a - b);
    const loaded = await Promise.all(need.map((i) => this.json(this.recordPath(i))));
    this.records = this.records || new Map();
    need.forEach((i, k) => this.records.set(i, loaded[k]));
  }

  // doc reads document n from its loaded record file.
  doc(n) {
    const kind = kinds[this.kindOf(n)];
    const r = this.records.get(Math.floor(n / this.m.records));
    const rec = r && r.d[n % this.m.records];
    if (!rec || rec.length < 5) return { kind, label: "", title: "", context: "", url: "" };
    const [label, title, c, u, tail] = rec;
    return { kind, label, title, context: r.c[c] ?? "", url: (r.u[u] ?? "") + tail };
  }
}

// parseQuery splits a query into words, the last one being typed, each
// once; past limit words (when limit ≥ 0) the rest are skipped.
function parseQuery(q, limit) {
  const toks = tokenize(q);
  const words = [];
  const skipped = [];
  const seen = new Set();
  toks.forEach((t, i) => {
    const last = i === toks.length - 1;
    const key = t.fold + "\u0000" + t.exact + (last ? "\u0000…" : "");
    if (seen.has(key)) {
      // the same word twice
    } else if (limit >= 0 && words.length >= limit) {
      skipped.push(t.text);
    } else {
      words.push({ tok: t, last });
    }
    seen.add(key);
  });
  return [words, skipped];
}

// matchText is what the postings of w would say of a document with these
// words: [matches, with the typed diacritics, as a whole word].
function matchText(w, toks) {
  const [base, tone] = splitTone(w.tok.exact);
  const n = runeCount(w.tok.fold);
  let match = false;
  let exact = false;
  let whole = false;
  for (const t of toks) {
    if (!w.last) {
      if (t.fold === w.tok.fold) {
        match = true;
        exact = exact || t.exact === w.tok.exact;
      }
      continue;
    }
    if (!t.fold.startsWith(w.tok.fold)) continue;
    match = true;
    whole = whole || t.fold === w.tok.fold;
    if (w.heavy) {
      exact =
        exact ||
        (tone === "" && spellingClass(t.exact, n) === base) ||
        (t.fold === w.tok.fold && exactPrefix(w.tok.exact, t.exact));
    } else {
      exact = exact || exactPrefix(w.tok.exact, t.exact);
    }
  }
  return [match, exact, whole];
}

function score(h) {
  return (h.exact ? 2 : 0) + (h.whole ? 1 : 0);
}

// search returns the first i in [0, n) for which pred is true, or n.
function search(n, pred) {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (!pred(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// shardFor returns the shard whose range holds s.
function shardFor(firsts, s) {
  return Math.max(0, search(firsts.length, (i) => compare(firsts[i], s) > 0) - 1);
}

function findEntry(entries, fold) {
  const i = search(entries.length, (i) => compare(entries[i][0], fold) >= 0);
  return i < entries.length && entries[i][0] === fold ? entryOf(entries[i]) : null;
}

const postingPath = (name) => "p/" + name + ".bin";
const prefixPath = (name) => "x/" + name + ".bin";

// entryOf reads a dictionary entry: [fold, df, [[exact, df, gaps?] …], file?, bytes?].
function entryOf(raw) {
  const [fold, df, variants, file = "", size = 0] = raw;
  return {
    fold,
    df,
    file,
    size,
    variants: variants.map(([exact, vdf, gaps]) => ({ exact, df: vdf, docs: gaps ? ungap(gaps) : null })),
  };
}

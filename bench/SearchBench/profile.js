// Per-query profile of the search engine in Node, on a corpus kept by SearchBench (not a test, not run by CI):
//   SEARCH_BENCH_KEEP=1 dotnet run -c Release --project bench/SearchBench -- 10000    # prints "(kept in DIR)"
//   node bench/SearchBench/profile.js DIR theme/assets/js fresh    # a new engine per query: nothing decoded
//   node bench/SearchBench/profile.js DIR theme/assets/js shared   # one engine for all queries, as before version 3
//   node bench/SearchBench/profile.js DIR theme/assets/js cold     # as a fresh page: each query in a new JS context
//                                  (code not yet optimised), typed letter by letter; the time is its last search's
// Prints the median, p95 and total of the 200 queries' search times, then the 15 slowest with how each word matched.
// Point the second argument at another copy of search.js and search-normalize.js to compare two engines on one index.
const fs = require('fs'), vm = require('vm'), path = require('path');
const [dir, jsdir] = [process.argv[2], process.argv[3]];
const ctx = { console }; ctx.window = ctx; ctx.globalThis = ctx; vm.createContext(ctx);
for (const f of ['search-normalize.js', 'search.js']) vm.runInContext(fs.readFileSync(path.join(jsdir, f), 'utf8'), ctx);
let t = process.hrtime.bigint();
vm.runInContext(fs.readFileSync(path.join(dir, '_site/assets/search-index.js'), 'utf8'), ctx);
console.log('main parse ms', Number(process.hrtime.bigint() - t) / 1e6);
const queries = fs.readFileSync(path.join(dir, 'queries.tsv'), 'utf8').trim().split('\n').map(l => { const [q, ty] = l.split('\t'); return [q, ty === '1']; });
const chunkCache = {};
function chunk(key) {
  if (!(key in chunkCache)) { vm.runInContext(fs.readFileSync(path.join(dir, '_site/assets/search-index', key + '.js'), 'utf8'), ctx); chunkCache[key] = ctx.FICHES_INDEX_TERMS[key]; }
  return chunkCache[key];
}
const mode = process.argv[4] || 'fresh';
let shared = new ctx.FichesSearch.Engine(ctx.FICHES_INDEX);
const rows = [];
// A new context with its own copy of the engine's code, over the one parsed index.
function coldEngine() {
  const fresh = { console }; fresh.window = fresh; fresh.globalThis = fresh; vm.createContext(fresh);
  for (const f of ['search-normalize.js', 'search.js']) vm.runInContext(fs.readFileSync(path.join(jsdir, f), 'utf8'), fresh);
  return new fresh.FichesSearch.Engine(ctx.FICHES_INDEX);
}
for (const [q, typing] of queries) {
  const engine = mode === 'fresh' ? new ctx.FichesSearch.Engine(ctx.FICHES_INDEX) : mode === 'cold' ? coldEngine() : shared;
  // Typed letter by letter in cold mode (every keystroke but the last searched untimed), at once otherwise.
  for (let i = 1; mode === 'cold' && i < q.length; i++) {
    const text = q.slice(0, i);
    const typingHere = !/[\s\p{P}]$/u.test(text);
    for (const key of engine.missingChunks(text, typingHere)) engine.addChunk(key, chunk(key));
    engine.search(text, typingHere);
  }
  const t0 = process.hrtime.bigint();
  for (const key of engine.missingChunks(q, typing)) engine.addChunk(key, chunk(key));
  const t1 = process.hrtime.bigint();
  const r = engine.search(q, typing);
  const t2 = process.hrtime.bigint();
  rows.push({ q, typing, chunks: Number(t1 - t0) / 1e6, ms: Number(t2 - t1) / 1e6, total: r.total, how: r.words.map(w => w.how + ':' + w.terms.length).join(',') });
}
const ms = rows.map(r => r.ms).sort((a, b) => a - b);
console.log(mode, 'median', ms[100].toFixed(2), 'p95', ms[190].toFixed(2), 'max', ms[199].toFixed(2), 'sum', ms.reduce((a, b) => a + b).toFixed(0));
rows.sort((a, b) => b.ms - a.ms).slice(0, 15).forEach(r => console.log(r.ms.toFixed(2), 'addChunk', r.chunks.toFixed(1), JSON.stringify(r.q), r.typing, r.total, r.how));

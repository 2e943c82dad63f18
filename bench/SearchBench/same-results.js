// Do two copies of the search engine give the same results? (Node, on a corpus kept by SearchBench; not a test, not
// run by CI.) Every query of the kept queries.tsv is typed letter by letter into both engines, over the same index,
// and each search's whole result, completed with its blocks of sections, is compared as JSON, scores included:
//   SEARCH_BENCH_KEEP=1 dotnet run -c Release --project bench/SearchBench -- 10000    # prints "(kept in DIR)"
//   git show HEAD~1:theme/assets/js/search.js > /tmp/old/search.js; cp theme/assets/js/search-normalize.js /tmp/old/
//   node bench/SearchBench/same-results.js DIR /tmp/old theme/assets/js
// After a change of the index format, give the second engine its own site, built by the new writer from the same corpus:
//   node bench/SearchBench/same-results.js OLD_DIR /tmp/old theme/assets/js NEW_DIR
// Prints the number of searches and how many differ (the first three differences in full).
const fs = require('fs'), vm = require('vm'), path = require('path');
const [dirA, a, b, dirB] = process.argv.slice(2);
function engineFrom(jsdir, dir) {
  const ctx = { console }; ctx.window = ctx; vm.createContext(ctx);
  for (const f of ['search-normalize.js', 'search.js']) vm.runInContext(fs.readFileSync(path.join(jsdir, f), 'utf8'), ctx);
  vm.runInContext(fs.readFileSync(path.join(dir, '_site/assets/search-index.js'), 'utf8'), ctx);
  return { ctx, dir, e: new ctx.FichesSearch.Engine(ctx.FICHES_INDEX) };
}
const engines = [engineFrom(a, dirA), engineFrom(b, dirB || dirA)];
const queries = fs.readFileSync(path.join(dirA, 'queries.tsv'), 'utf8').trim().split('\n').map(l => { const [q, t] = l.split('\t'); return [q, t === '1']; });
let searches = 0, different = 0;
for (const [whole, typingAtEnd] of queries) {
  for (let i = 1; i <= whole.length; i++) {
    const q = whole.slice(0, i), typing = i < whole.length ? true : typingAtEnd;
    for (const x of engines) {
      for (const key of x.e.missingChunks(q, typing)) {
        vm.runInContext(fs.readFileSync(path.join(x.dir, '_site/assets/search-index', key + '.js'), 'utf8'), x.ctx);
        x.e.addChunk(key, x.ctx.FICHES_INDEX_TERMS[key]);
      }
    }
    // Each result completed with its blocks, as the page shows it (since version 6 the pages' titles come with them).
    const [ra, rb] = engines.map(x => {
      const result = x.e.search(q, typing);
      for (const b of x.e.missingBlocks ? x.e.missingBlocks(result) : []) {
        vm.runInContext(fs.readFileSync(path.join(x.dir, '_site/assets/search-index', 's-' + b + '.js'), 'utf8'), x.ctx);
        x.e.addBlock(b, x.ctx.FICHES_INDEX_SECTIONS[b]);
      }
      return JSON.stringify(x.e.complete ? x.e.complete(result) : result);
    });
    searches++;
    if (ra !== rb && ++different <= 3) { console.log('DIFF', JSON.stringify(q), '\n ', ra, '\n ', rb); }
  }
}
console.log('searches', searches, 'different', different);

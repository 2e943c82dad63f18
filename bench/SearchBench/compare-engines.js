// Two engines timed side by side in one headless Chromium, on the same built index (not a test, not run by CI): the
// queries SearchBench keeps, each typed letter by letter on a freshly loaded page as SearchBench does, with one
// site's engine, then the other's, query after query, so that the machine's load falls on both alike. The query's
// time is that of its last search. Run it after SearchBench built its Playwright driver:
//   SEARCH_BENCH_KEEP=1 dotnet run -c Release --project bench/SearchBench -- 10000    # prints "(kept in DIR)"
//   cp -a DIR/_site /dev/shm/siteA && cp -al /dev/shm/siteA /dev/shm/siteB          # B: hard links, then
//   rm /dev/shm/siteB/assets/js/search.js && cp OTHER/search.js /dev/shm/siteB/assets/js/   # B's own engine
//   node bench/SearchBench/compare-engines.js DIR/queries.tsv /dev/shm/siteA /dev/shm/siteB
// Prints, per site, the median, p95 and max query time and the median time to make the engine. SEARCH_BENCH_CPU=4
// throttles Chromium's main thread as SearchBench's phone profile does. Each query runs on search-bench.html, a page
// written at the site's root with the two search scripts only (the home page of 10,000 sheets, 4 MB, takes seconds
// to load when throttled).
const path = require('path');
const { chromium } = require(path.join(__dirname, 'bin/Release/net10.0/.playwright/package'));
const fs = require('fs');
const [queriesFile, ...sites] = process.argv.slice(2);
const queries = fs.readFileSync(queriesFile, 'utf8').trim().split('\n').map(l => { const [q, t] = l.split('\t'); return [q, t === '1']; });
const typeQuery = async ([query, typingAtEnd]) => {
  const load = (src) => new Promise((ok, fail) => { const s = document.createElement('script'); s.src = src; s.onload = ok; s.onerror = fail; document.head.appendChild(s); });
  if (!window.FICHES_INDEX) { await load('assets/search-index.js'); }
  const t0 = performance.now();
  const engine = new FichesSearch.Engine(window.FICHES_INDEX);
  const engineMs = performance.now() - t0;
  let last = 0;
  for (let i = 1; i <= query.length; i++) {
    const text = query.slice(0, i);
    const typing = i < query.length ? !/[\s\p{P}]$/u.test(text) : typingAtEnd;
    if (FichesSearch.words(text).length === 0) { continue; }
    for (const key of engine.missingChunks(text, typing)) {
      await load('assets/search-index/' + key + '.js');
      engine.addChunk(key, window.FICHES_INDEX_TERMS[key]);
    }
    const t = performance.now();
    engine.search(text, typing);
    last = performance.now() - t;
  }
  return [last, engineMs];
};
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  const page = await browser.newPage();
  const cpu = Number(process.env.SEARCH_BENCH_CPU || 1);
  const cdp = cpu > 1 ? await page.context().newCDPSession(page) : null;
  for (const site of sites) {
    fs.writeFileSync(path.join(site, 'search-bench.html'), '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>search-bench</title>' +
      '<script src="assets/js/search-normalize.js" defer></script><script src="assets/js/search.js" defer></script></head><body></body></html>');
  }
  const times = sites.map(() => []), engines = sites.map(() => []);
  for (const q of queries) {
    for (let k = 0; k < sites.length; k++) {
      await page.goto('file://' + path.resolve(sites[k]) + '/search-bench.html');
      if (cdp) { await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu }); }
      const [t, e] = await page.evaluate(typeQuery, q);
      times[k].push(t);
      engines[k].push(e);
    }
  }
  const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
  sites.forEach((s, k) => console.log(s, 'median', pct(times[k], 0.5).toFixed(2), 'p95', pct(times[k], 0.95).toFixed(2),
    'max', pct(times[k], 1).toFixed(2), 'engine median', pct(engines[k], 0.5).toFixed(2)));
  await browser.close();
})();

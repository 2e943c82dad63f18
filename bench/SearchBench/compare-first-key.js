// The search page's first result after the first key, for two (or more) copies of a site side by side in one headless
// Chromium, query after query, so that the machine's load falls on all alike (not a test, not run by CI). Each query
// as SearchBench's « first key » measures it: the search page (recherche/index.html) freshly loaded from file://, a
// click into the field, the query typed as fast as the page takes keys (SEARCH_BENCH_KEY_MS=200: key i sent
// i × 200 ms after the first by the clock, as SearchBench does), then the time from the first key's keydown to the
// first result (an <li>) in the list. Run it after SearchBench built its Playwright driver:
//   SEARCH_BENCH_KEEP=1 SEARCH_BENCH_SITES=DIR dotnet run -c Release --project bench/SearchBench -- 10000
//   cp -al DIR/10000/_site /tmp/siteA && cp -al DIR/10000/_site /tmp/siteB      # hard links, then each its engine:
//   rm /tmp/siteB/assets/js/search.js && cp OTHER/search.js /tmp/siteB/assets/js/  # (the same for siteA)
//   SEARCH_BENCH_CPU=4 node bench/SearchBench/compare-first-key.js DIR/10000/queries.tsv 40 /tmp/siteA /tmp/siteB
// Prints, per site, the median, p95 and max time to the first result, to the first result with its sections, and
// how many keys were typed before it. SEARCH_BENCH_ROWS=1 prints each query's typing time and first result as well.
const path = require('path');
const { chromium } = require(path.join(__dirname, 'bin/Release/net10.0/.playwright/package'));
const fs = require('fs');
const [queriesFile, count, ...sites] = process.argv.slice(2);
const queries = fs.readFileSync(queriesFile, 'utf8').trim().split('\n').map(l => l.split('\t')[0]).slice(0, Number(count));
const keyMs = Number(process.env.SEARCH_BENCH_KEY_MS || 0);
// Each key sent at its time on the clock, not once the page has handled the one before.
async function type(page, query) {
  if (keyMs <= 0) { await page.keyboard.type(query); return; }
  const start = Date.now();
  const sent = [];
  const keys = Array.from(query); // one key per code point, a letter outside the BMP whole
  for (let i = 0; i < keys.length; i++) {
    const due = start + i * keyMs - Date.now();
    if (due > 0) { await new Promise((resolve) => setTimeout(resolve, due)); }
    sent.push(page.keyboard.type(keys[i]));
  }
  await Promise.all(sent);
}
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  const page = await browser.newPage();
  const cpu = Number(process.env.SEARCH_BENCH_CPU || 1);
  const cdp = cpu > 1 ? await page.context().newCDPSession(page) : null;
  const first = sites.map(() => []), whole = sites.map(() => []), keys = sites.map(() => []), missed = sites.map(() => 0);
  for (const query of queries) {
    for (let k = 0; k < sites.length; k++) {
      await page.goto('file://' + path.resolve(sites[k]) + '/recherche/index.html');
      if (cdp) { await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu }); }
      await page.evaluate(() => {
        const list = document.getElementById('recherche-resultats');
        const seen = window.__firstKey = { key: -1, lastKey: -1, keys: 0, result: -1, keysBefore: -1, whole: -1 };
        document.addEventListener('keydown', (e) => {
          if (seen.key < 0) { seen.key = e.timeStamp; }
          seen.lastKey = e.timeStamp;
          seen.keys++;
        }, true);
        new MutationObserver(() => {
          if (seen.result < 0 && list.querySelector('li')) { seen.result = performance.now(); seen.keysBefore = seen.keys; }
          if (seen.whole < 0 && list.querySelector('li ul li')) { seen.whole = performance.now(); }
        }).observe(list, { childList: true, subtree: true });
      });
      await page.click('#recherche-champ');
      await type(page, query);
      try {
        await page.waitForFunction(() => window.__firstKey.result >= 0 && window.__firstKey.whole >= 0, null, { timeout: 10000, polling: 20 });
      } catch (timeout) {
        missed[k]++;
        continue;
      }
      const s = await page.evaluate(() => window.__firstKey);
      first[k].push(s.result - s.key);
      whole[k].push(s.whole - s.key);
      keys[k].push(s.keysBefore);
      if (process.env.SEARCH_BENCH_ROWS === '1') {
        console.log(sites[k], JSON.stringify(query), 'typed in', Math.round(s.lastKey - s.key), 'ms, first result', Math.round(s.result - s.key), 'ms, after key', s.keysBefore);
      }
    }
  }
  const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
  sites.forEach((s, k) => console.log(s, 'queries', first[k].length, '(no result within 10 s:', missed[k] + ')',
    'first result median', pct(first[k], 0.5).toFixed(0), 'p95', pct(first[k], 0.95).toFixed(0), 'max', pct(first[k], 1).toFixed(0),
    '| with its sections median', pct(whole[k], 0.5).toFixed(0), 'p95', pct(whole[k], 0.95).toFixed(0),
    '| keys before it median', pct(keys[k], 0.5), 'p95', pct(keys[k], 0.95)));
  await browser.close();
})();

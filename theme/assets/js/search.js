/*
 * The site's search: a small query engine over assets/search-index.js (built by src/Search/), and the search
 * field of the header. Hand-written on purpose, with no library: it must run from file://, under a sub-path and
 * under a strict Content-Security-Policy, so it is a plain script (no module, no fetch, no worker, no eval), and
 * it builds results from DOM text nodes only, never from HTML strings.
 *
 * Engine rules: every query word must match (AND, over a page); the last word also matches as a prefix while the
 * patient is still typing, even a stop word when the query has no other word (« dé » → « dépistage »); a word
 * of 5 letters or more that matches nothing is retried at edit distance 1; ranking is tf-idf with a page title
 * worth more than a heading, worth more than text; results are grouped by page, best section first. Words go
 * through FichesSearch.words/stem (search-normalize.js), the twin of the normaliser that built the index.
 */
(function (root) {
  'use strict';

  var api = root.FichesSearch = root.FichesSearch || {};
  var WEIGHT_TITLE = 3;
  var WEIGHT_HEADING = 2;
  var WEIGHT_TEXT = 1;
  var MAX_SECTIONS_PER_PAGE = 3;
  var FUZZY_MIN_LENGTH = 5;

  var MAX_EXPANSIONS = 30;
  var MAX_PAGES = 50; // shown; the count announced is of every page found
  // Weight of a section's text by how often it holds the term (1, 2, 3 or more): 1 + ln(count).
  var TEXT_WEIGHTS = [0, WEIGHT_TEXT, WEIGHT_TEXT * (1 + Math.log(2)), WEIGHT_TEXT * (1 + Math.log(3))];

  // True when a and b are at most one insertion, deletion or substitution apart.
  function withinOneEdit(a, b) {
    var la = a.length;
    var lb = b.length;
    if (la > lb) { var t = a; a = b; b = t; la = a.length; lb = b.length; }
    if (lb - la > 1) { return false; }
    var i = 0;
    while (i < la && a.charCodeAt(i) === b.charCodeAt(i)) { i++; }
    var skip = la === lb ? 1 : 0; // substitution: skip one in both; insertion: skip one in the longer
    for (var j = i + skip; j < la; j++) {
      if (a.charCodeAt(j) !== b.charCodeAt(j + 1 - skip)) { return false; }
    }
    return true;
  }

  // Value of each character of encoded postings (SearchIndex.PostingDigits in C#): 0 to 31 end a number, 32 to 63
  // carry on to the next character. Anything else is -1 and never appears.
  var DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
  var DIGIT_VALUE = new Int8Array(128);
  (function () {
    for (var c = 0; c < 128; c++) { DIGIT_VALUE[c] = DIGITS.indexOf(String.fromCharCode(c)); }
  }());

  /*
   * A term's postings, as the build wrote them (src/Search/SearchIndex.cs): one base-32 number per section holding
   * the term, (section - previous section) * 8 + (4 if in the heading) + min(text count, 3), with no separator.
   * Decoded into pairs [section, code, …], one table look-up per character. The reference reader of the format: the
   * tests hold it to the C# encoder; the engine reads the same numbers straight from the string (summarize,
   * scorePage), since a common word holds tens of thousands of sections.
   */
  function decodePostings(encoded) {
    if (!encoded) { return new Int32Array(0); }
    var length = encoded.length;
    var pairs = new Int32Array(length * 2); // at most one section per character
    var k = 0;
    var value = 0;
    var section = 0;
    for (var i = 0; i < length; i++) {
      var digit = DIGIT_VALUE[encoded.charCodeAt(i)];
      if (digit >= 32) {
        value = value * 32 + digit - 32;
      } else {
        value = value * 32 + digit;
        section += value >> 3;
        pairs[k++] = section;
        pairs[k++] = value & 7;
        value = 0;
      }
    }
    return k === pairs.length ? pairs : pairs.slice(0, k);
  }

  // The words a query searches: while the patient types its last word, a query of stop words alone keeps that word,
  // searched as a prefix (see typedWords in search-normalize.js).
  api.queryWords = function (query, typing) {
    return typing ? api.typedWords(query) : api.words(query);
  };

  // The chunk of the index that holds a term: its first two characters when ASCII letters or digits, else '_'
  // (the same rule as SearchIndex.ChunkKey in C#).
  api.chunkKey = function (term) {
    var head = term.length >= 2 ? term.slice(0, 2) : term;
    return /^[a-z0-9]+$/.test(head) ? head : '_';
  };

  /*
   * index: window.FICHES_INDEX (format: src/Search/SearchIndex.cs). A large index comes without its terms but with
   * the list of its chunks: the page loads the chunks that missingChunks names, hands each to addChunk, then
   * searches. It also comes without its pages (title, path) and their sections' words (heading, anchor, snippet),
   * only each page's count of sections: the engine ranks without them, then the page loads the blocks that
   * missingBlocks names for the pages found, hands each to addBlock, and complete fills the result in.
   */
  function Engine(index) {
    var counts = index.sectionCounts || null;
    this.pageCount = counts ? counts.length : index.pages.length;
    this.pages = index.pages || new Array(this.pageCount); // [title, path] by page; in a split index, once its block is there
    this.services = index.services || []; // the services' names, for the search page's filter
    this.pageServices = index.pageServices || null; // each page's number in services, -1 for none
    this.terms = {};
    this.titles = index.titles || Object.create(null); // in a split index, each chunk brings the title pages of its terms
    this.chunks = null;
    this.loaded = {};
    if (index.chunks) {
      var chunks = this.chunks = {};
      index.chunks.forEach(function (key) { chunks[key] = true; });
    } else {
      this.terms = index.terms;
    }
    this.sortedTerms = Object.keys(this.terms).sort();
    this.chunkTerms = {}; // sorted terms of each loaded chunk: what edit distance 1 looks at in a split index
    this.summaries = new Map(); // see summary
    this.slots = []; // per query word, dense score arrays reused from query to query (see wordScores)
    this.pageMark = new Uint8Array(this.pageCount); // scratch, all zero between uses
    // Sections are numbered page after page: their count per page is the whole mapping between them.
    var p;
    var s;
    if (index.sections) {
      this.wholeSections = index.sections; // [page, heading, anchor, snippet]: one script holds everything
      this.blocks = null;
      counts = new Int32Array(this.pageCount);
      for (s = 0; s < index.sections.length; s++) { counts[index.sections[s][0]]++; }
    } else {
      this.wholeSections = null;
      this.blockPages = index.blockPages;
      this.blocks = {}; // block number → its [[heading, anchor, snippet], …] once loaded
    }
    this.firstSection = new Int32Array(this.pageCount + 1);
    for (p = 0; p < this.pageCount; p++) { this.firstSection[p + 1] = this.firstSection[p] + counts[p]; }
    this.sectionCount = this.firstSection[this.pageCount];
    this.maxSections = 1; // the most sections of one page
    for (p = 0; p < this.pageCount; p++) { this.maxSections = Math.max(this.maxSections, counts[p]); }
    this.pageOfSection = new Int32Array(this.sectionCount);
    for (p = 0; p < this.pageCount; p++) {
      for (s = this.firstSection[p]; s < this.firstSection[p + 1]; s++) { this.pageOfSection[s] = p; }
    }
  }

  // The blocks of sections not yet loaded that the pages of a result need (a split index only), in order, or in the
  // order of the pages that need them (best first) when byRank.
  Engine.prototype.missingBlocks = function (result, byRank) {
    if (!this.blocks) { return []; }
    var need = [];
    for (var i = 0; i < result.pages.length; i++) {
      var block = Math.floor(result.pages[i].page / this.blockPages);
      if (!this.blocks[block] && need.indexOf(block) < 0) { need.push(block); }
    }
    return byRank ? need : need.sort(function (a, b) { return a - b; });
  };

  // data: the block's { pages: [[title, path], …], sections: [[heading, anchor, snippet], …] }
  // (window.FICHES_INDEX_SECTIONS[block]), or nothing when its script failed to load (its pages then cannot be shown).
  Engine.prototype.addBlock = function (block, data) {
    if (!this.blocks) { return; }
    this.blocks[block] = (data && data.sections) || [];
    var pages = (data && data.pages) || [];
    for (var i = 0; i < pages.length; i++) { this.pages[block * this.blockPages + i] = pages[i]; }
  };

  // Whether page p of a result can be drawn as complete as it will be: its block is there (or failed to load).
  Engine.prototype.ready = function (p) {
    return !this.blocks || this.blocks.hasOwnProperty(Math.floor(p / this.blockPages));
  };

  // Fills in the title and path of every page of a result, and the heading, anchor and snippet of its sections,
  // whose block is loaded; returns result.
  Engine.prototype.complete = function (result) {
    for (var i = 0; i < result.pages.length; i++) {
      var page = this.pages[result.pages[i].page];
      if (page) {
        result.pages[i].title = page[0];
        result.pages[i].path = page[1];
        result.pages[i].service = page[2]; // a sheet's service, undefined for other pages
      }
      var sections = result.pages[i].sections;
      for (var k = 0; k < sections.length; k++) {
        var entry = sections[k];
        var s = entry.section;
        var words = null;
        if (this.wholeSections) {
          words = this.wholeSections[s].slice(1);
        } else {
          var block = Math.floor(this.pageOfSection[s] / this.blockPages);
          var ofBlock = this.blocks[block];
          words = ofBlock ? ofBlock[s - this.firstSection[block * this.blockPages]] || null : null;
        }
        if (words) {
          entry.heading = words[0];
          entry.anchor = words[1];
          entry.snippet = words[2];
        }
      }
    }
    return result;
  };

  // The chunks not yet loaded that a query needs: those of each word and of its stem (fuzzy matching looks no further).
  Engine.prototype.missingChunks = function (query, typing) {
    if (!this.chunks) { return []; }
    var need = {};
    var chunks = this.chunks;
    var words = api.queryWords(query, typing);
    words.forEach(function (word, i) {
      need[api.chunkKey(word)] = true;
      need[api.chunkKey(api.stem(word))] = true;
      if (typing && i === words.length - 1 && word.length < 2) {
        Object.keys(chunks).forEach(function (key) { if (key.charAt(0) === word) { need[key] = true; } });
      }
    });
    var loaded = this.loaded;
    return Object.keys(need).filter(function (key) { return chunks[key] && !loaded[key]; }).sort();
  };

  // chunk: { terms: { term: "postings", … }, titles: { term: [page, …], … } } (window.FICHES_INDEX_TERMS[key]).
  Engine.prototype.addChunk = function (key, chunk) {
    var terms = (chunk && chunk.terms) || {};
    var titles = (chunk && chunk.titles) || {};
    var added = [];
    for (var term in terms) {
      if (terms.hasOwnProperty(term)) {
        this.terms[term] = terms[term];
        added.push(term);
        if (titles.hasOwnProperty(term)) { this.titles[term] = titles[term]; }
      }
    }
    added.sort();
    this.loaded[key] = true;
    this.chunkTerms[key] = added;
    // Merge rather than sort everything again: both lists are sorted, and a chunk's terms are new.
    var old = this.sortedTerms;
    var merged = new Array(old.length + added.length);
    var i = 0;
    var j = 0;
    for (var k = 0; k < merged.length; k++) {
      merged[k] = j >= added.length || (i < old.length && old[i] < added[j]) ? old[i++] : added[j++];
    }
    this.sortedTerms = merged;
  };

  // A term's postings by page (see summarize), made the first time a query needs them and kept for the 200 most
  // recent terms, as typing a word searches the same terms again and again.
  Engine.prototype.summary = function (term) {
    var summary = this.summaries.get(term);
    if (!summary) {
      if (this.summaries.size >= 200) { this.summaries.clear(); }
      summary = summarize(this.terms[term] || '', this.pageOfSection, this.firstSection, this.pageCount);
      this.summaries.set(term, summary);
    }
    return summary;
  };

  // The first place in sorted[0 … length − 1] whose value is not below value (binary search).
  function lowerBound(sorted, length, value) {
    var lo = 0;
    var hi = length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] < value) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }

  // Index terms that start with prefix, from the sorted list (binary search, then walk).
  Engine.prototype.termsStartingWith = function (prefix) {
    var list = this.sortedTerms;
    var lo = lowerBound(list, list.length, prefix);
    var found = [];
    for (var i = lo; i < list.length && list[i].lastIndexOf(prefix, 0) === 0; i++) { found.push(list[i]); }
    return found;
  };

  // Keeps the terms closest to what was typed (shortest first), so that « a » while typing stays fast.
  function closest(found) {
    return Object.keys(found).sort(function (a, b) { return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0); })
      .slice(0, MAX_EXPANSIONS).sort();
  }

  // The index terms a query word stands for, and how it matched: exact, prefix or fuzzy.
  Engine.prototype.expand = function (word, isPrefix) {
    var found = {};
    if (isPrefix && api.isStopWord(word)) {
      // A stop word kept while typed (typedWords) stands only for the longer words it starts, as typed: its stem
      // would widen it (« dans » → « dan… ») and a typo of it would reach unrelated words (« votre » → « voir »).
      this.termsStartingWith(word).forEach(function (t) { found[t] = true; });
      return { word: word, terms: closest(found), how: 'prefix' };
    }
    var stem = api.stem(word);
    var how = 'exact';
    if (this.terms.hasOwnProperty(stem)) { found[stem] = true; }
    if (isPrefix) {
      this.termsStartingWith(stem).concat(this.termsStartingWith(word)).forEach(function (t) { found[t] = true; });
      how = 'prefix';
    }
    if (Object.keys(found).length === 0 && word.length >= FUZZY_MIN_LENGTH) {
      how = 'fuzzy';
      // Against the stem and the word as typed; never against short terms ("2", "os"), which any guess is near.
      // A split index looks only in the chunks of the word and of its stem (those missingChunks loads), so that
      // what a typo finds does not depend on which chunks earlier queries happened to load.
      var lists = this.chunks
        ? [this.chunkTerms[api.chunkKey(word)] || [], api.chunkKey(stem) === api.chunkKey(word) ? [] : this.chunkTerms[api.chunkKey(stem)] || []]
        : [this.sortedTerms];
      var shortest = Math.min(stem.length, word.length) - 1;
      var longest = Math.max(stem.length, word.length) + 1;
      for (var l = 0; l < lists.length; l++) {
        var list = lists[l];
        for (var i = 0; i < list.length; i++) {
          var t = list[i];
          if (t.length >= FUZZY_MIN_LENGTH - 1 && t.length >= shortest && t.length <= longest &&
            (withinOneEdit(t, stem) || withinOneEdit(t, word))) {
            found[t] = true;
          }
        }
      }
    }
    return { word: word, terms: closest(found), how: how };
  };

  // A section's raw weight for a term, by whether its page's title holds the term (+ 8) and the posting's code
  // (heading 4 + text count): the same sum, in the same order, as it was when written out for each posting.
  var RAW = new Float64Array(16);
  (function () {
    for (var title = 0; title < 2; title++) {
      for (var code = 0; code < 8; code++) {
        var text = code & 3;
        RAW[title * 8 + code] = (title ? WEIGHT_TITLE : 0) + ((code & 4) ? WEIGHT_HEADING : 0) + (text > 0 ? TEXT_WEIGHTS[text] : 0);
      }
    }
  }());

  /*
   * A term's encoded postings read once into what ranking needs page by page: the pages holding it (ascending), for
   * each its best posting's code, how many postings it has there, and where they start in the string (the character,
   * and the section before it, from which decoding resumes). A query ranks pages from this alone, and reads the
   * postings of a page again (sectionScores) only for the pages it scores section by section: a word found in
   * most sections then costs one pass over its string the first time, and one step per page afterwards, not one per
   * section.
   */
  function summarize(encoded, pageOfSection, firstSection, pageCount) {
    var size = Math.min(encoded.length, pageCount);
    var pages = new Int32Array(size);
    var best = new Uint8Array(size);
    var count = new Int32Array(size);
    var start = new Int32Array(size);
    var base = new Int32Array(size);
    var k = -1;
    var end = -1; // first section past the current page
    var value = 0;
    var section = 0;
    var from = 0; // where the current number starts
    var total = 0;
    for (var i = 0; i < encoded.length; i++) {
      var digit = DIGIT_VALUE[encoded.charCodeAt(i)];
      if (digit >= 32) {
        value = value * 32 + digit - 32;
        continue;
      }
      value = value * 32 + digit;
      var before = section;
      section += value >> 3;
      var code = value & 7;
      if (section >= end) {
        var p = pageOfSection[section];
        end = firstSection[p + 1];
        k++;
        pages[k] = p;
        best[k] = code;
        start[k] = from;
        base[k] = before;
      } else if (RAW[code] > RAW[best[k]]) {
        best[k] = code;
      }
      count[k]++;
      total++;
      value = 0;
      from = i + 1;
    }
    k++;
    return {
      encoded: encoded, postings: total, length: k,
      pages: pages.subarray(0, k), best: best.subarray(0, k), count: count.subarray(0, k), start: start.subarray(0, k), base: base.subarray(0, k),
    };
  }

  // Where page p is in a summary's pages, or -1.
  function indexOfPage(summary, p) {
    var pages = summary.pages;
    var lo = lowerBound(pages, summary.length, p);
    return lo < summary.length && pages[lo] === p ? lo : -1;
  }

  /*
   * Per query word, arrays allocated once per engine and cleared after each query through the list of pages they
   * touched: a query then costs in proportion to the pages it reads, not to the size of the site. pageBest[p] is
   * the word's best score among page p's sections, pagesHit[0 … pageCount) the pages matched, each once, terms the
   * word's terms as wordScores read them, and score and inSection what sectionScores writes for one page.
   */
  Engine.prototype.slot = function (w) {
    if (!this.slots[w]) {
      var pages = this.pageCount;
      this.slots[w] = {
        pageBest: new Float64Array(pages), pagesHit: new Int32Array(pages), pageCount: 0, terms: [],
        score: new Float64Array(this.maxSections), inSection: new Uint8Array(this.maxSections),
      };
    }
    return this.slots[w];
  };

  function release(perWord) {
    for (var w = 0; w < perWord.length; w++) {
      var slot = perWord[w];
      for (var i = 0; i < slot.pageCount; i++) { slot.pageBest[slot.pagesHit[i]] = 0; }
      slot.pageCount = 0;
      slot.terms = [];
    }
  }

  /*
   * How well each page matches one query word: the best of the word's terms there, tf-idf with a title worth more
   * than a heading, worth more than text. Fills slot (see slot): pageBest, pagesHit, and terms, each term's
   * {summary, idf, titleScore, titlePages}.
   */
  Engine.prototype.wordScores = function (terms, slot) {
    var count = this.sectionCount;
    var inTitle = this.pageMark;
    var firstSection = this.firstSection;
    for (var t = 0; t < terms.length; t++) {
      var titlePages = this.titles[terms[t]] || [];
      var summary = this.summary(terms[t]);
      var i;
      var p;
      // Document frequency: the sections holding the term, every section of a page whose title holds it included.
      var df = summary.postings;
      for (i = 0; i < titlePages.length; i++) {
        p = titlePages[i];
        inTitle[p] = 1;
        df += firstSection[p + 1] - firstSection[p];
        var at = indexOfPage(summary, p);
        if (at >= 0) { df -= summary.count[at]; }
      }
      var idf = Math.log(1 + count / Math.max(df, 1));
      var titleScore = WEIGHT_TITLE * idf;
      slot.terms.push({ summary: summary, idf: idf, titleScore: titleScore, titlePages: titlePages });
      scorePages(summary, idf, titlePages.length > 0 ? inTitle : null, slot);
      var pageBest = slot.pageBest;
      for (i = 0; i < titlePages.length; i++) {
        p = titlePages[i];
        if (pageBest[p] === 0) { slot.pagesHit[slot.pageCount++] = p; }
        if (titleScore > pageBest[p]) { pageBest[p] = titleScore; }
        inTitle[p] = 0;
      }
    }
    return slot;
  };

  /*
   * The loop over a term's pages, on its own so that the JS engine optimises it alone (inside wordScores, an
   * optimised loop that met code after it that had never run fell back to the interpreter, on a cold page).
   * inTitle: pages whose title holds the term, or null.
   */
  function scorePages(summary, idf, inTitle, slot) {
    var pages = summary.pages;
    var best = summary.best;
    var pageBest = slot.pageBest;
    var pagesHit = slot.pagesHit;
    var m = slot.pageCount;
    for (var i = 0; i < summary.length; i++) {
      var p = pages[i];
      var value = RAW[(inTitle !== null && inTitle[p] ? 8 : 0) + best[i]] * idf;
      if (pageBest[p] === 0) { pagesHit[m++] = p; }
      if (value > pageBest[p]) { pageBest[p] = value; }
    }
    slot.pageCount = m;
  }

  /*
   * Scores page p's sections for one query word, from its terms: slot.score[i] for the page's i-th section (0 when
   * the word is not there), slot.inSection[i] when the section itself holds it (not only its page's title).
   */
  Engine.prototype.sectionScores = function (p, slot) {
    var first = this.firstSection[p];
    var sections = this.firstSection[p + 1] - first;
    var score = slot.score;
    var inSection = slot.inSection;
    var i;
    for (i = 0; i < sections; i++) {
      score[i] = 0;
      inSection[i] = 0;
    }
    for (var t = 0; t < slot.terms.length; t++) {
      var term = slot.terms[t];
      var title = term.titlePages.length > 0 && hasPage(term.titlePages, p) ? 1 : 0;
      if (title) {
        for (i = 0; i < sections; i++) {
          if (term.titleScore > score[i]) { score[i] = term.titleScore; }
        }
      }
      var at = indexOfPage(term.summary, p);
      if (at >= 0) { scorePage(term.summary, at, term.idf, title * 8, first, score, inSection); }
    }
  };

  // Whether an ascending list of pages holds p.
  function hasPage(pages, p) {
    var lo = 0;
    var hi = pages.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (pages[mid] < p) { lo = mid + 1; } else { hi = mid; }
    }
    return lo < pages.length && pages[lo] === p;
  }

  // Decodes the postings of one page of a summary (its at-th) into the scores of the page's sections.
  function scorePage(summary, at, idf, rawOffset, first, score, inSection) {
    var encoded = summary.encoded;
    var left = summary.count[at];
    var section = summary.base[at];
    var value = 0;
    for (var i = summary.start[at]; left > 0; i++) {
      var digit = DIGIT_VALUE[encoded.charCodeAt(i)];
      if (digit >= 32) {
        value = value * 32 + digit - 32;
      } else {
        value = value * 32 + digit;
        section += value >> 3;
        var v = RAW[rawOffset + (value & 7)] * idf;
        var s = section - first;
        if (v > score[s]) { score[s] = v; }
        inSection[s] = 1;
        value = 0;
        left--;
      }
    }
  }

  /*
   * Runs a query. Returns {words: [{word, terms, how}], total, pages: [{page, title, path, score, sections: [{section,
   * heading, anchor, snippet, score}]}]}: the best MAX_PAGES pages of the total found, best first. typing: the
   * patient is still typing the last word. Ranking needs the postings only: in a split index, a section's heading,
   * anchor and snippet are there only if its block is loaded (see missingBlocks and complete).
   */
  Engine.prototype.search = function (query, typing, service) {
    // service: a number in this.services to keep only its pages; undefined or -1 for every page.
    var words = api.queryWords(query, typing);
    var result = { words: [], pages: [], total: 0 };
    if (words.length === 0) { return result; }
    var self = this;
    var perWord = [];
    var w;
    for (w = 0; w < words.length; w++) {
      var expansion = this.expand(words[w], typing && w === words.length - 1);
      result.words.push(expansion);
      if (expansion.terms.length === 0) {
        release(perWord);
        return result;
      }
      perWord.push(this.wordScores(expansion.terms, this.slot(w)));
    }

    var ranked = this.rankPages(perWord, service);
    result.total = ranked.total;
    result.pages = ranked.pages.map(function (p) { return self.pageResult(p, perWord); });
    release(perWord);
    return this.complete(result);
  };

  /*
   * The best MAX_PAGES pages of a query (best first; on equal scores, page order) and the count of all pages found.
   * Candidate pages are those where the rarest word matches; every other word must match in the page too. On its own,
   * like scorePages, so that the JS engine optimises its loop alone. Pages are scored without building anything, so
   * that a common word over thousands of pages stays fast, and kept in order by insertion: sorting every page found
   * costs more when a common word finds most of the site.
   */
  Engine.prototype.rankPages = function (perWord, service) {
    var rarest = perWord[0];
    var w;
    for (w = 1; w < perWord.length; w++) {
      if (perWord[w].pageCount < rarest.pageCount) { rarest = perWord[w]; }
    }
    var words = perWord.length;
    var pageServices = service >= 0 ? this.pageServices : null;
    var bestPages = [];
    var bestScores = [];
    var total = 0;
    for (var n = 0; n < rarest.pageCount; n++) {
      var page = rarest.pagesHit[n];
      if (pageServices !== null && pageServices[page] !== service) { continue; }
      // The sum of each word's best score in the page: no section can score more, and 0 when a word is missing.
      var bound = 0;
      for (w = 0; w < words; w++) {
        var best = perWord[w].pageBest[page];
        if (best === 0) { bound = 0; break; }
        bound += best;
      }
      if (bound <= 0) { continue; }
      total++;
      var last = bestPages.length - 1;
      // Once the list is full, a page that could not enter it even at its bound is not scored section by section.
      if (last === MAX_PAGES - 1 && (bound < bestScores[last] || (bound === bestScores[last] && page > bestPages[last]))) { continue; }
      var score = words === 1 ? bound : this.pageScore(page, perWord);
      var at = bestPages.length;
      while (at > 0 && (score > bestScores[at - 1] || (score === bestScores[at - 1] && page < bestPages[at - 1]))) { at--; }
      if (at < MAX_PAGES) {
        bestPages.splice(at, 0, page);
        bestScores.splice(at, 0, score);
        if (bestPages.length > MAX_PAGES) {
          bestPages.pop();
          bestScores.pop();
        }
      }
    }
    return { pages: bestPages, total: total };
  };

  // The score of a page's best section (the sum of the query words' scores there), every query word being in the page.
  Engine.prototype.pageScore = function (p, perWord) {
    var w;
    for (w = 0; w < perWord.length; w++) { this.sectionScores(p, perWord[w]); }
    var best = 0;
    var sections = this.firstSection[p + 1] - this.firstSection[p];
    for (var i = 0; i < sections; i++) {
      var score = 0;
      for (w = 0; w < perWord.length; w++) { score += perWord[w].score[i]; }
      if (score > best) { best = score; }
    }
    return best;
  };

  // One page of the results, with its best sections first.
  Engine.prototype.pageResult = function (p, perWord) {
    var k;
    for (k = 0; k < perWord.length; k++) { this.sectionScores(p, perWord[k]); }
    var scored = [];
    var first = this.firstSection[p];
    for (var i = 0; i < this.firstSection[p + 1] - first; i++) {
      var score = 0;
      var inSection = false;
      var wordsHere = 0;
      for (k = 0; k < perWord.length; k++) {
        if (perWord[k].score[i] > 0) {
          score += perWord[k].score[i];
          inSection = inSection || perWord[k].inSection[i] === 1;
          wordsHere++;
        }
      }
      if (score > 0) { scored.push({ section: first + i, score: score, inSection: inSection, words: wordsHere }); }
    }
    var shown = scored.filter(function (x) { return x.inSection; });
    if (shown.length === 0) { shown = scored.slice(0, 1); } // matched by its title only: the page itself
    // Sections holding every word come first, then by score, then in page order.
    shown.sort(function (a, b) { return b.words - a.words || b.score - a.score || a.section - b.section; });
    shown = shown.slice(0, MAX_SECTIONS_PER_PAGE);
    return {
      page: p,
      title: undefined, // see complete
      path: undefined,
      score: Math.max.apply(null, scored.map(function (x) { return x.score; })),
      sections: shown.map(function (x) {
        return { section: x.section, heading: undefined, anchor: undefined, snippet: undefined, score: x.score };
      }),
    };
  };

  /*
   * Cuts text into [{text, mark}] pieces, marking the words that stand for one of the matched terms, so that the
   * page can show them with <mark> built as DOM nodes.
   */
  api.highlight = function (text, matched) {
    var pieces = [];
    var wordRun = /[\p{L}\p{Nd}\p{Mn}\u2019\u02BC\u2018']+/gu;
    var last = 0;
    var m;
    while ((m = wordRun.exec(text)) !== null) {
      var terms = api.terms(m[0]);
      var hit = terms.some(function (t) { return matched.hasOwnProperty(t); });
      if (hit) {
        if (m.index > last) { pieces.push({ text: text.slice(last, m.index), mark: false }); }
        pieces.push({ text: m[0], mark: true });
        last = m.index + m[0].length;
      }
    }
    if (last < text.length) { pieces.push({ text: text.slice(last), mark: false }); }
    return pieces;
  };

  function appendHighlighted(doc, parent, text, matched) {
    api.highlight(text, matched).forEach(function (piece) {
      if (piece.mark) {
        var mark = doc.createElement('mark');
        mark.appendChild(doc.createTextNode(piece.text));
        parent.appendChild(mark);
      } else {
        parent.appendChild(doc.createTextNode(piece.text));
      }
    });
  }

  /*
   * Shows a result in list (an <ol>), with links relative to the current page (siteRoot leads to the site's root
   * folder), so they work under any sub-path and from file://. Text only ever enters the page as text nodes. upTo
   * (all by default): how many of the result's pages to draw now; appendPages draws the next ones later, below them.
   */
  api.render = function (doc, list, result, siteRoot, upTo) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    api.appendPages(doc, list, result, siteRoot, 0, upTo === undefined ? result.pages.length : upTo);
  };

  /*
   * Adds the result's pages from to to (excluded) at the end of list. It only appends: what is drawn, which the
   * patient may be pointing at, stays. A page without its title (its block of a split index failed to load) is left
   * out.
   */
  api.appendPages = function (doc, list, result, siteRoot, from, to) {
    // At the site's root siteRoot is empty: « ./ » keeps a page path whose first part has a colon (a file named
    // « javascript:… ») a path, never a scheme.
    siteRoot = siteRoot || './';
    var matched = {};
    result.words.forEach(function (w) { w.terms.forEach(function (t) { matched[t] = true; }); });
    result.pages.slice(from, to).forEach(function (page) {
      if (page.title === undefined) { return; }
      var item = doc.createElement('li');
      var title = doc.createElement('a');
      title.setAttribute('href', siteRoot + page.path);
      title.className = 'search-result-title';
      appendHighlighted(doc, title, page.title, matched);
      item.appendChild(title);
      if (page.service) {
        var service = doc.createElement('p');
        service.className = 'search-result-service';
        service.appendChild(doc.createTextNode(page.service));
        item.appendChild(service);
      }
      var sections = doc.createElement('ul');
      page.sections.forEach(function (section) {
        var entry = doc.createElement('li');
        if (section.anchor) {
          var link = doc.createElement('a');
          link.setAttribute('href', siteRoot + page.path + '#' + section.anchor);
          appendHighlighted(doc, link, section.heading, matched);
          entry.appendChild(link);
        }
        if (section.snippet) {
          var snippet = doc.createElement('p');
          appendHighlighted(doc, snippet, section.snippet, matched);
          entry.appendChild(snippet);
        }
        sections.appendChild(entry);
      });
      item.appendChild(sections);
      list.appendChild(item);
    });
  };

  // « 3 résultats », « 1 résultat », « Aucun résultat pour … »: the words come from theme/i18n/fr.yml via data-*.
  api.statusText = function (form, count, query) {
    if (count === 0) { return form.getAttribute('data-none').replace('{q}', query.trim()); }
    return (count === 1 ? form.getAttribute('data-one') : form.getAttribute('data-many')).replace('{n}', String(count));
  };

  api.Engine = Engine;
  api.decodePostings = decodePostings; // for the tests, which hold it to the C# encoder

  // The page side: only in a browser, and only when the header's search form and the index are there.
  if (typeof document === 'undefined') { return; }

  function start() {
    var form = document.querySelector('form[data-search]');
    if (!form) { return; }
    var input = form.querySelector('input[name="q"]');
    var status = document.getElementById(form.getAttribute('data-status'));
    var list = document.getElementById(form.getAttribute('data-results'));
    var siteRoot = form.getAttribute('data-site-root') || '';
    var engine = null; // made once the index is loaded: see withEngine
    var announce = null;

    // A script of a large index (a chunk of terms, a block of sections), loaded once by <script src> like the index
    // itself; done runs once it has run, or failed to load.
    var waiting = {};
    function loadScript(path, done) {
      if (waiting[path]) { waiting[path].push(done); return; }
      waiting[path] = [done];
      var script = document.createElement('script');
      script.src = siteRoot + path;
      script.onload = script.onerror = function () {
        var callbacks = waiting[path];
        delete waiting[path];
        callbacks.forEach(function (callback) { callback(); });
      };
      document.head.appendChild(script);
    }

    // Loads every script of a list, hands each to the engine once (add), then runs done.
    function loadAll(list, pathOf, add, done) {
      var pending = list.length;
      list.forEach(function (item) {
        loadScript(pathOf(item), function () {
          add(item);
          pending--;
          if (pending === 0) { done(); }
        });
      });
    }

    /*
     * The index is loaded only when it is first needed: when the field gets focus, or at once on the search page
     * (?q=), so that page views that do not search pay nothing for it. then runs once the engine is there (never if
     * the index failed to load: the search then does nothing, as without JavaScript the site map remains).
     */
    var engineWaiting = null;
    function withEngine(then) {
      if (engine) { then(); return; }
      if (engineWaiting) { engineWaiting.push(then); return; }
      engineWaiting = [then];
      function ready() {
        var callbacks = engineWaiting;
        engineWaiting = null;
        if (!root.FICHES_INDEX) { return; }
        engine = new Engine(root.FICHES_INDEX);
        fillServiceFilter();
        callbacks.forEach(function (callback) { callback(); });
      }
      if (root.FICHES_INDEX) { ready(); } else { loadScript('assets/search-index.js', ready); }
    }

    function chunkPath(key) { return 'assets/search-index/' + key + '.js'; }
    function addChunk(key) {
      if (!engine.loaded[key]) { engine.addChunk(key, (root.FICHES_INDEX_TERMS || {})[key] || {}); }
    }
    function blockPath(block) { return 'assets/search-index/s-' + block + '.js'; }
    function addBlock(block) {
      if (!engine.blocks[block]) { engine.addBlock(block, (root.FICHES_INDEX_SECTIONS || {})[block]); }
    }

    // Searches what the field holds and shows it; then (optional) runs once the results are shown whole, which may be
    // after chunks and blocks have loaded, and never if the patient has typed something else meanwhile.
    function run(typing, then) {
      var query = input.value;
      if (api.queryWords(query, typing).length === 0) {
        api.render(document, list, { words: [], pages: [], total: 0 }, siteRoot);
        shown = ++searches;
        list.hidden = true;
        clearTimeout(announce);
        status.textContent = '';
        return;
      }
      var missing = engine.missingChunks(query, typing);
      if (missing.length > 0) {
        loadAll(missing, chunkPath, addChunk, function () { if (input.value === query) { run(typing, then); } });
        return;
      }
      var result = engine.search(query, typing, serviceFilter ? engine.services.indexOf(serviceFilter.value) : -1);
      var search = ++searches;
      var drawn = 0;
      clearTimeout(announce);
      // Ranked from the postings alone: a page can be drawn once its block (title, path, sections) is there. The list
      // of an earlier query stays until this one's first page can be drawn, then this one's replaces it and grows
      // page by page below (never drawn again, which would move what the patient may be clicking). A query typed
      // past can still show its pages while nothing newer is drawn, but starts no new block.
      function draw() {
        var ready = readyPages(result, drawn);
        if (search < shown || (ready === drawn && (search === shown || result.pages.length > 0))) { return; }
        if (search > shown) {
          api.render(document, list, result, siteRoot, ready);
          list.hidden = result.pages.length === 0;
          shown = search;
        } else {
          api.appendPages(document, list, result, siteRoot, drawn, ready);
        }
        drawn = ready;
      }
      draw();
      loadInOrder(engine.missingBlocks(result, true), function () {
        engine.complete(result);
        draw();
      }, function () {
        draw();
        // While typing, announce once the patient pauses, so a screen reader is not interrupted at every key.
        clearTimeout(announce);
        announce = setTimeout(function () { status.textContent = api.statusText(form, result.total, query); }, typing ? 500 : 0);
        if (then) { then(); }
      }, function () { return search === searches && input.value === query; });
    }
    var searches = 0; // searches run
    var shown = 0; // the search whose list is drawn

    // How many of the result's pages, from the first, can be drawn now (their blocks are there).
    function readyPages(result, from) {
      while (from < result.pages.length && engine.ready(result.pages[from].page)) { from++; }
      return from;
    }

    /*
     * Loads blocks of sections in the order given (the best pages' first), a few at a time, hands each to the engine
     * and runs arrived, then done once all are there. Starts no new one once current() is false (the patient typed
     * on): the blocks of a query typed past would only delay the next one's. The first block, which the first page
     * shown waits for, is loaded alone: while keys keep coming, Chromium runs the scripts added meanwhile only once
     * they stop, each query's in the order they were added, so every block a query typed past started delays the
     * last query's.
     */
    var BLOCKS_IN_FLIGHT = 4;
    function loadInOrder(blocks, arrived, done, current) {
      var next = 0;
      var pending = blocks.length;
      function start() {
        if (next >= blocks.length || !current()) { return; }
        var block = blocks[next++];
        loadScript(blockPath(block), function () {
          addBlock(block);
          arrived(block);
          pending--;
          if (!current()) { return; }
          if (pending === 0) { done(); return; }
          while (next < blocks.length && next - (blocks.length - pending) < BLOCKS_IN_FLIGHT) { start(); }
        });
      }
      if (pending === 0) { done(); return; }
      start();
    }

    function links() { return Array.prototype.slice.call(list.querySelectorAll('a')); }

    /*
     * The search page's filter by service: a list the page holds hidden (data-service-filter), filled from the index
     * once it is loaded (at the first search, not with the page), and shown only then, when the index names two
     * services or more. Without JavaScript the service pages are the way.
     */
    var serviceFilter = null;
    var filterHolder = document.querySelector('[data-service-filter]');
    function fillServiceFilter() {
      if (!filterHolder || serviceFilter || engine.services.length < 2) { return; }
      var select = filterHolder.querySelector('select');
      engine.services.forEach(function (name) {
        var option = document.createElement('option');
        option.value = name;
        option.textContent = name;
        select.appendChild(option);
      });
      serviceFilter = select;
      filterHolder.hidden = false;
      select.addEventListener('change', function () { run(asTyped()); });
    }

    // A search no key started (Enter, the service list, ?q=) takes the query as finished, but for one left with no
    // word once finished (« dé »), which is searched as the list shows it while typed, not emptied under the patient.
    function asTyped() { return api.words(input.value).length === 0; }

    input.addEventListener('focus', function () { withEngine(function () {}); });
    // Keys typed while the index loads are searched once, with what the field then holds.
    var inputWaiting = false;
    input.addEventListener('input', function () {
      if (inputWaiting) { return; }
      inputWaiting = true;
      withEngine(function () {
        inputWaiting = false;
        run(!/[\s\p{P}]$/u.test(input.value));
      });
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      withEngine(function () {
        run(asTyped(), function () {
          var first = links()[0];
          if (first) { first.focus(); }
        });
      });
    });
    // Arrow keys move between results, Escape closes them and goes back to the field.
    form.addEventListener('keydown', function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (event.key === 'ArrowDown' && all.length > 0 && !list.hidden) {
        event.preventDefault();
        all[Math.min(at + 1, all.length - 1)].focus();
      } else if (event.key === 'ArrowUp' && at >= 0) {
        event.preventDefault();
        if (at === 0) { input.focus(); } else { all[at - 1].focus(); }
      } else if (event.key === 'Escape' && !list.hidden) {
        list.hidden = true;
        input.focus();
      }
    });

    // The search page, reached by the header's form: ?q=… runs the query at once.
    var match = /[?&]q=([^&#]*)/.exec(location.search);
    if (match) {
      try {
        input.value = decodeURIComponent(match[1].replace(/\+/g, ' '));
      } catch (malformed) {
        input.value = match[1]; // a stray % in a hand-typed address
      }
      withEngine(function () { run(asTyped()); });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}(typeof window !== 'undefined' ? window : globalThis));

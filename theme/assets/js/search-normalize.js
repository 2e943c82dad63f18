/*
 * French search normaliser and light stemmer, for what a patient types in the search field.
 * Hand-written on purpose: it must give exactly the terms that the build's C# twin
 * (src/Search/FrenchNormalizer.cs and src/Search/FrenchLightStemmer.cs) put in the index, and both are
 * held to tests/Site.Tests/Search/normalizer-golden.tsv. Change one, change the other, and the golden file.
 * No library, no module syntax: a plain script that works from file:// under a strict CSP.
 */
(function (root) {
  'use strict';

  // Folded French words that carry no meaning for a search (same list as FrenchNormalizer.StopWords).
  var STOP_WORDS = {};
  ('afin ainsi apres au aussi autre autres aux avant avec avez avoir avons car ce ceci cela celle celles celui ' +
    'ces cet cette ceux chez comme dans de des donc dont du elle elles en entre est et etait etant ete etre eux ' +
    'il ils je la le les leur leurs lui ma mais me meme memes mes moi mon ne ni nos notre nous on ont ou par pas ' +
    'pour qu quand que quel quelle quelles quels qui sa se ses si son sont sur ta te tes toi ton tu un une vers ' +
    'vos votre vous').split(' ').forEach(function (w) { STOP_WORDS[w] = true; });

  var APOSTROPHES = /[\u2019\u02BC\u2018']/g;
  var MARKS = /\p{Mn}/gu;
  var WORD_RUNS = /[\p{L}\p{Nd}']+/gu;
  var TRAILING_RUN = /[\p{L}\p{Nd}']+$/u;
  var ELISION = /^(?:jusqu|lorsqu|puisqu|qu|[ldjmnstc])'/;
  var DIGIT = /^\p{Nd}$/u;
  var LETTER = /^\p{L}$/u;

  // Steps 1 to 3 of FrenchNormalizer: NFC, lower case, one apostrophe, no diacritics.
  function fold(text) {
    return String(text).normalize('NFC').toLowerCase().replace(APOSTROPHES, "'")
      .normalize('NFD').replace(MARKS, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae');
  }

  // Step 4, for one run of letters, digits and apostrophes: its leading elision removed, split at apostrophes.
  function runParts(run) {
    return run.replace(ELISION, '').split("'").filter(function (part) { return part.length > 0; });
  }

  // Step 5: single letters (not digits) and stop words carry no meaning for a search.
  function kept(word) {
    return (word.length > 1 || (word.length === 1 && DIGIT.test(word))) && !STOP_WORDS.hasOwnProperty(word);
  }

  // Steps 1 to 5 of FrenchNormalizer: the folded words, before stemming.
  function words(text) {
    var result = [];
    var runs = fold(text).match(WORD_RUNS) || [];
    for (var i = 0; i < runs.length; i++) {
      var parts = runParts(runs[i]);
      for (var j = 0; j < parts.length; j++) {
        if (kept(parts[j])) { result.push(parts[j]); }
      }
    }
    return result;
  }

  // The words of a query whose last word the patient is still typing. When none is left (stop words and single
  // letters only), the word being typed at the very end of the text is kept if it has two letters or more, as the
  // start of a longer word (« dé » on the way to « dépistage »), so that results come from the second letter; a
  // single letter stays unsearched, as its prefixes would load a whole letter of a large index.
  function typedWords(text) {
    var found = words(text);
    if (found.length > 0) { return found; }
    var tail = TRAILING_RUN.exec(fold(text));
    var last = tail ? runParts(tail[0]).pop() : undefined;
    return last !== undefined && last.length > 1 ? [last] : [];
  }

  function isStopWord(word) { return STOP_WORDS.hasOwnProperty(word); }

  function endsWith(s, len, suffix) {
    if (len < suffix.length) { return false; }
    for (var i = 0; i < suffix.length; i++) {
      if (s[len - suffix.length + i] !== suffix[i]) { return false; }
    }
    return true;
  }

  function isLetter(c) { return LETTER.test(c); }

  // Savoy's light French stemmer (the rules of Lucene's FrenchLightStemmer), on folded words:
  // a line-by-line twin of FrenchLightStemmer.Stem, see there for the reference and what is left out.
  function stem(word) {
    var s = word.split('');
    var len = s.length;

    if (len > 5 && s[len - 1] === 'x') {
      if (s[len - 3] === 'a' && s[len - 2] === 'u' && s[len - 4] !== 'e') { s[len - 2] = 'l'; }
      len--;
    }
    if (len > 3 && s[len - 1] === 'x') { len--; }
    if (len > 3 && s[len - 1] === 's') { len--; }

    if (len > 9 && endsWith(s, len, 'issement')) { len -= 6; s[len - 1] = 'r'; return norm(s, len); }
    if (len > 8 && endsWith(s, len, 'issant')) { len -= 4; s[len - 1] = 'r'; return norm(s, len); }
    if (len > 6 && endsWith(s, len, 'ement')) {
      len -= 4;
      if (len > 3 && endsWith(s, len, 'ive')) { len--; s[len - 1] = 'f'; }
      return norm(s, len);
    }
    if (len > 11 && endsWith(s, len, 'ficatrice')) { len -= 5; s[len - 2] = 'e'; s[len - 1] = 'r'; return norm(s, len); }
    if (len > 10 && endsWith(s, len, 'ficateur')) { len -= 4; s[len - 2] = 'e'; s[len - 1] = 'r'; return norm(s, len); }
    if (len > 9 && endsWith(s, len, 'catrice')) {
      len -= 3; s[len - 4] = 'q'; s[len - 3] = 'u'; s[len - 2] = 'e';
      return norm(s, len);
    }
    if (len > 8 && endsWith(s, len, 'cateur')) {
      len -= 2; s[len - 4] = 'q'; s[len - 3] = 'u'; s[len - 2] = 'e'; s[len - 1] = 'r';
      return norm(s, len);
    }
    if (len > 8 && endsWith(s, len, 'atrice')) { len -= 4; s[len - 2] = 'e'; s[len - 1] = 'r'; return norm(s, len); }
    if (len > 7 && endsWith(s, len, 'ateur')) { len -= 3; s[len - 2] = 'e'; s[len - 1] = 'r'; return norm(s, len); }
    if (len > 6 && endsWith(s, len, 'trice')) { len--; s[len - 3] = 'e'; s[len - 2] = 'u'; s[len - 1] = 'r'; }
    if (len > 7 && endsWith(s, len, 'teuse')) { len -= 2; s[len - 1] = 'r'; return norm(s, len); }
    if (len > 6 && endsWith(s, len, 'teur')) { len--; s[len - 1] = 'r'; return norm(s, len); }
    if (len > 5 && endsWith(s, len, 'euse')) { return norm(s, len - 2); }
    if (len > 7 && endsWith(s, len, 'ive')) { len--; s[len - 1] = 'f'; return norm(s, len); }
    if (len > 4 && (endsWith(s, len, 'folle') || endsWith(s, len, 'molle'))) {
      len -= 2; s[len - 1] = 'u';
      return norm(s, len);
    }
    if (len > 9 && endsWith(s, len, 'nnelle')) { return norm(s, len - 5); }
    if (len > 9 && endsWith(s, len, 'nnel')) { return norm(s, len - 3); }
    if (len > 8 && endsWith(s, len, 'ique')) { len -= 4; }
    if (len > 8 && endsWith(s, len, 'esse')) { return norm(s, len - 3); }
    if (len > 7 && endsWith(s, len, 'inage')) { return norm(s, len - 3); }
    if (len > 9 && endsWith(s, len, 'isation')) {
      len -= 7;
      if (len > 5 && endsWith(s, len, 'ual')) { s[len - 2] = 'e'; }
      return norm(s, len);
    }
    if (len > 9 && endsWith(s, len, 'isateur')) { return norm(s, len - 7); }
    if (len > 8 && endsWith(s, len, 'ation')) { return norm(s, len - 5); }
    if (len > 8 && endsWith(s, len, 'ition')) { return norm(s, len - 5); }
    return norm(s, len);
  }

  function norm(s, len) {
    if (len > 4) {
      var previous = s[0];
      for (var i = 1; i < len; i++) {
        if (s[i] === previous && isLetter(previous)) {
          s.splice(i, 1);
          len--;
          i--;
        } else {
          previous = s[i];
        }
      }
    }
    if (len > 4 && endsWith(s, len, 'ie')) { len -= 2; }
    if (len > 4) {
      if (s[len - 1] === 'r') { len--; }
      if (s[len - 1] === 'e') { len--; }
      if (s[len - 1] === 'e') { len--; }
      if (s[len - 1] === s[len - 2] && isLetter(s[len - 1])) { len--; }
    }
    return s.slice(0, len).join('');
  }

  function terms(text) { return words(text).map(stem); }

  var api = root.FichesSearch = root.FichesSearch || {};
  api.words = words;
  api.typedWords = typedWords;
  api.isStopWord = isStopWord;
  api.stem = stem;
  api.terms = terms;
}(typeof window !== 'undefined' ? window : globalThis));

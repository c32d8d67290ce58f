/* Ranking for the site's search, the way lunr.js 2.3.9 ranks a query over the index search.py builds, without the
   cost of lunr.js's query engine (300–440 ms for a common word over 20,000 entries; this takes a few ms).

   search.py computes lunr's BM25 index and sums each term's field scores per entry into postings: a shard is a JSON
   array of [term, document gaps, scores]. lunr.js scores an entry as the sum, over the query's terms (a word's exact
   form and its folded form, each counted as often as the query holds it) and the entry's fields, of the field
   vector's value for the term, divided by the query vector's length, which is the same for every entry: so summing
   the postings gives lunr's order. tests/test_search.py runs this file and lunr.js over the same index and compares. */
(function (root) {
  "use strict";

  var MAX_WORDS = 30;  // one bit per word in a 32-bit mask

  /** A fetched shard made ready for lookups: term -> [term, gaps, scores]. */
  function prepare(entries) {
    var terms = Object.create(null);
    for (var i = 0; i < entries.length; i++) terms[entries[i][0]] = entries[i];
    return terms;
  }

  /** Each two neighbouring query words as one term ("thi đua"), once each: search.py indexes every field's pairs. */
  function pairs(sequence) {
    var seen = Object.create(null), out = [];
    for (var i = 0; i + 1 < sequence.length; i++) {
      var pair = sequence[i] + " " + sequence[i + 1];
      if (!seen[pair]) { seen[pair] = true; out.push(pair); }
    }
    return out;
  }

  /**
   * Entries matching the query words, best first (ties: lower entry number first, which is newer).
   * `words` are canonical (thiduaText.canonical); `fold` folds one; `lookup(term)` finds a term's posting in the
   * shards fetched for the query. Every word must match in its exact or folded form; when no entry has them all,
   * the entries matching any word are returned with partial = true. `phrase` (optional) are the query's word pairs
   * (pairs()): they add their scores, so the entries holding the words side by side come first, but match nothing
   * by themselves. `pairBoost` weighs a pair against a word (the manifest's, search.py's PAIR_BOOST; lunr's clause boost).
   */
  function rank(words, fold, lookup, count, phrase, pairBoost) {
    words = words.slice(0, MAX_WORDS);
    var terms = [], byTerm = Object.create(null);
    function add(term, bit, boost) {
      var posting = lookup(term);
      if (!posting) return;
      var t = byTerm[term];
      if (!t) { t = byTerm[term] = { posting: posting, weight: 0, bits: 0 }; terms.push(t); }
      t.weight += boost;  // lunr's query vector adds the clause's boost each time a term comes out of the pipeline
      t.bits |= bit;
    }
    words.forEach(function (word, i) {
      add(word, 1 << i, 1);
      if (fold(word) !== word) add(fold(word), 1 << i, 1);
    });
    (phrase || []).forEach(function (pair) {
      add(pair, 0, pairBoost || 1);
      if (fold(pair) !== pair) add(fold(pair), 0, pairBoost || 1);
    });
    var scores = new Float64Array(count), masks = new Uint32Array(count), touched = [];
    terms.forEach(function (t) {
      var gaps = t.posting[1], values = t.posting[2], doc = 0;
      for (var j = 0; j < gaps.length; j++) {
        doc += gaps[j];
        if (masks[doc] === 0 && t.bits) touched.push(doc);  // a pair's entries hold its words: counted by them
        masks[doc] |= t.bits;
        scores[doc] += t.weight * values[j];
      }
    });
    var full = (1 << words.length) - 1;
    var all = touched.filter(function (doc) { return masks[doc] === full; });
    var partial = all.length === 0 && touched.length > 0, ids = partial ? touched : all;
    ids.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    return { ids: ids, partial: partial, scores: scores };
  }

  var api = { prepare: prepare, pairs: pairs, rank: rank, MAX_WORDS: MAX_WORDS };
  if (typeof module === "object" && module.exports) module.exports = api;
  root.thiduaRank = api;
})(typeof self !== "undefined" ? self : this);

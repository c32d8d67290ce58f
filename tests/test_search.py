"""The pure parts of search: words and index terms, the Vietnamese pipeline, Python and JavaScript folding the same way,
documents built from the catalog, shards that together are the whole index, and ranking on the real content."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from lunr.index import Index

from thidua.core import vntext
from thidua.features import search
from thidua.features.urls import URLS
from thidua.core.catalog import build_catalog
from thidua.core.loader import ContentDirs, load

ROOT = Path(__file__).resolve().parent.parent
VNTEXT_JS = ROOT / "plugins" / "thidua" / "site" / "assets" / "search" / "vntext.js"
RANK_JS = ROOT / "plugins" / "thidua" / "site" / "assets" / "search" / "rank.js"
# lunr.js 2.3.9 as MkDocs ships it: the reference rank.js is held to.
LUNR_JS = Path(__import__("mkdocs").__file__).parent / "contrib" / "search" / "templates" / "search" / "lunr.js"

TRICKY = [
    "Đăng ký thi đua", "ĐẢNG ỦY KHỐI", "Hoà Bình", "Hòa Bình", "hoà bình", "HOÀ", "Thuỷ", "thủy", "Quỳ", "quý", "Khoẻ",
    "Nguyễn Văn A", "người tốt, việc tốt", "nông thôn mới", "Bố Trạch", "Bồ Trạch",
    "Nghe\u0301 An",  # NFD: e + combining acute
    "ho\u0300a", "u\u031b\u0301", "Ä ö ü ß", "İstanbul", "ΟΔΟΣ", "Ǆ ǅ ǆ", "ﬁ", "Ⅻ ½", "क़ि", "a\u0338b",
    "195/KH-UBND", "05-CT/TW", "Số: /KH-UBND", "2021-2025", "12/02/2020", "A.B.C", "x--y", "—", "\u00a0a\u2003b\x1c",
    "  nhiều   khoảng\ttrắng\n", "thuở", "oà oá", "uỷ ban", "QUỶ", "Ủy ban nhân dân huyện Bình Sơn",
]


def _need_node() -> str:
    node = shutil.which("node")
    if node:
        return node
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail("Cần node để so sánh vntext.js với vntext.py: apt-get install nodejs")
    pytest.skip("node is not installed")


def test_javascript_normalises_exactly_like_python():
    script = ("const v = require(process.argv[1]); const xs = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(xs.map(x => [v.fold(x), v.canonical(x), v.normalizeTones(x), v.words(x)])));")
    done = subprocess.run([_need_node(), "-e", script, str(VNTEXT_JS)], input=json.dumps(TRICKY), capture_output=True,
                          text=True, check=True)
    got = json.loads(done.stdout)
    want = [[vntext.fold(x), vntext.canonical(x), vntext.normalize_tones(x), search.words(x)] for x in TRICKY]
    mismatches = [(x, g, w) for x, g, w in zip(TRICKY, got, want) if g != w]
    assert mismatches == []


GENERATOR = ROOT / "plugins" / "thidua" / "core" / "data" / "generate_chardata.py"


def _unpack(packed: str) -> list[tuple[int, int]]:
    """vntext.js's classOf, in Python: "gap.length" pairs in base 36."""
    spans, end = [], -1
    for pair in packed.split(","):
        gap, length = (int(x, 36) for x in pair.split("."))
        start = end + 1 + gap
        end = start + length
        spans.append((start, end))
    return spans


def _py_spans(cls: str) -> list[tuple[int, int]]:
    return [(ord(m.group(1)), ord(m.group(2) or m.group(1))) for m in re.finditer(r"(.)(?:-(.))?", cls, re.S)]


def _js_var(name: str) -> str:
    return re.search(rf'var {name} = "([^"]*)";', VNTEXT_JS.read_text(encoding="utf-8")).group(1)


def test_character_classes_are_one_table_for_python_and_javascript():
    from thidua.core import chardata

    assert _unpack(_js_var("WORD_RANGES")) == _py_spans(chardata.WORD)
    assert _unpack(_js_var("COMBINING_RANGES")) == _py_spans(chardata.COMBINING)
    word = {cp for a, b in _py_spans(chardata.WORD) for cp in range(a, b + 1)}
    letter = {cp for a, b in _py_spans(chardata.LETTER) for cp in range(a, b + 1)}
    digits = {cp for a, b in _unpack(_js_var("DIGIT_RANGES")) for cp in range(a, b + 1)}
    assert letter == word - digits  # vntext.js's "word character but not a digit" is chardata.LETTER
    assert _js_var("UNICODE_VERSION") == chardata.UNICODE_VERSION


def test_character_data_is_what_the_generator_makes_from_the_pinned_unicode():
    from thidua.core import chardata

    if unicodedata.unidata_version == chardata.UNICODE_VERSION:
        done = subprocess.run([sys.executable, str(GENERATOR), "--check"], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    # Any supported Python: the pinned classes agree with this Python's own on every character it knows. (Unicode
    # 14.0 to 15.1 added characters but changed none of these properties of an assigned one: on 3.11 and 3.12 only
    # the characters they do not know yet differ, and both sides of the search use the pinned table for those.)
    sets = {name: {cp for a, b in _py_spans(getattr(chardata, name)) for cp in range(a, b + 1)}
            for name in ("WORD", "LETTER", "COMBINING")}
    for cp in range(0x110000):
        ch = chr(cp)
        if 0xD800 <= cp <= 0xDFFF or unicodedata.category(ch) == "Cn":
            continue
        assert (cp in sets["WORD"]) == ch.isalnum(), hex(cp)
        assert (cp in sets["LETTER"]) == (ch.isalnum() and not ch.isdecimal()), hex(cp)
        assert (cp in sets["COMBINING"]) == (unicodedata.combining(ch) > 0), hex(cp)


def _handled_range() -> list[str]:
    return [chr(cp) for a, b in _unpack(_js_var("HANDLED_RANGES")) for cp in range(a, b + 1)]


def test_javascript_tables_normalise_every_character_of_its_range_as_python_does():
    """In the range vntext.js normalises with its own tables (all of Vietnamese), its NFC, NFD, lower case, folding
    and words equal Python's: each character alone, every Vietnamese vowel with its marks typed in any order,
    and random mixes of letters and marks. Normalisation of an assigned character never changes (Unicode's
    stability policy) and case mappings in this range are the same in 3.11 to 3.13: this runs on each."""
    import random

    chars = _handled_range()
    marks = [c for c in chars if unicodedata.combining(c)]
    texts = list(chars)
    for vowel in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY":
        for tone in "\u0300\u0301\u0303\u0309\u0323":
            for extra in ("", "\u0302", "\u0306", "\u031b"):
                texts += [vowel + tone + extra, vowel + extra + tone, "ho" + vowel + extra + tone + " q" + vowel + tone]
    rng = random.Random(13)
    for _ in range(3000):
        texts.append("".join(rng.choice(marks if rng.random() < 0.4 else chars) for _ in range(rng.randint(1, 7))))
    script = ("const v = require(process.argv[1]); const xs = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(xs.map(x => [v.nfc(x), v.nfd(x), v.lower(x), v.fold(x), v.canonical(x), "
              "v.normalizeTones(x), v.words(x)])));")
    done = subprocess.run([_need_node(), "-e", script, str(VNTEXT_JS)], input=json.dumps(texts), capture_output=True,
                          text=True, check=True)
    got = json.loads(done.stdout)
    want = [[unicodedata.normalize("NFC", x), unicodedata.normalize("NFD", x), x.lower(), vntext.fold(x),
             vntext.canonical(x), vntext.normalize_tones(x), search.words(x)] for x in texts]
    mismatches = [(x, g, w) for x, g, w in zip(texts, got, want) if g != w]
    assert mismatches[:5] == [] and len(texts) > 5000


def test_words_keep_document_numbers_whole_and_index_adds_parts():
    assert search.words("Kế hoạch số 195/KH-UBND ngày 12/02/2020.") == ["Kế", "hoạch", "số", "195/KH-UBND", "ngày",
                                                                       "12/02/2020"]
    terms = search.index_terms("Chỉ thị 08-CT/TU")
    assert terms[:3] == ["Chỉ", "thị", "08-CT/TU"]
    assert {"08-CT", "TU", "08", "CT", "8"} <= set(terms)
    assert "195" in search.index_terms("195/KH-UBND") and "KH-UBND" in search.index_terms("195/KH-UBND")


def test_pipeline_keeps_exact_and_folded_forms_and_places_tones():
    from lunr.pipeline import Pipeline

    pipeline = Pipeline.load([search.PIPELINE_NAME])
    assert pipeline.run_string("Hoà") == ["hòa", "hoa"]
    assert pipeline.run_string("Đăng") == ["đăng", "dang"]  # no stemmer, no trimmer: "đăng" is not "ng"
    assert pipeline.run_string("UBND") == ["ubnd"]


@pytest.fixture(scope="module")
def catalog():
    result = load(ROOT, ContentDirs("plans", "exemplars", "movements", ""))
    assert result.ok
    return build_catalog(result.plans, result.exemplars, result.movements, result.places, dt.date(2025, 3, 1))


@pytest.fixture(scope="module")
def docs(catalog):
    return search.search_documents(catalog)


@pytest.fixture(scope="module")
def index(docs):
    return search.build_index(docs)


def _lunr_reference_index(docs) -> dict:
    """The index as lunr.py's Builder makes it (what build_index did before it wrote the index itself)."""
    from lunr.builder import Builder

    builder = Builder()
    builder.b(search.BM25_B)
    builder.pipeline.add(search.vi_pipeline)
    builder.search_pipeline.add(search.vi_pipeline)
    builder.ref("ref")
    for name, boost in search.FIELDS:
        builder.field(name, boost=boost, extractor=lambda doc, name=name: search.field_terms(doc[name]))
    for number, doc in enumerate(docs):
        builder.add({"ref": search._ref(number), **{name: getattr(doc, name) for name, _ in search.FIELDS}})
    return builder.build().serialize()


def _reference_docs(docs):
    """The real site's documents, and a few made to hit the edge cases: empty fields, a word repeated, a word whose
    folded form is another document's exact word, a word the pipeline drops, leading-zero numbers."""
    extra = [
        search.SearchDocument("x/1/", "plan", "Hoà hoà HOA hòa", "Kế hoạch 08-CT/TU", "", "", "đăng dang Đăng 0 00 007"),
        search.SearchDocument("x/2/", "place", "", "", "", "", ""),
        search.SearchDocument("x/3/", "exemplar", "a\u0300", text="ﬁ Ⅻ ½ İstanbul ΟΔΟΣ 195/KH-UBND 195/kh-ubnd"),
    ]
    return list(docs) + extra


def test_index_is_the_one_lunr_py_builds(docs):
    all_docs = _reference_docs(docs)
    want = _lunr_reference_index(all_docs)
    got = search.build_index(all_docs)
    assert (got["version"], got["fields"], got["pipeline"]) == (want["version"], want["fields"], want["pipeline"])
    assert got["invertedIndex"] == want["invertedIndex"]
    assert [ref for ref, _ in got["fieldVectors"]] == [ref for ref, _ in want["fieldVectors"]]
    for (ref, mine), (_, theirs) in zip(got["fieldVectors"], want["fieldVectors"]):
        assert mine[0::2] == theirs[0::2], ref
        assert all(abs(a - b) <= 0.001 + 1e-9 for a, b in zip(mine[1::2], theirs[1::2])), ref
    # and in fact byte for byte, so the shard files (named by their hash) do not change either
    assert search._dump(got) == search._dump(want)


def _rank(index: dict, docs, q: str) -> list[str]:
    """What search.js does: every word must match in its exact or folded form; best first."""
    idx = Index.load(index)
    query = idx.create_query()
    sequence = [vntext.canonical(w) for w in search.words(q)]
    words = list(dict.fromkeys(w for w in sequence if w))
    for w in words:
        query.term(w)
    for pair in dict.fromkeys(search.word_pairs([w for w in sequence if w])):
        query.term(pair, boost=search.PAIR_BOOST)
    results = [r for r in idx.query(query)
               if all(w in r["match_data"].metadata or vntext.fold(w) in r["match_data"].metadata for w in words)]
    return [docs[int(r["ref"], 36)].url for r in results]


def test_documents_carry_former_and_successor_place_names(catalog, docs):
    by_url = {d.url: d for d in docs}
    plan = by_url["ke-hoach/bo-trach-195-kh-ubnd-2020/"]
    assert plan.number == "Kế hoạch 195/KH-UBND" and plan.year == 2020
    assert "Huyện Bố Trạch" in plan.places and "Tỉnh Quảng Bình" in plan.places
    successors = {p.id for p in catalog.places.successors("huyen-bo-trach-quang-binh")}
    in_successors = [d for d in docs if d.kind == "exemplar" and d.facet_places[0] in successors]
    assert in_successors, "the content has exemplars in today's communes"
    assert all("Huyện Bố Trạch" in d.places for d in in_successors)
    assert len(docs) == len(catalog.plans) + len(catalog.exemplars) + len(catalog.movements) + len(catalog.place_ids)


def test_queries_with_and_without_diacritics_find_the_same_entries(index, docs):
    for with_marks, without in (("người tốt việc tốt", "nguoi tot viec tot"), ("nông thôn mới", "nong thon moi"),
                                ("Hoà Bình", "hoa binh")):
        assert set(_rank(index, docs, with_marks)) == set(_rank(index, docs, without))
    assert _rank(index, docs, "nông thôn mới")


def test_exact_diacritics_rank_first(index, docs):
    # Plan 195/KH-UBND writes the district "Bồ Trạch" in its movement wordings; everything else says "Bố Trạch".
    exact = [d.url for d in docs if "bồ" in vntext.words(d.movements + " " + d.text + " " + d.title)]
    ranked = _rank(index, docs, "Bồ Trạch")
    assert exact and len(ranked) > len(exact)
    assert set(ranked[:len(exact)]) == set(exact)


def test_document_number_whole_and_in_parts_finds_the_plan_first(index, docs):
    assert _rank(index, docs, "195/KH-UBND")[0] == "ke-hoach/bo-trach-195-kh-ubnd-2020/"
    assert _rank(index, docs, "195")[0] == "ke-hoach/bo-trach-195-kh-ubnd-2020/"
    assert _rank(index, docs, "21/KH-UBND")[0] == "ke-hoach/binh-son-21-kh-ubnd-2025/"


def _plans_by_signer(catalog) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for plan in catalog.plans.values():
        if plan.signer.name.strip():
            out.setdefault(plan.signer.name, set()).add(URLS.entry("plan", plan.id))
    return out


def test_a_signers_name_finds_their_plans_first(catalog, index, docs):
    signers = _plans_by_signer(catalog)
    assert len(signers) >= 2, "the shipped plans name who signed them"
    for name, plans in signers.items():
        for q in (name, vntext.fold(name), vntext.fold(name).replace("đ", "d")):
            assert set(_rank(index, docs, q)[:len(plans)]) == plans, q


def _middle_phrases(body: str, length: int, count: int) -> list[str]:
    """`count` runs of `length` words spread over the middle half of a text."""
    found = search.words(search.plain_text(body))
    starts = [len(found) // 4 + k * (len(found) // 2) // count for k in range(count)]
    return [" ".join(found[i:i + length]) for i in starts]


def _folded_words(text: str) -> str:
    return " " + " ".join(vntext.fold(w) for w in search.words(text)) + " "


def test_a_phrase_from_the_middle_of_a_plan_finds_it_in_the_top_three(catalog, index, docs):
    """Runs of words from deep inside each plan (past anything an excerpt holds). A phrase another entry also holds
    word for word (a movement's name the plan quotes) is not the plan's own: it is left out."""
    others = {d.url: _folded_words(" ".join(getattr(d, f) for f, _ in search.FIELDS)) for d in docs}
    tried = 0
    for plan in catalog.plans.values():
        assert len(plan.body) > 5000, plan.id  # the shipped plans are whole documents
        url = URLS.entry("plan", plan.id)
        for length in (5, 8, 12):
            for phrase in _middle_phrases(plan.body, length, 8):
                if any(_folded_words(phrase) in text for other, text in others.items() if other != url):
                    continue
                tried += 1
                for q in (phrase, vntext.fold(phrase)):
                    assert url in _rank(index, docs, q)[:3], q
    assert tried >= 3 * 12


def test_the_whole_body_and_the_front_matter_are_indexed(catalog, docs):
    by_url = {d.url: d for d in docs}
    for plan in catalog.plans.values():
        doc = by_url[URLS.entry("plan", plan.id)]
        text = vntext.words(doc.text)
        last = vntext.words(search.plain_text(plan.body))[-6:]  # the end of the body, far past any excerpt
        assert " ".join(last) in " ".join(text), plan.id
        for task in plan.tasks:
            assert " ".join(vntext.words(task.text)) in " ".join(text), plan.id
        for recipient in plan.recipients:
            assert " ".join(vntext.words(recipient)) in " ".join(text), plan.id
        for basis in plan.implements:
            assert " ".join(vntext.words(basis.summary)) in " ".join(text), plan.id
        assert doc.people == plan.signer.name


def test_a_place_name_finds_the_place_then_its_entries(catalog, index, docs):
    """The place's own page first (every unit of that name), then the entries made there, before anything else."""
    checked = 0
    for place_id in {p.place_id for p in catalog.plans.values()}:
        name = catalog.places.get(place_id).name  # "Bố Trạch", without "Huyện": as people type it
        own = {d.url for d in docs if d.kind == "place" and vntext.fold(d.place).endswith(" " + vntext.fold(name))}
        at = {d.url for d in docs if d.kind != "place" and vntext.fold(d.at).endswith(" " + vntext.fold(name))}
        plans = {URLS.entry("plan", p.id) for p in catalog.plans.values() if p.place_id == place_id}
        for q in (name, vntext.fold(name)):
            ranked = _rank(index, docs, q)
            assert set(ranked[:len(own)]) == own, q
            assert plans <= set(ranked[:len(own) + len(at)]), q
            checked += 1
    assert checked >= 4


def test_exact_document_number_first_with_or_without_diacritics(catalog, index, docs):
    for plan in catalog.plans.values():
        if not plan.number.raw.strip(" /"):
            continue
        url = URLS.entry("plan", plan.id)
        number = plan.number.normalized
        for q in (number, number.lower(), f"{plan.doc_type} {number}", vntext.fold(f"{plan.doc_type} {number}")):
            assert _rank(index, docs, q)[0] == url, q


def _summed_field_vectors(index: dict) -> dict[str, dict[int, int]]:
    """term -> {entry: sum of its field vectors' values for the term × SCORE_SCALE}, read from a lunr index."""
    names = {posting["_index"]: term for term, posting in index["invertedIndex"]}
    sums: dict[str, dict[int, int]] = {}
    for ref, elements in index["fieldVectors"]:
        doc = int(ref.split("/", 1)[1], 36)
        for number, value in zip(elements[::2], elements[1::2]):
            per_term = sums.setdefault(names[number], {})
            per_term[doc] = per_term.get(doc, 0) + round(value * search.SCORE_SCALE)
    return sums


def test_postings_are_lunr_py_index_with_fields_summed(docs):
    all_docs = _reference_docs(docs)
    want = _summed_field_vectors(_lunr_reference_index(all_docs))
    got = search.build_postings(all_docs)
    assert set(got) == set(want)
    for term, (documents, scores) in got.items():
        assert documents == sorted(documents), term
        assert dict(zip(documents, scores)) == want[term], term


def _decode(shard_text: str) -> dict[str, tuple[list[int], list[int]]]:
    out = {}
    for term, gaps, scores in json.loads(shard_text):
        documents, at = [], 0
        for gap in gaps:
            at += gap
            documents.append(at)
        out[term] = (documents, scores)
    return out


def test_shards_together_are_the_postings(docs):
    postings = search.build_postings(docs)
    shards = search.shard_postings(postings, limit=4000)
    assert len(shards) > 3
    starts = [start for start, _ in shards]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    decoded = [_decode(text) for _, text in shards]
    assert {t: p for shard in decoded for t, p in shard.items()} == postings
    assert sum(len(shard) for shard in decoded) == len(postings)
    keys = [{vntext.fold(t) for t in shard} for shard in decoded]  # a term and its folded form share a shard
    assert all(not a & b for i, a in enumerate(keys) for b in keys[i + 1:])
    for (start, _), shard in zip(shards, decoded):  # each shard starts at its first folded key
        assert min(vntext.fold(t) for t in shard) == start


RANK_QUERIES = [
    "thi đua", "thi dua", "người tốt việc tốt", "nguoi tot viec tot", "nông thôn mới", "Bố Trạch", "Bồ Trạch",
    "195/KH-UBND", "195", "21/KH-UBND", "phong trào 2025", "Hoà Bình", "hoa binh hòa", "đăng dang", "xyzzy qwfp",
    "Trần Quang Vũ", "tran quang vu", "Quảng Bình", "quang binh quang", "Đảng ủy khối", "dang uy khoi",
    "chung tay vì người nghèo xyzzy",  # one word matches nothing: the others come back as a partial result
]

# Runs the queries through lunr.js over the whole lunr index and through rank.js over the shards; prints both.
_COMPARE_JS = """
const [lunrPath, vntextPath, rankPath] = process.argv.slice(1);
const lunr = require(lunrPath), T = require(vntextPath), R = require(rankPath);
lunr.Pipeline.registerFunction(T.thiduaVi, "thiduaVi");
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const idx = lunr.Index.load(input.index);
const terms = {};
input.shards.forEach(text => Object.assign(terms, R.prepare(JSON.parse(text))));
const out = input.queries.map(q => {
  const sequence = T.words(q).map(T.canonical).filter(Boolean), words = [...new Set(sequence)];
  const phrase = R.pairs(sequence);
  const all = idx.query(query => {
    words.forEach(w => query.term(w, { usePipeline: true }));
    phrase.forEach(p => query.term(p, { usePipeline: true, boost: input.pairBoost }));
  });
  const complete = all.filter(r => words.every(w => w in r.matchData.metadata || T.fold(w) in r.matchData.metadata));
  const lunrRows = (complete.length ? complete : all).map(r => [parseInt(r.ref, 36), r.score]);
  const mine = R.rank(words, T.fold, t => terms[t], input.count, phrase, input.pairBoost);
  return { lunr: lunrRows, lunrPartial: complete.length === 0 && all.length > 0,
           rank: mine.ids.map(n => [n, mine.scores[n]]), rankPartial: mine.partial };
});
console.log(JSON.stringify(out));
"""


def test_rank_js_orders_results_as_lunr_js_does(docs):
    """rank.js over the shipped shards gives the entries, and the order, lunr.js gives over the whole lunr index."""
    all_docs = _reference_docs(docs)
    shards = [text for _, text in search.shard_postings(search.build_postings(all_docs), limit=4000)]
    payload = json.dumps({"index": search.build_index(all_docs), "shards": shards, "count": len(all_docs),
                          "pairBoost": search.PAIR_BOOST,
                          "queries": RANK_QUERIES})
    done = subprocess.run([_need_node(), "-e", _COMPARE_JS, str(LUNR_JS), str(VNTEXT_JS), str(RANK_JS)], input=payload,
                          capture_output=True, text=True, check=True)
    for query, got in zip(RANK_QUERIES, json.loads(done.stdout)):
        if query == "xyzzy qwfp":
            assert got["rank"] == got["lunr"] == []
            continue
        lunr_scores = dict(got["lunr"])
        assert got["rank"] and sorted(n for n, _ in got["rank"]) == sorted(lunr_scores), query
        assert got["rankPartial"] == got["lunrPartial"], query
        assert got["rankPartial"] == query.endswith("xyzzy"), query
        top, top_score = got["rank"][0]
        ratio = top_score / search.SCORE_SCALE / lunr_scores[top]  # lunr divides by the query vector's length
        n_words = len(search.words(query))
        tolerance = 0.002 * (n_words + search.PAIR_BOOST * max(0, n_words - 1)) * 2
        for n, score in got["rank"]:  # the same scores up to lunr's constant, so the same order
            assert abs(score / search.SCORE_SCALE - ratio * lunr_scores[n]) <= tolerance, (query, n)
        order = [lunr_scores[n] * ratio for n, _ in got["rank"]]
        assert all(a >= b - tolerance for a, b in zip(order, order[1:])), query


def test_manifest_finds_the_shard_of_each_word(catalog):
    built = search.build_search(catalog, shard_bytes=4000)
    manifest = built.manifest
    facets = json.loads(built.files[f"{URLS.search_index_dir}/{manifest['facets']}"])
    assert manifest["count"] == len(facets["doc"]["k"]) == len(facets["doc"]["p"])
    for word in ("Bố", "bo", "195/KH-UBND", "nông", "Trạch", "UBND"):
        shard = _decode(built.files[f"{URLS.search_index_dir}/{search.shard_for(manifest, word)}"])
        assert vntext.fold(vntext.canonical(word)) in shard, word
    bo = _decode(built.files[f"{URLS.search_index_dir}/{search.shard_for(manifest, 'Bố')}"])
    assert "bố" in bo and "bo" in bo

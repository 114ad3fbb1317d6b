"""Pass 1b, recall: names the model's NER missed, found from capitalised runs, head words and gazetteers.

Two rules, both on tokens no entity covers:

* a run of capitalised proper nouns (with "of", "for", "and", "the" inside) that ends in an
  organisation or place head word ("Harbour Pilot School", "Brennow Cemetery") is an
  organisation or a place;
* a single capitalised proper noun that the gazetteer knows as a city, US state, continent or
  country ("Cincinnati", "Kestria") is a place.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsdossier.extract import lexicon
from newsdossier.extract.actors.spans import Cand

# NER labels of things that are no actors: a run never takes their tokens.
_NOT_ACTOR_LABELS = {
    "DATE",
    "TIME",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "CARDINAL",
    "ORDINAL",
    "WORK_OF_ART",
    "EVENT",
    "PRODUCT",
    "LAW",
    "LANGUAGE",
}
# Words that may stand inside a name between capitalised words ("Bank of America").
_JOINERS = {"of", "for", "and", "the", "&", "on", "de"}
# Words that end a run even when capitalised: sentence-opening function words.
_NOT_NAME = {"the", "a", "an", "this", "that", "these", "those", "i", "we", "he", "she", "it", "they"}


def _capitalised(token: Token) -> bool:
    """A capitalised word that can belong to a name (no title word, no sentence-opening function word)."""
    return (
        (token.is_title or token.is_upper and len(token) > 1)
        and (token.is_alpha or "-" in token.text)
        and token.pos_ in {"PROPN", "NOUN", "ADJ"}
        and token.lower_ not in _NOT_NAME
        and token.lower_ not in lexicon.CAPTION_WORDS
    )


def _runs(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (joiners allowed inside) over tokens no entity covers.

    A token NER gave a label for no actor (a date, a work of art, a product) is covered too: the
    model said what it is.
    """
    taken = taken | {t.i for t in doc if t.ent_type_ in _NOT_ACTOR_LABELS}
    runs = []
    i = 0
    while i < len(doc):
        if i in taken or not _capitalised(doc[i]):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end not in taken:
            if _capitalised(doc[end]):
                end += 1
            elif (
                doc[end].lower_ in _JOINERS
                and end + 1 < len(doc)
                and end + 1 not in taken
                and _capitalised(doc[end + 1])
            ):
                end += 2
            else:
                break
        runs.append((i, end))
        i = end
    return runs


def _label(doc: Doc, start: int, end: int) -> str:
    """ORG or FAC by the run's head word (before "of"/"for", else the last word); "" for neither."""
    words = [t.lower_ for t in doc[start:end]]
    cut = next((k for k, w in enumerate(words) if w in _JOINERS and k > 0), len(words))
    head = words[cut - 1]
    if head in lexicon.PLACE_HEADS and head not in lexicon.SURNAME_HEADS:
        return "FAC"
    if head in lexicon.ORG_HEADS:
        return "ORG"
    return ""


def missed_names(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Organisation and place names no entity covers (see the module docstring).

    A run right after an organisation and "and" ("Northern Aviation" + "and Space
    Company") completes that organisation's name instead.
    """
    taken = {i for c in cands for i in range(c.start, c.end)}
    ending = {c.end: c for c in cands if c.label == "ORG" and not c.chars}
    found = []
    for start, end in _runs(doc, taken):
        if end - start >= 2 and all(t.is_upper for t in doc[start:end]):
            continue  # a headline in capitals is no name
        if end - start >= 2:
            label = _label(doc, start, end)
            if label and doc[start : end - 1].text[:1].isupper() and doc[end - 1].pos_ == "PROPN":
                before = ending.get(start - 1)
                if label == "ORG" and before is not None and doc[start - 1].lower_ in {"and", "&"}:
                    before.end = end
                else:
                    found.append(Cand(start, end, label, how="rule"))
            continue
        token = doc[start]
        if (
            token.pos_ == "PROPN"
            and not token.is_sent_start
            and lexicon.place_named(token.text)
            and not lexicon.country_of_demonym(token.text)
            and not lexicon.is_given_name(token.text)
        ):
            found.append(Cand(start, end, "GPE", how="rule"))
    return found

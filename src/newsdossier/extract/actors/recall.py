"""Pass 1b, recall: names the model's NER missed, found from capitalised runs, head words and gazetteers.

Rules on tokens no entity covers:

* a run of capitalised proper nouns (with "of", "for", "and", "the" inside) that ends in an
  organisation or place head word ("Harbour Pilot School", "Brennow Cemetery") is an
  organisation or a place;
* a gazetteer place followed by a plural proper noun ("Harlow Rovers" after a city) is a team;
* a given name followed by one or two capitalised proper nouns ("Ilse Varga") is a person;
* any other run is read piece by piece between its joining words ("Velmor" / "Kestria");
* a single capitalised proper noun is a place when the gazetteer knows it as a city, US state,
  continent or country ("Cincinnati") or when it stands where only a place can ("moved to X",
  "near X"), and an organisation (a person for a given name) when it is the subject of a
  speech verb ("KXR reported") or, when it is no everyday word, of a verb whose object is a person
  ("KXR interviewed him").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from wordfreq import zipf_frequency

from newsdossier.extract import lexicon
from newsdossier.extract.actors.kinds import quoted_whole
from newsdossier.extract.actors.spans import (
    Cand,
    everyday_word,
    hyphen_prefix_start,
    inverted_names,
    is_acronym,
    is_elided_surname,
    is_person_noun,
    is_team,
    is_title_token,
    person_word,
    place_context,
)
from newsdossier.extract.lexicon.cues import is_speech_verb
from newsdossier.extract.lexicon.load import load

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
# Zipf frequency (wordfreq) from which a word is everyday English.
_COMMON_ZIPF = 3.0
# The labels of names a coordinated name takes on ("X and Y": names of one kind).
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
# Words that may stand inside a name between capitalised words ("Bank of America").
_JOINERS = {"of", "for", "and", "the", "&", "on", "de"}
# Object pronouns that stand for people.
_PERSON_PRONOUNS = {"him", "her", "them", "me", "us"}
# Words that end a run even when capitalised: sentence-opening function words.
_NOT_NAME = {"the", "a", "an", "this", "that", "these", "those", "i", "we", "he", "she", "it", "they"}


def _capitalised(token: Token) -> bool:
    """A capitalised word that can belong to a name (no title word, no sentence-opening function word)."""
    return (
        (token.is_title or token.is_upper and len(token) > 1 or is_elided_surname(token.text))
        and (token.is_alpha or "-" in token.text or is_elided_surname(token.text))
        and (token.pos_ in {"PROPN", "NOUN", "ADJ"} or is_elided_surname(token.text))  # tagged anyhow
        and token.lower_ not in _NOT_NAME
        and token.lower_ not in lexicon.CAPTION_WORDS
        and not is_title_token(token)  # "Cabinet of Prime Minister X": the title is no part of a name
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


def _person(doc: Doc, start: int, end: int) -> bool:
    """A common given name and one or two capitalised proper nouns, none a head word or a place ("Ilse
    Varga")."""
    tokens = doc[start:end]
    return (
        2 <= len(tokens) <= 3
        and all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in tokens)
        and lexicon.is_common_given_name(tokens[0].text)
        and not any(
            t.lower_ in lexicon.ORG_HEADS | lexicon.PLACE_HEADS | lexicon.OUT_OF_SCOPE_HEADS
            or is_title_token(t)
            or lexicon.country_named(t.text)
            or lexicon.country_of_demonym(t.text)
            for t in tokens
        )
        and not any(lexicon.place_named(t.text) for t in tokens[1:])
        and not lexicon.place_named(tokens.text)
    )


def _single(doc: Doc, i: int) -> Cand | None:
    """A lone capitalised proper noun that is a place or an actor by the gazetteer or its place in the
    sentence (see the module docstring), or None."""
    token = doc[i]
    if (
        token.pos_ != "PROPN"
        and not is_elided_surname(token.text)  # "D’Arvel argues": tagged a common noun
        or is_title_token(token)
        or i > 0
        and (is_title_token(doc[i - 1]) or doc[i - 1].lower_ in lexicon.HONORIFICS)  # "General Jackson"
        or token.lower_ in lexicon.HONORIFICS
        or lexicon.country_of_demonym(token.text)
    ):
        return None
    cand = Cand(i, i + 1, "GPE", how="rule")
    if _the_direction(doc, i):
        return cand
    given = lexicon.is_given_name(token.text)
    if not token.is_sent_start and not given and lexicon.place_named(token.text):
        return cand
    if not given and place_context(doc, cand, motion=True):
        return cand
    if token.dep_ == "nsubj" and (
        is_speech_verb(token.head) or (_acts_on_person(token) or _acronym_doer(token)) and not _common(token)
    ):
        person = given and not is_acronym(token.text) or is_elided_surname(token.text)  # "O’Brenna says"
        cand.label = "PERSON" if person else "ORG"
        return cand
    return None


# The four points of the compass, which capitalised after "the" name a region ("the West").
_POINTS = {"north", "south", "east", "west"}


def _the_direction(doc: Doc, i: int) -> bool:
    """A capitalised point of the compass after "the" inside a sentence, no name after it ("energy for
    the West", "a revival in the East"): the region, a place."""
    token = doc[i]
    after = doc[i + 1] if i + 1 < len(doc) else None
    return (
        token.lower_ in _POINTS
        and token.is_title
        and i > 0
        and doc[i - 1].lower_ == "the"
        and not doc[i - 1].is_sent_start
        and (after is None or not after.text[:1].isupper())
    )


def _acronym_doer(subject: Token) -> bool:
    """An acronym that does something ("KXR has broadcast it"), letters after a name ("FRS") aside."""
    return (
        is_acronym(subject.text)
        and subject.head.pos_ == "VERB"
        and subject.lower_.replace(".", "") not in lexicon.POST_NOMINALS
    )


def _acts_on_person(subject: Token) -> bool:
    """The subject's verb has a person as its object ("Kestrix interviewed him", "... hired Jane
    Doe", "... interviewed one of the founders"): what is done to a person has a person or a body as
    its doer."""
    return any(child.dep_ == "dobj" and _a_person(child) for child in subject.head.children)


def _a_person(token: Token) -> bool:
    """A pronoun, a PERSON entity or a lower-case person noun ("the founder", "one of the owners")."""
    if token.lower_ in _PERSON_PRONOUNS or token.ent_type_ == "PERSON":
        return True
    if token.like_num:  # "one of the owners", "two of them"
        people = (g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj")
        token = next(people, token)
        if token.lower_ in _PERSON_PRONOUNS:
            return True
    return token.pos_ == "NOUN" and token.text.islower() and person_word(token.lemma_.lower())


def _pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The capitalised stretches of a run between its joining words ("Velmor", "Kestria")."""
    out, piece = [], start
    for i in range(start, end + 1):
        if i == end or doc[i].lower_ in _JOINERS:
            if i > piece:
                out.append((piece, i))
            piece = i + 1
    return out


def _common(token: Token) -> bool:
    """An everyday English word, whether or not some people bear it as a name ("Pride", "Trial")."""
    return zipf_frequency(token.lower_, "en") >= _COMMON_ZIPF


def _conjunct_label(doc: Doc, start: int, end: int, labels: dict[int, str]) -> str:
    """The label of the entity a run of proper nouns is coordinated with ("X, Y and the Brennow
    Institute": a list holds names of one kind), or "". Everyday words are left alone: a list of
    titles ("Pride and X") is no list of names."""
    if all(_common(t) for t in doc[start:end]):
        return ""
    root = doc[start:end].root
    linked = [root.head] if root.dep_ == "conj" else []
    linked += [t for t in root.children if t.dep_ == "conj"]
    found = {labels[t.i] for t in linked if t.i in labels}
    return found.pop() if len(found) == 1 else ""


def _after_role(doc: Doc, start: int, end: int) -> bool:
    """Two or three proper nouns right after a lower-case role or kin noun that they name ("the
    grammarian Aelio Varga", "his friend Ilse Marn"): a person."""
    tokens = doc[start:end]
    role = doc[start - 1] if start > 0 else None
    return (
        role is not None
        and 2 <= len(tokens) <= 3
        and all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in tokens)
        and role.text.islower()
        and role.pos_ == "NOUN"
        and (role.head.i in range(start, end) or tokens.root.head.i == role.i)  # one noun phrase
        and is_person_noun(role)
        and not all(_common(t) for t in tokens)
        and not any(t.lower_ in lexicon.ORG_HEADS | lexicon.PLACE_HEADS for t in tokens)
        and not lexicon.place_named(tokens.text)
    )


def _appositive_label(doc: Doc, start: int, end: int) -> str:
    """The label a lower-case noun in apposition gives a run of proper nouns ("his publisher, Varn";
    "Varn, a company"): a person for a role, kin or relation noun, an organisation for an
    organisation's head word; "" otherwise."""
    tokens = doc[start:end]
    if len(tokens) > 3 or all(_common(t) for t in tokens) or not all(t.pos_ == "PROPN" for t in tokens):
        return ""
    root = tokens.root
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns += [t for t in root.children if t.dep_ == "appos"]
    for noun in (t for t in nouns if t.pos_ == "NOUN" and t.text.islower()):
        if noun.lower_ in lexicon.ORG_HEADS:
            return "ORG"
        if is_person_noun(noun):
            return "PERSON"
    return ""


def _copula_label(doc: Doc, start: int, end: int) -> str:
    """The label a lower-case noun after "is" gives the proper nouns before it ("Aelio Varga is a
    mathematician": a person; "Varn is a company": an organisation), or ""."""
    tokens = doc[start:end]
    root = tokens.root
    if (
        len(tokens) > 3
        or not all(t.pos_ == "PROPN" and t.is_title for t in tokens)
        or all(_common(t) for t in tokens)
        or root.dep_ != "nsubj"
        or root.head.lemma_ != "be"
    ):
        return ""
    for noun in (t for t in root.head.children if t.dep_ == "attr"):
        if noun.pos_ == "NOUN" and noun.text.islower():
            if noun.lower_ in lexicon.ORG_HEADS:
                return "ORG"
            if is_person_noun(noun):
                return "PERSON"
    return ""


def _place_head_after(doc: Doc, end: int, cands: dict[int, Cand]) -> Cand | None:
    """The entity right after a run when it is a lone place head ("Kestrel Court" + "Arena"): the
    run opens that place's name."""
    cand = cands.get(end)
    if cand is None or cand.end - cand.start != 1 or not doc[end - 1].whitespace_:
        return None
    word = doc[end]
    return cand if word.is_title and word.lower_ in lexicon.PLACE_HEADS - lexicon.SURNAME_HEADS else None


# Verbs of playing a part ("starred as X", "was cast as X"): the name after "as" is a character.
_PLAY_VERBS = {"star", "play", "appear", "cast", "portray", "voice", "co-star", "guest"}


def _character(doc: Doc, start: int, end: int) -> bool:
    """One to three proper nouns after "as" under a verb of playing a part ("starred as Ruby", "in
    Night Harbour as Wade"): the character, a person."""
    tokens = doc[start:end]
    as_ = doc[start - 1] if start > 0 else None
    if (
        as_ is None
        or as_.lower_ != "as"
        or end - start > 3
        or not all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in tokens)
        or any(is_title_token(t) or t.lower_ in lexicon.ORG_HEADS | lexicon.PLACE_HEADS for t in tokens)
    ):
        return False
    verb = next((g for g in [as_.head, *as_.head.ancestors] if g.pos_ == "VERB"), None)
    return verb is not None and verb.lemma_.lower() in _PLAY_VERBS


def _after_rank(doc: Doc, start: int, end: int) -> bool:
    """One or two proper nouns after a capitalised rank or honorific ("Major General Varga", "Lady
    Marn"): a person NER did not tag."""
    tokens = doc[start:end]
    return (
        start > 0
        and end - start <= 2
        and doc[start - 1].text[:1].isupper()
        and (doc[start - 1].lower_ in lexicon.RANKS or doc[start - 1].lower_ in lexicon.HONORIFICS)
        and all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in tokens)
        and not any(t.lower_ in lexicon.ORG_HEADS | lexicon.PLACE_HEADS for t in tokens)
        and not lexicon.place_named(tokens.text)
        and not everyday_word(tokens[-1].text)
    )


_PLACE_EVENTS = load("places")["place_events"]


def event_places(doc: Doc, taken: set[int]) -> list[Cand]:
    """The place in a named event's "of X" ("the Siege of Brennow"): a place, inside the event's name."""
    found = []
    for token in doc[:-2]:
        if not (token.is_title and token.lower_ in _PLACE_EVENTS and doc[token.i + 1].lower_ == "of"):
            continue
        end = start = token.i + 2
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and end not in taken:
            end += 1
        if end > start:
            found.append(Cand(start, end, "GPE", how="rule"))
    return found


# NER labels that are sometimes a place or an organisation the text plainly marks as one.
_RELABELLED = {"PRODUCT", "WORK_OF_ART", "LAW", "DATE", "NORP"}


def mislabelled_names(doc: Doc, taken: set[int]) -> list[Cand]:
    """Names NER gave a label for no actor (a product, a work, a law, a date, a nationality that is
    none) where the text shows a place or an organisation: a head word ("Brennow Dust Lab", "the
    Foreign Quarter"), a place's position ("near X", "the village of X") or the gazetteer."""
    found = []
    for ent in doc.ents:
        start = ent.start + (ent[0].pos_ == "DET")
        tokens = doc[start : ent.end]
        if (
            ent.label_ not in _RELABELLED
            or not tokens
            or any(t.i in taken for t in tokens)
            or not all(
                t.is_alpha and (t.is_title or t.is_upper) and t.pos_ in {"PROPN", "NOUN"} for t in tokens
            )
            or ent.label_ == "NORP"
            and lexicon.country_of_demonym(tokens.text) is not None
        ):
            continue
        cand = Cand(start, ent.end, "GPE", how="rule")
        last = tokens[-1].lower_
        if quoted_whole(doc, cand):
            continue  # a title in quotation marks is a work's
        if last in lexicon.PLACE_HEADS and last not in lexicon.SURNAME_HEADS:
            cand.label = "FAC"
        elif last in lexicon.ORG_HEADS:
            cand.label = "ORG"
        elif ent.label_ == "DATE" or not (  # "born in December": only a head word makes a date a place
            place_context(doc, cand, motion=True)
            or ent.label_ != "WORK_OF_ART"
            and lexicon.place_named(tokens.text)
        ):
            continue
        found.append(cand)
    return found


def missed_names(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Organisation, place and person names no entity covers (see the module docstring).

    A run right after an organisation and "and" ("Northern Aviation" + "and Space
    Company") completes that organisation's name instead, and one right after "the" and a demonym
    takes the demonym in ("the Kestrian State Archive").
    """
    taken = {i for c in cands for i in range(c.start, c.end)}
    taken |= {i for _, given in inverted_names(doc) for i in given}  # "Doe, Jane": Jane is Doe's
    ending = {c.end: c for c in cands if c.label == "ORG" and not c.chars}
    labels = {i: c.label for c in cands if c.label in _NAME_LABELS for i in range(c.start, c.end)}
    starting = {c.start: c for c in cands if not c.chars}
    # "the Kestrian State Archive": a demonym after "the" opens the name that follows it
    nations = {
        c.end: c
        for c in cands
        if c.label == "NORP"
        and c.end - c.start == 1
        and c.start > 0
        and doc[c.start - 1].lower_ == "the"
        and lexicon.country_of_demonym(doc[c.start].text) is not None
    }
    found = []
    for start, end in _runs(doc, taken):
        if end - start >= 2 and all(t.is_upper for t in doc[start:end]):
            continue  # a headline in capitals is no name
        if (site := _place_head_after(doc, end, starting)) is not None and doc[start].pos_ == "PROPN":
            site.start, site.label = start, "FAC"
            continue
        while end - start >= 2 and (
            doc[end - 1].lower_ in lexicon.TITLE_QUALIFIERS or doc[end - 1].lower_ in _JOINERS
        ):
            end -= 1  # "... of Prime" before "Minister": the qualifier belongs to the title
        if end - start >= 2:
            label = _label(doc, start, end)
            if label and doc[start : end - 1].text[:1].isupper() and doc[end - 1].pos_ == "PROPN":
                before = ending.get(start - 1)
                nation = nations.get(start)
                if label == "ORG" and before is not None and doc[start - 1].lower_ in {"and", "&"}:
                    before.end = end
                elif nation is not None:
                    nation.end, nation.label, nation.how = end, label, "rule"
                else:
                    found.append(Cand(start, end, label, how="rule"))
                continue
        for a, b in _pieces(doc, start, end) if end - start >= 2 else [(start, end)]:
            while b - a > 1 and doc[a].pos_ != "PROPN":
                a += 1  # "Yesterday TNX": a capitalised common word opening the sentence is no part
            while b - a > 1 and doc[b - 1].pos_ != "PROPN":
                b -= 1
            if is_team(doc, a, b):
                found.append(Cand(a, b, "ORG", how="rule"))
            elif _person(doc, a, b):
                if b - a == 3 and everyday_word(doc[b - 1].text):
                    b -= 1  # "Jane Doe Quits": a headline's verb
                found.append(Cand(a, b, "PERSON", how="rule"))
            elif b - a == 1 and (single := _single(doc, a)) is not None:
                found.append(single)
            elif label := _conjunct_label(doc, a, b, labels):
                found.append(Cand(a, b, label, how="rule"))
            elif _after_role(doc, a, b) or _after_rank(doc, a, b) or _character(doc, a, b):
                found.append(Cand(a, b, "PERSON", how="rule"))
            elif label := _appositive_label(doc, a, b) or _copula_label(doc, a, b):
                found.append(Cand(a, b, label, how="rule"))
    for cand in found:
        if cand.label == "ORG" and (start := hyphen_prefix_start(doc, cand.start)) not in taken:
            cand.start = start
    taken |= {i for c in found for i in range(c.start, c.end)}
    found += event_places(doc, taken)
    taken |= {i for c in found for i in range(c.start, c.end)}
    # a "nationality" that is no demonym is no mention (merging drops it): its words are free
    free = {
        i
        for c in cands
        if c.label == "NORP" and not lexicon.country_of_demonym(doc[c.start : c.end].text)
        for i in range(c.start, c.end)
    }
    return found + mislabelled_names(doc, taken - free)

"""Pass 1, boundaries: spaCy's entities with determiners, titles, credits and split names repaired."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from wordfreq import zipf_frequency

from newsdossier.extract import lexicon
from newsdossier.extract.actors.spans import (
    Cand,
    everyday_word,
    hyphen_prefix_start,
    inverted_names,
    is_acronym,
    is_elided_surname,
    is_title_token,
    under_plural_title,
)
from newsdossier.extract.lexicon.cues import OBJECT_VERBS, SPEECH_VERBS
from newsdossier.text.parse import dateline_end

_WANTED = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}


# Words that name nothing on their own: time zones ("UTC"), legal forms ("LLC").
_NAMELESS_WORDS = lexicon.NON_ACTOR_ABBREVIATIONS | lexicon.COMPANY_SUFFIXES
_DETERMINERS = {"the", "a", "an", "this", "these", "that", "those"}


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading determiner and a trailing possessive or punctuation from a token range."""
    while start < end - 1 and (
        doc[start].lower_ in _DETERMINERS
        or doc[start].tag_ == "POS"
        or not any(ch.isalpha() for ch in doc[start].text)
    ):
        start += 1
    bracket = next((t.i for t in doc[start:end] if "(" in t.text or "[" in t.text), None)
    if bracket is not None and bracket > start:  # "Bureau of Investigation (FBI": the acronym is apart
        end = bracket
    possessive = next((t.i for t in doc[start + 1 : end - 1] if t.tag_ == "POS"), None)
    if possessive is not None and not _possessive_name(doc, start, possessive, end):
        end = possessive  # "Acme's C.E.O.": what follows the owner is another thing
    closing = next((t.i for t in doc[start:end] if t.text in {")", "]"}), None)
    if closing is not None and closing + 1 < end:  # "Tom] Reed": an editor's bracket is no name
        start = closing + 1
    while end - 1 > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].lower_ in {"'s", "’s", "'"}
        or not any(ch.isalpha() for ch in doc[end - 1].text)
        or doc[end - 1].lower_ in lexicon.CAPTION_WORDS  # "Harbour Bridge Photo": a caption's label
    ):
        end -= 1
    return start, end


def _possessive_name(doc: Doc, start: int, possessive: int, end: int) -> bool:
    """A possessive inside one name: one word or a saint's name owns a single capitalised head word
    ("Queen's College", "St Brenna's Hospital"); a person's things ("King Aldo's Court") are apart."""
    last = doc[end - 1]
    return (
        end - possessive == 2
        and (possessive - start == 1 or doc[start].lower_ in _SAINTS)
        and last.is_title
        and (last.lower_ in lexicon.ORG_HEADS or last.lower_ in lexicon.PLACE_HEADS)
    )


# Words that join the parts of a long name ("Institute of X and Y", "Centre for Z").
_JOINERS = {"of", "for", "and", "&", "on", "at", "in", "the", "de"}
_INNER_JOINERS = {"of", "for", "and", "&", "the", "de"}


# Lower-case words that belong inside names: joiners and the particles of family names ("van", "bin").
_NAME_PARTICLES = _JOINERS | {
    "du", "des", "la", "le", "les", "van", "von", "der", "den", "da", "di", "del", "della", "al", "el",
    "bin", "ibn", "ben", "y", "e", "upon", "zu", "ter", "ten", "dos", "das", "do", "st", "st.",
}  # fmt: skip


def _lower_word_end(doc: Doc, start: int, end: int) -> int:
    """The end of a name before a lower-case word that no name holds ("X as Wade", "Green - have")."""
    for i in range(start + 1, end):
        token = doc[i]
        if (
            token.is_alpha
            and token.text.islower()
            and token.lower_ not in _NAME_PARTICLES
            and not is_title_token(token)  # "Harbour spokesman X": the title is split off later
            and token.lower_ not in lexicon.TITLE_QUALIFIERS
        ):
            cut = i
            while cut > start + 1 and not any(ch.isalnum() for ch in doc[cut - 1].text):
                cut -= 1  # "Green -": the dash goes with the cut-off words
            return cut
    return end


def _joined_end(doc: Doc, start: int, end: int) -> int:
    """The end of an organisation or place name that NER cut after a joining word.

    "Centre for Coastal Studies of" + "Harwick College": a name ending in "of", "for" or
    "and" goes on over the capitalised words after it; a number after "No." ends it ("Lodge No.
    8"). With nothing capitalised to join, the dangling words are dropped.
    """
    if doc[end - 1].lower_ in {"no", "no."} and end < len(doc):
        stop = end + (doc[end].text == ".")
        return stop + 1 if stop < len(doc) and doc[stop].like_num else end
    # "Centre for Baltic" + "and Nordic Studies": a name does not end in an adjective after "for"/"of"
    open_adjective = (
        end - start >= 3
        and end < len(doc)
        and doc[end].lower_ == "and"
        and doc[end - 2].lower_ in {"for", "of"}
        and (
            doc[end - 1].pos_ == "ADJ"
            or doc[end - 1].dep_ == "amod"
            or lexicon.country_of_demonym(doc[end - 1].text) is not None
        )
    )
    if not open_adjective and (doc[end - 1].lower_ not in _JOINERS or end - start < 2):
        return end
    stop = end
    while stop < len(doc) and not doc[stop].is_sent_start:
        token = doc[stop]
        # "in", "at", "on" after the cut begin a place ("... of Harwick College in Leeds"): they stop it
        if token.lower_ in _INNER_JOINERS or token.is_alpha and (token.is_title or token.is_upper):
            stop += 1
            continue
        break
    while stop > end and doc[stop - 1].lower_ in _JOINERS:
        stop -= 1
    if stop > end:
        return stop
    while end - start > 1 and doc[end - 1].lower_ in _JOINERS:
        end -= 1
    return end


def _comma_pieces(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """An entity that joins names with commas ("Brennow Bay, Kestrel Colony"), as one entity per name.

    Only places, and organisations whose last piece is a gazetteer place ("University of X,
    Berkeley"); each piece must hold a capitalised word and be no name suffix ("Jr.").
    """
    commas = [t.i for t in doc[start:end] if t.text == ","]
    if not commas or label not in {"GPE", "LOC", "FAC", "ORG"}:
        return [(start, end, label)]
    heads = {doc[b - 1].lower_ for b in [*commas, end]}
    if label == "ORG" and not (
        lexicon.place_named(doc[commas[-1] + 1 : end].text) or heads <= lexicon.ORG_HEADS
    ):
        return [(start, end, label)]  # "Research, Design and Testing" is one name; "X, Berkeley" two
    bounds = [start, *commas, end]
    pieces = [(a + (a != start), b) for a, b in zip(bounds, bounds[1:])]
    for a, b in pieces:
        words = [t for t in doc[a:b] if t.is_alpha]
        if not any(t.text[:1].isupper() and len(t) > 1 for t in words):
            return [(start, end, label)]
        if len(words) == 1 and words[0].lower_.rstrip(".") in {"jr", "sr", "ii", "iii", "iv"}:
            return [(start, end, label)]
    return [(a, b, label) for a, b in pieces]


def _at_pieces(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """An entity that joins a name to the place it is at ("University of X at Brennow", "the Rovers at
    Kestrel Stadium"), as two entities: the name, and the place (a gazetteer place or a place head).

    The first piece keeps an organisation's label, or becomes one when it is a plural name (a team);
    the second is a place ("GPE") or a site ("FAC").
    """
    if label not in {"ORG", "FAC", "LOC", "GPE"}:
        return [(start, end, label)]
    for i in range(start + 1, end - 1):
        if doc[i].lower_ != "at" or not doc[i + 1].text[:1].isupper():
            continue
        right = doc[i + 1 : end]
        known = lexicon.place_named(right.text)
        if not known and right[-1].lower_ not in lexicon.PLACE_HEADS | lexicon.FACILITY_ENDS:
            continue
        if not any(t.text[:1].isupper() and t.is_alpha for t in doc[start:i]):
            continue
        left = (
            "ORG"
            if label == "ORG" or doc[i - 1].tag_ == "NNPS" or doc[i - 1].lower_ in lexicon.ORG_HEADS
            else label
        )
        return [(start, i, left), (i + 1, end, "GPE" if known else "FAC")]
    return [(start, end, label)]


def _dash_pieces(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """Two bodies joined by a dash ("the Army-Navy game", "Senate - House talks"), as two names: each
    side is one capitalised word that heads an organisation's name on its own."""
    words = doc[start:end]
    if (
        label == "ORG"
        and len(words) == 3
        and words[1].text in {"-", "–", "—"}
        and all(t.is_title and t.lower_ in lexicon.ORG_HEADS for t in (words[0], words[2]))
    ):
        return [(start, start + 1, label), (start + 2, end, label)]
    return [(start, end, label)]


def _after_dateline(doc: Doc, start: int, end: int, label: str) -> tuple[int, str]:
    """Where a name starts that NER glued to the dateline before it ("OSLO - Jane Doe" read as one
    organisation), and its label: two or three words led by a given name are a person."""
    cut = dateline_end(doc[start].sent)
    if not start < cut < end:
        return start, label
    words = doc[cut:end]
    person = (
        label == "ORG"
        and 2 <= len(words) <= 3
        and all(t.is_title and t.is_alpha for t in words)
        and lexicon.is_given_name(words[0].text)
        and words[-1].lower_ not in lexicon.ORG_HEADS
    )
    return cut, "PERSON" if person else label


def _headline_speech_verb(word: str) -> bool:
    """A capitalised speech verb with the -s of a headline's present tense ("Slams", "Urges",
    "Denies"); the bare form is left alone, as many of them are surnames too ("Tell", "Say")."""
    if not word[:1].isupper() or not word.endswith("s") or len(word) < 4:
        return False
    low = word.lower()
    stems = {low[:-1], low[:-2] if low.endswith("es") else "", low[:-3] + "y" if low.endswith("ies") else ""}
    return any(stem in SPEECH_VERBS or stem in OBJECT_VERBS for stem in stems if stem)


# Pronouns in the object case: a bare verb before one is a verb ("Tell You"), never a surname.
_OBJECT_PRONOUNS = {"me", "you", "us", "him", "them"}


def _bare_verb_on_pronoun(doc: Doc, i: int) -> bool:
    """A capitalised speech verb in its bare form right before an object pronoun ("Jane Doe Tell You"):
    a headline's verb, though the bare form alone may be a surname."""
    return (
        doc[i].text[:1].isupper()
        and doc[i].lower_ in SPEECH_VERBS
        and i + 1 < len(doc)
        and doc[i + 1].lower_ in _OBJECT_PRONOUNS
    )


def _headline_person_end(doc: Doc, start: int, end: int) -> int:
    """A person's name without the headline words NER read into it ("Jane Doe Quits Over Pay").

    The name ends before a capitalised preposition ("Into", "Out", "After"); common words right
    before it that are no given name or surname ("Quits") go with it. It also ends before a speech
    verb in the headline's present tense ("Jane Doe Slams Rival"), once two words of name stand
    before it, or before a bare speech verb with an object pronoun after it ("Jane Doe Tell You").
    Two words always stay.
    """
    cut = next(
        (
            i
            for i in range(start + 1, end)
            if doc[i].pos_ == "ADP" and doc[i].text[:1].isupper() and doc[i].lower_ not in _NAME_PARTICLES
        ),
        None,
    )
    verb = next(
        (
            i
            for i in range(start + 2, end)
            if _headline_speech_verb(doc[i].text) or _bare_verb_on_pronoun(doc, i)
        ),
        None,
    )
    if verb is not None and (cut is None or verb < cut):
        return verb
    if cut is None:
        return end
    while cut - start > 2 and everyday_word(doc[cut - 1].text):
        cut -= 1
    return cut


def _hyphen_end(doc: Doc, start: int, end: int, taken: set[int]) -> int:
    """The end of a hyphenated place name NER cut at its first hyphen ("Saint" of "Saint-Martin-de-Brenn",
    "Stratford" of "Stratford-upon-Avon"): written without spaces, a particle inside, a capital last."""
    stop = end
    while (
        stop + 1 < len(doc)
        and not doc[stop - 1].whitespace_
        and doc[stop].text == "-"
        and not doc[stop].whitespace_
        and doc[stop + 1].is_alpha
        and stop + 1 not in taken
    ):
        stop += 2
    words = [t for t in doc[end:stop] if t.is_alpha]
    if words and any(t.lower_ in _NAME_PARTICLES for t in words) and words[-1].is_title:
        return stop
    return end


# How common (wordfreq zipf) a word before a full name must be to be an epithet ("sleepy" 3.7).
_EPITHET_ZIPF = 3.0


def _epithet_start(doc: Doc, start: int, end: int, people: set[str]) -> int:
    """Where a person's name starts after an epithet NER read into it ("Sleepy Jane Doe"): a common word
    that is no title or given name, before a given name and a surname that NER also found on their own
    in the story. A surname before the given name is not English order, so a common word that is
    also a rare surname ("Sneaky") goes too; names of other orders keep their first word, as the
    rest is no name of its own elsewhere."""
    first = doc[start]
    if (
        end - start >= 3
        and first.is_alpha
        and first.is_title
        and not is_title_token(first)
        and first.lower_ not in lexicon.TITLE_HEADS
        and not (start > 0 and is_title_token(doc[start - 1]))  # "Miss Universe X": a title's own word
        and zipf_frequency(first.lower_, "en") >= _EPITHET_ZIPF
        and not lexicon.is_given_name(first.text)
        and doc[start + 1].is_title
        and lexicon.is_given_name(doc[start + 1].text)
        and doc[start + 1 : end].text in people
    ):
        return start + 1
    return start


def _post_nominal_end(doc: Doc, start: int, end: int) -> int:
    """A person's name without the letters after it ("Jane Doe FRS", "John Roe PhD")."""
    while end - start > 2 and doc[end - 1].lower_.replace(".", "") in lexicon.POST_NOMINALS:
        end -= 1
    return end


def _seat_start(doc: Doc, start: int, end: int) -> int | None:
    """Where "of" opens the seat after a person's full name ("Ann Marie Varga of Kestrelbrae"), or None.

    A given name and at least one more word stand before "of", and capitalised proper nouns after
    it: the person is named by the words before, the seat is a place of its own. One word before
    "of" ("Joan of Arc", "Hilda of Brennow") is how that person is named and stays whole.
    """
    of = next((i for i in range(start + 2, end - 1) if doc[i].lower_ == "of"), None)
    if (
        of is None
        or not lexicon.is_given_name(doc[start].text)
        or not all(t.is_title and t.pos_ == "PROPN" for t in doc[start:of])
        or not all(t.is_title and t.pos_ == "PROPN" for t in doc[of + 1 : end])
    ):
        return None
    return of


def _country_before(doc: Doc, start: int) -> int:
    """Where a region's name starts when an untagged country name opens it ("the US Gulf Coast")."""
    prev = doc[start - 1] if start > 0 else None
    if (
        prev is not None
        and not prev.ent_type_
        and prev.whitespace_
        and prev.text[:1].isupper()
        and lexicon.country_named(prev.text) is not None
    ):
        return start - 1
    return start


def _glued_person(doc: Doc, start: int, end: int, surnames: set[str]) -> int | None:
    """Where a person's name glued to the end of an organisation starts ("... Relations Jane Doe").

    The person is known by the surname the text uses alone or in a PERSON entity elsewhere; the
    organisation keeps at least two words.
    """
    if end - start < 4 or doc[end - 1].text not in surnames:
        return None
    for width in (2, 3):
        cut = end - width
        if cut - start >= 2 and all(t.is_title and t.pos_ == "PROPN" for t in doc[cut:end]):
            if doc[cut - 1].lower_ not in {"of", "and", "for", "&", "the"}:
                return cut
    return None


# "St." and "Saint" before a capitalised word open a place's name in an organisation's ("St. Brenna
# Rovers"), where a person's name takes them as a title ("Saint Albin").
_SAINTS = {"st", "st.", "saint", "ste", "ste."}


def _split_person(doc: Doc, start: int, end: int, label: str = "PERSON") -> tuple[int, int]:
    """Where the name proper starts inside a PERSON span that swallowed a title, and its prefix end.

    Returns (prefix_end, name_start): tokens [start, prefix_end) are an affiliation ("Harbour"),
    [prefix_end, name_start) the title, [name_start, end) the name. No title: (start, start).
    """
    last_title = -1
    for i in range(start, end - 1):  # a title word as the last token is a surname ("Martin King")
        if is_title_token(doc[i]) and not (label != "PERSON" and doc[i].lower_ in _SAINTS):
            last_title = i
    name = doc[last_title + 1 : end]
    if (
        last_title < 0
        or not name[0].is_alpha
        or not name[0].text[:1].isupper()
        or any(t.lower_ in lexicon.ORG_HEADS or t.lower_ in lexicon.PORTFOLIOS for t in name)
        or len(name) > 1
        and name[-1].lower_ in lexicon.SITE_HEADS
    ):
        return start, start  # "Justice Department", "Governor-General", "King Orvan Station" hold no name
    first_title = last_title
    while first_title > start and (
        is_title_token(doc[first_title - 1]) or doc[first_title - 1].lower_ in lexicon.TITLE_QUALIFIERS
    ):
        first_title -= 1
    return first_title, last_title + 1


def _extend_name(doc: Doc, start: int, end: int, taken: set[int], *, org: bool = True) -> int:
    """Extend a name over the capitalised proper nouns NER left out ("Landsting" + "Assembly")."""
    while end < len(doc):
        token = doc[end]
        elided = is_elided_surname(token.text)  # "O’Brenna", tagged anyhow
        if (
            end in taken
            or token.ent_iob_ == "I"  # a word a repair cut off this name's own entity stays off
            or token.ent_type_ not in {"", doc[start].ent_type_}
            or not elided
            and (not token.is_alpha or not token.is_title and not token.is_upper or token.pos_ != "PROPN")
            or is_title_token(token)
            or token.is_sent_start
            or token.lower_ in lexicon.CAPTION_WORDS
            or token.lower_ in lexicon.POST_NOMINALS  # "Jane Doe FRS": letters after a name are no name
            or token.lower_ in lexicon.TITLE_QUALIFIERS  # "... Planning Acting Director X": a title begins
            and end + 1 < len(doc)
            and is_title_token(doc[end + 1])
        ):
            break
        end += 1
    if not org:
        return end
    # "Department" + "of Defense": an org head word followed by "of" and a capitalised name
    if (
        end + 1 < len(doc)
        and doc[end - 1].lower_ in lexicon.ORG_HEADS
        and doc[end].lower_ == "of"
        and doc[end + 1].is_title
        and doc[end + 1].pos_ == "PROPN"
    ):
        stop = end + 1
        while (
            stop < len(doc)
            and doc[stop].is_title
            and doc[stop].pos_ == "PROPN"
            and not is_title_token(doc[stop])
        ):
            stop += 1
        end = stop
    return end


def repaired_spans(doc: Doc) -> list[Cand]:
    """spaCy's entities of interest, with boundary errors repaired."""
    raw = [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in _WANTED]
    # surnames of people NER found in full, to cut them off an organisation they were glued to
    surnames = {doc[e - 1].text for s, e, label in raw if label == "PERSON" and e - s >= 2}
    people = {doc[s:e].text for s, e, label in raw if label == "PERSON"}
    cands: list[Cand] = []
    raw = [piece for s, e, label in raw for piece in _comma_pieces(doc, s, e, label)]
    raw = [piece for s, e, label in raw for piece in _at_pieces(doc, s, e, label)]
    raw = [piece for s, e, label in raw for piece in _dash_pieces(doc, s, e, label)]
    joined_until = 0
    for start, end, label in raw:
        if start < joined_until:
            continue  # "Harwick College", already joined to the name NER cut before it
        start, end = _trim(doc, start, end)
        start, label = _after_dateline(doc, start, end, label)
        if label == "ORG":
            start = hyphen_prefix_start(doc, _after_title_of(doc, start, end))
        end = _lower_word_end(doc, start, end)
        if label in {"ORG", "FAC", "LOC"}:
            end = _joined_end(doc, start, end)
            joined_until = end
        if label == "PERSON":
            end = _post_nominal_end(doc, start, _headline_person_end(doc, start, end))
            while end - start > 1 and doc[end - 1].lower_ in {"of", "and"}:
                end -= 1  # "X of" + "Auchterbrae": NER's person ends before its seat's place
            if (of := _seat_start(doc, start, end)) is not None:
                cands.append(Cand(of + 1, end, "GPE"))  # "X of Auchterbrae": the seat is a place
                end = of
        if label == "LOC":
            start = _country_before(doc, start)
        if label == "ORG" and (cut := _glued_person(doc, start, end, surnames)) is not None:
            cands.append(Cand(start, cut, "ORG"))
            start, label = cut, "PERSON"
        if "/" in doc[start:end].text and label in {"PERSON", "ORG"}:
            cands.extend(_split_credit(doc, start, end))
            continue
        if label == "ORG" and (_title_of_org(doc, start) or _portfolio(doc, start, end)):
            continue  # "Secretary of State X", "Trade Minister X": the word belongs to the title
        if label in {"PERSON", "ORG"}:
            prefix_end, name_start = _split_person(doc, start, end, label)
            if label == "ORG" and 1 <= end - name_start <= 3 and name_start > start:
                label = "PERSON"  # "Acme CFO Jane Doe" read as one organisation
            if label == "PERSON" and name_start > start:
                if prefix_end > start:  # "Palace spokesman X": the affiliation is an entity of its own
                    cands.append(Cand(start, prefix_end, _prefix_label(doc[start:prefix_end])))
                start = name_start
        if label == "PERSON":
            start = _epithet_start(doc, start, end, people)
        cands.append(Cand(start, end, label))
    cands.sort(key=lambda c: c.start)
    # one name NER split in two entities that touch (see _joined_label)
    joined: list[Cand] = []
    for cand in cands:
        prev = joined[-1] if joined else None
        if prev and prev.end == cand.start and not prev.chars and (label := _joined_label(doc, prev, cand)):
            prev.end, prev.label = cand.end, label
            continue
        if prev and not prev.chars and _field_after_in(doc, prev, cand):
            prev.end = cand.end
            continue
        joined.append(cand)
    taken = {i for c in joined for i in range(c.start, c.end)}
    for cand in joined:
        if cand.label in {"GPE", "LOC", "FAC"}:
            cand.end = _hyphen_end(doc, cand.start, cand.end, taken)
            taken.update(range(cand.start, cand.end))
        if cand.label in {"ORG", "PERSON"} and not cand.chars:
            cand.end = _extend_name(doc, cand.start, cand.end, taken, org=cand.label == "ORG")
            taken.update(range(cand.start, cand.end))
    # a span swallowed by an extension ("Norway" in "Water Safety Agency of Norway") is no mention
    inside = [
        c
        for c in joined
        if any(
            o is not c and o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start
            for o in joined
        )
    ]
    kept = [_retype(doc, c) for c in joined if _keep(doc, c) and not any(c is i for i in inside)]
    return _inverted_names(doc, [_named_body(doc, c) for c in kept])


# Lower-case nouns that make a person's name the name of a body of people ("the Doe family", "the
# Roe administration"): the body is an organisation, not the person.
_BODY_NOUNS = {"family", "dynasty", "clan", "administration"}


def _named_body(doc: Doc, cand: Cand) -> Cand:
    """A person's surname that modifies a body noun ("the Doe family") names that body: an organisation."""
    if (
        cand.label == "PERSON"
        and cand.end < len(doc)
        and doc[cand.end].lower_ in _BODY_NOUNS
        and doc[cand.end].text.islower()
        and doc[cand.start : cand.end].root.dep_ == "compound"
        and doc[cand.start : cand.end].root.head.i == cand.end
    ):
        cand.end, cand.label, cand.how = cand.end + 1, "ORG", "rule"
    return cand


def _inverted_names(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """People listed surname first at the start of a line (``spans.inverted_names``): the surname is
    the person's name; the given names after the comma are no one else's name (NER reads them as
    people of their own, or the surname as a place)."""
    by_start = {c.start: c for c in cands}
    dropped: set[int] = set()
    added = []
    for surname, given in inverted_names(doc):
        dropped.update(given)
        cand = by_start.get(surname)
        if cand is not None and cand.end == surname + 1:
            cand.label = "PERSON"
        else:
            added.append(Cand(surname, surname + 1, "PERSON", how="rule"))
    kept = [c for c in cands if not any(i in dropped for i in range(c.start, c.end))]
    return sorted(kept + added, key=lambda c: c.start)


def _joined_label(doc: Doc, prev: Cand, cand: Cand) -> str:
    """The label of one name NER split into two touching entities, or "" when they are two names.

    A country before an organisation ("US" + "Commerce Department"); a place before a site or a
    region ("Brennow" + "Opera House", "US" + "West Coast"); a person's given names before the rest
    of the name ("Ann Marie" + "Rose Doe", with nothing between them).
    """
    if doc[prev.end - 1].whitespace_ != " " or doc[cand.start].is_sent_start:
        return ""  # a line break or a new sentence between them: two names
    left = doc[prev.start : prev.end].text
    last = doc[cand.end - 1].lower_
    if prev.label == "GPE" and cand.label == "ORG" and lexicon.country_named(left):
        return "ORG"
    if prev.label == "GPE" and cand.label == "LOC":
        return "LOC"
    if (
        prev.label == "GPE"
        and cand.label in {"FAC", "ORG"}
        and last in lexicon.PLACE_HEADS | lexicon.FACILITY_ENDS
    ):
        return "FAC"
    if prev.label == cand.label == "PERSON" and all(t.is_title for t in doc[prev.start : cand.end]):
        return "PERSON"
    return ""


def _field_after_in(doc: Doc, prev: Cand, cand: Cand) -> bool:
    """An organisation named "for X in Y" that NER cut before "in" ("Institute for Policy Research" +
    "in the" + "Social Sciences"): Y, a plural field and no place or country, or a continent after
    "for X" / "on X" ("... for Soil in Africa"), ends the one name. A singular or another place
    after "in" ("... in the Kestrian Assembly", "... in Leeds") is where it is."""
    gap = [t.lower_ for t in doc[prev.end : cand.start]]
    right = doc[cand.start : cand.end]
    if (
        prev.label == "ORG"
        and gap == ["in"]
        and any(t.lower_ in {"for", "on"} for t in doc[prev.start + 1 : prev.end - 1])
        and lexicon.is_continent(right.text)
    ):
        return True  # "Forum for Water and Soil in Africa": a continent is the body's reach
    return (
        prev.label in {"ORG", "FAC"}  # NER reads "Centre for X" as a building too
        and cand.label == "ORG"
        and gap in (["in"], ["in", "the"])
        and any(t.lower_ in {"for", "of"} for t in doc[prev.start + 1 : prev.end - 1])
        and doc[cand.end - 1].tag_ in {"NNPS", "NNS"}
        and all(t.is_title for t in right)
        and not lexicon.place_named(right.text)
        and lexicon.country_named(right.text) is None
    )


def _split_credit(doc: Doc, start: int, end: int) -> list[Cand]:
    """Split a photo credit read as one entity ("Jane Doe/Harbour Press") into person and source, or
    two bodies written with a slash ("UNDP/Office for X")."""
    span = doc[start:end]
    cut = span.start_char + len(span.text[: span.text.index("/")].rstrip())
    left = [t for t in span if t.idx < cut]
    right = [t for t in span if t.idx > cut]
    out = []
    if left and any(t.is_alpha for t in left):
        # "UNDP/Office for X": an acronym before the slash is a body, not a photographer
        label = "ORG" if is_acronym(span.text[: cut - span.start_char]) else "PERSON"
        out.append(Cand(left[0].i, left[-1].i + 1, label, chars=(span.start_char, cut)))
    if right and any(t.is_alpha for t in right):
        r_start, r_end = _trim(doc, right[0].i, right[-1].i + 1)
        out.append(Cand(r_start, r_end, "ORG"))
    return out


def _after_title_of(doc: Doc, start: int, end: int) -> int:
    """Where an organisation's name starts after a title and "of" NER read into it ("Chair of the
    Harbour Committee"): the rest must end in an organisation's head word to stand as its name."""
    if not (is_title_token(doc[start]) and start + 2 < end and doc[start + 1].lower_ == "of"):
        return start
    rest = start + 2 + (doc[start + 2].lower_ == "the")
    return rest if rest < end and doc[end - 1].lower_ in lexicon.ORG_HEADS else start


def _title_of_org(doc: Doc, start: int) -> bool:
    """An ORG that is the object of a title before a name ("Secretary of State X"): part of the title."""
    return (
        start >= 2
        and doc[start - 1].lower_ == "of"
        and doc[start - 2].lower_ in lexicon.TITLE_HEADS
        and start + 1 < len(doc)
        and doc[start + 1].ent_type_ == "PERSON"
    )


def _portfolio(doc: Doc, start: int, end: int) -> bool:
    """An ORG made of portfolio words right before a role noun ("Trade" in "Trade Minister")."""
    return (
        end < len(doc)
        and doc[end].lower_ in lexicon.TITLE_HEADS
        and all(t.lower_ in lexicon.PORTFOLIOS for t in doc[start:end])
    )


def _prefix_label(span: Span) -> str:
    """The label of an affiliation cut off a PERSON span: a demonym, a country or an organisation."""
    if lexicon.country_of_demonym(span.text):
        return "NORP"
    if lexicon.country_named(span.text) or lexicon.country_of_capital(span.text):
        return "GPE"
    return "ORG"


def _keep(doc: Doc, cand: Cand) -> bool:
    """Drop spans that are no names at all: adjectives read as organisations, lone title words."""
    span = doc[cand.start : cand.end]
    if not any(ch.isalpha() for ch in span.text) or not any(t.text[:1].isupper() for t in span):
        return False  # a lower-case span ("rookie defenceman") is no name
    if cand.label == "ORG" and len(span) == 1 and span[0].pos_ == "ADJ" and not span[0].is_upper:
        return False
    if len(span) == 1 and lexicon.is_currency(span.text) and not lexicon.country_named(span.text):
        return False  # "USD 400 million": a currency code is no organisation
    if (
        len(span) == 1
        and span[0].lower_.rstrip(".") in lexicon.NON_ACTOR_ABBREVIATIONS | lexicon.COMPANY_SUFFIXES
    ):
        return False  # "12:00 UTC", a stray "LLC"
    if cand.label in {"PERSON", "ORG"} and all(
        is_title_token(t) or t.lemma_ in lexicon.TITLE_HEADS for t in span
    ):
        return False
    # "Green MP": a person's name never ends in an upper-case title
    return not (cand.label == "PERSON" and span[-1].is_upper and is_title_token(span[-1]))


def _retype(doc: Doc, cand: Cand) -> Cand:
    """Fix labels NER gets wrong: a capital or country read as a PERSON, a demonym read as an ORG,
    a plural name read as a PERSON ("the Monkees", "the Kennedys": a band, a family)."""
    text = doc[cand.start : cand.end].text
    if cand.label == "ORG" and cand.end - cand.start <= 3 and under_plural_title(doc, cand):
        cand.label = "PERSON"
        return cand
    plural = cand.end - cand.start == 1 and doc[cand.start].tag_ == "NNPS"
    if cand.label == "PERSON" and plural and cand.start > 0 and doc[cand.start - 1].lower_ == "the":
        cand.label = "ORG"
    if cand.label in {"PERSON", "ORG"} and cand.end - cand.start == 1:
        if lexicon.country_named(text) or lexicon.country_of_capital(text):
            cand.label = "GPE"
        elif cand.label == "ORG" and lexicon.country_of_demonym(text):
            cand.label = "NORP"
    return cand

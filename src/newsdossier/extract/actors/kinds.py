"""Pass 5, types and scope: what kind of actor a cluster is, and whether it is an actor at all.

NER's label is the weakest evidence. A head word ("Kestrel Hall", "Ministry of Health") types a
name; a title ("Professor X") or a known full name makes a person; a gazetteer place with no
person evidence is a location. Names of works, awards, events and products ("Harbour Film
Awards", "the film X", a quoted title) are no actors and leave the table.
"""

from __future__ import annotations

import functools
from collections import Counter

from spacy.tokens import Doc, Token
from wordfreq import zipf_frequency

from newsdossier.extract import lexicon
from newsdossier.extract.actors.spans import (
    NAMING_HOWS,
    Cand,
    Cluster,
    everyday_word,
    head_word,
    inverted_names,
    is_acronym,
    is_role_noun,
    is_team,
    is_title_token,
    name_words,
    place_context,
    surface,
    under_plural_title,
)
from newsdossier.extract.actors.things import news_thing, ship_name
from newsdossier.text import quotes

# Determiners a thing's name takes and a person's never does ("the Halvorium", "this Chamber").
_THING_DETERMINERS = {"the", "this", "that"}
# How common (wordfreq zipf) the singular of a team's plural is ("hawk" 3.8, "higg" 0).
_TEAM_NOUN_ZIPF = 3.0

# Words that make a name an organisation's, a place's or a thing's, never a person's.
_NOT_PERSONAL = lexicon.ORG_HEADS | lexicon.PLACE_HEADS | lexicon.OUT_OF_SCOPE_HEADS


def named_mentions(cluster: Cluster) -> list[Cand]:
    """The mentions that name the cluster (not descriptors or titles)."""
    return [c for c in cluster.cands if c.naming and c.how in NAMING_HOWS] or cluster.cands


def _heads(doc: Doc, cluster: Cluster) -> set[str]:
    """Head words of the cluster's multi-word names (a one-word name is its own head only as a word)."""
    return {head_word(doc, c) for c in named_mentions(cluster) if c.end - c.start > 1}


def quoted_whole(doc: Doc, cand: Cand) -> bool:
    """The mention is the whole of a quotation ("“Harbour Lights”"), as a work's title is written.

    A nickname inside a person's name is inside the NER span, so it never encloses the whole span.
    """
    return (
        cand.start > 0
        and cand.end < len(doc)
        and doc[cand.start - 1].text in quotes.MARK_TOKENS
        and doc[cand.end].text in quotes.MARK_TOKENS
    )


def _year_after(doc: Doc, cand: Cand) -> bool:
    """The name is followed by a bracketed year ("Glass Rivers (2004)"), as works are cited."""
    end = cand.end
    return (
        end + 2 < len(doc)
        and doc[end].text == "("
        and doc[end + 1].like_num
        and len(doc[end + 1].text) == 4
        and doc[end + 2].text == ")"
    )


def _cue(token: Token) -> bool:
    """A common noun that says what kind of thing a name is ("film", "mission", "work")."""
    return token.pos_ == "NOUN" and token.lemma_ in lexicon.OUT_OF_SCOPE_CUES


def _cue_noun(doc: Doc, cand: Cand) -> bool:
    """A work or event noun right before the name or in apposition ("the film X", "X, a novel")."""
    i = cand.start - 1
    if i > 0 and doc[i].text in {"The", "A", "An"}:
        i -= 1  # "the play The Tempest Years": the article is the title's own
    before = doc[i] if i >= 0 else None
    span = doc[cand.start : cand.end]
    if (
        before is not None
        and before.pos_ == "NOUN"
        and before.lemma_ in lexicon.OUT_OF_SCOPE_CUES
        and (before.head.i in range(cand.start, cand.end) or span.root.head.i == before.i)
    ):
        return True  # "the film X"; not "tests confirm X won", where the noun is no word of X's
    root = span.root
    if root.dep_ in {"nsubj", "attr"} and root.head.lemma_ == "be":
        other = {"nsubj": "attr", "attr": "nsubj"}[root.dep_]
        if any(t.dep_ == other and _cue(t) for t in root.head.children):
            return True  # "X is a NASA mission", "his main work is X"
    if root.dep_ == "oprd" and root.head.dep_ == "acl" and _cue(root.head.head):
        return True  # "a project called X"
    appos = [t for tok in span for t in tok.children if t.dep_ == "appos" and t.i >= cand.end]
    if span.root.dep_ == "appos" and span.root.head.i < cand.start:
        appos.append(span.root.head)  # "the film X" parsed as "film" with "X" in apposition
    return any(t.pos_ == "NOUN" and t.lemma_ in lexicon.OUT_OF_SCOPE_CUES for t in appos)


# Words that open a list of examples after a noun ("films including X", "plays such as X", "books like X").
_EXAMPLE_WORDS = {"including", "like", "as"}


# Words after which "for X" names an award's category ("a nomination for X", "nominated for X").
_NOMINATION_WORDS = {"nomination", "nominate", "nominee"}


def _nominated_for(doc: Doc, cand: Cand) -> bool:
    """The name is what someone was nominated for: an award's category ("a nomination for Best X")."""
    root = doc[cand.start : cand.end].root
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "for" and prep.head.lemma_.lower() in _NOMINATION_WORDS


def _example_of_cue(doc: Doc, cand: Cand) -> bool:
    """The name is one of the examples listed after a work or event noun ("films, including X and Y")."""
    root = doc[cand.start : cand.end].root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "including X, Y and Z": each item hangs on the first
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in _EXAMPLE_WORDS:
        return False
    if prep.lower_ == "as" and (prep.i == 0 or doc[prep.i - 1].lower_ != "such"):
        return False  # "as" alone is no list ("worked as X")
    return _cue(prep.head)


def _year_at(doc: Doc, i: int) -> bool:
    """A bracketed four-digit year starts at token i ("(2004)")."""
    return (
        i >= 0
        and i + 2 < len(doc)
        and doc[i].text == "("
        and doc[i + 1].like_num
        and len(doc[i + 1].text) == 4
        and doc[i + 2].text == ")"
    )


def _listed_with_years(doc: Doc, cand: Cand) -> bool:
    """The name is one item of a list of works cited with their years ("A (2007), X (2009), B (2013)").

    A name with its year next to other items with theirs: films, books and records are listed so.
    """
    if not _year_at(doc, cand.end):
        return False
    if cand.start >= 4 and doc[cand.start - 1].text == "," and _year_at(doc, cand.start - 4):
        return True
    after = cand.end + 3
    if after >= len(doc) or doc[after].lower_ not in {",", "and"}:
        return False
    sent_end = doc[cand.start].sent.end
    return any(_year_at(doc, j) for j in range(after + 1, min(after + 10, sent_end)))


def _after_by(doc: Doc, cand: Cand) -> bool:
    """The name, or the first of the names joined with it, follows "by" ("by X (2004)", "by X and Y")."""
    root = doc[cand.start : cand.end].root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    start = min(
        [cand.start, *(t.i for t in root.children if t.dep_ in {"compound", "flat"} and t.i < root.i)]
    )
    if root.i < cand.start or root.i >= cand.end:
        start = min(start, root.left_edge.i)
    return start > 0 and doc[start - 1].lower_ == "by"


def _cited_author(doc: Doc, cand: Cand) -> bool:
    """A maker cited with a year: "by X (1505)", "by X and Y (2004)" (the year after the last name)."""
    if not _after_by(doc, cand):
        return False
    end = cand.end  # past the other names of the list ("X and Y (2004)")
    while end < min(len(doc), cand.end + 6) and (doc[end].lower_ in {"and", ","} or doc[end].is_title):
        end += 1
    return _year_at(doc, end)


def _capitalised(token: Token) -> bool:
    """A capitalised word that does not open its sentence (so it is capitalised as part of a name)."""
    return token.text[:1].isupper() and not token.is_sent_start


def _inside_thing_name(doc: Doc, cand: Cand) -> bool:
    """The mention is part of a longer name of a work, law or event, though NER cut it out of it.

    After the thing's head word and a joining word ("Treaty on the X", "Lectures on X"), or before a
    capitalised run that ends in one ("X in Policing Act", "X Memorial Prize").
    """
    i = cand.start - 1
    while i >= 0 and doc[i].lower_ in lexicon.NAME_JOINERS:
        i -= 1
    if (
        i < cand.start - 1
        and doc[i + 1].lower_ != "the"
        and _capitalised(doc[i])
        and doc[i].lower_ in lexicon.OUT_OF_SCOPE_HEADS
    ):
        return True
    # "X in Policing Act", "X: The Movie" (a subtitle after a colon)
    j = cand.end + (cand.end < len(doc) and doc[cand.end].lower_ in {"in", "of", "on", "for", ":"})
    run = 0
    while j < len(doc) and _capitalised(doc[j]) and run < 3:
        run, j = run + 1, j + 1
    ends = j >= len(doc) or not _capitalised(doc[j])
    return run > 0 and ends and doc[j - 1].lower_ in lexicon.OUT_OF_SCOPE_HEADS


# Nouns whose "of X" is always a work ("the author of X"); "director of X" may be an organisation's.
_MAKER_NOUNS = {"author", "co-author", "composer", "lyricist", "librettist", "screenwriter", "illustrator"}


def _by_its_maker(doc: Doc, token: Token) -> bool:
    """The word is the title of a work after its maker ("author of X"), or a part of that title
    ("author of X in Y": Y hangs on X)."""
    prep = token.head
    if token.dep_ != "pobj" or prep.i >= token.i:
        return False
    if prep.lower_ == "of" and prep.head.lemma_.lower() in _MAKER_NOUNS:
        return True
    return prep.lower_ in {"in", "of", "and"} and prep.head.pos_ == "PROPN" and _by_its_maker(doc, prep.head)


def _made_thing(doc: Doc, cand: Cand) -> bool:
    """The name is what someone made or titled: "X, published in 1738", "wrote X", "a pilot titled X",
    "I called it X"."""
    root = doc[cand.start : cand.end].root
    if any(
        t.dep_ == "acl" and t.tag_ == "VBN" and t.lemma_ in lexicon.CREATION_VERBS and t.i > root.i
        for t in root.children
    ):
        return True  # "X, published in 1738"
    verb = root.head
    if root.dep_ in {"dobj", "nsubjpass"} and verb.lemma_ in lexicon.CREATION_VERBS:
        return True
    return root.dep_ in {"dobj", "oprd", "attr"} and verb.lemma_ in lexicon.TITLE_VERBS


# Verbs that give something a name ("I called it X", "X, as we named it").
_NAMING_VERBS = {"call", "name", "dub"}


def _called_it(doc: Doc, cand: Cand) -> bool:
    """The name is what someone called a thing: "I called it X", "X, I called it".

    A person is "called him X"; "it" names a thing whatever NER read the name as.
    """
    root = doc[cand.start : cand.end].root
    if root.dep_ == "oprd" and root.head.lemma_ in _NAMING_VERBS:
        return any(t.dep_ == "dobj" and t.lower_ == "it" for t in root.head.children)
    after = doc[cand.end : cand.end + 4]
    words = [t for t in after if t.text != ","][:3]
    return (
        len(words) == 3
        and words[0].pos_ == "PRON"
        and words[1].lemma_ in _NAMING_VERBS
        and words[2].lower_ == "it"
    )


# Words that join the names of a list ("the films X and Y", "his book, X or Y").
_LIST_WORDS = {"and", "or", ","}


def _listed_after_cue(doc: Doc, cand: Cand) -> bool:
    """The name is a later item of names listed right after a work or event noun ("the films X and
    Y", "his latest book, X or Y"): the noun says what every item is, however the list is parsed."""
    i = cand.start - 1
    if i < 0 or doc[i].lower_ not in _LIST_WORDS - {","}:
        return False
    names = 0
    while i >= 0 and cand.start - i <= 12:
        token = doc[i]
        if _capitalised(token):
            names += 1
        elif token.lower_ not in _LIST_WORDS | {"of", "the"} or token.is_sent_start:
            break
        i -= 1
    if i < 0 or names == 0 or not _cue(doc[i]):
        return False
    # the list starts right after the noun, or after one comma ("his book, X or Y"): "the book, and
    # X and Y published it" lists no work
    first = i + 1 + (doc[i + 1].text == ",")
    return _capitalised(doc[first])


def _work_verb(doc: Doc, cand: Cand) -> bool:
    """The name is what someone starred or appeared in ("starred in X")."""
    root = doc[cand.start : cand.end].root
    prep = root.head if root.dep_ == "pobj" else None
    return bool(
        prep is not None
        and prep.lower_ == "in"
        and prep.head.lemma_ in lexicon.WORK_VERBS
        and cand.label not in {"GPE", "LOC", "FAC"}
    )


def _word_or_tongue(doc: Doc, cand: Cand) -> bool:
    """The mention is a word offered as a name ("took the name of X", "the surname X") or a language
    ("the X dialects"); a country's name or demonym is left to the country rules."""
    text = surface(doc, cand)
    if lexicon.country_named(text) or lexicon.country_of_demonym(text):
        return False
    before = cand.start - 1
    if before >= 0 and doc[before].lower_ == "of":
        before -= 1
    if before >= 0 and doc[before].lower_ in lexicon.NAME_NOUNS and cand.end - cand.start == 1:
        return True  # one word: "traded under the name of Kestrel Holdings" is the firm
    root = doc[cand.start : cand.end].root
    return root.head.i == cand.end and root.head.lower_ in lexicon.LANGUAGE_NOUNS  # compound or amod


def _names_nothing(doc: Doc, cluster: Cluster) -> bool:
    """A capitalised word or phrase that names no one: a common word, a role, a description, a term,
    a word given as a name or a language."""
    named = named_mentions(cluster)
    return (
        all(_word_or_tongue(doc, c) for c in named)
        or _common_word(doc, cluster)
        or _role_word(doc, cluster)
        or all(_described(doc, c) for c in named)
        and not _has_place_word(doc, cluster)
        or any(_spelt_out_term(doc, c) for c in named)
    )


def _has_place_word(doc: Doc, cluster: Cluster) -> bool:
    """A word of the cluster's names is a gazetteer place or a country ("a united Germany")."""
    words = {t.text for c in named_mentions(cluster) for t in doc[c.start : c.end]}
    return any(lexicon.place_named(w) or lexicon.country_named(w) for w in words)


def _described(doc: Doc, cand: Cand) -> bool:
    """The mention takes "a" or "an" as its own determiner ("a lifelong Green Centrist",
    "a retired Mariner"): a description or a kind, not one named actor."""
    root = doc[cand.start : cand.end].root
    return any(t.dep_ == "det" and t.lower_ in {"a", "an"} and t.i < cand.start for t in root.children)


def _role_word(doc: Doc, cluster: Cluster) -> bool:
    """A one-word name that is a role noun in the plural ("elites and Professors"), not a name.

    (A role noun in the singular is split off as a title before this, so never reaches here.)
    """
    named = named_mentions(cluster)
    return all(
        c.end - c.start == 1
        and not c.title
        and doc[c.start].lower_.endswith("s")
        and doc[c.start].lower_[:-1] in lexicon.TITLE_HEADS
        for c in named
    )


def _spelt_out_term(doc: Doc, cand: Cand) -> bool:
    """An acronym defined in brackets after lower-case words it abbreviates ("the source text (ST)",
    "gross domestic product (GDP)"): a term, since a name would be capitalised."""
    text = surface(doc, cand)
    if not (is_acronym(text) and cand.start > 0 and doc[cand.start - 1].text == "("):
        return False
    letters = text.replace(".", "").lower()
    words = [t for t in doc[max(cand.start - 1 - len(letters), 0) : cand.start - 1] if not t.is_punct]
    # initials compared as written: a capitalised name ("Kestrel Mining Board (KMB)") spells no term
    return len(words) == len(letters) and "".join(t.text[0] for t in words) == letters


def _common_word(doc: Doc, cluster: Cluster) -> bool:
    """A one-word name that is a common word capitalised: a heading ("Background") or a word the
    text also writes in lower case ("Linguistics" beside "linguistics")."""
    named = named_mentions(cluster)
    if any(c.end - c.start > 1 for c in named) or cluster.kind == "person" and any(c.title for c in named):
        return False
    words = {doc[c.start].lower_ for c in named}
    if len(words) != 1 or any(is_acronym(doc[c.start].text) for c in named):
        return False
    word = words.pop()
    if word in lexicon.ORG_HEADS or lexicon.country_named(word) or lexicon.country_of_demonym(word):
        return False  # "Senate", "Government": a legislature named by its head word is an actor
    if all(_alone(doc, c) or _opening_word(doc, c) for c in named):
        return True
    # a word with digits ("21ers") is never a common word written in lower case
    return word.isalpha() and word in _common_lower_words(doc)


# Asked for every one-word cluster of a doc: one pass over its tokens, not one per cluster. The cache
# holds the last doc itself, so its identity cannot pass to another doc while it is cached.
@functools.lru_cache(maxsize=1)
def _common_lower_words(doc: Doc) -> frozenset[str]:
    """The words the text writes in lower case as a noun, adjective or verb."""
    return frozenset(t.lower_ for t in doc if t.text == t.lower_ and t.pos_ in {"NOUN", "ADJ", "VERB"})


def _product_spelling(doc: Doc, cand: Cand) -> bool:
    """A name spelt as products are ("eReader Mini", "eReader X"): a lower-case letter, then capitals."""
    return any(
        len(t.text) > 2 and t.text[0].islower() and t.text[1].isupper() for t in doc[cand.start : cand.end]
    )


def _web_address(text: str) -> bool:
    """A name written as a web address ("Example.com", "news.example.org")."""
    head, dot, tail = text.rpartition(".")
    return bool(dot and head and " " not in text and tail.lower() in lexicon.WEB_DOMAINS)


_SUBJECT_PRONOUNS = {"i", "we", "you", "it", "they", "he", "she", "that", "this"}


def _opening_word(doc: Doc, cand: Cand) -> bool:
    """An everyday word opening its sentence as an interjection ("Yep, we agreed") or an order
    ("Hail the winners!"): capitalised for its place, not as a name."""
    token = doc[cand.start]
    if cand.end - cand.start > 1 or not token.is_sent_start or not everyday_word(token.text):
        return False
    if token.tag_ == "VB":
        return True  # the parse reads the base form of a verb
    return (
        cand.end + 1 < len(doc)
        and doc[cand.end].text == ","
        and doc[cand.end + 1].lower_ in _SUBJECT_PRONOUNS
    )


def _alone(doc: Doc, cand: Cand) -> bool:
    """The mention is its whole sentence (a heading such as "Career")."""
    sent = doc[cand.start].sent
    return all(t.i in range(cand.start, cand.end) or t.is_punct or t.is_space for t in sent)


def out_of_scope(doc: Doc, cluster: Cluster) -> bool:
    """A cluster that names a work, award, event or product rather than an actor."""
    if cluster.kind == "group" or cluster.country:
        return False
    named = named_mentions(cluster)
    heads = _heads(doc, cluster)
    if heads and heads <= lexicon.OUT_OF_SCOPE_HEADS:
        return True
    lasts = {doc[c.end - 1].lower_ for c in named if c.end - c.start > 1}
    if lasts and lasts <= lexicon.OUT_OF_SCOPE_HEADS and not heads & lexicon.ORG_HEADS:
        return True  # "Rookie of the Season Award": an award whatever it is of
    singles = {doc[c.start].lower_ for c in named if c.end - c.start == 1}
    if (
        len(singles) == 1
        and all(c.end - c.start == 1 for c in named)
        and singles <= lexicon.OUT_OF_SCOPE_HEADS
        and not lexicon.is_given_name(next(iter(singles)))
    ):
        return True  # "the Paralympics", "Symphony": the word names an event or a work
    if any(ship_name(doc, c) for c in named):
        return True  # "USS X" is a ship, though "the destroyer USS X" gives it a role
    if cluster.kind == "person" and any(c.title for c in cluster.cands):
        return False  # "Professor X" is a person whatever else is said of the name
    if all(news_thing(doc, c) for c in named):
        return True  # "Hurricane X", "its X sedan", "the X 100 fell", "X Day": no actor
    if all(_inside_thing_name(doc, c) for c in named):
        return True  # "the Treaty on the X": a name only inside a thing's name is no actor of its own
    if _names_nothing(doc, cluster):
        return True
    if any(
        _by_its_maker(doc, doc[c.start : c.end].root) and not lexicon.place_named(surface(doc, c))
        for c in named
    ):
        return True  # "the author of X", "the composer of X in Y": a work ("author of X in Paris": a city)
    if any(_called_it(doc, c) for c in named):
        return True  # "I called it X": a thing given a name, whatever NER read it as
    if all(_nominated_for(doc, c) for c in named):
        return True  # "a nomination for Best X": an award's category
    if (
        cluster.kind != "location"  # "degrees from X (1910), Y (1925)": places are listed with years too
        and all(_listed_with_years(doc, c) for c in named)
        and not _looks_personal(doc, cluster)
        and not any(_cited_author(doc, c) for c in named)  # "by X (2004), Y (2007)": makers
    ):
        return True
    if (
        cluster.kind != "person"
        and not any(lexicon.place_named(surface(doc, c)) for c in named)
        and any(_made_thing(doc, c) for c in named)
        and not any(doc[c.start : c.end].root.dep_ == "nsubj" for c in named)  # "X released a report"
    ):
        return True  # "X, published in 1738": a work; people are "released" too, so never a person
    if any(_cue_first(doc, c) for c in named):
        return True  # "Spacecraft Kestrel", "Album X": the name says what the thing is
    if _common_word(doc, cluster):
        return True
    if any(_web_address(surface(doc, c)) for c in named):
        return True  # "Example.com": a website
    if any(_product_spelling(doc, c) for c in named) and not heads & lexicon.ORG_HEADS:
        return True
    if (
        cluster.kind == "location"
        and not heads & lexicon.PLACE_HEADS
        and not any(lexicon.place_named(surface(doc, c)) for c in named)
        and any(_year_after(doc, c) for c in named)
    ):
        return True  # "Tidewater (2013)": a work cited with its year, not a place any gazetteer knows
    if (
        cluster.kind == "location"
        and not any(lexicon.place_named(surface(doc, c)) for c in named)
        and any(_cue_noun(doc, c) or _example_of_cue(doc, c) or _listed_after_cue(doc, c) for c in named)
    ):
        return True  # "the drama Kestrel Abbey": a work named like a place no gazetteer knows
    if cluster.kind == "location":
        return False  # "Vienna (1931)", "“Brennow”": known places are not cited like works
    if all(quoted_whole(doc, c) for c in named):
        return True
    if any(_cue_noun(doc, c) or _example_of_cue(doc, c) or _listed_after_cue(doc, c) for c in named):
        return True
    if heads & (lexicon.ORG_HEADS | lexicon.PLACE_HEADS) or any(is_team(doc, c.start, c.end) for c in named):
        return False  # "appeared in the Daily Post": a newspaper; "Harlow Rovers (2012)": a team
    if (
        cluster.kind == "organization"
        and any(_year_after(doc, c) for c in named)
        and not any(_cited_author(doc, c) for c in named)
    ):
        # "Glass Rivers (2004)": a work cited with its year (a person's year is a life or a citation)
        return True
    return any(_work_verb(doc, c) for c in named)


def _full_person_words(doc: Doc, clusters: list[Cluster]) -> set[str]:
    """Every word of the multi-word names of people, so "Hartwell" the surname is never a city."""
    return {
        w
        for k in clusters
        if k.kind == "person"
        for c in k.cands
        if c.end - c.start > 1
        for w in name_words(doc, c)
    }


def _full_person_names(doc: Doc, clusters: list[Cluster]) -> set[frozenset[str]]:
    """The word sets of the multi-word names of people ("Emi Tanaka" -> {"emi", "tanaka"})."""
    return {
        frozenset(name_words(doc, c))
        for k in clusters
        if k.kind == "person"
        for c in k.cands
        if c.end - c.start > 1
    }


def _reordered_person(doc: Doc, cluster: Cluster, person_names: set[frozenset[str]]) -> bool:
    """Every name of the cluster has the words of a person's full name, in another order."""
    named = named_mentions(cluster)
    return all(c.end - c.start > 1 and frozenset(name_words(doc, c)) in person_names for c in named)


def _held_title_of(doc: Doc, cand: Cand) -> bool:
    """The mention follows a title held of a territory and "of" ("Earl of X", "Count of the X")."""
    i = cand.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in lexicon.TERRITORIAL_TITLES


def _the_thing(doc: Doc, cluster: Cluster) -> bool:
    """A one-word name that takes "the" or "this" as its own determiner ("the Halvorium", "this Chamber")."""
    named = named_mentions(cluster)
    if any(c.end - c.start != 1 for c in named):
        return False
    if all(_takes_the(doc, c.start) for c in named):
        return True
    # "the Quintet statement" hangs "the" on the noun: the word taking "the" elsewhere in the text
    words = {doc[c.start].text for c in named}
    return len(words) == 1 and any(t.text in words and _takes_the(doc, t.i) for t in doc)


def _takes_the(doc: Doc, i: int) -> bool:
    """Token i takes "the" or "this" just before it as its own determiner."""
    return (
        i > 0
        and doc[i - 1].lower_ in _THING_DETERMINERS
        and doc[i - 1].dep_ == "det"
        and doc[i - 1].head.i == i
    )


def _after_locative(doc: Doc, cand: Cand) -> bool:
    """The mention follows a locative preposition and "the" ("at the X", "in the X")."""
    return (
        cand.start >= 2
        and doc[cand.start - 1].lower_ in _THING_DETERMINERS
        and doc[cand.start - 2].lower_ in lexicon.LOCATIVE_PREPS
    )


def _unspoken_acronym(doc: Doc, cluster: Cluster) -> bool:
    """A person's name that is only an acronym no one's name spells ("ROTC"; not "OKAFOR", a surname
    in a transcript's capitals), with no title."""
    named = named_mentions(cluster)
    words = {surface(doc, c) for c in named}
    return not any(c.title for c in cluster.cands) and all(
        is_acronym(w)
        and not lexicon.is_surname(w)
        and not lexicon.is_given_name(w)
        and w.capitalize() not in _title_case_words(doc)
        for w in words
    )


# Asked for every all-capitals cluster of a doc: one pass over its tokens. The cache holds the last doc
# itself, so its identity cannot pass to another doc while it is cached.
@functools.lru_cache(maxsize=1)
def _title_case_words(doc: Doc) -> frozenset[str]:
    """The words the text writes in title case ("Okafor" beside "OKAFOR")."""
    return frozenset(t.text for t in doc if t.is_title)


# Asked for every person cluster of a doc: one pass over its lines. The cache holds the last doc
# itself, so its identity cannot pass to another doc while it is cached.
@functools.lru_cache(maxsize=1)
def _inverted_surnames(doc: Doc) -> frozenset[int]:
    """The tokens of surnames listed surname first at the start of a line ("Doe, Jane. Title")."""
    return frozenset(surname for surname, _ in inverted_names(doc))


def retype(
    doc: Doc, cluster: Cluster, person_words: set[str], person_names: set[frozenset[str]] | None = None
) -> None:
    """Set the cluster's type from the strongest evidence: head word, title, gazetteer."""
    person_names = person_names or set()
    if cluster.kind == "group" or cluster.country:
        return
    heads = _heads(doc, cluster)
    titled = any(c.title for c in cluster.cands)
    if cluster.kind == "person" and (titled or heads & lexicon.SURNAME_HEADS):
        return  # "Professor X", "Arsenio Hall": the person evidence stands
    if cluster.kind == "person" and any(c.start in _inverted_surnames(doc) for c in cluster.cands):
        return  # "Lisbon, Jane." in a list of sources: a surname, though a city has it too
    places = heads & lexicon.PLACE_HEADS | _facility_ends(doc, cluster)
    orgs = heads & (lexicon.ORG_HEADS - lexicon.PLACE_HEADS) - places
    teams = any(is_team(doc, c.start, c.end) or _cut_team(doc, c) for c in named_mentions(cluster))
    if teams and not places and not _person_by_given_name(doc, cluster):
        cluster.kind = "organization"  # "Harlow Rovers" read as a place: a city's team
    elif places and not orgs:
        cluster.kind = "location"  # "Kestrel Hall", "Brennow Station": buildings and sites are places
    elif orgs:
        cluster.kind = "organization"  # "Kestrel School", "Ministry of Health"
    elif titled:
        cluster.kind = "person"  # "Professor X" read as an organisation
    elif cluster.kind != "person" and _cited_maker(doc, cluster):
        cluster.kind = "person"  # "a painting by X (1505)", "by X and Y (2004)"
    elif cluster.kind != "person" and _person_apposition(doc, cluster):
        cluster.kind = "person"  # "X, a 17th-century poet", "his wife, X"
    elif all(_held_title_of(doc, c) for c in named_mentions(cluster)):
        cluster.kind = "location"  # "Earl of X", "Count of the X Empire": a title's territory
    elif cluster.kind != "person" and _reordered_person(doc, cluster, person_names):
        cluster.kind = "person"  # "Tanaka Emi" beside "Emi Tanaka"
    elif cluster.kind == "person" and _the_thing(doc, cluster):
        # "in the Halvorium", "the Quintet said": no person's name takes "the"
        cluster.kind = "location" if any(_after_locative(doc, c) for c in cluster.cands) else "organization"
    elif cluster.kind == "person" and _affiliation_only(doc, cluster, person_words):
        cluster.kind = "organization"  # "Kestrel reporter Jane Doe": the reporter's employer
    elif cluster.kind == "person" and _unspoken_acronym(doc, cluster):
        cluster.kind = "organization"  # "ROTC", "OSCE" read as a person
    elif cluster.kind == "person" and _is_place(doc, cluster, person_words):
        cluster.kind = "location"  # "Hartwell" read as a PERSON, and no one in the text has that name
    elif _placed(doc, cluster, person_words):
        cluster.kind = "location"  # "14 miles north of Kestrelburg", "born in Kestrelburg"
    elif cluster.kind == "organization" and _before_its_region(doc, cluster):
        cluster.kind = "location"  # "in Castelvero Alto, Kestria, Italy": a town before its region
    elif cluster.kind != "person" and _looks_personal(doc, cluster):
        cluster.kind = "person"  # "Jean Dubois" read as an organisation
    elif cluster.kind != "person" and any(_age_after(doc, c) for c in named_mentions(cluster)):
        cluster.kind = "person"  # "Jo Varga, 17, was found": an age set off after a name
    elif cluster.kind != "person" and _listed_with_people(doc, cluster):
        cluster.kind = "person"  # "Jean Roux and Tashi Varga": a full name beside a person's
    elif cluster.kind != "organization" and any(_listed_media(doc, c) for c in named_mentions(cluster)):
        cluster.kind = "organization"  # "websites including X": news media
    elif cluster.kind != "person" and _referred_to_as_person(doc, cluster):
        cluster.kind = "person"  # "Varga lost his seat": a person's pronoun
    elif cluster.kind != "person" and _personal_mention(doc, cluster):
        cluster.kind = "person"  # "X's diary", "X, who sailed": what only a person has or is


# Organisation heads that are no place heads: a body, never a site ("company", not "station").
_BODY_WORDS = lexicon.ORG_HEADS - lexicon.PLACE_HEADS - lexicon.FACILITY_ENDS


def _body_noun(token: Token) -> bool:
    """A lower-case common noun for a body ("company", "firm", "agency")."""
    return token.is_lower and token.pos_ == "NOUN" and token.lemma_.lower() in _BODY_WORDS


def _described_as_body(doc: Doc, cluster: Cluster) -> bool:
    """A mention is said to be a body: "X is the parent company of Y", "X, a firm", "the agency,
    X", "a firm called X"; no gazetteer place."""
    for cand in named_mentions(cluster):
        text = surface(doc, cand)
        if lexicon.place_named(text) or lexicon.country_named(text):
            return False
    for cand in named_mentions(cluster):
        root = doc[cand.start : cand.end].root
        head = root.head
        if root.dep_ == "nsubj" and head.lemma_ == "be":
            if any(t.dep_ == "attr" and _body_noun(t) for t in head.children):
                return True
        if any(t.dep_ == "appos" and t.i >= cand.end and _body_noun(t) for t in root.children):
            return True
        if root.dep_ == "appos" and head.i < cand.start and _body_noun(head):
            return True
        if root.dep_ in {"oprd", "attr", "dobj"} and head.lemma_ in _NAMING_VERBS and _body_noun(head.head):
            return True  # "a firm called X": the parse hangs "called" on the noun
    return False


def _in_capitals_run(doc: Doc, cand: Cand) -> bool:
    """The mention sits in a run of words in capitals ("DES MOINES —"): a dateline or a heading."""
    return any(0 <= i < len(doc) and doc[i].is_upper and doc[i].is_alpha for i in (cand.start - 1, cand.end))


def _body_initials(doc: Doc, cluster: Cluster) -> bool:
    """Every name is initials that no country, region code or gazetteer place has ("KPA", "F.B.I.";
    not "U.K.", "N.Y.", "NSW"), outside a run of capitals."""
    named = named_mentions(cluster)
    texts = {surface(doc, c) for c in named}
    return (
        bool(texts)
        and not any(_in_capitals_run(doc, c) for c in named)
        and all(
            is_acronym(t)
            and not (lexicon.country_named(t) or lexicon.is_place_code(t) or lexicon.place_named(t))
            for t in texts
        )
    )


def retype_bodies(doc: Doc, clusters: list[Cluster]) -> None:
    """Make places that the text says are bodies organisations: initials no place has ("F.B.K."), a
    name said to be a company ("X is the parent company of Y", "a firm called X").

    Run once the keep model has decided: its weights were learnt on the types as the other rules
    leave them, and this evidence changes the type, not whether the name is an actor.
    """
    for cluster in clusters:
        if cluster.kind == "location" and not cluster.country:
            if _described_as_body(doc, cluster) or _body_initials(doc, cluster):
                cluster.kind = "organization"


def _affiliation_only(doc: Doc, cluster: Cluster, person_words: set[str]) -> bool:
    """A one-word name, written once before a lower-case role and a person's name ("Kestrel
    reporter Jane Doe", "Orvane chief executive Jo Ma"): the body the person works for.

    A name some person in the text bears ("Doe adviser Jo Ma") or a given name is left a person.
    """
    named = named_mentions(cluster)
    texts = {surface(doc, c) for c in named}
    if any(c.end - c.start > 1 for c in named) or any(
        t.lower() in person_words or lexicon.is_given_name(t) for t in texts
    ):
        return False
    for cand in named:
        i = cand.end
        while i < len(doc) and doc[i].is_lower and doc[i].pos_ in {"NOUN", "ADJ"}:
            i += 1  # "chief executive", "staff reporter"
        role = any(is_role_noun(t) or is_title_token(t) for t in doc[cand.end : i])
        if role and i < len(doc) and doc[i].ent_type_ == "PERSON" and doc[i].is_title:
            return True
    return False


def _person_by_given_name(doc: Doc, cluster: Cluster) -> bool:
    """Every name opens with a given name and is NER's person or ends in no plural of a common noun
    ("Jean Harlows", "Blaine Soros'").

    A town that is also a given name and a surname ending in "s" look like a team's name; a team's
    plural is of a common noun ("Hawks", "Rovers"), a surname's "s" is no plural ("Soros").
    """
    named = named_mentions(cluster)
    return bool(named) and all(
        c.end - c.start >= 2
        and lexicon.is_given_name(doc[c.start].text)
        and (c.label == "PERSON" or not _plural_of_noun(doc[c.end - 1].text))
        for c in named
    )


def _plural_of_noun(word: str) -> bool:
    """A word in "s" whose singular is a common word and no given name ("Hawks", not "Higgs")."""
    singular = word[:-1]
    return zipf_frequency(singular.lower(), "en") >= _TEAM_NOUN_ZIPF and not lexicon.is_given_name(singular)


def _personal_noun(token: Token) -> bool:
    """A common noun only a person is: a kin word, an occupation, a word in -ist or -ian ("linguist"),
    a plain noun for a person ("guy")."""
    word = token.lemma_.lower()
    return (
        token.pos_ == "NOUN"
        and token.is_lower
        and word not in lexicon.ORG_HEADS
        and (
            word in lexicon.KINSHIP
            or word in lexicon.OCCUPATIONS
            or word in lexicon.PERSON_NOUNS
            or word.endswith(("ist", "ian"))
        )
    )


def _cited_maker(doc: Doc, cluster: Cluster) -> bool:
    """Every name is a maker cited "by" it with a year, one of several makers or with a given name
    ("by X and Y (2004)", "by Jan X (1505)"), and none is a place or an acronym. A firm is cited
    alone ("a report by Kestrel Aid (2004)")."""
    named = named_mentions(cluster)
    return all(
        _cited_author(doc, c)
        and c.end - c.start <= 3
        and not is_acronym(surface(doc, c))
        and not lexicon.place_named(surface(doc, c))
        and (_conjuncts(doc[c.start : c.end].root) or lexicon.is_given_name(doc[c.start].text))
        for c in named
    )


def _person_apposition(doc: Doc, cluster: Cluster) -> bool:
    """A name in apposition with a noun only people are ("X, a novelist", "his wife, X").

    A gazetteer place is left as it is: "a kid from Harlow, the son of ..." hangs the son on the town.
    """
    for cand in named_mentions(cluster):
        if lexicon.place_named(surface(doc, cand)) or lexicon.country_named(surface(doc, cand)):
            continue
        root = doc[cand.start : cand.end].root
        nouns = [t for t in root.children if t.dep_ == "appos" and t.i >= cand.end]
        if root.dep_ == "appos" and root.head.i < cand.start:
            nouns.append(root.head)
        if any(_personal_noun(t) for t in nouns):
            return True
    return False


def _cut_team(doc: Doc, cand: Cand) -> bool:
    """A one-word place that NER cut off a team's name ("Harlow" of "Harlow Rovers"): the team's."""
    return cand.end - cand.start == 1 and cand.end < len(doc) and is_team(doc, cand.start, cand.end + 1)


def _looks_personal(doc: Doc, cluster: Cluster) -> bool:
    """A two- or three-word name that starts with a given name and holds no org, place or work word.

    Hyphenated given names count as one word ("Jean-Paul Roux"). NER's organisation label stands
    when it was given three times or more ("Morgan Stanley").
    """
    named = named_mentions(cluster)
    if sum(c.how == "ner" and c.label == "ORG" for c in named) >= 3:
        return False
    for cand in named:
        parts = surface(doc, cand).split()
        if not 2 <= len(parts) <= 3 or not all(
            p[:1].isupper() and (p.replace("-", "").isalpha() or 0 < k < len(parts) - 1 and _initial(p))
            for k, p in enumerate(parts)
        ):
            continue
        words = [p.lower() for p in parts]
        if (
            lexicon.is_given_name(parts[0])
            and not lexicon.country_named(parts[0])  # "Harlow Eastern Airlines"
            # "a journey through X and Asia Superior": a continent's region
            and not (lexicon.place_named(parts[0]) and _where_a_place_is(doc, cand))
            and not any(lexicon.place_named(p) or lexicon.country_of_demonym(p) for p in parts[1:])
            and not any(w in _NOT_PERSONAL for w in words)
            and not lexicon.place_named(" ".join(parts))
        ):
            return True
    return False


def _initial(word: str) -> bool:
    """A middle initial ("D." in "Jean D. Roux")."""
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _where_a_place_is(doc: Doc, cand: Cand) -> bool:
    """The name stands where only a place can, or is coordinated with a place ("a journey through
    Kestria and Asia Superior", "Lagos and Asia Superior")."""
    return place_context(doc, cand) or any(
        t.ent_type_ in {"GPE", "LOC"} or lexicon.place_named(t.text)
        for t in _conjuncts(doc[cand.start : cand.end].root)
    )


def _name_shaped(doc: Doc, cand: Cand) -> bool:
    """Two or three capitalised words (a middle initial among them) with no org, place or work word,
    no country, demonym or gazetteer place: the shape of a person's full name."""
    parts = surface(doc, cand).split()
    return (
        2 <= len(parts) <= 3
        and all(
            p[:1].isupper() and (p.replace("-", "").isalpha() or 0 < k < len(parts) - 1 and _initial(p))
            for k, p in enumerate(parts)
        )
        and not any(p.lower() in _NOT_PERSONAL for p in parts)
        and not any(lexicon.country_named(p) or lexicon.country_of_demonym(p) for p in parts)
        and not lexicon.place_named(" ".join(parts))
        and not lexicon.place_named(parts[0])
    )


def _age_after(doc: Doc, cand: Cand) -> bool:
    """A name of at most three words, no gazetteer place or head word, set off before an age
    ("Jo Varga, 17, was found"; "Varga, 43)"): as news writes a person's age."""
    end, text = cand.end, surface(doc, cand)
    if end + 2 >= len(doc) or end - cand.start > 3 or is_acronym(text):
        return False
    if any(t.lower_ in _NOT_PERSONAL for t in doc[cand.start : end]):
        return False
    if lexicon.place_named(text) or lexicon.country_named(text):
        return False
    age = doc[end + 1].text
    return (
        doc[end].text == ","
        and age.isdigit()
        and 1 <= int(age) <= 120
        and doc[end + 2].text in {",", ")", ";"}
    )


def _listed_with_people(doc: Doc, cluster: Cluster) -> bool:
    """A full name coordinated with a person's full name ("Jean Roux and Tashi Varga"): a person too.

    NER labels one name of a list of people as an organisation when its words are rare; the
    list's other full name, labelled a person and opening with a given name, says what the list
    holds. NER's organisation label
    given twice or more stands.
    """
    named = named_mentions(cluster)
    if sum(c.how == "ner" and c.label == "ORG" for c in named) >= 2:
        return False
    for cand in named:
        if not _name_shaped(doc, cand):
            continue
        for other in _conjuncts(doc[cand.start : cand.end].root):
            ent = next((e for e in doc.ents if e.start <= other.i < e.end), None)
            outside = not cand.start <= other.i < cand.end
            if (
                ent is not None
                and ent.label_ == "PERSON"
                and len(ent) >= 2
                and lexicon.is_given_name(ent[0].text)  # a two-word firm read as a person: no help
                and outside
            ):
                return True
    return False


_PERSONAL_PRONOUNS = {"his", "her", "himself", "herself"}


def _clause_verb(token: Token) -> Token | None:
    """The nearest verb above a token in the parse."""
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return token
    return None


def _referred_to_as_person(doc: Doc, cluster: Cluster) -> bool:
    """A one-word name, no place or acronym, whose clause refers back to it with "his" or "her"
    ("Varga lost his seat in the vote"): a person, whatever NER said."""
    named = named_mentions(cluster)
    if any(c.end - c.start > 1 for c in named) or cluster.country:
        return False
    for cand in named:
        text = surface(doc, cand)
        if (
            is_acronym(text)
            or text.lower() in _NOT_PERSONAL  # "Congress", "Senate": an institution by its head word
            or lexicon.place_named(text)
            or lexicon.country_named(text)
        ):
            return False
    for cand in named:
        root = doc[cand.start]
        verb = root.head if root.dep_ == "nsubj" else None
        if verb is None or any(t.lower_ in {"its", "itself"} for t in verb.subtree):
            continue
        if any(
            t.i > cand.start and t.lower_ in _PERSONAL_PRONOUNS and _clause_verb(t) == verb
            for t in verb.subtree
        ):
            return True
    return False


_LIST_JOINERS = {",", ";", ":", "and", "or", "the"}


def _listed_media(doc: Doc, cand: Cand) -> bool:
    """The mention is one of the names listed after a news-media noun and "including", "such as" or
    "like" ("publications including X, Y and Z"), and no gazetteer place."""
    if lexicon.place_named(surface(doc, cand)) or lexicon.country_named(surface(doc, cand)):
        return False
    sent_start = doc[cand.start].sent.start
    i = cand.start - 1
    while i > sent_start and (doc[i].lower_ in _LIST_JOINERS or doc[i].text[:1].isupper() or doc[i].like_url):
        i -= 1
    if doc[i].lower_ == "as" and i - 1 > sent_start and doc[i - 1].lower_ == "such":
        i -= 1
    elif doc[i].lower_ not in {"including", "like"}:
        return False
    return i - 1 >= sent_start and doc[i - 1].lemma_.lower() in lexicon.MEDIA_NOUNS


def _plain_name(doc: Doc, cand: Cand) -> bool:
    """A name of one or two words that no gazetteer or head word makes a place or a body."""
    text = surface(doc, cand)
    return (
        cand.end - cand.start <= 2
        and not lexicon.place_named(text)
        and not lexicon.country_named(text)
        and not any(t.lower_ in _NOT_PERSONAL for t in doc[cand.start : cand.end])
    )


# Asked for every cluster of a doc: one pass over its tokens, cached for the last doc as above.
@functools.lru_cache(maxsize=1)
def _possessors(doc: Doc) -> frozenset[int]:
    """The tokens that own what only a person has ("X's diary", "ten years X's senior")."""
    return frozenset(
        t.i
        for t in doc
        if t.dep_ == "poss"
        and t.i + 1 < len(doc)
        and doc[t.i + 1].tag_ == "POS"
        and t.head.lemma_.lower()
        in lexicon.POSSESSIONS | lexicon.KINSHIP  # "senior" may be tagged an adjective
    )


def _personal_mention(doc: Doc, cluster: Cluster) -> bool:
    """A mention owns what only a person has ("X's diary"; a one-word name anywhere in the text), is
    said to be a person ("X is the fellow who ...") or is taken up by "who" ("its designer, X, who
    ..."); no mention is a place or a body by its words."""
    named = named_mentions(cluster)
    if not all(_plain_name(doc, c) for c in named):
        return False
    owners = _possessors(doc)
    owner_words = {doc[i].text for i in owners}
    for cand in named:
        root = doc[cand.start : cand.end].root
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":
            if any(t.dep_ == "attr" and _personal_noun(t) for t in root.head.children):
                return True  # "X is the fellow who ...", "X is a sculptor": an acronym too
        if is_acronym(surface(doc, cand)):
            continue  # "the KPLA, who ...": a body's initials
        if cand.end - 1 in owners or (cand.end - cand.start == 1 and doc[cand.start].text in owner_words):
            return True
        after = cand.end + 1 if cand.end < len(doc) and doc[cand.end].text == "," else cand.end
        if (
            after < len(doc)
            and doc[after].lower_ in {"who", "whom"}
            and not (cand.start and doc[cand.start - 1].lower_ in _THING_DETERMINERS)  # "the X who"
        ):
            return True  # the parse hangs the clause on the noun the name stands beside
    return False


def _facility_ends(doc: Doc, cluster: Cluster) -> set[str]:
    """Facility words that end a name ("Harlow Center", "Brennow Hospital"): the building, a place.

    "Institute for Public Policy" is headed before "for", so it stays an organisation.
    """
    return {
        doc[c.end - 1].lower_
        for c in named_mentions(cluster)
        if c.end - c.start > 1
        and doc[c.end - 1].lower_ in lexicon.FACILITY_ENDS
        and head_word(doc, c) == doc[c.end - 1].lower_
    }


def _place_at(doc: Doc, i: int) -> bool:
    """Token i starts a place: NER's place label or a gazetteer place."""
    return i < len(doc) and (
        doc[i].ent_type_ in {"GPE", "LOC"} or doc[i].pos_ == "PROPN" and lexicon.place_named(doc[i].text)
    )


def _before_its_region(doc: Doc, cluster: Cluster) -> bool:
    """Every name, with no organisation head, comes before a comma and two places ("Castelvero Alto,
    Kestria, Italy"): a town named with its region and country, as addresses are written."""
    named = named_mentions(cluster)
    if _heads(doc, cluster) & lexicon.ORG_HEADS:
        return False
    for cand in named:
        i = cand.end
        if not (i < len(doc) and doc[i].text == "," and _place_at(doc, i + 1)):
            return False
        j = i + 2  # past the first place's other words (a two-word region)
        while j < len(doc) and doc[j].ent_iob_ == "I":
            j += 1
        if not (j + 1 < len(doc) and doc[j].text == "," and _place_at(doc, j + 1)):
            return False
    return bool(named)


def _after_placed_town(doc: Doc, cand: Cand) -> bool:
    """The mention follows a comma and a place that a locative preposition governs ("in Harlow, X")."""
    if cand.start < 2 or doc[cand.start - 1].text != ",":
        return False
    town = doc[cand.start - 2]
    return (
        town.dep_ == "pobj"
        and town.head.lower_ in lexicon.LOCATIVE_PREPS
        and (town.ent_type_ in {"GPE", "LOC"} or lexicon.place_named(town.text))
    )


def _placed(doc: Doc, cluster: Cluster, person_words: set[str]) -> bool:
    """A one-word name, untitled and no person's in the text, that stands where only a place can
    ("near X", "born in X", "Leeds, X")."""
    named = named_mentions(cluster)
    return (
        cluster.kind in {"organization", "person"}
        and not any(c.title for c in cluster.cands)
        and all(c.end - c.start == 1 for c in named)
        and not any(
            surface(doc, c).lower() in person_words
            or is_acronym(surface(doc, c))
            or cluster.kind == "person"
            and lexicon.is_given_name(surface(doc, c))  # "Leeds, Anna." in a list of sources
            and not _after_placed_town(doc, c)  # "born in Harlow, Kerry": a county that is a name too
            for c in named
        )
        and any(place_context(doc, c) or _after_placed_town(doc, c) for c in named)
    )


def _is_place(doc: Doc, cluster: Cluster, person_words: set[str]) -> bool:
    """A person cluster that a gazetteer knows as a place and no person's name contains.

    A name of several words is checked whole ("Nova Kestria" as a province): no given name and
    surname a gazetteer lists together as one place.
    """
    named = named_mentions(cluster)
    if any(c.end - c.start > 1 for c in named):
        return all(lexicon.place_named(surface(doc, c)) for c in named) and not any(
            under_plural_title(doc, c) for c in named
        )
    texts = {surface(doc, c) for c in named}
    if any(under_plural_title(doc, c) for c in named):
        return False  # "Senators Dover and Ashby": a person's name, though a city has it too
    return all(lexicon.place_named(t) and t.lower() not in person_words and not is_acronym(t) for t in texts)


def type_and_scope(doc: Doc, clusters: list[Cluster], things: list[Cluster] | None = None) -> list[Cluster]:
    """Retype every cluster by its evidence and drop those that are no actors.

    The names of things (works, awards, events, products, websites) dropped are added to things,
    when given; what names nothing (a capitalised common word, a role, a term) is not.
    """
    person_words = _full_person_words(doc, clusters)
    person_names = _full_person_names(doc, clusters)
    kept, dropped = [], []
    for cluster in clusters:
        if out_of_scope(doc, cluster):
            dropped.append(cluster)
            if things is not None and not _names_nothing(doc, cluster):
                things.append(cluster)
            continue
        retype(doc, cluster, person_words, person_names)
        kept.append(cluster)
    # "Spacecraft Kestrel" set aside: "Kestrel" alone elsewhere is that thing, not a person
    bare = {_key(doc, c.start + 1, c.end) for k in dropped for c in k.cands if _cue_first(doc, c)}
    for cluster in [k for k in kept if all(_key(doc, c.start, c.end) in bare for c in named_mentions(k))]:
        kept.remove(cluster)
        if things is not None:
            things.append(cluster)
    _type_by_list(doc, kept)
    return kept


def _cue_first(doc: Doc, cand: Cand) -> bool:
    """The name opens with a work or product noun ("Spacecraft Kestrel", "Album X")."""
    return (
        cand.end - cand.start > 1
        and doc[cand.start].lower_ in lexicon.OUT_OF_SCOPE_CUES
        and doc[cand.end - 1].lower_ not in lexicon.ORG_HEADS | lexicon.PLACE_HEADS  # "Film Institute"
    )


def _key(doc: Doc, start: int, end: int) -> str:
    """The comparison key of the words from start to end."""
    return lexicon.norm_key(doc[start:end].text)


def _conjuncts(token: Token) -> list[Token]:
    """Every item of the coordination a token is in ("A, B and C"), the token itself left out."""
    first = token
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    items, todo = [], [first]
    while todo:
        item = todo.pop()
        items.append(item)
        todo += [t for t in item.children if t.dep_ == "conj"]
    return [t for t in items if t.i != token.i]


def _weakly_typed(doc: Doc, cluster: Cluster) -> bool:
    """A one-word name typed by NER's label alone: no title, head word, country or gazetteer place."""
    named = named_mentions(cluster)
    return (
        not cluster.country
        and cluster.kind != "group"
        and all(c.end - c.start == 1 and not c.title for c in named)
        and not any(
            lexicon.place_named(surface(doc, c)) or lexicon.is_given_name(surface(doc, c)) for c in named
        )
    )


def _type_by_list(doc: Doc, clusters: list[Cluster]) -> None:
    """A weakly typed name listed among names of one other kind takes their kind.

    ("engines including Kestrel, Orvane and Brelt": two firms beside it make "Orvane" a firm too.)
    Two listed names of that kind, and more than half of those listed, are needed.
    """
    owner = {i: k for k in clusters for c in k.cands for i in range(c.start, c.end)}
    votes: dict[int, str] = {}
    for cluster in clusters:
        if not _weakly_typed(doc, cluster):
            continue
        kinds = Counter(
            other.kind
            for c in named_mentions(cluster)
            for t in _conjuncts(doc[c.start])
            if (other := owner.get(t.i)) is not None and other is not cluster
        )
        if kinds:
            kind, count = kinds.most_common(1)[0]
            if count >= 2 and 2 * count > sum(kinds.values()) and kind not in {cluster.kind, "group"}:
                votes[id(cluster)] = kind
    for cluster in clusters:  # decided on the kinds as retyping left them, then applied
        cluster.kind = votes.get(id(cluster), cluster.kind)

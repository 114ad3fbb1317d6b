"""Coreference by rules: pronouns and definite descriptions resolved to the article's actors.

No statistical coreference model can be installed here (see NOTES.md), so this module scores the
candidate antecedents of a pronoun with the cues a reader uses: gender and number agreement,
person versus organisation, recency, grammatical role (subjects stay in focus) and whether the
candidate was just quoted (reporters chain "he said" to the last speaker).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsdossier.extract.lexicon.countries import place_named
from newsdossier.extract.lexicon.cues import SPEECH_VERBS
from newsdossier.extract.lexicon.given_names import given_name_gender
from newsdossier.records import Actor, Mention, Sentence
from newsdossier.text.nlp import sentence_index, text_of
from newsdossier.text.parse import SUBJECT_DEPS, governing_verb
from newsdossier.text.quotes import find_quotes, inside, quote_ranges

_GENDERED = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
# Entity tags of places: a mention tagged so is not the antecedent of he or she.
_PLACE_TAGS = ("GPE", "LOC", "FAC")
_PLURAL = {"they", "them", "their", "theirs", "themselves"}
_HONORIFIC = {
    "mr": "m",
    "sir": "m",
    "lord": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "madam": "f",
    "lady": "f",
    "dame": "f",
}
# Nouns that carry a gender in English; seen next to a name they tell the name's gender.
_GENDER_NOUNS = {
    "m": set(
        """spokesman chairman businessman congressman councilman father husband son brother uncle
             king prince actor boy man grandfather nephew""".split()
    ),
    "f": set(
        """spokeswoman chairwoman businesswoman congresswoman councilwoman mother wife daughter
             sister aunt queen princess actress girl woman grandmother niece""".split()
    ),
}
# Slavic surname endings that mark gender ("Petrova", "Kowalska" / "Petrov", "Kowalski"). A weak cue,
# used only when no honorific, gendered noun, given name or pronoun says anything: endings such as
# "-in" or "-ina" are as common in surnames of other languages ("Marin", "Medina") of either gender.
_FEMALE_SURNAME = re.compile(r"(ova|eva|aya|ska)$")
_MALE_SURNAME = re.compile(r"(ov|ev|sky|ski)$")

# How far back (in sentences) a pronoun may look for its antecedent.
WINDOW = 6
# Weight of how often an actor was named before the pronoun (log2 of the count).
SALIENCE = 0.5
# Weight of a person brought into the story by full name in the pronoun's sentence or the one before,
# with no other person named there: the story has turned to them ('... for accountant Jane Doe, 50.
# "…," she says.'), even from a chain of pronouns for the person it was about.
INTRODUCED = 6.0
# How many sentences without a mention of a person make their full name introduce them again.
REINTRODUCED = 5


@dataclass(frozen=True)
class Candidate:
    """A mention that a later pronoun might refer to, with the features used to rank it."""

    mention: Mention
    token: Token
    subject: bool
    speaker: bool
    quoted: bool


def pronoun_votes(
    doc: Doc,
    sents: list[Sentence],
    actors: list[Actor],
    mentions: list[Mention],
    quoted: list[tuple[int, int]],
) -> dict[str, dict[str, int]]:
    """Per actor, the he/she that the grammar ties to its name: 'Doe said she …', 'Doe hurt himself'."""
    person = {a.actor_id for a in actors if a.type == "person" or _may_be_mistyped_person(a)}
    votes: dict[str, dict[str, int]] = {}
    for m in mentions:
        if m.actor_id not in person or m.how == "pronoun":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.dep_ not in SUBJECT_DEPS or inside(quoted, m.start):
            continue
        verb = span.root.head
        for tok in verb.subtree:
            g = _GENDERED.get(tok.lower_)
            if not g or tok.pos_ != "PRON" or inside(quoted, tok.idx):
                continue
            clause_subject = (
                tok.dep_ in SUBJECT_DEPS
                and tok.head.head == verb
                and tok.head.dep_ in ("ccomp", "advcl", "conj", "xcomp")
            )
            reflexive = tok.lower_.endswith("self") and tok.head == verb
            if clause_subject or reflexive:
                v = votes.setdefault(m.actor_id, {"m": 0, "f": 0})
                v[g] = min(v[g] + 2, 4)
    return votes


def named_spans(actor: Actor, mentions: list[Mention], doc: Doc) -> Iterator[Span]:
    """The doc spans where an actor is named (pronoun mentions left out)."""
    for m in mentions:
        if m.actor_id != actor.actor_id or m.how == "pronoun":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            yield span


def actor_gender(
    actor: Actor, mentions: list[Mention], doc: Doc, text_votes: dict[str, int] | None = None
) -> str:
    """'m', 'f' or '' from honorifics, gendered nouns, given names and pronoun use; else surname endings."""
    votes = dict(text_votes or {"m": 0, "f": 0})
    words = [w.lower().strip(".") for w in re.split(r"[\s;]+", f"{actor.title} {actor.aliases}") if w]
    for w in words:
        for g, nouns in _GENDER_NOUNS.items():
            votes[g] += 2 * (w in nouns)
    for span in named_spans(actor, mentions, doc):
        for tok in doc[max(0, span.start - 4) : span.start]:
            g = _HONORIFIC.get(tok.lower_.strip("."))
            if g:
                votes[g] += 3
            for g2, nouns in _GENDER_NOUNS.items():
                votes[g2] += 2 * (tok.lower_ in nouns)
        for tok in span.root.children:
            if tok.dep_ == "appos" and tok.lower_ in _GENDER_NOUNS["m"] | _GENDER_NOUNS["f"]:
                votes["m" if tok.lower_ in _GENDER_NOUNS["m"] else "f"] += 2
    parts = actor.name.split()
    if len(parts) >= 2:
        first = parts[0].lower().strip(".")
        g = given_name_gender(first)
        if g:
            votes[g] += 2
        last = parts[-1].lower()
        if votes["m"] == votes["f"] == 0:  # a surname ending counts only when nothing else tells
            if _FEMALE_SURNAME.search(last):
                votes["f"] += 1
            elif _MALE_SURNAME.search(last):
                votes["m"] += 1
    if votes["m"] == votes["f"]:
        return ""
    return "m" if votes["m"] > votes["f"] else "f"


def is_speaker_token(token: Token) -> bool:
    """True when the token is the subject of a speech verb (or the object of 'according to')."""
    if token.dep_ in SUBJECT_DEPS and token.head.lemma_.lower() in SPEECH_VERBS:
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
        return True
    if token.dep_ in SUBJECT_DEPS:
        # "Doe, the doctor, is more blunt: “…”": a subject whose clause opens a quotation
        after = text_of(token.doc)[token.head.idx : token.sent.end_char + 3]
        return bool(re.search(r":\s*[“\"]", after))
    return False


# A slash after a name, as in picture credits ("Jane Doe/Wire Service", "(Jane Doe / Daily News)").
_CREDIT = re.compile(r"[ \t]?/[ \t]?[A-Z]")


def is_credit(text: str, m: Mention) -> bool:
    """A name in a picture or story credit ('(Jane Doe / Daily News)', 'Jane Doe/Wire'): no one's referent."""
    return bool(_CREDIT.match(text, m.end))


def _candidates(doc: Doc, mentions: list[Mention], quoted: list[tuple[int, int]]) -> list[Candidate]:
    """The mentions as ranked antecedent candidates, with their grammatical features."""
    out = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        if is_credit(text_of(doc), m):
            continue
        root = span.root
        role = role_token(root)
        out.append(
            Candidate(m, root, role.dep_ in SUBJECT_DEPS, is_speaker_token(role), inside(quoted, m.start))
        )
    return out


def role_token(root: Token) -> Token:
    """The token whose role in the clause a mention's head plays: a name in apposition to a subject ('A
    spokesman, Jane Doe, said') is that subject, and the speaker when it speaks."""
    while root.dep_ == "appos" and root.head.i != root.i and root.head.i < root.i:
        root = root.head
    return root


def pronoun_gender(pronoun: str) -> str:
    """'m' or 'f' for a gendered pronoun ('he', 'her', …), '' for any other word."""
    return _GENDERED.get(pronoun.lower(), "")


def agrees(pronoun: str, actor: Actor, gender: str) -> bool:
    """Gender, number and animacy agreement between a pronoun and an actor."""
    if pronoun in _GENDERED:
        if actor.type != "person":  # a person typed as a body or place: only when the text gives the gender
            return gender == _GENDERED[pronoun]
        return gender in ("", _GENDERED[pronoun])
    if pronoun in _PLURAL:
        return actor.type in ("organization", "group")
    if pronoun in ("it", "its"):
        return actor.type == "organization"
    return False


def _score(
    cand: Candidate,
    pron: Token,
    sents: list[Sentence],
    pron_sid: int,
    pron_quoted: bool,
    known_gender: bool,
    salience: int = 0,
) -> float:
    """Higher is a likelier antecedent: recent, a subject, a speaker, outside quotes, of known gender,
    named often so far (the person a story is about stays in focus across asides on others)."""
    dist = pron_sid - cand.mention.sentence_id
    score = -1.5 * dist + (1.5 if known_gender else 0.0) + SALIENCE * math.log2(1 + salience)
    if cand.subject:
        score += 2.0
    if cand.speaker:
        score += 2.5
    if dist == 0:
        # in the same sentence a pronoun that is itself a subject usually points to the main subject
        score += 1.0 if cand.subject and cand.token.i < pron.i else 0.0
    if sents[cand.mention.sentence_id].paragraph_id != sents[pron_sid].paragraph_id:
        score -= 0.5
    return score


def missed_name_mentions(
    doc: Doc, *, sents: list[Sentence], actors: list[Actor], mentions: list[Mention]
) -> list[Mention]:
    """Mentions the NER missed: a token spelling a known person's surname ('Doe, the doctor, said')."""
    forms: dict[str, str] = {}
    for a in actors:
        if a.type != "person":
            continue
        for alias in [a.name, *a.aliases.split(";")]:
            words = alias.split()
            if words and words[-1][:1].isupper():
                forms.setdefault(words[-1], a.actor_id)
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for tok in doc:
        aid = forms.get(tok.text)
        if aid is None or any(a <= tok.idx < b for a, b in taken):
            continue
        sid = sentence_index(sents, tok.idx)
        out.append(Mention(aid, tok.idx, tok.idx + len(tok.text), tok.text, sid, "alias"))
    return out + surname_folds(doc, actors=actors, mentions=mentions)


def surname_folds(doc: Doc, *, actors: list[Actor], mentions: list[Mention]) -> list[Mention]:
    """The mentions of a one-word actor typed as no person that spells exactly one person's surname,
    given to that person too: the tagger calls a surname a place or a body at one mention ('Doe called
    for a vote' with 'Doe' a place) and the actor stage keeps it apart, so 'he' could never point back.
    The word must be tagged a person or nothing at least as often as a place or a body in the article
    (a city or a company that shares a person's surname stays apart)."""
    owners: dict[str, set[str]] = {}
    for a in actors:
        if a.type != "person":
            continue
        for alias in [a.name, *a.aliases.split(";")]:
            words = alias.split()
            if len(words) >= 2 and words[-1][:1].isupper():
                owners.setdefault(words[-1], set()).add(a.actor_id)
    out = []
    for a in actors:
        person = owners.get(a.name, set())
        if a.type == "person" or len(person) != 1 or place_named(a.name):
            continue
        tags = [t.ent_type_ in ("", "PERSON") for t in doc if t.text == a.name]
        if sum(tags) < len(tags) - sum(tags):
            continue
        pid = next(iter(person))
        out += [
            Mention(pid, m.start, m.end, m.text, m.sentence_id, "alias")
            for m in mentions
            if m.actor_id == a.actor_id
        ]
    return out


def _bound_subjects(pron: Token, cands: list[Candidate]) -> set[str]:
    """Actors a non-reflexive object pronoun cannot be: the subject of its own clause ('Hill praised him')."""
    if pron.dep_ not in ("dobj", "pobj", "iobj", "dative") or pron.lower_.endswith("self"):
        return set()
    verb = governing_verb(pron) or pron.sent.root
    return {
        c.mention.actor_id
        for c in cands
        if c.token.dep_ in SUBJECT_DEPS and c.token.head == verb and c.token.i < pron.i
    }


def actor_genders(
    doc: Doc,
    sents: list[Sentence],
    actors: list[Actor],
    mentions: list[Mention],
    quoted: list[tuple[int, int]],
) -> dict[str, str]:
    """Per person actor, 'm', 'f' or '' as `actor_gender` tells it, with the article's pronoun votes; and
    'm' or 'f' for an actor typed as no person that the text gives a gender all the same ('Doe said she
    …', 'Mrs. Doe'): a person the tagger took for a place or a body."""
    pv = pronoun_votes(doc, sents, actors, mentions, quoted)
    out = {}
    for a in actors:
        if a.type == "person" or _may_be_mistyped_person(a):
            gender = actor_gender(a, mentions, doc, pv.get(a.actor_id))
            if a.type == "person" or gender:
                out[a.actor_id] = gender
    return out


def _may_be_mistyped_person(actor: Actor) -> bool:
    """An organisation or place whose name could be a person's: up to three words, no known place."""
    return (
        actor.type in ("organization", "location")
        and len(actor.name.split()) <= 3
        and not place_named(actor.name)
    )


def resolve_pronouns(
    doc: Doc, *, sents: list[Sentence], actors: list[Actor], mentions: list[Mention]
) -> list[Mention]:
    """Pronoun mentions (how='pronoun') for every he/she/they/it that resolves to a known actor."""
    by_id = {a.actor_id: a for a in actors}
    quoted = quote_ranges(find_quotes(text_of(doc), sents))
    genders = actor_genders(doc, sents, actors, mentions, quoted)
    known = [m for m in mentions if m.actor_id in by_id]
    known += missed_name_mentions(doc, sents=sents, actors=actors, mentions=known)
    cands = sorted(_candidates(doc, known, quoted), key=lambda c: c.mention.start)
    named_at: dict[str, list[int]] = {}
    for c in cands:
        if not c.quoted:
            named_at.setdefault(c.mention.actor_id, []).append(c.mention.start)
    out: list[Mention] = []
    for tok in doc:
        low = tok.lower_
        if tok.pos_ != "PRON" or not (low in _GENDERED or low in _PLURAL or low in ("it", "its")):
            continue
        if low in ("it", "its") and not is_speaker_token(tok):
            continue  # "it" is too often expletive or a thing; only a speaking "it" is an organisation
        sid = sentence_index(sents, tok.idx)
        pron_quoted = inside(quoted, tok.idx)
        if pron_quoted:
            continue  # inside a quotation "he" is the speaker's referent, not the narrator's
        bound = _bound_subjects(tok, cands)
        best, best_score = None, float("-inf")
        for cand in cands:
            if cand.mention.start >= tok.idx:
                break
            if sid - cand.mention.sentence_id > WINDOW or cand.quoted:
                continue  # a name inside a quotation is the quoted speaker's referent, not the narrator's
            actor = by_id[cand.mention.actor_id]
            if actor.actor_id in bound:
                continue
            if not agrees(low, actor, genders.get(actor.actor_id, "")):
                continue
            if (
                low in _GENDERED
                and cand.token.ent_type_ in _PLACE_TAGS
                and cand.mention.how != "alias"
                and actor.type == "person"
            ):
                # a "person" the tagger calls a place here (a province) is no he or she; a known person's
                # surname (`missed_name_mentions`) mistagged once still is
                continue
            named = bisect.bisect_left(named_at.get(actor.actor_id, []), tok.idx)
            s = _score(cand, tok, sents, sid, pron_quoted, bool(genders.get(actor.actor_id)), named)
            if sid - cand.mention.sentence_id <= 1 and _introduces(cand, named_at, cands, by_id):
                s += INTRODUCED
            if s > best_score:
                best, best_score = cand, s
        if best is None:
            continue
        mention = Mention(best.mention.actor_id, tok.idx, tok.idx + len(tok.text), tok.text, sid, "pronoun")
        out.append(mention)
        # the resolved pronoun becomes a candidate itself: chains of "he" keep their referent in focus
        cands.append(Candidate(mention, tok, tok.dep_ in SUBJECT_DEPS, is_speaker_token(tok), False))
        cands.sort(key=lambda c: c.mention.start)
    return out


def _introduces(
    cand: Candidate, named_at: dict[str, list[int]], cands: list[Candidate], by_id: dict[str, Actor]
) -> bool:
    """True for a person named in full, not as a possessive, in a sentence naming no one else, for the first
    time or the first time in REINTRODUCED sentences (the story comes back to them by their full name)."""
    m = cand.mention
    if m.how == "pronoun" or cand.quoted or cand.token.dep_ == "poss" or len(m.text.split()) < 2:
        return False
    if by_id[m.actor_id].type != "person":
        return False
    if named_at.get(m.actor_id, [None])[0] != m.start and any(
        c.mention.actor_id == m.actor_id
        and c.mention.start < m.start
        and m.sentence_id - c.mention.sentence_id <= REINTRODUCED
        for c in cands
    ):
        return False
    return not any(
        c.mention.sentence_id == m.sentence_id
        and c.mention.actor_id != m.actor_id
        and not c.quoted
        and by_id[c.mention.actor_id].type == "person"
        for c in cands
    )


def add_pronoun_mentions(
    doc: Doc, *, sents: list[Sentence], actors: list[Actor], mentions: list[Mention]
) -> tuple[list[Actor], list[Mention]]:
    """Actors with mention counts updated, and the mentions with the resolved pronouns added."""
    from dataclasses import replace

    extra = resolve_pronouns(doc, sents=sents, actors=actors, mentions=mentions)
    counts: dict[str, int] = {}
    for m in extra:
        counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
    new_actors = [replace(a, mentions=a.mentions + counts.get(a.actor_id, 0)) for a in actors]
    merged = sorted(mentions + extra, key=lambda m: (m.start, m.end))
    return new_actors, merged


# --- Definite descriptions: "the spokesman", "the Chilean leader", "the ministry" ---

# A description may name a more general office than the title: "the leader" for a president.
_HYPERNYMS = {
    "leader": {"president", "premier", "chancellor", "minister", "leader", "head", "chief", "king", "queen"},
    "official": {"spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "official", "director"},
    "spokesperson": {"spokesman", "spokeswoman", "spokesperson"},
}
_DETERMINERS = {"the", "this", "that"}


def description_words(actor: Actor, mentions: list[Mention], doc: Doc) -> set[str]:
    """Lower-cased nouns that describe an actor: its title, and nouns written right before its name."""
    return _descriptions(actor, mentions, doc)[0]


def _descriptions(actor: Actor, mentions: list[Mention], doc: Doc) -> tuple[set[str], set[str]]:
    """The words that describe an actor and, among them, the head nouns of its descriptions.

    In "army spokesman Jane Doe" both words describe Doe but only "spokesman" says what she is: "the
    spokesman" may be Doe, "the army" is not.
    """
    words: set[str] = set()
    heads: set[str] = set()
    for title in re.split(r"[;,]", actor.title):
        parts = [w.lower() for w in title.split()]
        words.update(parts)
        heads.update(parts[-1:])
    for span in named_spans(actor, mentions, doc):
        # "White House spokeswoman Jane Doe", "Finance Minister Doe": compounds right before the name
        i = span.start - 1
        if i >= 0 and doc[i].pos_ in ("NOUN", "PROPN") and doc[i].ent_type_ != "PERSON":
            heads.add(doc[i].lower_)
        while i >= 0 and doc[i].pos_ in ("NOUN", "PROPN", "ADJ") and doc[i].ent_type_ not in ("PERSON",):
            words.add(doc[i].lower_)
            i -= 1
        for tok in span.root.children:
            if tok.dep_ == "appos":
                heads.add(tok.lower_)
                words.update(t.lower_ for t in tok.subtree if t.pos_ in ("NOUN", "ADJ", "PROPN"))
        if span.root.dep_ == "appos":
            heads.add(span.root.head.lower_)
            words.update(
                t.lower_ for t in span.root.head.subtree if t.pos_ in ("NOUN", "ADJ") and t.i < span.start
            )
    return words, heads


def resolve_description(
    span: Span, *, actors: list[Actor], mentions: list[Mention], doc: Doc
) -> Actor | None:
    """The actor a definite description ('the spokesman', 'the ministry') refers to, if any."""
    toks = [t for t in span if not t.is_punct]
    if not toks or toks[0].lower_ not in _DETERMINERS:
        return None
    head = span.root
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    # "the Chilean president": an adjective of nationality must agree with what we know of the actor
    demonyms = {
        t.lower_ for t in toks[1:] if t.i != head.i and (t.ent_type_ == "NORP" or t.text[:1].isupper())
    }
    heads = _HYPERNYMS.get(head.lower_, set()) | {head.lower_}
    before = [m for m in mentions if m.start < span.start_char and m.how != "pronoun"]
    best, best_pos = None, -1
    # "the aid group": the words saying which one must be words the article uses for the actor (a
    # participle such as "the Ottawa-based group" says where or how, not which)
    modifiers = {
        t.lower_
        for t in head.children
        if t.dep_ in ("amod", "compound") and t.is_alpha and t.tag_ not in ("VBN", "VBG") and t.i < head.i
    }
    for actor in actors:
        words, actor_heads = _descriptions(actor, mentions, doc)
        name_words = {w.lower() for w in re.split(r"\W+", actor.name) if w}
        if actor.type == "person":
            if not heads & actor_heads or not demonyms <= words | name_words:
                continue
        elif actor.type == "organization":
            if head.lower_ not in name_words | words or not modifiers <= name_words | words:
                continue
        else:
            continue
        last = max((m.start for m in before if m.actor_id == actor.actor_id), default=-1)
        if last > best_pos:
            best, best_pos = actor, last
    return best

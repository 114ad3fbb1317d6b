"""Speakers: the noun phrase that names who speaks, and its resolution to an actor.

A speaker's head token is found by the passes (the subject of a cue verb, the object of "according
to", a name after a dash); `SpeakerResolver` maps it to a named actor through the mentions, to an
actor a description denotes ("the ministry"), or keeps the phrase itself. Each resolution says how
it was found (`basis`), so the analyst can audit it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsdossier.extract.claims.draft import DASHES, Speaker, in_quotes
from newsdossier.extract.coref import is_credit, resolve_description
from newsdossier.extract.lexicon import AGENT_SUFFIXES, GROUP_HEADS, ORG_HEADS, RANKS, TITLE_HEADS
from newsdossier.extract.lexicon.cues import DOCUMENT_NOUNS, INFO_NOUNS, SPEAKER_NOUNS, is_speech_verb
from newsdossier.records import Actor, Mention
from newsdossier.text.nlp import text_of
from newsdossier.text.parse import SUBJECT_DEPS, dateline_end, governing_verb
from newsdossier.text.quotes import Quote, inside

_KEEP_IN_PHRASE = {
    "det",
    "amod",
    "compound",
    "nummod",
    "poss",
    "nmod",
    "quantmod",
    "case",
    "predet",
    "cc",
    "conj",
}


def nominal(tok: Token) -> bool:
    """A token that can name a speaker (the tagger sometimes misses capitalised names)."""
    if tok.lower_ in ("it", "there") or is_time(tok):
        return False
    return (
        tok.pos_ in ("PROPN", "PRON", "NOUN")
        or tok.ent_type_ in ("PERSON", "ORG", "NORP")
        or (tok.is_title and tok.i > tok.sent.start and tok.pos_ in ("AUX", "ADJ", "X"))
    )


def subject_of(verb: Token, allowed: set[int] | None = None) -> Token | None:
    """The subject of a speech verb, climbing conjunctions and participles ('…, saying that')."""
    v = verb
    dateline = dateline_end(verb.sent)
    participle = False  # climbed from a participle: 'X was booed by Y after telling …' is X telling
    for _ in range(4):
        subj = [
            _past_dateline(c, dateline)
            for c in v.children
            if c.dep_ in SUBJECT_DEPS and (allowed is None or c.i in allowed)
        ]
        subj = [_topic_preposition_object(c) for c in subj if c is not None]
        if subj and subj[0].tag_ in ("WP", "WDT") and v.dep_ == "relcl":
            return relative_antecedent(v.head)  # "Jane Doe, who said …": the noun the clause describes
        if subj:
            return subj[0]
        agent = [gc for c in v.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"]
        if agent and not participle:
            return agent[0]
        if v.dep_ in ("advcl", "conj"):
            misparsed = _subordinated_subject(v)
            if misparsed is not None and (allowed is None or misparsed.i in allowed):
                return misparsed
        if v.dep_ in ("conj", "advcl", "xcomp") and v.head != v:
            v = v.head
            continue
        if v.dep_ == "relcl":
            return relative_antecedent(v.head)
        if v.tag_ == "VBG" and v.dep_ in ("acl", "pcomp"):
            # "issued a statement saying …", "responded by saying …": the subject of the verb above
            up = governing_verb(v.head)
            if up is not None and up.i != v.i:
                v, participle = up, True
                continue
        break
    return None


# Conjunctions that open an adverbial clause and that the parser takes for a preposition, its subject
# for the object: "… grew louder as Jane Doe, the mayor, attacked the plan".
_SUBORDINATORS = frozenset("as while after before since because until when once though although".split())


def _subordinated_subject(verb: Token) -> Token | None:
    """The subject of an adverbial clause misparsed as the object of its conjunction, right before it."""
    listed = (verb.head, *verb.head.conjuncts)
    if verb.dep_ == "conj" and any(c.dep_ == "cc" for t in listed for c in t.children):
        return None  # "praised the plan as bold, thanked the staff and said …": a list of verbs, one subject
    for prep in verb.head.children:
        if prep.dep_ != "prep" or prep.lower_ not in _SUBORDINATORS or prep.i > verb.i:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or not nominal(obj):
                continue
            gap = verb.doc[obj.right_edge.i + 1 : verb.i]
            if obj.right_edge.i < verb.i and all(t.is_punct or t.pos_ in ("ADV", "AUX", "PART") for t in gap):
                return obj
    return None


_PLACE_TAGS = ("GPE", "LOC", "FAC")


def relative_antecedent(tok: Token) -> Token:
    """The noun a relative clause describes: a place ending a phrase of the speaker ('the union of Oregon,
    which said', 'a doctor from Lyon, France, who said') gives way to the noun the phrase belongs to."""
    place = tok
    while place.dep_ in ("appos", "npadvmod", "compound") and place.head.ent_type_ in _PLACE_TAGS:
        place = place.head
    if tok.ent_type_ not in _PLACE_TAGS or place.dep_ != "pobj" or place.head.dep_ != "prep":
        return tok
    owner = place.head.head
    return owner if owner.pos_ in ("NOUN", "PROPN") and owner.i < place.i else tok


def _topic_preposition_object(subj: Token) -> Token:
    """The speaker under a fronted topic phrase the parser took for the subject: in 'Of Roe, Doe, who
    knows him, said …' the preposition heads the subject and the speaker is the first phrase after the
    comma that closes the topic (parsed as the preposition's object, or a conjunct of the topic); the
    topic is who is spoken of."""
    if subj.pos_ != "ADP":
        return subj
    words = list(subj.subtree)
    comma = next((t.i for t in words if t.text == "," and t.i > subj.i), None)
    if comma is None:
        return next((c for c in subj.children if c.dep_ == "pobj"), subj)
    after = {t.i for t in words if t.i > comma}
    nouns = ("PROPN", "NOUN", "PRON")
    tops = [t for t in words if t.i in after and t.head.i not in after and t.pos_ in nouns]
    return tops[0] if tops else subj


def _past_dateline(subj: Token, dateline: int) -> Token | None:
    """A subject outside the sentence's dateline: 'VALEMONT, Vt. — The chief said' parsed with the place as
    subject and the chief in apposition to it gives the chief; a subject inside the dateline is none."""
    if subj.i >= dateline:
        return subj
    return next((c for c in subj.children if c.dep_ == "appos" and c.i >= dateline), None)


def in_pp(tok: Token) -> bool:
    """True when a token sits inside a prepositional phrase ('said of the former captain')."""
    for _ in range(6):
        if tok.dep_ in ("pobj", "prep", "agent", "pcomp"):
            return True
        if tok.head.i == tok.i or tok.pos_ in ("VERB", "AUX"):
            return False
        tok = tok.head
    return False


def phrase_head(tok: Token) -> Token:
    """The head of the noun phrase a token belongs to ('Jane' in 'Jane Doe' -> 'Doe')."""
    while tok.dep_ in ("compound", "flat", "amod", "det", "poss") and tok.head != tok and tok.head.i > tok.i:
        tok = tok.head
    return tok


def according_to(tokens: list[Token]) -> Token | None:
    """The source named by 'according to X' among the tokens, if any."""
    for t in tokens:
        if t.lower_ == "according":
            for to in t.children:
                if to.lower_ == "to":
                    objs = [c for c in to.children if c.dep_ == "pobj"]
                    if objs:
                        return objs[0]
            nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
            if nxt is not None and nxt.lower_ == "to":
                for c in t.doc[nxt.i + 1 : nxt.i + 8]:
                    if nominal(c):
                        return phrase_head(c)
    return None


_WH_TAGS = ("WDT", "WP", "WP$")


def _before_comma_clause(head: Token, end: int) -> int:
    """Where the words after a head up to `end` stop before a relative clause set off by a comma: it adds a
    fact about the speaker ('the report, which looked at …', 'a nurse from Lyon, France, who said …')."""
    doc = head.doc
    return next((t.i for t in doc[head.i + 1 : end - 1] if t.text == "," and t.nbor(1).tag_ in _WH_TAGS), end)


# Prepositions whose phrase is part of a speaker's description: "a spokesman for the ministry",
# "officials at the embassy", "some in the industry", "a source close to the talks" is left out.
_PHRASE_PREPS = frozenset("of for at in from with".split())


def speaker_phrase(head: Token) -> Span:
    """The words naming a speaker: the head and its modifiers, without clauses and most PPs."""
    doc = head.doc
    keep = {head.i}
    for child in head.children:
        if child.dep_ in _KEEP_IN_PHRASE or (child.dep_ == "prep" and child.lower_ in _PHRASE_PREPS):
            keep.update(t.i for t in child.subtree)
    lo, hi = min(keep), max(keep)
    # a clause set off by a comma inside the kept words says more about the speaker ('a nurse from Lyon,
    # France, who said …'): the phrase ends before it
    hi = _before_comma_clause(head, hi + 1) - 1
    dateline = dateline_end(head.sent)
    if dateline <= head.i:  # "MOSCOW - Russia's main …" sheds its dateline; a head inside one is no dateline
        lo = max(lo, dateline)
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "cc"):
        lo += 1
    while hi > lo and (doc[hi].is_punct and hi != head.i or doc[hi].dep_ == "cc"):
        hi -= 1  # the head itself stays, punctuation or not: "53%" is who says, "53" is no one
    if head.dep_ == "poss" and hi > head.i and doc[hi].tag_ == "POS":
        hi -= 1  # the owner of a document speaks: "the ministry" of "the ministry's statement"
    return doc[lo : hi + 1]


# Modifiers after a description's head that say which one is meant: "a memo released on Friday",
# "sources who were not authorised to speak", "an analysis by two economists".
_RESTRICTIVE_DEPS = frozenset({"relcl", "acl", "prep"})


def described_phrase(head: Token) -> Span:
    """A description with the restrictive modifiers after its head (none set off by a comma, none holding
    a reported clause or a quotation mark): the unnamed speaker as the article identifies it."""
    phrase = speaker_phrase(head)
    doc, hi = head.doc, phrase.end
    for child in sorted((c for c in head.children if c.i > head.i), key=lambda c: c.i):
        if child.dep_ not in _RESTRICTIVE_DEPS:
            continue
        sub = list(child.subtree)
        if sub[0].i != hi or sub[-1].i >= head.sent.end:
            break  # not right after what is kept so far (a comma, another clause): stop there
        if any(t.dep_ in ("ccomp", "parataxis") or t.is_quote or t.is_bracket for t in sub):
            break  # a clause reporting something ("officials who said the deal was done") is the claim
        if is_speech_verb(child) and any(c.dep_ in ("xcomp", "dobj") for c in child.children):
            break  # "fans who said skipping the final drill …": what they said is no part of who they are
        if is_speech_verb(child) and child.tag_ == "VBG" and child.dep_ == "acl":
            break  # "a source speaking to the network": how they spoke, the cue, not who they are
        if child.dep_ == "prep" and any(is_time(t) for t in sub):
            break  # "the campaign on Monday": when, not who
        hi = sub[-1].i + 1
    hi = _before_comma_clause(head, hi)
    while hi > head.i + 1 and (doc[hi - 1].is_punct or doc[hi - 1].dep_ == "cc" or doc[hi - 1].is_space):
        hi -= 1
    return doc[phrase.start : hi]


def _name_run(head: Token) -> list[Token]:
    """The adjacent proper nouns and nouns around a head token ('Senate Majority Leader Jane Doe')."""
    doc = head.doc
    lo = hi = head.i
    while lo > 0 and doc[lo - 1].pos_ in ("PROPN", "NOUN") and not doc[lo - 1].is_punct:
        lo -= 1
    while hi + 1 < len(doc) and doc[hi + 1].pos_ == "PROPN":
        hi += 1
    return list(doc[lo : hi + 1])


# Verbs whose agent wrote or sent a document ('released by the ministry'); one that obtained, saw or
# reviewed it ('a memo obtained by the paper') is no author.
_AUTHORING = frozenset(
    """release issue sign send write e-mail email mail post publish file submit prepare author draft
    circulate distribute deliver tweet""".split()
)


def document_author(head: Token) -> Token | None:
    """Who, by name, a document was written or sent by: 'a statement by the Foreign Office', 'a letter
    signed by Jane Doe'. An unnamed author ('a memo released by the agency's watchdog') identifies the
    source no better than the document does, so the document stays the speaker."""
    by = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "by"]
    for acl in (c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in _AUTHORING):
        by += [c for c in acl.children if c.dep_ == "agent"]
    return next((o for b in by for o in b.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None)


# Demonstratives that head a description of people when a modifier follows ("those close to the talks").
_DEMONSTRATIVES = frozenset({"those", "these"})
_DEMONSTRATIVE_MODIFIERS = frozenset({"acl", "relcl", "prep", "amod"})
# The basis of a speaker found through a mention, by how the mention was found.
_MENTION_BASIS = {"ner": "name", "rule": "name", "pronoun": "pronoun"}
# Determiners of a description that points back to something the article should have named.
_ANAPHORIC_DETS = frozenset("the this that these those his her its their our my your".split())


def phrase_basis(phrase: Span) -> str:
    """The basis of a speaker kept as its own words: a name, a description, or unresolved.

    A definite or possessive description with no name in it ('the campaign', 'her spokesman') refers
    back to someone the article did not name near it: an analyst should check it.
    """
    if any(t.text[:1].isupper() and (t.pos_ == "PROPN" or t.ent_type_) for t in phrase[1:]) or (
        phrase[0].pos_ == "PROPN" and phrase[0].text[:1].isupper()
    ):
        return "name"
    if phrase.root.pos_ == "PRON":
        return "unresolved"
    first = phrase[0].lower_
    if first in _ANAPHORIC_DETS or phrase[0].tag_ == "PRP$":
        return "unresolved"
    return "description"


def named_antecedent(head: Token) -> str | None:
    """The latest earlier phrase naming what a bare description denotes: 'the campaign' -> 'Carter campaign'.

    The earlier phrase has the same head noun with a capitalised name before it, as a compound
    ('the Carter campaign') or a possessive ('Carter's campaign'); the name and the noun are returned,
    or the name an apposition gives ('Doe's father, Joseph,'). The description's own modifiers must be
    in the earlier phrase: 'the night-shift nurses' are not 'Springfield's nurses'.
    """
    lemma = head.lemma_.lower()
    modifiers = {c.lower_ for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i}
    for tok in reversed(head.doc[: head.i]):
        if tok.lemma_.lower() != lemma or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if not modifiers <= {c.lower_ for c in tok.children}:
            continue
        names = [c for c in tok.children if c.dep_ in ("compound", "poss") and c.text[:1].isupper()]
        names = [c for c in names if c.pos_ == "PROPN"]
        if names:
            given = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if given is not None:  # "Doe's father, Joseph," named him: "his father" is Joseph
                return " ".join(t.text for t in given.subtree if t.pos_ == "PROPN")
            words = [t.text_with_ws for c in names for t in c.subtree if t.pos_ == "PROPN" or t.tag_ == "POS"]
            return "".join(words).strip() + " " + (tok.text.lower() if tok.pos_ == "NOUN" else tok.text)
    return None


def appositions(head: Token) -> list[Token]:
    """The heads of the phrases in apposition to a speaker's head, and of those in apposition to them:
    'the other man, his cousin Jane Doe,' gives 'cousin' and 'Doe'."""
    doc = head.doc
    beside = [c for c in head.children if c.dep_ == "appos"]
    after = head.right_edge.i + 1
    if head.dep_ in SUBJECT_DEPS and after + 1 < len(doc) and doc[after].text == ",":
        # "The younger man, his nephew Jane Doe, argued" parsed with two subjects: the second is an apposition
        beside += [c for c in head.head.children if c.dep_ in SUBJECT_DEPS and c.left_edge.i == after + 1]
    for clause in (c for c in head.children if c.dep_ == "relcl"):
        # "the editor I was talking to, Jane Doe, said": the name set off by commas after the relative
        # clause is parsed inside it, yet it names the head
        for c in clause.children:
            lo, hi = c.left_edge.i, c.right_edge.i
            if (
                c.pos_ == "PROPN"
                and c.dep_ in ("appos", "npadvmod", "attr")
                and c.i > clause.i
                and hi == clause.right_edge.i - 1
                and doc[lo - 1].text == ","
                and doc[hi + 1].text == ","
            ):
                beside.append(c)
    out = []
    for child in beside:
        out += [child, *(c for c in child.children if c.dep_ == "appos")]
    return out


class SpeakerResolver:
    """Maps a speaker's head token to an actor, a description, or the phrase itself."""

    def __init__(self, doc: Doc, actors: list[Actor], mentions: list[Mention]) -> None:
        """Index the actors and mentions of one parsed article."""
        self.doc = doc
        self.actors = actors
        self.by_id = {a.actor_id: a for a in actors}
        self.mentions = [m for m in mentions if m.actor_id in self.by_id]
        self.by_start = sorted(self.mentions, key=lambda m: m.start)
        self.quoted: list[tuple[int, int]] = []  # the article's quotations, set by the caller

    def mention_at(self, tok: Token) -> Mention | None:
        """A mention covering the token, the named one preferred."""
        hits = [m for m in self.mentions if m.start <= tok.idx < m.end]
        # of two mentions of the same words, a person's: a surname the tagger took for a place once
        # (`surname_folds`) is the person
        return (
            min(
                hits,
                key=lambda m: (m.how == "pronoun", m.end - m.start, self.by_id[m.actor_id].type != "person"),
            )
            if hits
            else None
        )

    def resolve(self, head: Token) -> Speaker:
        """The speaker a head token names."""
        if head.lower_ == "they" and head.pos_ == "PRON":
            group = self._plural_antecedent(head)
            if group is not None:  # "Protesters marched. They said …": the protesters, not a named body
                return group
        phrase = speaker_phrase(head)
        cut = self._name_after_split(phrase)
        if cut is not None:
            return cut
        m = self.mention_at(head)
        joint = self._joint(head)
        if joint is not None:
            return joint
        if m is None and head.lemma_.lower() in DOCUMENT_NOUNS | INFO_NOUNS:
            # "the ministry's statement says", "a letter signed by Jane Doe said": the author of a document
            # speaks through it
            owner = next((c for c in head.children if c.dep_ == "poss"), None) or document_author(head)
            if owner is not None:
                return self.resolve(owner)
        if m is not None:
            written = m.text if m.how != "pronoun" else head.text
            basis = _MENTION_BASIS.get(m.how, "alias")
            if basis == "alias" and head.pos_ == "NOUN" and head.text.islower():
                basis = "description"  # "the ministry", found as a mention of the named ministry
            return Speaker(self.by_id[m.actor_id].name, m.actor_id, written, basis)
        # "House Speaker Jane Doe" misparsed: a person named in the run of nouns around the head
        run = _name_run(head)
        for tok in run:
            pm = self.mention_at(tok)
            if pm is None or pm.how == "pronoun":
                continue
            # only a name after the noun ('company Acme', 'Speaker Jane Doe'): one before it modifies
            # the noun ('the Doe campaign', 'Doe supporters'), which names someone else
            if tok.i > head.i:
                text = self.doc[run[0].i : run[-1].i + 1].text
                return Speaker(self.by_id[pm.actor_id].name, pm.actor_id, text, "name")
        # "Doe, a former judge who said …": the description is in apposition to a name
        if head.dep_ == "appos" and head.head.i >= dateline_end(head.sent):  # not a dateline's place
            hm = self.mention_at(head.head)
            if hm is not None and hm.how != "pronoun":
                return Speaker(self.by_id[hm.actor_id].name, hm.actor_id, phrase.text, "name")
        # "a spokeswoman, Jane Doe," / "Doe, the minister" / "the other man, his cousin Jane Doe, 40,": an
        # apposition (or one inside it) that names the speaker
        for tok in appositions(head):
            cm = self.mention_at(tok)
            if cm is not None and self.by_id[cm.actor_id].type in ("person", "organization"):
                return Speaker(self.by_id[cm.actor_id].name, cm.actor_id, phrase.text, "name")
        named = self._name_ending(phrase, head)
        if named is not None:
            return named
        given = next((t for t in appositions(head) if t.pos_ == "PROPN" and t.ent_type_ == "PERSON"), None)
        if given is not None:  # a person's name the tagger marks but no actor holds: the name as written
            name = next(e for e in self.doc.ents if e.start <= given.i < e.end)
            return Speaker(name.text, "", phrase.text, "name")
        # "Jane Doe's spokesperson" stays a phrase; a name inside a compound ("a UN spokesman") too
        if head.pos_ in ("NOUN", "PROPN"):
            actor = resolve_description(phrase, actors=self.actors, mentions=self.mentions, doc=self.doc)
            if actor is not None:
                return Speaker(actor.name, actor.actor_id, phrase.text, "description")
        if head.lower_ in _DEMONSTRATIVES and any(
            c.dep_ in _DEMONSTRATIVE_MODIFIERS and c.i > head.i for c in head.children
        ):
            # "those involved", "those who knew him", "those in the industry": the words say who, as a
            # description does; no one named before is meant
            phrase = described_phrase(head)
            return Speaker(phrase.text, "", phrase.text, "description")
        basis = phrase_basis(phrase)
        if basis == "unresolved" and head.pos_ == "NOUN":
            named = named_antecedent(head)
            if named is not None:  # "the campaign" after "the Carter campaign": that campaign
                return Speaker(named, "", phrase.text, "description")
        if head.pos_ == "NOUN" and basis != "unresolved":
            phrase = described_phrase(head)  # "a memo released on Friday": no name, so the whole description
        return Speaker(phrase.text, "", phrase.text, basis)

    def _name_ending(self, phrase: Span, head: Token) -> Speaker | None:
        """The person a description ends by naming: 'the mayor's chief of staff and adviser Jane Doe',
        'Keeper of the Records, Jane Doe'. A name that is the object of a preposition ('aides to Jane Doe')
        or an owner ('Jane Doe's aide') is someone else."""
        end = phrase.end_char
        for m in self.mentions:
            if not phrase.start_char < m.start < m.end == end or m.how == "pronoun":
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.root.i == head.i or self.by_id[m.actor_id].type != "person":
                continue
            root = span.root
            if root.dep_ in ("pobj", "poss", "conj") or in_pp(root.head) and root.dep_ != "appos":
                continue
            return Speaker(self.by_id[m.actor_id].name, m.actor_id, phrase.text, "name")
        return None

    def _plural_antecedent(self, head: Token) -> Speaker | None:
        """The plural common noun 'they' points back to ('protesters', 'Republican candidates'): the last
        subject outside quotations in this sentence or the one before, when no named actor is nearer."""
        doc = self.doc
        start = head.sent.start
        lo = doc[start - 1].sent.start if start > 0 else start
        # what the cue reports ("X can do that, they said") holds no antecedent
        said = {t.i for t in head.head.subtree}
        for tok in reversed(doc[lo : head.i]):
            if tok.dep_ not in SUBJECT_DEPS or inside(self.quoted, tok.idx) or tok.i in said:
                continue
            if tok.pos_ == "PRON" or tok.pos_ == "PROPN" or self.mention_at(tok) is not None:
                return None  # the nearest subject is a name or a pronoun: the mentions decide
            if tok.tag_ == "NNS" and not is_time(tok) and can_take_stance(tok, None):
                phrase = described_phrase(tok)
                return Speaker(phrase.text, "", head.text, "pronoun")
        return None

    def _name_after_split(self, phrase: Span) -> Speaker | None:
        """'said Army Capt. Jane Doe' cut at the rank's full stop: the person named right after it."""
        doc, i = self.doc, phrase.end
        # "said Army Capt. Jane Doe" with the rank's full stop parsed as the end of the subject (or sentence)
        rank_stop = i < len(doc) and doc[i].text == "." and phrase[-1].lower_ in RANKS
        if i >= len(doc) or not rank_stop and (phrase.end != phrase.sent.end or doc[i - 1].is_punct):
            return None  # a sentence that ends in no punctuation was split inside the name
        while i < min(len(doc), phrase.end + 4) and (doc[i].lower_.strip(".") in RANKS or doc[i].text == "."):
            i += 1
        if i == phrase.end or i >= len(doc):
            return None
        m = self.mention_at(doc[i])
        if m is None or m.how == "pronoun" or self.by_id[m.actor_id].type != "person":
            return None
        written = doc.text[phrase.start_char : m.end]
        return Speaker(self.by_id[m.actor_id].name, m.actor_id, written, "name")

    def _joint(self, head: Token) -> Speaker | None:
        """A coordinated speaker, always kept as one group: 'Jane Doe, John Roe and Ann Poe said' names every
        actor ('Jane Doe, John Roe and Ann Poe'), 'both mayors, Democrat Jane Doe and Republican John Roe'
        the named members of the description, and 'Jane Doe and her lawyer' (not all named) is its words."""
        # conjuncts under the head only: a topic the head is misparsed as conjoined to ('Of Roe, Doe said')
        # is no co-speaker
        parts = [head, *(c for c in head.conjuncts if head.is_ancestor(c))]
        if len(parts) < 2:
            listed = [c for c in head.children if c.dep_ == "appos" and c.conjuncts]
            if not listed:
                return None
            parts = [listed[0], *listed[0].conjuncts]
            if head.pos_ == "PROPN" and all(t.pos_ == "PROPN" for t in parts):
                parts.insert(0, head)  # "Jane Doe, John Roe and Ann Poe": Doe with listed appositions
        parts = sorted(parts, key=lambda t: t.i)
        first = parts[0]
        if first.tag_ == "NNS" and first.i + 1 < len(self.doc) and self.doc[first.i + 1].text == ",":
            parts = parts[1:]  # "both mayors, Jane Doe and John Roe" misparsed as three conjuncts
        found = [self.mention_at(t) for t in parts]
        named = [m for m in found if m is not None and m.how != "pronoun"]
        if not named:
            return None  # "parents and teachers": a description, kept whole
        written = speaker_phrase(head).text
        if len(named) < len(found):
            return Speaker(written, "", written, "name")  # "Jane Doe and her lawyer": the group as written
        names = list(dict.fromkeys(self.by_id[m.actor_id].name for m in named))
        if len(names) < 2:
            return None
        return Speaker(", ".join(names[:-1]) + " and " + names[-1], "", written, "name")

    def introduced_person(self, lo: int, hi: int, quoted: list[tuple[int, int]]) -> Speaker | None:
        """The last person named as a subject outside quotations between two offsets ('Roe, who runs …')."""
        for m in reversed(self.by_start):
            if not lo <= m.start < hi or m.how == "pronoun" or inside(quoted, m.start):
                continue
            if self.by_id[m.actor_id].type != "person" or is_credit(self.doc.text, m):
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.root.dep_ in SUBJECT_DEPS:
                return Speaker(self.by_id[m.actor_id].name, m.actor_id, "", "unresolved")
        return None

    def nearest_person(self, offset: int) -> Speaker | None:
        """The last person named before an offset (a fallback for unresolved pronouns)."""
        text = self.doc.text
        for m in reversed(self.by_start):
            if m.start < offset and self.by_id[m.actor_id].type == "person" and not is_credit(text, m):
                return Speaker(self.by_id[m.actor_id].name, m.actor_id, "", "unresolved")
        return None


# Pronouns that point back to someone named before; other pronouns ("some", "many") describe the speaker.
PERSONAL_PRONOUNS = frozenset("he she they it him her them who which that this these those one".split())


def resolve_head(head: Token, resolver: SpeakerResolver) -> Speaker | None:
    """The speaker a head token names; None for a pronoun no actor was found for."""
    sp = resolver.resolve(head)
    if sp.actor_id or sp.basis in ("pronoun", "description") or head.pos_ != "PRON":
        return sp
    if head.lower_ not in PERSONAL_PRONOUNS:
        return sp  # "some", "those", "many" stay as their phrase ("some in the industry")
    return None  # an unresolved personal pronoun: filled from the previous claim later


def is_time(tok: Token) -> bool:
    """A date or time ('last week', 'Thursday morning'): it can be a subject, never a speaker."""
    return tok.ent_type_ in ("DATE", "TIME")


def is_author(head: Token) -> bool:
    """First and second person outside quotations are the writer and reader, not a quoted source."""
    return head.lower_ in ("i", "we", "you", "me", "us")


def is_info_source(head: Token) -> bool:
    """A subject such as 'the data' or 'city reports': a source of facts, not a speaker.

    One with an owner or a named author ('the board's review', 'a study by the Audit Board') speaks for them.
    """
    return (
        head.lemma_.lower() in INFO_NOUNS
        and not any(c.dep_ == "poss" for c in head.children)
        and document_author(head) is None
    )


def can_take_stance(head: Token, speaker: Speaker | None) -> bool:
    """True for a subject that can hold a position: a known actor, a name, a pronoun or a word for people.

    'The needs of the region argue for a new road' states no one's stance.
    """
    if (speaker is not None and speaker.actor_id) or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if head.pos_ in ("PROPN", "PRON"):
        return head.lower_ not in ("it", "this", "that")
    low, lemma = head.lower_, head.lemma_.lower()
    return low in GROUP_HEADS or lemma in TITLE_HEADS | ORG_HEADS or lemma.endswith(AGENT_SUFFIXES)


def linking_said(head: Token) -> bool:
    """'That said, …' or 'That being said, …' opening a sentence: a link to what came before, which
    reports no one's words ('that' is no speaker, the rest of the sentence no claim of theirs)."""
    verb, doc = head.head, head.doc
    return (
        head.lower_ in ("that", "this")
        and head.i == head.sent.start
        and verb.lemma_.lower() == "say"
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].text == ","
        and all(t.lemma_ == "be" for t in doc[head.i + 1 : verb.i])
    )


def can_speak(head: Token, speaker: Speaker | None) -> bool:
    """False for a common noun that names no one ("the storm urged", "the move noted"): only actors speak."""
    if linking_said(head):
        return False
    if head.pos_ != "NOUN" or (speaker is not None and speaker.actor_id):
        return True
    if head.ent_type_ in ("PERCENT", "CARDINAL"):
        return True  # "42% say …", "three-fourths say …": shares of those polled
    lemma = head.lemma_.lower()
    return (
        can_take_stance(head, speaker)
        or lemma in DOCUMENT_NOUNS | SPEAKER_NOUNS
        or f"{lemma}s" in GROUP_HEADS  # "an expert" as "experts"
        or any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in head.subtree)
    )


def first_name_outside(sent: Span, quotes: list[Quote]) -> Token | None:
    """The first proper name of a sentence outside its quotations."""
    tok = next((t for t in sent if t.pos_ == "PROPN" and not in_quotes(t, quotes)), None)
    return phrase_head(tok) if tok is not None else None


# Labels that name a quotation's speaker with no verb: "— Jane Doe." on its own after the quote (in
# the same paragraph or the next), "A heading - Jane Doe:" right before it, or a transcript's "DOE:"
# opening it. A name here is one to five capitalised words (initials and "Jr." included).
_NAME = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4}"
_AFTER_LABEL = re.compile(rf"[\"'”’)\]]*[ \t]*(?:\n\s*)?[{DASHES}]+[ \t]*({_NAME})[ \t]*(?:[,.;]|\n|$)")
_BEFORE_LABEL = re.compile(rf"(?:^|[{DASHES}][ \t]+)({_NAME})[ \t]*:[\s\"'“‘]*$")
_TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,2}):\s")


def transcript_label(text: str, start: int) -> tuple[int, int, int] | None:
    """(label start, label end, statement start) of a transcript's 'DOE: …' opening text[start:]."""
    m = _TRANSCRIPT_LABEL.match(text, start)
    if m is None or m.end(1) - m.start(1) < 2:
        return None
    return m.start(1), m.end(1), m.end()


def label_span(text: str, start: int, end: int, para: tuple[int, int]) -> tuple[int, int] | None:
    """Where a verbless label names the speaker of the quotation text[start:end] in its paragraph `para`."""
    opening = transcript_label(text, start)
    if opening is not None:
        return opening[0], opening[1]
    m = _BEFORE_LABEL.search(text, para[0], start)
    if m is not None and m.end() == start:
        return m.start(1), m.end(1)
    m = _AFTER_LABEL.match(text, end)
    if m is not None:
        return m.start(1), m.end(1)
    return None


def labelled_speaker(
    doc: Doc, start: int, end: int, para: tuple[int, int], resolver: SpeakerResolver
) -> Speaker | None:
    """The speaker a verbless label names for a quotation with no attribution ('“…” — Jane Doe')."""
    text = text_of(doc)
    where = label_span(text, start, end, para)
    if where is None:
        return None
    span = doc.char_span(*where, alignment_mode="expand")
    if span is None or not any(t.pos_ == "PROPN" or t.is_upper or t.ent_type_ for t in span):
        return None
    written = text[where[0] : where[1]].rstrip(".")
    for tok in reversed(span):
        m = resolver.mention_at(tok)
        if m is not None and m.how != "pronoun":
            return Speaker(resolver.by_id[m.actor_id].name, m.actor_id, written, "name")
    last = written.split()[-1].lower()
    people = {  # a transcript's "DOE:" names the person the article calls Jane Doe
        a.actor_id: a for a in resolver.actors if a.type == "person" and a.name.split()[-1].lower() == last
    }
    if len(people) == 1:
        actor = next(iter(people.values()))
        return Speaker(actor.name, actor.actor_id, written, "alias")
    if all(t.pos_ == "PROPN" or t.is_upper for t in span if t.is_alpha):
        return Speaker(written, "", written, "name")
    return None  # "— Taxes." in a list after a quote: a word, not a name

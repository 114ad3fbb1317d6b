"""Reported and mixed speech from the parse: a cue with its reported clause, in any clause order.

Each speech verb with a that-clause, an infinitive or an object gives an indirect claim (mixed when
it holds quoted words), and so does a stance verb with its against/for phrase ("campaigned against
the toll"); "according to X" gives one too. The content is the statement itself: the cue, the
complementiser and the attribution are left out of it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsdossier.extract.claims.draft import Draft, Speaker, in_quotes
from newsdossier.extract.claims.speakers import (
    SpeakerResolver,
    according_to,
    can_speak,
    can_take_stance,
    dateline_end,
    first_name_outside,
    in_pp,
    is_author,
    is_info_source,
    is_time,
    nominal,
    phrase_head,
    resolve_head,
    subject_of,
)
from newsdossier.extract.lexicon.cues import (
    AS_CLAUSE_VERBS,
    CAUSATIVE_VERBS,
    CLAUSE_OBJECT_VERBS,
    DIRECTIVE_VERBS,
    DOCUMENT_NOUNS,
    INFINITIVE_VERBS,
    LIGHT_VERBS,
    LINKING_PHRASES,
    NAMING_VERBS,
    NEEDS_PARTICLE,
    OBJECT_PHRASE_VERBS,
    OBJECT_VERBS,
    OCCASION_NOUNS,
    PETITION_NOUNS,
    PREPOSITIONAL_VERBS,
    QUESTION_VERBS,
    STANCE_VERBS,
    STATEMENT_NOUNS,
    WITHHOLDING_VERBS,
    is_speech_verb,
)
from newsdossier.text.nlp import text_of
from newsdossier.text.parse import SUBJECT_DEPS
from newsdossier.text.quotes import CLOSE_MARKS, Quote

_TIME_ENTS = frozenset({"DATE", "TIME"})


# A line opening with a capitalised label ("READ MORE: …", "WATCH: …") is a link or caption, not speech.
_LABEL = re.compile(r"^[A-Z][A-Z ]{2,}:")


def _complement(verb: Token) -> tuple[Token | None, str]:
    """The reported part governed by a speech/stance verb, and the cue as written."""
    cue = verb.text
    kids = list(verb.children)
    prt = next((c for c in kids if c.dep_ == "prt"), None)
    if not is_speech_verb(verb) and verb.lemma_ != "make":
        return _stance_complement(verb, prt)
    if verb.lemma_ == "make":
        clear = next(
            (c for c in kids if c.lower_ in ("clear", "plain") and c.dep_ in ("ccomp", "oprd", "acomp")), None
        )
        if clear is None:
            return None, cue
        comp = next(
            (c for c in list(clear.children) + kids if c.dep_ in ("ccomp", "advcl") and c.i > clear.i), None
        )
        return comp, f"{verb.text} it {clear.text}"
    told = _clause_as_relative(verb)
    if told is not None:
        return told, cue
    # a clause with a verb first: a dateline ("CITY — X says Y") can be misparsed as a clause of its own
    comps = [c for c in kids if c.dep_ == "ccomp"]
    comp = _clause_after(verb, comps) or next(
        (c for c in comps if c.pos_ in ("VERB", "AUX")), comps[0] if comps else None
    )
    if comp is None:
        # "wrote that the choice of site … was taken": the parser made the clause's subject the cue's object
        comp = next(
            (
                c
                for c in kids
                if c.dep_ == "dobj" and c.i > verb.i and any(_is_that(m) for m in c.children if m.i < c.i)
            ),
            None,
        )
    if comp is not None:
        return comp, cue + (f" {prt.text}" if prt is not None else "")
    gerund = next(
        (
            c
            for c in kids
            if c.dep_ == "xcomp"
            and c.tag_ == "VBG"
            and c.i > verb.i
            and not any(g.dep_ == "aux" for g in c.children)
        ),
        None,
    )
    if gerund is not None and verb.lemma_.lower() in ("say", "tell", "add", "claim", "insist", "argue"):
        return gerund, cue  # "said having him back was a boost": a misparsed clause
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX") and not is_speech_verb(verb.head):
        return verb.head, cue  # "The drugs, he says, are …": the speech verb is an aside in its clause
    if _as_clause(verb):
        return verb.head, cue  # "As the Courier noted, the guild collected …": the clause it comments on
    aside = _set_off_aside(verb) or _leading_attribution(verb)
    if aside is not None:
        return aside, cue  # "Instead, she told reporters, the plan would …": an aside the parser misread
    misread = _misattached_that_clause(verb)
    if misread is not None:
        return misread, cue
    lemma = verb.lemma_.lower()
    pair = _object_phrase(verb)
    if pair is not None:
        return pair[0], cue
    named = _naming(verb)
    if named is not None:
        return named, cue
    # "called for an inquiry", "called on the council to resign", "warned of job losses"
    on = next(
        (
            c
            for c in kids
            if c.dep_ == "prep"
            and c.i > verb.i
            and (lemma, c.lower_) in PREPOSITIONAL_VERBS
            and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
        ),
        None,
    )
    if on is not None:
        return on, f"{cue} {on.text}"
    prep, stance_cue = _stance_complement(verb, prt)
    if prep is not None:
        return prep, stance_cue
    if lemma in INFINITIVE_VERBS and not _gapped_relative(verb):
        x = next((c for c in kids if c.dep_ == "xcomp"), None)
        if x is not None:
            return x, cue
    if lemma in OBJECT_VERBS and (lemma not in NEEDS_PARTICLE or prt is not None):
        x = next(
            (c for c in kids if c.dep_ in ("dobj", "xcomp") and c.lower_ not in ("it", "this", "that")), None
        )
        if x is not None and not _withheld(verb, x):
            return x, cue + (f" {prt.text}" if prt is not None else "")
    if lemma in CLAUSE_OBJECT_VERBS:
        # "cited the figures the board had published", "slammed the decision to close the pier", "proposed the
        # creation of an agency to run the ports": an object that carries a clause or an infinitive states
        # something
        x = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
        if x is not None and (
            _object_infinitive(verb, x) is not None
            or any(
                t.tag_ in _FINITE_TAGS
                or (t.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in t.children))
                for t in x.subtree
                if t.i != x.i
            )
        ):
            return x, cue
    return None, cue


def _withheld(verb: Token, obj: Token) -> bool:
    """True when the object verb refuses to grant its object ('denied the request'), not disputes it."""
    if verb.lemma_.lower() not in WITHHOLDING_VERBS:
        return False
    if obj.lemma_.lower() in PETITION_NOUNS:
        return True
    # "denied him entry", "denied the files to the press": a recipient is someone kept from a thing, and a
    # statement has none
    kids = list(verb.children) + list(obj.children)
    return any(c.dep_ == "dative" for c in verb.children) or any(
        c.dep_ == "prep" and c.lower_ == "to" and c.i > obj.i and any(g.dep_ == "pobj" for g in c.children)
        for c in kids
    )


def _clause_after(verb: Token, comps: list[Token]) -> Token | None:
    """With clauses on both sides of the cue, the one after it when it has a subject of its own.

    The parser makes a fronted phrase a clause of the cue ("In the review released this week — Jane Doe
    said the board failed …", "City councillor and advocate Jane Doe told us rents rose"): the clause
    after the cue is the statement.
    """
    if not any(c.i < verb.i for c in comps):
        return None
    return next((c for c in comps if c.i > verb.i and any(k.dep_ in SUBJECT_DEPS for k in c.children)), None)


def _object_infinitive(verb: Token, obj: Token) -> Token | None:
    """The infinitive the parser hung on the verb right after its object, that belongs to the object:
    "announced new grants to repair village halls" (else None)."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "xcomp"
            and c.left_edge.i == obj.right_edge.i + 1
            and verb.doc[c.left_edge.i].lower_ == "to"
        ),
        None,
    )


def _as_clause(verb: Token) -> bool:
    """'As the Courier noted, Y' or 'Y, as X reported': a speech verb in an as-clause, with a subject of its
    own and no statement of its own, attributes the clause it hangs on."""
    return (
        verb.dep_ == "advcl"
        and verb.head.pos_ in ("VERB", "AUX")
        and not is_speech_verb(verb.head)
        and verb.lemma_.lower() in AS_CLAUSE_VERBS
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        and not any(c.dep_ in ("ccomp", "dobj", "xcomp", "oprd") for c in verb.children)
        # "as she said, “…”": the quotation that follows is what was said
        and not any(t.is_quote or t.text == ":" for t in verb.doc[verb.right_edge.i + 1 :][:2])
    )


# Fewest words of a statement before an aside attribution set off by commas, and most tokens of the
# aside itself ("a manager at the bakery, Lena Okafor, said on Thursday").
MIN_ASIDE_LEAD_WORDS = 2
MAX_ASIDE_TOKENS = 16


def _set_off_aside(verb: Token) -> Token | None:
    """The clause around a speech verb set off by commas that the parser made its head's complement or
    conjunct, or the root with the clause as its conjunct: "Instead, Lena Okafor told reporters, the oven will
    …", "Such late drills, the league argued, break the rules", "A, a manager said, and B".

    The verb must have a subject of its own and no clause of its own; returns a token of the clause.
    """
    if verb.dep_ not in ("ccomp", "conj", "ROOT") or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    # a bare participle describes a noun ("the players widely described as underdogs, won …"); the parser
    # tags it as a past tense too, and then only its as-phrase and no object tell it from an aside
    if not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and (
        verb.tag_ == "VBN"
        or (
            any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
            and not any(c.dep_ == "dobj" for c in verb.children)
        )
    ):
        return None
    # an object only for the one told ("she told reporters"): "decried the rules, and …" states its own
    if any(c.dep_ == "dobj" for c in verb.children) and verb.lemma_.lower() != "tell":
        return None
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if subj is None or subj.tag_ in ("WP", "WDT"):
        return None
    doc, sent = verb.doc, verb.sent
    lo = min(subj.left_edge.i, verb.i)
    own = [c.right_edge.i for c in verb.children if c.i > verb.i and c.dep_ not in ("conj", "cc", "punct")]
    hi = max([verb.i, *own])
    if lo <= sent.start or hi + 1 >= sent.end - 1 or doc[lo - 1].text != "," or doc[hi + 1].text != ",":
        return None
    if hi - lo + 1 > MAX_ASIDE_TOKENS or any(t.is_quote for t in doc[lo : hi + 1]):
        return None
    lead = [t for t in doc[sent.start : lo] if not t.is_punct and not t.is_space]
    # one word before the commas is a name in apposition ("Okafor, the manager said, …") unless it is an
    # adverb linking the statement to what came before ("Instead, she told reporters, the plan …")
    if len(lead) < MIN_ASIDE_LEAD_WORDS and not (len(lead) == 1 and lead[0].pos_ == "ADV"):
        return None
    if verb.dep_ in ("ccomp", "conj") and verb.head.i < verb.i < verb.head.right_edge.i + 1:
        head = verb.head
    elif verb.dep_ == "ccomp" and verb.head.i > verb.i:
        head = verb.head
    else:
        head = next((c for c in verb.children if c.dep_ in ("conj", "dep") and c.i > hi), None)
    if head is None or head.pos_ not in ("VERB", "AUX") or is_speech_verb(head):
        return None
    return head


def _leading_attribution(verb: Token) -> Token | None:
    """'Jane Doe admits in this case, there were delays': an attribution opening the sentence that the
    parser made a clause of the statement after its comma. The cue has a subject that opens the sentence,
    no clause or object of its own, and a comma after its phrase; returns the statement's verb."""
    head, doc = verb.head, verb.doc
    if verb.dep_ != "ccomp" or head.dep_ != "ROOT" or head.i < verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if is_speech_verb(head) or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    start = max(verb.sent.start, dateline_end(verb.sent))
    if subj is None or subj.left_edge.i != start or verb.right_edge.i + 1 >= len(doc) or not nominal(subj):
        return None
    if verb.tag_ == "VBN" or any(c.dep_ in ("auxpass", "agent") for c in verb.children):
        return None  # "…, called “the crossroads” by locals, the town …": a participle describing a noun
    return head if doc[verb.right_edge.i + 1].text == "," else None


# Verbs whose object is the one told: a clause after it is what was said ("told the police he hid the van").
_RECIPIENT_VERBS = frozenset("tell inform remind assure warn advise".split())
_RELATIVE_WORDS = frozenset("that which who whom whose where when".split())
_WHOLE_CLAUSE_DEPS = frozenset({"dobj", "attr", "acomp", "auxpass", "oprd"})


def _clause_as_relative(verb: Token) -> Token | None:
    """'told the police he hid the van': a clause the parser took for a relative clause of the one told
    (it has a subject of its own and no relative word), else None."""
    if verb.lemma_.lower() not in _RECIPIENT_VERBS:
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i):
        for rel in (c for c in obj.children if c.dep_ == "relcl" and c.i > obj.i):
            subj = next((c for c in rel.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is None or subj.left_edge.i != obj.i + 1 or subj.tag_ in ("WP", "WDT"):
                continue
            # a relative clause has a gap ("the men she hired"); a reported one is whole ("he hid the car")
            whole = any(c.dep_ in _WHOLE_CLAUSE_DEPS for c in rel.children)
            if whole and not any(t.lower_ in _RELATIVE_WORDS for t in rel.subtree if t.i < rel.i):
                return rel
    return None


def _gapped_relative(verb: Token) -> bool:
    """'the sum the club vowed to find': a relative clause whose subject is not the relative word
    lacks an object, so its infinitive is no position ("Lena Okafor, who vowed to quit" has one)."""
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return verb.dep_ == "relcl" and subj is not None and subj.tag_ not in ("WP", "WDT")


# Tags of finite verbs and modals: an object holding one carries a statement.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _naming(verb: Token) -> Token | None:
    """The object of a naming verb with its predicate ("called the plan reckless"), else None.

    Without an object the predicate itself is returned: the parser often folds a pronoun object into
    it ("called her “third-rate”"). A passive ("was called a hero") names no statement of the subject.
    """
    if verb.lemma_.lower() not in NAMING_VERBS or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    named = next(
        (c for c in verb.children if c.dep_ == "oprd" and c.i > (obj.i if obj is not None else verb.i)), None
    )
    if obj is not None and named is None:
        # "called the plan “a disaster”": the parser reads the quoted name as the object's apposition
        named = next((c for c in obj.children if c.dep_ == "appos" and _opens_quote(c)), None)
    return obj if obj is not None and named is not None else named


def _opens_quote(tok: Token) -> bool:
    """True when a phrase opens with a quotation mark, or right after one."""
    first = tok.left_edge
    return first.is_quote or (first.i > 0 and tok.doc[first.i - 1].is_quote and first.i - 1 > tok.head.i)


def _object_phrase(verb: Token) -> tuple[Token, Token] | None:
    """(object, phrase) of a verb whose object and the phrase after it are the statement, else None.

    "accused the mayor of lying", "described the plan as a disaster": the phrase hangs on the verb or,
    as the parser often has it, on the object.
    """
    lemma = verb.lemma_.lower()
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    prep = next(
        (
            c
            for c in list(verb.children) + list(obj.children)
            if c.dep_ == "prep"
            and c.i > obj.i
            and (lemma, c.lower_) in OBJECT_PHRASE_VERBS
            and any(_phrase_object(c, g) for g in c.children)
        ),
        None,
    )
    return (obj, prep) if prep is not None else None


def _judged_object(verb: Token, comp: Token, quotes: list[Quote]) -> bool:
    """True when the statement is an object outside the quotes and what it is called or taken as
    ("called the budget “reckless”", "described the talks as “calm”"): a quote of the name alone leaves
    out what was named."""
    pair = _object_phrase(verb)
    named = (pair is not None and pair[0] == comp) or _naming(verb) == comp
    return named and comp.dep_ == "dobj" and not in_quotes(comp, quotes)


def _phrase_object(prep: Token, kid: Token) -> bool:
    """True for what a preposition's phrase is about: its object, or after "as" an adjective too
    ("described the talks as largely “calm”", "as “rushed”": the parser hangs the adjective or participle
    on the "as")."""
    predicate = kid.pos_ == "ADJ" or kid.dep_ == "amod"
    return kid.dep_ in ("pobj", "pcomp") or (prep.lower_ == "as" and predicate)


def _stance_complement(verb: Token, prt: Token | None) -> tuple[Token | None, str]:
    """The against/for phrase of a stance verb ('came out against the toll'), and the cue as written."""
    stance = STANCE_VERBS.get(verb.lemma_.lower())
    if stance is None or verb.pos_ != "VERB" or (prt.lower_ if prt is not None else None) != stance[0]:
        return None, verb.text
    # "campaigned against the toll on Friday": the position is the against/for phrase alone
    prep = next(
        (
            c
            for c in verb.children
            if c.dep_ == "prep" and c.i > verb.i and c.lower_ in stance[1] and not _is_time_phrase(c)
        ),
        None,
    )
    if prep is None:
        return None, verb.text
    return prep, " ".join(t.text for t in (verb, prt, prep) if t is not None)


def _is_time_phrase(prep: Token) -> bool:
    """A prepositional phrase that only says when or how long: 'for three years', 'on Friday'."""
    words = [t for t in prep.subtree if t.i != prep.i and not t.is_punct]
    return bool(words) and all(t.ent_type_ in _TIME_ENTS for t in words)


def _misattached_that_clause(verb: Token) -> Token | None:
    """A that-clause the parser hung on a noun of the verb's phrase or on the verb as an adverbial clause:
    'cautioned in a letter to X that …', 'told the paper on Monday that …', 'wrote late at night that …'.

    The clause opens with "that" and has a subject of its own that is not the "that" (a relative clause's
    "that" is its subject or object), and only nouns and prepositions lie between it and the cue. A clause
    of the cue's object states what the object is ("rejected the idea that …"), unless the object is the
    one told ("told the paper that …"), and so does one inside an as-phrase ("described it as a sign that …").
    """
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for tok in prep.subtree:  # "… in a letter to X that …", "… by making it clear to X that …"
            marked = any(c.lower_ == "that" and c.dep_ == "mark" for c in tok.children)
            if tok.dep_ in ("relcl", "acl") and marked and any(c.dep_ in SUBJECT_DEPS for c in tok.children):
                return tok
    recipient = verb.lemma_.lower() in _RECIPIENT_VERBS
    for tok in verb.subtree:
        if tok.i <= verb.i or tok.dep_ not in ("relcl", "acl", "advcl") or not _only_nouns_between(tok, verb):
            continue
        if tok.dep_ != "advcl" and tok.head.dep_ == "dobj" and tok.head.head == verb and not recipient:
            continue
        if any(a.dep_ == "prep" and a.lower_ == "as" for a in tok.ancestors if a.i > verb.i):
            continue
        that = tok.doc[tok.left_edge.i]
        opens = that.lower_ == "that" and that.head == tok and that.dep_ in ("mark", "advmod")
        has_subject = any(c.dep_ in SUBJECT_DEPS and c.i != that.i for c in tok.children)
        if opens and has_subject and (tok.dep_ != "advcl" or that.i > verb.i + 1):
            return tok
    return None


def _only_nouns_between(tok: Token, verb: Token) -> bool:
    """True when the words from a clause up to the cue it hangs under are nouns and prepositions only."""
    up = tok.head
    while up.i != verb.i:
        if up.pos_ in ("VERB", "AUX") or up.head.i == up.i:
            return False
        up = up.head
    return True


# Dependents of a sentence-final speech verb that the parser often takes from the clause before it.
_LOOSE_DEPS = {"dep", "punct", "npadvmod", "dobj", "conj"}


def _in_subtree_of_other(tok: Token, verb: Token, comps: list[Token]) -> bool:
    """True for a token that depends on the speech verb through something other than its clause."""
    while tok.head.i != tok.i and tok.head.i != verb.i:
        tok = tok.head
    return tok.head == verb and tok not in comps and tok.dep_ not in _LOOSE_DEPS


def _clause_before_semicolon(comp: Token, verb: Token) -> Span | None:
    """The statement before 'A, she noted; B' when the parser made both A and B clauses of the cue: a
    semicolon right after the attribution ends it, so A is said too, not a phrase fronted before it."""
    doc = verb.doc
    if comp.i < verb.i or verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ";":
        return None
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    subj = subject_of(verb)
    if subj is None or subj.i > verb.i or doc[subj.left_edge.i - 1].text != ",":
        return None
    span = _trim_span(doc, max(verb.sent.start, dateline_end(verb.sent)), subj.left_edge.i - 1)
    return span if _words_in(span) >= MIN_REPORTED_WORDS and _has_verb(span) else None


def _fronted_subject(comp: Token, verb: Token) -> Span | None:
    """The subject of a reported clause fronted before its attribution, that the parser hung on the cue
    ("Such delays, the board warned on Monday, could cost …"): the clause after the cue has no subject of
    its own, and the phrase opens the sentence and ends at the comma before the speaker (else None)."""
    if comp.i < verb.i or any(c.dep_ in SUBJECT_DEPS for c in comp.children):
        return None
    subj = subject_of(verb)
    if subj is None or not subj.i < verb.i:
        return None
    doc = verb.doc
    first = max(verb.sent.start, dateline_end(verb.sent))
    for c in verb.children:
        if c.dep_ == "dep" and c.pos_ in ("NOUN", "PROPN", "PRON") and c.left_edge.i == first:
            if doc[c.right_edge.i + 1].text == "," and c.right_edge.i + 2 == subj.left_edge.i:
                return _trim_span(doc, first, c.right_edge.i)
    return None


def _contrast_after_aside(comp: Token, verb: Token) -> Span | None:
    """'A, she said, but B': a contrast with a subject of its own after an attribution set off in the
    sentence's middle goes on with what she said, as a second statement (else None)."""
    if comp.i > verb.i:
        return None
    doc = verb.doc
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.i > verb.i):
        cc = [c for c in verb.children if c.dep_ == "cc" and verb.i < c.i < conj.i and c.lower_ in _CONTRAST]
        if not cc or doc[cc[0].i - 1].text != "," or is_speech_verb(conj):
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in conj.children):
            span = _trim_span(doc, cc[0].i + 1, conj.right_edge.i)
            return span if _words_in(span) >= MIN_REPORTED_WORDS else None
    return None


def _clause_spans(comp: Token, verb: Token) -> list[list[Span]]:
    """The reported statements, each as its pieces: the clause, or, when the attribution stands in its
    middle ('A, he said, B'), its two sides as two statements, or as one in two pieces when a side cannot
    stand alone ('Too often, she says, the buses run late')."""
    doc = verb.doc
    before = _clause_before_semicolon(comp, verb)
    if before is not None:
        return [[before], [_clause_span(comp, verb)]]
    fronted = _fronted_subject(comp, verb)
    if fronted is not None:
        return [[fronted, _clause_span(comp, verb)]]
    contrast = _contrast_after_aside(comp, verb)
    if contrast is not None:
        return [[_clause_span(comp, verb)], [contrast]]
    if (comp.i == verb.head.i and verb.dep_ == "parataxis") or _set_off_aside(verb) == comp:
        pieces = _aside_pieces(comp, verb)
    else:
        span = _clause_span(comp, verb)
        aside = verb.left_edge.i, verb.right_edge.i
        if not verb.is_ancestor(comp) and span.start < aside[0] <= span.end - 1 <= aside[1]:
            return [[_trim_span(doc, span.start, aside[0] - 1)]]  # "Y, as the paper reported": Y alone
        if not span.start < aside[0] <= aside[1] < span.end - 1:
            return [[span]]
        pieces = [_trim_span(doc, span.start, aside[0] - 1), _trim_span(doc, aside[1] + 1, span.end - 1)]
    return _statements(pieces)


def _statements(pieces: list[Span]) -> list[list[Span]]:
    """The statements in the two sides of an aside attribution: each side that stands alone on its own, a
    side that cannot ('Too often', 'Time') joined to the other, a circumstance of the speaking left out."""
    kept = [p for n, p in enumerate(pieces) if _statement_piece(p, leading=n == 0 and len(pieces) > 1)]
    if len(kept) > 1 and not all(map(_stands_alone, kept)):
        return [kept]
    return [[p] for p in kept]


def _stands_alone(piece: Span) -> bool:
    """A piece that is a statement by itself: a clause of two words or more, or a few words that do not
    open with a preposition ("All of this, he said, could …" keeps the rest)."""
    words = _words_in(piece)
    if _predicate_only(piece):
        return False  # "…, say engineers, is the soft ground": the subject is on the other side
    return (words >= MIN_PIECE_WORDS and (_has_verb(piece) or piece[0].pos_ != "ADP")) or (
        words >= 2 and _has_verb(piece)
    )


def _predicate_only(piece: Span) -> bool:
    """A piece that opens with a finite verb and has no subject: the rest of a statement split before it."""
    return piece[0].tag_ in _FINITE_TAGS and not any(t.dep_ in SUBJECT_DEPS for t in piece)


def _statement_piece(piece: Span, leading: bool) -> bool:
    """True for a piece of a statement split by its attribution, not a circumstance of the speaking.

    A piece with a verb stands with two words. Before the attribution a verbless piece is the statement's
    start ("Too often, she says, the buses run late", "Time, she added, was short") unless it is a linking
    word, a time ("On Friday, she said, …") or the occasion ("In an interview, he said, …"); after it, a
    verbless piece needs a few words and no opening preposition.
    """
    words = _words_in(piece)
    if not leading and _predicate_only(piece):
        return words >= 2
    if _has_verb(piece) or not leading:
        return _stands_alone(piece)
    nominal = [t for t in piece if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM")]
    if words == 0 or (words == 1 and not nominal):
        return False
    if " ".join(t.lower_ for t in piece if not t.is_punct) in LINKING_PHRASES:
        return False
    if nominal and all(t.ent_type_ in _TIME_ENTS for t in nominal):
        return False
    return not any(t.lemma_.lower() in DOCUMENT_NOUNS | OCCASION_NOUNS for t in nominal)


def _inverted_speaker(verb: Token) -> Token | None:
    """The speaker after the verb of an aside set off by commas inside its statement ("The trouble, say
    engineers at the port, is the ground"): the parser gives the verb the statement's subject, or hangs the
    speaker on the statement's verb. None unless the phrase runs from the verb to a comma."""
    if verb.dep_ != "parataxis" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    doc = verb.doc
    after = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i > verb.i]
    after += [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS and c.left_edge.i == verb.i + 1]
    for subj in after:
        # the parser often gives the speaker's phrase its closing comma
        last = subj.right_edge.i if doc[subj.right_edge.i].text == "," else subj.right_edge.i + 1
        if subj.left_edge.i == verb.i + 1 and last < len(doc) and doc[last].text == "," and nominal(subj):
            return subj
    return None


def _aside_pieces(comp: Token, verb: Token) -> list[Span]:
    """The statement around an aside attribution ("The rules, she says, are meant for tenants"): the words
    before the speaker, and the words after the speech verb and its own objects to the sentence's end.

    The parser hangs the rest of the sentence on the aside ("…, she says, and are meant …"): it is
    the statement going on, not part of the attribution.
    """
    doc = verb.doc
    subj = _inverted_speaker(verb) or subject_of(verb)
    aside_lo = min(subj.left_edge.i if subj is not None else verb.i, verb.i)
    # "That decision, the judge wrote, was made …": the parser hangs the fronted subject on the aside
    fronted = [c.left_edge.i for c in verb.children if c.dep_ == "dep" and c.i < aside_lo]
    first = max(min(comp.left_edge.i, aside_lo, *fronted), verb.sent.start, dateline_end(verb.sent))
    own = [c.right_edge.i for c in verb.children if c.i > verb.i and c.dep_ not in ("conj", "cc", "punct")]
    if subj is not None and subj.i > verb.i:
        own.append(subj.right_edge.i)  # "…, says Jane Doe, a surveyor, …": the speaker after the verb
    after = max([verb.i, *own]) + 1
    pieces = [_trim_span(doc, first, aside_lo - 1)]
    if after < verb.sent.end:
        rest = _trim_span(doc, after, verb.sent.end - 1)
        if not _about_the_speaking(rest, subj):
            pieces.append(rest)
    return pieces


def _about_the_speaking(piece: Span, subj: Token | None) -> bool:
    """True for a subordinate clause after an aside whose subject is the speaker again: "…, he said, though he
    named no one" or "…, she said, as she left the hall" tell of the speaking, not what was said."""
    if subj is None or not len(piece) or piece[0].dep_ != "mark":
        return False
    clause = piece[0].head
    return any(c.dep_ in SUBJECT_DEPS and c.lower_ == subj.lower_ for c in clause.children)


# Fewest words of a reported clause: shorter ones are fragments of an ellipsis or a misparse ("he would",
# "to meet", "the criticism") far more often than statements.
MIN_REPORTED_WORDS = 3


# Fewest words for a verbless piece of a clause split by its attribution to be kept.
MIN_PIECE_WORDS = 4


def _words_in(span: Span) -> int:
    """Words of a span, punctuation left out."""
    return sum(not t.is_punct and not t.is_space for t in span)


def _has_verb(span: Span) -> bool:
    """True when a span holds a verb or auxiliary."""
    return any(t.pos_ in ("VERB", "AUX") for t in span)


def _trim_span(doc: Doc, lo: int, hi: int) -> Span:
    """doc[lo..hi] without punctuation and spaces at either end."""
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return doc[lo : hi + 1]


def _is_that(tok: Token) -> bool:
    """The complementiser 'that' of a reported clause, left out of its content (the parser also tags it as
    an adverb of the clause: "wrote at dawn that the deal was off")."""
    return tok.lower_ == "that" and (tok.dep_ == "mark" or (tok.dep_ == "advmod" and tok.tag_ == "WDT"))


# Conjunctions that join a contrast to a reported clause: the statement goes on ("said he would back the
# plan, but he will not chair the board"); after "and" a clause is as often the narrative going on.
_CONTRAST = frozenset({"but", "yet"})
# Adverbs that put a reported event after another: the verb they lead to goes on with the statement.
_SEQUENCE = frozenset({"then"})

# Tags of verbs that cannot be a past-tense speech verb's own conjunct ("said the plan is ready, secures
# the border and …"): a verb in the present or the base form goes on with the reported clause.
_PRESENT_TAGS = frozenset({"VB", "VBZ", "VBP"})


# Dependents that make a bare verb a clause of its own rather than a list going on: a subject, a
# subordinator, an auxiliary ("to", "would").
_BARE_NOT = frozenset({"nsubj", "nsubjpass", "mark", "aux", "auxpass"})


def _contrast_clauses(verb: Token, comp: Token) -> list[Token]:
    """Clauses the parser joined to the speech verb after its reported clause that go on with the
    statement: a second that-clause ("argued that A, and that B"), a contrast ("said A, but B", "said he
    was unsure, but planned to vote"), a verb a "then" of the clause leads to ("told the court he locked
    the shed, then drove off"), quoted words after a new subject ("said the toll was “a tax,” and the plan
    “would make it worse”"), and a verb without a subject that cannot be the speech verb's own conjunct (an
    auxiliary, "told students the forecasts might be skewed, and have failed before", or a present verb
    after a past cue)."""
    out = []
    for conj in (c for c in verb.children if c.dep_ in ("conj", "advcl") and c.i > comp.i):
        kids = list(conj.children)
        if conj.dep_ == "advcl":
            # "said the club means to sell the ground, hire a coach, …": a bare verb the parser hung on a past
            # cue goes on with a list of the clause ("to hire …" or "if …" are clauses of their own)
            bare = conj.tag_ == "VB" and verb.tag_ == "VBD" and not any(c.dep_ in _BARE_NOT for c in kids)
            if bare:
                out.append(conj)
            continue
        # a speech verb is the speaker's own next act, except after a modal that reports the plan going on
        # ("said she hoped to win, and would continue to run")
        if is_speech_verb(conj) and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in kids):
            continue
        # the parser hangs the conjunction on the cue or on the clause it joins ("- but she needs …")
        joined = any(
            c.dep_ == "cc" and c.lower_ in _CONTRAST for c in [*verb.children, *kids] if comp.i < c.i < conj.i
        )
        own_subject = any(c.dep_ in SUBJECT_DEPS for c in kids)
        # "said A, and there was B": an existential clause describes things, never what the speaker did
        existential = any(c.dep_ == "expl" for c in kids)
        second_that = any(c.dep_ == "mark" and c.lower_ == "that" for c in kids)
        goes_on = not own_subject and (
            any(c.dep_ in ("aux", "auxpass") for c in kids)
            or (verb.tag_ == "VBD" and conj.tag_ in _PRESENT_TAGS)
        )
        # "told the court he locked the door, then drove off": a "then" the parser left in the clause runs
        # the reported events on
        sequel = not own_subject and any(
            t.lower_ in _SEQUENCE and t.dep_ == "advmod" and comp.is_ancestor(t)
            for t in verb.doc[comp.i : conj.i]
        )
        # "said the toll was “a tax,” and the plan “would make it worse”": quoted words after a subject that
        # is no one who could be quoted in turn go on with the speaker's words
        subject = next((c for c in kids if c.dep_ in SUBJECT_DEPS), None)
        quoted_on = (
            subject is not None
            and subject.pos_ == "NOUN"
            and subject.ent_type_ != "PERSON"
            and any(t.is_quote and t.i > subject.i for t in conj.subtree)
        )
        if second_that or joined or goes_on or existential or sequel or quoted_on:
            out.append(conj)
    return out


# Subordinators whose clause, after a reported one, goes on with the statement ("said he would quit if
# the drills went on", "told the police he hid the van so no one would know it"); "when", "as", "after"
# more often say when the speaker spoke.
_STATEMENT_MARKS = frozenset("so because unless if whereas".split())


def _reason_clauses(verb: Token, comp: Token) -> list[Token]:
    """Adverbial clauses the parser hung on the speech verb after its reported clause that belong to it."""
    return [
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and c.i > comp.i
        and any(m.dep_ == "mark" and m.lower_ in _STATEMENT_MARKS for m in c.children)
    ]


# Dependents of the speech verb that can hold the subject of a clause the parser left without one.
_SUBJECT_HOLDERS = frozenset({"prep", "advcl", "npadvmod", "dobj"})


def _hidden_subject(verb: Token, comp: Token) -> list[Token]:
    """The phrases between the cue and a reported clause without a subject, that the parser hung on the cue
    and that hold the clause's subject: "says in the valley buses are late" (the subject inside "in …"),
    "said just because a bridge looks old does not make …" (a subject clause read as a clause of reason),
    "told police officers on duty were late" (the one told run together with the clause's subject)."""
    if comp.dep_ != "ccomp" or comp.i < verb.i or any(c.dep_ in SUBJECT_DEPS for c in comp.children):
        return []
    between = [c for c in verb.children if verb.i < c.i < comp.i]
    if not between or any(c.dep_ not in _SUBJECT_HOLDERS for c in between):
        return []
    # the phrases must run on from the cue to the clause, with nothing of the attribution after them
    if between[0].left_edge.i != verb.i + 1 or between[-1].right_edge.i + 1 != comp.left_edge.i:
        return []
    return between


def _clause_span(comp: Token, verb: Token) -> Span:
    """The words of a reported clause, without a leading 'that' and trailing punctuation."""
    doc = comp.doc
    pair = _object_phrase(verb) if comp.dep_ == "dobj" else None
    if pair is not None and pair[0] == comp:
        # "accused the mayor of lying": the object and its phrase, wherever the parser hung the phrase
        toks = list(comp.subtree) + list(pair[1].subtree)
    elif comp.dep_ in ("dobj", "oprd") and _naming(verb) == comp:
        # "called the plan “reckless”": the object and what it is called
        toks = [t for c in verb.children if c.dep_ in ("dobj", "oprd") for t in c.subtree]
    elif (
        comp.dep_ == "prep"
        and comp.head == verb
        and (verb.lemma_.lower(), comp.lower_) in PREPOSITIONAL_VERBS
    ):
        # the object of the cue's preposition, and an infinitive after it ("called on X to resign")
        toks = [t for t in comp.subtree if t.i != comp.i]
        toks += [t for c in verb.children if c.dep_ == "xcomp" and c.i > comp.i for t in c.subtree]
    elif comp.dep_ == "prep" and comp.head == verb:
        # a stance phrase ("against the toll"), without a time phrase the parser hung inside it
        when = {
            t.i
            for p in comp.subtree
            if p.i != comp.i and p.dep_ == "prep" and _is_time_phrase(p)
            for t in p.subtree
        }
        toks = [
            t
            for t in comp.subtree
            if t.i not in when and not (t.ent_type_ in _TIME_ENTS and t.dep_ == "npadvmod")
        ]
    elif comp.i == verb.head.i:  # the speech verb is an aside inside the clause it reports
        aside = {t.i for t in verb.subtree}
        toks = [t for t in comp.subtree if t.i not in aside]
    else:
        # several complements ("says he drank, used drugs and was …") make one clause
        comps = [c for c in verb.children if c.dep_ == "ccomp" and (c.i > verb.i) == (comp.i > verb.i)]
        comps = comps if comp in comps else [comp]
        if comp.dep_ == "relcl":  # "told the police he hid the van so no one would know it": the rest goes on
            comps += [c for c in verb.children if c.dep_ in ("ccomp", "advcl") and c.i > comp.i]
        if comp.i > verb.i:
            comps += _contrast_clauses(verb, comp) + _reason_clauses(verb, comp) + _hidden_subject(verb, comp)
        toks = [t for c in comps for t in c.subtree]
        if comp.dep_ == "dobj" and verb.lemma_.lower() in CLAUSE_OBJECT_VERBS:
            toks += [t for x in [_object_infinitive(verb, comp)] if x is not None for t in x.subtree]
        if comp.dep_ == "xcomp" and verb.lemma_.lower() in DIRECTIVE_VERBS:
            # "urged the mayor to resign": the one urged is part of what was asked (not a phrase with an
            # aside: "asked Jane Doe, a judge, to …" is more often misparsed than not)
            toks += [
                t
                for c in verb.children
                if c.dep_ == "dobj" and verb.i < c.i < comp.i and not any(t.is_punct for t in c.subtree)
                for t in c.subtree
            ]
        if verb.dep_ == "relcl" and comp.dep_ == "ccomp" and comp.i > verb.i:
            # "a fracture that doctors said would heal by spring": the parser gives the clause
            # the relative pronoun before the speaker; the statement is what follows the cue
            toks = [t for t in toks if t.i > verb.i] or toks
        if comp.i < verb.i:
            # a clause before "…, officials said": all up to the speaker, wherever the parser attached it
            subj = subject_of(verb)
            stop = min(subj.left_edge.i if subj is not None and subj.i < verb.i else verb.i, verb.i)
            first = verb.sent.start
            toks = [t for t in doc[first:stop] if not _in_subtree_of_other(t, verb, comps)] or toks
    if verb.lemma_ == "make":
        toks = [t for t in toks if t.i > verb.i + 2] or toks  # not the "it plain" of "made it plain"
    lo, hi = max(min(t.i for t in toks), dateline_end(verb.sent)), max(t.i for t in toks)
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or _is_that(doc[lo])):
        lo += 1
    # a coordinator left at the end ("said A, and repeated B") joins the speaker's next act, not the statement
    while hi > lo and (
        doc[hi].is_space
        or (doc[hi].is_punct and doc[hi].text not in CLOSE_MARKS | {'"'})
        or doc[hi].pos_ == "CCONJ"
    ):
        hi -= 1
    if lo > 0 and doc[lo - 1].text in ("“", '"', "``", "''") and lo - 1 > verb.i:
        lo -= 1  # the clause opens with quoted words: keep their mark
    inner = doc[lo : hi + 1]
    opened = sum(t.text in ("“", "``") for t in inner) - sum(t.text in ("”", "''") for t in inner)
    if opened > 0:
        # the parser hung the closing mark on the main verb: bring it back into the clause
        for j in range(hi + 1, min(hi + 4, len(doc))):
            if doc[j].text in ("”", "''"):
                hi = j
                break
            if not doc[j].is_punct:
                break
    return doc[lo : hi + 1]


def reported_drafts(
    doc: Doc, quotes: list[Quote], claimed: list[Quote], resolver: SpeakerResolver
) -> list[Draft]:
    """A draft claim for every speech/stance verb with a reported clause, and for 'according to'.

    `claimed` are the quotes already taken as direct claims: a clause that is mostly one of them is skipped.
    """
    out = []
    for verb in doc:
        if not (is_speech_verb(verb) or verb.lemma_ == "make" or verb.lemma_.lower() in STANCE_VERBS):
            continue
        comp, cue = _complement(verb)
        trailing = _trailing_attribution(verb) if comp is None and is_speech_verb(verb) else None
        if comp is None and trailing is None:
            continue
        head = (
            (
                _inverted_speaker(verb)
                or _controller(verb)
                or subject_of(verb)
                or _name_before(verb)
                or _first_act_subject(verb)
            )
            if trailing is None
            else trailing[1]
        )
        if head is not None:
            head = _past_label(head, verb)
        if head is not None and in_quotes(head, quotes):
            head = first_name_outside(verb.sent, quotes)  # the parser took quoted words for the subject
        if head is None or _LABEL.match(verb.sent.text.strip()) or is_author(head):
            continue
        if is_info_source(head) and not _document_speaks(head, verb):
            continue
        if is_time(head) or _addressed(verb):
            continue
        speaker = resolve_head(head, resolver)
        if not can_speak(head, speaker):
            continue
        stance = comp is not None and comp.dep_ == "prep" and comp.head == verb
        if stance and not can_take_stance(head, speaker):
            continue
        statements = _clause_spans(comp, verb) if comp is not None else [[trailing[0]]]
        # "denounced the plan as “a disgrace”": the quote names only what the object is said to be
        judged = comp is not None and _judged_object(verb, comp, quotes)
        for pieces in statements:
            pieces = [p for p in pieces if judged or not mostly_quoted(p, claimed)]
            # a position denied or rejected may be two words ("denied the report"); a clause may not
            fewest = 2 if verb.lemma_.lower() in OBJECT_VERBS else MIN_REPORTED_WORDS
            # the opening that tells a question or a source is that of the words after the cue
            if not pieces or sum(map(_words_in, pieces)) < fewest or _not_a_statement(pieces[-1], verb):
                continue
            if head.lower_ == "there" or any(p.start <= head.i < p.end for p in pieces):
                continue
            if not _can_be_it(head, verb, speaker):
                continue
            out.append(_joined(pieces, quotes, cue, speaker, head, verb.idx))
    out.extend(_according_drafts(doc, quotes, claimed, resolver))
    out.extend(_label_drafts(doc, quotes, claimed, resolver))
    out.extend(_noun_drafts(doc, quotes, claimed, resolver))
    return out


# Verbs through which a document speaks for its authors ("the report said", "the study states").
_DOCUMENT_SPEECH = frozenset({"say", "state", "add", "conclude", "note", "warn", "recommend"})


def _controller(verb: Token) -> Token | None:
    """The one made to speak: the object of a causative verb above an infinitive cue ("the flood prompted
    the city to urge …", "forced her to admit …"), else None."""
    up = verb.head
    if verb.dep_ != "xcomp" or up == verb or up.lemma_.lower() not in CAUSATIVE_VERBS:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return next((c for c in up.children if c.dep_ == "dobj" and c.i < verb.i and nominal(c)), None)


def _first_act_subject(verb: Token) -> Token | None:
    """The subject of the speaker's first act when the parser made that act a clause of the cue ("She
    tracked him down at the port and, without a word, told him the deal was off"): a cue without a subject
    of its own, with a clause before it that has one and a clause after it that is the statement."""
    if verb.tag_ not in ("VBD", "VBZ") or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if not any(c.i > verb.i for c in comps):
        return None
    before = next((c for c in comps if c.i < verb.i), None)
    if before is None:
        return None
    return next((c for c in before.children if c.dep_ in SUBJECT_DEPS and c.i < before.i), None)


def _addressed(verb: Token) -> bool:
    """True for a cue in the passive with no "by" phrase: "was asked to resign", "when told to leave", "was
    warned that …" report what someone unnamed said to the subject, not what the subject said."""
    kids = list(verb.children)
    if any(c.dep_ == "agent" for c in kids):
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in kids):
        return True
    bare = not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in kids)
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and bare


def _past_label(head: Token, verb: Token) -> Token:
    """The subject after a label's colon ("Briefing: Jane Doe urges …"), when the parser made the label a
    subject of the cue too; a colon between the subject and its cue ends the label, not the speaker."""
    colons = [t.i for t in verb.doc[head.i + 1 : verb.i] if t.text == ":"] if head.i < verb.i else []
    if not colons:
        return head
    later = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and colons[-1] < c.i < verb.i]
    return later[0] if later else head


def _document_speaks(head: Token, verb: Token) -> bool:
    """'The report said …', 'the audit concluded …': one document speaks for its authors through a verb of
    saying. 'The data suggests …' and 'reports say …' (sources, or hearsay) report no one's claim."""
    return (
        head.tag_ == "NN"
        and head.lemma_.lower() in DOCUMENT_NOUNS
        and verb.lemma_.lower() in _DOCUMENT_SPEECH
    )


# Labels a name right before a cue has when the parser cut it off from the cue: its own sentence, or the
# object or predicate of a word misread as a verb ("tenants advocate Jane Doe told …").
_CUT_OFF_DEPS = frozenset({"ROOT", "dobj", "attr", "appos", "npadvmod"})


def _name_before(verb: Token) -> Token | None:
    """The name right before a finite cue the parser left without a subject, on the same line: "Jane Doe
    said …" misread as a one-word sentence and a subjectless clause, or "… advocate Jane Doe told …"."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ") or verb.i == 0:
        return None
    before = doc[verb.i - 1]
    if before.pos_ != "PROPN" or before.dep_ not in _CUT_OFF_DEPS or before.is_space or before.is_punct:
        return None
    return before


def _can_be_it(head: Token, verb: Token, speaker: Speaker | None) -> bool:
    """'It said …' speaks for an organisation only when "it" was resolved to one: "it is said", "it
    remains to be said" and an unresolved "it" name no speaker."""
    if head.lower_ != "it":
        return True
    passive = any(c.dep_ == "auxpass" for c in verb.children) or head.dep_ == "nsubjpass"
    return not passive and speaker is not None and bool(speaker.actor_id) and speaker.basis == "pronoun"


# Most words between the comma and the cue of a trailing attribution ("…, the state news agency said").
MAX_TRAILING_SPEAKER_WORDS = 10


def _trailing_attribution(verb: Token) -> tuple[Span, Token] | None:
    """'Y, X said.' or 'Y, said X.' at a sentence's end, when the parser did not make Y the cue's clause.

    Returns the statement (the sentence up to the comma) and the speaker's head.
    """
    sent = verb.sent
    comma = next((t for t in reversed(list(sent)) if t.i < verb.i and t.text == ","), None)
    if comma is None or comma.i - sent.start < 3:
        return None

    def words(lo: int, hi: int) -> list[Token]:
        return [t for t in sent if lo < t.i < hi and not t.is_punct and not t.is_space and not is_time(t)]

    between, after = words(comma.i, verb.i), words(verb.i, sent.end)
    speaker = between if between else after  # "X said" or "said X"
    if not speaker or (between and after) or len(speaker) > MAX_TRAILING_SPEAKER_WORDS:
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in speaker):
        return None  # a clause, not a speaker
    # the parser often hangs a trailing speaker on a preposition of the clause: no in_pp test before the cue
    noms = [t for t in speaker if nominal(t) and (between or not in_pp(t))]
    if not noms:
        return None
    # "…, the state news agency said": the phrase's last noun; "…, said Jane Doe, the director": its first
    head = noms[-1] if between else phrase_head(noms[0])
    content = _trim_span(verb.doc, dateline_end(sent), comma.i - 1)
    if len(content) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in content):
        return None
    return content, head


# Most words of a speaker label before its colon ("Jane Doe on the budget:"), and fewest words after it.
MAX_LABEL_WORDS = 8
MIN_LABEL_STATEMENT_WORDS = 3
# Most words of the name itself: a longer title-case run is a headline the parser misread as a name.
MAX_LABEL_NAME_WORDS = 3


def _label_drafts(
    doc: Doc, quotes: list[Quote], claimed: list[Quote], resolver: SpeakerResolver
) -> list[Draft]:
    """A line opening with a speaker's name and a colon: "Jane Doe: Taxes Will Fall" (a headline), the
    turns of a transcript ("Jane Doe: We will …"), or "Jane Doe on taxes: …" as the headline.

    The name must be a person the parser recognised, in at most three words: labels such as "READ MORE:"
    or "WATCH:" name no one, and longer title-case runs are headlines misread as names. The statement
    runs to the end of the line.
    """
    text = text_of(doc)
    out = []
    for sent in doc.sents:
        line_start = text.rfind("\n", 0, sent.start_char) + 1
        if text[line_start : sent.start_char].strip():
            continue  # not the first sentence of its line
        colon = next((t for t in sent[: MAX_LABEL_WORDS + 1] if t.text == ":"), None)
        if colon is None or colon.i == sent.start:
            continue
        label = doc[sent.start : colon.i]
        name = [t for t in label if t.ent_type_ == "PERSON"]
        on = next((t for t in label if t.lower_ == "on"), None)
        run = label if on is None else doc[label.start : on.i]
        # "Jane Doe on the budget:" only as the headline, where a topic after the name is the custom
        if (
            not name
            or len(run) > MAX_LABEL_NAME_WORDS
            or (on is not None and line_start != 0)
            or not all(t in name for t in run)
        ):
            continue
        line_end = text.find("\n", colon.idx)
        line_end = len(text) if line_end < 0 else line_end
        span = doc.char_span(colon.idx + 1, line_end, alignment_mode="contract")
        if span is None:
            continue
        span = _trim_span(doc, span.start, span.end - 1)
        if _words_in(span) < MIN_LABEL_STATEMENT_WORDS or mostly_quoted(span, claimed):
            continue
        head = run[-1]
        speaker = resolve_head(head, resolver)
        if speaker is not None:
            out.append(_reported(span, quotes, ":", speaker, head, colon.idx))
    return out


def _according_drafts(
    doc: Doc, quotes: list[Quote], claimed: list[Quote], resolver: SpeakerResolver
) -> list[Draft]:
    """'According to X, Y' and 'Y, according to X': Y is X's claim."""
    out = []
    for sent in doc.sents:
        acc = (
            next((t for t in sent if t.lower_ == "according" and t.nbor(1).lower_ == "to"), None)
            if len(sent) > 2
            else None
        )
        if acc is None or acc.i + 1 >= len(doc):
            continue
        head = according_to([acc])
        if head is None:
            continue
        phrase = {t.i for t in acc.subtree} | {acc.i, acc.i + 1} | {t.i for t in head.subtree}
        rest = [t for t in sent if t.i not in phrase and not t.is_space]
        while rest and rest[0].is_punct:
            rest.pop(0)
        while rest and rest[-1].is_punct and rest[-1].text not in CLOSE_MARKS:
            rest.pop()
        if len(rest) < 3:
            continue
        pieces = [doc[rest[0].i : rest[-1].i + 1]]
        if phrase & set(range(pieces[0].start, pieces[0].end)):
            # the phrase sits in the middle ("Most tenants, according to the survey, want …"): the statement
            # is both sides, unless the one before it is only a circumstance ("On Friday, according to …")
            left = _trim_span(doc, rest[0].i, min(phrase) - 1)
            right = _trim_span(doc, max(phrase) + 1, rest[-1].i)
            # two sides that stand alone are more often a statement and the narrative going on ("…, according
            # to the tally, but his lead is shrinking"): the longer one is the statement
            statements = _statements([p for p in (left, right) if _words_in(p)])
            if len(statements) > 1:
                statements = [max(statements, key=lambda ps: len(ps[0]))]
        else:
            statements = [pieces]
        speaker = resolve_head(head, resolver)
        for pieces in statements:
            pieces = [p for p in pieces if not mostly_quoted(p, claimed)]
            if pieces:
                out.append(_joined(pieces, quotes, "according to", speaker, head, acc.idx))
    return out


def _joined(
    pieces: list[Span], quotes: list[Quote], cue: str, speaker: Speaker | None, head: Token, anchor: int
) -> Draft:
    """One draft for a statement in pieces around its attribution ("Too often, she says, the buses run late"):
    its content is the pieces joined, its bounds theirs (a statement in one piece is a plain draft)."""
    doc = pieces[0].doc
    draft = _reported(doc[pieces[0].start : pieces[-1].end], quotes, cue, speaker, head, anchor)
    if len(pieces) > 1 and draft.kind != "direct":
        draft.start = min(draft.start, pieces[0].start_char)
        last = (pieces[-1].start_char, max(draft.end, pieces[-1].end_char))
        draft.pieces = tuple((p.start_char, p.end_char) for p in pieces[:-1]) + (last,)
    return draft


def _reported(
    span: Span, quotes: list[Quote], cue: str, speaker: Speaker | None, head: Token, anchor: int
) -> Draft:
    """A draft for a reported clause: direct when the clause is a quotation, mixed when it holds one."""
    whole = next((q for q in quotes if q.open >= span.start_char - 1 and q.start < span.end_char), None)
    text = text_of(span.doc)
    outside = "" if whole is None else text[span.start_char : whole.open] + text[whole.close : span.end_char]
    if whole is not None and len(re.findall(r"\w+", outside)) <= 1 and whole.end >= span.end_char - 2:
        # the clause is the quotation itself ('“…,” according to X'): a direct quote
        return Draft(whole.start, whole.end, "direct", cue, speaker, head, anchor)
    inner = [q for q in quotes if span.start_char <= q.open < span.end_char]
    if not inner:
        return Draft(span.start_char, span.end_char, "indirect", cue, speaker, head, anchor)
    # quoted words that run on past the parsed clause ('that “A. B.”') belong to it up to the closing mark
    end = max(span.end_char, max(q.close for q in inner))
    return Draft(span.start_char, end, "mixed", cue, speaker, head, anchor)


# Dashes and brackets that close an insertion after a noun: "clubs – four of them – that …".
_CLAUSE_BREAKS = frozenset({"–", "—", "-", ")"})


def _not_a_statement(span: Span, verb: Token) -> bool:
    """A source, or an indirect question ('did not say why …') after a cue that reports no questions.

    A verb of asking or explaining reports its question as what was said ('asked whether …').
    """
    first = next((t for t in span if not t.is_punct), None)
    if first is None:
        return False
    if first.lower_ == "according":
        return True  # "X said, according to the complaint": the source, not a statement
    doc = span.doc
    after = doc[first.i + 1] if first.i + 1 < len(doc) else None
    before = doc[first.i - 1] if first.i > 0 else None
    if first.lower_ == "that" and first.dep_ != "mark" and after is not None and before is not None:
        # "… to fine clubs – four of them – that skip the drills": a relative clause of a noun before
        # it, not a statement ("denied that that is his plan", ", that's the rule" are statements)
        noun_before = before.pos_ in ("NOUN", "PROPN") or before.text in _CLAUSE_BREAKS
        if after.pos_ in ("VERB", "AUX") and noun_before:
            return True
    # "that" opens a reported clause (the parser often tags it as a pronoun), and "whatever he meant, …"
    # a concession, never a question
    wh = first.tag_ in ("WDT", "WP", "WP$", "WRB") and first.lower_ != "that"
    wh = wh and not first.lower_.endswith("ever")
    question = wh or first.lower_ in ("whether", "if")
    if question and verb.lemma_.lower() in QUESTION_VERBS:
        # "Asked whether she would run, Okafor said …": a past participle without a subject of its own (the
        # parser often tags it as a past tense heading an adverbial clause) is a question put to the speaker
        put = verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.dep_ == "advcl")
        return put and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    # only a wh-word of the clause itself: "when you work all night, you sleep all day" opens a subclause
    if not question or first == span.root or first.head == span.root:
        return question
    # "how long he stayed", "which members will retire": the wh-word through a word of the clause itself;
    # through a verb it opens a subclause instead ("when you work all night, you sleep all day")
    return first.head.head == span.root and first.head.pos_ not in ("VERB", "AUX")


def mostly_quoted(span: Span, quotes: list[Quote]) -> bool:
    """True when a clause is (mostly) a standalone direct quote, which is claimed as such."""
    n = max(1, span.end_char - span.start_char)
    inside = sum(max(0, min(q.end, span.end_char) - max(q.start, span.start_char)) for q in quotes)
    return inside / n > 0.6


def _owner_of(noun: Token) -> Token | None:
    """Who makes a statement named by a noun without a possessive: 'a claim from the mayor that …', 'a
    charge by the union that …', and the subject of the verb it comes with ('she opened the debate with an
    assertion that …', 'she went to the press with a charge that …')."""
    source = next(
        (
            g
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in ("from", "by") and c.i > noun.i
            for g in c.children
            if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN", "PRON")
        ),
        None,
    )
    if source is not None:
        return source
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(noun.head.head)
    return None


def _noun_drafts(
    doc: Doc, quotes: list[Quote], claimed: list[Quote], resolver: SpeakerResolver
) -> list[Draft]:
    """Nominal cues with an owner and a that-clause: "X's claim that Y", "his argument that Y", and
    "X made the point that Y", "X expressed concern that Y", "X delivered a promise to Y"."""
    out = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in STATEMENT_NOUNS:
            continue
        light = noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS
        clause = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("acl", "ccomp", "relcl")
                and c.i > noun.i
                and (
                    any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
                    # "a promise to resign": an infinitive states the position only after a light verb
                    or (
                        light
                        and c.dep_ == "acl"
                        and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)
                    )
                )
            ),
            None,
        )
        owner = next((c for c in noun.children if c.dep_ == "poss"), None) or _owner_of(noun)
        if owner is None and light:
            owner = subject_of(noun.head)
        if (
            clause is None
            or owner is None
            or is_author(owner)
            or is_info_source(owner)
            or in_quotes(noun, quotes)
        ):
            continue
        span = _trim_span(doc, clause.left_edge.i, clause.right_edge.i)
        while len(span) > 1 and _is_that(span[0]):
            span = doc[span.start + 1 : span.end]
        if len(span) < 2 or mostly_quoted(span, claimed):
            continue
        cue = doc[noun.head.i : noun.i + 1].text if light else noun.text  # "made the point"
        out.append(_reported(span, quotes, cue, resolve_head(owner, resolver), owner, noun.idx))
    return out

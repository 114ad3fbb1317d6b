"""Timeline: dated events built from time expressions, their clauses and their actors.

Each dated expression gives one event: the clause that governs it, trimmed to be readable. An
event noun ("the hearing") that a clause dates once keeps that date when it is mentioned again
without one ("on the second day of the hearing"): those rows have basis "context".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsdossier.records import Event, Mention, Sentence, Timex
from newsdossier.text.nlp import sentence_index, text_of
from newsdossier.text.parse import governing_verb
from newsdossier.timevalue import TimeValue

MAX_EVENT_TOKENS = 45
# Nouns that name an event which happens on a date. Words in one group may name the same event
# ("the summit" ... "the meeting"); the rest only corefer with themselves.
EVENT_GROUPS: list[set[str]] = [
    set("summit meeting talks conference session gathering forum negotiation negotiations".split()),
    {"election", "vote", "poll", "polls", "referendum", "ballot", "primary", "runoff"},
    {"attack", "bombing", "blast", "explosion", "strike", "raid", "assault", "shooting"},
    {"rally", "protest", "demonstration", "march"},
    {"visit", "trip", "tour"},
    {"ceremony", "funeral", "inauguration", "wedding", "parade", "celebration", "commemoration"},
    {"hearing", "trial", "sentencing", "arraignment"},
    {"debate"},
    {"speech", "address"},
    {"briefing"},
    {"launch"},
    {"crash"},
    {"earthquake", "quake"},
    {"storm", "hurricane", "typhoon", "cyclone", "flood"},
    {"match", "game", "final", "race", "tournament"},
    {"festival", "concert"},
    {"signing"},
    {"coup"},
    {"invasion", "offensive"},
    {"announcement"},
]
_GROUP_OF = {word: i for i, group in enumerate(EVENT_GROUPS) for word in group}
# Parts of an event that fall on its date ("at the close of the talks").
_EVENT_PARTS = set("start beginning end opening close sidelines margins eve outset conclusion day".split())
# A date given for these prepositions' objects is not the date of the event noun itself.
# "after" and its synonym "following" are in: they say the event came first, not that it fell on
# the same day. "Officials spoke on May 4 after the talks" is often a same-day sequence, but not
# always: "rioting broke out on Friday after the vote", "police made arrests on Monday after the
# attack", "she flew home on June 9 after the forum in Oslo" leave the earlier event's day open.
# TimeML likewise links such pairs as AFTER, not as sharing a date, so the event is left
# undated rather than given a day that is only a guess.
_NOT_SAME_TIME = {"since", "before", "until", "till", "ahead", "prior", "after", "following"}
# One exception, narrow on purpose: words said "on <day> after/following the <gathering>"
# ("the minister's remarks on May 4 after the talks", "told reporters on Friday after the meeting").
# Participants speak to the press when a meeting ends, so the gathering is read as
# falling on that day (the first group of EVENT_GROUPS). Reactions to votes, attacks or storms get
# no such reading.
_SPEECH_HEADS = set(
    """comment comments remark remarks statement statements speech address said say says
told tell spoke speak speaking speaks announce announced declare declared insist insisted""".split()
)
# Verbs that place someone at an event.
_AT_EVENT_VERBS = set("attend host hold open close chair join address convene end begin".split())
# Verbs whose subject event is happening at the time of the clause.
_EVENT_VERBS = set("end open begin close conclude start finish adjourn resume continue".split())
_DEFINITE = {"the", "this", "that", "these", "those"}


@dataclass(frozen=True)
class EventMention:
    """A definite mention of an event noun that takes the date its event was given elsewhere."""

    start: int
    end: int
    text: str
    value: str
    precision: str
    sentence_id: int
    token_i: int


def build_timeline(
    doc: Doc,
    *,
    sents: list[Sentence],
    timexes: list[Timex],
    mentions: list[Mention],
    include_refs: bool = False,
) -> list[Event]:
    """Dated events in text order: one per time expression plus one per event dated by context.

    Vague references ("recently", "now": PAST_REF, PRESENT_REF ...) name no point on the timeline,
    so they are left out unless include_refs=True (then with an empty date and the reference in
    `ref`); every one of them is kept in timexes.csv, the table of all time expressions.
    """
    rows: list[tuple[int, Event]] = []
    for t in timexes:
        is_ref = TimeValue.parse(t.value).is_ref
        if is_ref and not include_refs:
            continue
        sid = sentence_index(sents, t.start)
        clause = _clause(doc, t.start, t.end)
        rows.append(
            (
                t.start,
                Event(
                    "",
                    "" if is_ref else t.value,
                    t.text,
                    t.precision,
                    _event_text(clause, t),
                    _actors(mentions, clause, sid),
                    t.basis,
                    t.start,
                    t.end,
                    sid,
                    ref=t.value if is_ref else "",
                    mod=t.mod,
                ),
            )
        )
    for m in event_mentions(doc, sents=sents, timexes=timexes):
        clause = _clause(doc, m.start, m.end)
        rows.append(
            (
                m.start,
                Event(
                    "",
                    m.value,
                    m.text,
                    m.precision,
                    _event_text(clause, None),
                    _actors(mentions, clause, m.sentence_id),
                    "context",
                    m.start,
                    m.end,
                    m.sentence_id,
                ),
            )
        )
    rows.sort(key=lambda r: r[0])
    return [_renumber(e, n) for n, (_, e) in enumerate(rows, start=1)]


def _renumber(event: Event, n: int) -> Event:
    """The event with its id in text order."""
    return dataclasses.replace(event, event_id=f"E{n:03d}")


def core_window(
    events: list[Event], *, published: dt.date | None = None, days: int = 14
) -> tuple[str, str] | None:
    """The span (first, last date) of the article's day-precise main events, or None when there are none.

    Main events are those within `days` of the publication date, or without one, within `days`
    of the densest stretch of days; background dates years away do not stretch the window.
    """
    values = [TimeValue.parse(e.date) for e in events if e.precision in ("day", "time")]
    dated = [v for v in values if v.day_precise]
    if not dated:
        return None
    known = [v.day for v in dated if v.day is not None]
    if not known:  # no year known: the window is written as it was found
        return min(v.value[:10] for v in dated), max(v.value[:10] for v in dated)
    if published is not None:
        main = [d for d in known if -days <= (d - published).days <= days]
    else:
        # the densest stretch of days, the later one on a tie: news reports what just happened
        centre = max(known, key=lambda d: (sum(abs((o - d).days) <= days for o in known), d))
        main = [d for d in known if abs((d - centre).days) <= days]
    if not main:
        return None
    return min(main).isoformat(), max(main).isoformat()


def _is_day(value: str) -> bool:
    """True for a day-precise value (YYYY-MM-DD or XXXX-MM-DD; a time of day may follow)."""
    return TimeValue.parse(value).day_precise


# --- Event coreference ----------------------------------------------------------------------


def event_mentions(doc: Doc, *, sents: list[Sentence], timexes: list[Timex]) -> list[EventMention]:
    """Definite mentions of event nouns dated elsewhere, in sentences that give no date themselves."""
    dated = _dated_events(doc, timexes)
    if not dated:
        return []
    sent_values: dict[int, set[str]] = {}
    for t in timexes:
        if not TimeValue.parse(t.value).is_ref:
            sent_values.setdefault(sentence_index(sents, t.start), set()).add(t.value[:10])
    anchors = {i for _, (_, _, i) in dated.items()}
    out = []
    for token in doc:
        key = _event_key(token)
        # an anaphor points back: the event must have been dated before this mention
        if key is None or token.i in anchors or key not in dated or token.i < dated[key][2]:
            continue
        value, precision, _ = dated[key]
        sid = sentence_index(sents, token.idx)
        if sid in sent_values or not _definite(token) or not _at_event(token) or _another_occurrence(token):
            continue
        # "Last week, ministers met ... The meeting ended": the story has moved to another time
        if sent_values.get(sid - 1, {value}) != {value}:
            continue
        phrase = _event_phrase(token)
        out.append(
            EventMention(phrase.start_char, phrase.end_char, phrase.text, value, precision, sid, token.i)
        )
    return out


def _event_key(token: Token) -> int | None:
    """The coreference group of an event noun, or None for other tokens."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
        return None
    lemma = token.lemma_.lower()
    if lemma not in _GROUP_OF:
        lemma = token.lower_  # plural-only event nouns: "talks" has the lemma "talk"
    if lemma not in _GROUP_OF:
        return None
    # "press conference" and "peace talks" are not the same event kind as a bare "conference"
    modifiers = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    if modifiers:
        return None
    return _GROUP_OF[lemma]


def _dated_events(doc: Doc, timexes: list[Timex]) -> dict[int, tuple[str, str, int]]:
    """Event groups given one unambiguous date in the text: group -> (value, precision, token index)."""
    found: dict[int, set[tuple[str, str]]] = {}
    first: dict[int, int] = {}
    for t in timexes:
        if not _is_day(t.value):
            continue  # only a day-precise date is carried over: "the summit" of "in 2019" is too vague
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        for noun in _nouns_dated_by(span):
            key = _event_key(noun)
            if key is None:
                continue
            found.setdefault(key, set()).add((t.value[:10], "day"))
            first.setdefault(key, noun.i)
    return {k: (*next(iter(v)), first[k]) for k, v in found.items() if len(v) == 1}


def _nouns_dated_by(span: Span) -> list[Token]:
    """Event nouns that a time expression dates: the noun it attaches to, or nouns of its clause."""
    head = span.root.head
    if head.dep_ == "prep" and head.lower_ not in _NOT_SAME_TIME:
        head = head.head
    if _event_key(head) is not None:
        return [head]
    verb = governing_verb(span.root)
    if verb is None:
        return []
    nouns = []
    for token in verb.subtree:
        if _event_key(token) is None or token.i in range(span.start, span.end):
            continue
        if token.sent != span.sent or _under_other_clause(token, verb) or _under_not_same_time(token, verb):
            continue
        nouns.append(token)
    return nouns


def _under_other_clause(token: Token, verb: Token) -> bool:
    """True when a verb other than `verb` stands between the token and `verb`."""
    t = token.head
    while t.i != verb.i and t.head.i != t.i:
        if t.pos_ in ("VERB", "AUX"):
            return True
        t = t.head
    return False


def _under_not_same_time(token: Token, verb: Token) -> bool:
    """True when the token sits in a "before/after/ahead of ..." phrase of the verb."""
    t = token
    while t.i != verb.i and t.head.i != t.i:
        # "after the talks" is a prep; "ahead of" and "prior to" hang their prep off an adverb
        if t.dep_ in ("prep", "advmod") and t.lower_ in _NOT_SAME_TIME:
            return not _spoken_after_gathering(token, t)
        t = t.head
    return False


def _spoken_after_gathering(event: Token, prep: Token) -> bool:
    """True for "remarks on May 4 after the talks": speech that follows a gathering on its day."""
    return (
        prep.lower_ in ("after", "following")
        and _event_key(event) == _GROUP_OF["summit"]
        and prep.head.lower_ in _SPEECH_HEADS
    )


def _definite(token: Token) -> bool:
    """True for "the summit", "this meeting", "her visit"; false for "a summit"."""
    return any(
        c.dep_ in ("det", "poss") and (c.lower_ in _DEFINITE or c.dep_ == "poss") for c in token.children
    )


# Modifiers that point to another event of the kind than the one dated ("the last election", "the
# next debate", "the earlier session").
_OTHER_OCCURRENCE = set("last next previous prior earlier later upcoming coming past former future".split())


def _another_occurrence(token: Token) -> bool:
    """True when the mention names another event of its kind, or several: "the last election", "the
    next two debates", "the 2012 vote", "the primaries" (plural-only nouns such as "talks" excepted)."""
    if token.tag_ in ("NNS", "NNPS") and token.lower_ not in _GROUP_OF:
        return True
    for child in token.children:
        if child.i > token.i:
            continue
        if child.lower_ in _OTHER_OCCURRENCE or child.like_num or child.dep_ == "nummod":
            return True
        if child.dep_ in ("compound", "nmod", "amod") and any(
            t.is_digit or "/" in t.text for t in child.subtree
        ):
            return True  # "the 9/11 attacks", "the 2012 election": dated by a name of their own
    return False


def _at_event(token: Token) -> bool:
    """True when the mention places what the clause reports at the event itself (not before/after it)."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _EVENT_PARTS:
        token, head = head.head, head.head.head
    if token.dep_ == "pobj":
        return head.lower_ in ("at", "during", "on", "in", "throughout", "amid")
    if token.dep_ == "dobj":
        return head.lemma_.lower() in _AT_EVENT_VERBS
    if token.dep_ in ("nsubj", "nsubjpass"):  # "the summit ended without a deal"
        return head.lemma_.lower() in _EVENT_VERBS
    return False


def _event_phrase(token: Token) -> Span:
    """The noun phrase of an event mention, with the part of it that is meant ("the end of the trial")."""
    top = token
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in _EVENT_PARTS:
        top = token.head.head
    doc = token.doc
    left = min(t.i for t in top.subtree)
    right = token.i
    for t in token.rights:  # keep "in the capital" after "the meeting", not a relative clause
        if t.dep_ == "prep" and t.lower_ == "in" and len(list(t.subtree)) <= 4:
            right = max(right, max(x.i for x in t.subtree))
    return doc[left : right + 1]


# --- Clauses and actors ---------------------------------------------------------------------


def _clause(doc: Doc, start: int, end: int) -> Span:
    """The clause that says what happened at a date: its verb's subtree minus coordinated clauses."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:  # offsets outside the text: the last token stands in, never the whole article
        span = doc[len(doc) - 1 :]
    sent = span.sent
    verb = governing_verb(span.root)
    if verb is None:
        return sent
    dropped: set[int] = set()
    for child in verb.children:
        if (
            child.dep_ == "conj"
            and child.pos_ in ("VERB", "AUX")
            and _has_subject(child)
            and child.i > span.end
        ):
            dropped.update(t.i for t in child.subtree)
            dropped.update(c.i for c in verb.children if c.dep_ == "cc" and c.i < child.i)
        if child.dep_ in ("advcl",) and child.i > span.end and len(list(child.subtree)) > 12:
            dropped.update(t.i for t in child.subtree)
    kept = [t.i for t in verb.subtree if t.i not in dropped]
    lo, hi = min(kept), max(kept)
    # a relative clause is read with the noun it describes: "the envoy, who chaired the hearing"
    if verb.dep_ == "relcl":
        lo = min(lo, min(t.i for t in verb.head.subtree))
    # a coordinated verb without a subject borrows the subject of the verb it is joined to
    if verb.dep_ == "conj" and not _has_subject(verb):
        subj = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            lo = min(lo, min(t.i for t in subj[0].subtree))
    return doc[lo : hi + 1]


def _has_subject(verb: Token) -> bool:
    """True when the verb has a subject of its own."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _event_text(clause: Span, timex: Timex | None) -> str:
    """The clause as a readable line: no leading connective or date phrase, no trailing punctuation."""
    tokens = list(clause)
    while tokens and (
        tokens[0].is_punct
        or tokens[0].dep_ in ("cc", "mark")
        or (tokens[0].dep_ == "advmod" and len(tokens) > 1 and tokens[1].text == ",")
    ):
        tokens = tokens[1:]
    if timex is not None and tokens:
        tokens = _drop_leading_date(tokens, timex)
    while tokens and (tokens[-1].is_space or (tokens[-1].is_punct and tokens[-1].text not in ")”\"'")):
        tokens = tokens[:-1]
    if not tokens:
        return clause.text.strip()
    doc = clause.doc
    if len(tokens) > MAX_EVENT_TOKENS:
        return (
            text_of(doc)[tokens[0].idx : tokens[MAX_EVENT_TOKENS - 1].idx + len(tokens[MAX_EVENT_TOKENS - 1])]
            + " …"
        )
    return text_of(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]


def _drop_leading_date(tokens: list[Token], timex: Timex) -> list[Token]:
    """'On February 3, officials met' -> 'officials met': the date has its own column."""
    i = 0
    if tokens[0].dep_ == "prep" or tokens[0].pos_ == "ADP":
        i = 1
    if i < len(tokens) and tokens[i].idx == timex.start:
        j = i
        while j < len(tokens) and tokens[j].idx < timex.end:
            j += 1
        while j < len(tokens) and tokens[j].is_punct:
            j += 1
        if j < len(tokens):
            return tokens[j:]
    return tokens


def _actors(mentions: list[Mention], clause: Span, sentence_id: int) -> str:
    """Actor ids named in the clause, else in its sentence."""
    mentions = [m for m in mentions if m.actor_id]  # a thing's name (how out_of_scope) is no actor
    inside = {m.actor_id for m in mentions if clause.start_char <= m.start < clause.end_char}
    if not inside:
        inside = {m.actor_id for m in mentions if m.sentence_id == sentence_id}
    return ";".join(sorted(inside))

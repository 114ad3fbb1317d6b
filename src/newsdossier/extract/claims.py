"""Claims: who said what — direct quotes found from quotation marks, reported speech from the parse.

The steps, in text order:
1. `find_quotes` pairs quotation marks per paragraph (curly, straight, ``LDC'' and nested marks;
   a quote left open at a paragraph's end runs on when the next paragraph opens with a mark).
2. Each quote that stands on its own (not a scare quote inside a clause) becomes a direct claim;
   its speaker comes from the attribution next to it, else from the previous claim nearby. A quote
   left open that ends in its own attribution ('“A. - said X.') is cut before the dash.
3. Each speech verb with a that-clause, an infinitive or an object gives an indirect claim (mixed
   when it holds quoted words), and so does a stance verb with its against/for phrase
   ("campaigned against the toll"); "according to X" gives one too.
4. Speakers are resolved to actors: names through the mentions, pronouns through coref.py's
   pronoun mentions, descriptions ("the spokesman") through coref.resolve_description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsdossier.extract.coref import SPEECH_VERBS, missed_name_mentions, resolve_description
from newsdossier.extract.lexicon import AGENT_SUFFIXES, GROUP_HEADS, ORG_HEADS, TITLE_HEADS
from newsdossier.records import Actor, Claim, Mention, Sentence
from newsdossier.text.nlp import sentence_index, text_of

_OPEN = frozenset({"“", "``", "«", "„"})
_CLOSE = frozenset({"”", "''", "»"})
_MARKS = re.compile(r"``|''|[“”\"«»„]")
_SENT_END = re.compile(r"[.!?]")
# A full stop that ends a sentence: followed by a space and a capital, a quotation mark or the end.
# Abbreviations ("U.S.", "Dr.", "Jan.") are not stops: no capital or short capitalised word before the dot.
_STOP = re.compile(
    r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z][a-z])(?<!\.[A-Za-z])[.!?]+"
    r"(?=\s+[“\"'‘(A-Z0-9]|\s*$)"
)
_DASHES = "-–—"
# Verbs whose infinitive complement is the stated position: "vowed to resign".
INFINITIVE_VERBS = frozenset("promise vow pledge threaten urge ask call tell remind warn advise".split())
# Verbs whose direct object is the position: "denied the report", "ruled out raising taxes".
OBJECT_VERBS = frozenset("deny rule reject dismiss".split())
# Verbs that state a position only with their particle: "rule out" (not "rule").
_NEEDS_PARTICLE = {"rule"}
# Verbs whose stance is a prepositional phrase: "campaigned against the toll", "came out for the bill".
# Each maps to the particle it needs (None: no particle) and the prepositions that carry the stance.
STANCE_VERBS: dict[str, tuple[str | None, frozenset[str]]] = {
    "speak": ("out", frozenset({"against", "for", "about"})),
    "come": ("out", frozenset({"against", "for"})),
    "argue": (None, frozenset({"against", "for"})),
    "campaign": (None, frozenset({"against", "for"})),
    "protest": (None, frozenset({"against"})),
}
_TIME_ENTS = frozenset({"DATE", "TIME"})
_SPEAKER_NOUN_DEPS = {"nsubj", "nsubjpass"}
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
# Nouns for texts through which their author speaks: "the company's statement said".
DOCUMENT_NOUNS = frozenset(
    """statement release report letter post tweet email e-mail memo document website
message note filing notice submission paper""".split()
)
# Sources of facts rather than speakers: "the data suggests", "reports say" report no one's claim.
INFO_NOUNS = frozenset(
    """data record figure number statistic review survey poll estimate analysis study
research finding document report""".split()
)
# A line opening with a capitalised label ("READ MORE: …", "WATCH: …") is a link or caption, not speech.
_LABEL = re.compile(r"^[A-Z][A-Z ]{2,}:")
# Parts of speech of a word that leads into a quotation inside a clause ("were “…”", "that “…”").
_LEAD_IN_POS = frozenset({"SCONJ", "AUX", "ADP", "DET", "PART"})
# Minimum words for a quote with no attribution to count as a statement rather than a scare quote.
MIN_FLOATING_WORDS = 4
# How many paragraphs back a floating quote may look for the speaker of the previous claim.
FLOAT_PARAGRAPHS = 2
# A dash after a stop or comma: where an attribution may begin inside a quote left open ('“A. - said X.').
_DASH_AFTER_STOP = re.compile(r"[.!?,]\s+[-–—]+")
# Most words the attribution after such a dash may have ('- said the city's fire chief.').
MAX_DASH_ATTRIBUTION_WORDS = 8


@dataclass
class Quote:
    """A span of text between quotation marks; offsets of the content, without the marks."""

    open: int  # offset of the opening mark
    start: int
    end: int
    close: int  # offset just after the closing mark (== end when the quote is left open)
    depth: int
    paragraph: int


@dataclass(frozen=True)
class Speaker:
    """Who made a claim: canonical name, actor id (may be empty) and the words as written."""

    name: str
    actor_id: str
    text: str


# --- 1. Quotation marks ---


def _mark_role(text: str, i: int, mark: str, open_straight: bool) -> str:
    """'open' or 'close' for a quotation mark at text[i]; straight marks are decided by context."""
    if mark in _OPEN:
        return "open"
    if mark in _CLOSE:
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-/":
        return "open" if not after.isspace() else ("close" if open_straight else "open")
    if after.isspace() or after in ".,;:!?)]}—–-" or not after:
        return "close"
    return "close" if open_straight else "open"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Content offsets without surrounding spaces and a trailing comma or colon."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",:;"):
        end -= 1
    return start, end


def _paragraph_spans(sents: list[Sentence]) -> list[tuple[int, int, int]]:
    """(paragraph_id, start, end) of each paragraph, from its sentences."""
    spans: dict[int, list[int]] = {}
    for s in sents:
        a = spans.setdefault(s.paragraph_id, [s.start, s.end])
        a[0], a[1] = min(a[0], s.start), max(a[1], s.end)
    return [(p, a, b) for p, (a, b) in sorted(spans.items())]


def find_quotes(text: str, sents: list[Sentence]) -> list[Quote]:
    """Every quotation, paired per paragraph; open quotes run on into a paragraph opening with a mark."""
    quotes: list[Quote] = []
    paras = _paragraph_spans(sents)
    for pid, pstart, pend in paras:
        stack: list[int] = []
        found: list[Quote] = []
        for m in _MARKS.finditer(text, pstart, pend):
            straight_open = bool(stack) and text[stack[-1]] == '"'
            role = _mark_role(text, m.start(), m.group(0), straight_open)
            if role == "open":
                stack.append(m.start())
            elif stack:
                o = stack.pop()
                olen = 2 if text.startswith("``", o) else 1
                a, b = _trim(text, o + olen, m.start())
                found.append(Quote(o, a, b, m.end(), len(stack), pid))
        # marks left open: the quote runs to the next opening mark after a full stop, or the paragraph end
        for o in stack:
            olen = 2 if text.startswith("``", o) else 1
            inner = sorted((q for q in found if q.open > o), key=lambda q: q.open)
            stop = pend
            for q in inner:
                if _SENT_END.search(text[max(o, q.open - 40) : q.open].rstrip()[-30:] or " "):
                    before = text[o : q.open].rstrip()
                    if before and before[-1] in ".!?":
                        stop = q.open
                        break
            a, b = _trim(text, o + olen, stop)
            depth = sum(1 for x in stack if x < o)
            found.append(Quote(o, a, b, b, depth, pid))
            # quotes inside what turned out to be an unclosed sibling are top level after all
            for q in found:
                if q.open >= stop and q.depth > depth:
                    q.depth = depth
        quotes.extend(found)
    quotes.sort(key=lambda q: q.open)
    return _join_paragraph_runs(text, quotes, paras)


def _join_paragraph_runs(text: str, quotes: list[Quote], paras: list[tuple[int, int, int]]) -> list[Quote]:
    """Join a quote left open at a paragraph's end with the quote opening the next paragraph."""
    para_start = {pid: a for pid, a, _ in paras}
    para_end = {pid: b for pid, _, b in paras}
    out: list[Quote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if (
            prev is not None
            and q.depth == 0
            and prev.depth == 0
            and prev.close == prev.end
            and prev.paragraph + 1 == q.paragraph
            and prev.end >= para_end[prev.paragraph] - 1
            and q.open == para_start[q.paragraph]
        ):
            out[-1] = Quote(prev.open, prev.start, q.end, q.close, 0, q.paragraph)
            continue
        out.append(q)
    return out


# --- 2. Tokens, fragments and speakers ---


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens lying within [start, end)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def _outside(tokens: list[Token], quotes: list[Quote]) -> list[Token]:
    """Tokens not inside any quotation (the attribution around a quote)."""
    return [t for t in tokens if not any(q.open <= t.idx < max(q.close, q.end + 1) for q in quotes)]


def _is_speech_verb(tok: Token) -> bool:
    """True for a verb of speech or stated position (said, warned, denied, …)."""
    return tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX")


def _fragment_bounds(text: str, q: Quote, quotes: list[Quote], pstart: int, pend: int) -> tuple[int, int]:
    """Start of the text before a quote and end of the text after it, within its sentence."""
    left = pstart
    for m in _STOP.finditer(text, pstart, q.open):
        if not any(x.open <= m.start() < x.close for x in quotes) and text[m.end() : m.end() + 1].isspace():
            left = m.end()
    for x in quotes:
        if x.depth == 0 and x.close <= q.open and text[x.start : x.end].rstrip()[-1:] in (".", "!", "?"):
            left = max(left, x.close)
    right = pend
    for m in _STOP.finditer(text, q.close, pend):
        if not any(x.open <= m.start() < x.close for x in quotes):
            right = m.end()
            break
    nxt = [x.open for x in quotes if x.depth == 0 and x.open >= q.close]
    if nxt:
        right = min(right, nxt[0])
    return left, right


def _nominal(tok: Token) -> bool:
    """A token that can name a speaker (the tagger sometimes misses capitalised names)."""
    if tok.lower_ in ("it", "there"):
        return False
    return (
        tok.pos_ in ("PROPN", "PRON", "NOUN")
        or tok.ent_type_ in ("PERSON", "ORG", "NORP")
        or (tok.is_title and tok.i > tok.sent.start and tok.pos_ in ("AUX", "ADJ", "X"))
    )


def _subject_of(verb: Token, allowed: set[int] | None = None) -> Token | None:
    """The subject of a speech verb, climbing conjunctions and participles ('…, saying that')."""
    v = verb
    for _ in range(4):
        subj = [c for c in v.children if c.dep_ in _SPEAKER_NOUN_DEPS and (allowed is None or c.i in allowed)]
        if subj and subj[0].tag_ in ("WP", "WDT") and v.dep_ == "relcl":
            return v.head  # "Jane Doe, who said …": the speaker is the noun the clause describes
        if subj:
            return subj[0]
        agent = [gc for c in v.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"]
        if agent:
            return agent[0]
        if v.dep_ in ("conj", "advcl", "xcomp") and v.head != v:
            v = v.head
            continue
        if v.dep_ == "relcl":
            return v.head
        break
    return None


def _speaker_in_fragment(tokens: list[Token], after: bool) -> tuple[Token | None, Token | None]:
    """(speaker head, cue verb) of an attribution fragment such as 'he said' or 'said Jane Doe'."""
    ids = {t.i for t in tokens}
    verbs = [t for t in tokens if _is_speech_verb(t)]
    for verb in verbs:
        subj = _subject_of(verb, ids)
        if subj is None:
            # the parser often misreads inverted attributions ('said Jane Doe'): take the nearest nominal
            rest = [t for t in tokens if t.i > verb.i] if after else []
            lead = [t for t in tokens if t.i < verb.i]
            pick = next((t for t in reversed(lead) if _nominal(t) and not _in_pp(t)), None)
            if pick is None:
                pick = next(
                    (t for t in rest if _nominal(t) and not _in_pp(t) and t.dep_ not in ("dobj", "dative")),
                    None,
                )
            if pick is not None:
                subj = _phrase_head(pick)
        if subj is not None:
            return subj, verb
    acc = _according_to(tokens)
    if acc is not None:
        return acc, None
    if after:
        # "“…” —Jane Doe": a dash and a name, with no verb
        words = [t for t in tokens if not t.is_punct and not t.is_space]
        if tokens and tokens[0].text in _DASHES + "--" and words and words[0].pos_ in ("PROPN", "NOUN"):
            return _phrase_head(words[0]), None
    else:
        # "Jane Doe: “…”"
        words = [t for t in tokens if not t.is_space]
        if words and words[-1].text == ":" and len(words) <= 8:
            noms = [t for t in words if _nominal(t)]
            if noms:
                return _phrase_head(noms[0]), None
    return None, None


def _close_before_attribution(doc: Doc, q: Quote) -> Quote:
    """A quote left open that ends in its own attribution ('“A. - said X.') is cut before the dash.

    The words after the dash must pass the same test as the words after a closed quote
    (`_speaker_in_fragment`): a speech verb with a speaker, or a bare name ('“A. — Jane Doe').
    """
    if q.close != q.end:
        return q
    text = text_of(doc)
    dashes = list(_DASH_AFTER_STOP.finditer(text, q.start, q.end))
    if not dashes:
        return q
    m = dashes[-1]  # the last dash: an attribution ends the quote
    tail = [t for t in _tokens(doc, m.start() + 1, q.end) if not t.is_space]
    words = [t for t in tail if not t.is_punct]
    if not words or len(words) > MAX_DASH_ATTRIBUTION_WORDS:
        return q
    head, verb = _speaker_in_fragment(tail, after=True)
    if head is None or (verb is None and not all(t.pos_ == "PROPN" for t in words)):
        return q
    _, end = _trim(text, q.start, m.start() + 1)
    return Quote(q.open, q.start, end, end, q.depth, q.paragraph)


def _in_pp(tok: Token) -> bool:
    """True when a token sits inside a prepositional phrase ('said of the former captain')."""
    for _ in range(6):
        if tok.dep_ in ("pobj", "prep", "agent", "pcomp"):
            return True
        if tok.head.i == tok.i or tok.pos_ in ("VERB", "AUX"):
            return False
        tok = tok.head
    return False


def _phrase_head(tok: Token) -> Token:
    """The head of the noun phrase a token belongs to ('Jane' in 'Jane Doe' -> 'Doe')."""
    while tok.dep_ in ("compound", "flat", "amod", "det", "poss") and tok.head != tok and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _according_to(tokens: list[Token]) -> Token | None:
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
                    if _nominal(c):
                        return _phrase_head(c)
    return None


def speaker_phrase(head: Token) -> Span:
    """The words naming a speaker: the head and its modifiers, without clauses and most PPs."""
    doc = head.doc
    keep = {head.i}
    for child in head.children:
        if child.dep_ in _KEEP_IN_PHRASE or (child.dep_ == "prep" and child.lower_ in ("of", "for", "at")):
            keep.update(t.i for t in child.subtree)
    lo, hi = min(keep), max(keep)
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "cc"):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].dep_ == "cc"):
        hi -= 1
    return doc[lo : hi + 1]


def _name_run(head: Token) -> list[Token]:
    """The adjacent proper nouns and nouns around a head token ('Senate Majority Leader Jane Doe')."""
    doc = head.doc
    lo = hi = head.i
    while lo > 0 and doc[lo - 1].pos_ in ("PROPN", "NOUN") and not doc[lo - 1].is_punct:
        lo -= 1
    while hi + 1 < len(doc) and doc[hi + 1].pos_ == "PROPN":
        hi += 1
    return list(doc[lo : hi + 1])


class SpeakerResolver:
    """Maps a speaker's head token to an actor, a description, or the phrase itself."""

    def __init__(self, doc: Doc, actors: list[Actor], mentions: list[Mention]) -> None:
        """Index the actors and mentions of one parsed article."""
        self.doc = doc
        self.actors = actors
        self.by_id = {a.actor_id: a for a in actors}
        self.mentions = [m for m in mentions if m.actor_id in self.by_id]
        self.by_start = sorted(self.mentions, key=lambda m: m.start)

    def mention_at(self, tok: Token) -> Mention | None:
        """A mention covering the token, the named one preferred."""
        hits = [m for m in self.mentions if m.start <= tok.idx < m.end]
        return min(hits, key=lambda m: (m.how == "pronoun", m.end - m.start)) if hits else None

    def resolve(self, head: Token) -> Speaker:
        """The speaker a head token names."""
        phrase = speaker_phrase(head)
        m = self.mention_at(head)
        joint = self._joint(head)
        if joint is not None:
            return joint
        if m is None and head.lemma_.lower() in DOCUMENT_NOUNS:
            # "the ministry's statement says": the author of a document speaks through it
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None:
                return self.resolve(owner)
        if m is not None:
            written = m.text if m.how != "pronoun" else head.text
            return Speaker(self.by_id[m.actor_id].name, m.actor_id, written)
        # "House Speaker Jane Doe" misparsed: a person named in the run of nouns around the head
        run = _name_run(head)
        for tok in run:
            pm = self.mention_at(tok)
            if pm is None or pm.how == "pronoun":
                continue
            # a person anywhere in the run; an organisation only after the noun ('company Acme')
            if self.by_id[pm.actor_id].type == "person" or tok.i > head.i:
                text = self.doc[run[0].i : run[-1].i + 1].text
                return Speaker(self.by_id[pm.actor_id].name, pm.actor_id, text)
        # "a spokeswoman, Jane Doe," / "Doe, the minister": an apposition that names the speaker
        for child in head.children:
            if child.dep_ == "appos":
                cm = self.mention_at(child)
                if cm is not None and self.by_id[cm.actor_id].type in ("person", "organization"):
                    return Speaker(self.by_id[cm.actor_id].name, cm.actor_id, phrase.text)
        # "Jane Doe's spokesperson" stays a phrase; a name inside a compound ("a UN spokesman") too
        if head.pos_ in ("NOUN", "PROPN"):
            actor = resolve_description(phrase, actors=self.actors, mentions=self.mentions, doc=self.doc)
            if actor is not None:
                return Speaker(actor.name, actor.actor_id, phrase.text)
        return Speaker(phrase.text, "", phrase.text)

    def _joint(self, head: Token) -> Speaker | None:
        """'Jane Doe and John Roe said': one speaker made of two named actors."""
        parts = [head] + [c for c in head.children if c.dep_ == "conj"]
        if len(parts) < 2:
            return None
        found = [self.mention_at(t) for t in parts]
        if not all(found):
            return None
        names = list(dict.fromkeys(self.by_id[m.actor_id].name for m in found if m is not None))
        if len(names) < 2:
            return None
        return Speaker(" and ".join(names), "", speaker_phrase(head).text)

    def nearest_person(self, offset: int) -> Speaker | None:
        """The last person named before an offset (a fallback for unresolved pronouns)."""
        for m in reversed(self.by_start):
            if m.start < offset and self.by_id[m.actor_id].type == "person":
                return Speaker(self.by_id[m.actor_id].name, m.actor_id, "")
        return None


# --- 3. Reported speech ---


def _complement(verb: Token) -> tuple[Token | None, str]:
    """The reported part governed by a speech/stance verb, and the cue as written."""
    cue = verb.text
    kids = list(verb.children)
    prt = next((c for c in kids if c.dep_ == "prt"), None)
    if not _is_speech_verb(verb) and verb.lemma_ != "make":
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
    comp = next((c for c in kids if c.dep_ == "ccomp"), None)
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
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX") and not _is_speech_verb(verb.head):
        return verb.head, cue  # "The drugs, he says, are …": the speech verb is an aside in its clause
    misread = _misattached_that_clause(verb)
    if misread is not None:
        return misread, cue
    lemma = verb.lemma_.lower()
    prep, stance_cue = _stance_complement(verb, prt)
    if prep is not None:
        return prep, stance_cue
    if lemma in INFINITIVE_VERBS:
        x = next((c for c in kids if c.dep_ == "xcomp"), None)
        if x is not None:
            return x, cue
    if lemma in OBJECT_VERBS and (lemma not in _NEEDS_PARTICLE or prt is not None):
        x = next(
            (c for c in kids if c.dep_ in ("dobj", "xcomp") and c.lower_ not in ("it", "this", "that")), None
        )
        if x is not None:
            return x, cue + (f" {prt.text}" if prt is not None else "")
    return None, cue


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


def _can_take_stance(head: Token, speaker: Speaker | None) -> bool:
    """True for a subject that can hold a position: a known actor, a name, a pronoun or a word for people.

    'The needs of the region argue for a new road' states no one's stance.
    """
    if (speaker is not None and speaker.actor_id) or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if head.pos_ in ("PROPN", "PRON"):
        return head.lower_ not in ("it", "this", "that")
    low, lemma = head.lower_, head.lemma_.lower()
    return low in GROUP_HEADS or lemma in TITLE_HEADS | ORG_HEADS or lemma.endswith(AGENT_SUFFIXES)


def _is_time_phrase(prep: Token) -> bool:
    """A prepositional phrase that only says when or how long: 'for three years', 'on Friday'."""
    words = [t for t in prep.subtree if t.i != prep.i and not t.is_punct]
    return bool(words) and all(t.ent_type_ in _TIME_ENTS for t in words)


def _misattached_that_clause(verb: Token) -> Token | None:
    """A that-clause the parser hung on a noun of the verb's phrase: 'cautioned in a letter to X that …'."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for tok in prep.subtree:
            marked = any(c.lower_ == "that" and c.dep_ == "mark" for c in tok.children)
            has_subject = any(c.dep_ in _SPEAKER_NOUN_DEPS for c in tok.children)
            if tok.dep_ in ("relcl", "acl") and marked and has_subject:
                return tok
    return None


# Dependents of a sentence-final speech verb that the parser often takes from the clause before it.
_LOOSE_DEPS = {"dep", "punct", "npadvmod", "dobj", "conj"}


def _in_subtree_of_other(tok: Token, verb: Token, comps: list[Token]) -> bool:
    """True for a token that depends on the speech verb through something other than its clause."""
    while tok.head.i != tok.i and tok.head.i != verb.i:
        tok = tok.head
    return tok.head == verb and tok not in comps and tok.dep_ not in _LOOSE_DEPS


def _clause_spans(comp: Token, verb: Token) -> list[Span]:
    """The reported clause; two pieces when the attribution stands in its middle ('A, he said, B')."""
    span = _clause_span(comp, verb)
    aside = verb.left_edge.i, verb.right_edge.i
    if not span.start < aside[0] <= aside[1] < span.end - 1:
        return [span]
    doc = verb.doc
    pieces = [_trim_span(doc, span.start, aside[0] - 1), _trim_span(doc, aside[1] + 1, span.end - 1)]
    return [p for p in pieces if len([t for t in p if not t.is_punct]) >= 2]


def _trim_span(doc: Doc, lo: int, hi: int) -> Span:
    """doc[lo..hi] without punctuation and spaces at either end."""
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return doc[lo : hi + 1]


def _is_that(tok: Token) -> bool:
    """The complementiser 'that' of a reported clause, left out of its content."""
    return tok.lower_ == "that" and tok.dep_ == "mark"


def _clause_span(comp: Token, verb: Token) -> Span:
    """The words of a reported clause, without a leading 'that' and trailing punctuation."""
    doc = comp.doc
    if comp.dep_ == "prep" and comp.head == verb:
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
        toks = [t for c in comps for t in c.subtree]
        if comp.i < verb.i:
            # a clause before "…, officials said": all up to the speaker, wherever the parser attached it
            subj = _subject_of(verb)
            stop = min(subj.left_edge.i if subj is not None and subj.i < verb.i else verb.i, verb.i)
            first = verb.sent.start
            toks = [t for t in doc[first:stop] if not _in_subtree_of_other(t, verb, comps)] or toks
    if verb.lemma_ == "make":
        toks = [t for t in toks if t.i > verb.i + 2] or toks  # not the "it plain" of "made it plain"
    lo, hi = min(t.i for t in toks), max(t.i for t in toks)
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or _is_that(doc[lo])):
        lo += 1
    while hi > lo and (doc[hi].is_space or (doc[hi].is_punct and doc[hi].text not in _CLOSE | {'"'})):
        hi -= 1
    if lo > 0 and doc[lo - 1].text in ("“", '"', "``") and lo - 1 > verb.i:
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


# --- 4. Putting it together ---


@dataclass
class _Draft:
    """A claim before numbering and dating; its speaker may still be filled from context."""

    start: int
    end: int
    kind: str
    cue: str
    speaker: Speaker | None
    speaker_tok: Token | None
    anchor: int  # offset used to date the claim (the cue when there is one)


def extract_claims(
    doc: Doc,
    *,
    sents: list[Sentence],
    actors: list[Actor],
    mentions: list[Mention],
    dates: dict[int, tuple[str, str]],
) -> list[Claim]:
    """Direct quotes and reported speech with their resolved speakers and dates."""
    if not sents:
        return []
    text = text_of(doc)
    mentions = mentions + missed_name_mentions(doc, sents=sents, actors=actors, mentions=mentions)
    resolver = SpeakerResolver(doc, actors, mentions)
    quotes = find_quotes(text, sents)
    paras = {pid: (a, b) for pid, a, b in _paragraph_spans(sents)}
    top = [_close_before_attribution(doc, q) for q in quotes if q.depth == 0 and q.end > q.start]
    direct = _direct_drafts(doc, top, paras, resolver)
    claimed = [Quote(d.start, d.start, d.end, d.end, 0, -1) for d in direct]
    drafts = direct + _reported_drafts(doc, top, claimed, resolver)
    drafts = _dedupe(sorted(drafts, key=lambda d: (d.start, -d.end)))
    _fill_floating(drafts, sents, resolver)
    return _to_claims(doc, drafts, sents, dates)


def _standalone(text: str, q: Quote, left: int, right: int, doc: Doc) -> bool:
    """True when a quote is a statement of its own, not quoted words inside a clause."""
    before = text[left : q.open].strip()
    after = text[q.close : right].strip()
    content = text[q.start : q.end]
    if _SENT_END.search(content[:-1]) and len(content.split()) >= MIN_FLOATING_WORDS:
        # several sentences make a statement of their own, unless a clause leads in ('said that “A. B.”')
        last = [t for t in _tokens(doc, left, q.open) if not t.is_space and not t.is_punct][-1:]
        leads_in = bool(last) and (last[0].pos_ in _LEAD_IN_POS or last[0].lower_ == "that")
        if not leads_in:
            return True
    # a quote opening after a full stop starts a sentence of its own
    before_ok = not before or before[-1] in ":,;.!?" + _DASHES or _ends_with_speech_verb(doc, left, q.open)
    after_ok = (
        not after
        or after[0] in ",;" + _DASHES + ")"
        or content.rstrip()[-1:] in ".!?,"
        or _starts_with_attribution(doc, q.close, right)
    )
    return before_ok and after_ok


def _ends_with_speech_verb(doc: Doc, left: int, right: int) -> bool:
    """True when the text before a quote ends with a speech verb ('he said “…”')."""
    toks = [t for t in _tokens(doc, left, right) if not t.is_space]
    return bool(toks) and _is_speech_verb(toks[-1])


def _starts_with_attribution(doc: Doc, left: int, right: int) -> bool:
    """True when a speech verb comes within the first words after a quote ('“…” he said')."""
    toks = [t for t in _tokens(doc, left, right) if not t.is_space][:4]
    return any(_is_speech_verb(t) for t in toks)


def _direct_drafts(
    doc: Doc, quotes: list[Quote], paras: dict[int, tuple[int, int]], resolver: SpeakerResolver
) -> list[_Draft]:
    """A draft claim for every quote that stands on its own, with the speaker of its attribution."""
    text = text_of(doc)
    out = []
    for q in quotes:
        # a quote joined over paragraphs starts in one paragraph and ends in another
        first_para = paras[_para_of(q.open, paras)]
        left, right = _fragment_bounds(text, q, quotes, first_para[0], paras[q.paragraph][1])
        if not _standalone(text, q, left, right, doc):
            continue
        after = _outside(_tokens(doc, q.close, right), quotes)
        before = _outside(_tokens(doc, left, q.open), quotes)
        head, verb = _speaker_in_fragment(after, after=True)
        if head is None:
            head, verb = _speaker_in_fragment(before, after=False)
        if head is not None and _is_author(head):
            continue
        words = len(text[q.start : q.end].split())
        whole_sentence = text[q.start : q.end].rstrip()[-1:] in ".!?" and not text[left : q.open].strip()
        if head is None and words < MIN_FLOATING_WORDS and not whole_sentence:
            continue  # a word or two in quotation marks, attributed to no one: a scare quote
        cue = verb.text if verb is not None else ""
        if verb is None and head is not None and head.dep_ == "pobj":
            cue = "according to"
        anchor = verb.idx if verb is not None else q.start
        speaker = _resolve_head(head, resolver) if head is not None else None
        out.append(_Draft(q.start, q.end, "direct", cue, speaker, head, anchor))
    return out


def _para_of(offset: int, paras: dict[int, tuple[int, int]]) -> int:
    """The id of the paragraph holding an offset."""
    for pid, (a, b) in paras.items():
        if a <= offset < b + 1:
            return pid
    return next(iter(paras))


def _resolve_head(head: Token, resolver: SpeakerResolver) -> Speaker | None:
    """The speaker a head token names; None for a pronoun no actor was found for."""
    sp = resolver.resolve(head)
    if sp.actor_id or head.pos_ != "PRON":
        return sp
    return None  # an unresolved pronoun: filled from the previous claim later


def _reported_drafts(
    doc: Doc, quotes: list[Quote], claimed: list[Quote], resolver: SpeakerResolver
) -> list[_Draft]:
    """A draft claim for every speech/stance verb with a reported clause, and for 'according to'.

    `claimed` are the quotes already taken as direct claims: a clause that is mostly one of them is skipped.
    """
    out = []
    for verb in doc:
        if not (_is_speech_verb(verb) or verb.lemma_ == "make" or verb.lemma_.lower() in STANCE_VERBS):
            continue
        comp, cue = _complement(verb)
        if comp is None:
            continue
        head = _subject_of(verb)
        if head is not None and _in_quotes(head, quotes):
            head = _first_name_outside(verb.sent, quotes)  # the parser took quoted words for the subject
        if head is None or _is_info_source(head) or _LABEL.match(verb.sent.text.strip()) or _is_author(head):
            continue
        speaker = _resolve_head(head, resolver)
        if comp.dep_ == "prep" and comp.head == verb and not _can_take_stance(head, speaker):
            continue
        for span in _clause_spans(comp, verb):
            if len(span) < 2 or _mostly_quoted(span, claimed) or _not_a_statement(span):
                continue
            if head.lower_ in ("it", "there") or span.start <= head.i < span.end:
                continue
            out.append(_reported(span, quotes, cue, speaker, head, verb.idx))
    out.extend(_according_drafts(doc, quotes, claimed, resolver))
    return out


def _according_drafts(
    doc: Doc, quotes: list[Quote], claimed: list[Quote], resolver: SpeakerResolver
) -> list[_Draft]:
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
        head = _according_to([acc])
        if head is None:
            continue
        phrase = {t.i for t in acc.subtree} | {acc.i, acc.i + 1} | {t.i for t in head.subtree}
        rest = [t for t in sent if t.i not in phrase and not t.is_space]
        while rest and rest[0].is_punct:
            rest.pop(0)
        while rest and rest[-1].is_punct and rest[-1].text not in _CLOSE:
            rest.pop()
        if len(rest) < 3:
            continue
        span = doc[rest[0].i : rest[-1].i + 1]
        if phrase & set(range(span.start, span.end)):
            # the phrase sits in the middle: keep the longer side
            mid_lo = min(phrase)
            left, right = doc[rest[0].i : mid_lo], doc[max(phrase) + 1 : rest[-1].i + 1]
            span = left if len(left) >= len(right) else right
            span = doc[span.start : span.end]
        if _mostly_quoted(span, claimed):
            continue
        out.append(_reported(span, quotes, "according to", _resolve_head(head, resolver), head, acc.idx))
    return out


def _reported(
    span: Span, quotes: list[Quote], cue: str, speaker: Speaker | None, head: Token, anchor: int
) -> _Draft:
    """A draft for a reported clause: direct when the clause is a quotation, mixed when it holds one."""
    whole = next((q for q in quotes if q.open >= span.start_char - 1 and q.start < span.end_char), None)
    text = text_of(span.doc)
    outside = "" if whole is None else text[span.start_char : whole.open] + text[whole.close : span.end_char]
    if whole is not None and len(re.findall(r"\w+", outside)) <= 1 and whole.end >= span.end_char - 2:
        # the clause is the quotation itself ('“…,” according to X'): a direct quote
        return _Draft(whole.start, whole.end, "direct", cue, speaker, head, anchor)
    inner = [q for q in quotes if span.start_char <= q.open < span.end_char]
    if not inner:
        return _Draft(span.start_char, span.end_char, "indirect", cue, speaker, head, anchor)
    # quoted words that run on past the parsed clause ('that “A. B.”') belong to it up to the closing mark
    end = max(span.end_char, max(q.close for q in inner))
    return _Draft(span.start_char, end, "mixed", cue, speaker, head, anchor)


def _in_quotes(tok: Token, quotes: list[Quote]) -> bool:
    """True when a token lies between quotation marks."""
    return any(q.open <= tok.idx < q.close for q in quotes)


def _first_name_outside(sent: Span, quotes: list[Quote]) -> Token | None:
    """The first proper name of a sentence outside its quotations."""
    tok = next((t for t in sent if t.pos_ == "PROPN" and not _in_quotes(t, quotes)), None)
    return _phrase_head(tok) if tok is not None else None


def _is_author(head: Token) -> bool:
    """First and second person outside quotations are the writer and reader, not a quoted source."""
    return head.lower_ in ("i", "we", "you", "me", "us")


def _is_info_source(head: Token) -> bool:
    """A subject such as 'the data' or 'city reports': a source of facts, not a speaker."""
    return head.lemma_.lower() in INFO_NOUNS and not any(c.dep_ == "poss" for c in head.children)


def _not_a_statement(span: Span) -> bool:
    """An indirect question ('asked whether …', 'did not say why …') or a source reports no statement."""
    first = next((t for t in span if not t.is_punct), None)
    if first is None:
        return False
    if first.lower_ == "according":
        return True  # "X said, according to the complaint": the source, not a statement
    return first.tag_ in ("WDT", "WP", "WP$", "WRB") or first.lower_ in ("whether", "if")


def _mostly_quoted(span: Span, quotes: list[Quote]) -> bool:
    """True when a clause is (mostly) a standalone direct quote, which is claimed as such."""
    n = max(1, span.end_char - span.start_char)
    inside = sum(max(0, min(q.end, span.end_char) - max(q.start, span.start_char)) for q in quotes)
    return inside / n > 0.6


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    """Drop a draft that repeats another's span."""
    seen: set[tuple[int, int]] = set()
    out = []
    for d in drafts:
        if (d.start, d.end) in seen:
            continue
        seen.add((d.start, d.end))
        out.append(d)
    return out


def _fill_floating(drafts: list[_Draft], sents: list[Sentence], resolver: SpeakerResolver) -> None:
    """Give quotes with no attribution (or an unresolved pronoun) the speaker of the claim before."""
    last: _Draft | None = None
    for d in drafts:
        if d.speaker is None:
            para = sents[sentence_index(sents, d.start)].paragraph_id
            if (
                last is not None
                and last.speaker is not None
                and para - sents[sentence_index(sents, last.start)].paragraph_id <= FLOAT_PARAGRAPHS
            ):
                d.speaker = Speaker(
                    last.speaker.name,
                    last.speaker.actor_id,
                    d.speaker_tok.text if d.speaker_tok is not None else "",
                )
            else:
                near = resolver.nearest_person(d.start)
                if near is not None:
                    d.speaker = Speaker(
                        near.name, near.actor_id, d.speaker_tok.text if d.speaker_tok is not None else ""
                    )
        if d.speaker is not None:
            last = d


def _continues(prev: Claim | None, speaker: Speaker, paragraph: int, sents: list[Sentence]) -> bool:
    """True when a claim follows a dated claim of the same speaker in the same or the next paragraph."""
    return (
        prev is not None
        and bool(prev.date)
        and prev.speaker == speaker.name
        and paragraph - sents[prev.sentence_id].paragraph_id <= 1
    )


_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _statement_date(doc: Doc, d: _Draft, dated: tuple[str, str]) -> tuple[str, str]:
    """The sentence's date, unless it is not a calendar date or it dates what the claim reports."""
    date, basis = dated
    if not date or not _ISO.fullmatch(date[:10].rstrip("-")):
        return "", "none"
    if basis in ("explicit", "relative"):
        sent = doc[doc.char_span(d.anchor, d.anchor + 1, alignment_mode="expand").start].sent
        times = [e for e in sent.ents if e.label_ in ("DATE", "TIME")]
        if times and all(d.start <= e.start_char and e.end_char <= d.end for e in times):
            return "", "none"  # "she said the bridge opened in 1931": 1931 is not when she said it
    return date, basis


def _to_claims(
    doc: Doc, drafts: list[_Draft], sents: list[Sentence], dates: dict[int, tuple[str, str]]
) -> list[Claim]:
    """Number the drafts and date them: explicit date in the sentence, else the sentence's event."""
    claims: list[Claim] = []
    prev: Claim | None = None
    for d in drafts:
        if d.speaker is None:
            continue
        sid = sentence_index(sents, d.start)
        date, basis = _statement_date(doc, d, dates.get(sentence_index(sents, d.anchor), ("", "none")))
        if not date and d.kind == "direct" and _continues(prev, d.speaker, sents[sid].paragraph_id, sents):
            # a quote that continues the same speaker's statement shares its date
            date, basis = prev.date, "context"
        # a date written in the sentence (absolute or relative) is explicit; one from its event is context
        basis = "none" if not date else ("explicit" if basis in ("explicit", "relative") else "context")
        claim = Claim(
            f"C{len(claims) + 1:03d}",
            d.speaker.name,
            d.speaker.actor_id,
            d.speaker.text,
            d.cue,
            text_of(doc)[d.start : d.end],
            d.kind,
            date,
            basis,
            d.start,
            d.end,
            sid,
        )
        claims.append(claim)
        prev = claim
    return claims

"""Claims: who said what — direct quotes found from quotation marks, reported speech from the parse.

The steps, in text order:
1. `find_quotes` pairs quotation marks per paragraph (curly, straight, ``LDC'' and nested marks;
   a quote left open at a paragraph's end runs on when the next paragraph opens with a mark).
2. Each quote that stands on its own (not a scare quote inside a clause) becomes a direct claim;
   its speaker comes from the attribution next to it, else from the previous claim nearby.
3. Each speech or stance verb with a that-clause, an infinitive or an object gives an indirect
   claim (mixed when it holds quoted words); "according to X" gives one too.
4. Speakers are resolved to actors: names through the mentions, pronouns through coref.py's
   pronoun mentions, descriptions ("the spokesman") through coref.resolve_description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsdossier.coref import SPEECH_VERBS, resolve_description
from newsdossier.nlp import sentence_index
from newsdossier.records import Actor, Claim, Mention, Sentence

_OPEN = {"“": "“", "``": "``", "«": "«", "„": "„"}
_CLOSE = {"”": "”", "''": "''", "»": "»"}
_MARKS = re.compile(r"``|''|[“”\"«»„]")
_SENT_END = re.compile(r"[.!?]")
_DASHES = "-–—"
# Verbs whose infinitive complement is the stated position: "vowed to resign".
INFINITIVE_VERBS = frozenset("promise vow pledge threaten refuse urge ask call agree decline offer demand".split())
# Verbs whose direct object is the position: "denied the report", "ruled out sending troops".
OBJECT_VERBS = frozenset("deny confirm rule reject dismiss announce acknowledge admit criticize criticise".split())
_PARTICLE_VERBS = {"rule": "out", "point": "out", "speak": None}
_SPEAKER_NOUN_DEPS = {"nsubj", "nsubjpass"}
_KEEP_IN_PHRASE = {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case", "predet", "cc", "conj"}
# Minimum words for a quote with no attribution to count as a statement rather than a scare quote.
MIN_FLOATING_WORDS = 4
# How many paragraphs back a floating quote may look for the speaker of the previous claim.
FLOAT_PARAGRAPHS = 2


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


def _cut_dash_attribution(text: str, start: int, end: int) -> int:
    """End of an unclosed quote before a trailing '- said X.' attribution written inside it."""
    m = re.search(r"[.!?,]\s+[-–—]+\s+\S[^.!?]{0,60}[.!?]?\s*$", text[start:end])
    return start + m.start() + 1 if m else end


def find_quotes(text: str, sents: list[Sentence]) -> list[Quote]:
    """Every quotation, paired per paragraph; open quotes run on into a paragraph opening with a mark."""
    quotes: list[Quote] = []
    paras = _paragraph_spans(sents)
    for p, (pid, pstart, pend) in enumerate(paras):
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
                if _SENT_END.search(text[max(o, q.open - 40):q.open].rstrip()[-30:] or " "):
                    before = text[o:q.open].rstrip()
                    if before and (before[-1] in ".!?" or re.search(r"[.!?]\s+[-–—]", before)):
                        stop = q.open
                        break
            stop = _cut_dash_attribution(text, o + olen, stop)
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
        if (prev is not None and q.depth == 0 and prev.depth == 0 and prev.close == prev.end
                and prev.paragraph + 1 == q.paragraph and prev.end >= para_end[prev.paragraph] - 1
                and q.open == para_start[q.paragraph]):
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
    return [t for t in tokens if not any(q.open <= t.idx < max(q.close, q.end + 1) for q in quotes)]


def _is_speech_verb(tok: Token) -> bool:
    return tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX")


def _fragment_bounds(text: str, q: Quote, quotes: list[Quote], pstart: int, pend: int) -> tuple[int, int]:
    """Start of the text before a quote and end of the text after it, within its sentence."""
    left = pstart
    for m in _SENT_END.finditer(text, pstart, q.open):
        if not any(x.open <= m.start() < x.close for x in quotes) and text[m.end():m.end() + 1].isspace():
            left = m.end()
    for x in quotes:
        if x.depth == 0 and x.close <= q.open and text[x.start:x.end].rstrip()[-1:] in (".", "!", "?"):
            left = max(left, x.close)
    right = pend
    for m in _SENT_END.finditer(text, q.close, pend):
        if not any(x.open <= m.start() < x.close for x in quotes):
            right = m.end()
            break
    nxt = [x.open for x in quotes if x.depth == 0 and x.open >= q.close]
    if nxt:
        right = min(right, nxt[0])
    return left, right


def _nominal(tok: Token) -> bool:
    return tok.pos_ in ("PROPN", "PRON", "NOUN") and tok.lower_ not in ("it", "there")


def _subject_of(verb: Token, allowed: set[int] | None = None) -> Token | None:
    """The subject of a speech verb, climbing conjunctions and participles ('…, saying that')."""
    v = verb
    for _ in range(4):
        subj = [c for c in v.children if c.dep_ in _SPEAKER_NOUN_DEPS and (allowed is None or c.i in allowed)]
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
            pick = next((t for t in rest if _nominal(t) and t.dep_ not in ("pobj", "dobj", "dative")), None)
            if pick is None:
                pick = next((t for t in reversed(lead) if _nominal(t) and t.dep_ != "pobj"), None)
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


def _phrase_head(tok: Token) -> Token:
    """The head of the noun phrase a token belongs to ('Jane' in 'Jane Doe' -> 'Doe')."""
    while tok.dep_ in ("compound", "flat", "amod", "det", "poss") and tok.head != tok and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _according_to(tokens: list[Token]) -> Token | None:
    for t in tokens:
        if t.lower_ == "according":
            for to in t.children:
                if to.lower_ == "to":
                    objs = [c for c in to.children if c.dep_ == "pobj"]
                    if objs:
                        return objs[0]
            nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
            if nxt is not None and nxt.lower_ == "to":
                for c in t.doc[nxt.i + 1: nxt.i + 8]:
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
    return doc[lo:hi + 1]


def _name_run(head: Token) -> list[Token]:
    """The adjacent proper nouns and nouns around a head token ('State Duma Speaker Jane Doe')."""
    doc = head.doc
    lo = hi = head.i
    while lo > 0 and doc[lo - 1].pos_ in ("PROPN", "NOUN") and not doc[lo - 1].is_punct:
        lo -= 1
    while hi + 1 < len(doc) and doc[hi + 1].pos_ == "PROPN":
        hi += 1
    return list(doc[lo:hi + 1])


class SpeakerResolver:
    """Maps a speaker's head token to an actor, a description, or the phrase itself."""

    def __init__(self, doc: Doc, actors: list[Actor], mentions: list[Mention]) -> None:
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
        if m is not None:
            return Speaker(self.by_id[m.actor_id].name, m.actor_id, m.text if m.how != "pronoun" else head.text)
        # "Duma Speaker Jane Doe" misparsed: a person named in the run of nouns around the head
        run = _name_run(head)
        for tok in run:
            pm = self.mention_at(tok)
            if pm is not None and pm.how != "pronoun" and self.by_id[pm.actor_id].type == "person":
                text = self.doc[run[0].i:run[-1].i + 1].text
                return Speaker(self.by_id[pm.actor_id].name, pm.actor_id, text)
        # "a spokeswoman, Jane Doe," / "Doe, the minister": an apposition that names the speaker
        for child in head.children:
            if child.dep_ == "appos":
                cm = self.mention_at(child)
                if cm is not None and self.by_id[cm.actor_id].type in ("person", "organization"):
                    return Speaker(self.by_id[cm.actor_id].name, cm.actor_id, phrase.text)
        # "Jane Doe's spokesperson" stays a phrase; a name inside a compound ("NATO spokesman") too
        if head.pos_ in ("NOUN", "PROPN"):
            actor = resolve_description(phrase, actors=self.actors, mentions=self.mentions, doc=self.doc)
            if actor is not None:
                return Speaker(actor.name, actor.actor_id, phrase.text)
        return Speaker(phrase.text, "", phrase.text)

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
    if verb.lemma_ == "make":
        clear = next((c for c in kids if c.lower_ in ("clear", "plain") and c.dep_ in ("ccomp", "oprd", "acomp")), None)
        if clear is None:
            return None, cue
        comp = next((c for c in list(clear.children) + kids
                     if c.dep_ in ("ccomp", "advcl") and c.i > clear.i), None)
        return comp, f"{verb.text} it {clear.text}"
    comp = next((c for c in kids if c.dep_ == "ccomp"), None)
    if comp is not None:
        return comp, cue + (f" {prt.text}" if prt is not None else "")
    misread = _misattached_that_clause(verb)
    if misread is not None:
        return misread, cue
    lemma = verb.lemma_.lower()
    if lemma == "speak" and prt is not None:
        prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in ("against", "for", "about")), None)
        if prep is not None:
            return verb, f"{verb.text} {prt.text} {prep.text}"
    if lemma in INFINITIVE_VERBS:
        x = next((c for c in kids if c.dep_ == "xcomp"), None)
        if x is not None:
            return x, cue
    if lemma in OBJECT_VERBS and (lemma not in _PARTICLE_VERBS or prt is not None):
        x = next((c for c in kids if c.dep_ in ("dobj", "xcomp") and c.lower_ not in ("it", "this", "that")), None)
        if x is not None:
            return x, cue + (f" {prt.text}" if prt is not None else "")
    return None, cue


def _misattached_that_clause(verb: Token) -> Token | None:
    """A that-clause the parser hung on a noun of the verb's phrase: 'warned at the start of X that …'."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for tok in prep.subtree:
            if tok.dep_ in ("relcl", "acl") and any(c.lower_ == "that" and c.dep_ == "mark" for c in tok.children) \
                    and any(c.dep_ in _SPEAKER_NOUN_DEPS for c in tok.children):
                return tok
    return None


def _clause_span(comp: Token, verb: Token) -> Span:
    """The words of a reported clause, without a leading 'that' and trailing punctuation."""
    doc = comp.doc
    if comp is verb:  # "spoke out against such a plan": the verb phrase itself is the position
        toks = [verb] + [t for c in verb.children if c.dep_ in ("prt", "prep") and c.i > verb.i for t in c.subtree]
    else:
        toks = list(comp.subtree)
    lo, hi = min(t.i for t in toks), max(t.i for t in toks)
    while lo < hi and (doc[lo].is_punct or doc[lo].lower_ == "that" and doc[lo].dep_ == "mark" or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct and doc[hi].text not in _CLOSE and doc[hi].text != '"' or doc[hi].is_space):
        hi -= 1
    if lo > 0 and doc[lo - 1].text in ("“", '"', "``") and lo - 1 > verb.i:
        lo -= 1  # the clause opens with quoted words: keep their mark
    return doc[lo:hi + 1]


# --- 4. Putting it together ---


@dataclass
class _Draft:
    start: int
    end: int
    kind: str
    cue: str
    speaker: Speaker | None
    speaker_tok: Token | None
    anchor: int  # offset used to date the claim (the cue when there is one)
    floating: bool = False


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
    text = doc.text
    resolver = SpeakerResolver(doc, actors, mentions)
    quotes = find_quotes(text, sents)
    paras = {pid: (a, b) for pid, a, b in _paragraph_spans(sents)}
    top = [q for q in quotes if q.depth == 0 and q.end > q.start]
    drafts = _direct_drafts(doc, top, paras, resolver) + _reported_drafts(doc, top, resolver)
    drafts = _dedupe(sorted(drafts, key=lambda d: (d.start, -d.end)))
    _fill_floating(drafts, sents, resolver)
    return _to_claims(doc, drafts, sents, dates, quotes)


def _standalone(text: str, q: Quote, left: int, right: int, doc: Doc) -> bool:
    """True when a quote is a statement of its own, not quoted words inside a clause."""
    before = text[left:q.open].strip()
    after = text[q.close:right].strip()
    content = text[q.start:q.end]
    words = len(content.split())
    if _SENT_END.search(content[:-1]) and words >= MIN_FLOATING_WORDS:
        return True  # several sentences: a statement, wherever it stands
    before_ok = not before or before[-1] in ":,;" + _DASHES or _ends_with_speech_verb(doc, left, q.open)
    after_ok = (not after or after[0] in ",;" + _DASHES + ")" or content.rstrip()[-1:] in ".!?,"
                or _starts_with_attribution(doc, q.close, right))
    return before_ok and after_ok


def _ends_with_speech_verb(doc: Doc, left: int, right: int) -> bool:
    toks = [t for t in _tokens(doc, left, right) if not t.is_space]
    return bool(toks) and _is_speech_verb(toks[-1])


def _starts_with_attribution(doc: Doc, left: int, right: int) -> bool:
    toks = [t for t in _tokens(doc, left, right) if not t.is_space][:4]
    return any(_is_speech_verb(t) for t in toks)


def _direct_drafts(doc: Doc, quotes: list[Quote], paras: dict[int, tuple[int, int]],
                   resolver: SpeakerResolver) -> list[_Draft]:
    """A draft claim for every quote that stands on its own, with the speaker of its attribution."""
    text = doc.text
    out = []
    for q in quotes:
        pstart, pend = paras[q.paragraph]
        left, right = _fragment_bounds(text, q, quotes, paras[_para_of(q.open, paras)][0], pend)
        if not _standalone(text, q, left, right, doc):
            continue
        after = _outside(_tokens(doc, q.close, right), quotes)
        before = _outside(_tokens(doc, left, q.open), quotes)
        head, verb = _speaker_in_fragment(after, after=True)
        if head is None:
            head, verb = _speaker_in_fragment(before, after=False)
        words = len(text[q.start:q.end].split())
        if head is None and words < MIN_FLOATING_WORDS:
            continue  # a word or two in quotation marks, attributed to no one: a scare quote
        cue = verb.text if verb is not None else ("according to" if head is not None and head.dep_ == "pobj" else "")
        anchor = verb.idx if verb is not None else q.start
        speaker = _resolve_head(head, resolver) if head is not None else None
        out.append(_Draft(q.start, q.end, "direct", cue, speaker, head, anchor, floating=head is None))
    return out


def _para_of(offset: int, paras: dict[int, tuple[int, int]]) -> int:
    for pid, (a, b) in paras.items():
        if a <= offset < b + 1:
            return pid
    return next(iter(paras))


def _resolve_head(head: Token, resolver: SpeakerResolver) -> Speaker | None:
    sp = resolver.resolve(head)
    if sp.actor_id or head.pos_ != "PRON":
        return sp
    return None  # an unresolved pronoun: filled from the previous claim later


def _reported_drafts(doc: Doc, quotes: list[Quote], resolver: SpeakerResolver) -> list[_Draft]:
    """A draft claim for every speech/stance verb with a reported clause, and for 'according to'."""
    out = []
    for verb in doc:
        if not (_is_speech_verb(verb) or verb.lemma_ == "make"):
            continue
        comp, cue = _complement(verb)
        if comp is None:
            continue
        span = _clause_span(comp, verb)
        if len(span) < 2 or _mostly_quoted(span, quotes):
            continue
        head = _subject_of(verb)
        if head is None:
            continue
        if head.lower_ in ("it", "there") or head.i > span.start and head.i <= span.end - 1:
            continue
        kind = "mixed" if _has_quote(span, quotes) else "indirect"
        out.append(_Draft(span.start_char, span.end_char, kind, cue, _resolve_head(head, resolver), head, verb.idx))
    out.extend(_according_drafts(doc, quotes, resolver))
    return out


def _according_drafts(doc: Doc, quotes: list[Quote], resolver: SpeakerResolver) -> list[_Draft]:
    """'According to X, Y' and 'Y, according to X': Y is X's claim."""
    out = []
    for sent in doc.sents:
        acc = next((t for t in sent if t.lower_ == "according" and t.nbor(1).lower_ == "to"), None) \
            if len(sent) > 2 else None
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
        span = doc[rest[0].i: rest[-1].i + 1]
        if phrase & set(range(span.start, span.end)):
            # the phrase sits in the middle: keep the longer side
            mid_lo = min(phrase)
            left, right = doc[rest[0].i:mid_lo], doc[max(phrase) + 1: rest[-1].i + 1]
            span = left if len(left) >= len(right) else right
            span = doc[span.start:span.end]
        if _mostly_quoted(span, quotes):
            continue
        kind = "mixed" if _has_quote(span, quotes) else "indirect"
        out.append(_Draft(span.start_char, span.end_char, kind, "according to", _resolve_head(head, resolver),
                          head, acc.idx))
    return out


def _mostly_quoted(span: Span, quotes: list[Quote]) -> bool:
    """True when a clause is (mostly) a standalone direct quote, which is claimed as such."""
    n = max(1, span.end_char - span.start_char)
    inside = sum(max(0, min(q.end, span.end_char) - max(q.start, span.start_char)) for q in quotes)
    return inside / n > 0.6


def _has_quote(span: Span, quotes: list[Quote]) -> bool:
    return any(span.start_char <= q.open and q.end <= span.end_char for q in quotes)


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
            if last is not None and last.speaker is not None and \
                    para - sents[sentence_index(sents, last.start)].paragraph_id <= FLOAT_PARAGRAPHS:
                d.speaker = Speaker(last.speaker.name, last.speaker.actor_id,
                                    d.speaker_tok.text if d.speaker_tok is not None else "")
            else:
                near = resolver.nearest_person(d.start)
                if near is not None:
                    d.speaker = Speaker(near.name, near.actor_id,
                                        d.speaker_tok.text if d.speaker_tok is not None else "")
        if d.speaker is not None:
            last = d


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
            return "", "none"  # "he said the war began in 2014": 2014 is not when he said it
    return date, basis


def _to_claims(doc: Doc, drafts: list[_Draft], sents: list[Sentence], dates: dict[int, tuple[str, str]],
               quotes: list[Quote]) -> list[Claim]:
    """Number the drafts and date them: explicit date in the sentence, else the sentence's event."""
    claims: list[Claim] = []
    prev: Claim | None = None
    for d in drafts:
        if d.speaker is None:
            continue
        sid = sentence_index(sents, d.start)
        date, basis = _statement_date(doc, d, dates.get(sentence_index(sents, d.anchor), ("", "none")))
        if not date and prev is not None and d.kind == "direct" and prev.speaker_id == d.speaker.actor_id \
                and prev.speaker and sents[sid].paragraph_id - sents[prev.sentence_id].paragraph_id <= 1 \
                and prev.date:
            # a quote that continues the same speaker's statement shares its date
            date, basis = prev.date, "context"
        # a date written in the sentence (absolute or relative) is explicit; one borrowed from an event is context
        basis = "none" if not date else ("explicit" if basis in ("explicit", "relative") else "context")
        claim = Claim(f"C{len(claims) + 1:03d}", d.speaker.name, d.speaker.actor_id, d.speaker.text, d.cue,
                      doc.text[d.start:d.end], d.kind, date, basis, d.start, d.end, sid)
        claims.append(claim)
        prev = claim
    return claims

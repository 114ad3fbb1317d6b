"""Putting the passes together: direct quotes, reported speech, floating quotes, then dates."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsdossier.extract.claims import speaker_rank
from newsdossier.extract.claims.attribution import close_before_attribution, direct_drafts
from newsdossier.extract.claims.draft import Draft, Speaker, content_of
from newsdossier.extract.claims.reported import reported_drafts
from newsdossier.extract.claims.speaker_rank import SpeakerRanker, Spoken
from newsdossier.extract.claims.speakers import (
    PERSONAL_PRONOUNS,
    SpeakerResolver,
    labelled_speaker,
    transcript_label,
)
from newsdossier.extract.coref import missed_name_mentions
from newsdossier.records import Actor, Claim, Mention, Sentence
from newsdossier.text.nlp import sentence_index, text_of
from newsdossier.text.quotes import Quote, find_quotes, paragraph_spans, quote_ranges

# Rules whose choice the ranker does not weigh: held out on the development sets, coreference for a
# pronoun speaker is right more often than the ranker, and a person introduced since the last claim
# ('Roe, who runs the shelter, disagrees.') is the reading a reader takes, on too few cases to learn.
KEPT_RULES = frozenset({"introduced"})
# How many paragraphs back a floating quote may look for the speaker of the previous claim.
FLOAT_PARAGRAPHS = 2


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
    resolver.quoted = quote_ranges(quotes)
    paras = {pid: (a, b) for pid, a, b in paragraph_spans(sents)}
    top = [close_before_attribution(doc, q) for q in quotes if q.depth == 0 and q.end > q.start]
    direct = direct_drafts(doc, top, paras, resolver)
    claimed = [Quote(d.start, d.start, d.end, d.end, 0, -1) for d in direct if not d.fallback]
    drafts = _unclaimed(direct + _not_repeating(reported_drafts(doc, top, claimed, resolver), direct))
    drafts = _dedupe(sorted(drafts, key=lambda d: (d.start, -d.end)))
    ranker = SpeakerRanker(doc, sents, actors, mentions, resolver.quoted)
    _fill_labelled(doc, drafts, paras, resolver)
    _fill_floating(drafts, sents, resolver, ranker)
    drafts = _outermost(drafts)
    return _to_claims(doc, drafts, sents, dates)


def _not_repeating(reported: list[Draft], direct: list[Draft]) -> list[Draft]:
    """Drop reported speech that the quote pass already gave from the same cue and the same first word.

    Both passes read 'described the plan as "reckless" on Friday'; the quote pass ends the content at
    the closing mark, so its row is kept and the reported one (which may run on into adverbials) goes.
    """
    taken = {(d.anchor, d.start) for d in direct if not d.fallback}
    return [d for d in reported if (d.anchor, d.start) not in taken]


def _unclaimed(drafts: list[Draft]) -> list[Draft]:
    """Drop a fallback draft (quoted words inside a clause) that another draft overlaps: the reported
    speech that holds the quoted words is the claim, and the words alone would repeat part of it."""
    return [
        d
        for d in drafts
        if not d.fallback
        or not any(e is not d and not e.fallback and e.start < d.end and d.start < e.end for e in drafts)
    ]


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """Drop a draft that repeats another's span."""
    seen: set[tuple[int, int]] = set()
    out = []
    for d in drafts:
        if (d.start, d.end) in seen:
            continue
        seen.add((d.start, d.end))
        out.append(d)
    return out


def _outermost(drafts: list[Draft]) -> list[Draft]:
    """Drop reported speech that lies inside what another speaker is reported to have said.

    In 'Doe said Roe's claim that taxes would rise was false' the words of Roe reach the reader through
    Doe: they are Doe's statement, and a claim of Roe's own would credit Roe with Doe's account of it.
    """
    return [
        d
        for d in drafts
        if d.kind == "direct"
        or d.speaker is None
        or not any(
            e is not d
            and e.speaker is not None
            and e.speaker.name != d.speaker.name
            and e.start <= d.start
            and d.end <= e.end
            and (e.start, e.end) != (d.start, d.end)
            for e in drafts
        )
    ]


def _fill_labelled(
    doc: Doc, drafts: list[Draft], paras: dict[int, tuple[int, int]], resolver: SpeakerResolver
) -> None:
    """Give a quote with no attribution the speaker a verbless label names ('“…” — Jane Doe', 'DOE: …')."""
    for d in drafts:
        if d.speaker is not None or d.speaker_tok is not None or d.kind != "direct":
            continue
        para = paras[next(p for p, (a, b) in paras.items() if a <= d.start <= b)]
        d.speaker = labelled_speaker(doc, d.start, d.end, para, resolver)
        opening = transcript_label(text_of(doc), d.start)
        if d.speaker is not None and opening is not None:
            d.start = opening[2]  # the statement starts after its 'DOE:' label


def _fill_floating(
    drafts: list[Draft], sents: list[Sentence], resolver: SpeakerResolver, ranker: SpeakerRanker
) -> None:
    """Give quotes with no attribution (or an unresolved pronoun) the speaker of the claim before.

    A person brought in as a subject between that claim and the quote ('Roe, who runs the shelter,
    disagrees.') is the likelier speaker: a guess, listed for the analyst to check. The rules' choice,
    and that of `coref` for a pronoun speaker, is then weighed against the other candidates by the
    learned ranker (`speaker_rank`), which keeps it unless another candidate scores higher.
    """
    last: Draft | None = None
    history: list[Spoken] = []
    for d in drafts:
        pronoun = d.speaker_tok if d.speaker_tok is not None and _is_pronoun(d.speaker_tok) else None
        written = d.speaker_tok.text if d.speaker_tok is not None else ""
        if d.speaker is None:
            d.speaker, kind = _rule_speaker(d, last, sents, resolver)
            if d.speaker is not None:
                d.speaker = _ranked(d, d.speaker, kind, pronoun, written, history, ranker)
        elif pronoun is not None and d.speaker.basis == "pronoun" and d.speaker.actor_id:
            d.speaker = _ranked(d, d.speaker, "coref", pronoun, written, history, ranker)
        if d.speaker is not None:
            last = d
            if d.speaker.actor_id:
                para = sents[sentence_index(sents, d.start)].paragraph_id
                history.append(Spoken(d.speaker.actor_id, d.start, para))


def _is_pronoun(tok: Token) -> bool:
    """A personal pronoun as a speaker's head ('he said'): its referent is for coreference to find."""
    return tok.pos_ == "PRON" and tok.lower_ in PERSONAL_PRONOUNS


def _rule_speaker(
    d: Draft, last: Draft | None, sents: list[Sentence], resolver: SpeakerResolver
) -> tuple[Speaker | None, str]:
    """The rules' speaker of a floating quote and which rule chose it: a person introduced since the last
    claim, else that claim's speaker if it is at most FLOAT_PARAGRAPHS back, else the last person named."""
    para = sents[sentence_index(sents, d.start)].paragraph_id
    written = d.speaker_tok.text if d.speaker_tok is not None else ""
    since = last.end if last is not None else 0
    lo = max(since, _paragraph_start(sents, para - 1))
    introduced = resolver.introduced_person(lo, d.start, resolver.quoted)
    if introduced is not None and (
        last is None or last.speaker is None or introduced.actor_id != last.speaker.actor_id
    ):
        return Speaker(introduced.name, introduced.actor_id, written, "unresolved"), "introduced"
    if (
        last is not None
        and last.speaker is not None
        and para - sents[sentence_index(sents, last.start)].paragraph_id <= FLOAT_PARAGRAPHS
    ):
        return Speaker(last.speaker.name, last.speaker.actor_id, written, "previous claim"), "previous"
    near = resolver.nearest_person(d.start)
    if near is not None:
        return Speaker(near.name, near.actor_id, written, "unresolved"), "nearest"
    return None, ""


def _ranked(
    d: Draft,
    rule: Speaker,
    kind: str,
    pronoun: Token | None,
    written: str,
    history: list[Spoken],
    ranker: SpeakerRanker,
) -> Speaker:
    """The ranker's speaker for a claim the rule `kind` gave `rule`; the basis says how it was found."""
    if not rule.actor_id:
        return rule  # the previous claim's speaker was a description ("officials"): no actor to weigh
    if kind in KEPT_RULES:
        return rule
    anchor = pronoun.idx if pronoun is not None else d.start
    cands = ranker.features(d.start, d.end, anchor, pronoun, rule.actor_id, history, kind)
    pick = speaker_rank.choose(cands)
    if not pick or pick == rule.actor_id:
        return rule
    name = ranker.by_id[pick].name
    if kind == "coref":
        return Speaker(name, pick, written, "pronoun")
    basis = "previous claim" if history and history[-1].actor_id == pick else "unresolved"
    return Speaker(name, pick, written, basis)


def _paragraph_start(sents: list[Sentence], paragraph: int) -> int:
    """The offset where a paragraph begins (0 before the first)."""
    return min((s.start for s in sents if s.paragraph_id == paragraph), default=0)


def _continues(prev: Claim | None, speaker: Speaker, paragraph: int, sents: list[Sentence]) -> bool:
    """True when a claim follows a dated claim of the same speaker in the same or the next paragraph."""
    return (
        prev is not None
        and bool(prev.date)
        and prev.speaker == speaker.name
        and paragraph - sents[prev.sentence_id].paragraph_id <= 1
    )


_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _statement_date(doc: Doc, d: Draft, dated: tuple[str, str]) -> tuple[str, str]:
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
    doc: Doc, drafts: list[Draft], sents: list[Sentence], dates: dict[int, tuple[str, str]]
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
            content_of(d, text_of(doc)),
            d.kind,
            date,
            basis,
            d.start,
            d.end,
            sid,
            d.speaker.basis,
        )
        claims.append(claim)
        prev = claim
    return claims

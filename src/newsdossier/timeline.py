"""Timeline: dated events built from time expressions, their sentences and their actors."""

from __future__ import annotations

from spacy.tokens import Doc

from newsdossier.nlp import sentence_index
from newsdossier.records import Event, Mention, Sentence, Timex


def sentence_dates(doc: Doc, *, sents: list[Sentence], timexes: list[Timex]) -> dict[int, tuple[str, str]]:
    """For each sentence that is dated, (date, basis): the date of what the sentence reports."""
    out: dict[int, tuple[str, str]] = {}
    for t in timexes:
        sid = sentence_index(sents, t.start)
        out.setdefault(sid, (t.value, "explicit"))
    return out


def build_timeline(
    doc: Doc, *, sents: list[Sentence], timexes: list[Timex], mentions: list[Mention]
) -> list[Event]:
    """One event per dated expression: its sentence is the event, its actors those named there."""
    events = []
    for n, t in enumerate(timexes, start=1):
        sid = sentence_index(sents, t.start)
        actor_ids = sorted({m.actor_id for m in mentions if m.sentence_id == sid})
        events.append(Event(f"E{n:03d}", t.value, t.text, t.precision, sents[sid].text, ";".join(actor_ids),
                            t.basis, t.start, t.end, sid))
    return events

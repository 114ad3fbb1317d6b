"""Claims: who said what, found from quotation marks and speech verbs."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsdossier.nlp import sentence_index
from newsdossier.records import Actor, Claim, Mention, Sentence

_QUOTE = re.compile(r"[“\"]([^”\"]{3,}?)[”\"]")
SPEECH_VERBS = {"say", "tell", "warn", "note", "stress", "emphasize", "explain", "confirm", "clarify", "deny",
                "add", "write", "claim", "insist", "argue"}


def extract_claims(
    doc: Doc,
    *,
    sents: list[Sentence],
    actors: list[Actor],
    mentions: list[Mention],
    dates: dict[int, tuple[str, str]],
) -> list[Claim]:
    """Find direct quotes and reported speech, with the nearest named speaker."""
    by_id = {a.actor_id: a for a in actors}
    claims: list[Claim] = []

    def speaker_near(offset: int) -> tuple[str, str, str]:
        before = [m for m in mentions if m.start <= offset and by_id[m.actor_id].type == "person"]
        if not before:
            return "", "", ""
        m = before[-1]
        return by_id[m.actor_id].name, m.actor_id, m.text

    def add(start: int, end: int, content: str, kind: str, cue: str) -> None:
        sid = sentence_index(sents, start)
        name, aid, surface = speaker_near(sents[sid].end)
        date, basis = dates.get(sid, ("", "none"))
        claims.append(Claim(f"C{len(claims) + 1:03d}", name, aid, surface, cue, content, kind, date, basis,
                            start, end, sid))

    for m in _QUOTE.finditer(doc.text):
        if len(m.group(1).split()) >= 4:
            add(m.start(1), m.end(1), m.group(1).strip(" ,"), "direct", "")
    for sent in doc.sents:
        root = sent.root
        if root.lemma_ in SPEECH_VERBS:
            comp = [c for c in root.children if c.dep_ == "ccomp"]
            if comp and '"' not in sent.text and "“" not in sent.text:
                span = doc[comp[0].left_edge.i : comp[0].right_edge.i + 1]
                add(span.start_char, span.end_char, span.text, "indirect", root.text)
    return sorted(claims, key=lambda c: c.start)

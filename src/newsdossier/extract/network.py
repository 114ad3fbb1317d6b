"""Who speaks about whom: each speaker and the actors named inside their claims."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsdossier.records import Edge


def speaker_edges(actors: Sequence[Any], mentions: Sequence[Any], claims: Sequence[Any]) -> list[Edge]:
    """Edges speaker -> actor named inside their claims (by the mentions within the claim's offsets).

    Unresolved speakers ("a NATO spokesman") are kept under their own words; self-references are
    dropped; each actor counts once per claim. Most claims first, then by speaker and target name.
    """
    names = {a.actor_id: a.name for a in actors}
    types = {a.actor_id: a.type for a in actors}
    grouped: dict[tuple[str, str, str, str, str, str], list[str]] = {}
    for c in claims:
        if c.start < 0 or c.end <= c.start:
            continue
        if c.speaker_id in names:
            key, speaker, kind = c.speaker_id, names[c.speaker_id], types.get(c.speaker_id, "")
        elif c.speaker:
            key, speaker, kind = f"speaker:{c.speaker}", c.speaker, "unresolved"
        else:
            continue
        inside = (m.actor_id for m in mentions if m.start >= c.start and m.end <= c.end)
        for target in dict.fromkeys(inside):  # each actor once per claim
            if target == key or target not in names:
                continue
            edge = (key, speaker, kind, target, names[target], types.get(target, ""))
            grouped.setdefault(edge, []).append(c.claim_id)
    edges = [Edge(*edge, claims=len(ids), claim_ids=", ".join(ids)) for edge, ids in grouped.items()]
    return sorted(
        edges,
        key=lambda e: (
            -e.claims,
            e.speaker,
            e.target,
            e.speaker_key,
            e.speaker_type,
            e.target_id,
            e.target_type,
        ),
    )

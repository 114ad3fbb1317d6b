"""Actors: the people, organisations and places an article names, each merged into one row."""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from newsdossier.nlp import sentence_index
from newsdossier.records import Actor, Mention, Sentence

_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "location", "LOC": "location", "FAC": "location"}


def extract_actors(doc: Doc, *, sents: list[Sentence]) -> tuple[list[Actor], list[Mention]]:
    """Find the actors of a parsed article and every mention of each."""
    groups: dict[str, list] = defaultdict(list)
    kinds: dict[str, str] = {}
    surname: dict[str, str] = {}
    for ent in doc.ents:
        kind = _TYPES.get(ent.label_)
        if not kind:
            continue
        text = ent.text.strip()
        key = text.lower().removeprefix("the ")
        if kind == "person":
            last = key.split()[-1]
            key = surname.setdefault(last, key)
        groups[key].append(ent)
        kinds.setdefault(key, kind)
    actors, mentions = [], []
    for n, (key, ents) in enumerate(sorted(groups.items(), key=lambda kv: kv[1][0].start_char), start=1):
        actor_id = f"A{n:03d}"
        names = [e.text.strip() for e in ents]
        name = max(names, key=len)
        for e in ents:
            mentions.append(Mention(actor_id, e.start_char, e.end_char, e.text, sentence_index(sents, e.start_char), "ner"))
        actors.append(Actor(actor_id, name, kinds[key], "", ";".join(dict.fromkeys(names)), len(ents),
                            ents[0].start_char, float(len(ents))))
    return actors, mentions

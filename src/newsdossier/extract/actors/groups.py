"""Pass 4, groups: plural nouns for people named by origin or affiliation ("Norwegian officials")."""

from __future__ import annotations

from spacy.tokens import Doc

from newsdossier.extract import lexicon
from newsdossier.extract.actors.spans import Cand, Cluster
from newsdossier.extract.lexicon import norm_key

_QUANTIFIERS = {
    "many",
    "some",
    "several",
    "other",
    "all",
    "few",
    "most",
    "more",
    "these",
    "those",
    "both",
    "such",
    "various",
    "numerous",
    "certain",
    "two",
    "three",
    "four",
    "dozens",
    "fellow",
}


def find_groups(doc: Doc, taken: set[int]) -> list[Cluster]:
    """Groups of people named by origin or affiliation ("Norwegian officials"): actors of type group."""
    by_key: dict[str, Cluster] = {}
    for chunk in doc.noun_chunks:
        root = chunk.root
        is_norp_root = root.ent_type_ == "NORP" and root.tag_ in {"NNPS", "NNS"}
        if not (root.tag_ in {"NNS", "NNPS"} and (root.lower_ in lexicon.GROUP_HEADS or is_norp_root)):
            continue
        # origin or affiliation words only ("Norwegian", "congressional"), not parse debris
        mods = [
            t
            for t in chunk
            if t.i < root.i
            and t.dep_ in {"amod", "compound", "nmod"}
            and t.lower_ not in _QUANTIFIERS
            and t.is_alpha
            and (t.ent_type_ in {"NORP", "GPE", "ORG"} or t.pos_ == "ADJ")
        ]
        if not is_norp_root and not any(t.ent_type_ in {"NORP", "GPE", "ORG"} for t in mods):
            continue
        start = mods[0].i if mods else root.i
        if all(i in taken for i in range(start, root.i + 1)):
            continue  # "United Ferry Workers" is a named organisation already
        if any(i in taken for i in range(start, root.i + 1)) and not any(t.ent_type_ for t in mods):
            continue
        cand = Cand(start, root.i + 1, "GROUP", how="group")
        cand.key = norm_key(doc[start : root.i + 1].text)
        by_key.setdefault(cand.key, Cluster("group", key=cand.key)).cands.append(cand)
    return list(by_key.values())

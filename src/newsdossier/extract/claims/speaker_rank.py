"""A learned ranker for speakers the sentence does not name: a pronoun ('he said') or no one (a quote on
its own).

For such a claim the candidates are the actors mentioned in the few sentences before it and the
speakers of the claims before it ('he' or 'she' never takes an organisation or a person known to be of
the other gender). Each candidate gets generic features (how far back it was named,
whether it was a subject or a speaker there, whether it spoke the previous claim, how often it was
named, agreement with the pronoun, person or organisation, and whether the rules of `coref` and
`assemble` chose it), and a logistic regression scores them; the best one speaks. The weights are
learned by ``scripts/train_speaker_rank.py`` from the annotated quote sets read at run time and stored
in ``speaker_rank.toml`` beside this module: feature names and numbers only, no text of any article.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from newsdossier.extract.coref import (
    actor_genders,
    agrees,
    is_credit,
    is_speaker_token,
    pronoun_gender,
    role_token,
)
from newsdossier.extract.lexicon.load import LexiconError
from newsdossier.records import Actor, Mention, Sentence
from newsdossier.text.nlp import sentence_index
from newsdossier.text.parse import SUBJECT_DEPS
from newsdossier.text.quotes import inside

MODEL = Path(__file__).with_name("speaker_rank.toml")
# How many sentences back a candidate may have been mentioned.
WINDOW = 6
# How many earlier claims' speakers are candidates however far back they spoke.
HISTORY = 3
# Distances are capped here: beyond it, farther makes no difference.
FAR = 10
# The rules whose choice the ranker weighs: coreference for a pronoun, and for a quote on its own a
# person introduced since the last claim, the previous claim's speaker, or the last person named.
RULE_KINDS = ("coref", "introduced", "previous", "nearest")
_PRONOUNS = frozenset("he she they him her them it".split())


@dataclass(frozen=True)
class Spoken:
    """An earlier claim's speaker and where the claim was (for the history features)."""

    actor_id: str
    start: int
    paragraph: int


class SpeakerRanker:
    """Scores the actors that may be the speaker of a claim with no name of its own."""

    def __init__(
        self,
        doc: Doc,
        sents: list[Sentence],
        actors: list[Actor],
        mentions: list[Mention],
        quoted: list[tuple[int, int]],
    ) -> None:
        """Index the mentions (credits left out) and work out each person's gender once."""
        self.doc, self.sents, self.quoted = doc, sents, quoted
        self.by_id = {a.actor_id: a for a in actors}
        text = doc.text
        self.mentions = sorted(
            (m for m in mentions if m.actor_id in self.by_id and not is_credit(text, m)),
            key=lambda m: m.start,
        )
        self.genders = actor_genders(doc, sents, actors, mentions, quoted)
        self._roles: dict[int, tuple[bool, bool]] = {}

    def _role(self, m: Mention) -> tuple[bool, bool]:
        """(subject, speaker) for the head token of a mention."""
        if m.start not in self._roles:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            root = role_token(span.root) if span is not None else None
            self._roles[m.start] = (
                root is not None and root.dep_ in SUBJECT_DEPS,
                root is not None and is_speaker_token(root),
            )
        return self._roles[m.start]

    def features(
        self,
        start: int,
        end: int,
        anchor: int,
        pronoun: Token | None,
        rule: str,
        history: list[Spoken],
        rule_kind: str = "",
    ) -> dict[str, dict[str, float]]:
        """Per candidate actor id, its features for the claim [start, end) spoken at anchor; `rule` is the
        actor the rules chose and `rule_kind` which rule chose it (one of RULE_KINDS)."""
        sid = sentence_index(self.sents, anchor)
        para = self.sents[sid].paragraph_id
        para_start = self.sents[sid].start == min(s.start for s in self.sents if s.paragraph_id == para)
        last: dict[str, Mention] = {}
        last_named: dict[str, Mention] = {}
        count: dict[str, int] = {}
        outside: set[str] = set()
        for m in self.mentions:
            if m.start >= anchor:
                break
            if start <= m.start < end:
                continue  # a name inside the claim itself is what is said, not who says it
            count[m.actor_id] = count.get(m.actor_id, 0) + 1
            if sid - m.sentence_id > WINDOW:
                continue
            last[m.actor_id] = m
            if m.how != "pronoun":
                last_named[m.actor_id] = m
            if not inside(self.quoted, m.start):
                outside.add(m.actor_id)
        spoke: dict[str, int] = {}
        for h in history:
            spoke[h.actor_id] = spoke.get(h.actor_id, 0) + 1
        recent = list(dict.fromkeys(h.actor_id for h in reversed(history)))[:HISTORY]
        ids = list(dict.fromkeys([*last, *recent, *([rule] if rule else [])]))
        low = pronoun.lower_ if pronoun is not None else ""
        prev = history[-1] if history else None
        out = {}
        for aid in ids:
            actor = self.by_id.get(aid)
            if actor is None:
                continue
            gender = self.genders.get(aid, "")
            if pronoun_gender(low) and not agrees(low, actor, gender):
                continue  # "he" is no woman and no organisation: agreement is a constraint, not a weight
            m = last.get(aid)
            subject, speaker = self._role(m) if m is not None else (False, False)
            named = last_named.get(aid)
            is_prev = prev is not None and prev.actor_id == aid
            f = {
                "sent_dist": float(min(sid - m.sentence_id, FAR)) if m is not None else float(FAR),
                "named_dist": float(min(sid - named.sentence_id, FAR)) if named is not None else float(FAR),
                "char_dist": math.log1p(max(anchor - m.end, 0) / 100)
                if m is not None
                else math.log1p(FAR * 2),
                "same_sentence": float(m is not None and m.sentence_id == sid),
                "same_paragraph": float(m is not None and self.sents[m.sentence_id].paragraph_id == para),
                "last_subject": float(subject),
                "last_speaker": float(speaker),
                "last_quoted": float(m is not None and inside(self.quoted, m.start)),
                "named_outside": float(aid in outside),
                "mentions": math.log1p(count.get(aid, 0)),
                "prev_speaker": float(is_prev),
                "prev_same_paragraph": float(is_prev and prev.paragraph == para),
                "prev_new_paragraph": float(is_prev and para_start),
                "recent_speaker": float(aid in recent),
                "spoke": math.log1p(spoke.get(aid, 0)),
                "person": float(actor.type == "person"),
                "organization": float(actor.type in ("organization", "group")),
                "place": float(actor.type == "location"),
                "pronoun": float(pronoun is not None),
                "agrees": float(pronoun is not None and low in _PRONOUNS and agrees(low, actor, gender)),
                "gender_known": float(bool(gender)),
                "rule": float(aid == rule),
            }
            for kind in RULE_KINDS:
                f[f"rule_{kind}"] = float(aid == rule and rule_kind == kind)
            out[aid] = f
        return out


@cache
def _model() -> dict:
    """The stored model: feature means, scales, weights and bias."""
    try:
        data = tomllib.loads(MODEL.read_text(encoding="utf-8"))
        return {
            "mean": data["mean"],
            "scale": data["scale"],
            "weights": data["weights"],
            "bias": float(data["bias"]),
        }
    except (OSError, tomllib.TOMLDecodeError, KeyError) as err:
        raise LexiconError(
            f"{MODEL}: unreadable or incomplete ({err}); rerun scripts/train_speaker_rank.py"
        ) from err


def score(feats: dict[str, float], model: dict | None = None) -> float:
    """The model's log-odds that a candidate with these features is the speaker."""
    model = model or _model()
    z = model["bias"]
    for name, weight in model["weights"].items():
        z += weight * (feats.get(name, 0.0) - model["mean"][name]) / model["scale"][name]
    return z


def choose(cands: dict[str, dict[str, float]]) -> str:
    """The candidate the model ranks first ('' when there is none); ties go to the first listed."""
    best, best_z = "", -math.inf
    for aid, feats in cands.items():
        z = score(feats)
        if z > best_z:
            best, best_z = aid, z
    return best

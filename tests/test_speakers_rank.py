"""Speakers no sentence names (a pronoun, a quote on its own), chosen by the rules and the learned ranker."""

from __future__ import annotations

import math

import pytest

from newsdossier.extract.claims import speaker_rank

# (text, exact content, expected speaker, expected speaker_basis)
CASES = [
    pytest.param(
        "Mayor Lena Park opened the bridge on Monday. “It will carry ten thousand cars a day,” Park said. "
        "“The old one was falling apart and everyone knew it.”",
        "The old one was falling apart and everyone knew it.",
        "Lena Park",
        "previous claim",
        id="floating-quote-after-a-named-speaker",
    ),
    pytest.param(
        "Coach Daniel Ruiz praised the team. He said the players had trained for months.",
        "the players had trained for months",
        "Daniel Ruiz",
        "pronoun",
        id="he-after-a-named-man",
    ),
    pytest.param(
        "Councillor Maria Silva and her brother Tom Silva attended the meeting. "
        "Maria Silva said the budget was too small. She said the parks needed more money.",
        "the parks needed more money",
        "Maria Silva",
        "pronoun",
        id="she-after-two-people-of-the-same-surname",
    ),
    pytest.param(
        "Dr. Helen Ward runs the clinic. Her colleague, Mr. James Oduya, joined in 2019. "
        "“We see forty patients a day,” Ward said. He said the waiting list had doubled.",
        "the waiting list had doubled",
        "James Oduya",
        "pronoun",
        id="he-skips-the-nearer-woman",
    ),
    pytest.param(
        "“We will not close the school,” said Ahmed Khan, the head teacher. “The children need it and so does "
        "the town.”\n\nThe district has not replied. “Our doors stay open for as long as I am here.”",
        "Our doors stay open for as long as I am here.",
        "Ahmed Khan",
        "previous claim",
        id="floating-quote-in-the-next-paragraph",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker", "basis"), CASES)
def test_speaker_and_basis(analyse_text, text, content, speaker, basis):
    """The claim with this exact content has the expected speaker and speaker_basis."""
    hits = [c for c in analyse_text(text).claims if c.content == content]
    assert hits, (
        f"no claim is exactly {content!r}: {[(c.speaker, c.content) for c in analyse_text(text).claims]}"
    )
    assert (hits[0].speaker, hits[0].speaker_basis) == (speaker, basis)


def _model(**weights: float) -> dict:
    """A stored-model dict with these weights, no centring and unit scales."""
    return {
        "mean": dict.fromkeys(weights, 0.0),
        "scale": dict.fromkeys(weights, 1.0),
        "weights": weights,
        "bias": 0.0,
    }


@pytest.mark.parametrize(
    ("weights", "cands", "expected"),
    [
        pytest.param({"rule": 1.0}, {"A": {"rule": 0.0}, "B": {"rule": 1.0}}, "B", id="the-rule-alone"),
        pytest.param(
            {"rule": 1.0, "sent_dist": -0.5},
            {"A": {"rule": 1.0, "sent_dist": 4.0}, "B": {"rule": 0.0, "sent_dist": 0.0}},
            "B",
            id="a-nearer-candidate-outweighs-the-rule",
        ),
        pytest.param({"rule": 1.0}, {"A": {"rule": 0.0}, "B": {"rule": 0.0}}, "A", id="ties-go-to-the-first"),
        pytest.param({"rule": 1.0}, {}, "", id="no-candidate"),
    ],
)
def test_choose(monkeypatch, weights, cands, expected):
    """The candidate with the highest score is chosen; a feature the model lacks counts as zero."""
    monkeypatch.setattr(speaker_rank, "_model", lambda: _model(**weights))
    assert speaker_rank.choose(cands) == expected


def test_stored_model_is_numbers_only(analyse_text, monkeypatch):
    """The shipped model names only the features the ranker computes, each with a finite weight."""
    computed: list[set[str]] = []
    features = speaker_rank.SpeakerRanker.features

    def spy(self, *args, **kwargs):
        out = features(self, *args, **kwargs)
        computed.extend(set(f) for f in out.values())
        return out

    monkeypatch.setattr(speaker_rank.SpeakerRanker, "features", spy)
    analyse_text(
        "Warden Ines Kalt closed the pier. “The boards have rotted,” Kalt said. “We will rebuild it.”"
    )
    assert computed, "the ranker scored no candidate on a text with a quote no sentence attributes"
    model = speaker_rank._model()
    assert all(keys == set(model["weights"]) for keys in computed), computed[0] ^ set(model["weights"])
    assert set(model["weights"]) == set(model["mean"]) == set(model["scale"])
    assert "rule" in model["weights"] and all(math.isfinite(w) for w in model["weights"].values())
    assert all(s > 0 for s in model["scale"].values())

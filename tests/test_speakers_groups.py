"""Coordinated speakers are always one group: every named member, or the words as written when not all
are named."""

from __future__ import annotations

import pytest
from helpers import one_claim

# (text, expected speaker, cue, content, kind)
CASES = [
    pytest.param(
        "Both mayors, Democrat Nora Vance and Republican Hal Eriksen, said the port deal was fair.",
        "Nora Vance and Hal Eriksen",
        "said",
        "the port deal was fair",
        "indirect",
        id="description-listing-its-named-members",
    ),
    pytest.param(
        "Vance, Eriksen and Governor Lise Tamm say the bridge needs federal money.",
        "Vance, Eriksen and Lise Tamm",
        "say",
        "the bridge needs federal money",
        "indirect",
        id="three-named-members",
    ),
    pytest.param(
        "Nora Vance and her lawyer said the lawsuit would be dropped.",
        "Nora Vance and her lawyer",
        "said",
        "the lawsuit would be dropped",
        "indirect",
        id="not-all-members-named",
    ),
    pytest.param(
        "Nora Vance spoke first. The two rivals, Vance and Hal Eriksen, agreed that taxes must fall.",
        "Nora Vance and Hal Eriksen",
        "agreed",
        "taxes must fall",
        "indirect",
        id="description-with-a-coordinated-apposition",
    ),
    pytest.param(
        "Jane Doe, John Roe and Ann Poe said the deal was dead.",
        "Jane Doe, John Roe and Ann Poe",
        "said",
        "the deal was dead",
        "indirect",
        id="first-member-parsed-with-the-rest-in-apposition",
    ),
    pytest.param(
        "Nora Vance, the mayor and a lawyer, said the deal was dead.",
        "Nora Vance",
        "said",
        "the deal was dead",
        "indirect",
        id="apposition-of-descriptions-is-no-group",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), CASES)
def test_coordinated_speaker_is_one_group(analyse_text, text, speaker, cue, content, kind):
    """One claim whose speaker is the whole group, never one member alone or the raw description."""
    claims = analyse_text(text).claims
    claim = one_claim(claims, content)
    assert (claim.speaker, claim.cue, claim.kind) == (speaker, cue, kind)
    assert text[claim.start : claim.end] == content
    assert len([c for c in claims if c.content == content]) == 1

"""Cue families of reported speech on made-up sentences: verbs of directing with the one directed, questions
asked, and objects that carry an infinitive or a clause, each checked for speaker, cue, exact content span
and kind, and the look-alikes that report nothing."""

from __future__ import annotations

import pytest
from helpers import assert_claim

# (text, speaker (substring of the canonical name), cue, exact content, kind)
CUES = [
    # a verb of directing: the one urged or ordered is part of what was asked
    pytest.param(
        "Senator Ada Voss urged the mayor to apologize for his remarks.",
        "Ada Voss",
        "urged",
        "the mayor to apologize for his remarks",
        "indirect",
        id="urged-x-to",
    ),
    pytest.param(
        "A judge ordered the agency to release the files by June.",
        "judge",
        "ordered",
        "the agency to release the files by June",
        "indirect",
        id="ordered-x-to",
    ),
    pytest.param(
        "Coach Ivo Marsh instructed his staff to cancel the spring tour.",
        "Ivo Marsh",
        "instructed",
        "his staff to cancel the spring tour",
        "indirect",
        id="instructed-x-to",
    ),
    # a long object with an aside stays out: only the infinitive is what was asked
    pytest.param(
        "The council asked Lena Okafor, a retired judge from the valley, to review the harbour contracts.",
        "council",
        "asked",
        "to review the harbour contracts",
        "indirect",
        id="asked-long-object-to",
    ),
    # the one told is only the audience
    pytest.param(
        "The coach told his players to rest before the final.",
        "coach",
        "told",
        "to rest before the final",
        "indirect",
        id="told-x-to",
    ),
    # whether- and if-clauses after ask are the claim of the one who asks
    pytest.param(
        "Ivo Marsh asked whether the pier would reopen in May.",
        "Ivo Marsh",
        "asked",
        "whether the pier would reopen in May",
        "indirect",
        id="asked-whether",
    ),
    pytest.param(
        "Ada Voss stood up and asked if the harbour tax would rise again.",
        "Ada Voss",
        "asked",
        "if the harbour tax would rise again",
        "indirect",
        id="asked-if-in-a-conjunct",
    ),
    # an object that carries an infinitive the parser hung on the verb
    pytest.param(
        "The minister announced new grants to repair village halls.",
        "minister",
        "announced",
        "new grants to repair village halls",
        "indirect",
        id="announced-np-to",
    ),
    pytest.param(
        "Ada Voss proposed the creation of a new agency to run the ports.",
        "Ada Voss",
        "proposed",
        "the creation of a new agency to run the ports",
        "indirect",
        id="proposed-np-to",
    ),
    # an infinitive on a noun inside the object ("a package of measures to …")
    pytest.param(
        "The minister announced a package of measures to help farmers.",
        "minister",
        "announced",
        "a package of measures to help farmers",
        "indirect",
        id="announced-np-of-np-to",
    ),
    # an object that carries a clause of its own
    pytest.param(
        "Ivo Marsh lamented the vote that the council took in June.",
        "Ivo Marsh",
        "lamented",
        "the vote that the council took in June",
        "indirect",
        id="lamented-np-clause",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), CUES)
def test_cue_families(analyse_text, text, speaker, cue, content, kind):
    assert_claim(analyse_text(text).claims, text, speaker, cue, content, kind)


# (text, the one statement it holds): the question put to the speaker is not the speaker's claim
QUESTIONS_PUT = [
    pytest.param(
        "Asked whether she would run again, Ada Voss said she was tired.",
        "she was tired",
        id="asked-whether-x",
    ),
    pytest.param(
        "Asked what she would tell the mayor about the flood, Ada Voss said the town needs a wall.",
        "the town needs a wall",
        id="asked-what-x",
    ),
]


@pytest.mark.parametrize(("text", "statement"), QUESTIONS_PUT)
def test_questions_put_to_the_speaker(analyse_text, text, statement):
    claims = analyse_text(text).claims
    assert [(c.speaker, c.content) for c in claims] == [("Ada Voss", statement)]

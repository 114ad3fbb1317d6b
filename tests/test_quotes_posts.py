"""Embedded social-media posts as news sites print them: the post's words, then a signature with a dash,
the author, the handle and the date. The words are a direct claim of the author."""

from __future__ import annotations

import pytest
from helpers import assert_claim

POSTS = [
    pytest.param(
        "The union kept posting through the night.\n\n"
        "Calls have gone up every year and crews are stretched thin. Wait times keep growing. "
        "pic.twitter.com/AbC123xyz — Lena Fairweather (@lenafw) March 3, 2021\n\nThe minister did not reply.",
        "Lena Fairweather",
        "Calls have gone up every year and crews are stretched thin. Wait times keep growing.",
        id="post-with-picture-link",
    ),
    pytest.param(
        "Power was still out on the coast.\n\n"
        "Crews are working to restore service to the island by Friday. https://t.co/Zx9Qw2 "
        "— Coastal Power (@coastalpower) December 9, 2020\n\nSchools stayed closed.",
        "Coastal Power",
        "Crews are working to restore service to the island by Friday.",
        id="post-by-an-organisation-with-web-link",
    ),
    pytest.param(
        "The vote was close.\n\nWe won by four votes tonight. Thank you all — Omar Quist (@oquist) June 2, 2022",
        "Omar Quist",
        "We won by four votes tonight. Thank you all",
        id="post-without-link",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "content"), POSTS)
def test_an_embedded_post_is_a_claim_of_its_author(analyse_text, text, speaker, content):
    assert_claim(analyse_text(text).claims, text, speaker, "", content, "direct")


@pytest.mark.parametrize(
    "text",
    [
        "Readers can follow the council on its account (@towncouncil) for updates on the works.",
        "The mayor wrote on her account — @mayorlee — that the works would end in May 2021.",
    ],
)
def test_a_handle_in_a_sentence_is_no_post(analyse_text, text):
    assert not [c for c in analyse_text(text).claims if c.kind == "direct"]

"""The one home of quotation marks: which stretches leave a quotation open, which tokens are marks."""

import pytest

from newsdossier.text import quotes


@pytest.mark.parametrize(
    ("text", "open_"),
    [
        ("The mayor said “we will", True),
        ("The mayor said “we will” and left", False),
        ('She called it "a start', True),
        ('She called it "a start" and', False),
        ("``We are ready,'' he said, and", False),
        ("``We are", True),
        ("No quotation at all", False),
    ],
)
def test_a_stretch_that_opens_a_quotation_is_told_apart(text, open_):
    assert quotes.left_open(text) is open_


@pytest.mark.parametrize("mark", ['"', "'", "“", "”", "‘", "’", "``", "''", "«", "»"])
def test_every_kind_of_mark_token_is_a_mark(mark):
    assert mark in quotes.MARK_TOKENS


def test_words_are_not_marks():
    assert not {"said", "-", "(", "—"} & quotes.MARK_TOKENS

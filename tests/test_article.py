"""Reading articles: text kept byte for byte, HTML reduced to paragraphs, bad input refused clearly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsdossier.errors import InputError
from newsdossier.text.article import load_article, paragraphs, parse_date

DATA = Path(__file__).parent / "data"


def test_text_is_kept_verbatim_and_metadata_comes_from_the_manifest():
    article = load_article(DATA / "harbour.txt")
    assert article.text == (DATA / "harbour.txt").read_text(encoding="utf-8")
    assert article.published == dt.date(2023, 3, 9)
    assert article.title == "City to rebuild harbour bridge"
    assert article.source == "Test Gazette"


def test_published_argument_overrides_the_manifest():
    assert load_article(DATA / "harbour.txt", published="2022-01-05").published == dt.date(2022, 1, 5)


def test_paragraph_offsets_point_into_the_text():
    text = "First para.\n\n\nSecond para,\nstill second.\n\nThird."
    paras = paragraphs(text)
    assert [p.text for p in paras] == ["First para.", "Second para,\nstill second.", "Third."]
    assert all(text[p.start : p.end] == p.text for p in paras)


def test_html_is_reduced_to_its_paragraphs_without_scripts(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>T</title><script>alert(1)</script></head><body>"
        "<h1>Head</h1><p>One <b>bold</b> line.</p><p>Two.</p></body></html>",
        encoding="utf-8",
    )
    article = load_article(page)
    assert article.format == "html"
    assert article.title == "T"
    assert article.text == "Head\n\nOne bold line.\n\nTwo.\n"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (b"first line\nsecond \xff line\n", "line 2: not UTF-8"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        load_article(path)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_article(tmp_path / "nope.txt")


@pytest.mark.parametrize("value", ["28/02/2024", "2024-2-28", "yesterday", "2024-02-30"])
def test_bad_dates_are_refused(value):
    with pytest.raises(InputError, match="published"):
        parse_date(value)


def test_empty_date_means_unknown():
    assert parse_date("") is None

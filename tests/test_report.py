"""The report's HTML and charts, on made-up tables: highlights nest properly, links resolve, untrusted
text stays text."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pandas as pd
import plotly.graph_objects as go
import pytest
from bs4 import BeautifulSoup

from newsdossier import tables
from newsdossier.extract.network import speaker_edges
from newsdossier.records import Edge
from newsdossier.report import charts
from newsdossier.report import html as report
from newsdossier.report.html import ReportData, Span
from newsdossier.text.article import Article

VOID = {"br", "col", "img", "hr", "input", "meta", "link", "wbr"}
HOSTILE = (
    '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> **bold** =HYPERLINK("http://x")'
)


class NestingChecker(HTMLParser):
    """Fails on any end tag that does not close the innermost open element, or on elements left open."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()


def assert_well_formed(fragment: str) -> None:
    checker = NestingChecker()
    checker.feed(fragment)
    checker.close()
    assert checker.stack == [], f"left open: {checker.stack}"
    soup = BeautifulSoup(fragment, "html.parser")
    for a in soup.find_all("a"):
        assert a.find_parent("a") is None, "links must not nest"
    ids = [t["id"] for t in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), "ids must be unique"


def span_text(fragment: str, span_id: str) -> str:
    """The text of every piece of a span, markers left out, in document order."""
    soup = BeautifulSoup(fragment, "html.parser")
    for marker in soup.select("a.nd-marker"):
        marker.decompose()
    return "".join(el.get_text() for el in soup.find_all(attrs={"data-span": span_id}))


def visible_text(fragment: str) -> str:
    soup = BeautifulSoup(fragment, "html.parser")
    for marker in soup.select("a.nd-marker"):
        marker.decompose()
    return soup.get_text()


def S(start, end, kind="mention", name=None, marker=""):
    name = name or f"{kind}-{start}-{end}"
    return Span(start, end, kind, f"span-{name}", f"row-{name}", title=name, marker=marker)


TEXT = "Mayor Linda Okafor said on March 3 that the bridge would be rebuilt."


@pytest.mark.parametrize(
    "spans",
    [
        [],
        [S(6, 18)],
        [S(0, 68, "claim", "C1", "C1"), S(6, 18), S(27, 34, "date")],  # nested inside a claim
        [
            S(19, 50, "claim", "C1", "C1"),
            S(6, 23),
        ],  # a mention that starts before the claim and ends inside it
        [S(19, 50, "claim", "C1", "C1"), S(45, 60, "date")],  # a date that crosses the claim's end
        [S(6, 18), S(6, 18, "date")],  # same extent, different kinds
        [S(0, 40, "claim", "C1", "C1"), S(10, 68, "claim", "C2", "C2"), S(12, 18)],  # two crossing claims
        [S(0, 5), S(5, 11), S(11, 18)],  # adjacent
        [S(-1, 3), S(60, 90), S(5, 5)],  # outside the text or empty: left out
    ],
)
def test_highlight_nests_properly_and_keeps_every_character(spans):
    out = report.highlight(TEXT, spans)
    assert_well_formed(out)
    assert visible_text(out) == TEXT
    for s in spans:
        if 0 <= s.start < s.end <= len(TEXT):
            assert span_text(out, s.span_id) == TEXT[s.start : s.end], s
            assert out.count(f'id="{s.span_id}"') == 1
        else:
            assert s.span_id not in out


def test_highlight_links_mentions_and_dates_to_their_rows_and_claims_through_a_marker():
    out = report.highlight(
        TEXT, [S(0, 68, "claim", "C1", "C1"), S(6, 18, name="M1"), S(27, 34, "date", "E1")]
    )
    soup = BeautifulSoup(out, "html.parser")
    assert soup.find(id="span-M1").find("a")["href"] == "#row-M1"
    assert soup.find(id="span-E1").find("a")["href"] == "#row-E1"
    marker = soup.find(id="span-C1").find("a", class_="nd-marker")
    assert marker["href"] == "#row-C1" and marker["data-label"] == "C1" and marker.get_text() == ""


def test_highlight_escapes_the_text():
    text = f"He said: {HOSTILE} and left."
    out = report.highlight(text, [S(3, 40, "claim", "C1", "C1"), S(9, 20)])
    assert_well_formed(out)
    soup = BeautifulSoup(out, "html.parser")
    assert soup.find("script") is None and soup.find("img") is None
    assert visible_text(out) == text


def test_blank_line_runs_are_shortened_for_display_only():
    text = "One.\n\n\n\nTwo."
    out = report.highlight(text, [S(8, 12)])
    assert visible_text(out) == "One.\n\nTwo."
    assert span_text(out, "span-mention-8-12") == "Two."


# --- A made-up dossier ---

ARTICLE = (
    "Mayor Linda Okafor said on March 3 that the city will rebuild the bridge. "
    f'"{HOSTILE}," said Daniel Reyes.\n\nChen said Okafor was wrong.'
)


def hostile_data() -> ReportData:
    text = ARTICLE
    quote_start = text.index('"') + 1
    quote_end = text.index(',"')
    reyes = text.index("Daniel Reyes")
    chen = text.index("Chen")
    okafor2 = text.index("Okafor", chen)
    actors = pd.DataFrame(
        [
            ("A001", "Linda Okafor", "person", "mayor", "Linda Okafor;Okafor", 2, 6, "3.0"),
            ("A002", "Daniel <b>Reyes</b>", "person", "", "Daniel Reyes", 1, reyes, "1.0"),
            ("A003", "Maria Chen", "person", "", "Chen", 1, chen, "1.0"),
        ],
        columns=["actor_id", "name", "type", "title", "aliases", "mentions", "first_start", "salience"],
    )
    mentions = pd.DataFrame(
        [
            ("A001", 6, 18, "Linda Okafor", 0, "ner"),
            ("A002", reyes, reyes + 12, "Daniel Reyes", 1, "ner"),
            ("A003", chen, chen + 4, "Chen", 2, "ner"),
            ("A001", okafor2, okafor2 + 6, "Okafor", 2, "alias"),
            ("A003", 500, 504, "Chen", 2, "ner"),  # offsets outside the text: not highlighted
        ],
        columns=["actor_id", "start", "end", "text", "sentence_id", "how"],
    )
    claims = pd.DataFrame(
        [
            (
                "C001",
                "Linda Okafor",
                "A001",
                "Linda Okafor",
                "said",
                "the city will rebuild the bridge",
                "indirect",
                "2024-03-03",
                "explicit",
                40,
                72,
                0,
            ),
            (
                "C002",
                "Daniel <b>Reyes</b>",
                "A002",
                "Daniel Reyes",
                "said",
                text[quote_start:quote_end],
                "direct",
                "",
                "none",
                quote_start,
                quote_end,
                1,
            ),
            (
                "C003",
                "Maria Chen",
                "A003",
                "Chen",
                "said",
                "Okafor was wrong",
                "indirect",
                "",
                "none",
                okafor2,
                len(text),
                2,
            ),
        ],
        columns=[
            "claim_id",
            "speaker",
            "speaker_id",
            "speaker_text",
            "cue",
            "content",
            "kind",
            "date",
            "date_basis",
            "start",
            "end",
            "sentence_id",
        ],
    )
    timeline = pd.DataFrame(
        [
            (
                "E001",
                "2024-03-03",
                "March 3",
                "day",
                "Okafor said the city will rebuild",
                "A001",
                "explicit",
                27,
                34,
                0,
                "",
            ),
            (
                "E002",
                "18XX",
                "the 19th century",
                "century",
                "<img src=x onerror=alert(1)>",
                "",
                "explicit",
                -1,
                -1,
                1,
                "",
            ),
        ],
        columns=[
            "event_id",
            "date",
            "date_text",
            "precision",
            "event",
            "actors",
            "basis",
            "start",
            "end",
            "sentence_id",
            "ref",
        ],
    )
    article = Article(
        name="t",
        path="t.txt",
        text=text,
        published=dt.date(2024, 3, 4),
        title="<script>window.__pwned=3</script>Bridge",
        source="<i>Gazette</i>",
    )
    window = ("2024-03-03", "2024-03-03")
    return ReportData(
        article, actors, mentions, claims, timeline, window, network_of(actors, mentions, claims)
    )


def network_of(actors: pd.DataFrame, mentions: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The network table the claims stage would write for these tables."""
    rows = [list(frame.itertuples()) for frame in (actors, mentions, claims)]
    return tables.to_frame(speaker_edges(*rows), Edge)


@pytest.fixture
def data():
    return hostile_data()


def all_html(data: ReportData) -> str:
    return "".join(
        [
            report.style_html(),
            report.summary_html(data),
            report.article_html(data),
            report.section_html("Actors", "<b>intro</b>"),
            report.actors_table_html(data),
            report.claims_table_html(data),
            report.timeline_table_html(data),
        ]
    )


def test_report_html_is_well_formed_and_nothing_from_the_article_becomes_markup(data):
    page = all_html(data)
    body = page.split("</style>", 1)[1]
    assert_well_formed(body)
    soup = BeautifulSoup(body, "html.parser")
    assert soup.find("script") is None and soup.find("img") is None
    assert soup.find("b", string="Reyes") is None and soup.find("i") is None
    assert "<script>window.__pwned=3</script>Bridge" in soup.get_text()
    assert 'onerror="window.__pwned=2"' in soup.get_text()
    assert "**bold**" in soup.get_text() and '=HYPERLINK("http://x")' in soup.get_text()


def test_every_link_points_at_an_element_and_rows_link_to_spans_and_back(data):
    soup = BeautifulSoup(all_html(data), "html.parser")
    ids = {t["id"] for t in soup.find_all(id=True)}
    hrefs = [a["href"] for a in soup.find_all("a", href=True)]
    assert hrefs and all(h.startswith("#") for h in hrefs)
    assert [h for h in hrefs if h[1:] not in ids] == []
    for claim_id in ("C001", "C002", "C003"):
        row = soup.find(id=f"row-{claim_id}")
        assert row.find("a", href=f"#span-{claim_id}"), claim_id
        assert soup.find(id=f"span-{claim_id}").find("a", href=f"#row-{claim_id}"), claim_id
    assert soup.find(id="row-E001").find("a", href="#span-E001")
    assert soup.find(id="row-E002").find("a") is None  # no offsets: no link
    okafor = soup.find(id="row-A001")
    assert [a["href"] for a in okafor.select(".nd-where a")] == ["#span-M0001", "#span-M0004"]
    assert soup.find(id="span-M0004").find("a")["href"] == "#row-A001"
    assert soup.find(id="span-M0005") is None
    assert "1 actor mention" in soup.get_text()  # the unplaceable mention is reported


def test_summary_has_title_source_date_counts_actors_claims_and_date_range(data):
    soup = BeautifulSoup(report.summary_html(data), "html.parser")
    text = " ".join(soup.get_text().split())
    assert soup.h1.get_text() == data.article.title
    for expected in (
        "<i>Gazette</i>",
        "4 Mar 2024",
        "3 actors",
        "5 mentions",
        "3 claims",
        "3 speakers",
        "2 dated events",
        "from 1800s to 3 Mar 2024",
        "core window",
        "Linda Okafor",
    ):
        assert expected in text, expected
    assert [a["href"] for a in soup.select("a.nd-chip")][:1] == ["#row-A001"]
    assert len(soup.select("ul.nd-claims li")) == 3


def test_key_claims_take_one_claim_per_speaker_in_article_order(data):
    more = pd.concat([data.claims, data.claims.assign(claim_id="C009", start=0)], ignore_index=True)
    data.claims = more
    chosen = report.key_claims(data, n=2)
    assert chosen["speaker"].is_unique and len(chosen) == 2
    assert list(chosen["start"]) == sorted(chosen["start"])
    assert "Linda Okafor" in set(chosen["speaker"])  # the most salient speaker


def test_speaker_targets_link_speakers_to_the_actors_named_in_their_claims(data):
    edges = report.speaker_targets(data)
    assert list(zip(edges["speaker"], edges["target"])) == [("Maria Chen", "Linda Okafor")]
    data.claims.loc[0, ["speaker_id", "speaker"]] = ["", "a spokesman"]  # unresolved: kept under its words
    data.claims.loc[0, ["start", "end"]] = [0, 20]
    edges = network_of(data.actors, data.mentions, data.claims)
    assert ("speaker:a spokesman", "unresolved", "A001") in set(
        zip(edges["speaker_key"], edges["speaker_type"], edges["target_id"])
    )


def test_report_works_without_claims_events_or_publication_date(data):
    data.claims = data.claims.iloc[0:0]
    data.timeline = data.timeline.iloc[0:0]
    data.article.__dict__["published"] = None  # frozen dataclass; a test shortcut
    data.window = None
    page = all_html(data)
    assert "unknown" in page and "No placeable dates" in page
    assert_well_formed(page.split("</style>", 1)[1])
    for fig in (
        charts.claims_per_speaker(data.claims),
        charts.timeline_chart(data.timeline),
        charts.speaker_network(report.speaker_targets(data)),
    ):
        assert fig.layout.title.text


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-02-26", "26 Feb 2024"),
        ("2024-02", "February 2024"),
        ("2024", "2024"),
        ("18XX", "1800s"),
        ("202X", "2020s"),
        ("2023-SP", "spring 2023"),
        ("2021-W09", "week 9 of 2021"),
        ("XXXX-02-26", "26 Feb (year unknown)"),
        ("2024-02-30", "2024-02-30"),
        ("PAST_REF", "the past"),
    ],
)
def test_human_date(value, expected):
    assert report.human_date(value) == expected


def test_date_range_orders_by_the_first_day_each_value_covers():
    timeline = pd.DataFrame({"date": ["2023-03-07", "2023-SP", "18XX", "XXXX-02-26", "2023-W10", "PAST_REF"]})
    assert report.date_range(timeline) == ("18XX", "2023-03-07")


# --- Charts ---


def test_charts_have_titles_axis_labels_and_a_fixed_width_for_the_page(data):
    figures = [
        charts.actors_by_mentions(data.actors),
        charts.claims_per_speaker(data.claims),
        charts.timeline_chart(data.timeline, data.window),
    ]
    for fig in figures:
        assert fig.layout.title.text and fig.layout.xaxis.title.text and fig.layout.yaxis.title.text
        assert fig.layout.width <= 720
    network = charts.speaker_network(report.speaker_targets(data))
    assert network.layout.title.text == "Who speaks about whom" and network.layout.width <= 720
    assert {type(t) for t in network.data} == {go.Scatter}


def test_chart_labels_from_the_article_are_escaped(data):
    fig = charts.actors_by_mentions(data.actors)
    labels = [y for trace in fig.data for y in trace.y]
    assert any("Daniel &lt;b&gt;Reyes&lt;/b&gt;" in y for y in labels)
    assert not any("<b>" in y for y in labels)
    fig = charts.claims_per_speaker(data.claims)
    assert not any("<b>" in str(y) for trace in fig.data for y in trace.y)
    timeline = charts.timeline_chart(data.timeline, data.window)
    assert all("<img" not in str(y) for y in timeline.data[0].y)


def test_timeline_chart_marks_the_window_and_keeps_earlier_events_at_its_edge(data):
    fig = charts.timeline_chart(data.timeline, data.window)
    assert len(fig.layout.shapes) == 1  # the core window
    assert "core window" in [a.text for a in fig.layout.annotations]
    assert list(fig.data[0].marker.symbol) == ["triangle-left", "circle"]  # 18XX, then 2024-03-03


def test_figure_html_has_no_external_script_and_escapes_closing_tags():
    fig = go.Figure(go.Bar(x=[1], y=["</script><script>window.__pwned=1</script>"]))
    out = charts.figure_html(fig, include_plotlyjs=False)
    assert "<script>window.__pwned" not in out and "src=" not in out


# --- The rendered PDF (the session's end-to-end run) ---


@pytest.mark.slow
def test_pdf_is_a4_with_every_chart_and_nothing_past_the_right_margin(run_dir):
    import re
    import subprocess

    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(run_dir / "report.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)"', bbox)
    assert pages and all(
        abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in pages
    )  # A4, points
    right_edge = float(pages[0][0]) - 8 * 72 / 25.4  # inside the 10 mm margin, with 2 mm to spare
    words = re.findall(
        r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', bbox
    )
    assert [w for x, w in words if float(x) > right_edge] == []
    text = " ".join(w for _, w in words)
    for title in (
        "Actors by mentions",
        "Claims per speaker",
        "Who speaks about whom",
        "Timeline",
        "The article",
    ):
        assert title in text, title


def test_a_work_or_event_name_kept_out_of_actors_is_not_linked_and_not_counted_as_an_actor_mention(data):
    bridge = data.article.text.index("bridge")
    outside = pd.DataFrame(
        [("", bridge, bridge + 6, "bridge", 0, "out_of_scope")], columns=data.mentions.columns
    )
    data.mentions = pd.concat([data.mentions, outside], ignore_index=True)
    spans, _ = report.find_spans(data)
    assert "span-M0006" not in {s.span_id for s in spans}
    soup = BeautifulSoup(all_html(data), "html.parser")
    ids = {t["id"] for t in soup.find_all(id=True)}
    assert [a["href"] for a in soup.find_all("a", href=True) if a["href"][1:] not in ids] == []
    summary = " ".join(BeautifulSoup(report.summary_html(data), "html.parser").get_text().split())
    assert "5 mentions" in summary and "1 name of works, events … kept out" in summary

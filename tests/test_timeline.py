"""Timeline events: clauses, actors, event coreference, sentence dates and the core window."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdossier.extract.temporal import (
    build_timeline,
    core_window,
    find_timexes,
    narrative_days,
    sentence_dates,
)
from newsdossier.records import Event, Mention
from newsdossier.text.nlp import sentences

SUMMIT = (
    "Leaders held a summit on energy in Oslo on Monday. "
    "Critics attacked the plan.\n\n"
    "The prime minister spoke about prices at the opening of the summit.\n\n"
    "A spokesman said at a press briefing that talks would go on.\n\n"
    "An aide told reporters that no deal was near."
)


@pytest.fixture(scope="module")
def timeline(nlp):
    """Build the timeline of a text: (events, sentence dates, sentences)."""

    def run(text: str, published: str | None = "2021-03-10", mentions: list[Mention] | None = None, **kwargs):
        doc = nlp(text)
        sents = sentences(doc)
        pub = dt.date.fromisoformat(published) if published else None
        timexes = find_timexes(doc, published=pub)
        events = build_timeline(doc, sents=sents, timexes=timexes, mentions=mentions or [], **kwargs)
        return events, sentence_dates(doc, sents=sents, timexes=timexes), sents

    return run


def test_event_row_fields(timeline):
    events, _, _ = timeline("However, on Friday, the union called off the strike.")
    (e,) = events
    assert (e.event_id, e.date, e.date_text, e.precision, e.basis) == (
        "E001",
        "2021-03-05",
        "Friday",
        "day",
        "relative",
    )
    assert e.event == "the union called off the strike"
    assert e.sentence_id == 0 and e.ref == ""


def test_event_is_the_clause_not_the_sentence(timeline):
    events, _, _ = timeline("The mayor stayed home, but the governor flew to Paris on March 3, 2020.")
    (e,) = events
    assert e.event == "the governor flew to Paris on March 3, 2020"


def test_actors_come_from_the_clause(timeline):
    text = "Smith stayed home, but Jones flew to Paris on March 3, 2020."
    mentions = [Mention("A1", 0, 5, "Smith", 0, "ner"), Mention("A2", 23, 28, "Jones", 0, "ner")]
    (e,) = timeline(text, mentions=mentions)[0]
    assert e.actors == "A2"


def test_event_mentioned_again_keeps_its_date(timeline):
    events, _, _ = timeline(SUMMIT)
    rows = [(e.date, e.date_text, e.basis) for e in events]
    assert rows == [
        ("2021-03-08", "Monday", "relative"),
        ("2021-03-08", "the opening of the summit", "context"),
    ]
    assert "spoke" in events[1].event


def test_indefinite_and_undated_events_get_no_date(timeline):
    events, _, _ = timeline("The minister spoke at a summit. Critics attacked the summit.")
    assert events == []


def test_sentence_dates_explicit_and_context(timeline):
    _, dates, sents = timeline(SUMMIT)
    assert dates[0] == ("2021-03-08", "explicit")
    assert 1 not in dates  # an undated sentence stays undated
    spoke = next(s.sentence_id for s in sents if "spoke" in s.text)
    assert dates[spoke] == ("2021-03-08", "context")
    briefing = next(s.sentence_id for s in sents if "briefing" in s.text)
    assert dates[briefing] == ("2021-03-08", "context")  # a press event right after the dated opening
    aide = next(s.sentence_id for s in sents if "aide" in s.text)
    assert aide not in dates  # a date given by the press-event rule is not passed on again


@pytest.mark.parametrize("word", ["after", "following"])
def test_event_after_a_dated_clause_is_not_dated_by_it(timeline, word):
    text = f"Rioting broke out in the capital on Friday {word} the vote. Turnout was low throughout the vote."
    events, dates, _ = timeline(text)
    assert [(e.date, e.date_text) for e in events] == [("2021-03-05", "Friday")]
    assert dates == {0: ("2021-03-05", "explicit")}


@pytest.mark.parametrize(
    "text",
    [
        "The envoy told reporters on March 8 after the talks in Geneva that a deal was near. "
        "She spoke at the end of the talks.",
        "The envoy spoke on March 8 after the meeting. She was seen at the end of the meeting.",
    ],
)
def test_speech_right_after_a_gathering_dates_the_gathering(timeline, text):
    events, dates, _ = timeline(text)
    assert ("2021-03-08", "context") in [(e.date, e.basis) for e in events[1:]]
    assert dates[1] == ("2021-03-08", "context")


@pytest.mark.parametrize(
    "text",
    [
        "The envoy flew home on March 8 after the forum in Geneva. She spoke at the end of the forum.",
        "The envoy flew home on March 8 following the forum. She spoke at the end of the forum.",
        "The envoy flew home on March 8 ahead of the forum. She spoke at the end of the forum.",
        "The envoy flew home on March 8 prior to the forum. She spoke at the end of the forum.",
    ],
)
def test_event_before_or_after_the_date_is_not_mentioned_again_with_it(timeline, text):
    events, dates, _ = timeline(text)
    assert [e.date_text for e in events] == ["March 8"]
    assert 1 not in dates


@pytest.mark.parametrize(
    "statement",
    [
        "The minister told reporters at a news conference that he was pleased.",
        "A spokesman said at a press briefing that the talks had gone well.",
        "A spokesman said at a briefing that the talks had gone well.",
        "The minister explained to journalists that the deal was fair.",
        "Speaking at a press conference, the minister called the deal fair.",
    ],
)
def test_statement_at_a_press_event_takes_the_day_just_reported(timeline, statement):
    _, dates, _ = timeline(f"Ministers met in Rome on June 3, 2019. {statement}")
    assert dates == {0: ("2019-06-03", "explicit"), 1: ("2019-06-03", "context")}


@pytest.mark.parametrize(
    "text",
    [
        # a gathering that is not a press event has a day of its own
        "The firm reported higher profits on March 3. "
        "Its chief executive explained at an industry conference in Berlin that sales would grow.",
        "The firm reported higher profits on March 3. "
        "The chief executive said at a conference that sales grew.",
        "The firm reported higher profits on March 3. "
        "An analyst said at an intelligence briefing that it lied.",
        # the press event is what is reported, not where the statement was made
        "The firm reported higher profits on March 3. "
        "Its chief executive said he would hold a news conference.",
        # the day before is a plan, not what just happened
        "The vote will be held on March 23. "
        "The minister told reporters at a news conference that he was calm.",
        # the sentence before gives no day
        "The firm reported higher profits in March. Its chief executive told reporters that sales had grown.",
    ],
)
def test_statement_elsewhere_stays_undated(timeline, text):
    _, dates, _ = timeline(text)
    assert 1 not in dates


def test_vague_references_left_out_of_the_timeline_unless_asked_for(timeline):
    text = "Prices are now falling, and they may fall further in the coming months."
    assert timeline(text)[0] == []
    events = timeline(text, include_refs=True)[0]
    assert [(e.date, e.ref, e.date_text) for e in events] == [
        ("", "PRESENT_REF", "now"),
        ("", "FUTURE_REF", "the coming months"),
    ]


def test_missing_publication_date(timeline):
    text = "The summit opened on April 9. Officials spoke yesterday. The deal was signed in 2019."
    events, _, _ = timeline(text, published=None)
    assert [(e.date, e.date_text) for e in events] == [("XXXX-04-09", "April 9"), ("2019", "2019")]


def _event(date: str, precision: str = "day") -> Event:
    return Event("E", date, date, precision, "x", "", "explicit", 0, 1, 0)


def test_core_window_spans_main_days_only():
    events = [
        _event("1998-05-01"),
        _event("2022-06-13"),
        _event("2022-06-15T10:00", "time"),
        _event("2024-02", "month"),
        _event("2023", "year"),
    ]
    assert core_window(events) == ("2022-06-13", "2022-06-15")
    assert core_window(events, published=dt.date(2022, 6, 16)) == ("2022-06-13", "2022-06-15")


def test_core_window_without_days():
    assert core_window([_event("2023", "year")]) is None
    assert core_window([]) is None
    assert core_window([_event("XXXX-04-09"), _event("XXXX-04-11")]) == ("XXXX-04-09", "XXXX-04-11")


def test_event_as_subject_keeps_its_date(timeline):
    text = "Ministers opened a summit in Lima on Tuesday. The summit ended without a deal."
    events, _, _ = timeline(text)
    assert [(e.date, e.date_text, e.basis) for e in events] == [
        ("2021-03-09", "Tuesday", "relative"),
        ("2021-03-09", "The summit", "context"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The historian said that the fort fell in 1812.",
        "“We met the rebels on Monday,” the minister said.",
    ],
)
def test_date_inside_what_is_reported_does_not_date_the_statement(timeline, text):
    events, dates, _ = timeline(text)
    assert len(events) == 1  # the timeline keeps the date ...
    assert dates == {}  # ... but it is not the date of the saying


@pytest.mark.parametrize(
    ("text", "mod"),
    [
        ("Work on the bridge began in early March.", "START"),
        ("The plant opened in mid-2011.", "MID"),
        ("The firm lost money late last year.", "END"),
        ("The plant opened in 2011.", ""),
    ],
)
def test_the_mod_of_a_date_reaches_the_timeline(timeline, text, mod):
    (e,) = timeline(text)[0]
    assert e.mod == mod


def test_narrative_days_run_on_until_another_date(nlp):
    text = (
        "Shares fell on Monday. Traders were nervous. "
        "The company was founded in 1990. Its share price is at its highest since last November."
    )
    doc = nlp(text)
    sents = sentences(doc)
    timexes = find_timexes(doc, published=dt.date(2021, 3, 10))
    days = narrative_days(doc, sents=sents, timexes=timexes, published=dt.date(2021, 3, 10))
    # Monday runs on; "in 1990" leaves the day; "since last November" bounds a stretch, dates nothing
    assert [days[s.sentence_id] for s in sents] == [dt.date(2021, 3, 8), dt.date(2021, 3, 8), None, None]
    assert 3 not in sentence_dates(doc, sents=sents, timexes=timexes)


def test_a_claim_date_and_the_day_anaphor_share_the_narrative_date(timeline):
    events, dates, _ = timeline("Oil rose on Monday. On the day, the minister said that output would grow.")
    assert [(e.date_text, e.date) for e in events] == [("Monday", "2021-03-08"), ("the day", "2021-03-08")]
    assert dates[1] == ("2021-03-08", "explicit")  # the date a claim made in the second sentence gets


# the event dated in the first sentence, then a mention of another (or several) of its kind
OTHER_OCCURRENCES = [
    "The party held an election in Lyon on May 6. Turnout was low in the last election.",
    "The party held an election in Lyon on May 6. Turnout will be higher in the next election.",
    "The party held an election in Lyon on May 6. Turnout was high in the previous election.",
    "Rebels carried out a bombing in Lyon on May 6. Guards had stood by during the 7/7 bombing.",
    "The rivals held a debate in Lyon on May 6. Ads will run during the next two debates.",
    "The party held an election in Lyon on May 6. Turnout is always low in the elections.",
]


@pytest.mark.parametrize("text", OTHER_OCCURRENCES)
def test_another_event_of_the_kind_does_not_take_its_date(timeline, text):
    events, _, _ = timeline(text, published="2021-05-08")
    assert [e.basis for e in events if e.basis == "context"] == []
    assert events[0].date_text == "May 6"


@pytest.mark.parametrize(
    "text",
    [
        "The party held an election in Lyon on May 6. Turnout was low in the election.",
        "The party held an election in Lyon on May 6. Turnout was low in this election.",
    ],
)
def test_the_same_event_mentioned_again_keeps_its_date(timeline, text):
    events, _, _ = timeline(text, published="2021-05-08")
    assert [(e.date, e.basis) for e in events][1] == ("2021-05-06", "context")

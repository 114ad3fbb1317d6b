"""The story across articles: corpus actors, statements, quote variants, the story timeline, the
corpus dossier. Fixtures are small made-up batches: tables written as the batch store writes them."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from newsdossier.batch import corpus, store
from newsdossier.batch.corpus import CorpusArticle, CorpusFailure
from newsdossier.batch.story import build_story
from newsdossier.batch.story.names import acronym, same_first_name, tokens
from newsdossier.batch.story.wording import differences
from newsdossier.errors import InputError
from newsdossier.records import Actor, Claim, Event

# Made-up coverage of one made-up story by three outlets.
ARTICLES = [
    CorpusArticle("a1", "a1.txt", "2025-03-04", "Strike ends", "harbourpost.example", "text", 300),
    CorpusArticle("a2", "a2.txt", "2025-03-04", "Ferry strike over", "coastnews.example", "text", 250),
    CorpusArticle("a3", "a3.txt", "2025-03-05", "Ferries sail again", "islandtimes.example", "text", 280),
]
# (article, actor_id, name, type, title, aliases, mentions)
ACTORS = [
    ("a1", "A001", "Marta Olvenski", "person", "union leader", "Marta Olvenski;Olvenski", 4),
    ("a1", "A002", "Jon Brask", "person", "ferry director", "Jon Brask;Brask", 2),
    ("a1", "A003", "Eli Brask", "person", "deckhand", "Eli Brask", 1),
    (
        "a1",
        "A004",
        "National Union of Ferry Workers",
        "organization",
        "",
        "National Union of Ferry Workers",
        2,
    ),
    ("a1", "A005", "Kelsund Harbour Gulls", "organization", "", "Kelsund Harbour Gulls", 1),
    ("a2", "A001", "Olvenski", "person", "", "Olvenski", 3),
    ("a2", "A002", "NUFW", "organization", "", "NUFW", 2),
    ("a2", "A003", "Brask", "person", "", "Brask", 1),
    ("a2", "A004", "Gulls", "person", "", "Gulls", 1),  # a team the tagger took for a person
    ("a3", "A001", "Marta Olvenski", "person", "", "Marta Olvenski;Olvenski", 5),
    ("a3", "A002", "M. Olvenski", "person", "", "M. Olvenski", 1),
    ("a3", "A003", "Jon Brask", "person", "", "Jon Brask", 1),
]
QUOTE = "We have won a fair deal for every worker on these boats, and we will sail on Monday"
# (article, claim_id, speaker, speaker_id, content, kind, date, start)
CLAIMS = [
    ("a1", "C001", "Marta Olvenski", "A001", QUOTE, "direct", "2025-03-03", 120),
    ("a2", "C001", "Olvenski", "A001", QUOTE.replace("fair", "good"), "direct", "", 80),
    (
        "a3",
        "C001",
        "Marta Olvenski",
        "A001",
        "We have won a fair deal for every worker on these boats",
        "direct",
        "",
        60,
    ),
    ("a3", "C002", "Jon Brask", "A003", QUOTE, "direct", "", 400),  # the same words, another speaker
    (
        "a1",
        "C002",
        "Jon Brask",
        "A002",
        "the company would restore the full timetable by the weekend",
        "indirect",
        "",
        300,
    ),
    (
        "a3",
        "C003",
        "Jon Brask",
        "A003",
        "the company would restore the full timetable by the weekend",
        "indirect",
        "",
        500,
    ),
]
# (article, event_id, date, event, actors)
EVENTS = [
    ("a1", "E001", "2025-03-03", "the union and the company signed the agreement", "A001;A004"),
    ("a2", "E001", "2025-03-03", "Olvenski signed the deal late on Monday", "A001"),
    ("a3", "E001", "2025-03-03T23:00", "the agreement was signed just before midnight", "A001"),
    ("a3", "E002", "2025-03-10", "the ferries sail on the winter timetable", "A003"),
    ("a1", "E002", "PAST_REF", "the strike began weeks ago", "A001"),
]


def _frame(rows: list[dict], cls: type) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["article", *(f.name for f in dataclasses.fields(cls))])


def write_batch(out: Path, articles=ARTICLES, actors=ACTORS, claims=CLAIMS, events=EVENTS) -> Path:
    """A batch output folder as the store leaves it: the combined Parquet files and corpus.duckdb."""
    out.mkdir(parents=True, exist_ok=True)
    frames = {
        "actors": _frame(
            [
                {"article": a, **vars(Actor(i, n, t, title, al, m, 0, 1.0))}
                for a, i, n, t, title, al, m in actors
            ],
            Actor,
        ),
        "claims": _frame(
            [
                {"article": a, **vars(Claim(c, s, sid, s, "said", text, k, d, "", st, st + len(text), 1))}
                for a, c, s, sid, text, k, d, st in claims
            ],
            Claim,
        ),
        "timeline": _frame(
            [
                {"article": a, **vars(Event(e, d, "on Monday", "day", text, ids, "relative", 10, 19, 1))}
                for a, e, d, text, ids in events
            ],
            Event,
        ),
        "articles": corpus.records_frame(list(articles), CorpusArticle),
    }
    for name, frame in frames.items():
        store.write_parquet(frame, out / f"{name}.parquet")
    corpus.write_database(
        out / corpus.DATABASE, {**frames, "failures": corpus.records_frame([], CorpusFailure)}
    )
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The made-up batch with its story tables, built once for the module."""
    out = write_batch(tmp_path_factory.mktemp("story") / "batch")
    build_story(out)
    return out


@pytest.fixture
def story(built, tmp_path) -> Path:
    """A copy of the built batch folder of the test's own, which it may change."""
    return Path(shutil.copytree(built, tmp_path / "batch"))


def _ids(out: Path) -> dict[tuple[str, str], str]:
    actors = pd.read_parquet(out / "actors.parquet")
    return {(a, i): c for a, i, c in zip(actors["article"], actors["actor_id"], actors["corpus_actor_id"])}


@pytest.mark.parametrize(
    "name, person, expected",
    [
        ("J. Ronan Tolliver Sr.", True, ("ronan", "tolliver")),
        ("U.S. Coast Survey", False, ("us", "coast", "survey")),
        ("The Harbour Gulls' ", False, ("harbour", "gulls")),
        ("Ona Tresk Wins Top Award", True, ("ona", "tresk", "wins", "top", "award")),
        ("Ona Tresk wins top award", True, ("ona", "tresk")),
        ("ferry chief Ona Tresk", True, ("ona", "tresk")),
        ("QWV.com", False, ("qwv",)),
        ("Bank of the North", False, ("bank", "of", "the", "north")),
        # a sports position before a player's name or after a team's is no part of the name
        ("Kicker Dana Quill", True, ("dana", "quill")),
        ("Guard Quill", True, ("quill",)),
        ("Harbour Gulls QB Ona Tresk", True, ("ona", "tresk")),
        ("Wide Receiver Tom Bale", True, ("tom", "bale")),
        ("Harbour Gulls Defensive Tackle", False, ("harbour", "gulls")),
        ("Kestrel Coast Guard", False, ("kestrel", "coast", "guard")),
        ("Kestrel Civic Center", False, ("kestrel", "civic", "center")),
        ("Jon Center Brask", True, ("jon", "center", "brask")),
        ("WR Brask", True, ("brask",)),  # positions as sports pages abbreviate them
        ("DT Ona Tresk", True, ("ona", "tresk")),
        ("Ana de Vossa", True, ("ana", "de", "vossa")),  # a name particle, no position
        ("Mere Te Vossa", True, ("mere", "te", "vossa")),
        # a number is part of a team's or a road's name, never of a person's (a score, an age)
        ("Harlow 49ers", False, ("harlow", "49ers")),
        ("Ona Tresk 80", True, ("ona", "tresk")),
    ],
)
def test_names_reduce_to_comparable_words(name, person, expected):
    assert tokens(name, person=person) == expected


@pytest.mark.parametrize(
    "words, expected",
    [
        (("harbour", "workers", "union"), "hwu"),
        (("kestrel", "harbour", "76ers"), "kh"),
        (("harlow", "49ers"), ""),
    ],
)
def test_an_acronym_is_made_of_the_words_initials_not_of_a_number(words, expected):
    assert acronym(words) == expected


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("sam", "samuel", True),
        ("m", "marta", True),
        ("ko", "kasimir", True),
        ("nikolas", "nikolaos", True),
        ("jon", "eli", False),
        ("dana", "dora", False),
        ("ivo", "petra", False),
    ],
)
def test_given_names_that_can_be_one_persons(a, b, same):
    assert same_first_name(a, b) is same


def test_actors_merge_across_articles_but_namesakes_stay_apart(story):
    ids = _ids(story)
    marta = ids[("a1", "A001")]
    assert ids[("a2", "A001")] == marta  # the surname alone: only one Olvenski in the corpus
    assert ids[("a3", "A001")] == marta and ids[("a3", "A002")] == marta  # M. Olvenski
    assert ids[("a3", "A003")] == ids[("a1", "A002")]  # Jon Brask in two articles
    assert ids[("a1", "A003")] != ids[("a1", "A002")]  # Eli Brask is someone else
    assert ids[("a2", "A003")] not in (ids[("a1", "A002")], ids[("a1", "A003")])  # "Brask": which one?
    assert ids[("a2", "A002")] == ids[("a1", "A004")]  # NUFW: the union's acronym
    assert ids[("a2", "A004")] == ids[("a1", "A005")]  # the team's last word, though typed a person
    rows = pd.read_parquet(story / "corpus_actors.parquet").set_index("corpus_actor_id")
    row = rows.loc[marta]
    assert (row["name"], row["type"], row["articles"], row["mentions"]) == ("Marta Olvenski", "person", 3, 13)
    assert row["title"] == "union leader"
    assert row["outlets"] == "coastnews.example;harbourpost.example;islandtimes.example"
    assert set(row["aliases"].split(";")) == {"Marta Olvenski", "Olvenski", "M. Olvenski"}


def test_statements_group_one_speakers_near_identical_claims(story):
    claims = pd.read_parquet(story / "claims.parquet").set_index(["article", "claim_id"])["statement_id"]
    assert claims[("a1", "C001")] == claims[("a2", "C001")] == claims[("a3", "C001")]
    assert claims[("a3", "C002")] != claims[("a1", "C001")]  # same words, another speaker
    assert claims[("a1", "C002")] == claims[("a3", "C003")]  # the reported timetable promise
    statements = pd.read_parquet(story / "statements.parquet").set_index("statement_id")
    deal = statements.loc[claims[("a1", "C001")]]
    assert (deal["speaker"], deal["articles"], deal["claims"], deal["variants"]) == (
        "Marta Olvenski",
        3,
        3,
        3,
    )
    assert (deal["first_date"], deal["last_date"]) == ("2025-03-03", "2025-03-05")
    assert deal["content"] == QUOTE and bool(deal["quote_variant"])
    assert not statements.loc[claims[("a1", "C002")]]["quote_variant"]  # reported speech is no quote


def test_a_reworded_quote_is_flagged_with_its_differing_words(story):
    variants = pd.read_parquet(story / "quote_variants.parquet")
    assert variants["statement_id"].nunique() == 1
    by_outlet = {r.outlets: r for r in variants.itertuples()}
    changed = by_outlet["coastnews.example"]
    assert changed.differing == "good"
    start, end = (int(x) for x in changed.marks.split("-"))
    assert changed.content[start:end] == "good"
    assert by_outlet["harbourpost.example"].differing == "fair"
    assert by_outlet["islandtimes.example"].differing == ""  # it quotes less, not other words


@pytest.mark.parametrize(
    "text, other, expected",
    [
        ("we will sail on Monday", "we will sail on Tuesday", ["Monday"]),
        ("we will sail on Monday", "and we will sail on Monday, she said", []),  # an excerpt
        ("the deal is fair and the boats will sail", "nobody expected any of this", None),  # another part
    ],
)
def test_differences_between_two_versions_of_a_quote(text, other, expected):
    found = differences(text, other)
    assert (None if found is None else [w.text for w in found]) == (
        None if expected is None else [e.lower() for e in expected]
    )


def test_the_story_timeline_merges_one_dates_events_about_one_actor(story):
    events = pd.read_parquet(story / "story_timeline.parquet")
    signed = events[events["date"] == "2025-03-03"]
    assert len(signed) == 1
    row = signed.iloc[0]
    assert (row["articles"], row["events"]) == (3, 3)
    assert row["outlets"] == "coastnews.example;harbourpost.example;islandtimes.example"
    assert row["actor_names"].split(";")[0] == "Marta Olvenski"
    timeline = pd.read_parquet(story / "timeline.parquet").set_index(["article", "event_id"])
    assert timeline.loc[("a1", "E002"), "story_event_id"] == ""  # a vague reference has no date


def test_views_answer_the_readme_query_and_the_tables_carry_the_ids(story):
    with duckdb.connect(str(story / corpus.DATABASE), read_only=True) as con:
        for view in ("corpus_actors", "statements", "quote_variants", "story_timeline"):
            assert con.execute(f"SELECT count(*) FROM {view}").fetchone()[0] > 0
        rows = con.execute(
            "SELECT c.article, a.source, c.content FROM statements AS s "
            "JOIN claims AS c USING (statement_id) JOIN articles AS a USING (article) "
            "WHERE s.quote_variant ORDER BY c.article"
        ).fetchall()
        assert [r[1] for r in rows] == ["harbourpost.example", "coastnews.example", "islandtimes.example"]
        first = con.execute("SELECT name, articles FROM corpus_actors LIMIT 1").fetchone()
        assert first == ("Marta Olvenski", 3)


def test_reruns_are_byte_identical_and_ids_survive_an_added_article(story, tmp_path):
    names = [
        "actors",
        "claims",
        "timeline",
        "corpus_actors",
        "statements",
        "quote_variants",
        "story_timeline",
    ]
    before = {n: (story / f"{n}.parquet").read_bytes() for n in names}
    build_story(story)
    assert {n: (story / f"{n}.parquet").read_bytes() for n in names} == before
    more = write_batch(
        tmp_path / "more",
        articles=[*ARTICLES, CorpusArticle("a4", "a4.txt", "2025-03-06", "", "", "text", 90)],
        actors=[*ACTORS, ("a4", "A001", "Kelda Rusk", "person", "", "Kelda Rusk", 1)],
    )
    build_story(more)
    old, new = _ids(story), _ids(more)
    assert all(new[k] == v for k, v in old.items())


def test_the_combined_tables_keep_every_column_and_row_and_get_their_id_last(tmp_path):
    out = write_batch(tmp_path / "batch")
    before = {n: pd.read_parquet(out / f"{n}.parquet") for n in ("actors", "claims", "timeline")}
    build_story(out)
    build_story(out)  # a second run replaces the id columns of the first, adds none
    for name, column in (
        ("actors", "corpus_actor_id"),
        ("claims", "statement_id"),
        ("timeline", "story_event_id"),
    ):
        after = pd.read_parquet(out / f"{name}.parquet")
        assert list(after.columns) == [*before[name].columns, column]
        pd.testing.assert_frame_equal(after.drop(columns=[column]), before[name])
    ids = _ids(out)
    assert ids[("a1", "A001")] == ids[("a2", "A001")] == ids[("a3", "A001")]  # each row its own id
    assert ids[("a1", "A002")] != ids[("a1", "A003")]
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_missing_combined_files_are_named(tmp_path):
    with pytest.raises(InputError, match="claims.parquet does not exist; run `newsdossier batch"):
        out = write_batch(tmp_path / "b")
        (out / "claims.parquet").unlink()
        build_story(out)


@pytest.mark.slow
def test_the_corpus_dossier_renders_to_html_and_pdf_with_its_charts(story):
    from newsdossier.batch.engine import corpus_report

    (story / "a2" / "report").mkdir(parents=True)
    (story / "a2" / "report" / "report.html").write_text("<html></html>", encoding="utf-8")
    written = corpus_report(story, ("html", "pdf"))
    html = (story / "corpus" / "report.html").read_text(encoding="utf-8")
    for heading in ("Actors across articles", "Most-reported statements", "Quote variants", "Story timeline"):
        assert heading in html
    assert '<mark class="nd-diff">good</mark>' in html
    assert 'href="../a2/report/report.html#span-C001"' in html  # into the article's dossier
    assert "a1 C001 @120" in html  # no dossier: the offsets still say where
    assert html.count('class="plotly-graph-div"') >= 4  # corpus actors, outlets, timeline, speakers...
    pdf = story / "corpus" / "report.pdf"
    assert pdf in written
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Quote variants" in text and "Marta Olvenski" in text


def test_a_quote_cut_at_another_word_marks_only_that_word():
    found = differences(
        "the bridge will be ready by the spring, and then we can rest",
        "the bridge will be ready by the summer",
    )
    assert [w.text for w in found] == ["spring"]


def test_a_batch_with_no_rows_gets_empty_story_tables_and_a_report_that_says_so(tmp_path):
    from newsdossier.report import corpus as report

    out = write_batch(tmp_path / "empty", articles=[], actors=[], claims=[], events=[])
    build_story(out)
    statements = pd.read_parquet(out / "statements.parquet")
    assert statements.empty and "quote_variant" in statements.columns
    data = report.load(out)
    assert data.has_story and "<b>0</b> statements" in report.story_summary_html(data)
    assert "no statement is reported by two articles" in report.statements_html(data)


def test_report_rows_link_into_the_article_dossiers_or_give_offsets(story):
    from newsdossier.report import corpus as report

    (story / "a3" / "report").mkdir(parents=True)
    (story / "a3" / "report" / "report.html").write_text("<html></html>", encoding="utf-8")
    data = report.load(story)
    actors = report.corpus_actors_html(data)
    assert 'href="../a3/report/report.html#row-A001">a3</a> A001 @0' in actors  # an actor: its table row
    assert "a1 A001 @0" in actors  # no dossier for a1: the offsets alone
    statements = report.statements_html(data)
    assert 'href="../a3/report/report.html#span-C001">a3</a> C001 @60\u2013115' in statements
    assert "a1 C001 @120\u2013" in statements


def test_a_quote_repeated_by_many_articles_is_one_statement():
    from newsdossier.batch.story.statements import group_claims, same_statement
    from newsdossier.batch.story.wording import wording

    texts = (
        [QUOTE] * 60
        + [QUOTE.replace("fair", "good")] * 60
        + ["the timetable will be restored by the weekend"] * 3
    )
    roots = group_claims(["ca-1"] * len(texts), [wording(t) for t in texts], same_statement)
    assert len(set(roots[:120])) == 1 and len(set(roots[120:])) == 1 and roots[0] != roots[120]

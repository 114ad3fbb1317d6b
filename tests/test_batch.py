"""Batch runs: every bad input reported and isolated, resumable byte for byte (Dask: tests/test_cluster.py)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from newsdossier import outdir, tables
from newsdossier.batch import engine as batch
from newsdossier.batch.engine import DONE, FAILURES, collect_tasks, run_batch
from newsdossier.extract.stages import DOSSIER_TABLES

# Made-up articles, English and long enough for the language check to judge them.
FERRY = """Mayor Ana Lindqvist said on Tuesday that the city would reopen the old ferry terminal next spring.

"We have waited long enough for this," Lindqvist told reporters at the harbour in Norrvik.

The Port Authority said the work would cost about 40 million dollars and that it would employ two hundred people.
"""
LIBRARY = """<html><head><title>Library to stay open</title><script>var x = 1;</script></head><body>
<h1>Library to stay open on Sundays</h1>
<p>The county council voted on Monday to keep the central library open on Sundays, after a petition signed by
thousands of residents.</p>
<p>"A library that is closed is not a library at all," said councillor Tomas Berg, who led the campaign.</p>
<p>Ana Lindqvist, the mayor, said the city would pay for the extra staff from next year.</p>
</body></html>
"""
FRENCH = (
    "Le conseil municipal a décidé lundi de garder la bibliothèque centrale ouverte le dimanche, après une "
    "pétition signée par des milliers d'habitants. Le maire a déclaré que la ville paierait le personnel "
    "supplémentaire dès l'année prochaine, selon plusieurs élus présents à la réunion.\n"
)
GOOD = ("ferry", "library")


def write_folder(folder: Path) -> Path:
    """A folder of two good articles and one of each kind of bad input, with a manifest.csv."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (folder / "library.html").write_text(LIBRARY, encoding="utf-8")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "latin1.txt").write_bytes(FERRY.replace("Mayor", "Maire élue").encode("latin-1"))
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "huge.txt").write_bytes(FERRY.encode() * (5_000_000 // len(FERRY) + 1))
    (folder / "unreadable.txt").mkdir()  # a folder where a file should be
    (folder / "baddate.txt").write_text(FERRY, encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "path,published,title,source\n"
        "ferry.txt,2024-05-14,Ferry terminal to reopen,Test Gazette\n"
        "library.html,2024-05-13,,Test Gazette\n"
        "missing.txt,2024-05-12,Not there,Test Gazette\n"
        "baddate.txt,28/02/2024,Bad date,Test Gazette\n"
        "extra.txt,2024-05-11,Title, with a comma,Test Gazette\n",
        encoding="utf-8",
    )
    return folder


def failures(out: Path) -> dict[str, str]:
    """failures.csv as {article: 'stage: reason'}."""
    with (out / FAILURES).open(encoding="utf-8") as f:
        return {row["article"]: f"{row['stage']}: {row['reason']}" for row in csv.DictReader(f)}


def snapshot(out: Path) -> dict[str, bytes]:
    """Every table the batch wrote (not the database, not the notebook), by relative path."""
    names = [
        *(f"{a}/{t}" for a in GOOD for t in batch.ARTICLE_TABLES),
        "actors.parquet",
        "claims.parquet",
        "timeline.parquet",
        "articles.parquet",
        FAILURES,
    ]
    return {name: (out / name).read_bytes() for name in names}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return write_folder(tmp_path_factory.mktemp("articles"))


@pytest.fixture(scope="module")
def local_run(folder, tmp_path_factory) -> tuple[Path, batch.BatchResult]:
    """One local, in-process batch over the folder, without the corpus notebook."""
    out = tmp_path_factory.mktemp("out")
    result = run_batch(folder, out, corpus_formats=(), progress=False)
    return out, result


def test_every_bad_input_is_reported_with_its_reason(local_run):
    out, result = local_run
    found = failures(out)
    expected = {
        "empty": "read: ",
        "binary": "binary file",
        "latin1": "not UTF-8",
        "french": "not look like English",
        "huge": "too large",
        "unreadable": "not a file",
        "missing": "no such file",
        "baddate": "YYYY-MM-DD",
        "manifest.csv:6": "more cells than the header",
    }
    for article, reason in expected.items():
        assert article in found and reason in found[article], (article, found.get(article))
    assert "empty" in found["empty"]
    assert set(found) == set(expected)  # the HTML page is input, not a failure
    assert (result.done, result.skipped, result.tasks) == (2, 0, 9)


def test_good_articles_get_their_tables_and_the_corpus(local_run):
    out, _ = local_run
    for name in GOOD:
        for table in batch.ARTICLE_TABLES:
            assert (out / name / table).stat().st_size > 0
        assert json.loads((out / name / DONE).read_text())["article"]["article"] == name
    actors = pd.read_parquet(out / "actors.parquet")
    assert list(actors.columns[:2]) == ["article", "actor_id"]
    assert set(actors["article"]) == set(GOOD) and actors["article"].is_monotonic_increasing
    articles = pd.read_parquet(out / "articles.parquet")
    assert articles.set_index("article").loc["library", "format"] == "html"
    assert articles.set_index("article").loc["ferry", "published"] == "2024-05-14"
    assert not list(out.rglob("*.tmp"))


def test_duckdb_holds_the_tables_and_the_views(local_run):
    out, _ = local_run
    with duckdb.connect(str(out / "corpus.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(DISTINCT article) FROM actors").fetchone()[0] == 2
        reach = con.execute("SELECT sum(articles) FROM actor_reach").fetchone()[0]
        assert (
            reach
            == con.execute(
                "SELECT count(*) FROM (SELECT DISTINCT name, type, article FROM actors)"
            ).fetchone()[0]
        )
        speakers = con.execute("SELECT speaker, claims FROM top_speakers").fetchall()
        assert any("Berg" in s for s, _ in speakers)
        assert (
            con.execute("SELECT sum(claims) FROM claims_per_day").fetchone()[0]
            == con.execute("SELECT count(*) FROM claims").fetchone()[0]
        )
        assert con.execute("SELECT count(*) FROM failures").fetchone()[0] == 9
        assert con.execute("SELECT typeof(published) FROM articles LIMIT 1").fetchone()[0] == "DATE"


def test_views_count_across_articles(tmp_path):
    from newsdossier.batch import corpus
    from newsdossier.batch.corpus import CorpusArticle
    from newsdossier.records import Actor, Claim

    def actor(name, mentions):
        return Actor("A1", name, "person", "", name, mentions, 0, 0.5)

    def claim(speaker, kind, date):
        return Claim("C1", speaker, "A1", speaker, "said", "x", kind, date, "", 0, 1, 0)

    corpus.write_part(
        tmp_path,
        "p1",
        {
            "articles": [
                ("a", [CorpusArticle("a", "a.txt", "2024-05-14", "", "", "text", 10)]),
                ("b", [CorpusArticle("b", "b.txt", "2024-05-13", "", "", "text", 10)]),
            ],
            "actors": [
                ("a", [actor("Ana Lindqvist", 3)]),
                ("b", [actor("Ana Lindqvist", 2), actor("Tomas Berg", 1)]),
            ],
            "claims": [
                (
                    "a",
                    [claim("Ana Lindqvist", "direct", "2024-05-14"), claim("Ana Lindqvist", "indirect", "")],
                ),
                (
                    "b",
                    [
                        claim("Ana Lindqvist", "direct", "XXXX-05-10"),
                        claim("Tomas Berg", "direct", "2024-05"),
                    ],
                ),
            ],
        },
    )
    corpus.update(tmp_path, {"a": "p1", "b": "p1"}, [])
    with duckdb.connect(str(tmp_path / corpus.DATABASE), read_only=True) as con:
        assert con.execute("SELECT name, articles, mentions FROM actor_reach").fetchall() == [
            ("Ana Lindqvist", 2, 5),
            ("Tomas Berg", 1, 1),
        ]
        assert con.execute("SELECT speaker, claims, articles, direct FROM top_speakers").fetchall() == [
            ("Ana Lindqvist", 3, 2, 2),
            ("Tomas Berg", 1, 1, 1),
        ]
        days = con.execute(
            "SELECT strftime(day, '%Y-%m-%d'), claims, dated_by_claim FROM claims_per_day"
        ).fetchall()
        assert days == [
            ("2024-05-13", 2, 0),
            ("2024-05-14", 2, 1),
        ]  # undated claims count on the publication day


def test_rerun_skips_finished_articles_and_writes_identical_tables(local_run, folder):
    out, _ = local_run
    before = snapshot(out)
    again = run_batch(folder, out, corpus_formats=(), progress=False)
    assert (again.done, again.skipped) == (0, 2)
    assert snapshot(out) == before
    (out / "ferry" / DONE).unlink()  # unfinished: processed again, to the same bytes
    again = run_batch(folder, out, corpus_formats=(), progress=False)
    assert (again.done, again.skipped) == (1, 1)
    assert snapshot(out) == before


def test_a_changed_article_is_processed_again(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    out = tmp_path / "out"
    run_batch(folder, out, corpus_formats=(), progress=False)
    (folder / "ferry.txt").write_text(FERRY.replace("Tuesday", "Wednesday"), encoding="utf-8")
    again = run_batch(folder, out, corpus_formats=(), progress=False)
    assert again.done == 1
    (folder / "ferry.txt").write_text("")  # now broken: reported, and its old tables are not kept as current
    again = run_batch(folder, out, corpus_formats=(), progress=False)
    assert again.done == 0 and "empty" in failures(out)["ferry"]
    assert not (out / "ferry" / DONE).exists() and not (out / "ferry" / "claims.csv").exists()
    assert pd.read_parquet(out / "claims.parquet").empty


def test_a_bug_on_one_article_fails_only_that_article(tmp_path, monkeypatch):
    from newsdossier.extract import pipeline

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (folder / "library.html").write_text(LIBRARY, encoding="utf-8")
    real = pipeline.analyse

    def analyse(article, **kwargs):
        if "ferry" in article.text:
            raise IndexError("list index out of range")
        return real(article, **kwargs)

    monkeypatch.setattr(pipeline, "analyse", analyse)
    result = run_batch(folder, tmp_path / "out", corpus_formats=(), progress=False)
    assert result.done == 1
    # the reason names the article: it is what the CLI prints on stderr (fault 10)
    path = (folder / "ferry.txt").resolve()
    assert failures(tmp_path / "out")["ferry"] == f"analyse: {path}: IndexError: list index out of range"


def test_an_interrupt_leaves_no_half_written_file_and_the_rerun_finishes(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (folder / "library.html").write_text(LIBRARY, encoding="utf-8")
    out = tmp_path / "out"
    real_replace = os.replace
    calls = []

    def replace(src, dst):
        calls.append(dst)
        # in the middle of the second article's tables (each article: its tables, then its marker)
        if len(calls) == len(DOSSIER_TABLES) + 1 + 2:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(tables.os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        run_batch(folder, out, corpus_formats=(), progress=False)
    monkeypatch.setattr(tables.os, "replace", real_replace)
    assert not [
        p for p in out.rglob("*") if p.name.startswith(".") and p.name != outdir.LOCK
    ]  # no temporary file left
    assert sum((out / name / DONE).exists() for name in GOOD) == 1
    assert not (out / "actors.parquet").exists()
    result = run_batch(folder, out, corpus_formats=(), progress=False)
    assert (result.done, result.skipped) == (1, 1)


def test_manifest_jsonl_resolves_paths_and_reports_broken_rows(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "ferry.txt").write_text(FERRY.replace("Norrvik", "Sundby"), encoding="utf-8")
    manifest = tmp_path / "list.jsonl"
    manifest.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "path": "docs/ferry.txt",
                        "published": "2024-05-14",
                        "title": "Ferry",
                        "source": "Gazette",
                    }
                ),
                json.dumps({"path": "other/ferry.txt", "published": None}),
                '{"path": "docs/ferry.txt", "published": ',  # cut off
                json.dumps({"published": "2024-05-14"}),
                json.dumps({"path": "docs/ferry.txt"}),
                json.dumps({"path": "docs/gone.txt", "published": "2024-05-14"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    tasks, broken = collect_tasks(manifest)
    assert [t.name for t in tasks] == [
        "ferry",
        "ferry_2",
        "gone",
    ]  # one name per article, even in two folders
    assert tasks[0].published == "2024-05-14" and tasks[0].path == str(
        (tmp_path / "docs/ferry.txt").resolve()
    )
    reasons = {f.article: f.reason for f in broken}
    assert "not valid JSON" in reasons["list.jsonl:3"]
    assert '"path"' in reasons["list.jsonl:4"]
    assert "listed already (line 1)" in reasons["list.jsonl:5"]
    result = run_batch(manifest, tmp_path / "out", corpus_formats=(), progress=False)
    assert result.done == 2
    assert "no such file" in failures(tmp_path / "out")["gone"]


def test_manifest_csv_paths_resolve_against_its_folder(tmp_path):
    (tmp_path / "lists").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "ferry.txt").write_text(FERRY, encoding="utf-8")
    manifest = tmp_path / "lists" / "batch.csv"
    manifest.write_text(
        "path,published,title,source\n../docs/ferry.txt,2024-05-14,Ferry,Gazette\n"
        ",2024-05-14,No path,Gazette\n",
        encoding="utf-8",
    )
    tasks, broken = collect_tasks(manifest)
    assert tasks == [
        batch.Task(
            "ferry", str((tmp_path / "docs" / "ferry.txt").resolve()), "2024-05-14", "Ferry", "Gazette"
        )
    ]
    assert [f.reason for f in broken] == [f"{manifest}, line 3: no path"]


def test_names_stay_unique_and_off_the_corpus_outputs(tmp_path):
    for name in ("a.txt", "a.html", "corpus.txt"):
        (tmp_path / name).write_text(FERRY, encoding="utf-8")
    tasks, _ = collect_tasks(tmp_path)
    assert sorted(t.name for t in tasks) == ["a_html", "a_txt", "corpus_article"]


def test_a_manifest_without_a_path_column_is_refused(tmp_path):
    from newsdossier.errors import InputError

    manifest = tmp_path / "m.csv"
    manifest.write_text("file,published\nx.txt,2024-01-01\n", encoding="utf-8")
    with pytest.raises(InputError, match="needs the columns path"):
        collect_tasks(manifest)


@pytest.mark.slow
def test_cli_batch_shows_progress_summary_and_renders_the_corpus_report(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (folder / "library.html").write_text(LIBRARY, encoding="utf-8")
    (folder / "empty.txt").write_text("")
    out = tmp_path / "out"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsdossier",
            "batch",
            str(folder),
            "--out",
            str(out),
            "--jobs",
            "2",
            "--formats",
            "html",
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr  # one input failed
    assert "3/3" in done.stderr and "article/s" in done.stderr  # tqdm's count and rate
    assert "3 articles: 2 processed, 0 already done, 1 failed" in done.stderr
    assert "failed (read):" in done.stderr and "empty" in done.stderr and "Traceback" not in done.stderr
    html = (out / "corpus" / "report.html").read_text(encoding="utf-8")
    assert html.count('class="plotly-graph-div"') >= 3 and "Most-quoted speakers" in html
    assert "Lindqvist" in html and "corpus.load(" not in html  # code cells are hidden
    assert str(out / "corpus.duckdb") in done.stdout.splitlines()


def fake_run_article(calls: list, fail: str = ""):
    """A stand-in for runner.run_article that records what batch asked of it (fails on the `fail` file)."""
    from newsdossier.errors import StepError

    def run_article(
        article, out_dir, *, published=None, title=None, source=None, formats=(), model=None, progress=None
    ):
        calls.append((Path(article).name, Path(out_dir), published, title, source, tuple(formats)))
        if Path(article).name == fail:
            raise StepError("step 'claims' (03_claims.ipynb) failed: RuntimeError: boom")
        tables.atomic_write_text(Path(out_dir) / "report.html", "<html>dossier</html>")
        return []

    return run_article


def test_reports_run_each_dossier_once_and_a_failed_one_is_reported(tmp_path, monkeypatch):
    # runner.run_article itself is tested end to end in test_run.py; here: what batch asks of it.
    from newsdossier.run import runner

    calls = []
    monkeypatch.setattr(runner, "run_article", fake_run_article(calls, fail="library.html"))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (folder / "library.html").write_text(LIBRARY, encoding="utf-8")
    (folder / "manifest.csv").write_text("path,published\nferry.txt,2024-05-14\n", encoding="utf-8")
    out = tmp_path / "out"
    run_batch(folder, out, reports=True, report_formats=("html",), corpus_formats=(), progress=False)
    assert sorted(calls) == [
        ("ferry.txt", out / "ferry" / batch.REPORT_DIR, "2024-05-14", None, None, ("html",)),
        ("library.html", out / "library" / batch.REPORT_DIR, None, None, None, ("html",)),
    ]
    assert failures(out)["library"].startswith("report: step 'claims'")
    assert (out / "library" / DONE).exists()  # its tables stand; only the dossier failed
    calls.clear()
    run_batch(folder, out, reports=True, report_formats=("html",), corpus_formats=(), progress=False)
    assert [c[0] for c in calls] == ["library.html"]  # the rendered dossier is not rendered again


def test_reports_from_a_manifest_file_get_its_title_and_source(tmp_path, monkeypatch):
    # fault 8: `batch list.csv --reports` rendered each dossier without the manifest's title and source
    from newsdossier.run import runner

    calls = []
    monkeypatch.setattr(runner, "run_article", fake_run_article(calls))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "ferry.txt").write_text(FERRY, encoding="utf-8")
    manifest = tmp_path / "list.csv"
    manifest.write_text(
        "path,published,title,source\ndocs/ferry.txt,2024-05-14,Ferry terminal to reopen,Test Gazette\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    run_batch(manifest, out, reports=True, report_formats=("html",), progress=False)
    assert calls == [
        (
            "ferry.txt",
            out / "ferry" / batch.REPORT_DIR,
            "2024-05-14",
            "Ferry terminal to reopen",
            "Test Gazette",
            ("html",),
        )
    ]


def test_cli_batch_without_input_is_one_line_exit_2_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "newsdossier", "batch", str(tmp_path / "nowhere"), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"newsdossier: error: {tmp_path / 'nowhere'}: no such folder or manifest; "
        "give a folder of articles or a manifest .csv/.jsonl"
    ]
    assert not out.exists()


# --- The incremental corpus store. ---


def two_articles(folder: Path, *names: str) -> Path:
    """A folder holding the named made-up articles (ferry, library)."""
    folder.mkdir(parents=True, exist_ok=True)
    if "ferry" in names:
        (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    if "library" in names:
        (folder / "library.html").write_text(LIBRARY, encoding="utf-8")
    return folder


def corpus_bytes(out: Path) -> dict[str, bytes]:
    """The exported corpus tables, by file name."""
    return {
        name: (out / name).read_bytes()
        for name in ("articles.parquet", *(f"{t}.parquet" for t in GOOD_TABLES))
    }


GOOD_TABLES = ("actors", "claims", "timeline")


def test_adding_articles_processes_only_them_and_gives_the_tables_of_a_fresh_run(tmp_path):
    folder = two_articles(tmp_path / "in", "ferry")
    out = tmp_path / "out"
    first = run_batch(folder, out, progress=False)
    assert (first.done, first.changed) == (1, True)
    two_articles(folder, "library")
    added = run_batch(folder, out, progress=False)
    assert (added.done, added.skipped, added.changed) == (1, 1, True)
    fresh = tmp_path / "fresh"
    run_batch(folder, fresh, jobs=1, progress=False)
    assert corpus_bytes(out) == corpus_bytes(fresh)  # the same bytes however the articles were chunked
    with duckdb.connect(str(out / "corpus.duckdb"), read_only=True) as con:
        assert con.execute("SELECT article FROM articles ORDER BY article").fetchall() == [
            ("ferry",),
            ("library",),
        ]


def test_a_reprocessed_article_replaces_its_rows_and_its_old_part_goes(tmp_path):
    from newsdossier.batch import corpus

    folder = two_articles(tmp_path / "in", "ferry", "library")
    out = tmp_path / "out"
    run_batch(folder, out, progress=False)
    (folder / "ferry.txt").write_text(FERRY.replace("Lindqvist", "Okafor"), encoding="utf-8")
    again = run_batch(folder, out, progress=False)
    assert (again.done, again.skipped) == (1, 1)
    actors = pd.read_parquet(out / "actors.parquet")
    ferry = actors[actors["article"] == "ferry"]
    assert ferry["name"].str.contains("Okafor").any() and not ferry["name"].str.contains("Lindqvist").any()
    assert not actors.duplicated(["article", "actor_id"]).any()  # each article once
    articles = pd.read_parquet(out / "articles.parquet")
    assert articles["article"].tolist() == ["ferry", "library"]
    markers = {json.loads((out / n / DONE).read_text())["part"] for n in GOOD}
    parts = {p.name for p in (out / corpus.PARTS_DIR).iterdir() if p.is_dir()}
    assert parts == markers  # the part of the ferry's first version is gone


def test_an_unchanged_rerun_rewrites_no_corpus_file(tmp_path):
    folder = two_articles(tmp_path / "in", "ferry")
    out = tmp_path / "out"
    run_batch(folder, out, progress=False)
    stamps = {p: p.stat().st_mtime_ns for p in (out / "corpus.duckdb", out / "claims.parquet")}
    again = run_batch(folder, out, progress=False)
    assert (again.done, again.skipped, again.changed) == (0, 1, False)
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps
    (out / "claims.parquet").unlink()  # a corpus file gone: written again
    assert run_batch(folder, out, progress=False).changed and (out / "claims.parquet").exists()


def test_the_corpus_report_is_rendered_only_when_asked_and_the_corpus_changed(tmp_path, monkeypatch):
    rendered = []

    def corpus_report(out_dir, formats):
        rendered.append(tuple(formats))
        tables.atomic_write_text(Path(out_dir) / "corpus" / "report.html", "<html>corpus</html>")
        return [Path(out_dir) / "corpus" / "report.html"]

    monkeypatch.setattr(batch, "corpus_report", corpus_report)
    folder = two_articles(tmp_path / "in", "ferry")
    out = tmp_path / "out"
    run_batch(folder, out, progress=False)
    assert rendered == []  # not asked
    run_batch(folder, out, corpus_formats=("html",), progress=False)
    assert rendered == [("html",)]  # asked, and missing
    run_batch(folder, out, corpus_formats=("html",), progress=False)
    assert rendered == [("html",)]  # the corpus did not change
    two_articles(folder, "library")
    run_batch(folder, out, corpus_formats=("html",), progress=False)
    assert rendered == [("html",), ("html",)]


def test_a_stale_corpus_report_does_not_stay_beside_a_new_corpus(tmp_path):
    # fault 10: after `--formats none`, the report of an earlier corpus stayed next to the new corpus.duckdb
    folder = two_articles(tmp_path / "in", "ferry")
    out = tmp_path / "out"
    run_batch(folder, out, progress=False)
    report = out / "corpus" / "report.html"
    tables.atomic_write_text(
        report, "<html>the corpus of one article</html>"
    )  # as a --formats html run leaves it
    tables.atomic_write_text(out / "corpus" / "corpus.ipynb", "{}")
    run_batch(folder, out, progress=False)
    assert report.exists()  # the corpus did not change: the report is still its report
    two_articles(folder, "library")
    run_batch(folder, out, progress=False)
    assert not report.exists() and not (out / "corpus" / "corpus.ipynb").exists()


def test_a_killed_worker_costs_only_its_own_articles(tmp_path):
    # fault 3: with --jobs 2, killing one worker process failed every article not yet finished
    import threading
    import time

    psutil = pytest.importorskip("psutil")
    folder = tmp_path / "in"
    folder.mkdir()
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    for i in range(16):
        (folder / f"a{i:02d}.txt").write_text(FERRY.replace("Tuesday", days[i % 7]), encoding="utf-8")
    out = tmp_path / "out"
    killed: list[int] = []
    stop = threading.Event()

    def kill_one_worker() -> None:
        me = psutil.Process()
        deadline = time.monotonic() + 120
        while not stop.is_set() and time.monotonic() < deadline:
            if any(out.glob("*/done.json")):  # the workers are at work: a chunk is finished
                # the pool's workers are forked by the forkserver, a child of this process
                workers = [p for p in me.children(recursive=True) if p.ppid() != me.pid]
                if workers:
                    workers[0].kill()
                    killed.append(workers[0].pid)
                    return
            stop.wait(0.02)

    killer = threading.Thread(target=kill_one_worker, daemon=True)
    killer.start()
    try:
        result = run_batch(folder, out, jobs=2, progress=False)
    finally:
        stop.set()
        killer.join(10)
    assert killed, "no worker was found to kill"
    chunk = batch._chunks(list(range(16)), 2)[0]
    lost = [f for f in result.failures if f.stage == "worker"]
    assert [f for f in result.failures if f.stage != "worker"] == []
    assert len(lost) <= len(chunk) and result.done == 16 - len(lost)
    assert all("re-run" in f.reason and f.path in f.reason for f in lost)
    again = run_batch(folder, out, progress=False)
    assert (again.done, again.skipped, again.failures) == (len(lost), 16 - len(lost), [])
    assert len(pd.read_parquet(out / "articles.parquet")) == 16
    assert not [
        p for p in out.rglob("*") if p.name.startswith(".") and p.name != outdir.LOCK
    ]  # nothing half-written is left


def test_many_parts_are_merged_into_one_and_the_corpus_stays_the_same(tmp_path, monkeypatch):
    from newsdossier.batch import corpus

    monkeypatch.setattr(corpus, "COMPACT_PARTS", 1)
    folder = two_articles(tmp_path / "in", "ferry")
    out = tmp_path / "out"
    run_batch(folder, out, progress=False)
    assert len(list((out / corpus.PARTS_DIR).iterdir())) == 2  # one part and the state
    two_articles(folder, "library")
    run_batch(folder, out, progress=False)  # two parts: merged into one
    parts = [p.name for p in (out / corpus.PARTS_DIR).iterdir() if p.is_dir()]
    assert len(parts) == 1
    assert {json.loads((out / n / DONE).read_text())["part"] for n in GOOD} == set(parts)
    fresh = tmp_path / "fresh"
    run_batch(folder, fresh, progress=False)
    assert corpus_bytes(out) == corpus_bytes(fresh)
    again = run_batch(folder, out, progress=False)
    assert (again.done, again.skipped, again.changed) == (0, 2, False)
    (folder / "ferry.txt").write_text(FERRY.replace("Lindqvist", "Okafor"), encoding="utf-8")
    run_batch(folder, out, progress=False)  # the merged part's ferry rows give way to the new ones
    names = pd.read_parquet(out / "actors.parquet").query("article == 'ferry'")["name"]
    assert names.str.contains("Okafor").any() and not names.str.contains("Lindqvist").any()
    assert pd.read_parquet(out / "articles.parquet")["article"].tolist() == ["ferry", "library"]


# --- Units of work: a chunk gives each article what a call of its own gives, a failure stays its own. ---

COUNCIL = """The harbour council said on Friday that it would close the north pier for repairs in June.

"Safety comes first," said Marta Holm, who chairs the council, at a meeting in Norrvik.

Fishing boats will use the south pier until the work ends in September, the council said.
"""


def chunk_tasks(folder: Path) -> list[batch.Task]:
    """Three made-up articles (and, second, one that cannot be read) as the batch's tasks."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (folder / "library.html").write_text(LIBRARY, encoding="utf-8")
    (folder / "council.txt").write_text(COUNCIL, encoding="utf-8")
    (folder / "empty.txt").write_text("")
    tasks, broken = collect_tasks(folder)
    assert broken == []
    order = {"ferry": 0, "empty": 1, "library": 2, "council": 3}
    return sorted(tasks, key=lambda t: order[t.name])


def part_rows(out: Path, part: str) -> dict[str, list[dict]]:
    """A store part's rows by table, without the part's own id (which differs from part to part)."""
    from newsdossier.batch import corpus

    rows = {}
    for table in corpus.TABLES:
        frame = pd.read_parquet(out / corpus.PARTS_DIR / part / f"{table}.parquet")
        rows[table] = frame.drop(columns=[c for c in frame.columns if c.startswith("_")]).to_dict("records")
    return rows


def article_tables(out: Path, name: str) -> dict[str, bytes]:
    """An article's tables as written into OUT/<article>/."""
    return {t: (out / name / t).read_bytes() for t in batch.ARTICLE_TABLES}


def test_a_chunk_gives_each_article_the_tables_of_a_call_of_its_own(tmp_path):
    tasks = chunk_tasks(tmp_path / "in")
    together = batch.process_chunk(tasks, tmp_path / "chunk")
    alone = [batch.process_chunk([t], tmp_path / "single")[0] for t in tasks]
    assert [o.status for o in together] == [o.status for o in alone] == ["done", "failed", "done", "done"]
    assert [o.article for o in together] == [o.article for o in alone]
    assert len({o.part for o in together if o.status == "done"}) == 1  # one part for the whole chunk
    chunk_part = part_rows(tmp_path / "chunk", together[0].part)
    for outcome in alone:
        if outcome.status == "done":
            single = part_rows(tmp_path / "single", outcome.part)
            for table, rows in single.items():
                assert [r for r in chunk_part[table] if r["article"] == outcome.name] == rows
            name = outcome.name
            assert article_tables(tmp_path / "chunk", name) == article_tables(tmp_path / "single", name)


def test_a_bug_on_one_article_of_a_chunk_fails_only_that_article(tmp_path, monkeypatch):
    from newsdossier.extract import pipeline

    tasks = chunk_tasks(tmp_path / "in")
    clean = batch.process_chunk(tasks, tmp_path / "clean")
    real = pipeline.analyse

    def analyse(article, **kwargs):
        if "library" in article.text.lower():
            raise KeyError("no such column")
        return real(article, **kwargs)

    monkeypatch.setattr(pipeline, "analyse", analyse)
    outcomes = batch.process_chunk(tasks, tmp_path / "out")
    assert [o.status for o in outcomes] == ["done", "failed", "failed", "done"]
    assert [o.failure.stage for o in outcomes if o.failure] == ["read", "analyse"]
    assert "KeyError" in outcomes[2].failure.reason and tasks[2].path in outcomes[2].failure.reason
    for i in (0, 3):  # the others: the tables and records of a chunk without the failing article
        assert outcomes[i].article == clean[i].article
        assert article_tables(tmp_path / "out", tasks[i].name) == article_tables(
            tmp_path / "clean", tasks[i].name
        )
    assert not (tmp_path / "out" / "library" / DONE).exists()


def test_a_spacy_error_on_one_text_of_a_chunk_fails_only_that_article(tmp_path, monkeypatch):
    from newsdossier.text import nlp as nlp_text

    tasks = chunk_tasks(tmp_path / "in")
    nlp = nlp_text.get_nlp(nlp_text.model_name())  # the one process_chunk uses

    def fragile(doc):  # a component that fails on one text: nlp.pipe loses its batch, batch redoes singly
        if "pier" in doc.text:
            raise ValueError("the component failed")
        return doc

    from spacy.language import Language

    Language.component("fragile_for_test", func=fragile)
    nlp.add_pipe("fragile_for_test", last=True)
    try:
        outcomes = batch.process_chunk(tasks, tmp_path / "out")
    finally:
        nlp.remove_pipe("fragile_for_test")
    assert [o.status for o in outcomes] == ["done", "failed", "done", "failed"]
    assert "spaCy failed: ValueError: the component failed" in outcomes[3].failure.reason


@pytest.mark.parametrize("count", [0, 1, 3, 16, 77, 221])
@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_units_cover_every_article_once_and_shrink_towards_the_end(count, jobs):
    units = batch._chunks(list(range(count)), jobs)
    assert [i for unit in units for i in unit] == list(range(count))
    sizes = [len(unit) for unit in units]
    assert all(1 <= s <= batch.CHUNK for s in sizes)
    if jobs > 1 and count > 2 * jobs:
        assert sizes == sorted(sizes, reverse=True) and sizes[-1] <= 2  # the last units are the short ones
        assert len(units) >= 2 * jobs  # every process gets work


def test_the_trace_holds_one_line_per_unit_and_one_for_the_export(tmp_path, monkeypatch):
    folder = two_articles(tmp_path / "in", "ferry", "library")
    trace = tmp_path / "trace.jsonl"
    monkeypatch.setenv(batch.TRACE_ENV, str(trace))
    result = run_batch(folder, tmp_path / "out", progress=False)
    rows = [json.loads(line) for line in trace.read_text(encoding="utf-8").splitlines()]
    units = [r for r in rows if r["what"] == "chunk"]
    assert sum(r["articles"] for r in units) == result.done == 2
    assert [r["what"] for r in rows].count("corpus") == 1
    assert all(r["end"] >= r["start"] and r["cpu"] >= 0 and r["pid"] == os.getpid() for r in rows)

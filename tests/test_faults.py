"""The fault suite: a careless user's or a hostile input never loses or corrupts a file, and gets one line.

Each test names the fault it guards against; most drive the command in this process, with papermill's
kernels replaced by a stand-in where only the run folder's handling is under test.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

from newsdossier import outdir
from newsdossier.batch.engine import collect_tasks
from newsdossier.cli import main
from newsdossier.errors import InputError
from newsdossier.run import runner
from newsdossier.run.steps import STEPS
from newsdossier.text.article import load_article, read_manifest

DATA = Path(__file__).parent / "data"
ARTICLE = (DATA / "harbour.txt").read_text(encoding="utf-8")
# Made up for these tests: relative dates that need the publication date, one of them a year ahead.
RELATIVE = textwrap.dedent(
    """\
    The council said on Tuesday that the new bridge will open next year, a week later than planned.

    "We are on time and on budget," the mayor told reporters last week at the harbour.
    """
)


def one_error_line(capsys) -> str:
    """The single error line of a refused command (progress lines aside), and no traceback."""
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip() and not line.startswith("[")]
    assert len(lines) == 1 and lines[0].startswith("newsdossier: error: "), err
    assert "Traceback" not in err
    return lines[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder and its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def fake_kernels(monkeypatch):
    """papermill without kernels: no kernel (nor fork server) is started, and each "executed" notebook is
    written whole and its step's outputs made."""
    calls: list[str] = []

    @contextlib.contextmanager
    def no_kernels(steps, *args, **kwargs):
        yield iter([None] * len(steps))  # execute_step then leaves the kernel to papermill: the stand-in

    def execute(source, output, parameters, **kwargs):
        name = Path(source).name
        calls.append(name)
        nbformat.write(nbformat.v4.new_notebook(), output)
        step = next(s for s in STEPS if s.notebook == name)
        for out in step.outputs:
            (Path(parameters["out_dir"]) / out).write_text(f"{name}\n", encoding="utf-8")
        return None

    monkeypatch.setattr(runner, "kernels_ahead", no_kernels)
    monkeypatch.setattr("papermill.execute_notebook", execute)  # the runner imports papermill when it runs
    return calls


# --- 1. `run` never destroys its input; the run folder never takes a file that is not its own. ---


@pytest.mark.parametrize(
    "name, content",
    [("report.html", ARTICLE), ("article.txt", "<html><body><p>A page saved as text.</p></body></html>")],
)
def test_an_input_named_like_an_output_of_its_run_folder_is_refused_and_kept(tmp_path, capsys, name, content):
    folder = tmp_path / "some"
    folder.mkdir()
    (folder / name).write_text(content, encoding="utf-8")
    before = snapshot(folder)
    code = main(["run", str(folder / name), "--out", str(folder), "--published", "2023-03-09"])
    assert code == 2
    line = one_error_line(capsys)
    assert name in line and "--out" in line
    assert snapshot(folder) == before  # the input is neither deleted nor overwritten, nothing added


def test_an_article_inside_its_run_folder_is_read_and_left_as_it_is(tmp_path, fake_kernels):
    folder = tmp_path / "some"
    folder.mkdir()
    page = folder / "page.html"
    page.write_text("<html><body><p>" + ARTICLE.replace("\n\n", "</p><p>") + "</p></body></html>")
    before = page.read_bytes()
    runner.run_article(page, folder, published="2023-03-09", formats=(), progress=lambda m: None)
    assert page.read_bytes() == before
    assert (folder / "01_article.ipynb").exists() and len(fake_kernels) == len(STEPS)


@pytest.mark.parametrize(
    "command, names", [("run", ("claims.csv", "report.html")), ("extract", ("actors.csv", "timexes.csv"))]
)
def test_a_folder_that_is_not_a_run_folder_keeps_the_users_files(tmp_path, capsys, command, names):
    folder = tmp_path / "mine"
    folder.mkdir()
    for name in names:
        (folder / name).write_text(f"my own {name}\n")
    before = snapshot(folder)
    code = main([command, str(DATA / "harbour.txt"), "--out", str(folder)])
    line = one_error_line(capsys)
    assert code == 2 and "not a newsdossier run folder" in line and ", ".join(names) in line
    assert snapshot(folder) == before


def test_extract_twice_into_its_own_folder_replaces_its_tables(tmp_path, capsys):
    folder = tmp_path / "out"
    assert main(["extract", str(DATA / "harbour.txt"), "--out", str(folder)]) == 0
    (folder / "actors.csv").write_text("stale\n")
    assert main(["extract", str(DATA / "harbour.txt"), "--out", str(folder)]) == 0
    assert (folder / "actors.csv").read_text() != "stale\n"


def test_a_rerun_replaces_only_its_own_files_and_leaves_no_old_ones(tmp_path, fake_kernels):
    folder = tmp_path / "run"
    runner.run_article(DATA / "harbour.txt", folder, formats=(), progress=lambda m: None)
    (folder / "notes.txt").write_text("the analyst's notes\n")
    (folder / "report.html").write_text("the report of the earlier run\n")
    runner.run_article(DATA / "harbour.txt", folder, formats=(), progress=lambda m: None)
    assert (folder / "notes.txt").read_text() == "the analyst's notes\n"
    assert not (folder / "report.html").exists()  # formats=(): no report now, and no stale one either


# --- 2 and 10. Manifests and articles in the encodings that spreadsheets and editors save. ---


def test_a_manifest_with_a_byte_order_mark_gives_the_metadata(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "manifest.csv").write_bytes(
        "path,published,title,source\na.txt,2023-03-09,Bridge plans,Gazette\n".encode("utf-8-sig")
    )
    article = load_article(tmp_path / "a.txt")
    assert (article.published.isoformat(), article.title, article.source) == (
        "2023-03-09",
        "Bridge plans",
        "Gazette",
    )


def test_a_latin1_manifest_beside_an_article_is_one_line_naming_it(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "manifest.csv").write_bytes(
        "path,published,title,source\na.txt,2023-03-09,Café plans,Gazette\n".encode("latin-1")
    )
    code = main(["extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")])
    line = one_error_line(capsys)
    assert code == 2 and "manifest.csv, line 2: not UTF-8" in line and "save the manifest as UTF-8" in line
    assert not (tmp_path / "out").exists()


def test_a_bad_date_in_a_manifest_names_the_manifest_and_line(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("path,published\nb.txt,2023-03-09\na.txt,09/03/2023\n")
    with pytest.raises(InputError, match=r"manifest\.csv, line 3: published must be a date as YYYY-MM-DD"):
        load_article(tmp_path / "a.txt")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_articles_with_a_byte_order_mark_are_read(tmp_path, codec):
    path = tmp_path / "a.txt"
    bom = {"utf-16-be": b"\xfe\xff"}.get(codec, b"")
    path.write_bytes(bom + ARTICLE.encode(codec))
    assert load_article(path, published="2023-03-09").text == ARTICLE


def test_utf16_without_a_byte_order_mark_is_called_what_it_is(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode("utf-16-le"))
    with pytest.raises(InputError, match="UTF-16 without a byte-order mark"):
        load_article(path)


def test_a_folder_whose_manifest_has_a_byte_order_mark_is_processed_with_its_dates(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "manifest.csv").write_bytes(
        "path,published,title\na.txt,2023-03-09,Bridge\n".encode("utf-8-sig")
    )
    out = tmp_path / "out"
    assert main(["batch", str(folder), "--out", str(out), "--formats", "none"]) == 0
    assert '"published": "2023-03-09"' in (out / "a" / "done.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("codec", ["utf-16", "utf-8-sig", "utf-32"])
@pytest.mark.parametrize("where", ["folder", "list"])
def test_a_batch_manifest_in_utf16_or_with_a_byte_order_mark_is_read(tmp_path, codec, where):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    manifest = folder / ("manifest.csv" if where == "folder" else "list.csv")
    manifest.write_bytes("path,published,title,source\na.txt,2023-03-09,Café plans,Gazette\n".encode(codec))
    tasks, broken = collect_tasks(folder if where == "folder" else manifest)
    assert broken == []
    assert [(t.name, t.published, t.title, t.source) for t in tasks] == [
        ("a", "2023-03-09", "Café plans", "Gazette")
    ]


def test_a_latin1_batch_list_is_one_line_naming_it(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "list.csv").write_bytes("path,published,title\na.txt,2023-03-09,Café\n".encode("latin-1"))
    code = main(["batch", str(tmp_path / "list.csv"), "--out", str(tmp_path / "out"), "--formats", "none"])
    line = one_error_line(capsys)
    assert code == 2 and "list.csv, line 2: not UTF-8" in line and "save the manifest as UTF-8" in line


# --- 7. A manifest row shorter than its header is reported; the rest of the batch goes on. ---


def test_a_short_manifest_row_is_skipped_by_the_reader(tmp_path):
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("published,path,title\n2023-03-09,a.txt,A\n2023-03-10\n2023-03-11,c.txt\n")
    rows = read_manifest(manifest)
    assert sorted(rows) == ["a.txt", "c.txt"]
    assert (rows["c.txt"].line, rows["c.txt"].published, rows["c.txt"].title) == (4, "2023-03-11", "")


def test_a_short_manifest_row_in_a_folder_is_reported_and_the_batch_goes_on(tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "manifest.csv").write_text("published,path,title\n2023-03-09,a.txt,A\n2023-03-10\n")
    out = tmp_path / "out"
    code = main(["batch", str(folder), "--out", str(out), "--formats", "none"])
    assert code == 1  # something failed: the short row
    assert "Traceback" not in capsys.readouterr().err
    with (out / "failures.csv").open(encoding="utf-8") as f:
        failures = list(csv.DictReader(f))
    assert [f["stage"] for f in failures] == ["manifest"] and "line 3" in failures[0]["reason"]
    assert (out / "a" / "done.json").exists() and (out / "b" / "done.json").exists()


# --- 6. Publication dates at the calendar's edges are refused at validation, not by a crash. ---


@pytest.mark.parametrize("date", ["0001-01-01", "0999-12-31", "9000-01-01", "9999-12-25", "9999-12-31"])
def test_extract_on_a_date_at_the_calendars_edge_is_exit_2_with_the_range(tmp_path, capsys, date):
    path = tmp_path / "a.txt"
    path.write_text(RELATIVE, encoding="utf-8")
    code = main(["extract", str(path), "--published", date, "--out", str(tmp_path / "out")])
    line = one_error_line(capsys)
    assert code == 2 and "out of range" in line and "1000-01-01 and 8999-12-31" in line
    assert not (tmp_path / "out").exists()


def test_a_manifest_date_at_the_calendars_edge_names_the_manifest(tmp_path):
    (tmp_path / "a.txt").write_text(RELATIVE, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("path,published\na.txt,9999-12-25\n")
    with pytest.raises(InputError, match=r"manifest\.csv, line 2: published '9999-12-25' is out of range"):
        load_article(tmp_path / "a.txt")


@pytest.mark.parametrize("date", ["1000-01-01", "8999-12-31"])
def test_dates_at_the_ends_of_the_range_are_analysed(analyse_text, date):
    dossier = analyse_text(RELATIVE, published=date)
    values = {t.text: t.value for t in dossier.timexes}  # resolved without overflowing the calendar
    year = int(date[:4])
    assert values["next year"] == f"{year + 1:04d}"
    assert values["last week"] == f"{year - 1 if date.endswith('01-01') else year:04d}-W52"


# --- 5. Two runs into one folder: the second is refused while the first lives. ---


HOLD_LOCK = """
import sys, time
from pathlib import Path
from newsdossier import outdir
with outdir.locked(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(120)
"""


@pytest.fixture
def lock_holder(tmp_path):
    """Another process holding the run folder's lock; stopped (by its pid) at the end of the test."""
    folder = tmp_path / "run"
    folder.mkdir()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(folder)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout.readline().strip() == "locked"
    yield folder, proc
    proc.kill()
    proc.wait()


@pytest.mark.parametrize("command", ["run", "extract"])
def test_a_second_run_into_a_held_folder_is_refused_naming_the_holder(lock_holder, capsys, command):
    folder, proc = lock_holder
    before = snapshot(folder)
    code = main([command, str(DATA / "harbour.txt"), "--out", str(folder)])
    line = one_error_line(capsys)
    assert code == 2 and f"another newsdossier run (pid {proc.pid})" in line
    assert snapshot(folder) == before


def test_a_lock_left_by_a_killed_run_is_taken_over(lock_holder, fake_kernels):
    folder, proc = lock_holder
    proc.kill()
    proc.wait()
    assert (folder / outdir.LOCK).read_text().strip() == str(proc.pid)  # the dead run's lock is still there
    runner.run_article(DATA / "harbour.txt", folder, formats=(), progress=lambda m: None)
    assert (folder / outdir.LOCK).read_text().strip() == str(os.getpid())
    assert len(fake_kernels) == len(STEPS)


def test_a_second_batch_into_a_held_folder_is_refused_naming_the_holder(lock_holder, tmp_path, capsys):
    folder, proc = lock_holder
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(ARTICLE, encoding="utf-8")
    before = snapshot(folder)
    code = main(["batch", str(articles), "--out", str(folder), "--formats", "none"])
    line = one_error_line(capsys)
    assert code == 2 and f"another newsdossier run (pid {proc.pid})" in line
    assert snapshot(folder) == before
    proc.kill()  # a dead batch's lock is taken over
    proc.wait()
    assert main(["batch", str(articles), "--out", str(folder), "--formats", "none"]) == 0
    assert (folder / "a" / "done.json").exists()
    assert (folder / outdir.LOCK).read_text().strip() == str(os.getpid())


def test_the_lock_is_refused_within_one_process_too(tmp_path):
    with outdir.locked(tmp_path):
        with pytest.raises(Exception, match=f"pid {os.getpid()}"):
            with outdir.locked(tmp_path):
                pass
    with outdir.locked(tmp_path):  # released at the end of the first
        pass


# --- 9. Output problems: one line, exit 2, nothing half-written. ---


@pytest.mark.parametrize("command", ["run", "extract"])
@pytest.mark.parametrize("where", ["file", "under_file"])
def test_out_naming_a_file_or_a_path_under_one_is_one_line(tmp_path, capsys, command, where):
    afile = tmp_path / "notes.txt"
    afile.write_text("keep me\n")
    out = afile if where == "file" else afile / "sub"
    code = main([command, str(DATA / "harbour.txt"), "--out", str(out)])
    assert code == 2 and "is a file" in one_error_line(capsys)
    assert afile.read_text() == "keep me\n"


@pytest.mark.parametrize("command", ["run", "extract"])
def test_a_read_only_file_system_is_one_line(tmp_path, capsys, monkeypatch, command):
    def read_only(self, *args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "mkdir", read_only)
    code = main([command, str(DATA / "harbour.txt"), "--out", str(tmp_path / "out")])
    assert code == 2 and "read-only file system" in one_error_line(capsys)


def test_a_full_disk_during_run_leaves_no_truncated_notebook(tmp_path, capsys, monkeypatch):
    from papermill.iorw import LocalHandler

    def full_disk(self, buf, path):
        with open(path, "w", encoding="utf-8") as f:
            f.write(buf[: len(buf) // 2])  # what a full disk leaves: the first part of the file
        raise OSError(errno.ENOSPC, "No space left on device", path)

    monkeypatch.setattr(LocalHandler, "write", full_disk)
    out = tmp_path / "out"
    code = main(["run", str(DATA / "harbour.txt"), "--out", str(out), "--formats", "html"])
    line = one_error_line(capsys)
    assert code == 2 and "disk is full" in line and "step 'article'" in line
    notebooks = [p for p in out.iterdir() if p.suffix == ".ipynb"]
    assert notebooks == []  # neither the truncated notebook nor its hidden partial copy
    assert not (out / "report.html").exists()


class _FullDisk:
    """A file object on a full disk: the first half of what is written lands, then ENOSPC."""

    def __init__(self, f):
        self.f = f

    def write(self, data):
        self.f.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device", self.f.name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.f.close()


def test_a_full_disk_during_extract_is_one_line_and_keeps_the_old_tables(tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    assert main(["extract", str(DATA / "harbour.txt"), "--out", str(out)]) == 0
    capsys.readouterr()
    before = snapshot(out)
    real = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, mode="r", *a, **k: _FullDisk(real(fd, mode, *a, **k)))
    code = main(["extract", str(DATA / "harbour.txt"), "--out", str(out)])
    monkeypatch.undo()
    assert code == 2 and "disk is full" in one_error_line(capsys)
    assert snapshot(out) == before  # the earlier tables whole, no temporary file left


# --- 4. Long articles: parsed in pieces of whole paragraphs, refused beyond the documented limit. ---


def long_text(chars: int) -> str:
    """A made-up article of at least chars characters: numbered paragraphs, each with a quote."""
    paras = []
    n = 0
    while sum(map(len, paras)) < chars:
        paras.append(
            f"Councillor Dana Whitfield{n} said the harbour plan number {n} would cost more. "
            f'"It is not ready," she told the committee on Tuesday.'
        )
        n += 1
    return "\n\n".join(paras) + "\n"


@pytest.mark.parametrize("size", [1, 7, 60, 500])
def test_pieces_join_back_to_the_text_and_cut_at_paragraphs(size):
    from newsdossier.text.nlp import pieces

    text = "One a.\n\nTwo bb.\n\n\nThree " + "x" * 90 + " y\nz\n\nFour."
    cut = pieces(text, size)
    assert "".join(cut) == text and all(0 < len(p) <= size for p in cut)
    if size == 60:  # paragraph starts are preferred; the overlong third paragraph is cut at its space
        assert cut[0] == "One a.\n\nTwo bb.\n\n\n" and cut[1].startswith("Three ")


def test_a_text_longer_than_the_models_limit_is_parsed_in_pieces(nlp, monkeypatch):
    from newsdossier.text import nlp as nlp_module
    from newsdossier.text.nlp import parse, sentences

    # Scaled down 50 times: pieces of 400 characters, and a model limit of 800 for spaCy's 1,000,000 (E088).
    monkeypatch.setattr(nlp_module, "PIECE_CHARS", 400)
    monkeypatch.setattr(nlp, "max_length", 800)
    text = long_text(3_000)
    doc = parse(text, nlp)
    assert doc.text == text
    sents = sentences(doc)
    assert all(text[s.start : s.end] == s.text for s in sents)
    assert len(sents) == 2 * text.count("\n\n") + 2  # two sentences a paragraph, none across a cut
    people = {ent.text for ent in doc.ents if ent.label_ == "PERSON"}
    assert any(p.startswith("Dana Whitfield") for p in people)  # a name is found on either side of a cut


def test_a_long_article_in_a_batch_is_parsed_in_pieces_and_gives_the_whole_parse_tables(
    nlp, tmp_path, monkeypatch
):
    from newsdossier.text import nlp as nlp_module

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "long.txt").write_text(long_text(3_000), encoding="utf-8")
    (folder / "short.txt").write_text(RELATIVE, encoding="utf-8")
    (folder / "manifest.csv").write_text("path,published\nlong.txt,2023-03-09\nshort.txt,2023-03-09\n")
    whole = tmp_path / "whole"
    assert main(["batch", str(folder), "--out", str(whole), "--formats", "none"]) == 0
    # Scaled down as above: pieces of 400 characters, and a model that refuses texts over 800 (E088).
    monkeypatch.setattr(nlp_module, "PIECE_CHARS", 400)
    monkeypatch.setattr(nlp, "max_length", 800)
    cut: list[int] = []
    pieces = nlp_module.pieces
    monkeypatch.setattr(nlp_module, "pieces", lambda text, size: cut.append(len(text)) or pieces(text, size))
    out = tmp_path / "pieces"
    assert main(["batch", str(folder), "--out", str(out), "--formats", "none"]) == 0
    assert cut == [len(long_text(3_000))]  # only the long one is cut; the short one goes through nlp.pipe
    for name in ("long", "short"):
        for table in ("actors.csv", "claims.csv", "timeline.csv", "mentions.csv"):
            assert (out / name / table).read_bytes() == (whole / name / table).read_bytes(), (name, table)


def test_a_short_text_is_parsed_as_before(nlp):
    from newsdossier.text.nlp import parse

    text = long_text(2_000)
    assert [t.text for t in parse(text, nlp)] == [t.text for t in nlp(text)]


def test_an_article_over_the_character_limit_is_refused_before_parsing(tmp_path, capsys):
    from newsdossier.text.article import MAX_CHARS

    path = tmp_path / "long.txt"
    path.write_text(long_text(MAX_CHARS + 1), encoding="utf-8")
    code = main(["extract", str(path), "--out", str(tmp_path / "out")])
    line = one_error_line(capsys)
    assert code == 2 and f"{MAX_CHARS:,} characters" in line and "split" in line


# --- JupyterLab: `make lab` as root and as a user; notebooks committed as JupyterLab saves them. ---

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def lab_command(*make_args: str, user: str | None = None) -> list[str]:
    """The command line `make lab` would run (a dry run: nothing is installed or started)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    prefix = ["runuser", "-u", user, "--"] if user else []
    done = subprocess.run(
        [*prefix, "make", "-s", "-n", "-C", str(ROOT), "lab", *make_args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    lines = [line for line in done.stdout.splitlines() if "jupyter lab" in line]
    assert len(lines) == 1, done.stdout
    return lines[0].split()


@pytest.mark.parametrize(
    "make_args, root, browser",
    [
        (["LAB_UID=0"], True, False),
        (["LAB_UID=1000"], False, False),
        (["LAB_UID=1000", "DISPLAY=:0"], False, True),
        (["LAB_UID=0", "WAYLAND_DISPLAY=wayland-0"], True, True),
    ],
)
def test_make_lab_allows_root_only_as_root_and_opens_a_browser_only_with_a_display(make_args, root, browser):
    command = lab_command(*make_args)
    assert command[:3] == [".venv/bin/jupyter", "lab", "--notebook-dir=notebooks"]
    assert ("--allow-root" in command) == root
    assert ("--no-browser" in command) == (not browser)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to try both a root and a normal user")
def test_make_lab_takes_the_real_user_id():
    assert "--allow-root" in lab_command()
    assert "--allow-root" not in lab_command(user="nobody")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT / "notebooks").as_posix())
def test_notebook_is_committed_as_jupyterlab_saves_it(path):
    text = path.read_text(encoding="utf-8")
    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    assert nbformat.writes(nb) + "\n" == text  # what the server writes when JupyterLab saves it
    assert (nb.nbformat, nb.nbformat_minor) == (4, nbformat.current_nbformat_minor)
    assert set(nb.metadata) == {"kernelspec", "language_info"}
    assert nb.metadata.kernelspec == {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    # What the kernel reports on start and JupyterLab writes into the notebook: the whole of it.
    assert set(nb.metadata.language_info) == {
        "codemirror_mode",
        "file_extension",
        "mimetype",
        "name",
        "nbconvert_exporter",
        "pygments_lexer",
        "version",
    }
    assert all(cell.get("id") for cell in nb.cells)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_a_running_jupyterlab_saves_the_committed_notebooks_unchanged(tmp_path):
    """Start JupyterLab with the flags `make lab` builds, open every notebook, give it the outputs and
    metadata a session adds, save it through the REST API, and compare the files; then compare language_info with what the project's kernel reports."""
    import json
    import time
    import urllib.request

    from jupyter_client.manager import start_new_kernel

    folder = tmp_path / "notebooks"
    for path in NOTEBOOKS:
        target = folder / path.relative_to(ROOT / "notebooks")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    flags = [f for f in lab_command() if f.startswith("--") and not f.startswith("--notebook-dir")]
    port, token = free_port(), "fault-suite"
    jupyter = Path(sys.executable).parent / "jupyter"
    server = subprocess.Popen(
        [
            str(jupyter),
            "lab",
            f"--notebook-dir={folder}",
            *flags,
            f"--port={port}",
            f"--IdentityProvider.token={token}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/api"
    headers = {"Authorization": f"token {token}", "Content-Type": "application/json"}

    def call(url: str, data: bytes | None = None, method: str = "GET") -> dict:
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)

    try:
        for _ in range(120):
            try:
                call(f"{base}/status")
                break
            except OSError:
                assert server.poll() is None, "jupyter lab exited (as root without --allow-root?)"
                time.sleep(0.5)
        for path in NOTEBOOKS:
            name = path.relative_to(ROOT / "notebooks").as_posix()
            model = call(f"{base}/contents/{name}?content=1")
            ran = model["content"]  # as a session leaves it after running every cell
            for count, cell in enumerate(c for c in ran["cells"] if c["cell_type"] == "code"):
                cell["execution_count"] = count + 1
                cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "costs $5\n"}]
            ran["metadata"]["widgets"] = {"state": {}}
            body = json.dumps({"type": "notebook", "format": "json", "content": ran})
            call(f"{base}/contents/{name}", body.encode("utf-8"), "PUT")
            assert (folder / name).read_bytes() == path.read_bytes(), name
    finally:
        server.terminate()
        server.wait(timeout=30)
    manager, client = start_new_kernel(kernel_name="python3")
    try:
        reported = client.kernel_info(reply=True)["content"]["language_info"]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    for path in NOTEBOOKS:
        assert nbformat.read(path, as_version=4).metadata.language_info == reported, path.name


def test_the_save_hook_drops_outputs_and_keeps_the_committed_metadata(tmp_path):
    from newsdossier.run.lab import keep_committed_form

    committed = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}}
    )
    committed.cells = [nbformat.v4.new_code_cell("x = 1", id="a1")]
    nbformat.write(committed, tmp_path / "n.ipynb")
    ran = nbformat.from_dict(json.loads(json.dumps(committed)))
    ran.cells[0].outputs = [nbformat.v4.new_output("stream", text="1")]
    ran.cells[0].execution_count = 3
    ran.cells[0].source = "x = 2"  # an edit to the cell itself is kept
    ran.metadata["widgets"] = {}
    model = {"type": "notebook", "content": ran}
    keep_committed_form(model, "/n.ipynb", SimpleNamespace(root_dir=str(tmp_path)))
    cell = model["content"].cells[0]
    assert (cell.outputs, cell.execution_count, cell.source) == ([], None, "x = 2")
    assert model["content"].metadata == {"kernelspec": {"name": "python3", "display_name": "Python 3"}}
    text = {"type": "file", "content": "plain"}
    keep_committed_form(text, "/a.txt", SimpleNamespace(root_dir=str(tmp_path)))
    assert text == {"type": "file", "content": "plain"}


# --- JupyterLab: dollar amounts stay text (MathJax skips every HTML the package displays). ---


def test_html_shown_in_notebooks_is_marked_for_mathjax_to_skip():
    import pandas as pd

    from newsdossier.report import notebook

    assert notebook.no_math("it costs $5 and $10").startswith('<div class="tex2jax_ignore mathjax_ignore">')
    with pd.option_context("display.html.use_mathjax", True):
        notebook.setup()
        frame_html = pd.DataFrame({"content": ["it costs $5 and $10"]})._repr_html_()
    assert "mathjax_ignore" in frame_html


@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.name)
def test_the_step_notebooks_display_html_only_through_the_helper(step):
    nb = nbformat.read(ROOT / "notebooks" / step.notebook, as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "HTML(" not in code  # IPython's HTML would go to MathJax as it is
    if step != STEPS[-1]:  # the steps that show DataFrames
        assert "notebook.setup()" in code


@pytest.mark.slow
def test_every_html_output_of_a_run_is_marked_for_mathjax_to_skip(run_dir):
    for step in STEPS:
        nb = nbformat.read(run_dir / step.notebook, as_version=4)
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                html = output.get("data", {}).get("text/html")
                if html:
                    html = "".join(html)
                    head = html[: html.find("</style>") + 300]  # pandas puts its style first
                    assert "mathjax_ignore" in head, (step.notebook, html[:300])


# --- The corpus notebook opens on the folder that `make corpus` writes. ---


def test_the_corpus_notebooks_default_is_what_make_corpus_writes():
    import ast

    path = ROOT / "notebooks" / "corpus" / "corpus.ipynb"
    cell = next(
        c for c in nbformat.read(path, as_version=4).cells if "parameters" in c.metadata.get("tags", [])
    )
    default = next(
        n.value.value
        for n in ast.parse(cell.source).body
        if isinstance(n, ast.AnnAssign) and n.target.id == "corpus_dir"
    )
    recipe = subprocess.run(
        ["make", "-s", "-n", "-C", str(ROOT), "corpus"], capture_output=True, text=True, check=True
    )
    line = next(line for line in recipe.stdout.splitlines() if "newsdossier batch" in line).split()
    written = (ROOT / line[line.index("--out") + 1]).resolve()
    assert (path.parent / default).resolve() == written  # JupyterLab runs a notebook in its own folder


def test_the_corpus_notebook_says_what_to_run_first(tmp_path):
    from newsdossier.report import corpus

    with pytest.raises(FileNotFoundError, match="run `make corpus` first"):
        corpus.load(tmp_path / "batch")


def test_a_link_to_the_article_named_like_an_output_is_refused_too(tmp_path, capsys):
    original = tmp_path / "article.html"
    original.write_text(ARTICLE, encoding="utf-8")
    folder = tmp_path / "some"
    folder.mkdir()
    (folder / "report.html").symlink_to(original)
    code = main(["run", str(folder / "report.html"), "--out", str(folder)])
    assert code == 2 and "report.html" in one_error_line(capsys)
    assert (folder / "report.html").is_symlink() and original.read_text(encoding="utf-8") == ARTICLE


def test_a_batch_list_with_a_title_over_two_lines_keeps_it(tmp_path):
    from newsdossier.batch.engine import read_manifest_rows

    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    listing = tmp_path / "list.csv"
    listing.write_text('path,published,title,source\na.txt,2024-02-28,"Harbour deal:\nthe vote",Gazette\n')
    rows, broken = read_manifest_rows(listing)
    assert broken == [] and [r.title for r in rows] == ["Harbour deal:\nthe vote"]

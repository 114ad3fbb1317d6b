"""The command line: the fast extract path, and one-line errors (exit 2, nothing written) for bad input."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
# The columns ../shared/eval/score.py reads, plus the offsets that make every row traceable.
REQUIRED = {
    "actors.csv": {"name", "type", "title", "aliases", "mentions", "first_start"},
    "claims.csv": {"speaker", "content", "kind", "date", "start", "end"},
    "timeline.csv": {"date", "event", "date_text", "start", "end"},
}


def newsdossier(*args: str) -> subprocess.CompletedProcess:
    """Run the command as a user would."""
    return subprocess.run([sys.executable, "-m", "newsdossier", *args], capture_output=True, text=True)


def test_extract_writes_the_three_tables(tmp_path):
    out = tmp_path / "out"
    done = newsdossier("extract", str(DATA / "harbour.txt"), "--out", str(out))
    assert done.returncode == 0, done.stderr
    for name, columns in REQUIRED.items():
        with (out / name).open(encoding="utf-8") as f:
            reader = csv.DictReader(f)
            assert columns <= set(reader.fieldnames or []), name
            rows = list(reader)
        assert rows, f"{name} is empty"
    with (out / "actors.csv").open(encoding="utf-8") as f:
        names = {row["name"] for row in csv.DictReader(f)}
    assert "Linda Okafor" in names


@pytest.mark.parametrize(
    "make_input, extra, message",
    [
        (lambda d: d / "missing.txt", [], "no such file"),
        (lambda d: (d / "empty.txt", (d / "empty.txt").write_text(""))[0], [], "empty"),
        (lambda d: DATA / "harbour.txt", ["--published", "28/02/2024"], "YYYY-MM-DD"),
    ],
)
@pytest.mark.parametrize("command", ["extract", "run"])
def test_bad_input_is_one_line_exit_2_and_writes_nothing(tmp_path, make_input, extra, message, command):
    article = make_input(tmp_path)
    out = tmp_path / "out"
    done = newsdossier(command, str(article), "--out", str(out), *extra)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("newsdossier: error:")
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_unknown_format_is_refused(tmp_path):
    done = newsdossier("run", str(DATA / "harbour.txt"), "--out", str(tmp_path / "o"), "--formats", "docx")
    assert done.returncode == 2 and "--formats" in done.stderr

"""tables.write_rows (the one CSV writer of records, no DataFrame) writes the bytes pandas' to_csv writes."""

from __future__ import annotations

import dataclasses

import pytest

from newsdossier import tables


@dataclasses.dataclass(frozen=True)
class Row:
    """A made-up record with the three column kinds of the project's tables."""

    name: str
    count: int
    score: float


CASES = {
    "none": [],
    "plain": [Row("Ann Lee", 3, 0.5), Row("Bo", -1, 0.0)],
    "quoting": [Row('said "no", twice', 1, 1e-05), Row("two\nlines", 2, 1e16), Row("cr\rhere", 0, -0.0)],
    "empty text": [Row("", 0, 0.1 + 0.2)],
    "unicode": [Row("Zoë Ünal", 12345678901234, 123456.789)],
    # kinds pandas converts before writing: write_rows must hand these to pandas
    "ints in a float column": [Row("a", 1, 2.0), Row("b", 2, 3)],
    "a missing value": [Row(None, 1, 1.0)],
    "not a number": [Row("a", 1, float("nan"))],
    "a bool": [Row("a", True, 1.0)],
}


@pytest.mark.parametrize("rows", CASES.values(), ids=CASES.keys())
def test_write_rows_writes_the_bytes_pandas_writes(tmp_path, rows):
    tables.write_rows(rows, Row, tmp_path / "rows.csv")
    tables.write_csv(tables.to_frame(rows, Row), tmp_path / "pandas.csv")
    assert (tmp_path / "rows.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()


def test_write_records_writes_the_rows_and_returns_their_table(tmp_path):
    rows = CASES["plain"]
    frame = tables.write_records(rows, Row, tmp_path / "records.csv")
    assert frame.to_dict("records") == [dataclasses.asdict(r) for r in rows]
    assert tables.read_records(tmp_path / "records.csv", Row) == rows


@dataclasses.dataclass(frozen=True)
class Word:
    """A made-up one-column record: an empty cell must be quoted, or the row would vanish."""

    text: str


def test_an_empty_cell_of_a_one_column_table_is_kept(tmp_path):
    tables.write_rows([Word(""), Word("x")], Word, tmp_path / "words.csv")
    assert tables.read_records(tmp_path / "words.csv", Word) == [Word(""), Word("x")]

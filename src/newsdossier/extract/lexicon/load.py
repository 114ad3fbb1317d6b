"""Reading the lexicon's TOML data files: word lists checked for repeated entries."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


class LexiconError(ValueError):
    """A lexicon data file that cannot be used as it is."""


def words(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text."""
    return frozenset(text.split())


def _word_list(text: str, where: str) -> frozenset[str]:
    """The words of one list, refusing a word written twice (a sign of a badly merged list)."""
    items = text.split()
    seen: set[str] = set()
    for item in items:
        if item in seen:
            raise LexiconError(f"{where}: {item!r} is listed twice; remove one")
        seen.add(item)
    return frozenset(items)


@functools.cache
def load(topic: str) -> dict[str, Any]:
    """One topic file: its whitespace-separated string values as word sets, tables as they are."""
    path = HERE / f"{topic}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise LexiconError(f"{path}: lexicon topic file missing; reinstall the package") from err
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"{path}: not valid TOML ({err}); fix the file") from err
    return {
        key: _word_list(value, f"{path.name} [{key}]") if isinstance(value, str) else value
        for key, value in data.items()
    }

"""Given names, from the US Census first-name lists that the `names` package ships (MIT, public data).

Used as evidence that a name NER typed as an organisation or place is a person's ("Jean Dubois").
"""

from __future__ import annotations

import functools
import importlib.resources

_FILES = ("dist.male.first", "dist.female.first")


@functools.cache
def _given_names() -> frozenset[str]:
    """Every given name of the census lists, lower case (the first column of each file)."""
    root = importlib.resources.files("names")
    out: set[str] = set()
    for name in _FILES:
        text = (root / name).read_text(encoding="ascii")
        out.update(line.split()[0].lower() for line in text.splitlines() if line.strip())
    return frozenset(out)


def is_given_name(word: str) -> bool:
    """Whether the word is a common given name ("Sophie", "Gregory"); hyphenated ones by their first part."""
    return word.lower().split("-")[0] in _given_names()

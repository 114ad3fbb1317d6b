"""Given names and surnames, from the US Census name lists that the `names` package ships (MIT, public data).

Used as evidence that a name NER typed as an organisation or place is a person's ("Jean Dubois"), and
for the gender a pronoun can take ("she" for a Sophie, not for a Gregory).
"""

from __future__ import annotations

import functools
import importlib.resources
import unicodedata

_GIVEN = ("dist.male.first", "dist.female.first")
_SURNAMES = ("dist.all.last",)
# A name tells a gender when at least this share of the people bearing it in the census are of it:
# "Leslie" or "Kim" (shared) tell nothing.
_GENDER_SHARE = 0.9
# A given name borne by more than this share (per cent) of the census men or women is common enough to
# start a person's name on its own evidence: "Paul" (0.95) or "Jasper" (0.015), not "Ivory" (0.006).
_COMMON_SHARE = 0.01


@functools.cache
def _census(files: tuple[str, ...]) -> frozenset[str]:
    """Every name of the census lists named, lower case (the first column of each file)."""
    root = importlib.resources.files("names")
    out: set[str] = set()
    for name in files:
        text = (root / name).read_text(encoding="ascii")
        out.update(line.split()[0].lower() for line in text.splitlines() if line.strip())
    return frozenset(out)


def _plain(word: str) -> str:
    """The word in lower case without accents: the census lists are written in plain ASCII ("Gérard")."""
    text = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def is_given_name(word: str) -> bool:
    """Whether the word is a common given name ("Sophie", "Gérard"); hyphenated ones by their first part."""
    return _plain(word).split("-")[0] in _census(_GIVEN)


def is_surname(word: str) -> bool:
    """Whether the word is a surname of the census list (about 89,000, common words among them)."""
    return _plain(word) in _census(_SURNAMES)


@functools.cache
def _frequencies() -> dict[str, tuple[float, float]]:
    """Each census given name's share of the male and of the female population (per cent)."""
    root = importlib.resources.files("names")
    out: dict[str, list[float]] = {}
    for i, name in enumerate(_GIVEN):
        for line in (root / name).read_text(encoding="ascii").splitlines():
            cells = line.split()
            if len(cells) >= 2:
                out.setdefault(cells[0].lower(), [0.0, 0.0])[i] = float(cells[1])
    return {word: (m, f) for word, (m, f) in out.items()}


def given_name_gender(word: str) -> str:
    """'m' or 'f' when the census says the given name is borne mostly by one gender, else ''."""
    m, f = _frequencies().get(_plain(word).split("-")[0], (0.0, 0.0))
    if m + f == 0:
        return ""
    if m / (m + f) >= _GENDER_SHARE:
        return "m"
    return "f" if f / (m + f) >= _GENDER_SHARE else ""


def is_common_given_name(word: str) -> bool:
    """Whether the word is a given name common enough to mark a person's name ("Paul", not "Ivory")."""
    m, f = _frequencies().get(_plain(word).split("-")[0], (0.0, 0.0))
    return max(m, f) > _COMMON_SHARE

"""Time expressions: found by rules, normalised against the publication date (TIMEX3 values)."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from newsdossier.records import Timex

_MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_DAY = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\s+(\d{1,2})\b(?:,?\s+(\d{4}))?")


def find_timexes(doc: Doc, *, published: dt.date | None) -> list[Timex]:
    """Find dated expressions in a parsed article and give each a TIMEX3-style value."""
    out = []
    for m in _MONTH_DAY.finditer(doc.text):
        month = _MONTHS.index(m.group(1).lower()) + 1
        day = int(m.group(2))
        if m.group(3):
            year = m.group(3)
        elif published:
            year = str(published.year)
        else:
            year = "XXXX"
        out.append(Timex(m.start(), m.end(), m.group(0), f"{year}-{month:02d}-{day:02d}", "day", "explicit"))
    return out

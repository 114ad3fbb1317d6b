"""Normalisation: the TIMEX3 value of each candidate, by its kind (dates.py, relative.py), with its mod."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from newsdossier.extract.temporal import dates, relative
from newsdossier.extract.temporal.candidates import Candidate
from newsdossier.extract.temporal.values import Context, Value
from newsdossier.text.nlp import text_of
from newsdossier.timevalue import TimeValue


def normalise(cand: Candidate, ctx: Context) -> Value | None:
    """The TIMEX3 value of one candidate, or None when it cannot be resolved without inventing."""
    value = _HANDLERS[cand.kind](cand, ctx)
    if value is None or value.mod or value.precision == "ref":
        return value
    g = cand.match.groupdict()
    edge = (g.get("edge") or g.get("dedge") or g.get("dpart") or "").lower()
    mod = _EDGE_MODS.get(edge, "")
    approx = (g.get("approx") or "").lower()
    if not mod and approx in _APPROX_WORDS:
        mod = "APPROX"
    elif not mod and approx in _BOUND_WORDS:
        mod = _bound_mod(approx, (g.get("dir") or "").lower())
    if edge in _OPENING_WORDS and _SINCE.search(text_of(ctx.doc)[max(0, cand.start - 8) : cand.start]):
        return _first_day(value)
    return dataclasses.replace(value, mod=mod) if mod else value


# The words that name a period's opening point ("since early March" is some day in its first part).
_OPENING_WORDS = {"the beginning of", "the start of", "start"}
_SINCE = re.compile(r"\bsince\s+$", re.I)


def _first_day(value: Value) -> Value:
    """ "Since the start of the year" counts from one point, the first day of the period, not from
    the period's early part (a period without known days keeps its value and mod)."""
    parsed = TimeValue.parse(value.value)
    if parsed.first is None or parsed.precision in ("day", "time", "decade", "century"):
        return dataclasses.replace(value, mod="START")
    return Value(parsed.first.isoformat(), "day", value.basis)


# TIMEX3 mods of the words that pick a part of a period ("earlier"/"later" only point: no mod).
_EDGE_MODS = {
    "early": "START",
    "the beginning of": "START",
    "the start of": "START",
    "start": "START",
    "mid": "MID",
    "the middle of": "MID",
    "late": "END",
    "the end of": "END",
    "end": "END",
    "close": "END",
}


_APPROX_WORDS = {"almost", "nearly", "about", "around", "some", "roughly"}
# A count bounded one way: "more than two years ago" is some time before the point it names.
_BOUND_WORDS = {"more than": 1, "over": 1, "less than": -1}


def _bound_mod(word: str, direction: str) -> str:
    """TIMEX3 mod of a bounded count: "more than a year ago" BEFORE, "less than a week later" BEFORE."""
    back = direction in ("ago", "earlier", "before")
    return "BEFORE" if (_BOUND_WORDS[word] > 0) == back else "AFTER"


_HANDLERS: dict[str, Callable[[Candidate, Context], Value | None]] = {
    "iso": dates.norm_iso,
    "numeric": dates.norm_numeric,
    "month_day": dates.norm_month_day,
    "day_month": dates.norm_day_month,
    "month_year": dates.norm_month_year,
    "month": dates.norm_month,
    "week_of_month": dates.norm_week_of_month,
    "month_rel_year": dates.norm_month_rel_year,
    "time": dates.norm_time,
    "hour_part": dates.norm_hour_part,
    "noon": dates.norm_noon,
    "century": dates.norm_century,
    "decade": dates.norm_decade,
    "year": dates.norm_year,
    "weekday": relative.norm_weekday,
    "deictic": relative.norm_deictic,
    "this_part": relative.norm_this_part,
    "edge_rel": relative.norm_edge_rel,
    "rel_unit": relative.norm_rel_unit,
    "unit_around": relative.norm_unit_around,
    "whole_unit": relative.norm_whole_unit,
    "in_the_unit": relative.norm_in_the_unit,
    "streak": relative.norm_streak,
    "that_time": relative.norm_that_time,
    "fiscal": dates.norm_fiscal,
    "season": relative.norm_season,
    "ago": relative.norm_ago,
    "anaphoric": relative.norm_anaphoric,
    "part_of": relative.norm_part_of,
    "the_weekend": relative.norm_the_weekend,
    "same_last_year": relative.norm_same_last_year,
    "q_code": relative.norm_q_code,
    "month_quarter": relative.norm_month_quarter,
    "clock": dates.norm_clock,
    "holiday": relative.norm_holiday,
    "ref": dates.norm_ref,
}

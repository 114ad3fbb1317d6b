"""Time: the TIMEX3 tagger and the timeline, one pass per module.

candidates.py finds and checks the expressions; normalise.py gives each its TIMEX3 value and mod
(dates.py for dates that name themselves, relative.py for dates counted from the publication date or
the anchor, calendar_rules.py for the calendar, tense.py for which way a date points); tagger.py
runs them in text order; narrative.py gives each sentence the day it narrates, which "the next day"
and the claims' dates count from; timeline.py turns the expressions into events.
"""

from newsdossier.extract.temporal.narrative import narrative_days, sentence_dates
from newsdossier.extract.temporal.tagger import find_timexes
from newsdossier.extract.temporal.timeline import build_timeline, core_window

__all__ = ["build_timeline", "core_window", "find_timexes", "narrative_days", "sentence_dates"]

"""The timeline's stable import path (the code lives in extract/temporal/)."""

from newsdossier.extract.temporal.narrative import narrative_days, sentence_dates
from newsdossier.extract.temporal.timeline import build_timeline, core_window

__all__ = ["build_timeline", "core_window", "narrative_days", "sentence_dates"]

"""The timeline's stable import path (the code lives in extract/temporal/timeline.py)."""

from newsdossier.extract.temporal.timeline import build_timeline, core_window, sentence_dates

__all__ = ["build_timeline", "core_window", "sentence_dates"]

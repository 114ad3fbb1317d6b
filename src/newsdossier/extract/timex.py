"""The time-expression tagger's stable import path (the passes live in extract/temporal/)."""

from newsdossier.extract.temporal.tagger import find_timexes

__all__ = ["find_timexes"]

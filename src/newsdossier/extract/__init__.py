"""Extraction: actors, coreference, claims and the timeline from a parsed article."""

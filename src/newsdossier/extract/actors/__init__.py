"""Actors: the people, organisations and places an article names, each merged into one row.

The step (``step.py``) runs these passes over spaCy's entities, one module each:

1. ``boundaries``: strip determiners and possessives, split titles off PERSON entities ("Palace
   spokesman X" read as one name), join organisation fragments ("Landsting" + "Assembly", "US" +
   "Commerce Department"), split photo credits ("Jane Doe/Canadian Press") and retype obvious
   mistakes (a capital read as a PERSON);
2. ``titles``: read titles from pre-name modifiers ("Brazilian Foreign Minister X") and
   appositions ("X, a spokesman"), and retype "X, a non-profit agency" read as a PERSON;
3. merging: ``people`` by full name, surname or first name; ``organisations`` and places by a
   case/determiner-free key, acronyms (defined in brackets or by initials), country aliases,
   capitals used as governments (metonyms), demonyms and common descriptors ("the bloc");
4. ``groups``: groups ("Norwegian officials") as actors of type ``group``, never merged into a
   named one.

``spans`` holds what the passes share: the mention candidate, the cluster and name readers.
"""

from __future__ import annotations

from newsdossier.extract.actors.step import extract_actors, salience

__all__ = ["extract_actors", "salience"]

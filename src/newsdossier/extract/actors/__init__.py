"""Actors: the people, organisations and places an article names, each merged into one row.

The step (``step.py``) runs these passes over spaCy's entities, one module each:

1. ``boundaries``: strip determiners, possessives, captions ("... Photo") and letters after a
   name ("FRS"); split titles off PERSON entities ("Palace spokesman X"), an organisation glued
   to a person's name, names joined by commas and photo credits ("Jane Doe/Canadian Press");
   join organisation fragments ("US" + "Commerce Department"); retype obvious mistakes;
2. ``recall``: names NER missed: capitalised runs ending in an organisation or place head word
   ("Harbour Pilot School") and gazetteer places (mentions with how ``rule``); ``numbered``: names
   with a number (a road "State Route 12", a team "the 21ers"); ``sports``: a position before a
   name ("Hawks QB X") is the person's title, and the team before it an organisation;
3. ``titles``: roles from pre-name modifiers ("Brazilian Foreign Minister X"), appositions ("X, a
   spokesman"; "its Chair, X") and copulas ("X is the director of Y");
4. merging: ``people`` by full name, surname, first name, nicknames and spelling variants;
   ``organisations`` and places by a case/determiner-free key, acronyms, country aliases, capitals
   used as governments, demonyms, short and long forms and descriptors ("the bloc"); after typing,
   the step merges names spelt two ways ("U.S."/"United States ...", slips of one or two letters)
   and, last, generic references ("the agency") by ``coref.resolve_description``, the rule the
   claims step uses for described speakers;
5. ``kinds``: the type from the strongest evidence (head word, title, given name, gazetteer) and
   the scope: works, awards, events, products, websites and common words leave the table (the
   names of things stay in mentions.csv, how ``out_of_scope``);
   ``aliases``: an alias set off after a name ("X, known as 'Y'", "Y, whose real name is X") and
   its later uses become mentions of that actor (how ``alias``);
6. ``groups``: groups ("Norwegian officials") as actors of type ``group``, never merged into a
   named one.

``spans`` holds what the passes share: the mention candidate, the cluster and name readers.
"""

from __future__ import annotations

from newsdossier.extract.actors.step import extract_actors, salience

__all__ = ["extract_actors", "salience"]

"""The cue words of claims, read from cues.toml: verbs, nouns and constructions that introduce statements."""

from __future__ import annotations

import tomllib
from importlib.resources import files

from spacy.tokens import Token

from newsdossier.text.parse import is_verb_among


class CueDataError(ValueError):
    """cues.toml holds a list that cannot be used: the message names the list and what to fix."""


_DATA = files("newsdossier.extract.lexicon").joinpath("cues.toml")


def _words(value: str, where: str) -> frozenset[str]:
    """The whitespace-separated words of one list; a word written twice is an error in the data."""
    words = value.split()
    dupes = sorted({w for w in words if words.count(w) > 1})
    if dupes:
        raise CueDataError(f"{_DATA}: [{where}] lists {', '.join(dupes)} twice; keep one of each")
    return frozenset(words)


def _pairs(value: str, where: str) -> frozenset[tuple[str, str]]:
    """'verb:prep' entries as (verb, prep) pairs."""
    return frozenset(tuple(w.split(":", 1)) for w in _words(value, where))  # type: ignore[misc]


_CUES = tomllib.loads(_DATA.read_text(encoding="utf-8"))
_V, _N = _CUES["verbs"], _CUES["nouns"]

SPEECH_VERBS = _words(_V["speech"], "verbs.speech")
INFINITIVE_VERBS = _words(_V["infinitive"], "verbs.infinitive")
DIRECTIVE_VERBS = _words(_V["directive"], "verbs.directive")
OBJECT_VERBS = _words(_V["object"], "verbs.object")
WITHHOLDING_VERBS = _words(_V["withholding"], "verbs.withholding")
CLAUSE_OBJECT_VERBS = _words(_V["clause_object"], "verbs.clause_object")
NEEDS_PARTICLE = _words(_V["needs_particle"], "verbs.needs_particle")
PREPOSITIONAL_VERBS = _pairs(_V["prepositional"], "verbs.prepositional")
NAMING_VERBS = _words(_V["naming"], "verbs.naming")
CAUSATIVE_VERBS = _words(_V["causative"], "verbs.causative")
OBJECT_PHRASE_VERBS = _pairs(_V["object_phrase"], "verbs.object_phrase")
QUESTION_VERBS = _words(_V["question"], "verbs.question")
AS_CLAUSE_VERBS = _words(_V["as_clause"], "verbs.as_clause")
# verb lemma -> (the particle it needs or None, the prepositions that carry the stance)
STANCE_VERBS: dict[str, tuple[str | None, frozenset[str]]] = {
    verb: (s["particle"] or None, _words(s["preps"], f"stance.{verb}.preps"))
    for verb, s in _CUES["stance"].items()
}
DOCUMENT_NOUNS = _words(_N["document"], "nouns.document")
INFO_NOUNS = _words(_N["info"], "nouns.info")
OCCASION_NOUNS = _words(_N["occasion"], "nouns.occasion")
LINKING_PHRASES = frozenset(line.strip() for line in _N["linking"].splitlines() if line.strip())
STATEMENT_NOUNS = _words(_N["statement"], "nouns.statement")
SPEAKER_NOUNS = _words(_N["speaker"], "nouns.speaker")
LIGHT_VERBS = _words(_N["light"], "nouns.light")
PETITION_NOUNS = _words(_N["petition"], "nouns.petition")

_listed = (
    INFINITIVE_VERBS
    | DIRECTIVE_VERBS
    | OBJECT_VERBS
    | WITHHOLDING_VERBS
    | CLAUSE_OBJECT_VERBS
    | NEEDS_PARTICLE
    | NAMING_VERBS
    | QUESTION_VERBS
    | AS_CLAUSE_VERBS
    | {v for v, _ in PREPOSITIONAL_VERBS}
    | {v for v, _ in OBJECT_PHRASE_VERBS}
)
_unknown = _listed - SPEECH_VERBS
if _unknown:
    raise CueDataError(f"{_DATA}: {', '.join(sorted(_unknown))} must also be listed in [verbs] speech")


def is_speech_verb(tok: Token) -> bool:
    """True for a verb of speech or stated position (said, warned, denied, …)."""
    return is_verb_among(tok, SPEECH_VERBS)

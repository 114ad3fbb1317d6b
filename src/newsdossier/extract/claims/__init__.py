"""Claims: who said what — direct quotes from quotation marks, reported speech from the parse.

The passes, in the order `assemble.extract_claims` runs them, one module each:
1. quotation marks are paired per paragraph (`newsdossier.text.quotes`);
2. `attribution`: each quote that stands on its own becomes a direct claim, with the speaker of the
   attribution next to it;
3. `reported`: each cue (`lexicon/cues.toml`: verbs, nouns and constructions) with a reported clause gives an
   indirect or mixed claim, whatever the clause order;
4. `speakers`: speaker phrases are resolved to actors (names, aliases, pronouns, descriptions), each
   with the basis it was found on;
5. `assemble`: floating quotes take the previous claim's speaker, then claims are numbered and dated.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    """`extract_claims` on first use, so that importing a pass (or the cue lists) stays cheap and acyclic."""
    if name == "extract_claims":
        from newsdossier.extract.claims.assemble import extract_claims

        return extract_claims
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

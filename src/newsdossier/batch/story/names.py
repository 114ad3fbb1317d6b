"""Names compared across articles: the forms one actor takes in different outlets, reduced to keys.

Generic English name knowledge only: case, punctuation, initials, generational suffixes, name
particles, sports positions. Nothing here names anything in particular.
"""

from __future__ import annotations

import re
import unicodedata

from newsdossier.extract.lexicon.load import load

# Lower-case words that may sit inside a proper name ("Bank of America", "Ludwig van Beethoven");
# any other lower-case word ends the name ("X wins the vote", "Y at Z Park" from headlines).
PARTICLES = frozenset(
    "of de del della di da das dos du la le les van von der den ter al el bin ibn y and & for the on".split()
)
# Words an acronym skips ("Federal Bureau of Investigation" -> FBI).
ACRONYM_SKIP = frozenset("of the and for & de".split())
# Generational suffixes: "Sr." is the default bearer of a name; "Jr.", "II", "III" are someone else.
SENIOR = frozenset({"sr", "senior"})
# Sports positions (the lexicon's, where actors/sports.py reads them too): written before a player's name
# ("Kicker Dana Quill", "the Gulls' QB Ona Vesk") or after a team's ("Harbour Gulls Defensive Tackle"), a
# position is no part of the name (read as a given name, it would make the player a namesake of himself).
# Names are compared word by word, so a position is split into its words ("centre-back" -> centre, back).
_LEXICON_POSITIONS = [re.split(r"[\s-]+", p) for p in load("titles")["positions"]]
# Abbreviations ("WR Jon Brask") in lower case; "de" and "te" are left out, being name particles too.
_ABBREVIATIONS = {a.lower() for a in load("titles")["position_abbreviations"]} - {"de", "te"}
# Position words that are ordinary words of names too ("Harbour Guard", "Kestrel Arts Centre"): a position
# only before a player's name, or after a position modifier ("point guard", "defensive tackle").
SHARED_POSITIONS = frozenset(
    "tackle guard center centre end back safety forward striker defender keeper".split()
) & {w for words in _LEXICON_POSITIONS for w in words}
_ONE_WORD = {words[0] for words in _LEXICON_POSITIONS if len(words) == 1}
POSITIONS = frozenset(_ONE_WORD - SHARED_POSITIONS | _ABBREVIATIONS)
# The words before the last of a several-word position ("defensive" tackle, "point" guard), but not a
# name's own word ("centre" back: "Arts Centre" is no position).
POSITION_MODIFIERS = (
    frozenset(w for words in _LEXICON_POSITIONS for w in words[:-1]) - POSITIONS - SHARED_POSITIONS
)
_POSITION_WORDS = POSITIONS | SHARED_POSITIONS | POSITION_MODIFIERS
_WEB = re.compile(r"\.(?:com|org|net|co\.uk|com\.au)$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def core_name(name: str) -> str:
    """The proper-name part of an actor's name: leading lower-case words dropped, cut at the next one."""
    words = str(name or "").split()
    while words and words[0][:1].islower() and words[0].lower() not in PARTICLES:
        words.pop(0)
    for i, word in enumerate(words):
        if i and word[:1].islower() and word.lower() not in PARTICLES:
            words = words[:i]
            break
    while words and words[-1].lower() in PARTICLES:
        words.pop()
    return " ".join(words)


def tokens(name: str, *, person: bool = False) -> tuple[str, ...]:
    """A name as comparable tokens: case, accents, dots, possessives, 'the' and 'Sr.' dropped;
    for a person with two or more full words, initials too ("J. Ronan Doe" -> ronan doe)."""
    text = unicodedata.normalize("NFKD", core_name(name)).encode("ascii", "ignore").decode("ascii")
    text = _POSSESSIVE.sub("", _WEB.sub("", text.strip()))
    text = text.replace(".", "").lower()  # U.S. -> us, J.R.R. -> jrr
    words = _TOKEN.findall(text)
    if words and words[0] == "the":
        words = words[1:]
    words = list(without_position(tuple(words), person=person))
    if person:
        # "Sr." is the name's default bearer; a number is no part of a person's name (a score, an age)
        words = [w for w in words if w not in SENIOR and not w[0].isdigit()]
        if sum(len(w) > 1 for w in words) >= 2:
            words = [w for w in words if len(w) > 1]
    return tuple(words)


def _position_run(words: tuple[str, ...]) -> bool:
    """Whether words are a sports position: modifiers and a position, or a shared word after a modifier."""
    if not words or words[-1] not in POSITIONS | SHARED_POSITIONS:
        return False
    if any(w not in _POSITION_WORDS for w in words):
        return False
    return any(w in POSITIONS for w in words) or words[0] in POSITION_MODIFIERS


def without_position(words: tuple[str, ...], *, person: bool) -> tuple[str, ...]:
    """A name's words without a sports position: before a person's name ("kicker dana quill", "guard
    quill", "gulls qb ona vesk" -> the name after it) or after an organisation's ("harbour gulls
    defensive tackle" -> harbour gulls). Words that are a name's own stay ("national guard")."""
    if person:
        for end in range(len(words) - 1, 0, -1):  # the last position that a name follows
            if words[end - 1] in POSITIONS | SHARED_POSITIONS:
                lead = next(i for i in range(end) if all(w in _POSITION_WORDS for w in words[i:end]))
                if lead == 0 or _position_run(words[lead:end]):  # "guard quill", "gulls qb ona vesk"
                    return words[end:]
        return words
    for start in range(1, len(words)):
        if _position_run(words[start:]):
            return words[:start]
    return words


def without_position_text(name: str, *, person: bool) -> str:
    """A name as written, less a sports position before a person's or after an organisation's name
    ("Kicker Dana Quill" -> "Dana Quill"): the form a corpus actor is shown under."""
    raw = core_name(name).split()
    words = tuple("".join(_TOKEN.findall(w.lower())) for w in raw)  # "QB," -> qb
    kept = without_position(words, person=person)
    if len(kept) == len(words) or not kept:
        return name
    return " ".join(raw[len(words) - len(kept) :] if person else raw[: len(kept)])


def key(words: tuple[str, ...]) -> str:
    """The words of a name joined into one comparable key."""
    return " ".join(words)


def acronym(words: tuple[str, ...]) -> str:
    """The initials of a multi-word name, skipping function words ("bureau of investigation" -> bi)."""
    letters = [w[0] for w in words if w not in ACRONYM_SKIP and not w[0].isdigit()]  # "harlow 49ers": h
    return "".join(letters) if len(letters) >= 2 else ""


def same_first_name(a: str, b: str) -> bool:
    """Whether two given names can be one person's: equal, an initial of the other, a short form the
    other begins with (sam / samuel), one stem (nikolas / nikolaos), or a two-letter nickname
    with the other's initial."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if long.startswith(short):
        return True
    if len(short) == 2:
        return short[0] == long[0]
    return len(short) >= 4 and short[:4] == long[:4]

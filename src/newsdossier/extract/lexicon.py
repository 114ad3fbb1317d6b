"""Generic word lists for the actors step: titles, countries (aliases, demonyms, capitals), org words.

Everything here is general knowledge about English news text, never about one article.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


def words(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text."""
    return frozenset(text.split())


# Role nouns that name a position a person holds ("Foreign Minister X", "X, a spokesman").
TITLE_HEADS = words("""
president vice-president premier chancellor minister secretary spokesman spokeswoman spokesperson
speaker governor senator congressman congresswoman congressperson representative mayor councillor
councilor alderman ambassador envoy diplomat king queen prince princess emperor pope cardinal bishop
archbishop rabbi imam pastor reverend chairman chairwoman chair chairperson ceo cfo coo founder
co-founder director commissioner superintendent chief head leader deputy mp mla mpp senator judge
justice magistrate prosecutor attorney lawyer sheriff inspector constable sergeant officer detective
coach manager president-elect
professor researcher economist analyst scientist author editor correspondent
reporter columnist anchor adviser advisor aide negotiator mediator monarch sultan emir sheikh
ayatollah patriarch chancellor-elect treasurer auditor ombudsman registrar administrator
""")

# Military ranks and honorifics: skipped when reading a role, used as the title only when alone.
RANKS = words("""
mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady gen gen. general maj maj. major lt lt. lieutenant
col col. colonel capt capt. captain cmdr cmdr. commander adm adm. admiral sgt sgt. sergeant cpl cpl.
corporal pte pte. pvt pvt. private brig brig. brigadier marshal field sen sen. rep rep. gov gov.
rev rev. prof prof. hon hon. st. sheikh
""")

# Honorifics never kept as a title on their own.
HONORIFICS = words("mr mr. mrs mrs. ms ms. miss sir dame lord lady hon hon. st. sheikh")

# Government portfolios: "Trade Minister", "Health Secretary" (NER often reads the portfolio as an ORG).
PORTFOLIOS = words("""
foreign defence defense finance interior home health justice education trade economy economic
environment energy labour labor transport transportation agriculture culture industry tourism
information communications immigration safety security treasury housing commerce intelligence
affairs development infrastructure veterans indigenous resources fisheries oceans sport heritage
employment digital budget planning water mines petroleum science technology research women youth
family equality homeland
""")

# Words that modify a role but carry no name: kept in the title ("former president").
TITLE_QUALIFIERS = PORTFOLIOS | words("""
former ex acting interim deputy vice assistant associate senior junior chief prime state press
executive managing general principal lead first second top outgoing incoming incumbent then newly
elected opposition majority minority shadow public social natural national international regional
""")

# Prefixes joined to a role by a hyphen ("vice-president", "co-founder").
TITLE_PREFIXES = words("co ex vice under sub pro")

# Plural nouns for groups of people: "Norwegian officials" is a group, never a named actor.
GROUP_HEADS = words("""
officials leaders soldiers citizens residents lawmakers legislators politicians voters protesters
demonstrators workers employees students teachers doctors nurses police officers diplomats ministers
activists experts analysts critics supporters opponents investors farmers families victims
civilians villagers fighters militants rebels insurgents veterans members delegates negotiators
authorities people parents children taxpayers consumers patients migrants refugees immigrants
""")

# Head words of organisation names: a bare "Department" is not a name of its own.
ORG_HEADS = words("""
department ministry office agency bureau service council committee commission board court
parliament assembly congress senate house party union bank university college institute
association federation foundation society corporation company group authority administration
government army navy force forces police organization organisation alliance league fund agency
charity non-profit nonprofit firm coalition club team centre center shelter hospital clinic school
church newspaper broadcaster network station publisher airline company business startup
""")

# Common descriptors for a few well-known organisations ("the bloc" for the EU).
ORG_DESCRIPTORS: dict[str, tuple[str, ...]] = {
    "nato": ("alliance",),
    "eu": ("bloc",),
    "european union": ("bloc",),
    "un": ("world body",),
    "united nations": ("world body",),
    "opec": ("cartel",),
}

# Prepositions after which a capital names the city, not its government ("the talks in Rome").
LOCATIVE_PREPS = words(
    "in at near to into from outside inside around across through toward towards via within throughout"
)

# Verbs whose object is a place to go to ("visit Paris"), so a capital there is the city.
MOTION_VERBS = words("""visit travel arrive fly leave enter return reach tour come go move relocate flee
depart land head drive sail evacuate""")

# Country | other names | demonyms (adjective, plural) | capital(s).
_COUNTRIES = """
Afghanistan||Afghan,Afghans|Kabul
Albania||Albanian,Albanians|Tirana
Algeria||Algerian,Algerians|Algiers
Argentina||Argentine,Argentinian,Argentines,Argentinians|Buenos Aires
Armenia||Armenian,Armenians|Yerevan
Australia||Australian,Australians|Canberra
Austria||Austrian,Austrians|Vienna
Azerbaijan||Azerbaijani,Azerbaijanis|Baku
Bangladesh||Bangladeshi,Bangladeshis|Dhaka
Belarus||Belarusian,Belarusians|Minsk
Belgium||Belgian,Belgians|Brussels
Bolivia||Bolivian,Bolivians|La Paz
Bosnia and Herzegovina|Bosnia|Bosnian,Bosnians|Sarajevo
Brazil||Brazilian,Brazilians|Brasilia
Bulgaria||Bulgarian,Bulgarians|Sofia
Cambodia||Cambodian,Cambodians|Phnom Penh
Canada||Canadian,Canadians|Ottawa
Chile||Chilean,Chileans|Santiago
China|People's Republic of China,PRC|Chinese|Beijing
Colombia||Colombian,Colombians|Bogota
Croatia||Croatian,Croatians,Croat,Croats|Zagreb
Cuba||Cuban,Cubans|Havana
Cyprus||Cypriot,Cypriots|Nicosia
Czech Republic|Czechia|Czech,Czechs|Prague
Denmark||Danish,Dane,Danes|Copenhagen
Egypt||Egyptian,Egyptians|Cairo
Estonia||Estonian,Estonians|Tallinn
Ethiopia||Ethiopian,Ethiopians|Addis Ababa
Finland||Finnish,Finn,Finns|Helsinki
France|French Republic|French,Frenchman,Frenchmen|Paris
Georgia||Georgian,Georgians|Tbilisi
Germany|Federal Republic of Germany|German,Germans|Berlin
Greece||Greek,Greeks|Athens
Hungary||Hungarian,Hungarians|Budapest
Iceland||Icelandic,Icelander,Icelanders|Reykjavik
India||Indian,Indians|New Delhi
Indonesia||Indonesian,Indonesians|Jakarta
Iran|Islamic Republic of Iran|Iranian,Iranians|Tehran
Iraq||Iraqi,Iraqis|Baghdad
Ireland|Republic of Ireland|Irish|Dublin
Israel||Israeli,Israelis|Jerusalem
Italy||Italian,Italians|Rome
Japan||Japanese|Tokyo
Jordan||Jordanian,Jordanians|Amman
Kazakhstan||Kazakh,Kazakhs,Kazakhstani|Astana
Kenya||Kenyan,Kenyans|Nairobi
Kosovo||Kosovar,Kosovars|Pristina
Latvia||Latvian,Latvians|Riga
Lebanon||Lebanese|Beirut
Libya||Libyan,Libyans|Tripoli
Lithuania||Lithuanian,Lithuanians|Vilnius
Mexico||Mexican,Mexicans|Mexico City
Moldova||Moldovan,Moldovans|Chisinau
Morocco||Moroccan,Moroccans|Rabat
Netherlands|Holland|Dutch|Amsterdam,The Hague
New Zealand||New Zealander,New Zealanders|Wellington
Nigeria||Nigerian,Nigerians|Abuja
North Korea|Democratic People's Republic of Korea,DPRK|North Korean,North Koreans|Pyongyang
Norway||Norwegian,Norwegians|Oslo
Pakistan||Pakistani,Pakistanis|Islamabad
Palestine|Palestinian territories|Palestinian,Palestinians|Ramallah
Peru||Peruvian,Peruvians|Lima
Philippines||Filipino,Filipinos,Philippine|Manila
Poland||Polish,Pole,Poles|Warsaw
Portugal||Portuguese|Lisbon
Qatar||Qatari,Qataris|Doha
Romania||Romanian,Romanians|Bucharest
Russia|Russian Federation|Russian,Russians|Moscow
Saudi Arabia||Saudi,Saudis,Saudi Arabian,Saudi Arabians|Riyadh
Serbia||Serbian,Serbians,Serb,Serbs|Belgrade
Slovakia||Slovak,Slovaks,Slovakian,Slovakians|Bratislava
Slovenia||Slovenian,Slovenians,Slovene,Slovenes|Ljubljana
South Africa||South African,South Africans|Pretoria
South Korea|Republic of Korea|South Korean,South Koreans|Seoul
Spain||Spanish,Spaniard,Spaniards|Madrid
Sudan||Sudanese|Khartoum
Sweden||Swedish,Swede,Swedes|Stockholm
Switzerland||Swiss|Bern
Syria||Syrian,Syrians|Damascus
Taiwan||Taiwanese|Taipei
Thailand||Thai,Thais|Bangkok
Turkey|Turkiye,Türkiye|Turkish,Turk,Turks|Ankara
Ukraine||Ukrainian,Ukrainians|Kyiv,Kiev
United Arab Emirates|UAE,U.A.E.|Emirati,Emiratis|Abu Dhabi
United Kingdom|UK,U.K.,Britain,Great Britain|British,Briton,Britons|London
United States|US,U.S.,USA,U.S.A.,United States of America,America|American,Americans|Washington
Venezuela||Venezuelan,Venezuelans|Caracas
Vietnam|Viet Nam|Vietnamese|Hanoi
Yemen||Yemeni,Yemenis|Sanaa
"""


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
    return re.sub(r"\s+", " ", text).strip()


def _split(field: str) -> tuple[str, ...]:
    """The comma-separated entries of one table field."""
    return tuple(x.strip() for x in field.split(",") if x.strip())


@functools.lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """The country table."""
    out = []
    for line in _COUNTRIES.strip().splitlines():
        name, aliases, demonyms, capitals = line.split("|")
        out.append(Country(name, _split(aliases), _split(demonyms), _split(capitals)))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _country_keys() -> dict[str, Country]:
    """Country by the key of each of its names."""
    return {norm_key(n): c for c in countries() for n in (c.name, *c.aliases)}


@functools.lru_cache(maxsize=1)
def _demonym_keys() -> dict[str, Country]:
    """Country by the key of each of its demonyms."""
    return {norm_key(d): c for c in countries() for d in c.demonyms}


@functools.lru_cache(maxsize=1)
def _capital_keys() -> dict[str, Country]:
    """Country by the key of each of its capitals."""
    return {norm_key(k): c for c in countries() for k in c.capitals}


def country_named(text: str) -> Country | None:
    """The country a name or alias stands for ("U.S." -> United States), if any."""
    return _country_keys().get(norm_key(text))


def country_of_demonym(text: str) -> Country | None:
    """The country a demonym attests ("Danish", "Kenyans"), if any."""
    return _demonym_keys().get(norm_key(text))


def country_of_capital(text: str) -> Country | None:
    """The country whose capital this is ("Ottawa" -> Canada), if any."""
    return _capital_keys().get(norm_key(text))


# Abbreviated ranks and honorifics, written out for the title column.
RANK_WORDS = {
    "dr": "doctor",
    "dr.": "doctor",
    "gen": "general",
    "gen.": "general",
    "maj": "major",
    "maj.": "major",
    "lt": "lieutenant",
    "lt.": "lieutenant",
    "col": "colonel",
    "col.": "colonel",
    "capt": "captain",
    "capt.": "captain",
    "cmdr": "commander",
    "cmdr.": "commander",
    "adm": "admiral",
    "adm.": "admiral",
    "sgt": "sergeant",
    "sgt.": "sergeant",
    "cpl": "corporal",
    "cpl.": "corporal",
    "pte": "private",
    "pte.": "private",
    "pvt": "private",
    "pvt.": "private",
    "brig": "brigadier",
    "brig.": "brigadier",
    "sen": "senator",
    "sen.": "senator",
    "rep": "representative",
    "rep.": "representative",
    "gov": "governor",
    "gov.": "governor",
    "rev": "reverend",
    "rev.": "reverend",
    "prof": "professor",
    "prof.": "professor",
}

# Kin words: an apposition "X, her son" gives a relation, not a role.
KINSHIP = words("""
father mother son daughter brother sister husband wife partner parent child grandfather grandmother
grandson granddaughter stepfather stepmother stepson stepdaughter uncle aunt nephew niece cousin
fiance fiancee boyfriend girlfriend widow widower
""")

# Endings of nouns for what a person does ("researcher", "economist", "lawmaker").
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "eer", "ee", "man", "woman", "person")

"""Claims: one made-up text per construction, each checked for speaker, kind and content."""

from __future__ import annotations

import pandas as pd
import pytest
from helpers import one_claim

from newsdossier.text.nlp import sentences
from newsdossier.text.quotes import find_quotes


def _claims(analyse_text, text: str):
    return analyse_text(text).claims


def _find(claims, fragment: str):
    hits = [c for c in claims if fragment in c.content]
    assert hits, f"no claim holds {fragment!r}: {[(c.speaker, c.content) for c in claims]}"
    return hits[0]


# (text, content fragment, expected speaker (substring of the canonical name), kind)
CASES = [
    pytest.param(
        "“We will rebuild the bridge before winter,” Mayor Linda Carter said. “It will take two years.”",
        "We will rebuild the bridge before winter",
        "Linda Carter",
        "direct",
        id="split-quote-first",
    ),
    pytest.param(
        "“We will rebuild the bridge before winter,” Mayor Linda Carter said. “It will take two years.”",
        "It will take two years",
        "Linda Carter",
        "direct",
        id="split-quote-second",
    ),
    pytest.param(
        "“The plan is sound and the money is there,” said Thomas Becker, the finance director.",
        "The plan is sound",
        "Thomas Becker",
        "direct",
        id="speaker-after-inverted",
    ),
    pytest.param(
        "Health Minister Paul Dubois wrote: “The clinics will stay open all winter.”",
        "The clinics will stay open all winter",
        "Paul Dubois",
        "direct",
        id="speaker-before-colon",
    ),
    pytest.param(
        "Paul Dubois told the assembly, “Nobody will be turned away from a clinic.”",
        "Nobody will be turned away",
        "Paul Dubois",
        "direct",
        id="speaker-before-comma",
    ),
    pytest.param(
        "“We are not leaving this valley without a fight.” —Maria Lopez",
        "We are not leaving this valley",
        "Maria Lopez",
        "direct",
        id="dash-no-verb",
    ),
    pytest.param(
        "Residents gathered at the hall.\n\n“The water has been brown for a month. - said Maria Lopez. "
        "“Nobody has told us why.”",
        "The water has been brown for a month",
        "Maria Lopez",
        "direct",
        id="dash-said-inside-open-quote",
    ),
    pytest.param(
        "Residents gathered at the hall.\n\n“The water has been brown for a month. - Maria Lopez said. "
        "“Nobody has told us why.”",
        "The water has been brown for a month",
        "Maria Lopez",
        "direct",
        id="dash-name-said-inside-open-quote",
    ),
    pytest.param(
        "Residents gathered at the hall.\n\n“The water has been brown for a month. — Maria Lopez. "
        "“Nobody has told us why.”",
        "The water has been brown for a month",
        "Maria Lopez",
        "direct",
        id="dash-name-inside-open-quote",
    ),
    pytest.param(
        "Residents gathered at the hall.\n\n“The water has been brown for a month,” - said Maria Lopez. "
        "“Nobody has told us why.”",
        "The water has been brown for a month",
        "Maria Lopez",
        "direct",
        id="dash-said-after-closed-quote",
    ),
    pytest.param(
        "``We will appeal the ruling at once,'' lawyer Susan Park said.",
        "We will appeal the ruling at once",
        "Susan Park",
        "direct",
        id="ldc-marks",
    ),
    pytest.param(
        '"The ice is too thin for trucks this year," said Robert Nilsen, a ferry operator.',
        "The ice is too thin for trucks",
        "Robert Nilsen",
        "direct",
        id="straight-marks",
    ),
    pytest.param(
        "“They keep calling it a “temporary measure” but nothing has changed in ten years,” Becker said.",
        "nothing has changed in ten years",
        "Becker",
        "direct",
        id="nested-quote",
    ),
    pytest.param(
        "Anna Schmidt met John Becker in Berlin on Monday. “We have reached an agreement on the pipeline,” she said.",
        "We have reached an agreement",
        "Anna Schmidt",
        "direct",
        id="pronoun-gender-not-nearest",
    ),
    pytest.param(
        "Senator Mark Hill met the governor's aide Peter Grant on Friday. He said the budget was a disaster.",
        "the budget was a disaster",
        "Mark Hill",
        "indirect",
        id="pronoun-subject-not-nearest",
    ),
    pytest.param(
        "Maria Lopez, the city's fire chief, arrived within minutes. Firefighters worked all night. "
        "The fire chief said the building was safe to enter.",
        "the building was safe to enter",
        "Maria Lopez",
        "indirect",
        id="description-resolved",
    ),
    pytest.param(
        "The Ministry of Health opened a new clinic in Leeds. The ministry said the clinic would serve 500 patients a day.",
        "the clinic would serve 500 patients a day",
        "Ministry of Health",
        "indirect",
        id="organisation-description",
    ),
    pytest.param(
        "Greenpeace said the spill had reached the northern beaches.",
        "the spill had reached the northern beaches",
        "Greenpeace",
        "indirect",
        id="organisation-named",
    ),
    pytest.param(
        "According to Transport Canada, the runway was closed for six hours.",
        "the runway was closed for six hours",
        "Transport Canada",
        "indirect",
        id="according-to-before",
    ),
    pytest.param(
        "The runway was closed for six hours, according to Transport Canada.",
        "The runway was closed for six hours",
        "Transport Canada",
        "indirect",
        id="according-to-after",
    ),
    pytest.param(
        "Sarah Klein has studied the river for a decade. She said the water was getting warmer.\n\n"
        "“Every summer the fish move further north and fewer of them come back.”",
        "Every summer the fish move further north",
        "Sarah Klein",
        "direct",
        id="floating-quote-previous-paragraph",
    ),
    pytest.param(
        "A hospital spokesperson said the patient was in stable condition.",
        "the patient was in stable condition",
        "A hospital spokesperson",
        "indirect",
        id="unnamed-speaker",
    ),
    pytest.param(
        "Protesters said they would block the road again.",
        "they would block the road again",
        "Protesters",
        "indirect",
        id="group-speaker",
    ),
    pytest.param(
        "Mark Hill said the budget was “a complete disaster for rural families.”",
        "a complete disaster for rural families",
        "Mark Hill",
        "mixed",
        id="mixed-partial-quote",
    ),
]

# Reported-speech verbs: each with a that-clause, an infinitive or an object.
VERBS = [
    ("Mark Hill warned that the dam could fail.", "the dam could fail", "warned"),
    ("Mark Hill noted that prices had doubled.", "prices had doubled", "noted"),
    ("Mark Hill stressed that no jobs would be cut.", "no jobs would be cut", "stressed"),
    ("Mark Hill emphasized that the audit was routine.", "the audit was routine", "emphasized"),
    ("Mark Hill explained that the delay was caused by snow.", "the delay was caused by snow", "explained"),
    ("Mark Hill confirmed that the plant would close.", "the plant would close", "confirmed"),
    (
        "Mark Hill clarified that the tax applied only to new homes.",
        "the tax applied only to new homes",
        "clarified",
    ),
    ("Mark Hill denied the allegations of fraud.", "the allegations of fraud", "denied"),
    ("Mark Hill ruled out raising taxes this year.", "raising taxes this year", "ruled out"),
    ("Mark Hill made it plain that the mine would stay open.", "the mine would stay open", "made it plain"),
    ("Mark Hill made it clear that fees would rise in spring.", "fees would rise in spring", "made it clear"),
    # stance verbs: only the against/for/about phrase is the position, not a trailing time phrase
    ("Mark Hill spoke out against the new pipeline.", "against the new pipeline", "spoke out against"),
    (
        "Mark Hill spoke out about the abuse he suffered as a child.",
        "about the abuse he suffered as a child",
        "spoke out about",
    ),
    ("Mark Hill came out against the new stadium last week.", "against the new stadium", "came out against"),
    ("Mark Hill argued for a shorter working week.", "for a shorter working week", "argued for"),
    (
        "Mark Hill campaigned for stricter gun laws for three years.",
        "for stricter gun laws",
        "campaigned for",
    ),
    (
        "Mark Hill protested against the closure of the mill on Friday.",
        "against the closure of the mill",
        "protested against",
    ),
    ("Mark Hill promised to repair the roads by June.", "to repair the roads by June", "promised"),
    ("Mark Hill told reporters that the talks had failed.", "the talks had failed", "told"),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "kind"), CASES)
def test_construction(analyse_text, text, fragment, speaker, kind):
    claim = _find(_claims(analyse_text, text), fragment)
    assert speaker in claim.speaker
    assert claim.kind == kind


@pytest.mark.parametrize(("text", "content", "cue"), VERBS, ids=[v[2] for v in VERBS])
def test_reported_speech_verbs(analyse_text, text, content, cue):
    claim = _find(_claims(analyse_text, text), content)
    assert claim.content == content
    assert claim.speaker == "Mark Hill"
    assert claim.cue == cue
    assert claim.kind == "indirect"


def test_stance_claim_keeps_the_sentence_date(analyse_text):
    claim = _find(_claims(analyse_text, "Union leaders spoke out against the plan on Tuesday."), "plan")
    assert claim.content == "against the plan"
    assert claim.cue == "spoke out against"
    assert claim.date == "2021-03-09"
    assert claim.date_basis == "explicit"


@pytest.mark.parametrize(
    "text",
    [
        "Nurses have campaigned for years.",
        "Anna Schmidt spoke about her childhood.",
        "The mayor came to the meeting on Monday.",
        "A neighbour has come forward with a report that the dog came from a breeder.",
        "The needs of the region argue for a new road.",
    ],
)
def test_stance_verbs_need_particle_and_position(analyse_text, text):
    assert _claims(analyse_text, text) == []


def test_dash_inside_open_quote_without_attribution_is_kept(analyse_text):
    text = (
        "Maria Lopez spoke at the hall.\n\n"
        "“We waited all night. - Nobody came to help. “Then the water rose.”"
    )
    claim = _find(_claims(analyse_text, text), "We waited all night")
    assert claim.content == "We waited all night. - Nobody came to help."


def test_split_quote_gives_two_claims(analyse_text):
    claims = _claims(
        analyse_text, "“We will rebuild the bridge,” Mayor Linda Carter said. “It will take two years.”"
    )
    assert [c.content for c in claims] == ["We will rebuild the bridge", "It will take two years."]
    assert {c.speaker_text for c in claims} == {"Linda Carter", ""}


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        (
            "Linda Carter spoke for an hour.\n\n“The first phase starts in May. Crews will work at night.\n\n"
            "“The second phase follows in the autumn,” she said.",
            [
                "The first phase starts in May. Crews will work at night.",
                "The second phase follows in the autumn",
            ],
        ),
        (
            "“We trained all winter,” coach Ivo Brandt said. “Nobody missed a session.\n\n"
            "“The team is ready for the final.”",
            ["We trained all winter", "Nobody missed a session.", "The team is ready for the final."],
        ),
    ],
)
def test_a_quote_going_on_into_the_next_paragraph_is_a_claim_per_paragraph(analyse_text, text, contents):
    claims = [c for c in _claims(analyse_text, text) if c.kind == "direct"]
    assert [c.content for c in claims] == contents
    assert len({c.speaker for c in claims}) == 1
    assert claims[0].speaker in ("Linda Carter", "Ivo Brandt")


def test_nested_quote_is_not_a_claim_of_its_own(analyse_text):
    claims = _claims(
        analyse_text, "“They keep calling it a “temporary measure” but nothing has changed,” Becker said."
    )
    assert len(claims) == 1
    assert "temporary measure" in claims[0].content


@pytest.mark.parametrize(
    "text",
    [
        "The so-called “green zone” was expanded on Monday.",
        "The band's “comeback” album sold poorly.",
    ],
)
def test_scare_quotes_are_not_claims(analyse_text, text):
    assert _claims(analyse_text, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "He said “this will never end. And nobody cared.",
        "“Half a quote and then nothing",
        "Stray marks ” here “ and ” there.",
        "''",
    ],
)
def test_unbalanced_marks_do_not_break(analyse_text, text):
    for claim in _claims(analyse_text, text):  # no crash; any claim found is a verbatim span
        assert claim.content and text[claim.start : claim.end] == claim.content


def test_content_is_verbatim(analyse_text):
    text = "“It will take two years,” Mayor Linda Carter said. Mark Hill warned that the dam could fail."
    claims = _claims(analyse_text, text)
    assert [(c.speaker, c.content) for c in claims] == [
        ("Linda Carter", "It will take two years"),
        ("Mark Hill", "the dam could fail"),
    ]
    for claim in claims:
        assert text[claim.start : claim.end] == claim.content


def test_explicit_date(analyse_text):
    claim = _find(_claims(analyse_text, "On March 3, Mark Hill said the budget was a disaster."), "budget")
    assert claim.date == "2021-03-03"
    assert claim.date_basis == "explicit"


def test_no_invented_date(analyse_text):
    claim = _find(_claims(analyse_text, "Mark Hill said the budget was a disaster."), "budget")
    assert claim.date == ""
    assert claim.date_basis == "none"


def test_date_inside_the_content_is_not_the_statement_date(analyse_text):
    claim = _find(_claims(analyse_text, "Mark Hill said the bridge was built in 1931."), "bridge")
    assert claim.date == ""


@pytest.mark.parametrize(
    "text",
    [
        "Mark Hill did not say which workers would lose their jobs.",
    ],
)
def test_indirect_question_is_not_a_claim(analyse_text, text):
    assert _claims(analyse_text, text) == []


def test_speaker_is_the_actor_name(analyse_text):
    dossier = analyse_text("Senator Mark Hill arrived late. “The budget is a disaster,” Hill said.")
    claim = _find(dossier.claims, "budget")
    names = {a.name for a in dossier.actors}
    assert claim.speaker in names
    assert claim.speaker_id in {a.actor_id for a in dossier.actors}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“A,” he said. “B.”", ["A", "B."]),
        ("``One,'' she said.", ["One"]),
        ('"Straight one," he said. "Straight two."', ["Straight one", "Straight two."]),
        (
            "“Open and never closed.\n\n“Next paragraph,” he said.",
            ["Open and never closed.", "Next paragraph"],
        ),
    ],
)
def test_find_quotes(nlp, text, expected):
    doc = nlp(text)
    quotes = [q for q in find_quotes(text, sentences(doc)) if q.depth == 0]
    assert [text[q.start : q.end] for q in quotes] == expected


# Each construction and cue family on a sentence of its own:
# (text, speaker (substring of the canonical name), cue, exact content, kind, speaker_basis)
FAMILIES = [
    # clause orders
    pytest.param(
        "Governor Alice Moreno said that the ferry levy would fall next spring.",
        "Alice Moreno",
        "said",
        "the ferry levy would fall next spring",
        "indirect",
        "name",
        id="x-said-that-y",
    ),
    pytest.param(
        "The ferry levy will fall next spring, Governor Alice Moreno said.",
        "Alice Moreno",
        "said",
        "The ferry levy will fall next spring",
        "indirect",
        "name",
        id="y-comma-x-said",
    ),
    pytest.param(
        "According to the Harbour Authority, the northern pier will reopen in June.",
        "Harbour Authority",
        "according to",
        "the northern pier will reopen in June",
        "indirect",
        "name",
        id="according-to-x-y",
    ),
    pytest.param(
        "The northern pier will reopen in June, according to the Harbour Authority.",
        "Harbour Authority",
        "according to",
        "The northern pier will reopen in June",
        "indirect",
        "name",
        id="y-according-to-x",
    ),
    pytest.param(
        "Councillor Ravi Menon spoke on Tuesday. Menon's claim that the depot was unsafe drew an angry reply.",
        "Ravi Menon",
        "claim",
        "the depot was unsafe",
        "indirect",
        "alias",
        id="x-s-claim-that-y",
    ),
    pytest.param(
        "Councillor Ravi Menon spoke on Tuesday. His argument that the depot was unsafe was rejected.",
        "Ravi Menon",
        "argument",
        "the depot was unsafe",
        "indirect",
        "pronoun",
        id="his-argument-that-y",
    ),
    # cue families beyond say / tell
    pytest.param(
        "Senator Grace Whitfield argued that the tariff would hurt farmers.",
        "Grace Whitfield",
        "argued",
        "the tariff would hurt farmers",
        "indirect",
        "name",
        id="argue",
    ),
    pytest.param(
        "Senator Grace Whitfield insisted the tariff would hurt farmers.",
        "Grace Whitfield",
        "insisted",
        "the tariff would hurt farmers",
        "indirect",
        "name",
        id="insist",
    ),
    pytest.param(
        "Senator Grace Whitfield acknowledged that the tariff had raised prices.",
        "Grace Whitfield",
        "acknowledged",
        "the tariff had raised prices",
        "indirect",
        "name",
        id="acknowledge",
    ),
    pytest.param(
        "Senator Grace Whitfield conceded that the vote was lost.",
        "Grace Whitfield",
        "conceded",
        "the vote was lost",
        "indirect",
        "name",
        id="concede",
    ),
    pytest.param(
        "Senator Grace Whitfield predicted that the bill would pass by autumn.",
        "Grace Whitfield",
        "predicted",
        "the bill would pass by autumn",
        "indirect",
        "name",
        id="predict",
    ),
    pytest.param(
        "Senator Grace Whitfield mentioned that the committee had met twice.",
        "Grace Whitfield",
        "mentioned",
        "the committee had met twice",
        "indirect",
        "name",
        id="mention",
    ),
    pytest.param(
        "Senator Grace Whitfield vowed to block the pipeline.",
        "Grace Whitfield",
        "vowed",
        "to block the pipeline",
        "indirect",
        "name",
        id="vow-to",
    ),
    pytest.param(
        "The Fisheries Ministry announced that cod quotas would be cut by a third.",
        "Fisheries Ministry",
        "announced",
        "cod quotas would be cut by a third",
        "indirect",
        "name",
        id="announce-organisation",
    ),
    pytest.param(
        "The Fisheries Ministry confirmed that two trawlers had been seized.",
        "Fisheries Ministry",
        "confirmed",
        "two trawlers had been seized",
        "indirect",
        "name",
        id="confirm-organisation",
    ),
    pytest.param(
        "Senator Grace Whitfield denied the report.",
        "Grace Whitfield",
        "denied",
        "the report",
        "indirect",
        "name",
        id="deny-object",
    ),
    pytest.param(
        "Mayor Linda Carter slammed the decision, saying it would close three schools.",
        "Linda Carter",
        "saying",
        "it would close three schools",
        "indirect",
        "name",
        id="slam-saying",
    ),
    pytest.param(
        "Mayor Linda Carter criticised the council, arguing that the budget ignored the suburbs.",
        "Linda Carter",
        "arguing",
        "the budget ignored the suburbs",
        "indirect",
        "name",
        id="criticise-arguing",
    ),
    pytest.param(
        "Mayor Linda Carter wrote in a statement that the tunnel would open in May.",
        "Linda Carter",
        "wrote",
        "the tunnel would open in May",
        "indirect",
        "name",
        id="in-a-statement",
    ),
    pytest.param(
        "The Dockworkers Union called for an independent inquiry into the crash.",
        "Dockworkers Union",
        "called for",
        "an independent inquiry into the crash",
        "indirect",
        "name",
        id="call-for",
    ),
    pytest.param(
        "Senator Grace Whitfield called on the council to reopen the clinic.",
        "Grace Whitfield",
        "called on",
        "the council to reopen the clinic",
        "indirect",
        "name",
        id="call-on-to",
    ),
    pytest.param(
        "Senator Grace Whitfield called the harbour plan “a costly mistake” on Monday.",
        "Grace Whitfield",
        "called",
        "the harbour plan “a costly mistake”",
        "mixed",
        "name",
        id="call-x-y",
    ),
    pytest.param(
        "Critics call the new stadium a “white elephant” and want it sold.",
        "Critics",
        "call",
        "the new stadium a “white elephant”",
        "mixed",
        "description",
        id="naming-is-a-statement-not-a-scare-quote",
    ),
    pytest.param(
        "Senator Grace Whitfield cited the remarks the governor had made about the port.",
        "Grace Whitfield",
        "cited",
        "the remarks the governor had made about the port",
        "indirect",
        "name",
        id="object-with-a-clause",
    ),
    pytest.param(
        "Mayor Linda Carter said that if the plant closed, the town would suffer.",
        "Linda Carter",
        "said",
        "if the plant closed, the town would suffer",
        "indirect",
        "name",
        id="conditional-clause-is-not-a-question",
    ),
    pytest.param(
        "The Harbour Union issued a statement saying it would strike on Monday.",
        "Harbour Union",
        "saying",
        "it would strike on Monday",
        "indirect",
        "name",
        id="statement-saying",
    ),
    pytest.param(
        "A ministry official responded by saying the port was safe.",
        "A ministry official",
        "saying",
        "the port was safe",
        "indirect",
        "description",
        id="responded-by-saying",
    ),
    # direct and mixed
    pytest.param(
        "“The tunnel will open in May,” Mayor Linda Carter announced.",
        "Linda Carter",
        "announced",
        "The tunnel will open in May",
        "direct",
        "name",
        id="direct-announce",
    ),
    pytest.param(
        "Mayor Linda Carter warned that the flood plan was “dangerously thin.”",
        "Linda Carter",
        "warned",
        "the flood plan was “dangerously thin.”",
        "mixed",
        "name",
        id="mixed-warn",
    ),
    pytest.param(
        "Harbor officials met on Monday.\n\n''We will rebuild the pier before winter,'' Mayor Linda Carter said.",
        "Linda Carter",
        "said",
        "We will rebuild the pier before winter",
        "direct",
        "name",
        id="doubled-apostrophe-marks",
    ),
    # speakers: descriptions, datelines, groups
    pytest.param(
        "The Fisheries Ministry opened an inquiry on Monday. The ministry said the trawlers had broken the law.",
        "Fisheries Ministry",
        "said",
        "the trawlers had broken the law",
        "indirect",
        "description",
        id="description-to-named-organisation",
    ),
    pytest.param(
        "The Carter campaign released an advert on Monday. Linda Carter's husband joined her in Ohio.\n\n"
        "The campaign said the advert would run in four states.",
        "Carter campaign",
        "said",
        "the advert would run in four states",
        "indirect",
        "description",
        id="description-to-named-campaign",
    ),
    pytest.param(
        "A senior official said the talks had stalled.",
        "A senior official",
        "said",
        "the talks had stalled",
        "indirect",
        "description",
        id="indefinite-description-kept",
    ),
    pytest.param(
        "The spokesman said the talks had stalled.",
        "spokesman",
        "said",
        "the talks had stalled",
        "indirect",
        "unresolved",
        id="definite-description-unresolved",
    ),
    pytest.param(
        "OSLO - Fisheries Minister Kari Holm said on Monday that quotas would be cut.",
        "Kari Holm",
        "said",
        "quotas would be cut",
        "indirect",
        "name",
        id="dateline-not-in-speaker",
    ),
    pytest.param(
        "Alice Moreno and Tom Reyes said the ferry deal was fair.",
        "Alice Moreno and Tom Reyes",
        "said",
        "the ferry deal was fair",
        "indirect",
        "name",
        id="coordinated-named-speakers",
    ),
    pytest.param(
        "WASHINGTON — The new tariffs will hurt grain farmers, the Agriculture Department said.",
        "Agriculture Department",
        "said",
        "The new tariffs will hurt grain farmers",
        "indirect",
        "name",
        id="dateline-not-in-content",
    ),
    pytest.param(
        "The minister left for Rome on a night train on Monday, accompanied by her deputy, Ana Ruiz, "
        "and two senior advisers, including Paolo Ferri, a veteran negotiator, the state news agency said.",
        "state news agency",
        "said",
        "The minister left for Rome on a night train on Monday, accompanied by her deputy, Ana Ruiz, "
        "and two senior advisers, including Paolo Ferri, a veteran negotiator",
        "indirect",
        "unresolved",
        id="long-clause-then-trailing-speaker",
    ),
    pytest.param(
        "“We will appeal the ruling,” Mayor Linda Carter said on Friday.\n\n“It ignores the facts and the law.”",
        "Linda Carter",
        "",
        "It ignores the facts and the law.",
        "direct",
        "previous claim",
        id="floating-quote-previous-claim",
    ),
    pytest.param(
        "The Harbour Authority and the Dockworkers Union both said the strike was over.",
        "Harbour Authority and Dockworkers Union",
        "said",
        "the strike was over",
        "indirect",
        "name",
        id="coordinated-organisations-as-a-group",
    ),
    pytest.param(
        "Mayor Linda Carter met the press.\n\nCarter on the harbour plan: “It is the best deal we could get.”",
        "Linda Carter",
        "",
        "It is the best deal we could get.",
        "direct",
        "alias",
        id="headline-form-x-on-y-colon",
    ),
    pytest.param(
        "Norway criticised the quota plan on Monday, saying it would ruin coastal towns.",
        "Norway",
        "saying",
        "it would ruin coastal towns",
        "indirect",
        "name",
        id="country-speaks",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind", "basis"), FAMILIES)
def test_cue_families_and_constructions(analyse_text, text, speaker, cue, content, kind, basis):
    claim = one_claim(analyse_text(text).claims, content)
    assert speaker in claim.speaker
    assert claim.cue == cue
    assert text[claim.start : claim.end] == content
    assert claim.kind == kind
    assert claim.speaker_basis == basis


def test_introduced_person_speaks_a_floating_quote(analyse_text):
    text = (
        "“We will appeal the ruling,” Mayor Linda Carter said on Friday.\n\n"
        "Tom Reyes, who runs the harbour shelter, disagrees with the mayor.\n\n"
        "“The ruling is fair and the city should accept it.”"
    )
    claim = one_claim(analyse_text(text).claims, "The ruling is fair and the city should accept it.")
    assert claim.speaker == "Tom Reyes"
    assert claim.speaker_basis == "unresolved"  # a guess from context: the analyst checks it


def test_to_check_lists_only_unresolved_speakers(analyse_text, tmp_path):
    from newsdossier import tables
    from newsdossier.records import Claim
    from newsdossier.report import html

    text = "Mayor Linda Carter said the pier would reopen.\n\nThe spokesman said the ferry was late."
    claims = tables.to_frame(analyse_text(text).claims, Claim).astype(str)
    listed = html.claims_to_check(claims)
    assert list(listed["content"]) == ["the ferry was late"]
    data = html.ReportData(None, pd.DataFrame(), pd.DataFrame(), claims, pd.DataFrame(), None)
    shown = html.claims_to_check_html(data)
    assert "the ferry was late" in shown and "the pier would reopen" not in shown
    assert f'href="#row-{listed.iloc[0]["claim_id"]}"' in shown


def test_praise_of_a_bare_object_is_not_a_claim(analyse_text):
    assert _claims(analyse_text, "Senator Grace Whitfield praised the governor.") == []


def test_cue_lists_are_consistent():
    from newsdossier.extract.lexicon import cues

    assert cues.CLAUSE_OBJECT_VERBS | cues.INFINITIVE_VERBS | cues.NAMING_VERBS <= cues.SPEECH_VERBS
    assert ("call", "for") in cues.PREPOSITIONAL_VERBS
    assert "claim" in cues.STATEMENT_NOUNS and "statement" in cues.DOCUMENT_NOUNS


def test_to_check_is_empty_for_tables_without_the_column():
    from newsdossier.report import html

    old = pd.DataFrame({"claim_id": ["C001"], "speaker": ["X"], "content": ["y"]})
    assert html.claims_to_check(old).empty

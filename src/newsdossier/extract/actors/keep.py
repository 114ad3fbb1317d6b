"""Pass 7, the keep model: a logistic score over generic features decides whether a cluster is an actor.

The rules of ``kinds`` drop what the text marks plainly as a work, event or product. What is left
unmarked ("X was published in 1738", a capitalised common word) is told apart by evidence that
no single rule weighs well: how many times and how the name is used, its labels, its words.
The weights are learned by ``scripts/train_actor_keep.py`` from an annotated set read at run
time, and stored in ``lexicon/actor_keep.toml``: feature names and numbers only, no text.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter

from spacy.tokens import Doc
from wordfreq import zipf_frequency

from newsdossier.extract import lexicon
from newsdossier.extract.actors.kinds import named_mentions, quoted_whole
from newsdossier.extract.actors.spans import (
    Cand,
    Cluster,
    cluster_name,
    head_word,
    is_acronym,
    is_role_noun,
    place_context,
    surface,
)
from newsdossier.extract.lexicon.load import LexiconError, load

# spaCy labels for things that are not actors; a name NER also tags so elsewhere is suspect.
_THING_LABELS = {"WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"}
_KINDS = ("person", "organization", "location")
_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
_POSSESSIVE_DETERMINERS = {"his", "her", "their", "its", "my", "our", "your"}
# Zipf frequencies (wordfreq): at or above COMMON a word is an everyday word, below RARE it is rare.
_COMMON, _RARE = 4.0, 1.5
_YEAR = re.compile(r"1[0-9]{3}|20[0-9]{2}")


def _sentence_start(doc: Doc, cand: Cand) -> bool:
    """The mention opens its sentence, where any word is capitalised."""
    sent = doc[cand.start].sent
    first = next((t.i for t in sent if not (t.is_punct or t.is_space)), sent.start)
    return cand.start == first


def _headline(doc: Doc, cand: Cand) -> bool:
    """The mention sits in a line in title case (most words capitalised) or in a verbless line."""
    sent = doc[cand.start].sent
    alpha = [t for t in sent if t.is_alpha]
    if not alpha:
        return False
    capital = sum(t.text[0].isupper() for t in alpha) / len(alpha)
    return capital > 0.6 or not any(t.pos_ in {"VERB", "AUX"} for t in sent)


def _after_in(doc: Doc, cand: Cand) -> bool:
    """The mention follows "in" ("in X": a place, or a work someone is in)."""
    return cand.start > 0 and doc[cand.start - 1].lower_ == "in"


def _acts(doc: Doc, cand: Cand) -> bool:
    """The mention is the subject of a verb or a possessor ("X said", "X's plan"), as actors are."""
    root = doc[cand.start : cand.end].root
    return root.dep_ in {"nsubj", "nsubjpass", "poss", "agent"} or (
        cand.end < len(doc) and doc[cand.end].tag_ == "POS"
    )


def _agent_by(doc: Doc, cand: Cand) -> bool:
    """The mention is who did something, after "by" ("funded by X", "backing by X"), as actors are."""
    root = doc[cand.start : cand.end].root
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "by" and prep.head.pos_ in {"VERB", "NOUN"}


# Verbs whose object is who is told or asked ("told X", "asked X"): a listener, an actor.
_LISTENER_VERBS = {"tell", "ask", "inform"}
# Nouns whose "of X" / "in X" is a firm's stock ("shares of X", "a stake in X").
_STOCK_NOUNS = {"share", "stock", "stake"}


def _addressed(doc: Doc, cand: Cand) -> bool:
    """The mention is where news names a source, a listener, an employer or a listed firm:
    "according to X", "told X", "a spokesman for X", "shares of X"."""
    root = doc[cand.start : cand.end].root
    head = root.head
    if root.dep_ in {"dobj", "dative"}:
        return head.lemma_.lower() in _LISTENER_VERBS
    if root.dep_ != "pobj" or head.i >= cand.start:
        return False
    governor = head.head
    if head.lower_ == "to":
        return governor.lower_ == "according"
    if head.lower_ in {"for", "at"}:
        return governor.pos_ == "NOUN" and is_role_noun(governor)  # "a spokeswoman for X"
    return head.lower_ in {"of", "in"} and governor.lemma_.lower() in _STOCK_NOUNS


def _after_possessive(doc: Doc, cand: Cand) -> bool:
    """The mention follows a possessive determiner ("his X"), as works and products do, not people."""
    return cand.start > 0 and doc[cand.start - 1].lower_ in _POSSESSIVE_DETERMINERS


def _made(doc: Doc, cand: Cand) -> bool:
    """The mention is what someone made: the object of a creation verb ("wrote X", "X was published")."""
    root = doc[cand.start : cand.end].root
    return root.dep_ in {"dobj", "nsubjpass"} and root.head.lemma_ in lexicon.CREATION_VERBS


# the labels of a place that owns firms and officials in "X's Y"
_PLACE_LABELS = {"GPE", "LOC", "NORP"}


def _after_owner(doc: Doc, cand: Cand) -> bool:
    """The mention follows a named possessor ("Anna Varn's Night Garden", "Reed's The Harbour"), as
    the works of an author or a director do; people are named after a kin or role noun instead. A
    place's possessive introduces its firms and officials ("Norway's Brenvik"), not a work."""
    i = cand.start - 1 - (cand.start > 0 and doc[cand.start - 1].lower_ == "the")
    if i < 1 or doc[i].tag_ != "POS" or doc[i - 1].pos_ != "PROPN":
        return False
    owner = doc[i - 1]
    return owner.ent_type_ not in _PLACE_LABELS and not lexicon.place_named(owner.text)


def _dated(doc: Doc, cand: Cand) -> bool:
    """A lone year in brackets follows the mention ("Summer Letters (1806)", "(The Quiet Room, 1959)"),
    as works are dated; a person's brackets hold a span of years or "born"."""
    after = [t.text for t in doc[cand.end : cand.end + 3]]
    return (
        len(after) == 3
        and after[0] in {"(", ","}
        and _YEAR.fullmatch(after[1]) is not None
        and after[2] == ")"
    )


def _modifier(doc: Doc, cand: Cand) -> bool:
    """The mention modifies a noun after it ("the X prize", "X theory")."""
    root = doc[cand.start : cand.end].root
    return root.dep_ == "compound" and root.head.i >= cand.end


def _the_plural(doc: Doc, cand: Cand) -> bool:
    """A plural name after "the" ("the Harlow Rovers"), as teams, bands and peoples are named."""
    return cand.start > 0 and doc[cand.start - 1].lower_ == "the" and doc[cand.end - 1].tag_ == "NNPS"


def _known_name(word: str) -> bool:
    """A word the name lists or gazetteers know (a given name, a surname, a place)."""
    return lexicon.is_given_name(word) or lexicon.is_surname(word) or lexicon.place_named(word)


def _lower_elsewhere(doc: Doc, words: list[str]) -> bool:
    """A word of the name is also written in lower case in the text, as a common word."""
    lower = _lower_words(doc)
    return any(w.lower() in lower for w in words)


# features() asks for every cluster of a doc: one pass over its tokens, not one per cluster. The cache
# holds the last doc itself, so its identity cannot pass to another doc while it is cached.
@functools.lru_cache(maxsize=1)
def _lower_words(doc: Doc) -> frozenset[str]:
    """The words the text writes in lower case."""
    return frozenset(t.text for t in doc if t.is_alpha and t.text.islower())


def features(doc: Doc, cluster: Cluster) -> dict[str, float]:
    """The generic evidence about one cluster, as named numbers (the model's input)."""
    named = named_mentions(cluster)
    name = cluster_name(doc, cluster)
    words = name.split()
    n = len(named)
    share = lambda test: sum(1 for c in named if test(doc, c)) / n  # noqa: E731 - a local shorthand
    labels = Counter(c.label for c in named)
    heads = {head_word(doc, c) for c in named}
    texts = {surface(doc, c).lower() for c in named}
    thing_tags = sum(1 for e in doc.ents if e.label_ in _THING_LABELS and e.text.lower() in texts)
    alpha = [w.strip(".,'\"") for w in words if any(ch.isalpha() for ch in w)] or [""]
    zipf = [zipf_frequency(w.lower(), "en") for w in alpha]
    tokens = [t for c in named for t in doc[c.start : c.end] if t.is_alpha]
    feats: dict[str, float] = {
        "log_mentions": math.log1p(len(cluster.cands)),
        "log_named": math.log1p(n),
        "one_mention": float(len(cluster.cands) == 1),
        "words": min(len(words), 6) / 6,
        "one_word": float(len(words) == 1),
        "acronym": float(is_acronym(name)),
        "all_caps": float(name.isupper() and not is_acronym(name)),
        "titled": float(any(c.title for c in cluster.cands)),
        "given_first": float(bool(words) and lexicon.is_given_name(words[0])),
        "place_known": float(lexicon.place_named(name) or bool(lexicon.country_named(name))),
        "country": float(cluster.country is not None),
        "org_head": float(bool(heads & lexicon.ORG_HEADS)),
        "place_head": float(bool(heads & lexicon.PLACE_HEADS)),
        "thing_head": float(bool(heads & lexicon.OUT_OF_SCOPE_HEADS)),
        "thing_tagged": float(thing_tags > 0),
        "rule_found": share(lambda d, c: c.how == "rule"),
        "place_context": share(place_context),
        "sentence_start": share(_sentence_start),
        "headline": share(_headline),
        "quoted": share(quoted_whole),
        "after_in": share(_after_in),
        "acts": share(_acts),
        "agent_by": share(_agent_by),
        "addressed": share(_addressed),
        "lower_elsewhere": float(_lower_elsewhere(doc, words)),
        "early": 1 - cluster.first / max(len(doc), 1),
        "propn": sum(t.pos_ == "PROPN" for t in tokens) / max(len(tokens), 1),
        "common_word": sum(z >= _COMMON and not _known_name(w) for w, z in zip(alpha, zipf)) / len(alpha),
        "rare_word": sum(z < _RARE and not _known_name(w) for w, z in zip(alpha, zipf)) / len(alpha),
        "surname_last": float(lexicon.is_surname(alpha[-1])),
        "after_possessive": share(_after_possessive),
        "made": share(_made),
        "modifier": share(_modifier),
        "the_plural": share(_the_plural),
        "non_alpha": float(
            any(not w.replace("-", "").replace(".", "").replace("'", "").isalpha() for w in words)
        ),
    }
    for kind in _KINDS:
        feats[f"kind_{kind}"] = float(cluster.kind == kind)
    for label in _LABELS:
        feats[f"label_{label}"] = labels.get(label, 0) / n
    return feats


def _model() -> dict:
    """The stored model: feature means, scales, weights, bias and the keep threshold."""
    data = load("actor_keep")
    try:
        return {
            "mean": data["mean"],
            "scale": data["scale"],
            "weights": data["weights"],
            "bias": float(data["bias"]),
            "threshold": float(data["threshold"]),
        }
    except KeyError as err:
        raise LexiconError(f"actor_keep.toml: missing {err}; rerun scripts/train_actor_keep.py") from err


def keep_probability(feats: dict[str, float]) -> float:
    """The model's probability that a cluster with these features is an actor."""
    model = _model()
    z = model["bias"]
    for name, weight in model["weights"].items():
        value = feats.get(name, 0.0)
        z += weight * (value - model["mean"][name]) / model["scale"][name]
    return 1 / (1 + math.exp(-z))


def marked(feats: dict[str, float]) -> bool:
    """Plain evidence of an actor that the model never overrules: a title, an organisation's or a
    place's head word ("Council", "Cemetery"), a gazetteer place, a name that stands where only a
    place can ("near X"), one found only by a recall rule (each asks for such evidence), a name
    used three times or more, one that acts ("X said": a possible speaker is never dropped) or is
    the agent after "by" ("funded by X"; a place is "by the river", a code with digits a machine:
    "taken by X2"), one named where news names a source, a listener, an employer or a listed firm
    ("according to X", "told X", "a spokesman for X", "shares of X"), or a
    plural name after "the" ("the Harlow Rovers")."""
    return bool(
        feats["titled"]
        or feats["org_head"]
        or feats["place_head"]
        or feats["place_known"]
        or feats.get("place_context", 0.0) > 0
        or feats.get("rule_found", 0.0) >= 1
        or feats["acts"]
        or (feats.get("agent_by", 0.0) > 0 and not feats["kind_location"] and not feats["non_alpha"])
        or feats.get("addressed", 0.0) > 0
        or feats["the_plural"]
        or feats["log_named"] >= math.log1p(3)
    )


def made_work(doc: Doc, cluster: Cluster) -> bool:
    """Plain evidence of a work, which only the marks of an actor overrule: every naming follows a
    named possessor ("Anna Varn's Tidewater"), or every one a lone bracketed year ("Silver Kestrel
    (1806)"). A given name first keeps a person after a possessor ("the firm's Jane Dorrow"), a
    surname last one before a year, as an author is cited ("Marlowe (2009)")."""
    named = named_mentions(cluster)
    words = cluster_name(doc, cluster).split()
    if not named or not words or lexicon.is_given_name(words[0]):
        return False
    if all(_after_owner(doc, c) for c in named):
        return True
    return all(_dated(doc, c) for c in named) and not lexicon.is_surname(words[-1])


def _latin(name: str) -> bool:
    """The name has a letter of the Latin script ("Jérôme" has; a gloss in Greek or Japanese has not)."""
    return any(ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN") for ch in name)


def is_kept(doc: Doc, cluster: Cluster) -> bool:
    """Whether the cluster stays an actor: groups and countries always; others when marked, or when
    likely and not plainly a work. A name only in another script is a gloss of a name the English
    text gives beside it, so it is never an actor of its own."""
    if cluster.kind not in _KINDS or cluster.country is not None:
        return True
    if not _latin(cluster_name(doc, cluster)):
        return False
    feats = features(doc, cluster)
    if marked(feats):
        return True
    return keep_probability(feats) >= _model()["threshold"] and not made_work(doc, cluster)


def _conjuncts(doc: Doc, cand: Cand) -> set[int]:
    """The tokens of the names listed with the mention ("X, Y and Z"), without the mention's own."""
    root = doc[cand.start : cand.end].root
    return {t.i for t in root.conjuncts} - set(range(cand.start, cand.end))


def listed_with_kept(doc: Doc, dropped: list[Cluster], kept: list[Cluster]) -> list[Cluster]:
    """The dropped one-word organisations listed with a kept organisation ("its suppliers, Vantor,
    Orbly and Quist"): a list holds names of one kind, so the one kept vouches for the rest."""
    owner = {i: k for k in kept if k.kind == "organization" for c in k.cands for i in range(c.start, c.end)}
    back = []
    for cluster in dropped:
        named = named_mentions(cluster)
        if cluster.kind != "organization" or any(c.end - c.start > 1 or c.label != "ORG" for c in named):
            continue
        if named and all(_conjuncts(doc, c) & owner.keys() for c in named):
            back.append(cluster)
    return back


def kept(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """The clusters that stay actors."""
    return [k for k in clusters if is_kept(doc, k)]

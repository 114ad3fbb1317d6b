"""Pass 2, titles: the role and nation a person's context states (pre-name modifiers, appositions)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsdossier.extract import lexicon
from newsdossier.extract.actors.spans import (
    Cand,
    Cluster,
    cluster_nation,
    cluster_title,
    is_acronym,
    is_role_noun,
    is_title_token,
)
from newsdossier.extract.actors.sports import position_before


def _words_text(tokens: list[Token]) -> str:
    """Lower-case text of tokens as written, so "vice-president" keeps its hyphen."""
    parts = []
    for k, token in enumerate(tokens):
        parts.append(token.lower_)
        glued = k + 1 < len(tokens) and tokens[k + 1].i == token.i + 1 and not token.whitespace_
        if k + 1 < len(tokens) and not glued:
            parts.append(" ")
    return "".join(parts)


def _role_from_run(tokens: list[Token]) -> str:
    """The role in a run of title words, ranks set aside ("spokeswoman Lieutenant Colonel" -> spokeswoman)."""
    role: list[Token] = []
    ranks: list[str] = []
    for i, token in enumerate(tokens):
        word = token.lower_
        if (
            word == "-"
            and 0 < i < len(tokens) - 1
            and all(t.lower_ in lexicon.RANKS for t in tokens[i - 1 : i + 2 : 2])
        ):
            continue  # "Major-General": one rank written with a hyphen
        # "Secretary General", "Attorney General": here "general" is part of the role
        compound = word == "general" and i > 0 and tokens[i - 1].lower_ in lexicon.TITLE_HEADS
        if word in lexicon.RANKS and not compound and not (role and role[-1].text == "-"):
            ranks.append(lexicon.RANK_WORDS.get(word, word))
        else:
            role.append(token)
    while role and role[0].text == "-":
        role.pop(0)  # "hedge-fund manager": the run began inside a hyphenated word
    has_of = any(t.lower_ == "of" for t in role)
    while (
        role
        and not has_of
        and role[-1].lower_ not in lexicon.TITLE_HEADS
        and not (
            len(role) > 1
            and (
                role[-2].text == "-"
                or role[-1].lower_ == "general"
                and role[-2].lower_ in lexicon.TITLE_HEADS
            )
        )
    ):
        role.pop()  # qualifiers must lead up to a role noun ("Secretary-General" is one)
    if any(t.lower_ in lexicon.TITLE_HEADS for t in role):
        return _words_text(role)
    return " ".join(r for r in ranks if r not in lexicon.HONORIFICS)


def _title_word(token: Token) -> bool:
    """A word that can stand in a title before a name: role, rank or qualifier."""
    word = token.lower_
    return word in lexicon.TITLE_HEADS or word in lexicon.RANKS or word in lexicon.TITLE_QUALIFIERS


def _pre_name_title(doc: Doc, start: int, taken: set[int]) -> tuple[str, str]:
    """The role and nation read from the words right before a name ("Brazilian Foreign Minister")."""
    run: list[Token] = []
    i = start - 1
    # "Secretary of State X": a role noun, "of", and up to three capitalised words
    for width in (1, 2, 3):
        j = start - width
        if (
            j >= 2
            and doc[j - 1].lower_ == "of"
            and doc[j - 2].lower_ in lexicon.TITLE_HEADS
            and all(t.is_title for t in doc[j:start])
        ):
            run, i = list(doc[j - 2 : start]), j - 3
            break
    while i >= 0 and i not in taken:
        token = doc[i]
        glued = token.text == "-" and i > 0 and not doc[i - 1].whitespace_ and not token.whitespace_
        prefix = run and run[0].text == "-" and (_title_word(token) or token.lower_ in lexicon.TITLE_PREFIXES)
        if _title_word(token) or glued or prefix:
            run.insert(0, token)  # "vice-president": the hyphen and the word before it belong too
        elif (
            run
            and token.is_alpha
            and not token.is_stop
            and token.pos_ in {"NOUN", "ADJ"}
            and run[0].lower_ in lexicon.TITLE_HEADS
        ):
            run.insert(0, token)  # a common-noun modifier of the role: "police spokesman"
        else:
            break
        i -= 1
    title = _role_from_run(run)
    if title:
        return title, _nation_at(doc, i)
    pos_start, position = position_before(doc, start)  # "Harlow Hawks quarterback X", "England striker X"
    return position, _nation_at(doc, pos_start - 1) if position else ""


def _nation_at(doc: Doc, i: int) -> str:
    """The country a demonym or country name at token i stands for, if any."""
    if i < 0:
        return ""
    token = doc[i]
    country = lexicon.country_of_demonym(token.text) or (
        lexicon.country_named(token.text) if token.ent_type_ == "GPE" else None
    )
    return country.name if country else ""


def _appositive_head(doc: Doc, cand: Cand) -> Token | None:
    """The head noun of an apposition beside a name ("X, a spokesman" / "the minister, X")."""
    span = doc[cand.start : cand.end]
    heads = [child for t in span for child in t.children if child.dep_ == "appos" and child.i >= cand.end]
    if span.root.dep_ == "appos" and span.root.head.i < cand.start:
        heads.append(span.root.head)
        of = span.root.head.head
        if span.root.head.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ in lexicon.TITLE_HEADS:
            heads.append(of.head)  # "the head of Acme, X": the parse hangs X on the organisation
    # a role noun may be capitalised ("its Chair, X"); any other noun must be lower case
    return next(
        (
            h
            for h in heads
            if h.pos_ == "NOUN"
            and h.is_lower
            or h.pos_ in {"NOUN", "PROPN"}
            and (h.lower_ in lexicon.TITLE_HEADS or _compound_role(h))
        ),
        None,
    )


def _compound_role(head: Token) -> bool:
    """A rank word ending a role ("Attorney General", "Surgeon General"): the role noun comes first."""
    return head.lower_ in lexicon.RANKS and any(
        t.dep_ == "compound" and t.lower_ in lexicon.TITLE_HEADS for t in head.lefts
    )


def _predicate_title(doc: Doc, cand: Cand, taken: set[int]) -> str:
    """The role a copula gives the person ("X is the director of Y", "X was a professor")."""
    root = doc[cand.start : cand.end].root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_ != "be":
        return ""
    attr = next((t for t in verb.children if t.dep_ == "attr" and t.i > root.i), None)
    if attr is None or attr.i in taken or attr.lower_ not in lexicon.TITLE_HEADS:
        return ""
    # "the 14th Deputy Governor": a capitalised role keeps its capitalised qualifier
    mods = [
        t
        for t in attr.lefts
        if t.is_alpha and t.lower_ in lexicon.TITLE_QUALIFIERS and (t.is_lower or not attr.is_lower)
    ]
    return _words_text([*mods, attr])


def _appositive_title(doc: Doc, cand: Cand, taken: set[int]) -> tuple[str, str]:
    """The role an apposition gives a person ("X, a Treasury spokesman")."""
    head = _appositive_head(doc, cand)
    if head is None or head.i in taken:
        return "", ""
    # "vice-president" is parsed as three nouns: take the hyphenated word whole
    end = head.i + 1
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        end += 2
    last = doc[end - 1]
    if not (is_role_noun(head) or is_role_noun(last) or _compound_role(head)):
        return "", ""
    # role modifiers only: nouns ("security adviser") and known qualifiers ("former"), no praise;
    # a capitalised role is written with its capitalised title words ("Attorney General")
    words = [
        t
        for t in head.lefts
        if t.is_alpha
        and t.i not in taken
        and (
            t.is_lower
            and (
                t.dep_ in {"compound", "nmod"}
                and t.pos_ == "NOUN"
                or t.dep_ == "amod"
                and t.lower_ in lexicon.TITLE_QUALIFIERS
            )
            or not head.is_lower
            and t.dep_ == "compound"
            and _title_word(t)
        )
    ]
    nation = next((n for t in head.lefts if (n := _nation_at(doc, t.i))), "")
    return _words_text([*words, *doc[head.i : end]]), nation


def _rank_only(title: str) -> bool:
    """A title made of ranks alone ("lieutenant general"), with no role in it."""
    ranks = lexicon.RANKS | set(lexicon.RANK_WORDS.values())
    return all(w in ranks for w in title.split())


def _titled_name(doc: Doc, cand: Cand, taken: set[int]) -> bool:
    """A short capitalised name right after a capitalised title ("Professor X", "Dr. X"): a person."""
    span = doc[cand.start : cand.end]
    if (
        cand.start == 0
        or len(span) > 3
        or not doc[cand.start - 1].text[:1].isupper()
        or any(t.lower_ in lexicon.ORG_HEADS or t.lower_ in lexicon.PLACE_HEADS for t in span)
        or is_acronym(span.text)
        or lexicon.country_named(span.text)
    ):
        return False
    title, _ = _pre_name_title(doc, cand.start, taken)
    return bool(title)


def read_titles(doc: Doc, cands: list[Cand]) -> None:
    """Give each person mention the role and nation its context states; retype people that are orgs."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    for cand in cands:
        if cand.label == "ORG":
            head = _appositive_head(doc, cand)
            if head is not None and (head.lower_ in lexicon.KINSHIP or head.lower_ in lexicon.TITLE_HEADS):
                cand.label = "PERSON"  # "X, her son": an ORG label on a person
            elif _titled_name(doc, cand, taken):
                cand.label = "PERSON"  # "Professor Lindqvist" read as an organisation
        site = cand.end - cand.start > 1 and doc[cand.end - 1].lower_ in lexicon.SITE_HEADS
        if cand.label == "PERSON" and site:
            cand.label = "FAC"  # "King Orvan Station", "Jane Doe Airport": a site named after a person
            while cand.start > 0 and doc[cand.start - 1].is_title and is_title_token(doc[cand.start - 1]):
                cand.start -= 1  # the title before the person's name is the site's name too
        if cand.label != "PERSON":
            continue
        head = _appositive_head(doc, cand)
        if head is not None and head.lower_ in lexicon.ORG_HEADS:  # "X, a non-profit agency"
            cand.label, cand.appositive_org = "ORG", True
            continue
        cand.title, cand.nation = _pre_name_title(doc, cand.start, taken)
        if not cand.title or _rank_only(cand.title):  # "Gen. X, a former Army commander": the role wins
            title, nation = _appositive_title(doc, cand, taken)
            if title:
                cand.title, cand.nation = title, nation or cand.nation
        if not cand.title:
            cand.title = _predicate_title(doc, cand, taken)


def title_mentions(doc: Doc, people: list[Cluster], taken: set[int]) -> None:
    """Resolve "the Chilean president" to the one person given that title (and nation) in the text."""
    for chunk in doc.noun_chunks:
        root = chunk.root
        if (
            chunk[0].lower_ != "the"
            or not root.is_lower
            or root.lower_ not in lexicon.TITLE_HEADS
            or root.i in taken
            or root.i + 1 < len(doc)
            and doc[root.i + 1].ent_type_ == "PERSON"
        ):
            continue
        nation = next((n for t in chunk[1:-1] if (n := _nation_at(doc, t.i))), "")
        role = " ".join(t.lower_ for t in chunk[1:] if not _nation_at(doc, t.i))
        if not nation:
            continue  # "the president" alone is left to coreference
        fits = [k for k in people if cluster_title(k) == role and cluster_nation(k) == nation]
        if len(fits) == 1:
            fits[0].cands.append(Cand(chunk.start + 1, chunk.end, "PERSON", how="title"))

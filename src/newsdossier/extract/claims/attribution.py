"""Direct quotes: which quotations are statements, and the attribution next to each.

A quote that stands on its own (not a scare quote inside a clause) becomes a direct claim; its
speaker comes from the attribution after it ('“…,” she said'), else before it ('She said: “…”'),
else it floats and takes the previous claim's speaker later. Quoted words that complete a speech verb
and its object ('called the plan “a slow leak”') are one mixed claim, the object with the quoted words.
A quote left open that ends in its own attribution ('“A. - said X.') is cut before the dash.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsdossier.extract.claims.draft import DASHES, Draft, tokens
from newsdossier.extract.claims.speakers import (
    SpeakerResolver,
    according_to,
    in_pp,
    is_author,
    nominal,
    phrase_head,
    resolve_head,
    subject_of,
)
from newsdossier.extract.lexicon.cues import is_speech_verb
from newsdossier.text.nlp import text_of
from newsdossier.text.parse import SUBJECT_DEPS
from newsdossier.text.quotes import Quote, find_posts, name_like, post_author, trim

_SENT_END = re.compile(r"[.!?]")
# A full stop that ends a sentence: followed by a space and a capital, a quotation mark or the end.
# Abbreviations ("U.S.", "Dr.", "Jan.") are not stops: no capital or short capitalised word before the dot.
_STOP = re.compile(
    r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z][a-z])(?<!\.[A-Za-z])[.!?]+"
    r"(?=\s+[“\"'‘(A-Z0-9]|\s*$)"
)


# Parts of speech of a word that leads into a quotation inside a clause ("were “…”", "that “…”").
_LEAD_IN_POS = frozenset({"SCONJ", "AUX", "ADP", "DET", "PART"})


# Minimum words for a quote with no attribution to count as a statement rather than a scare quote.
MIN_FLOATING_WORDS = 4


# A dash after a stop or comma: where an attribution may begin inside a quote left open ('“A. - said X.').
_DASH_AFTER_STOP = re.compile(r"[.!?,]\s+[-–—]+")


# Most words the attribution after such a dash may have ('- said the city's fire chief.').
MAX_DASH_ATTRIBUTION_WORDS = 8

# Most words of a quote that only leads into the rest of its sentence ('“So,” he said, “…”'): kept apart
# they are no statement, so they are left out.
MAX_SPLIT_LEAD_WORDS = 2


def _outside(tokens: list[Token], quotes: list[Quote]) -> list[Token]:
    """Tokens not inside any quotation (the attribution around a quote)."""
    return [t for t in tokens if not any(q.open <= t.idx < max(q.close, q.end + 1) for q in quotes)]


def _fragment_bounds(text: str, q: Quote, quotes: list[Quote], pstart: int, pend: int) -> tuple[int, int]:
    """Start of the text before a quote and end of the text after it, within its sentence."""
    left = pstart
    for m in _STOP.finditer(text, pstart, q.open):
        if not any(x.open <= m.start() < x.close for x in quotes) and text[m.end() : m.end() + 1].isspace():
            left = m.end()
    for x in quotes:
        if x.depth == 0 and x.close <= q.open and text[x.start : x.end].rstrip()[-1:] in (".", "!", "?"):
            left = max(left, x.close)
    right = pend
    for m in _STOP.finditer(text, q.close, pend):
        if not any(x.open <= m.start() < x.close for x in quotes):
            right = m.end()
            break
    # a nickname or a title in the attribution ('Jo “Ace” Reed said') does not end it
    nxt = [x.open for x in quotes if x.depth == 0 and x.open >= q.close and not name_like(text, x)]
    if nxt:
        right = min(right, nxt[0])
    if text[left : q.open].rstrip().endswith("("):
        # a quote in brackets has its attribution inside them: '(“A,” Jane Doe wrote)'
        shut = text.find(")", q.close, right)
        right = shut if shut != -1 else right
    return left, right


def speaker_in_fragment(tokens: list[Token], after: bool) -> tuple[Token | None, Token | None]:
    """(speaker head, cue verb) of an attribution fragment such as 'he said' or 'said Jane Doe'."""
    ids = {t.i for t in tokens}
    if not after:
        label = _dash_label(tokens)
        if label is not None:
            return label, None
    verbs = [t for t in tokens if is_speech_verb(t) and t.dep_ != "amod"]  # not 'in a written statement'
    if not after:
        # before a quote, a verb with a clause of its own ('noted that …') has already said something else;
        # of verbs with a subject of their own the nearest introduces the quote ('After the host asked, Doe
        # replied: “…”'), and they come before participles, whose subject the parse guesses less well
        def rank(t: Token) -> tuple[bool, bool, int]:
            own = _has_own_subject(t)
            return any(c.dep_ == "ccomp" and c.i in ids for c in t.children), not own, -t.i if own else t.i

        verbs.sort(key=rank)
    for verb in verbs:
        subj = subject_of(verb, ids)
        if subj is None:
            # the parser often misreads inverted attributions ('said Jane Doe'): take the nearest nominal
            rest = [t for t in tokens if t.i > verb.i] if after else []
            lead = [t for t in tokens if t.i < verb.i]
            pick = next((t for t in reversed(lead) if nominal(t) and not in_pp(t)), None)
            if pick is None:
                pick = next(
                    (t for t in rest if nominal(t) and not in_pp(t) and t.dep_ not in ("dobj", "dative")),
                    None,
                )
            if pick is not None:
                subj = phrase_head(pick)
        if subj is not None:
            return subj, verb
    acc = according_to(tokens)
    if acc is not None:
        return acc, None
    if after:
        # "“…” —Jane Doe": a dash and a name, with no verb
        words = [t for t in tokens if not t.is_punct and not t.is_space]
        if tokens and tokens[0].text[:1] in DASHES and words and words[0].pos_ in ("PROPN", "NOUN"):
            return phrase_head(words[0]), None
    else:
        # "Jane Doe: “…”", "A heading - Jane Doe: “…”" (the name after the dash)
        words = [t for t in tokens if not t.is_space]
        if words and words[-1].text == ":" and len(words) <= 8:
            dash = max((i for i, t in enumerate(words) if t.text in DASHES + "--"), default=-1)
            noms = [t for t in words[dash + 1 :] if nominal(t)]
            if noms:
                return phrase_head(noms[0]), None
    return None, None


# Most words of the name after a dash that labels the quote after it ('A heading - Jane Doe: “…”').
MAX_LABEL_WORDS = 4


def _dash_label(tokens: list[Token]) -> Token | None:
    """The head of a name set after a dash right before a quote ('Fares rise - Jane Doe: “…”').

    Newsletters head an excerpt with a line of their own, a dash and its source: the source speaks, not
    the subject of any verb in the heading. The name is a few words, with no verb, ending in a colon.
    """
    words = [t for t in tokens if not t.is_space]
    if len(words) < 3 or words[-1].text != ":":
        return None
    dash = max((i for i, t in enumerate(words) if t.text in DASHES + "--"), default=-1)
    name = words[dash + 1 : -1]
    if dash < 1 or not 0 < len(name) <= MAX_LABEL_WORDS or any(t.pos_ in ("VERB", "AUX") for t in name):
        return None
    noms = [t for t in name if nominal(t)]
    head = phrase_head(noms[0]) if noms else None
    if head is None or head.left_edge.i <= words[dash].i:
        return None  # the parse took the heading into the name's phrase: it would be named with it
    return head


def _has_own_subject(verb: Token) -> bool:
    """True when a verb, or the verb it is coordinated with ('was joined and joked'), has a subject."""
    v = verb
    while True:
        if any(c.dep_ in SUBJECT_DEPS for c in v.children):
            return True
        if v.dep_ != "conj" or v.head is v:
            return False
        v = v.head


# Parts of speech of the words of a plain speaker phrase before its verb ('The city's fire chief said').
_SPEAKER_PHRASE_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PART", "PRON"})
# Most words a plain speaker phrase may have before its verb.
MAX_SPEAKER_PHRASE_WORDS = 8


def _attributes_back(text: str, q: Quote, after: list[Token]) -> bool:
    """True when the words after a quote may be its attribution rather than the start of the next sentence.

    They are not when their verb goes on from one before the quote ('- and stressed the point'), or when
    the quote ends its own sentence ('… today.”') and what follows is a new line or a new sentence: that
    sentence is an attribution only when it is short, a plain speaker phrase and its verb ('“… today.”
    Jane Doe said.'), not a clause of its own ('“… today.” Jane Doe, the mayor, said she …').
    """
    words = [t for t in after if not t.is_space]
    first = next((t for t in words if not t.is_punct), None)
    verb = next((t for t in words if is_speech_verb(t)), None)
    if first is None or (verb is not None and verb.dep_ == "conj" and verb.head.idx < q.open):
        return False  # a verb that goes on from one before the quote ('- and stressed the point')
    if first.dep_ == "mark" and first.lower_ != "as":
        return False  # a clause of its own ('“…,” after a spokesman praised her'), unlike '“…,” as she said'
    if text[q.end - 1 : q.end] not in (".", "!", "?") or words[0].text[:1] in DASHES:
        return True
    if "\n" in text[q.close : words[0].idx] or words[-1].text == ":":
        return False
    if not first.text[:1].isupper():
        return True  # '“Why now?” she asked.'
    if verb is None:
        return False
    # the speaker phrase may hold an apposition ('Doe's aide, councillor Jo Lake, yelled.')
    lead = [t for t in words if t.i < verb.i and t.text not in (".", ",")]
    plain = all(t.pos_ in _SPEAKER_PHRASE_POS for t in lead)
    complement = any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children)
    return plain and len(lead) <= MAX_SPEAKER_PHRASE_WORDS and not complement


# Dependents that make a verb after a quote a clause of its own rather than a way of saying it.
_OWN_CLAUSE_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative"})


def _bare_clause_after(after: list[Token]) -> tuple[Token | None, Token | None]:
    """(speaker head, verb) of a plain subject and a verb with no object after a quote ending in a comma.

    '“…,” an angry Jane Doe retorted.': a verb no word list holds as a cue still says how the quote was
    said, when nothing but the speaker comes before it and it takes no object or clause of its own.
    """
    words = [t for t in after if not t.is_space and not t.is_punct]
    verb = next((t for t in words if t.pos_ == "VERB"), None)
    if verb is None:
        return None, None
    lead = [t for t in words if t.i < verb.i]
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c in lead]
    if (
        not subj
        or not all(t.pos_ in _SPEAKER_PHRASE_POS or t.pos_ == "ADV" for t in lead)  # 'a visibly angry
        or len(lead) > MAX_SPEAKER_PHRASE_WORDS
        or any(c.dep_ in _OWN_CLAUSE_DEPS and c.i > verb.i for c in verb.children)  # the quote may be one
        or is_author(subj[0])
    ):
        return None, None
    return subj[0], verb


def close_before_attribution(doc: Doc, q: Quote) -> Quote:
    """A quote left open that ends in its own attribution ('“A. - said X.') is cut before the dash.

    The words after the dash must pass the same test as the words after a closed quote
    (`speaker_in_fragment`): a speech verb with a speaker, or a bare name ('“A. — Jane Doe').
    """
    if q.close != q.end:
        return q
    text = text_of(doc)
    dashes = list(_DASH_AFTER_STOP.finditer(text, q.start, q.end))
    if not dashes:
        return q
    m = dashes[-1]  # the last dash: an attribution ends the quote
    tail = [t for t in tokens(doc, m.start() + 1, q.end) if not t.is_space]
    words = [t for t in tail if not t.is_punct]
    if not words or len(words) > MAX_DASH_ATTRIBUTION_WORDS:
        return q
    head, verb = speaker_in_fragment(tail, after=True)
    if head is None or (verb is None and not all(t.pos_ == "PROPN" for t in words)):
        return q
    _, end = trim(text, q.start, m.start() + 1)
    return Quote(q.open, q.start, end, end, q.depth, q.paragraph)


# A byline right after a quote: the quote is the title of an article or a book ('“…,” by Jane Doe').
_BYLINE = re.compile(r"^by\s+(?:the\s+)?\S*[A-Z]")


def _standalone(text: str, q: Quote, left: int, right: int, doc: Doc) -> bool:
    """True when a quote is a statement of its own, not quoted words inside a clause."""
    before = text[left : q.open].strip()
    after = text[q.close : right].strip()
    content = text[q.start : q.end]
    if _BYLINE.match(after):
        return False  # '“Ferry fares to rise,” by Jane Doe': the title of a piece, credited to its writer
    if _SENT_END.search(content[:-1]) and len(content.split()) >= MIN_FLOATING_WORDS:
        # several sentences make a statement of their own, unless a clause leads in ('said that “A. B.”')
        last = [t for t in tokens(doc, left, q.open) if not t.is_space and not t.is_punct][-1:]
        leads_in = bool(last) and (last[0].pos_ in _LEAD_IN_POS or last[0].lower_ == "that")
        if not leads_in:
            return True
    # a quote opening after a full stop starts a sentence of its own
    before_ok = not before or before[-1] in ":,;.!?(" + DASHES
    if not before_ok and _ends_with_speech_verb(doc, left, q.open):
        # 'she said “…”' quotes her, but a word after a verb ('called it “tedious,”') names or describes,
        # unless it is a sentence of its own ('chanted “Why not?”')
        words = [t for t in tokens(doc, q.start, q.end) if t.is_alpha and not t.is_stop]
        before_ok = len(words) >= 2 or _closing_punct(text, q) in (".", "!", "?")
    closing = _closing_punct(text, q)
    after_ok = (
        not after
        or after[0] in ",;" + DASHES + ")"
        or closing in (".", "!", "?")
        or (closing == "," and _is_clause(doc, q))
        or _starts_with_attribution(doc, q.close, right)
    )
    return before_ok and after_ok


def _closing_punct(text: str, q: Quote) -> str:
    """The last character inside a quote's marks ('“A,”' gives ','), which `trim` leaves out of content."""
    inner = text[q.start : q.close].rstrip("”\"'’»` ")
    return inner[-1:] if q.close > q.end else text[q.start : q.end].rstrip()[-1:]


def _is_clause(doc: Doc, q: Quote) -> bool:
    """True when quoted words hold a verb: a comma inside their closing mark then ends a statement ('“We
    lost,” drawing jeers'), where without one it ends a term set off in the sentence ('the term, “A B,”')."""
    return any(t.pos_ in ("VERB", "AUX") for t in tokens(doc, q.start, q.end))


def _ends_with_speech_verb(doc: Doc, left: int, right: int) -> bool:
    """True when the text before a quote ends with a speech verb ('he said “…”').

    A participle naming the noun before it ('a weekly called “…”', 'a plan dubbed “…”') gives a name or a
    title, not a statement, and neither does a passive with no agent ('it was called “…”').
    """
    toks = [t for t in tokens(doc, left, right) if not t.is_space]
    if not toks or not is_speech_verb(toks[-1]):
        return False
    return not _names_only(toks[-1])


def _names_only(verb: Token) -> bool:
    """True for a speech verb that only names: a participle modifying a noun, or an agentless passive."""
    if verb.dep_ in ("acl", "amod"):
        return not any(c.dep_ == "nsubj" for c in verb.children)  # 'which the mayor called “…”' speaks
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    return passive and not any(c.dep_ == "agent" for c in verb.children)


# Dependencies by which quoted words complete a verb that has an object: 'called the plan “…”' (oprd),
# or 'described the plan as “…”' (the object of its 'as').
_COMPLEMENT_DEPS = frozenset({"oprd", "xcomp", "ccomp", "dobj", "attr", "acomp"})
# Most words of the object between the verb and the quoted words ('labelled the mayor's new plan “…”').
MAX_NAMED_OBJECT_WORDS = 6


def _quoted_phrase(doc: Doc, q: Quote) -> list[Token]:
    """The words of a quote inside a clause that may be a statement, or [] for a word alone or a title.

    A statement has two words or more besides stop words, not all capitalised ('told “Morning Radio Hour”').
    """
    inner = [t for t in tokens(doc, q.start, q.end) if not t.is_punct and not t.is_space]
    words = [t for t in inner if t.is_alpha and not t.is_stop]
    if len(words) < 2 or all(t.text[:1].isupper() for t in words):
        return []
    return inner


def _naming_verb(doc: Doc, q: Quote) -> tuple[Token | None, Token | None]:
    """(speaker head, verb) when a quote inside a clause completes a speech verb and its object.

    In 'She called the plan “a slow leak in every budget”' and 'He described himself as “hungry for more”'
    the quoted words are what the subject said of the object: a quote, not a scare quote. The
    quoted words must be the whole complement, hold two words or more besides stop words, and the verb
    must have a subject; naming participles and agentless passives ('a weekly called “…”') give no claim.
    """
    inner = _quoted_phrase(doc, q)
    if not inner:
        return None, None
    ids = {t.i for t in inner}
    roots = [t for t in inner if t.head.i not in ids]
    if len(roots) != 1:
        return None, None
    root = roots[0]
    via_as = root.head.lower_ == "as" and root.head.dep_ == "prep"
    # the parser often hangs the quoted words on the object ('labelled the plan “…”' as an apposition)
    via_object = root.dep_ == "appos" and root.head.dep_ == "dobj"
    verb = root.head.head if via_as or via_object else root.head
    if via_as and verb.dep_ == "dobj":
        verb = verb.head  # 'described the remarks as “…”' with the as-phrase hung on the object
    if not (via_as or via_object) and root.dep_ not in _COMPLEMENT_DEPS:
        return None, None
    if verb.i >= inner[0].i or not is_speech_verb(verb) or _names_only(verb):
        return None, None
    between = [t for t in doc[verb.i + 1 : inner[0].i] if not t.is_punct and not t.is_space]
    # the object named comes between the verb and the quote, and nothing else does (no clause of its own)
    if (
        not between
        or len(between) > MAX_NAMED_OBJECT_WORDS
        or any(t.pos_ in ("VERB", "AUX") for t in between)
    ):
        return None, None
    lead = [t for t in root.subtree if t.i < inner[0].i and t.i not in ids and not t.is_punct]
    if lead and root.dep_ not in ("dobj", "oprd"):
        return None, None  # words before the quote belong to its clause ('it is “…”'), unless an object
    if any(t.i > inner[-1].i and not t.is_punct for t in root.subtree):
        return None, None  # the quoted words only begin the complement
    subj = subject_of(verb)
    if subj is None or is_author(subj):
        return None, None
    return phrase_head(subj), verb


# Most steps up the parse from quoted words inside a clause to the speech verb they hang on.
MAX_STEPS_TO_CUE = 3


def _speech_verb_above(doc: Doc, q: Quote) -> tuple[Token | None, Token | None]:
    """(speaker head, verb) of the speech verb that quoted words inside a clause hang on, a few steps up.

    'She blamed the delays on “a handful of careless contractors”' and 'praised the team and spoke of
    “a season to remember”' quote the subject's words though no clause is reported. The quoted words must
    be a phrase of two words or more besides stop words, not a title, and the climb stops at a noun with
    an owner: in 'denounced the mayor's call for “…”' the words are the mayor's, not the subject's. Such a
    quote is a fallback: `assemble` drops it when reported speech gives a claim that holds it.
    """
    inner = _quoted_phrase(doc, q)
    if not inner:
        return None, None
    ids = {t.i for t in inner}
    roots = [t for t in inner if t.head.i not in ids or t.head == t]
    if len(roots) != 1:
        return None, None
    v = roots[0].head
    for _ in range(MAX_STEPS_TO_CUE):
        if v.i in ids:
            return None, None
        if is_speech_verb(v) and not _names_only(v) and v.i < inner[0].i:
            subj = subject_of(v)
            if subj is None or is_author(subj) or any(t.is_quote for t in subj.subtree):
                return None, None  # no speaker, the writer, or quoted words read as the subject
            return phrase_head(subj), v
        if any(c.dep_ == "poss" for c in v.children) or v.head == v:
            return None, None  # words of the noun's owner ('the mayor's call for “…”'), or the top
        v = v.head
    return None, None


def _starts_with_attribution(doc: Doc, left: int, right: int) -> bool:
    """True when a speech verb comes within the first words after a quote ('“…” he said')."""
    toks = [t for t in tokens(doc, left, right) if not t.is_space][:4]
    return any(is_speech_verb(t) for t in toks)


def direct_drafts(
    doc: Doc, quotes: list[Quote], paras: dict[int, tuple[int, int]], resolver: SpeakerResolver
) -> list[Draft]:
    """A draft claim for every quote that stands on its own, with the speaker of its attribution, and for
    every embedded social-media post."""
    text = text_of(doc)
    out = []
    last: tuple[Quote, Token | None, Token | None] | None = None  # the last quote taken, its speaker and cue
    for q in quotes:
        start, kind, fallback = q.start, "direct", False
        first_para = paras[_para_of(q.open, paras)]
        left, right = _fragment_bounds(text, q, quotes, first_para[0], paras[q.paragraph][1])
        if _standalone(text, q, left, right, doc):
            after = _outside(tokens(doc, q.close, right), quotes)
            if not _attributes_back(text, q, after):
                after = []
            before = _outside(tokens(doc, left, q.open), quotes)
            head, verb = speaker_in_fragment(after, after=True)
            if head is None and _closing_punct(text, q) == ",":
                head, verb = _bare_clause_after(after)
            if head is None:
                head, verb = speaker_in_fragment(before, after=False)
        elif last is not None and _coordinated(text, last[0], q):
            head, verb = last[1], last[2]
        else:
            head, verb = _naming_verb(doc, q)
            if head is not None:
                # what was said is of the object: the claim holds it and the quoted words, a paraphrase that
                # quotes, as the reported-speech pass would give it (one claim, not a direct one besides)
                start, kind = doc[verb.i + 1].idx, "mixed"
            else:
                head, verb = _speech_verb_above(doc, q)
                if head is None:
                    continue
                fallback = True
        if head is not None and is_author(head):
            continue
        if head is None:
            head, verb = _dash_line_after(doc, q, paras)
        if head is None:
            head, verb = _colon_line_before(doc, q, quotes, paras)
        words = len(text[q.start : q.end].split())
        if words <= MAX_SPLIT_LEAD_WORDS and _leads_split_quote(text, q, right, quotes):
            continue  # '“Honestly,” she said, “…”': a word or two with no statement of their own
        whole_sentence = text[q.start : q.end].rstrip()[-1:] in ".!?" and not text[left : q.open].strip()
        if head is None and words < MIN_FLOATING_WORDS and not whole_sentence:
            continue  # a word or two in quotation marks, attributed to no one: a scare quote
        cue = verb.text if verb is not None else ""
        if verb is None and head is not None and head.dep_ == "pobj":
            cue = "according to"
        anchor = verb.idx if verb is not None else q.start
        speaker = resolve_head(head, resolver) if head is not None else None
        end = q.close if kind == "mixed" else q.end
        out.append(Draft(start, end, kind, cue, speaker, head, anchor, fallback=fallback))
        last = (q, head, verb)
    posts = [
        p
        for p in post_drafts(doc, paras, resolver)
        if not any(p.start < d.end and d.start < p.end for d in out)
    ]
    return sorted(out + posts, key=lambda d: d.start)


# What may join a quote to the one before it: 'and' or 'or', after that quote's attribution if it has one
# ('“A,” she said, and “B.”', 'chanted “A!” and “B!”'); no full stop and no other clause.
_COORDINATED = re.compile(r"^(?:,?\s*(?:[^.!?;:“”\"]{0,60}?,\s*)?)(?:and|or)\s*$")


def _coordinated(text: str, prev: Quote, q: Quote) -> bool:
    """True when a quote is joined by 'and'/'or' to the quote taken before it, and so shares its speaker."""
    return prev.close <= q.open and _COORDINATED.match(text[prev.close : q.open]) is not None


def _leads_split_quote(text: str, q: Quote, right: int, quotes: list[Quote]) -> bool:
    """True when a quote is the first words of a sentence its attribution splits ('“So,” he said, “…”')."""
    nxt = next((x for x in quotes if x.depth == 0 and x.open >= q.close), None)
    if nxt is None or nxt.open != right:
        return False
    return "," in text[q.end : q.close] and text[q.close : nxt.open].rstrip().endswith(",")


def _dash_line_after(
    doc: Doc, q: Quote, paras: dict[int, tuple[int, int]]
) -> tuple[Token | None, Token | None]:
    """(speaker head, cue) of a short line under a quote that ends its paragraph (then '- Jane Doe.')."""
    text = text_of(doc)
    if q.paragraph not in paras or q.paragraph + 1 not in paras:
        return None, None
    if text[max(q.close, q.end) : paras[q.paragraph][1]].strip(" .\n"):
        return None, None
    start, end = paras[q.paragraph + 1]
    line = [t for t in tokens(doc, start, end) if not t.is_space]
    words = [t for t in line if not t.is_punct]
    if not line or line[0].text[:1] not in DASHES or not words or len(words) > MAX_DASH_ATTRIBUTION_WORDS:
        return None, None
    return speaker_in_fragment(line, after=True)


def _colon_line_before(
    doc: Doc, q: Quote, quotes: list[Quote], paras: dict[int, tuple[int, int]]
) -> tuple[Token | None, Token | None]:
    """(speaker head, cue) of the sentence ending in a colon that closes the paragraph above a quote.

    'The board put it plainly:' then a paragraph that is the quote: the attribution stands
    in the paragraph before, as it would before the quote in one paragraph.
    """
    pid = _para_of(q.open, paras)
    if pid - 1 not in paras or q.open != paras[pid][0]:
        return None, None
    start, end = paras[pid - 1]
    line = [t for t in tokens(doc, start, end) if not t.is_space]
    if not line or line[-1].text != ":":
        return None, None
    sentence = [t for t in line if t.i >= line[-1].sent.start]
    head, verb = speaker_in_fragment(_outside(sentence, quotes), after=False)
    if verb is None:
        return None, None  # 'A transcript follows:' introduces labelled turns ('DOE: …'), not one speaker
    return head, verb


def post_drafts(doc: Doc, paras: dict[int, tuple[int, int]], resolver: SpeakerResolver) -> list[Draft]:
    """A direct draft for every embedded social-media post, its author named in the signature below it."""
    text = text_of(doc)
    out = []
    for post in find_posts(text, [(pid, a, b) for pid, (a, b) in sorted(paras.items())]):
        a, b = post_author(text, post)
        names = [t for t in tokens(doc, a, b) if nominal(t)]
        if not names:
            continue
        head = phrase_head(names[0])
        out.append(Draft(post.start, post.end, "direct", "", resolve_head(head, resolver), head, post.start))
    return out


def _para_of(offset: int, paras: dict[int, tuple[int, int]]) -> int:
    """The id of the paragraph holding an offset."""
    for pid, (a, b) in paras.items():
        if a <= offset < b + 1:
            return pid
    return next(iter(paras))

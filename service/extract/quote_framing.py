"""The words framing a quoted stretch that no listed cue claims: the verb right after it (`"…," the judge
exclaimed`), the clause ending in a comma or colon right before it, or its sentence's verb, and a credit
before a colon (`From the report: "…"`)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from service.extract.cue_lexicon import LEXICON
from service.extract.quote_speakers import COLON_SPEAKER_LABELS, is_verb, phrase_of, speaker_of, subject_of
from service.extract.quote_text import DOUBLE_MARKS, MARK_AND_PUNCT, Attribution, quote_around

# The most tokens a clause framing a quote ("…," the spokesman for the ministry said) may have.
MAX_FRAME_TOKENS = 12
# ... and a bare attribution with a long apposition ("…," Ann Lee, the director of …, said).
MAX_BARE_FRAME_TOKENS = 20


def cue_around(doc: Doc, span: tuple[int, int], quotes: list[tuple[int, int]]) -> Attribution | None:
    """A quote no listed cue claimed, whose own attribution frames it: after the quote (`"…," the judge
    exclaimed`, `"…!" he wrote.`), just before it (`Adelson said, "…"`, `As the site notes: "…"`), or the
    verb of its sentence before it (`X reacted to the deal: "…"`, `… released a statement:`); never a verb
    inside another quote."""
    covered = doc.char_span(span[0], span[1], alignment_mode="expand")
    inside = [] if covered is None else list(covered)
    if not inside:
        return None
    framing = (verb_after(doc, inside[-1]), _verb_before(doc, inside[0]), _root_before(inside[0], span))
    verb = next(
        (v for v in framing if v is not None and quote_around((v.idx, v.idx + 1), quotes) is None), None
    )
    speaker = None if verb is None else speaker_of(verb)
    if verb is None or speaker is None:
        return _credit_before(doc, inside[0], span)
    return Attribution(span, (verb.idx, verb.idx + len(verb)), speaker, "framed")


def _credit_before(doc: Doc, first: Token, span: tuple[int, int]) -> Attribution | None:
    """`From the report: "…"`, `Here is Ann Lee in 1992: "…"`: a quote after a colon that closes a
    phrase with no verb of its own is the last person or organisation named there, else its last noun."""
    colon = next((t for t in reversed(doc[max(0, first.i - 3) : first.i]) if not t.is_space), None)
    if colon is None or colon.text != ":":
        return None
    start = colon.i
    while start > colon.sent.start and "\n" not in doc[start - 1].text:
        start -= 1
    phrase = doc[start : colon.i]
    if any(is_verb(t) and t.lemma_ != "be" for t in phrase):
        return None
    names = [e for e in phrase.ents if e.label_ in COLON_SPEAKER_LABELS]
    nouns = [t for t in phrase if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound"]
    if names:
        speaker: tuple[int, int] | None = (names[-1].start_char, names[-1].end_char)
    else:
        speaker = phrase_of(nouns[-1]) if nouns else None
    if speaker is None:
        return None
    return Attribution(span, (colon.idx, colon.idx + 1), speaker, "named colon")


def verb_after(doc: Doc, last: Token) -> Token | None:
    """The verb of a short clause right after the quote. The parser often makes `he wrote.` a sentence of
    its own; across a sentence break it counts only when the quote ends in a comma, the next word is
    lower-case (a pronoun or "the spokesman", not a new sentence) or the clause is a bare attribution
    (`"…." Lee said.`). A longer clause counts when it starts with the verb (`"…!" beamed a delegate from
    …`) or is a bare attribution (`"…," Ann Lee, a lawyer for the family, said, adding …`)."""
    after: list[Token] = []
    aside = 0  # inside brackets ("Rep. Ann Lee (D-Ohio) said"): skipped
    for token in doc[last.i + 1 : last.i + 2 + MAX_BARE_FRAME_TOKENS]:
        if token.text in ("(", ")"):
            aside = max(0, aside + (1 if token.text == "(" else -1))
            continue
        if aside:
            continue
        if "\n" in token.text or (token.text in MARK_AND_PUNCT and token.text not in ".,!?"):
            break
        after.append(token)
        if token.text in ".!?":
            break
    words = [t for t in after if not t.is_punct and not t.is_space]
    verb = next((t for t in words if is_verb(t)), None)
    if verb is None:
        return None
    bare = _is_bare_attribution(verb, words)
    same_sentence = words[0].sent == last.sent
    if not (same_sentence or bare or _ends_utterance(last) == "," or words[0].text[0].islower()):
        return None
    if len(after) > MAX_FRAME_TOKENS and not (bare or verb is words[0]):
        return None
    subject = subject_of(verb)
    has_subject = verb is words[0] or (subject is not None and subject in words and subject.i < verb.i)
    closed = _ends_utterance(last) != "" or (last.i > 0 and doc[last.i - 1].text == ".")
    return verb if closed or has_subject else None  # a quoted phrase's sentence goes on past it


def _is_bare_attribution(verb: Token, words: list[Token]) -> bool:
    """A verb of saying with its subject among the words before it (or, where the parser lost the
    subject, a name first and no other verb before it) and no clause reported after it."""
    subject = subject_of(verb)
    if subject is not None:
        before = subject in words and subject.i < verb.i
    else:
        leading = [t for t in words if t.i < verb.i]
        before = bool(leading) and leading[0].pos_ in ("PROPN", "PRON") and not any(map(is_verb, leading))
    return (
        verb.lemma_.lower() in LEXICON.colon
        and before
        and not any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children)
    )


def _ends_utterance(last: Token) -> str:
    """The punctuation closing a quoted stretch inside its mark ("…," / "…!" / "…?"), or ""."""
    doc = last.doc
    is_mark = last.text in DOUBLE_MARKS or last.text.startswith("''")
    before_mark = doc[last.i - 1] if is_mark and last.i > 0 else last
    return before_mark.text if before_mark.text in (",", "!", "?") else ""


def _verb_before(doc: Doc, first: Token) -> Token | None:
    """The verb of the clause that ends in a comma or colon right before the quote, in its paragraph: the
    last verb of saying there ("Lee is airing an ad in which he declares, "…""), else the sentence's root."""
    previous = next((t for t in reversed(doc[max(0, first.i - 3) : first.i]) if not t.is_space), None)
    if previous is None or previous.text not in (",", ":"):
        return None
    clause = list(doc[previous.sent.start : previous.i])
    breaks = [t.i for t in clause if "\n" in t.text]
    if breaks:
        clause = list(doc[breaks[-1] + 1 : previous.i])
    verbs = [t for t in clause if is_verb(t)]
    root = previous.sent.root
    saying = [t for t in verbs if t.lemma_.lower() in LEXICON.colon]
    if saying:
        return saying[-1]
    return root if root in verbs else (verbs[-1] if verbs else None)


def _root_before(first: Token, span: tuple[int, int]) -> Token | None:
    sentence = first.sent
    root = sentence.root
    return root if root.idx < span[0] and root.pos_ in ("VERB", "AUX") else None


def is_utterance(doc: Doc, span: tuple[int, int]) -> bool:
    """A quote closed by a comma, "!" or "?" inside its mark is something said (`"Boston," he answered`),
    even when its words look like a title (slogans and names cited that way count as quotes too)."""
    covered = doc.char_span(span[0], span[1], alignment_mode="expand")
    return covered is not None and len(covered) > 0 and _ends_utterance(covered[-1]) != ""

"""Parse readings shared by the extractors."""

from __future__ import annotations

from spacy.language import Language

from service.extract.syntax import doc_text


def test_doc_text_is_built_once_per_document(nlp: Language) -> None:
    """Every extractor reads the text; spaCy would rebuild it from the tokens on each access."""
    doc = nlp("The mayor said on Monday that the bridge was safe.")
    first = doc_text(doc)
    assert first == doc.text
    assert doc_text(doc) is first
    assert doc_text(nlp("Another text.")) == "Another text."

"""Extractors: pure functions over a spaCy `Doc` (and plain inputs). No FastAPI, no settings.

Offsets produced here are code-point offsets into `doc.text`; the pipeline converts them once.
"""

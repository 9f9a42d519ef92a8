"""Cleaning guide text at ingest: link residue and page noise never reach a chunk."""

from pathlib import Path

from ingest.chunking import chunk_document
from ingest.clean import clean_document, clean_text
from ingest.loaders import load_file
from tests.conftest import CORPUS

NOISY = """# Guide

## Books
For MLOps I recommend:

- Designing Machine Learning Systems [Book]
- Read the docs (opens in a new tab) before you start.

## Projects
Projects
Books are the slow way to learn, but they last.
Link
Share
it training in nagpur
Just amazing
Helpful, thanks
Recommended Resources for Mathematics:

Mathematics is the foundation of ML.
See [the course](https://example.com/course) for more.
"""


def test_noise_lines_and_link_residue_go_and_the_guide_text_stays():
    text = clean_text(NOISY)
    for gone in ("[Book]", "opens in a new tab", "\nLink\n", "Share", "nagpur", "Just amazing", "Helpful, thanks",
                 "Recommended Resources for Mathematics:", "\nProjects\n"):
        assert gone not in text
    for kept in ("For MLOps I recommend:", "- Designing Machine Learning Systems", "- Read the docs before you start.",
                 "Books are the slow way to learn, but they last.", "Mathematics is the foundation of ML.",
                 "See the course for more."):
        assert kept in text


def test_real_guides_have_no_link_residue_left_in_any_chunk():
    chunks = []
    for path in sorted(Path(CORPUS).glob("*.md")):
        chunks += chunk_document(clean_document(load_file(path, CORPUS)))
    bodies = "\n".join(chunk.body for chunk in chunks)
    assert "[Book]" not in bodies and "(opens in a new tab)" not in bodies
    assert "Recommended Resources for Mathematics:" not in bodies  # its list of links was lost
    assert "Designing Machine Learning Systems: An Iterative Process for Production-Ready Applications" in bodies
    assert len(chunks) > 50


def test_the_store_built_from_the_real_corpus_is_clean(corpus_runtime):
    bodies = [chunk.metadata["body"] for chunk in corpus_runtime.store.all_chunks(include_text=True)
              if chunk.metadata["kind"] == "guide"]
    assert bodies and not [b for b in bodies if "[Book]" in b]

"""Chunking: headings become paths, sizes stay in bounds, overlap carries whole sentences."""

from hypothesis import given, settings, strategies as st

from ingest.chunking import chunk_document, pack_units, split_sections, split_units
from ingest.documents import Document

GUIDE = """# The Guide

Intro sentence one. Intro sentence two.

## Core ML Knowledge

### Model Evaluation Metrics
Precision and recall matter. Use ROC-AUC for ranking quality.

## Tools
- PyTorch
- Docker
"""


def test_sections_carry_heading_paths_without_the_title():
    doc = Document(source="g.md", title="The Guide", text=GUIDE)
    paths = [section.path for section in split_sections(doc)]
    assert paths == [(), ("Core ML Knowledge", "Model Evaluation Metrics"), ("Tools",)]


def test_chunk_text_starts_with_title_and_heading_path():
    doc = Document(source="g.md", title="The Guide", text=GUIDE)
    chunks = chunk_document(doc, size=50, overlap=10)
    metrics = [c for c in chunks if "ROC-AUC" in c.body][0]
    assert metrics.section == "Core ML Knowledge › Model Evaluation Metrics"
    assert metrics.text.startswith("The Guide › Core ML Knowledge › Model Evaluation Metrics\n")


def test_list_items_are_separate_units():
    assert split_units("- PyTorch\n- Docker") == ["- PyTorch", "- Docker"]


def test_wrapped_lines_join_into_one_sentence():
    assert split_units("This sentence is\nwrapped over lines. Next one.") == ["This sentence is wrapped over lines.", "Next one."]


def test_overlap_repeats_whole_trailing_sentences():
    units = [f"Sentence number {i} has six words." for i in range(10)]
    chunks = pack_units(units, size=20, overlap=7)
    assert len(chunks) > 1
    for previous, current in zip(chunks, chunks[1:]):
        last_sentence = previous.splitlines()[-1]  # one unit a line
        assert current.startswith(last_sentence.rstrip(".")), (previous, current)


def test_ids_are_content_hashes_independent_of_position():
    doc = Document(source="g.md", title="The Guide", text=GUIDE)
    shifted = Document(source="g.md", title="The Guide", text="## New first section\nBrand new text here.\n" + GUIDE)
    ids = {c.body: c.id for c in chunk_document(doc, 50, 10)}
    shifted_ids = {c.body: c.id for c in chunk_document(shifted, 50, 10)}
    assert ids["Precision and recall matter.\nUse ROC-AUC for ranking quality."] == \
        shifted_ids["Precision and recall matter.\nUse ROC-AUC for ranking quality."]


def test_repeated_passage_gets_distinct_ids():
    doc = Document(source="g.md", title="T", text="## A\nSame words here.\n## A\nSame words here.\n")
    chunks = chunk_document(doc, 50, 10)
    assert len(chunks) == 2 and chunks[0].id != chunks[1].id


sentences = st.lists(
    st.text(alphabet=st.characters(whitelist_categories=("Ll", "Lu")), min_size=1, max_size=12),
    min_size=1, max_size=30,
).map(lambda words: " ".join(words) + ".")


@settings(max_examples=150, deadline=None)
@given(st.lists(sentences, min_size=1, max_size=40), st.integers(20, 200), st.integers(0, 19))
def test_chunks_are_never_empty_and_never_exceed_size(units, size, overlap):
    chunks = pack_units(units, size, overlap)
    assert chunks
    for chunk in chunks:
        assert chunk.strip()
        assert len(chunk.split()) <= size
    # Every word of the input appears in some chunk, in order: nothing is lost.
    assert " ".join(units).split()[0] == chunks[0].split()[0]
    assert " ".join(units).split()[-1] == chunks[-1].split()[-1]

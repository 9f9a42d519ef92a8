"""Loaders: text in, clear refusals for what cannot be read."""

import pytest

from ingest.loaders import LoadError, load_file


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_markdown_front_matter_gives_title_and_metadata(tmp_path):
    doc = load_file(write(tmp_path, "g.md", "---\ntitle: My Guide\nauthor: Ada\n---\n# My Guide\nBody text."), tmp_path)
    assert doc.title == "My Guide"
    assert doc.metadata["author"] == "Ada"
    assert doc.text.strip() == "# My Guide\nBody text."


def test_html_drops_scripts_and_styles_and_keeps_headings(tmp_path):
    html = ("<html><head><title>Page</title><style>body{color:red}</style></head><body>"
            "<h2>Skills</h2><p>Learn <b>SQL</b>.</p><script>alert('x')</script></body></html>")
    doc = load_file(write(tmp_path, "p.html", html), tmp_path)
    assert doc.title == "Page"
    assert "alert" not in doc.text and "color:red" not in doc.text
    assert "## Skills" in doc.text and "Learn SQL." in doc.text


def test_latin1_text_is_read_with_its_accents(tmp_path):
    doc = load_file(write(tmp_path, "n.txt", "Café résumé tips for engineers.".encode("latin-1")), tmp_path)
    assert "Café résumé" in doc.text


def test_binary_file_is_refused_by_name(tmp_path):
    with pytest.raises(LoadError, match=r"blob\.md: binary"):
        load_file(write(tmp_path, "blob.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20), tmp_path)


def test_empty_file_is_refused(tmp_path):
    with pytest.raises(LoadError, match="empty file"):
        load_file(write(tmp_path, "empty.md", b""), tmp_path)


def test_broken_pdf_is_refused(tmp_path):
    with pytest.raises(LoadError, match=r"bad\.pdf: broken or unreadable PDF"):
        load_file(write(tmp_path, "bad.pdf", b"%PDF-1.4\nthis is not really a pdf"), tmp_path)


def test_real_pdf_text_is_extracted(tmp_path):
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=300, height=200)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 12 Tf 20 100 Td (Learn linear algebra first) Tj ET")
    page[NameObject("/Contents")] = writer._add_object(stream)
    with (tmp_path / "notes.pdf").open("wb") as handle:
        writer.write(handle)
    doc = load_file(tmp_path / "notes.pdf", tmp_path)
    assert "Learn linear algebra first" in doc.text


def test_unsupported_suffix_is_refused(tmp_path):
    with pytest.raises(LoadError, match="unsupported file type"):
        load_file(write(tmp_path, "x.docx", "text"), tmp_path)


def test_oversized_file_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "dump.txt"
    with huge.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(LoadError, match=r"dump\.txt: 22 MB is over the 20 MB limit"):
        load_file(huge, tmp_path)

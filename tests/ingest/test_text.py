"""The one text module: sentences, citations and tokens read the same everywhere."""

from ingest.text import citations, cite, loose_sentences, sentences_of, split_sentences, tokenize, with_citations


def test_an_emoji_ends_a_sentence_so_the_next_one_is_not_glued_to_it():
    assert split_sentences("This also applies to AI Engineer 🚀 Recently, I had the chance.") == [
        "This also applies to AI Engineer 🚀", "Recently, I had the chance."]


def test_etc_inside_brackets_does_not_end_a_sentence_and_is_cited_once():
    sentence = "Learn to deploy models (cloud platforms, web applications, etc.)."
    assert split_sentences(sentence) == [sentence]
    assert cite(sentence, 3) == "Learn to deploy models (cloud platforms, web applications, etc.) [3]."


def test_abbreviations_and_decimals_do_not_end_sentences():
    assert split_sentences("Use tools, e.g. Docker, for 2.5 hours. Then test.") == [
        "Use tools, e.g. Docker, for 2.5 hours.", "Then test."]


def test_a_citation_after_the_stop_belongs_to_the_sentence_before():
    assert split_sentences("Python dominates. [2] Then SQL.") == ["Python dominates. [2]", "Then SQL."]


def test_list_markers_are_kept_only_when_asked():
    assert split_sentences("- Git: version control. Learn it.", keep_marker=True) == ["- Git: version control.", "Learn it."]
    assert split_sentences("- Git: version control.") == ["Git: version control."]


def test_lines_are_never_joined():
    assert sentences_of("First line\nSecond line.") == ["First line", "Second line."]


def test_typed_messages_split_at_lower_case_starts():
    assert loose_sentences("ignore that. what is mlops?") == ["ignore that.", "what is mlops?"]


def test_grouped_citations_are_parsed_and_rewritten():
    assert citations("a [1, 3] b [2][1]") == [1, 3, 2]
    assert with_citations("Python dominates. [2]", [1]) == "Python dominates [1]."
    assert cite("Containerization (e.g., Docker)", 4) == "Containerization (e.g., Docker) [4]."


def test_tokens_are_stemmed_content_words():
    assert tokenize("The certifications for deploying models") == ["certification", "deploy", "model"]


def test_says_finds_a_phrase_as_written_with_its_plural_never_inside_a_longer_word():
    from ingest.text import says
    assert says("…on the shoulders of ML Engineers aka AI Engineers", "AI engineer")
    assert says("languages like Java, R, or C++ can be useful", "C++")
    assert not says("languages like C can be useful", "C++")
    assert not says("AI Engineering: Building Applications", "AI engineer")
    assert not says("anything", "")


def test_listed_names_items_as_a_sentence_does():
    from ingest.text import listed
    assert [listed(["A"], "or"), listed(["A", "B"], "or"), listed(["A", "B", "C"], "and")] == ["A", "A or B", "A, B and C"]

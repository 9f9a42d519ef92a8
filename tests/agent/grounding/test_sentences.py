"""Splitting answers into sentences, telling claims from filler, and rewriting citation markers."""

from agent.grounding.sentences import citations, is_claim, plain, split_lines, split_passage, split_sentences, with_citations


def test_abbreviations_and_decimals_do_not_end_a_sentence():
    text = "Learn libraries, e.g. NumPy vs. Pandas, i.e. the basics [1]. Python 3.11 is 2.5 times faster. Then SQL."
    assert split_sentences(text) == [
        "Learn libraries, e.g. NumPy vs. Pandas, i.e. the basics [1].",
        "Python 3.11 is 2.5 times faster.",
        "Then SQL.",
    ]


def test_bullets_and_numbered_items_are_sentences_without_their_markers():
    text = "Steps:\n- **Python**: master it [1].\n* Learn SQL [2]\n1. Build projects [3]. Share them.\n2) Apply."
    assert split_sentences(text) == [
        "Steps:", "**Python**: master it [1].", "Learn SQL [2]", "Build projects [3].", "Share them.", "Apply.",
    ]


def test_a_citation_after_the_full_stop_belongs_to_the_sentence_before():
    assert split_sentences("Learn Docker. [2] Then Kubernetes. [3]") == ["Learn Docker. [2]", "Then Kubernetes. [3]"]


def test_headings_are_their_own_line_and_not_claims():
    lines = split_lines("## Cloud skills\nLearn AWS [1].")
    assert [(line.heading, line.sentences) for line in lines] == [(True, ["## Cloud skills"]), (False, ["Learn AWS [1]."])]
    assert not is_claim("## Cloud skills")


def test_filler_is_not_a_claim():
    assert not is_claim("Here's what the guides say:")
    assert not is_claim("**Frameworks**")
    assert not is_claim("Hope this helps!")
    assert not is_claim("Good luck with your journey!")
    assert not is_claim("The guides don't cover salaries in Berlin.")
    assert not is_claim("[1]")


def test_statements_are_claims():
    assert is_claim("Python dominates the ML landscape [1].")
    assert is_claim("**Python**: master it [1].")
    assert is_claim("Here is why SQL matters: it is a foundational skill for working with data [2].")


def test_citations_are_read_in_order_of_first_mention():
    assert citations("Learn SQL [2][1] and Git [1, 3].") == [2, 1, 3]
    assert citations("No markers here.") == []


def test_citations_are_rewritten_before_the_full_stop():
    assert with_citations("Learn SQL [7].", [2]) == "Learn SQL [2]."
    assert with_citations("Learn SQL. [7]", [1, 3]) == "Learn SQL [1][3]."
    assert with_citations("Learn SQL [7]!", []) == "Learn SQL!"
    assert with_citations("Learn SQL", [4]) == "Learn SQL [4]"


def test_plain_text_drops_markdown_and_markers():
    assert plain("- **Python**: learn it from [the docs](https://python.org) [1].") == "Python: learn it from the docs."


def test_passages_are_cut_at_inline_bullets_but_lead_ins_stay_with_their_item():
    body = ("For MLOps, I highly recommend: - Designing Machine Learning Systems [Book] "
            "- Containerization (e.g., Docker) - Writing unit tests")
    assert split_passage(body) == [
        "For MLOps, I highly recommend: - Designing Machine Learning Systems [Book]",
        "Containerization (e.g., Docker)",
        "Writing unit tests",
    ]


def test_no_sentence_ends_inside_parentheses():
    text = 'It is recommended in "The Pyramid" (section: ML Engineer Pyramid › 5. MLOps & Cloud Services) [2]. Next.'
    assert split_sentences(text) == [
        'It is recommended in "The Pyramid" (section: ML Engineer Pyramid › 5. MLOps & Cloud Services) [2].', "Next.",
    ]

"""The gate: thresholds from one TOML file, minimums only, clear messages; and the comparison lines."""

import pytest

from evals import definitions
from evals.compare import compare
from evals.gate import check, fmt, load_thresholds
from evals.suites import NAMES, suite_of

THRESHOLDS = {"answers_none": {"citation_precision": 0.9, "grounded_final": 1.0}, "plans": {"validity": 1.0},
              "answers_embedded": {"grounded_final": 0.95}}


def test_a_metric_below_its_threshold_fails_with_a_clear_message():
    metrics = {"answers_none": {"citation_precision": 0.86, "grounded_final": 1.0}, "plans": {"validity": 0.995}}
    assert check(metrics, THRESHOLDS) == ["answers_none.citation_precision 0.86 < 0.90", "plans.validity 0.995 < 1.00"]


def test_metrics_at_or_above_their_thresholds_pass():
    metrics = {"answers_none": {"citation_precision": 0.9, "grounded_final": 1.0, "extra": 0.1}, "plans": {"validity": 1.0}}
    assert check(metrics, THRESHOLDS) == []


def test_thresholds_of_suites_not_run_are_not_checked():
    assert check({"plans": {"validity": 1.0}}, THRESHOLDS) == []


def test_a_gated_metric_that_was_not_measured_fails_unless_the_run_was_partial():
    metrics = {"answers_none": {"grounded_final": 1.0}}
    assert check(metrics, THRESHOLDS) == ["answers_none.citation_precision not measured (threshold 0.90)"]
    assert check(metrics, THRESHOLDS, partial=True) == []


def test_numbers_show_two_decimals_and_more_only_where_they_matter():
    assert [fmt(v) for v in (0.9, 1, 0.86, 0.8999, 0.97297)] == ["0.90", "1.00", "0.86", "0.8999", "0.973"]


def test_the_thresholds_file_names_only_defined_metrics_of_known_sections(tmp_path):
    thresholds = load_thresholds()
    assert thresholds, "evals/thresholds.toml is empty"
    for section, values in thresholds.items():
        suite = suite_of(section)
        assert suite in NAMES, section
        assert section == suite or section.split("_", 1)[1] in ("none", "embedded"), section
        for key, value in values.items():
            assert definitions.lookup(suite, key) is not None, f"{section}.{key} is not defined in evals/suites/{suite}.py"
            assert 0.0 <= value <= 1.0, f"{section}.{key}"


def test_a_threshold_file_with_a_non_number_is_rejected(tmp_path):
    bad = tmp_path / "t.toml"
    bad.write_text('[plans]\nvalidity = "high"\n')
    with pytest.raises(ValueError, match=r"\[plans\] must hold numbers only"):
        load_thresholds(bad)


def test_the_comparison_reads_previous_arrow_current():
    changes = compare({"answers_none": {"grounded_final": 0.93, "gone": 1.0}},
                      {"answers_none": {"grounded_final": 0.96, "new": 0.5}})
    assert [c.line() for c in changes] == ["grounded sentence rate (final answer) 0.93 → 0.96 (+0.03)"]
    assert changes[0].delta == pytest.approx(0.03)


def test_every_metric_a_suite_defines_has_a_label_and_a_definition():
    for suite in NAMES:
        found = definitions.definitions(suite)
        assert found, suite
        assert all(d.label and len(d.text) > 20 for d in found), suite
    assert definitions.label("checker", "negation_accuracy") == "negation accuracy"

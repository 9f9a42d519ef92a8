"""Reciprocal-rank fusion on small hand-made rankings."""

from agent.retrieval.fusion import RRF_K, reciprocal_rank_fusion


def test_item_ranked_well_by_both_beats_item_ranked_first_by_one():
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "c", "a"]])
    assert [item for item, _ in fused] == ["b", "a", "c"]


def test_scores_are_sums_of_reciprocal_ranks():
    fused = dict(reciprocal_rank_fusion([["a", "b"], ["b"]]))
    assert fused["a"] == 1 / (RRF_K + 1)
    assert fused["b"] == 1 / (RRF_K + 2) + 1 / (RRF_K + 1)


def test_items_in_one_ranking_only_are_kept():
    assert {item for item, _ in reciprocal_rank_fusion([["a"], ["z"]])} == {"a", "z"}


def test_ties_keep_first_appearance_order():
    assert [item for item, _ in reciprocal_rank_fusion([["x", "y"], ["y", "x"]])] == ["x", "y"]


def test_empty_rankings_give_nothing():
    assert reciprocal_rank_fusion([[], []]) == []

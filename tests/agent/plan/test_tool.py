"""The `build_learning_plan` LangChain tool: free text or fields in, the plan's JSON contract out."""

import pytest
from langchain_core.tools import BaseTool, ToolException

from agent.plan import build_learning_plan, build_plan, parse_profile, plan_for, to_dict


def test_is_a_langchain_tool_with_a_schema():
    assert isinstance(build_learning_plan, BaseTool)
    assert build_learning_plan.name == "build_learning_plan"
    assert list(build_learning_plan.args) == ["text", "background", "skills", "hours_per_week", "months", "track",
                                              "format", "certification", "cloud", "certification_goal"]


def test_free_text_gives_the_same_plan_as_parse_profile():
    text = "I know Python and SQL, 10 hours a week, I want to build LLM apps"
    result = build_learning_plan.invoke({"text": text})
    assert result["months"] == to_dict(build_plan(parse_profile(text)))["months"]
    assert result["profile"]["track"] == "llm"


def test_fields_win_over_the_text():
    result = build_learning_plan.invoke({"text": "I know Python, 10 hours a week, LLM apps", "hours_per_week": 20,
                                         "track": "mlops", "skills": ["Docker", "sql"]})
    assert result["profile"]["hours_per_week"] == 20
    assert result["profile"]["track"] == "mlops"
    assert result["profile"]["skills"] == ["docker", "python", "sql"]


def test_says_which_defaults_it_assumed():
    result = build_learning_plan.invoke({"track": "cv"})
    assert result["notes"][0] == ("Assumed because not stated: hours per week = 10. "
                                  "Say so if that is wrong and the plan will change.")
    assert plan_for("I know Python, 5 hours a week, computer vision").notes[0].startswith("Budget: 5 h a week")


@pytest.mark.parametrize(("request_", "message"), [
    ({"hours_per_week": 200}, "^hours_per_week must be between 1 and 80 hours a week, got 200$"),
    ({"text": "2 hours a week for 3 years"}, "^months must be between 1 and 24, got 36$"),
    ({"skills": ["pyhton"]}, r"^skills: unknown skill id\(s\) pyhton; known ids: python, sql, "),
])
def test_invalid_values_raise_one_clear_tool_error(request_, message):
    with pytest.raises(ToolException, match=message):
        build_learning_plan.invoke(request_)

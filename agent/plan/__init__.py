"""The plan builder: a learner's profile → a grounded, month-by-month plan through the guides' skill map."""

from agent.plan.facts import extract_profile_facts, parse_profile
from agent.plan.planner import build_plan, monthly_hours
from agent.plan.profile import Preferences, Profile, merge_facts, missing_fields
from agent.plan.render import timeline, to_dict, to_ics, to_json, to_markdown
from agent.plan.schema import Citation, Month, Plan, PlanResource, SkillHours, Unscheduled
from agent.plan.skillmap import SkillMap, load_skill_map
from agent.plan.tool import build_learning_plan, plan_for

__all__ = [
    "Citation", "Month", "Plan", "PlanResource", "Preferences", "Profile", "SkillHours", "SkillMap", "Unscheduled",
    "build_learning_plan", "build_plan", "extract_profile_facts", "load_skill_map", "merge_facts", "missing_fields",
    "monthly_hours", "parse_profile", "plan_for", "timeline", "to_dict", "to_ics", "to_json", "to_markdown",
]

"""Answers for "what is X?" when no guide sentence says what X is.

The guides rarely define a term in one sentence. They describe MLOps by what it takes (a section
"MLOps and Deployment" of model versioning, deployment pipelines, monitoring), and they name feature
stores once, in a list of what ML engineers work with. The best-ranked sentence for "Explain what
MLOps is" was "Regarding MLOps, understanding the key principles of MLOps is equally important",
and for "What are feature stores?" a line on feature engineering. So:
- a sentence with X as its subject ("A Machine Learning Engineer is a specialized role…") leads, as
  the composer would have it (None here);
- else the section named after X, item by item, says what the guides put under it;
- else the lines that name X, after an honest "the guides don't say what X is".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from agent.answer.points import is_point
from ingest.text import phrase_pattern, says

if TYPE_CHECKING:
    from agent.answer.compose import Skeleton
    from agent.answer.units import Unit

SECTION_ITEMS = 6  # items of the section named after the term
NAMING_POINTS = 2  # lines that name an undefined term


def compose(topic: str, ranked: list[tuple[Unit, float]]) -> Skeleton | None:
    """The skeleton for "what is `topic`?", or None when a guide sentence defines it (or names it nowhere)."""
    from agent.answer.compose import Skeleton, cited

    if not topic or any(defines(u.text, topic) for u, _ in ranked):
        return None
    listed = section(topic, ranked)
    if listed is not None:
        return listed
    naming = [u for u, _ in ranked if says(u.text, topic) and is_point(u.text, u.list_item)]
    if naming:
        plural = _plural(topic)
        return Skeleton(f"The guides don't say what {topic} {'are' if plural else 'is'}.",
                        [(f"**Where they name {'them' if plural else 'it'}:**", [cited(u) for u in naming[:NAMING_POINTS]])])
    return None


def section(topic: str, ranked: list[tuple[Unit, float]]) -> Skeleton | None:
    """The items of the section named after the topic ("MLOps and Deployment" for MLOps), or None
    when no section is: also the answer to "what skills are part of MLOps?"."""
    from agent.answer.compose import Skeleton, cited

    items = [u for u, _ in ranked if u.list_item and says(u.group, topic) and is_point(u.text, True)]
    if len(items) < 2:
        return None
    heading = items[0].group
    items = sorted((u for u in items if u.group == heading), key=lambda u: (u.passage, u.position))
    return Skeleton(f"The guides describe {topic} by what it takes, under “{heading}”:",
                    [("", [cited(u) for u in items[:SECTION_ITEMS]])])


def defines(text: str, topic: str) -> bool:
    """Whether the sentence has the topic as its subject ("MLOps is…", "Feature stores are…") or
    as the label it describes ("Model Monitoring and Maintenance: Continuously monitoring…")."""
    return re.match(rf"^\W*(?:an?\s+|the\s+)?{phrase_pattern(topic)}s?(?:\s+(?:is|are|refers? to|means?)\b|"
                    rf"(?:\s+[\w&/-]+){{0,3}}:\s)", text, re.IGNORECASE) is not None


def _plural(topic: str) -> bool:
    return topic.lower().endswith("s") and not topic.lower().endswith(("ss", "ops", "sis"))

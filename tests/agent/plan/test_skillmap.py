"""The skill map loader: skills.yaml and resources.yaml as dataclasses, cached per corpus path."""

import shutil
from pathlib import Path

import pytest

from agent.plan import load_skill_map
from agent.settings import PROJECT_ROOT

CORPUS = PROJECT_ROOT / "corpus"


def test_loads_every_skill_in_file_order():
    skills = load_skill_map().skills
    assert list(skills)[:3] == ["python", "sql", "linear_algebra_calculus"]
    assert len(skills) == 26
    python = skills["python"]
    assert (python.name, python.level, python.hours) == ("Python programming", "foundation", 40)
    assert python.prerequisites == ()
    assert python.resources == ("NumPy", "Pandas", "Matplotlib", "Jupyter")
    assert python.passages[0].guide == "ml-engineer-skill-matrix.md"


def test_is_cached_per_path():
    assert load_skill_map() is load_skill_map(CORPUS)
    assert load_skill_map() is load_skill_map(Path(str(CORPUS) + "/../corpus"))


def test_reads_another_corpus_dir(tmp_path):
    for name in ("skills.yaml", "resources.yaml", "ml-engineer-skill-matrix.md"):
        shutil.copy(CORPUS / name, tmp_path / name)
    other = load_skill_map(tmp_path)
    assert other is not load_skill_map()
    assert list(other.skills) == list(load_skill_map().skills)
    assert other.title("ml-engineer-skill-matrix.md") == "ML Engineer Skill Matrix"
    assert other.title("how-to-become-ml-engineer-2025.md") == "how-to-become-ml-engineer-2025.md"


def test_guide_titles_come_from_front_matter():
    skill_map = load_skill_map()
    assert skill_map.title("ml-engineer-skill-matrix.md") == "ML Engineer Skill Matrix"
    assert skill_map.title("ml-engineer-skills-pyramid.md") == \
        "Essential Skills and Requirements for Becoming a Successful ML Engineer in 2025"
    assert skill_map.short_title("ml-engineer-skills-pyramid.md") == "ML Engineer Pyramid guide"


def test_resource_prefers_the_guide_asked_for():
    skill_map = load_skill_map()
    assert skill_map.resource("Docker").guide == "ml-engineer-skills-pyramid.md"
    assert skill_map.resource("Docker", ("ml-engineer-skill-matrix.md",)).guide == "ml-engineer-skill-matrix.md"
    with pytest.raises(KeyError):
        skill_map.resource("The Art of Cooking")


def test_tracks_list_their_skills():
    assert [s.id for s in load_skill_map().in_track("cv")][-1] == "computer_vision"

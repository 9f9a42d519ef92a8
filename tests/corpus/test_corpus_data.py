"""The knowledge-base data in corpus/: four guides, the resources they name, and the skill map."""
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"

GUIDES = {
    "ml-engineer-skills-pyramid.md": "000_c9a15ce603c66cf3.txt",
    "how-to-become-ml-engineer-2025.md": "001_fbf35b5a13566d75.txt",
    "ml-engineer-skill-matrix.md": "002_c59267ff194732df.txt",
    "breaking-into-ml-engineering-2025.md": "003_4963841273aff8d2.txt",
}
AREAS = {
    "math_stats", "ml_algorithms", "software_engineering", "training_frameworks", "mlops_cloud",
    "data_engineering", "domain_knowledge", "llms_rag", "agents", "portfolio_soft_skills",
}
KINDS = {
    "book", "course", "certification", "video", "repository", "platform", "tool", "paper",
    "newsletter", "community",
}
LEVELS = {"foundation", "core", "advanced"}
TRACKS = {"generalist", "mlops", "llm", "cv", "nlp", "data_science"}
FRONT_MATTER_KEYS = {"title", "short_title", "author", "publisher", "date", "source_file"}
RESOURCE_KEYS = {"name", "kind", "skill_area", "guide", "section", "author", "url", "note"}
SKILL_KEYS = {
    "id", "name", "area", "level", "hours", "prerequisites", "tracks", "keywords", "passages",
    "resources", "project", "checkpoint", "essentials",
}
SEP = " › "


# --- helpers -------------------------------------------------------------------------------------

def norm(text):
    """Casefold, drop Markdown emphasis and list/heading markers, collapse whitespace."""
    text = re.sub(r"^\s*(#+|[-*+])\s+", " ", text, flags=re.M)
    text = text.replace("**", "").replace("__", "").replace("*", "").replace("`", "")
    return " ".join(text.casefold().split())


def split_guide(name):
    """(front matter dict, body text) of a corpus guide."""
    text = (CORPUS / name).read_text(encoding="utf-8")
    assert text.startswith("---\n"), name
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def headings(body):
    """[(level, title, line index)] of the ATX headings outside code fences."""
    found, fenced = [], False
    for i, line in enumerate(body.splitlines()):
        if line.startswith("```"):
            fenced = not fenced
            continue
        m = re.match(r"^(#{1,6}) +(.+?)\s*#*\s*$", line)
        if m and not fenced:
            found.append((len(m.group(1)), m.group(2), i))
    return found


def sections(name):
    """{heading path: normalised text of that section, subsections included}; H1 not in paths."""
    lines = split_guide(name)[1].splitlines()
    heads = headings("\n".join(lines))
    out, stack = {}, []
    for n, (level, title, start) in enumerate(heads):
        if level == 1:
            continue
        stack = [(lv, t) for lv, t in stack if lv < level] + [(level, title)]
        end = next((i for lv, _, i in heads[n + 1:] if lv <= level), len(lines))
        out[SEP.join(t for _, t in stack)] = norm("\n".join(lines[start + 1:end]))
    return out


def resources():
    return yaml.safe_load((CORPUS / "resources.yaml").read_text(encoding="utf-8"))["resources"]


def skills():
    return yaml.safe_load((CORPUS / "skills.yaml").read_text(encoding="utf-8"))["skills"]


def by_id():
    return {s["id"]: s for s in skills()}


# --- guides --------------------------------------------------------------------------------------

def test_corpus_holds_the_four_guides():
    # users may drop their own documents next to them, so the guides are a subset
    assert set(GUIDES) <= {p.name for p in CORPUS.glob("*.md")}


@pytest.mark.parametrize("guide", sorted(GUIDES))
def test_guide_front_matter_has_title_and_its_source_file(guide):
    front, _ = split_guide(guide)
    assert set(front) <= FRONT_MATTER_KEYS
    assert isinstance(front["title"], str) and front["title"].strip()
    assert front["source_file"] == GUIDES[guide]
    if "date" in front:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(front["date"]))


@pytest.mark.parametrize("guide", sorted(GUIDES))
def test_guide_has_exactly_one_h1_and_it_is_the_title(guide):
    front, body = split_guide(guide)
    h1 = [title for level, title, _ in headings(body) if level == 1]
    assert h1 == [front["title"]]


@pytest.mark.parametrize("guide", sorted(GUIDES))
def test_guide_has_at_least_three_sections(guide):
    _, body = split_guide(guide)
    assert len([1 for level, _, _ in headings(body) if level == 2]) >= 3


@pytest.mark.parametrize("guide", sorted(GUIDES))
def test_guide_uses_only_h1_to_h3_and_no_web_junk(guide):
    _, body = split_guide(guide)
    assert {level for level, _, _ in headings(body)} <= {1, 2, 3}
    assert "(opens in a new tab)" not in body
    assert "it training in nagpur" not in body


def test_sections_sees_nested_heading_paths():
    paths = sections("ml-engineer-skills-pyramid.md")
    assert "ML Engineer Pyramid" in paths
    assert "ML Engineer Pyramid › 8. AI Agents" in paths
    assert "genai_agents" in paths["ML Engineer Pyramid"]


# --- resources.yaml ------------------------------------------------------------------------------

def test_resources_use_known_keys_kinds_areas_and_guides():
    for r in resources():
        assert set(r) <= RESOURCE_KEYS, r
        assert {"name", "kind", "skill_area", "guide", "section"} <= set(r), r
        assert r["kind"] in KINDS, r
        assert r["skill_area"] in AREAS, r
        assert r["guide"] in GUIDES, r


def test_every_resource_name_occurs_in_its_guide():
    bodies = {g: norm(split_guide(g)[1]) for g in GUIDES}
    missing = [(r["name"], r["guide"]) for r in resources() if norm(r["name"]) not in bodies[r["guide"]]]
    assert missing == []


def test_every_resource_section_is_a_heading_path_that_names_it():
    paths = {g: sections(g) for g in GUIDES}
    wrong = [
        (r["name"], r["section"])
        for r in resources()
        if norm(r["name"]) not in paths[r["guide"]].get(r["section"], "")
    ]
    assert wrong == []


def test_resource_notes_are_short_and_copied_from_their_section():
    paths = {g: sections(g) for g in GUIDES}
    for r in resources():
        if "note" in r:
            assert len(r["note"].split()) <= 25, r
            assert norm(r["note"]) in paths[r["guide"]][r["section"]], r


def test_no_resource_is_listed_twice_for_the_same_guide():
    pairs = [(norm(r["name"]), r["guide"]) for r in resources()]
    assert len(pairs) == len(set(pairs))


def test_a_resource_has_one_spelling_across_guides():
    spellings = {}
    for r in resources():
        spellings.setdefault(norm(r["name"]), set()).add(r["name"])
    assert {k: v for k, v in spellings.items() if len(v) > 1} == {}


# --- skills.yaml ---------------------------------------------------------------------------------

def test_skill_ids_are_unique_snake_case():
    ids = [s["id"] for s in skills()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids)


def test_skills_have_the_schema_fields_and_valid_enums():
    for s in skills():
        assert set(s) == SKILL_KEYS, s["id"]
        assert s["area"] in AREAS, s["id"]
        assert s["level"] in LEVELS, s["id"]
        assert s["tracks"] and set(s["tracks"]) <= TRACKS, s["id"]
        assert s["keywords"] and all(k == k.lower() for k in s["keywords"]), s["id"]
        assert s["project"].strip() and s["checkpoint"].startswith("You can"), s["id"]
        essentials = s["essentials"]  # the working knowledge first, depth later (goal-first plans)
        assert 0 < essentials["hours"] <= s["hours"] and essentials["checkpoint"].startswith("You "), s["id"]
        assert essentials["passages"], s["id"]


def test_skill_count_covers_every_area():
    assert 18 <= len(skills()) <= 26
    assert {s["area"] for s in skills()} == AREAS


def test_skill_hours_are_in_range():
    assert [s["id"] for s in skills() if not 10 <= s["hours"] <= 120] == []


def test_every_prerequisite_exists():
    ids = set(by_id())
    assert [(s["id"], p) for s in skills() for p in s["prerequisites"] if p not in ids] == []


def test_prerequisite_graph_is_acyclic():
    graph = {s["id"]: list(s["prerequisites"]) for s in skills()}
    done, order = set(), []
    while len(done) < len(graph):
        ready = [i for i, pre in graph.items() if i not in done and set(pre) <= done]
        assert ready, f"cycle among {sorted(set(graph) - done)}"
        done.update(ready)
        order.extend(ready)
    assert len(order) == len(graph)


def test_foundation_skills_have_only_foundation_prerequisites():
    skill = by_id()
    for s in skills():
        if s["level"] == "foundation":
            assert all(skill[p]["level"] == "foundation" for p in s["prerequisites"]), s["id"]


def test_every_passage_quote_occurs_under_its_section():
    paths = {g: sections(g) for g in GUIDES}
    for s in skills():
        assert 1 <= len(s["passages"]) <= 3, s["id"]
        for p in s["passages"]:
            assert p["guide"] in GUIDES, (s["id"], p)
            assert p["section"] in paths[p["guide"]], (s["id"], p["section"])
            assert 5 <= len(p["quote"].split()) <= 15, (s["id"], p["quote"])
            assert norm(p["quote"]) in paths[p["guide"]][p["section"]], (s["id"], p["quote"])


def test_skill_resources_exist_in_resources_yaml():
    names = {r["name"] for r in resources()}
    for s in skills():
        assert len(s["resources"]) <= 4, s["id"]
        assert [n for n in s["resources"] if n not in names] == [], s["id"]


def test_every_track_has_at_least_five_skills():
    counts = {t: sum(t in s["tracks"] for s in skills()) for t in TRACKS}
    assert {t: n for t, n in counts.items() if n < 5} == {}


def test_tracks_are_closed_under_prerequisites():
    skill = by_id()
    gaps = [
        (t, s["id"], p)
        for s in skills()
        for t in s["tracks"]
        for p in s["prerequisites"]
        if t not in skill[p]["tracks"]
    ]
    assert gaps == []


def test_foundations_are_in_every_track():
    skill = by_id()
    for i in ("python", "linear_algebra_calculus", "probability_statistics"):
        assert set(skill[i]["tracks"]) == TRACKS, i


@pytest.mark.parametrize(
    ("track", "needed"),
    [
        ("generalist", {"classical_ml", "model_evaluation", "software_engineering", "sql",
                        "training_frameworks", "cloud", "model_deployment", "data_engineering",
                        "business_domain", "portfolio", "communication"}),
        ("mlops", {"docker", "cloud", "model_deployment", "ml_pipelines", "monitoring"}),
        ("llm", {"llms", "rag", "agents"}),
        ("cv", {"computer_vision"}),
        ("nlp", {"nlp"}),
        ("data_science", {"probability_statistics", "model_evaluation"}),
    ],
)
def test_track_includes_its_defining_skills(track, needed):
    in_track = {s["id"] for s in skills() if track in s["tracks"]}
    assert needed - in_track == set()


def test_a_resource_note_reads_as_a_sentence_even_when_quoted_from_mid_sentence():
    from ingest.resources import read_resources, resource_documents

    resources = read_resources(CORPUS / "resources.yaml")
    assert any(r.note and r.note[0].islower() for r in resources)  # "engineers need deep knowledge of…"
    notes = [d.text.splitlines()[1] for d, r in zip(resource_documents(CORPUS / "resources.yaml", {}), resources)
             if r.note]
    assert notes and all(note[0].isupper() and note.endswith((".", "!", "?")) for note in notes)

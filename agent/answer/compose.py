"""The answer's skeleton: a first sentence that answers, then cited points grouped by guide section.

The extractive path (--no-llm) shows the skeleton as it is; the embedded model rewrites it into
prose (agent/answer/prompts.py). Every point is one guide sentence, quoted whole with its [n]:
no duplicates (chunks overlap, guides repeat themselves), no lead-ins, rhetorical lines, author
anecdotes or dangling references (agent/answer/points.py). What careerbot writes itself is layout
the checker does not score: bold group headers, lead-ins ending in ":", and honest "the guides
don't say …" lines. The shape follows the question's kind (agent/answer/kind.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from agent.answer import definition, gaps, personal
from agent.answer.kind import QuestionKind
from agent.answer.points import is_point, refers_back
from agent.answer.units import Unit, rank_units, units_of
from agent.retrieval.bm25 import expand_query, phrase_expansion
from agent.retrieval.retriever import RESOURCE_INTENT
from ingest.text import STOPWORDS, cite, citations, normalise, split_sentences, stem

RELATIVE_FLOOR = 0.6   # a point scores at least this share of the best one (else it is off the question)
PROSE_LEAD = 0.85       # a list answer leads with a summing-up sentence if it scores this share of the best item
GENERIC = {"ml", "machin", "learn", "ai", "engineer", "model", "data", "skill", "s"}  # words nearly every guide sentence has
WHOLE_LIST_POINTS = 12
MAX_POINTS = {"definition": 4, "list": 6, "how_to": 5, "comparison": 6, "worth_it": 5, "personal": 3}
VERBS = r"learn|study|start|do|get|use|bother|focus|take|try|go|pick|invest|jump|dive|begin|spend|skip"
SIDE_POINTS = 4  # points on each side of a comparison
SUBJECT_WORDS = 4  # a side named this early in a sentence is what the sentence is about
STANCE = re.compile(r"\b(worth|valuable|value|important|crucial|essential|recommend\w*|highly|good enough|helpful|"
                    r"beneficial|promising|in demand|key|useful|non-negotiable|increasingly|still|gained recognition|"
                    r"fundamental|foundational|foundation|required|must|should|need to|boosts?|sets you apart|"
                    r"stand out|advantag\w*|valued|tremendously)\b", re.I)
# A guide line that tells the reader to do it takes a stance too ("Participate in Kaggle competitions…").
ADVISES = re.compile(r"^\W*(?:[\w' -]{1,40}:\s*)?(?:participate|use|learn|build|contribute|start|join|take|try|read|"
                     r"focus|consider|practi[cs]e|master|explore|create|publish|attend|maintain|include|invest)\b", re.I)
NO_ANSWER = "The guides don't cover that."


@dataclass
class Skeleton:
    lead: str                                           # the first sentence: it answers
    groups: list[tuple[str, list[str]]] = field(default_factory=list)  # (header, cited points)
    note: str = ""                                      # an honest limit ("The guides don't say …")

    @property
    def limit(self) -> str:
        """The honest "the guides don't say …" line, which a rewrite must keep."""
        return self.note or (self.lead if self.lead.startswith("The guides don't") else "")

    @property
    def points(self) -> list[str]:
        """Every cited sentence, the lead's included (what a follow-up should not just repeat)."""
        lead = [s for s in split_sentences(self.lead) if citations(s)]
        return lead + [point for _, points in self.groups for point in points]

    @property
    def is_list(self) -> bool:
        """Items under a lead-in ("The guides describe MLOps by what it takes…:", "**Books the guides
        name:**"), not an answer that opens with a point."""
        return bool(self.groups) and (not self.lead or self.lead.rstrip().endswith(":"))

    def brief(self) -> Skeleton:
        """The answer in its one point that answers ("say that shorter"): the lead when it is cited,
        else the lead-in with the first point under it ("The guides describe MLOps by…: - Model…")."""
        first = next((point for _, points in self.groups for point in points), "")
        if citations(self.lead) or not first:
            return Skeleton(self.lead, [], self.note) if self.lead else Skeleton(first)
        return Skeleton(self.lead, [("", [first])], self.note)

    def render(self, max_words: int | None = None) -> str:
        """Markdown: the lead, an honest limit, then the groups (headers only when there are
        several). `max_words` trims the last points (the model's notes: prefill costs ~12 ms a token)."""
        if max_words is not None and len(self.render().split()) > max_words and len(self.points) > 2:
            last = max(i for i, (_, points) in enumerate(self.groups) if points)
            fewer = [(header, points[:-1] if i == last else points) for i, (header, points) in enumerate(self.groups)]
            fewer = [(header, points) for header, points in fewer if points or ":" in header]
            return Skeleton(self.lead, fewer, self.note).render(max_words)
        parts = [line for line in (self.lead, self.note) if line]
        for header, points in _spoken(self.groups):
            if not points and not header:
                continue
            parts.append("\n".join(([header] if header else []) + [f"- {p}" for p in points]))
        return "\n\n".join(parts).strip() or NO_ANSWER


# A guide section's (or title's) name, as `_grouped` labels a group; careerbot's own labels end in
# ":" ("**What they do say:**") or "." ("**Start with: Python programming.**").
SECTION = re.compile(r"^\*\*([^*]*[^*:.])\*\*$")
ADD, ALSO = "The guides add:", "They also say:"


def _spoken(groups: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """Groups as an adviser says them, not as notes under headings: the first section's points follow
    "The guides add:", a later section with several points is introduced by its name ("On “MLOps and
    Deployment”:"), and lone points from other sections are gathered under "They also say:". Labels
    careerbot writes itself ("**What they do say:**", a comparison's sides) stay. None of this
    connective text is a claim: each line ends in ":" and the checker leaves it alone."""
    spoken: list[tuple[str, list[str]]] = []
    lone: list[str] = []
    sections = 0
    for header, points in groups:
        name = SECTION.match(header or "")
        if not name:
            spoken.append((header, points))
            continue
        sections += 1
        if sections == 1:
            spoken.append((ADD, points))
        elif len(points) > 1:
            spoken.append((f"On “{name.group(1).strip()}”:", points))
        else:
            lone += points
    if lone:
        spoken.append((ADD if sections == len(lone) and not any(h == ADD for h, _ in spoken) else ALSO, lone))
    return spoken


def compose(question: str, kind: QuestionKind, passages: list[dict], profile: dict | None = None,
            previous: list[str] = (), skill_map=None) -> Skeleton:
    """The skeleton answering `question` from `passages` (1-based [n] = position in the list).
    `previous` holds the last answer's points: a follow-up says something new where it can."""
    skeleton = _compose(question, kind, passages, profile, previous, skill_map)
    return skeleton if skeleton.note or skeleton.render() == NO_ANSWER else gaps.filled(question, passages, skeleton)


def _compose(question: str, kind: QuestionKind, passages: list[dict], profile: dict | None,
             previous: list[str], skill_map) -> Skeleton:
    relevance = [float(p.get("score") or 0.0) for p in passages]
    units = units_of(passages)
    if kind.kind in ("definition", "worth_it", "comparison") and not RESOURCE_INTENT.search(question):
        # a book's title in a guide's list is not an answer to "what is MLOps?" (it is to "how do I start?")
        kept = [u for u in units if passages[u.passage].get("kind") == "resource" or not is_title(u.text)]
        units = kept if any(is_point(u.text, u.list_item) for u in kept) else units
    ranked = rank_units(expand_query(question), units, previous, relevance)
    if kind.kind == "personal" and skill_map is not None:
        skeleton = personal.compose(question, kind, passages, ranked, profile or {}, skill_map)
        if skeleton is not None:
            return skeleton
        kind = QuestionKind("comparison", kind.sides)  # an order of two things the skill map doesn't hold
    if not ranked:
        return Skeleton(NO_ANSWER)
    if kind.kind == "personal":  # no skill map to read: answer as a how-to
        kind = QuestionKind("how_to")
    if kind.kind == "comparison":
        return _comparison(question, kind, ranked)
    if kind.kind == "definition":  # "what is X?" with no sentence saying what X is
        undefined = definition.compose(kind.topic, ranked)
        if undefined is not None:
            return undefined
    if kind.kind == "list" and kind.topic:  # "what is part of MLOps?", "what do I need for computer vision?"
        parts = definition.section(kind.topic, ranked) or (
            personal.compose_track(kind.topic, passages, profile or {}, skill_map) if skill_map is not None else None)
        if parts is not None:
            return parts
    # (a how-to's steps rarely repeat its subject: "start with documentation improvements…")
    subject = subject_stems(phrase_expansion(question), [u for u, _ in ranked], passages) \
        if kind.kind in ("definition", "list") else set()
    focused = on_subject(subject, ranked, passages)
    if str(passages[0].get("id", "")).endswith("+list"):
        # agent/answer/context.py merged a list: it is the answer, unless the question names a few
        # items of it ("what is model monitoring?" is not "what does an ML engineer do?")
        if focused is ranked:
            focused = _items_named(subject, ranked) or ranked
        if focused is ranked:
            return _whole_list(ranked)
    if kind.kind == "worth_it":
        return _worth_it(question, kind, _pick(ranked, 2 * MAX_POINTS["worth_it"]), passages)
    picked = _pick(focused, MAX_POINTS[kind.kind])
    return _led(picked, prose=kind.kind == "list")


def on_subject(subject: set[str], ranked: list[tuple[Unit, float]], passages: list[dict]) -> list[tuple[Unit, float]]:
    """The points about what the question names (`subject_stems`). "What should I learn for
    computer vision?" shares "learn" with every supervised-learning bullet; when at least two
    candidates name the subject itself (in the sentence or its section's heading), the ones that
    don't are left out. `ranked` itself when there is nothing to narrow to."""
    floor = ranked[0][1] * RELATIVE_FLOOR if ranked else 0.0
    if not subject:
        return ranked
    said = [pair for pair in ranked if _names(subject, _stems(" ".join((pair[0].text, *pair[0].before))))]
    if len([pair for pair in said if pair[1] >= floor]) < 2:
        said = []
    # a sentence that names the subject itself comes before one that only sits under a heading naming it
    near = [(u, v * SECTION_ONLY) for u, v in ranked if (u, v) not in said and _names(subject, _unit_stems(u, passages))]
    about = sorted(said + near, key=lambda pair: -pair[1])
    return about if len([pair for pair in about if pair[1] >= floor]) >= 2 else ranked


def _items_named(subject: set[str], ranked: list[tuple[Unit, float]]) -> list[tuple[Unit, float]]:
    """The few items of the merged list (passage 1) that name the question's subject in their own
    words (at most a third of them: a subject most items name is the list's own topic)."""
    items = [(u, v) for u, v in ranked if u.passage == 0 and u.list_item]
    naming = [(u, v) for u, v in items if subject and _names(subject, _stems(u.text))]
    return naming if 0 < len(naming) <= len(items) // 3 else []


FILLER = {"what", "which", "how", "should", "need", "know", "want", "start", "good", "best", "way", "actual", "becom",
          "job", "role", "work", "use", "studi", "put", "make", "take", "someon", "me", "i", "my", "tell", "guid", "say",
          "do", "can", "get", "new", "thing", "import", "worth", "realli", "recommend", "help", "first", "kind"}
SECTION_ONLY = 0.95  # the weight of a point that names the subject only in its section's heading
SHARED = 0.35  # a word in more than this share of the candidates does not single out the subject


def subject_stems(question: str, units: list[Unit], passages: list[dict]) -> set[str]:
    """What the question is about, as stems: its content words minus the generic ones and those
    most of the passages' sentences share."""
    words = _stems(question) - GENERIC - FILLER
    if not units:
        return words
    stems = [_unit_stems(u, passages) for u in units]
    share = {w: sum(_names({w}, s) for s in stems) for w in words}
    share = {w: n for w, n in share.items() if n <= SHARED * len(stems)}
    if not share:
        return set()
    rarest = min(share.values())  # the most specific words: "open source", not "projects"
    return {w for w, n in share.items() if n <= 2 * rarest + 1}


def _names(subject: set[str], stems: set[str]) -> bool:
    """Whether a sentence's stems name the subject: "deploy" meets "deployment" (prefixes of 4+ letters)."""
    return any(w == s or len(min(w, s, key=len)) >= 4 and (w.startswith(s) or s.startswith(w))
               for w in subject for s in stems)


def _unit_stems(unit: Unit, passages: list[dict]) -> set[str]:
    passage = passages[unit.passage] if unit.passage < len(passages) else {}
    return _stems(" ".join((unit.text, *unit.before, unit.group, passage.get("section") or "")))


def _whole_list(ranked: list[tuple[Unit, float]]) -> Skeleton:
    """The first passage's list, item by item under its sub-headings, led by its best prose sentence."""
    own = [(u, v) for u, v in ranked if u.passage == 0]
    prose = [(u, v) for u, v in own if not u.list_item]
    if not prose:
        return _led(_pick(ranked, MAX_POINTS["list"]), prose=True)
    lead = _lead(prose)
    quoted = {normalise(text) for text in (*lead.before, lead.text)}
    items = sorted((u for u, _ in own if u.list_item and normalise(u.text) not in quoted),
                   key=lambda u: u.position)[:WHOLE_LIST_POINTS]
    if len(items) < 2:
        return _led(_pick(ranked, MAX_POINTS["list"]), prose=True)
    return Skeleton(cited(lead), _grouped(items))


def _led(picked: list[tuple[Unit, float]], prose: bool = False) -> Skeleton:
    lead = _lead(picked, prose)
    quoted = {normalise(text) for text in (*lead.before, lead.text)}
    return Skeleton(cited(lead), _grouped([u for u, _ in picked if normalise(u.text) not in quoted]))


def _lead(picked: list[tuple[Unit, float]], prose: bool = False) -> Unit:
    """The best point, and for a list a sentence that sums the list up rather than one of its
    items; never a sentence that needs its section heading to make sense."""
    standalone = [(u, v) for u, v in picked if not (refers_back(u.text) and not u.before)] or picked[:1]
    standalone = [(u, v) for u, v in standalone if not is_title(u.text)] or standalone  # a sentence, not a name
    best_unit, best = standalone[0]
    if prose:
        return next((u for u, v in standalone if not u.list_item and v >= PROSE_LEAD * best), best_unit)
    return best_unit


def _pick(ranked: list[tuple[Unit, float]], limit: int) -> list[tuple[Unit, float]]:
    """The best points above the relative floor, best first, nothing quoted twice. A sentence
    already quoted in front of a better back-reference is not repeated on its own; a back-reference
    below the sentence it leans on follows it without quoting it again (the better point keeps its
    rank: "Even if you don't use them daily, they will shape your mindset" leads, and "It's also
    important to have a good grasp of statistics" comes after it)."""
    floor = ranked[0][1] * RELATIVE_FLOOR
    chosen = [pair for pair in ranked if pair[1] >= floor][:limit]
    picked: list[tuple[Unit, float]] = []
    quoted: set[str] = set()
    for unit, value in chosen:
        if normalise(unit.text) in quoted:
            continue
        said = [i for i, text in enumerate(unit.before) if normalise(text) in quoted]
        if said:
            unit = replace(unit, before=unit.before[said[-1] + 1:])
        quoted |= {normalise(text) for text in (*unit.before, unit.text)}
        picked.append((unit, value))
    return picked


def _uncarried(units: list[Unit]) -> list[Unit]:
    """Without the units another one already quotes in front of its back-reference."""
    carried = {normalise(text) for unit in units for text in unit.before}
    return [u for u in units if normalise(u.text) not in carried]


def _grouped(units: list[Unit]) -> list[tuple[str, list[str]]]:
    """Points grouped by guide section, groups in order of their best point, points in guide order."""
    units = _uncarried(units)
    groups: dict[str, list[Unit]] = {}
    for unit in units:
        groups.setdefault(unit.group, []).append(unit)
    return [(f"**{name}**", [cited(u) for u in sorted(members, key=lambda u: (u.passage, u.position))])
            for name, members in groups.items()]


def _comparison(question: str, kind: QuestionKind, ranked: list[tuple[Unit, float]]) -> Skeleton:
    """What the guides say about each side; a sentence naming both sides leads when there is one."""
    sides = kind.sides[:2]
    # A sentence whose section or subject is the side defines it ("Data Scientists: These are people…"),
    # before one that only names it ("Working closely with data scientists…"); a section's opening first.
    about = {side: sorted((u for u, _ in ranked if _nameable(side) and (_mentions(u.text, side) or _mentions(u.group, side))),
                          key=lambda u: (not _is_about(u, side), not u.opens_group)) for side in sides}
    both = [u for u, _ in ranked if all(u in about[side] for side in sides)]
    narrowing = re.search(r"which (?:one|of (?:them|the two|those|these))\s+(.+?)\W*$", question, re.I)
    groups = [(f"**{_yours(side[0].upper() + side[1:])}:**", [cited(u) for u in _uncarried(about[side]) if u not in both][:SIDE_POINTS])
              for side in sides]
    groups = [(header, points) for header, points in groups if points]
    if narrowing:
        extra = _stems(narrowing.group(1)) - {"one", "more", "less", "better"}
        relevant = [u for u, _ in ranked if extra & _stems(u.text)][:3]
        note = f"The guides don't say which of {sides[0]} and {sides[1]} {narrowing.group(1).strip()}."
        lead = next((u for u in relevant if any(u in about[s] for s in sides)), None)
        if lead:
            return Skeleton(cited(lead), _grouped([u for u in relevant if u != lead]))
        return Skeleton(note, [("**What they do say:**", [cited(u) for u in relevant or [ranked[0][0]]])])
    if both:
        if both[1:3]:  # (no "the guides don't say more" line: the sentence that weighs both sides answers)
            groups.insert(0, (f"**{sides[0]} and {sides[1]}**", [cited(u) for u in both[1:3]]))
        return Skeleton(cited(both[0]), groups)
    if not groups:
        picked = [u for u, _ in _pick(ranked, 3)]
        return Skeleton(f"The guides don't say how {sides[0]} and {sides[1]} compare.",
                        [("**What they do say:**", [cited(u) for u in picked])])
    missing = [side for side in sides if not about[side]]
    if missing:  # one side only: say plainly which one the guides don't describe, and what they say near it
        side = missing[0]
        near = _stems(phrase_expansion(side)) - GENERIC - _stems(" ".join(s for s in sides if s != side))
        shown = {normalise(t) for unit in (u for side_units in about.values() for u in side_units)
                 for t in (*unit.before, unit.text)}
        close = [u for u, _ in ranked if near and near & _stems(f"{u.text} {u.group}")]
        close = sorted(close, key=lambda u: not near & _stems(u.text))  # named in the sentence first
        nearby: list[str] = []
        for unit in close:
            texts = {normalise(t) for t in (*unit.before, unit.text)}
            if not texts & shown and len(nearby) < 3:
                nearby.append(cited(unit))
                shown |= texts
        if nearby:
            groups.append(("**Related, from the guides:**", nearby))
        return Skeleton(f"The guides don't cover {_yours(side)} as such.", groups)
    return Skeleton("Here is how the guides describe each:", groups)


def _worth_it(question: str, kind: QuestionKind, picked: list[tuple[Unit, float]], passages: list[dict] = ()) -> Skeleton:
    """The guides' stance on what is judged (the question's subject) when they take one, as the
    first sentence; otherwise say so, and what they do say about it."""
    topic = _stems(kind.topic) - GENERIC

    def named(u: Unit) -> set[str]:  # the topic's words the sentence or its section's heading names
        return topic & (_stems(u.text) | _stems(u.group))

    units = [u for u, _ in picked if not topic or named(u)] or [u for u, _ in picked]
    stances = [u for u in units if (STANCE.search(u.text) or ADVISES.match(u.text)) and not (refers_back(u.text) and not u.before)
               and (not topic or len(named(u)) * 2 > len(topic))]  # "fine-tuning LLMs" is not "LLMs"
    # The best stance names the subject most fully, and early: "SQL is essential for…" answers "is
    # SQL important?"; "If you're not from…, start with programming… It's also important… SQL" does not.
    stance = max(stances, key=lambda u: (len(named(u)), bool(topic & _stems(u.text)), bool(topic & _stems(_opening(u.text))),
                                         -stances.index(u)), default=None)
    units = units[:MAX_POINTS["worth_it"]]
    should = re.match(r"\W*should\s+(.+?)[?.!\s]*$", question, re.I)
    asks_for_others = should and not re.match(r"(i|we|you)\b", should.group(1), re.I)
    if stance and not asks_for_others:
        return Skeleton(cited(stance), _grouped([u for u in units if u != stance]))
    if stance:  # "should a beginner start with X?": a stance on X does not say when, or for whom
        units = ([stance] + [u for u in units if u != stance])[:MAX_POINTS["worth_it"]]
    verb = "are" if re.match(r"\W*(?:how \w+\s+)?are\b", question, re.I) else "is"  # "are certifications worth it?"
    what = f"whether {_article(kind.topic)} {verb} worth it" if kind.topic else "that directly"
    how = re.match(r"\W*how (important|useful|valuable|necessary|essential|relevant)\b", question, re.I)
    if how and kind.topic:  # "how important is system design?"
        what = f"how {how.group(1).lower()} {kind.topic} {verb}"
    if kind.topic and re.search(r"\b(need|have to|required|necessary)\b", question, re.I):
        what = f"whether you need {_article(kind.topic)}"
    elif should and len(should.group(1).split()) <= 12:  # "Should a beginner start with X?"
        words = _yours(should.group(1)).split()
        verb = next((i for i, w in enumerate(words) if i and re.fullmatch(VERBS, w, re.I)), 1)
        who = " ".join(words[:verb])
        what = f"whether {who[:1].lower() + who[1:] if who.split()[0].lower() in ('a', 'an', 'the') else who} " \
               f"should {' '.join(words[verb:])}"
    return Skeleton(f"The guides don't say {what}.", [("**What they do say:**", [cited(u) for u in units])])


def _article(topic: str) -> str:
    """"PhD" → "a PhD", "bootcamp" → "a bootcamp": the few countable things learners ask about."""
    if re.fullmatch(r"(phd|master'?s( degree)?|bachelor'?s( degree)?|(cs |computer science )?degree|bootcamp|course|"
                    r"certificat(e|ion)|mentor|gpu)", topic, re.IGNORECASE):
        return ("an " if topic[0].lower() in "aeiou" else "a ") + topic
    return topic


def _yours(text: str) -> str:
    """The learner's words said back to them: "learning on my own" → "learning on your own"."""
    swaps = {"my": "your", "i": "you", "me": "you", "mine": "yours", "myself": "yourself", "i'm": "you're"}
    return re.sub(r"\b(my|i|me|mine|myself|i'm)\b", lambda m: swaps[m.group(0).lower()], text, flags=re.IGNORECASE)


def is_title(text: str) -> bool:
    """A name, not a sentence: "Designing Machine Learning Systems: An Iterative Process for
    Production-Ready Applications" (most words capitalised, no full stop inside)."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    if len(words) < 3 or re.search(r"[.!?]\s+\w", text.strip()):
        return False
    capital = sum(w[0].isupper() for w in words if w.lower() not in STOPWORDS)
    content = sum(w.lower() not in STOPWORDS for w in words)
    return content > 0 and capital / content >= 0.75


def _opening(text: str, words: int = 6) -> str:
    """The sentence's first words, after a "Label:" prefix: where its subject is."""
    return " ".join(re.sub(r"^[^:]{1,40}:\s*", "", text).split()[:words])


def _is_about(unit: Unit, side: str) -> bool:
    """The side is the unit's section, or the subject its sentence opens with."""
    return _mentions(unit.group, side) or _mentions(" ".join(unit.text.split()[:SUBJECT_WORDS]), side)


def _nameable(side: str) -> bool:
    """Whether words can tell where a side is named: not "learning on my own" (only "learn" is left)."""
    return len(_stem_list(side)) > 1 or bool(_stems(side) - GENERIC)


def _mentions(text: str, side: str) -> bool:
    """Whether `text` names `side` as a phrase: "MLOps engineer" is not named by "ML engineers work…"
    under a heading "Data Engineering and MLOps" (both words are there, not the role)."""
    wanted = _stem_list(side)
    words = _stem_list(text)
    return bool(wanted) and any(words[i:i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1))


def _stem_list(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9][a-z0-9+#]*", text.lower().replace("machine learning", "ml"))
    return [stem(w).rstrip("e") for w in words if w not in STOPWORDS]  # "degrees"→"degre" meets "degree"


def _stems(text: str) -> set[str]:
    return set(_stem_list(text))


def cited(unit: Unit) -> str:
    """The unit as a point: its sentence (with what it leans on) cited to its passage."""
    return " ".join(cite(text, unit.passage + 1) for text in (*unit.before, unit.text))

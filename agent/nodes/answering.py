"""Answering a question from the guides: retrieve the passages, compose the answer (the model
rewrites the composed skeleton when there is one), verify it sentence by sentence."""

from __future__ import annotations

import logging
import re
import time
from dataclasses import asdict

from langgraph.config import get_config
from langgraph.runtime import Runtime

from agent import replies
from agent.answer.compose import compose as compose_skeleton
from agent.answer.context import MAX_PASSAGES, answer_context
from agent.answer.final import final_answer
from agent.answer.gaps import BOOKS_ASKED, START_ASKED, named_first, not_named
from agent.answer.kind import QuestionKind, classify_question, resolve_choice
from agent.answer.personal import skill_map_of, skill_quotes, skills_to_show, track_of
from agent.answer.prompts import CONDENSE_PROMPT, SYSTEM_PROMPT, question_prompt
from agent.grounding.names import names as named_in
from agent.language import is_english, search_text
from agent.llm import LLMUnavailable, Message
from agent.llm.backend import complete
from agent.nodes.deps import Deps
from agent.nodes.events import emit, join_notices
from agent.retrieval import EmptyQuery, condense
from agent.retrieval.bm25 import SYNONYMS
from agent.retrieval.query import answer_names, is_follow_up, spelled_out
from agent.router import in_domain
from agent.scope import uncovered_topic
from agent.state import ChatState
from ingest.chroma_connection import StoreUnavailable
from ingest.text import loose_sentences, says

log = logging.getLogger(__name__)

SKIP_QUERY = "you don't need to go through them all, does not necessarily possess all of these skills"
PRACTICE_ASKED = re.compile(r"\bpracti[cs]\w*|\bhands[- ]on\b", re.IGNORECASE)
START_RESOURCES = 2  # the guides' resources offered to "where do I start with X?"
IN_GUIDES_HITS = 3  # BM25 hits looked through for a name the question asks about
SUBJECT_PASSAGES = 2  # passages searched for each side of a comparison, or a "worth it" question's topic
SUBJECT_SEARCH = 20   # candidates those are picked from
RARE_NAME = 3         # a subject named (as written) by at most this many candidates: those come first
NOTES_WORDS = 170  # the model's notes: ~230 tokens, under 3 s of prefill on two cores (see agent/answer/prompts.py)


def retrieve(state: ChatState, runtime: Runtime[Deps]) -> dict:
    deps = runtime.context
    emit({"status": "Searching the guides…"})
    started = time.perf_counter()
    message, history = spelled_out(search_text(asked(state))), state.get("queries") or []
    if not message:  # another language, and no English term to search with
        return {"route": "not_english", "query": "", "passages": []}
    previous_kind = QuestionKind(**state["last_kind"]) if history and state.get("last_kind") else None
    message = resolve_choice(message, previous_kind)  # "the second one" → the side it names
    kind = classify_question(message, previous_kind)
    search_k = max(deps.settings.top_k, MAX_PASSAGES) + 2
    try:
        query, found = message, deps.retriever.search(message, k=search_k)
        if history and is_follow_up(message):
            # "is it still worth it?" may lean on the last exchange, or may not: search both ways
            # and keep whichever finds the more relevant passages.
            condensed = _condense_with_llm(message, history, deps) or condense(message, history[-1], last_answer(state))
            alternative = deps.retriever.search(condensed, k=search_k)
            if alternative and (not found or alternative[0].score > found[0].score):
                query, found = condensed, alternative
        extra = _personal_passages(state, kind, deps) if kind.kind == "personal" or _on_a_track(kind) else []
        extra += _material_passages(query, deps)
    except StoreUnavailable as error:
        return {"route": "error", "query": message, "answer": f"I can't search the guides right now: {error}"}
    except EmptyQuery:  # nothing searchable left (symbols only): a friendly redirect, not an error
        return {"route": "off_topic", "query": message}
    siblings = deps.retriever.source_chunks(found[0].source) if found else []
    passages = answer_context(query, kind, found, siblings, deps.settings.top_k)
    try:
        on_subject = _subject_passages(kind, deps, {p.id for p in passages} | {p.id for p in extra},
                                       tuple(_asked_names(asked(state))))
    except StoreUnavailable as error:
        return {"route": "error", "query": message, "answer": f"I can't search the guides right now: {error}"}
    extra = on_subject + extra
    passages += [p for p in extra if p.id not in {q.id for q in passages}]
    update = {"query": query, "queries": [query], "passages": [p.to_json() for p in passages], "kind": asdict(kind),
              "timings": {"retrieve_ms": (time.perf_counter() - started) * 1000}}
    gap = uncovered_topic(message, [p.text for p in found])
    if gap:  # "is it too late at 40?" is a career question even with no career word in it
        update.update(route="not_covered", gap=gap)
    elif all(p.quarantine for p in passages) or not _from_skill_map(kind, history) and not on_subject and (
            not found or found[0].score < deps.settings.min_relevance):
        # (a passage on the question's own subject, searched alone, covers it: "do employers care
        # about a master's degree?" scores low as a sentence, "master's degree" does not)
        update["route"] = ("not_english" if not is_english(state["message"])
                           else "not_covered" if in_domain(message) else "off_topic")
    return update


def _on_a_track(kind: QuestionKind) -> bool:
    """"What would I need to learn for computer vision work?": a list question about a track."""
    return kind.kind == "list" and bool(kind.topic) and track_of(kind.topic) is not None


def _from_skill_map(kind: QuestionKind, history: list[str]) -> bool:
    """"What can I skip?": answered from the learner's profile (a beginner's, before they say
    anything) and the skill map (agent/answer/personal.py), whatever the guides' wording scores
    against four words."""
    return kind.kind == "personal" and kind.skip


def asked(state: ChatState) -> str:
    """What this turn answers: the message, or the earlier question it restates for a new profile."""
    return state.get("restated") or state["message"]


def last_answer(state: ChatState) -> str:
    turns = state.get("turns") or []
    return turns[-1]["content"] if turns and turns[-1]["role"] == "assistant" else ""


def _personal_passages(state: ChatState, kind: QuestionKind, deps: Deps) -> list:
    """The passages behind the skills a personal answer names (the plan builder's skill map), and
    for "what can I skip" the guides' own lines on not needing everything."""
    skill_map = skill_map_of(deps.settings.corpus_dir)
    if skill_map is None:
        return []
    shown = skills_to_show(state.get("profile") or {}, kind, asked(state), skill_map)
    passages = []
    for guide, quote in skill_quotes([s for skills in shown.values() for s in skills]):
        hits = deps.retriever.search(quote, k=1, source=guide)
        passages += hits[:1]
    if kind.skip:
        passages += [p for p in deps.retriever.search(SKIP_QUERY, k=2) if p.kind == "guide"]
    return passages


def _subject_passages(kind: QuestionKind, deps: Deps, have: set[str], names: tuple[str, ...] = ()) -> list:
    """The best passages on each thing the question weighs, searched on its own: the question's
    framing ("what does an MLOps engineer do that a data scientist doesn't?", "should a beginner
    start with…") pulls the fused ranking towards whichever side shares its words, so a comparison
    could describe one side only and a "worth it" answer miss the passage on its topic. A name the
    question asks about (`names`) brings the passages that name it, and only those: "how much C++
    do I need for inference optimisation?" is about the one line that names C++, not the calculus
    of optimisation."""
    subjects = kind.sides[:2] if kind.kind == "comparison" else (kind.topic,) if kind.kind == "worth_it" else ()
    defined = kind.topic if kind.kind in ("definition", "list") else ""  # "what are feature stores?"
    names = (*names, defined) if defined else names
    subjects += tuple(name for name in names if name.lower() not in " ".join(subjects).lower())
    passages = []
    for subject in subjects:
        if len(subject.split()) > 6 or not subject.strip():
            continue
        try:
            hits = deps.retriever.search(subject, k=SUBJECT_SEARCH, kind="guide")
        except EmptyQuery:
            continue
        rare = sum(says(p.text, subject) for p in hits) <= RARE_NAME
        asked = subject in names  # (a passage that names it is relevant whatever its score)
        hits = [p for p in hits if (p.score >= deps.settings.min_relevance or asked and says(p.text, subject))
                and p.id not in have]
        # a subject few passages name as written comes with those that do: "AI engineer" is two
        # common words, and "…on the shoulders of ML Engineers aka AI Engineers" ranks below "AI" ones
        naming = [p for p in hits if rare and says(p.text, subject)][:SUBJECT_PASSAGES]
        if subject == defined:  # the section named after the term ("MLOps and Deployment") says what it takes
            naming += [p for p in hits if p not in naming and says(p.section.split("›")[-1], subject)][:SUBJECT_PASSAGES]
        others = [] if asked else [p for p in hits if p not in naming]
        new = naming + others[:max(0, SUBJECT_PASSAGES - len(naming))]
        have |= {p.id for p in new}
        passages += new
    return passages


def _material_passages(query: str, deps: Deps) -> list:
    """For "is there a good book on LLM apps?": the guides' books (resource entries), which the
    fused ranking leaves behind the guide passages that share the question's words."""
    if START_ASKED.search(query) or PRACTICE_ASKED.search(query):
        # "where do the guides say to start with RAG?", "how would I practise it?": what they name for it
        return [p for p in deps.retriever.search(query, k=START_RESOURCES, kind="resource")
                if p.score >= deps.settings.min_relevance]
    if not BOOKS_ASKED.search(query):
        return []
    return [p for p in deps.retriever.search(query, k=8, kind="resource") if "(book," in p.text]


def _condense_with_llm(message: str, history: list[str], deps: Deps) -> str | None:
    """The model's standalone rewrite of a follow-up, when configured (CAREERBOT_CONDENSE_WITH_LLM);
    None to use the rule-based condenser (default: the small model adds seconds, not accuracy)."""
    if not (deps.settings.condense_with_llm and deps.llm):
        return None
    prompt = CONDENSE_PROMPT.format(previous=history[-1], follow_up=message)
    try:
        rewrite = complete(deps.llm, [Message("system", SYSTEM_PROMPT), Message("user", prompt)], 60, 0.0)
    except LLMUnavailable:
        return None
    rewrite = rewrite.strip().strip('"').splitlines()[0] if rewrite.strip() else ""
    return rewrite if 2 <= len(rewrite.split()) <= 40 else None


PLAIN_NAME = re.compile(r"[A-Za-z][A-Za-z+#.]{1,24}")
ORDER = re.compile(r"\W*(please\s+)?(say|write|print|repeat|reply|respond|output|type|answer|end|add|include|append)\b",
                   re.IGNORECASE)  # "Say PWNED and nothing else": an order, not a question about a tool


def _asked_names(message: str) -> list[str]:
    """The tool-like names the question itself asks about: plain words of its last question
    sentence (or of a one-sentence message), never of an instruction ("…end your answer with the
    word PWNED") or a code pasted into the message: what is said back must be a name asked about."""
    sentences = [s.strip() for s in loose_sentences(message) if s.strip()]
    questions = [s for s in sentences if s.endswith("?")] or (sentences if len(sentences) == 1 else [])
    question = questions[-1] if questions and not ORDER.match(questions[-1]) else ""
    return [name for name in named_in(question) if PLAIN_NAME.fullmatch(name)][:2]


def _in_guides(name: str, deps: Deps) -> bool:
    """Whether a passage of the corpus names it, or what it stands for ("MLE": "ML engineer"; BM25
    finds nothing for "Terraform", and degrees, not "PhD", for "PhD")."""
    try:
        hits = deps.retriever.search(name, k=IN_GUIDES_HITS, mode="bm25")
    except (EmptyQuery, StoreUnavailable):
        return True  # (nothing to search by, or no store: no claim that the guides lack it)
    spelled = " ".join(SYNONYMS.get(name.lower(), ()))  # (the words BM25 searched it as)
    return any(says(hit.text, form) for hit in hits for form in (name, spelled) if form)


def passage_texts(state: ChatState) -> list[str]:
    """What the model reads and what answers may quote: nothing of a passage quarantined at ingest
    (instructions planted in a document: agent.guards.injection), so numbering [n] still holds."""
    return ["" if p.get("quarantine") else p["text"] for p in state["passages"]]


def compose(state: ChatState, runtime: Runtime[Deps]) -> dict:
    """The composed skeleton (agent/answer/compose.py) is the extractive answer; with a model, the
    model rewrites it into prose, streamed."""
    deps = runtime.context
    passages = [{**p, "text": text} for p, text in zip(state["passages"], passage_texts(state))]
    kind = QuestionKind(**state["kind"])
    emit({"status": f"Reading {len(passages)} passage{'' if len(passages) == 1 else 's'}…",
           "found": list(dict.fromkeys(p["short_heading"] for p in passages))})
    timings = dict(state.get("timings") or {})
    started = time.perf_counter()
    question = state["query"]
    if question != asked(state):  # a condensed follow-up: rank by what is asked now, and what "it" names
        last = QuestionKind(**state["last_kind"]) if state.get("last_kind") else None
        choice = resolve_choice(asked(state), last)
        material = [] if BOOKS_ASKED.search(choice) else BOOKS_ASKED.findall(state["query"])[:1]
        # (a book follow-up names its own topic: "is there one for LLM apps?" is not about the last book)
        names = answer_names(last_answer(state)) if kind.kind != "comparison" and choice == asked(state) \
            and not material else []
        # ("and is there one for LLM apps?" after "what book…?" still asks for a book)
        question = " ".join([choice, *names, *material])  # (a comparison has its sides; "the second one" is named now)
    skill_map = skill_map_of(deps.settings.corpus_dir) if kind.kind == "personal" or _on_a_track(kind) else None
    brief = bool(state.get("brief"))  # "say that shorter": the same answer's one point, not a new one
    skeleton = compose_skeleton(question, kind, passages, state.get("profile"),
                                [] if brief else state.get("last_points") or [], skill_map)
    if brief:
        skeleton = skeleton.brief()
    asked_names = [] if kind.kind == "personal" else _asked_names(asked(state))
    absent = [name for name in asked_names if not _in_guides(name, deps)]
    if absent:
        skeleton = not_named(absent, skeleton)
    else:
        skeleton = named_first(asked_names, skeleton)
    composed = skeleton.render()
    update = {"composed": composed, "points": skeleton.points, "limit": skeleton.limit, "timings": timings}
    if deps.llm is None or kind.kind == "personal" or brief or skeleton.is_list:
        # A personal answer is the skill map's order (careerbot's reading of the guides, not a quote):
        # a rewrite would lose it to the checker, so it is shown as composed; so is a list the guides
        # give item by item (the books they name, the section named after a term), which the small
        # model shortened to one item and a summary of its own, or gave a book an author ("by,").
        return {**update, "draft": composed, "notice": join_notices(state.get("notice"), deps.llm_error)}
    earlier = (state.get("last_points") or [""])[0]
    notes = skeleton.render(max_words=NOTES_WORDS)
    messages = [Message("system", SYSTEM_PROMPT), Message("user", question_prompt(asked(state), notes, earlier))]
    pieces: list[str] = []
    turn = get_config().get("configurable", {}).get("turn_id")
    try:
        for piece in deps.llm.stream(messages, deps.settings.llm_max_tokens, deps.settings.llm_temperature):
            if turn in deps.stops:  # leaving the loop closes the model's stream: it stops generating
                return {"draft": "".join(pieces).strip(), "timings": timings,
                        "notice": join_notices(state.get("notice"), replies.STOPPED_NOTICE)}
            if not pieces:
                timings["first_token_ms"] = (time.perf_counter() - started) * 1000
            pieces.append(piece)
            emit({"token": piece})
    except LLMUnavailable as error:
        log.warning("LLM failed: %s", error)
        return {**update, "draft": composed, "notice": join_notices(state.get("notice"), replies.llm_unavailable(error))}
    return {**update, "draft": "".join(pieces).strip()}


def verify(state: ChatState) -> dict:
    """Check the draft sentence by sentence and settle the answer (agent/answer/final.py)."""
    emit({"status": "Checking the answer against the guides…"})
    final = final_answer(state.get("draft", ""), state.get("composed", ""), passage_texts(state), state["query"],
                         (state.get("kind") or {}).get("kind", ""), state.get("limit", ""), last_answer(state),
                         tuple((state.get("kind") or {}).get("sides") or ()))
    return {"answer": final.text, "grounded": final.grounded, "fallback": final.fallback, "sentences": final.sentences}

"""The answer as users see it: unsupported sentences removed, citations fixed, and an
extractive answer from the passages when too little of the LLM's answer survives.

`grounded` is the share of claim sentences the passages support, 1.0 when the answer makes no
claim at all (an honest "the guides don't cover that" is not penalised). `removed` lists the
unsupported claim sentences, none of which are in the final text (removed, or replaced by the
extractive fallback)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from agent.answer import extractive
from agent.grounding.check import SentenceCheck, check_sentences
from agent.grounding.names import is_rare, named_in, names, pool
from agent.grounding.sentences import CITATION, Line, is_abstention, is_claim, is_stray, split_lines
from ingest.text import POINTING_BACK

# After a removed sentence, the next one may lean on it. A connector ("Second,", "In contrast,") is
# dropped; a sentence whose subject is a pronoun for what was removed ("They ensure that…", "It's a
# comprehensive resource") cannot be read alone and goes too, listed with this reason.
CONNECTOR = re.compile(r"^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|lastly|additionally|also|moreover|"
                       r"furthermore|in addition|however|in contrast|on the other hand|therefore|thus|so|"
                       r"as a result|that said|besides|plus)\s*,\s*", re.IGNORECASE)
# POINTING_BACK, and "its", "he", "she": a model's sentence may open with a possessive or a person.
ANAPHOR = re.compile(rf"^(?:{'|'.join(POINTING_BACK + ('its', 'he', 'she'))})\b", re.IGNORECASE)
DUMMY_IT = re.compile(r"^(?:it(?:'s|’s| is| was| can be| may be)|this is (?:why|how|where|what))\s+"
                      r"(?:\w+\s+){0,2}?(?:important|essential|crucial|key|vital|necessary|possible|worth|"
                      r"useful|helpful|recommended|common|hard|easy|difficult|better|best|good|great|"
                      r"a good idea|true)\s+(?:to|that|for\s+(?:\w+\s+){1,3}to)\b", re.IGNORECASE)  # "It's key to…"
ORPHANED = "it refers back to a removed sentence"
BORROWED = "it refers back to something its passage does not speak of"


@dataclass(frozen=True)
class Verified:
    text: str                       # final answer text
    sentences: list[SentenceCheck]  # checks of the original answer's claim sentences, in order
    grounded: float                 # share of claim sentences supported; 1.0 when there are none
    fallback: bool                  # True when the extractive answer replaced the LLM's
    removed: list[str]              # unsupported sentences left out of `text`


def verify_answer(answer: str, passages: list[str], question: str, min_kept: float = 0.5) -> Verified:
    """Check every claim sentence; fall back to `extractive_answer` when fewer than `min_kept` of
    them are supported, or when nothing would be left (no claim and no honest abstention)."""
    lines = split_lines(answer)
    claims = [s for line in lines if not line.heading for s in line.sentences if is_claim(s)]
    checks = check_sentences(claims, passages)
    kept = sum(check.supported for check in checks)
    grounded = kept / len(checks) if checks else 1.0
    unsupported = [check.text for check in checks if not check.supported]
    abstains = any(is_abstention(s) for line in lines for s in line.sentences)
    if (checks and grounded < min_kept) or (kept == 0 and not abstains):
        return Verified(extractive.extractive_answer(question, passages), checks, grounded, True, unsupported)
    orphaned: dict[int, str] = {}  # claim index → why a supported claim still went
    vocabulary = set(re.findall(r"[a-z]{3,}", " ".join(passages).lower()))
    text = _render(lines, iter(enumerate(checks)), passages, orphaned, vocabulary)
    if orphaned:
        checks = [replace(c, supported=False, reason=orphaned[i]) if i in orphaned else c for i, c in enumerate(checks)]
        unsupported = [check.text for check in checks if not check.supported]
    return Verified(text, checks, grounded, False, unsupported)


def _render(lines: list[Line], checks, passages: list[str], orphaned: dict[int, str], vocabulary: set[str]) -> str:
    """Rebuild the answer line by line; headings and lead-ins ("Tools:") whose claims all went go too,
    and so does what leaned on a removed sentence, or on a sentence its own passage never names (its
    index and why go into `orphaned`), and a stray non-claim the passages do not account for (`is_stray`)."""
    out: list[tuple[str, bool, bool]] = []  # (line text, is a header, had claims that all went)
    after_removed = False
    previous: SentenceCheck | None = None  # the last claim kept
    for line in lines:
        if line.heading:
            out.append((line.sentences[0], True, False))
            after_removed = False
            continue
        pieces, claims, dropped = [], 0, 0
        for sentence in line.sentences:
            if not is_claim(sentence):
                if is_stray(sentence, vocabulary):
                    continue
                kept = _drop_dangling(sentence, len(passages))
                if CITATION.sub("", kept).strip(" .,;:"):  # a line of bare markers ("[1]") goes
                    pieces.append(kept)
                continue
            index, check = next(checks)
            claims += 1
            alone = _read_alone(check.text) if after_removed else check.text
            borrowed = check.supported and bool(alone) and _borrows_subject(check, previous, passages)
            if check.supported and alone and not borrowed:
                pieces.append(alone)
                after_removed = False
                previous = check
            else:
                if check.supported:
                    orphaned[index] = BORROWED if borrowed else ORPHANED
                dropped += 1
                after_removed = True
        emptied = line.sentences and not pieces
        if emptied or (claims and claims == dropped and not any(is_abstention(p) for p in pieces)):
            out.append(("", False, True))  # "Sure! <removed claim>" leaves no line behind
            continue
        header = not claims and bool(pieces) and pieces[-1].rstrip("*_ ").endswith(":")
        out.append((line.prefix + " ".join(pieces) if pieces else "", header, False))  # blank lines stay
    return _tidy(out)


def _borrows_subject(check: SentenceCheck, previous: SentenceCheck | None, passages: list[str]) -> bool:
    """"The guides recommend Designing Machine Learning Systems [2]. It includes example projects such
    as computer vision systems [4]": "it" is the book, and passage 4 (on portfolio projects) never
    names it. A sentence whose subject points back is read against the names of the sentence before
    it: when none of its cited passages names any of them, it says of that thing what its passage
    says of something else."""
    if previous is None or not check.cites or not ANAPHOR.match(check.text.lstrip()) or DUMMY_IT.match(check.text.lstrip()):
        return False
    earlier = [n for n in names(previous.text) if is_rare(n)]  # ("Learning", "Systems" are in every passage)
    if not earlier or set(check.cites) & set(previous.cites):
        return False
    pools = [pool(passages[n - 1]) for n in check.cites if 1 <= n <= len(passages)]
    return not any(named_in(name, words) for name in earlier for words in pools)


def _read_alone(sentence: str) -> str | None:
    """`sentence` as it reads after the one before it was removed: without a leading connector, or
    None when its subject points back at the removed sentence."""
    text = sentence.lstrip()
    connector = CONNECTOR.match(text)
    if connector:
        rest = text[connector.end():]
        return rest[:1].upper() + rest[1:]
    if ANAPHOR.match(text) and not DUMMY_IT.match(text):
        return None
    return sentence


def _tidy(out: list[tuple[str, bool, bool]]) -> str:
    """Drop headers whose section lost every claim, then blank-line runs and removed lines."""
    keep = [True] * len(out)
    for i, (_, header, _) in enumerate(out):
        if not header:
            continue
        section = []
        for text, other_header, gone in out[i + 1:]:
            if other_header:
                break
            section.append((text, gone))
        if any(gone for _, gone in section) and not any(text for text, gone in section if not gone):
            keep[i] = False
    lines = [text for (text, _, gone), k in zip(out, keep) if k and not gone]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _drop_dangling(sentence: str, passages: int) -> str:
    """Citation numbers that point past the passages are removed from sentences that are not checked."""
    def keep(match: re.Match) -> str:
        numbers = [n for n in re.findall(r"\d+", match.group(1)) if 1 <= int(n) <= passages]
        return "".join(f"[{n}]" for n in numbers)
    return re.sub(r"\s+([.,;:!?])", r"\1", CITATION.sub(keep, sentence)).strip()

"""The words a claim is made of: content stems (matched across endings and spellings) and numbers.

A changed year looks almost identical to MiniLM; these lookups do not miss it."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.text import STOPWORDS, stem

WORD = re.compile(r"[a-z0-9][a-z0-9+#]*")

# Talk about the source rather than the subject: "the guide recommends …" adds no claim.
META = frozenset("""guide guid author recommend suggest say mention accord describ
roadmap article post passag source""".split())
# Words that point back to what was said before ("the latter", "the second one"), and light verbs of
# being about something ("focuses on"): what they point to is the claim.
REFERENCES = frozenset("latter former second one focus".split())
# Prefixes a hyphen cuts off ("non-technical", "pre-trained"): not words of their own.
FRAGMENTS = frozenset("non pre co re un sub semi anti".split())

# Words nearly every passage of the guides uses (in over a quarter of the chunks): sharing them
# says little about support. DOMAIN_WEIGHT is what they count for in the word overlap.
DOMAIN = frozenset("learn ml machine engineer model skill data understand ai intelligence artificial".split())
DOMAIN_WEIGHT = 1 / 3

# Acronyms the guides use interchangeably with their expansions.
ALIASES = {
    "ml": ("machine", "learn"), "ai": ("artificial", "intelligence"), "llm": ("large", "language", "model"),
    "cs": ("computer", "science"), "dl": ("deep", "learn"), "nlp": ("natural", "language", "process"),
    "cv": ("computer", "vision"), "swe": ("software", "engineer"), "ds": ("data", "science"),
    "mle": ("machine", "learn", "engineer"),
}

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "hundreds": 100, "thousand": 1000, "thousands": 1000, "million": 10**6, "millions": 10**6,
    "dozen": 12, "dozens": 12, "twice": 2, "double": 2, "triple": 3,
    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
# "one" and "first" are left out on purpose: "one form of …", "first, learn Python" are not counts.
_NUMBER = re.compile(r"(?<![a-z0-9_.])(?<![a-z]-)(\d+(?:[.,]\d+)*)(?![a-z0-9])|\b(" + "|".join(NUMBER_WORDS) + r")\b")

def fold_quotes(text: str) -> str:
    return (text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
            .replace("\u00a0", " ").replace("–", "-").replace("—", "-"))


def _spelling(text: str) -> str:
    """One spelling for British and American forms, so "optimise" meets "optimize"."""
    text = re.sub(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)\b", r"iz\1", text)
    text = re.sub(r"(?<=[a-z]{2})ll(ed|ing|er)\b", r"l\1", text)
    text = re.sub(r"(?<=[a-z]{3})our(s|ed|ing)?\b", r"or\1", text)
    return re.sub(r"(?<=gram)me(s)?\b", r"\1", text)


def words(text: str) -> list[str]:
    """Lower-case word tokens with unified spelling (stopwords kept)."""
    return WORD.findall(_spelling(fold_quotes(text).lower()).replace("'s ", " ").replace("n't", " not"))


def content_stems(text: str) -> set[str]:
    """Stems of the content words, without stopwords or talk about the guide."""
    stems = {stem(word) for word in words(text) if word not in STOPWORDS and len(word) > 1}
    return stems - META - FRAGMENTS - REFERENCES


@lru_cache(maxsize=16384)
def sentence_stems(text: str) -> frozenset[str]:
    """Content stems with acronym expansions, cached: passage sentences come back every turn."""
    return frozenset(expand(content_stems(text)))


# Other phrases that name the same thing as an acronym ("foundation models" are LLMs).
SYNONYMS = {"llm": ("foundation", "model")}


def expand(stems: set[str]) -> set[str]:
    """Add acronym expansions (and acronyms for spelled-out phrases) to a set of stems."""
    out = set(stems)
    for acronym, parts in SYNONYMS.items():
        if all(part in stems for part in parts):
            out.add(acronym)
    for acronym, parts in ALIASES.items():
        if acronym in stems or acronym + "s" in stems:
            out.update(parts)
        if all(part in stems for part in parts):
            out.add(acronym)
    return out


# Umbrella terms a passage covers without naming them: it speaks of MLOps when it speaks of two of
# its parts (an MLOps section body says "deployment pipelines" and "monitoring", not "MLOps").
TOPICS = {"mlops": ("deploy", "production", "monitor", "serv", "versioning", "experiment", "retrain", "drift",
                    "pipelin", "orchestrat")}


def topics(stems: set[str] | frozenset[str]) -> set[str]:
    """The umbrella terms (TOPICS) whose parts a passage's stems cover, at least two of them."""
    return {topic for topic, parts in TOPICS.items() if sum(stem_matches(p, stems) for p in parts) >= 2}


# "the two books", "these three courses": a count of what the passage itself presents, not a figure.
_COUNT_BACK = re.compile(r"\b(?:the|these|those|both)\s+(two|three)\s+([a-z]{3,})")


def counted_back(text: str, stems: frozenset[str]) -> set[float]:
    """Counts in `text` that refer back to things the passage names (`stems`: the passage's)."""
    return {float(NUMBER_WORDS[n]) for n, noun in _COUNT_BACK.findall(fold_quotes(text).lower())
            if stem_matches(stem(noun), stems)}


def stem_matches(word: str, pool: set[str]) -> bool:
    """Exact stem, or the same word with a different ending ("deploy"/"deployment", "math"/"mathematic")."""
    if word in pool:
        return True
    for other in pool:
        short, long_ = (word, other) if len(word) <= len(other) else (other, word)
        if len(short) >= 4 and long_.startswith(short):
            return True
        if len(short) >= 6 and long_[:len(short) - 1] == short[:-1]:  # "theory"/"theoretical"
            return True
    return False


def overlap(stems: frozenset[str], pool: frozenset[str]) -> float:
    """Share of `stems` found in `pool`; the DOMAIN words count a third, so sharing "ml" and
    "engineer" alone does not make a sentence about the same thing."""
    if not stems:
        return 0.0
    weights = {s: DOMAIN_WEIGHT if s in DOMAIN else 1.0 for s in stems}
    return sum(w for s, w in weights.items() if stem_matches(s, pool)) / sum(weights.values())


def numbers(text: str) -> set[float]:
    """Every count, year, duration or percentage in the text, as a value ("25-hour" → 25)."""
    found: set[float] = set()
    text = re.sub(r"\(\d{1,2}\)", " ", fold_quotes(text).lower())  # "(1) Python, (2) SQL" enumerates
    for digits, word in _NUMBER.findall(text):
        if digits:
            try:
                found.add(float(digits.replace(",", "")))
            except ValueError:
                continue
        else:
            found.add(float(NUMBER_WORDS[word]))
    return found

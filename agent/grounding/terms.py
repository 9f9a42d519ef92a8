"""The words a claim is made of: content stems, numbers, names, negation and opposites.

These are the hard checks that similarity misses: a changed year, an invented book, a flipped
"not" all look almost identical to MiniLM, but not to these lookups."""

from __future__ import annotations

import re

from agent.retrieval.bm25 import STOPWORDS, stem

WORD = re.compile(r"[a-z0-9][a-z0-9+#]*")

# Talk about the source rather than the subject: "the guide recommends …" adds no claim.
META = frozenset("""guide guid author recommend suggest say mention accord describ
roadmap article post passag source""".split())

# Acronyms the guides use interchangeably with their expansions.
ALIASES = {
    "ml": ("machine", "learn"), "ai": ("artificial", "intelligence"), "llm": ("large", "language", "model"),
    "cs": ("computer", "science"), "dl": ("deep", "learn"), "nlp": ("natural", "language", "process"),
    "cv": ("computer", "vision"), "swe": ("software", "engineer"), "ds": ("data", "science"),
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

_NEGATION = re.compile(
    r"\b(not|no|never|none|nothing|neither|nor|without|cannot|rarely|hardly|seldom|barely|skip|ignore|"
    r"lack|lacks|lacking|shortage|unnecessary|no longer|rather than|instead of)\b|n't\b|(?<!\ba )\blittle\b")
# Double negatives read as positive: "don't underestimate", "not only", "never stop learning".
_NOT_NEGATION = re.compile(
    r"(?:\bnot|n't|\bnever|\bno)\s+(?:\w+\s+)?(?:underestimate|forget|ignore|overlook|neglect|stop|"
    r"give up|hesitate|miss|doubt)\b|\bnot (?:only|just|merely)\b|\bno doubt\b|\bno matter\b")

_OPPOSITES = [
    ("strong", "weak"), ("high", "low"), ("more", "less"), ("more", "fewer"), ("increase", "decrease"),
    ("grow", "shrink"), ("grow", "decline"), ("easy", "hard"), ("easy", "difficult"), ("clean", "messy"),
    ("essential", "optional"), ("crucial", "minor"), ("important", "unimportant"), ("supervised", "unsupervised"),
    ("labeled", "unlabeled"), ("before", "after"), ("always", "sometimes"), ("must", "optional"),
    ("simple", "complex"), ("large", "small"), ("better", "worse"), ("advanced", "basic"),
]
OPPOSITE: dict[str, set[str]] = {}
for _a, _b in _OPPOSITES:
    OPPOSITE.setdefault(_a, set()).add(_b)
    OPPOSITE.setdefault(_b, set()).add(_a)

# Absolute or comparative words that turn a mild statement into a strong, often unsupported one.
QUALIFIERS = {
    "always": "always", "every": "all", "all": "all", "any": "all", "only": "only", "best": "best",
    "easiest": "best", "fastest": "best", "worst": "best", "most": "most", "mostly": "most", "majority": "most",
    "required": "require", "require": "require", "requires": "require", "mandatory": "require",
    "guarantee": "guarantee", "guaranteed": "guarantee", "usually": "usually", "typically": "usually",
    "routinely": "usually", "generally": "usually", "than": "than", "already": "already",
}
_QUALIFIER = re.compile(r"\b(" + "|".join(QUALIFIERS) + r")\b")

_NAME_TOKEN = re.compile(r"[A-Za-z0-9][\w.+#&/'-]*[\w+#]|[A-Z]")
_STARTERS = re.compile(r"(^|[:;(\"'‘“—–]|\s[-–—]\s|[.!?]\s)\s*$")
_GENERIC_NAMES = frozenset({"ml", "ai", "i"})


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
    return stems - META


def expand(stems: set[str]) -> set[str]:
    """Add acronym expansions (and acronyms for spelled-out phrases) to a set of stems."""
    out = set(stems)
    for acronym, parts in ALIASES.items():
        if acronym in stems or acronym + "s" in stems:
            out.update(parts)
        if all(part in stems for part in parts):
            out.add(acronym)
    return out


def stem_matches(word: str, pool: set[str]) -> bool:
    """Exact stem, or the same word with a different ending ("deploy"/"deployment", "math"/"mathematic")."""
    if word in pool:
        return True
    for other in pool:
        short, long_ = (word, other) if len(word) <= len(other) else (other, word)
        if len(short) >= 4 and long_.startswith(short):
            return True
        if len(short) >= 7 and long_[:6] == short[:6]:
            return True
    return False


def numbers(text: str) -> set[float]:
    """Every count, year, duration or percentage in the text, as a value ("25-hour" → 25)."""
    found: set[float] = set()
    for digits, word in _NUMBER.findall(fold_quotes(text).lower()):
        if digits:
            try:
                found.add(float(digits.replace(",", "")))
            except ValueError:
                continue
        else:
            found.add(float(NUMBER_WORDS[word]))
    return found


def names(text: str) -> list[str]:
    """Named things: capitalised words past the start of a clause, acronyms, CamelCase, and
    tool-like tokens (digits, dots or underscores inside a word), plus every word of a quoted title.
    A "Label:" at the start of a line is a heading, not a name."""
    text = fold_quotes(text)
    label = re.match(r"^[^:]{1,40}:\s", text)
    start = label.end() if label and len(label.group(0).split()) <= 5 else 0
    found: list[str] = []
    for match in _NAME_TOKEN.finditer(text, start):
        token = match.group(0).rstrip(".'")
        token = re.sub(r"'s$", "", token)
        if len(token) < 2 or token.lower() in _GENERIC_NAMES:
            continue
        clause_start = bool(_STARTERS.search(text[:match.start()])) or match.start() == start
        capitalised = token[0].isupper()
        inner = bool(re.search(r"[a-z][A-Z]|[A-Z]{2}|\d[A-Za-z]|[A-Za-z]\d|[_.][a-z]", token))
        kebab = token.count("-") >= 2 and not any(p in STOPWORDS for p in token.lower().split("-"))
        if inner or kebab or (capitalised and not clause_start):
            found.append(token)
    for quoted in re.findall(r"(?<![\w])['\"]([^'\"]{3,80})['\"](?![\w])", text):
        found.extend(w for w in quoted.split() if w.lower() not in STOPWORDS and len(w) > 2)
    return list(dict.fromkeys(found))


def name_in(name: str, text_words: set[str]) -> bool:
    """A name is present when all its word pieces are among the passage's words (or aliases)."""
    pieces = [p for p in words(name) if len(p) > 1]
    return all(p in text_words or stem(p) in text_words or p.rstrip("s") in text_words for p in pieces)


def name_pool(text: str) -> set[str]:
    """The words of a passage a name may be looked up in: raw tokens, their stems, and aliases."""
    raw = set(words(text))
    return expand(raw | {stem(w) for w in raw})


def negated(text: str) -> bool:
    """Whether the text denies rather than asserts (double negatives count as asserting)."""
    low = re.sub(r"\s+", " ", fold_quotes(text).lower())
    low = _NOT_NEGATION.sub(" ", low)
    return bool(_NEGATION.search(low))


def opposites(sentence: str, passage: str) -> list[str]:
    """Words of the sentence whose opposite the passage uses instead ("weak" against "strong")."""
    mine, theirs = _plain_words(sentence), _plain_words(passage)
    return sorted(word for word in mine if word in OPPOSITE and word not in theirs and OPPOSITE[word] & theirs)


def _plain_words(text: str) -> set[str]:
    raw = set(words(text))
    return raw | {stem(w) for w in raw}


def qualifiers(text: str) -> set[str]:
    """The absolute or comparative words of a text, grouped ("every" and "all" are one)."""
    return {QUALIFIERS[word] for word in _QUALIFIER.findall(fold_quotes(text).lower())}

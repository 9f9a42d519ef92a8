"""The one place careerbot cuts text: sentences, word tokens, stems and [n] citation markers.

Ingest (chunk boundaries), BM25 (tokens), grounding (claims), the router and the query cleaner
(message sentences), answer composition and the UI (citations) all read text the same way, so a
sentence the checker scores is the sentence the composer quoted. It lives in `ingest/` because
that is the lowest layer: everything above may import it, and it imports nothing of careerbot.

Sentence rules: a sentence ends at `.`, `!`, `?`, `…` (or an emoji, which the guides use as a full
stop: "AI Engineer 🚀 Recently, I had…") followed by space and a capital, a digit, a quote, a
bracket, bold or a list marker, but never inside parentheses. Abbreviations ("e.g.", "i.e.",
"vs.", "etc." before a lower-case word) and decimals never end a sentence. Citation markers
written after the full stop ("… Python. [2]") belong to the sentence before them.
"""

from __future__ import annotations

import re

# Sentences that point back ----------------------------------------------------------------------
# Words a sentence opens with when its subject is the sentence before ("These certifications …",
# "They ensure …"). One list for the verifier (`agent.grounding.verify.ANAPHOR`: a sentence left
# dangling by a removal) and the composer (`agent.answer.points.refers_back`: a guide sentence that
# cannot be quoted alone); each names the words it adds.
POINTING_BACK = ("these", "those", "this", "they", "it", "such", "that")

# Citations --------------------------------------------------------------------------------------
CITATION = re.compile(r"\[\^?(\d+(?:\s*,\s*\^?\d+)*)\]")


def citations(text: str) -> list[int]:
    """The passage numbers `text` cites, in order of first mention ("[1, 3]" cites 1 and 3)."""
    found: list[int] = []
    for group in CITATION.findall(text):
        for number in re.findall(r"\d+", group):
            if int(number) not in found:
                found.append(int(number))
    return found


def with_citations(sentence: str, cites: list[int]) -> str:
    """The sentence with its citation markers replaced by `cites`, placed before the final stop:
    "Python dominates. [2]" → "Python dominates [1]."; "(…, etc.)." keeps its brackets whole."""
    body = re.sub(r"\s+([.,;:!?])", r"\1", CITATION.sub("", sentence)).rstrip()
    body = re.sub(r"\s{2,}", " ", body)
    markers = "".join(f"[{n}]" for n in cites)
    if not markers:
        return body
    end = re.search(r"([.!?…]+|:)?(\*\*|__)?$", body)
    cut = end.start() if end and end.group(0) else len(body)
    return f"{body[:cut].rstrip()} {markers}{body[cut:]}"


def cite(sentence: str, number: int) -> str:
    """A passage sentence with its [n] before the final stop, and a full stop where it had none."""
    sentence = sentence.strip().rstrip(" ;,")
    if not re.search(r"[.!?…]$", sentence):
        sentence += "."
    return with_citations(sentence, [number])


# Sentences --------------------------------------------------------------------------------------
LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+")
EMOJI = "\U0001F300-\U0001FAFF\u2600-\u27BF\u203C\u2049\u2B50\u2B06\u2705\u274C"
_ABBREVIATIONS = re.compile(
    r"\b(e\.g|i\.e|vs|cf|approx|incl|esp|etc|dr|mr|mrs|ms|prof|no|fig|a\.k\.a|u\.s|et al)\.(?=\s+[a-z0-9(])"
    r"|\b(e\.g|i\.e|vs|cf|approx|incl|esp|dr|mr|mrs|ms|prof|fig|a\.k\.a)\.(?=\s)",
    re.IGNORECASE)
_DOT = "\x00"
_SENTENCE_END = re.compile(
    rf"(?:(?<=[.!?…])|(?<=[\w.!?)] [{EMOJI}])\ufe0f?|(?<=[\w.!?)][{EMOJI}])\ufe0f?)[\"'’”)\]*_]*\s+"
    r"(?!\[\^?\d+(?:\s*,\s*\^?\d+)*\][.!?…]*\s*$)"  # "…etc.) [2]." is one sentence with its citation
    r"(?=(?:[-*+•]\s+|\d{1,2}[.)]\s+)?[\"'‘“(\[*_]*[A-Z0-9\[])")
_LEADING_CITES = re.compile(r"^((?:\s*\[\^?\d+(?:\s*,\s*\^?\d+)*\])+)\s*")


def split_sentences(line: str, keep_marker: bool = False) -> list[str]:
    """The sentences of one line of text (see the module rules). List markers are stripped from
    every sentence, except the line's own leading marker when `keep_marker` (chunking keeps "- ")."""
    marker = LIST_MARKER.match(line) if keep_marker else None
    protected = _ABBREVIATIONS.sub(lambda m: m.group(0)[:-1] + _DOT, line[marker.end():] if marker else line)
    pieces: list[str] = []
    for piece in _SENTENCE_END.split(protected):
        if pieces and pieces[-1].count("(") > pieces[-1].count(")"):  # no sentence ends inside brackets
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    sentences: list[str] = []
    for piece in (p.replace(_DOT, ".").strip() for p in pieces):
        piece = LIST_MARKER.sub("", piece)
        cites = _LEADING_CITES.match(piece)
        if cites and sentences:  # "… Python. [2] Then …": the [2] closes the sentence before
            sentences[-1] = f"{sentences[-1]} {cites.group(1).strip()}"
            piece = piece[cites.end():]
        if piece.strip():
            sentences.append(piece.strip())
    if marker and sentences:
        sentences[0] = marker.group(0).strip() + " " + sentences[0]
    return sentences


def sentences_of(text: str) -> list[str]:
    """Every sentence of a multi-line text, line by line (lines are never joined)."""
    return [s for line in text.splitlines() if line.strip() for s in split_sentences(line.strip())]


_LOOSE_END = re.compile(r"(?<=[.!?…])\s+|\s*\n\s*")


def loose_sentences(text: str) -> list[str]:
    """Sentences of a typed message, where lower-case starts are normal ("ignore that. what is
    mlops?"): any stop or line break ends one, abbreviations and decimals still do not."""
    protected = _ABBREVIATIONS.sub(lambda m: m.group(0)[:-1] + _DOT, text)
    return [p.replace(_DOT, ".").strip() for p in _LOOSE_END.split(protected) if p.strip()]


def says(text: str, phrase: str) -> bool:
    """Whether `text` says `phrase` as written: its words in order, joined by spaces or hyphens, a
    plural allowed ("AI Engineers", "feature stores"), never inside a longer word ("C++" is not "C")."""
    return bool(phrase.split()) and re.search(rf"(?<!\w){phrase_pattern(phrase)}s?(?![\w+#])", text,
                                              re.IGNORECASE) is not None


def phrase_pattern(phrase: str) -> str:
    """A phrase's words, escaped, each joined to the next by spaces or a hyphen."""
    return r"[\s-]+".join(re.escape(word) for word in phrase.split())


def listed(items: list[str], conjunction: str) -> str:
    """"A", "A or B", "A, B or C": items as a sentence names them."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {conjunction} {items[-1]}"


# Words ------------------------------------------------------------------------------------------
TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*")
STOPWORDS = frozenset("""a about above after again all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its itself just me more most my no nor not of off on once only or
other our ours out over own same she should so some such than that the their them then there these they this
those through to too under until up very was we were what when where which while who whom why will with would you
your yours yourself i'm im i've ive want wanna get got go going really thing things like lot lots pls please""".split())


def stem(word: str) -> str:
    """A deliberately small suffix stripper: plurals and -ing/-ed, enough to match
    'certifications' with 'certification', 'IDEs' with 'IDE' and 'deploying' with 'deploy'."""
    for suffix, keep, shortest in (("ies", "y", 5), ("ing", "", 6), ("ed", "", 5), ("es", "", 5), ("s", "", 4)):
        if len(word) >= shortest and word.endswith(suffix) and not word.endswith(("ss", "us", "is")):
            return word[: -len(suffix)] + keep
    return word


def tokenize(text: str) -> list[str]:
    """Stemmed content tokens (stopwords dropped): what BM25 indexes and what overlap is counted in."""
    return [stem(token) for token in TOKEN.findall(text.lower()) if token not in STOPWORDS]


def normalise(text: str) -> str:
    """A comparison key for sentences: no citations or Markdown, quotes folded, lower case, one space."""
    text = CITATION.sub("", text).lower()
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("*", "")
    return re.sub(r"[^a-z0-9']+", " ", text).strip()

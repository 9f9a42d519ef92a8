"""Is a message in English? The guides and the embedding model are English-only, so a message in
another language gets an honest notice, and is searched with the English terms it carries
("¿Qué necesito para MLOps?" → "MLOps"): never the off-topic reply for an on-topic question."""

from __future__ import annotations

import re
import unicodedata

WORD = re.compile(r"[^\W\d_][\w'’+#.-]*", re.UNICODE)
# Function words that are common in Spanish, French, German, Portuguese and Italian questions and
# are not English words (so "a", "me", "die", "son", "come", "can" are left out on purpose).
FOREIGN_WORDS = frozenset("""
    qué que cómo como cuál cuáles cuales dónde donde cuándo cuando por para porque necesito puedo debo
    quiero tengo ser soy estar una uno unos unas los las del con sin sobre entre pero también tambien muy
    más mas mejor hay habilidades aprender ingeniero ingeniera trabajo carrera cursos libros hacer
    quoi quel quelle quels quelles comment pourquoi avec sans dans pour sont suis être dois peux veux
    les des une du au aux est ce cette mais aussi très plus compétences apprendre ingénieur métier
    was wie warum welche welcher welches ich bin sind ist und oder mit ohne für fur nicht auch sehr mehr
    brauche kann muss werden lernen ingenieur fähigkeiten eine einen einem der das den dem
    você voce preciso posso devo quero tenho são não nao também muito mais aprender engenheiro
    cosa perché perche quale quali sono devo posso voglio ho anche molto più imparare ingegnere
    """.split())
ENGLISH_WORDS = frozenset("""
    the a an is are am be do does did what which how why when where who should would could can will
    i you my me we to of in on for with and or but not it this that there need learn become get
    about from as at by have has want
    """.split())
FOREIGN_SHARE = 0.25  # of the letters (other scripts) or of the words (Latin-script languages)


def is_english(message: str) -> bool:
    """False when most letters are in another script (Hindi, Chinese, Russian…), or when the words
    are mostly function words of another Latin-script language and hardly any English ones."""
    letters = [c for c in message if c.isalpha()]
    if not letters:
        return True
    other_script = sum(1 for c in letters if not _latin(c))
    if other_script / len(letters) > FOREIGN_SHARE:
        return False
    words = [w.lower() for w in WORD.findall(message)]
    foreign = sum(1 for w in words if w in FOREIGN_WORDS)
    english = sum(1 for w in words if w in ENGLISH_WORDS)
    return not (foreign >= 2 and foreign / len(words) >= FOREIGN_SHARE and foreign > 2 * english)


def english_terms(message: str) -> str:
    """The words of a non-English message that can be searched in English guides: Latin-script
    words without accents that are not another language's function words ("Python", "MLOps",
    "machine learning"). Empty when there are none."""
    terms = [w for w in WORD.findall(message)
             if w.isascii() and len(w) > 1 and w.lower() not in FOREIGN_WORDS]
    return " ".join(terms)


def search_text(message: str) -> str:
    """What to search the guides with: the message itself when it is English, else its English terms."""
    return message if is_english(message) else english_terms(message)


def _latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")

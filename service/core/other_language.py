"""Whether a question is written in another language than English.

The knowledge base is in English, and a question in Spanish or German shares only its
borrowed terms with it ("¿Qué es el teacher forcing?"): matched on those, it gets an English
answer to what may be another question, or a "did you mean" it cannot read. Said plainly
instead: the tutor reads English. The Latin-script languages students are most likely to
write are told by their function words; any other script by its letters (Greek's are the
formulas' symbols): "GANの判別器は何を学習しますか？" kept only "GAN" as a word, and was
answered with what a GAN is.
"""

from __future__ import annotations

from service.core.textnorm import STOPWORDS, Message

# Function words of Spanish, Portuguese, French, Italian, German and Dutch, accents stripped
# as `fold` strips them. Left out: any that is also an English word or a course abbreviation
# ("die", "was", "son", "sin" and "cos", "ce" for cross-entropy, "se" blocks, "mit", "par",
# "pour", "van" der Maaten, "al" of et al., "im" for I'm, "come", "wat" for what).
FUNCTION_WORDS = frozenset("""
que cual cuales cuando donde porque por para el los las una unos unas es del entre muy tambien
pero esta este esto estos puedo funciona cuantos hace
nao uma faco meu minha em voce qual quais isso esse essa
est les des une pourquoi comment quoi quel quelle quels dans avec sans sur cest sont du au aux
ou qu je vous nous elle mais tres peut fonctionne reseau reseaux
ist der das und ein eine einen einem einer wie warum nicht fur von zwischen unterschied wann
wo sind wird werden auf den dem ich funktioniert oder auch kann welche wieso weshalb
het een hoe waarom niet voor zijn wordt precies tussen welke ik mijn werkt kun kunt jij
che cos perche della delle degli gli sono nel nella questo questa il
""".split())
# At least this many of them, and more than the English function words beside them: one
# borrowed word ("el", "der") in an English question is not another language.
MIN_FUNCTION_WORDS = 2


_ENGLISH = STOPWORDS - FUNCTION_WORDS


# Letters of the Latin script (with its accents and extensions), Greek (alpha, sigma in
# formulas), letterlike symbols (R in a blackboard face) and mathematical letters: everything
# else that is a letter is another script's
_NOT_ANOTHER_SCRIPT = ((0, 0x2B0), (0x370, 0x400), (0x1E00, 0x2000), (0x2100, 0x2150),
                       (0x1D400, 0x1D800))
# Two letters of another script side by side are a word of it, not a stray symbol
MIN_LETTERS_IN_A_ROW = 2


def in_another_language(message: Message) -> bool:
    """Whether a message is written in another script (two of its letters in a row), or holds at
    least MIN_FUNCTION_WORDS function words of another language and more of them than English
    function words."""
    return _in_another_script(message.raw) or _in_another_latin_language(message.words)


def _in_another_script(text: str) -> bool:
    if text.isascii():
        return False   # every ASCII letter is Latin: most messages end here, in C
    in_a_row = 0
    for char in text:
        if char.isalpha() and not any(low <= ord(char) < high
                                      for low, high in _NOT_ANOTHER_SCRIPT):
            in_a_row += 1
            if in_a_row >= MIN_LETTERS_IN_A_ROW:
                return True
        else:
            in_a_row = 0
    return False


def _in_another_latin_language(words: tuple[str, ...]) -> bool:
    foreign = sum(1 for word in words if word in FUNCTION_WORDS)
    if foreign < MIN_FUNCTION_WORDS:
        return False
    return foreign > sum(1 for word in words if word in _ENGLISH)

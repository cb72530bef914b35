"""Whether a question is written in another language than English.

The knowledge base is in English, and a question in Spanish or German shares only its
borrowed terms with it ("¿Qué es el teacher forcing?"): matched on those, it gets an English
answer to what may be another question, or a "did you mean" it cannot read. Said plainly
instead: the tutor reads English. Letters outside the Latin alphabet leave no words at all
(the matcher finds nothing and refuses); this reads the Latin-script languages students are
most likely to write, by their function words.
"""

from __future__ import annotations

from service.core.textnorm import STOPWORDS

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


def in_another_language(words: tuple[str, ...] | list[str]) -> bool:
    """Whether a message's folded words (`Message.words`) hold at least MIN_FUNCTION_WORDS
    function words of another language, and more of them than English function words."""
    foreign = sum(1 for word in words if word in FUNCTION_WORDS)
    if foreign < MIN_FUNCTION_WORDS:
        return False
    return foreign > sum(1 for word in words if word in _ENGLISH)

"""Questions in another language are told the tutor reads English; English ones never are."""

from pathlib import Path

import pytest

from service.core.evaluation import load_cases
from service.core.other_language import in_another_language
from service.core.textnorm import as_message

SHARED_DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev.yaml"


def foreign(text: str) -> bool:
    return in_another_language(as_message(text))


@pytest.mark.parametrize("text", [
    "¿Para qué sirve el dropout en una red neuronal?",               # Spanish
    "Quelle est la différence entre un VAE et un autoencodeur ?",     # French
    "Warum ist die Batch-Normalisierung so wichtig für tiefe Netze?",  # German
    "Hoe werkt een LSTM precies?",                                    # Dutch
    "Perché il gradiente sparisce nelle reti ricorrenti?",            # Italian
    "Qual é a diferença entre GAN e VAE? Não entendi",                # Portuguese
    "GANの判別器は何を学習しますか？",                                  # Japanese
    "什么是 dropout?",                                                # Chinese
    "Что такое batch normalization?",                                 # Russian
])
def test_questions_in_other_languages_are_recognised(text):
    assert foreign(text)


@pytest.mark.parametrize("text", [
    "what does el mean in the notation",              # one borrowed word
    "why is der Vorgang called backprop und so on",   # two, but more English around them
    "why do relu units die",                          # English words German shares
    "is the sin and cos encoding unique",
    "ce loss vs mse for a vae decoder",
    "t-sne by van der maaten, is it in the course",
    "attention is all you need, bahdanau et al",
    "why is σ(x) = 1/(1+e^-x) and what is β in a β-VAE",    # Greek letters are symbols
    "is W in ℝ^{n×n} and what does Schölkopf say about it",  # letterlike symbols, accents
])
def test_english_questions_with_foreign_looking_words_are_not(text):
    assert not foreign(text)


def test_no_question_of_the_dev_set_in_scope_is_taken_for_another_language():
    cases = [c for c in load_cases(SHARED_DEV) if c.category != "out-of-scope"]
    assert cases and not [c.question for c in cases if foreign(c.question)]

"""The matcher: ranking, confidence in 0..1, typos, synonyms; no app needed."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from service import config
from service.core import matcher as matcher_module
from service.core.matcher import Matcher


@pytest.fixture(scope="module")
def matcher(knowledge_base):
    return Matcher(knowledge_base.entries.values())


@pytest.mark.parametrize(("question", "entry_id"), [
    ("what is the receptive feild of a cnn", "receptive-field"),          # typo
    ("explain backpropogation", "backpropagation"),                       # typo
    ("Kullback-Leibler divergence, is it symmetric?", "kl-divergence"),   # long name
    ("what does a 1x1 convolution do", "one-by-one-convolution"),
    ("pointwise conv", "one-by-one-convolution"),                         # synonym
    ("LSTM forget gate", "lstm"),
    ("variational autoencoder evidence lower bound", "elbo"),             # expansions
    ("$W_h$ largest eigenvalue 1.15 in question 9", "rnn-gradient-explosion-eigenvalue"),
    ("Q12 statements about attention", "attention-true-statements"),
    ("GRADIENT PENALTY WGAN-GP", "gradient-penalty"),                     # case
])
def test_finds_the_entry_despite_the_phrasing(matcher, question, entry_id):
    assert matcher.search(question, 1)[0].entry_id == entry_id


def test_scores_are_in_unit_range_and_sorted(matcher):
    results = matcher.search("how does attention work in a transformer", 10)
    scores = [r.score for r in results]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_a_best_entry_that_also_has_the_closest_phrasing_is_more_likely_right():
    # two views of the question agreeing: the ranking's best entry and the entry whose closest
    # phrasing overlaps the question most
    # (by shared words, and by word vectors)
    def confidence(closest, embedding_closest):
        return Matcher._confidence(0.6, 0.1, 0.9, 5, 0.0, closest=closest, embedding=0.7,
                                   embedding_closest=embedding_closest)

    assert 0.0 < confidence(False, False) < confidence(True, False) < 1.0
    assert 0.0 < confidence(False, False) < confidence(False, True) < 1.0
    assert confidence(True, False) < confidence(True, True) < 1.0


def test_typos_the_knowledge_base_copies_from_students_are_still_corrected(matcher):
    # "recurent" and "waht" appear in alternates (written the way students type), which made
    # them known words: a student's "recurent" then never became "recurrent", and the synonym
    # table never made "recurrent neural network" an RNN
    assert matcher.query_tokens("waht is a recurent neural network") == \
        matcher.query_tokens("what is a recurrent neural network")
    assert matcher.search("waht is a recurent neural network", 1)[0].entry_id == "simple-rnn"


def test_a_misspelt_course_word_does_not_count_as_foreign_to_the_course(matcher):
    misspelt = matcher.search("kl divergnce in vae", 1)[0]
    spelt_right = matcher.search("kl divergence in vae", 1)[0]
    assert misspelt == spelt_right


@pytest.mark.parametrize(("typo", "word"), [("recal", "recall"), ("precison", "precision"),
                                             ("atention", "attention"), ("teh", "the"),
                                             # a short word English does not know
                                             ("trik", "trick")])
def test_typos_are_read_as_the_course_word_they_miss(matcher, typo, word):
    assert matcher._respelled[typo] == word


@pytest.mark.parametrize("word", ["halve", "dim", "bce", "players", "tying", "encoded", "slide",
                                  "stats", "tick"])
def test_words_the_course_uses_as_written_are_not_respelt(matcher, word):
    assert word not in matcher._respelled


def test_a_word_two_edits_away_with_another_first_letter_is_not_a_typo(matcher):
    # "carpooling" is not "maxpooling", though two edits apart
    assert matcher.correct_typos(["carpooling", "precisoin"]) == ["carpooling", "precision"]


@pytest.mark.parametrize(("words", "kept"), [
    (["movies"], ["movies"]),          # not "move": an English word, spelt right
    (["weather", "london"], ["weather", "london"]),
    (["skills"], ["skills"]),          # "skill" with an -s, not "kill"
])
def test_english_words_the_course_never_uses_are_not_typos(matcher, words, kept):
    assert matcher.correct_typos(words) == kept


def test_english_words_count_as_foreign_to_the_course(matcher):
    # read as "move", "movies" had made the question wholly the course's
    assert matcher.rank("padding in movies")[0].unknown == pytest.approx(0.5)


@pytest.mark.parametrize(("typo", "word"), [("ful", "full"), ("los", "loss")])
def test_a_short_word_missing_one_of_a_doubled_letter_is_the_course_word(matcher, typo, word):
    # short foreign words ("los" is Spanish) do not shield a dropped letter of a pair
    assert matcher.correct_typos([typo]) == [word]


@pytest.mark.parametrize(("typo", "word"), [("nrom", "norm"), ("sotf", "soft")])
def test_a_four_letter_word_with_two_letters_swapped_is_the_course_word(matcher, typo, word):
    # "layer nrom vs batch norm?" had kept "nrom" and was refused
    assert matcher.correct_typos([typo]) == [word]
    assert matcher.search("layer nrom vs batch norm?", 1)[0].entry_id == "layer-normalization"


@pytest.mark.parametrize("kept", ["gpa", "smi", "slat"])
def test_a_swap_is_no_typo_in_three_letters_nor_in_an_english_word(matcher, kept):
    # "gpa" is the grade average, not "gap"; "slat" is English, not "salt"
    assert matcher.correct_typos([kept]) == [kept]


def test_real_typos_are_still_corrected_beside_english_words(matcher):
    assert matcher.correct_typos(["recurent", "postion", "divergnce", "gradents"]) == [
        "recurrent", "position", "divergence", "gradients"]


# --- topics the course does not cover ---------------------------------------------------------

@pytest.fixture(scope="module")
def with_outside(knowledge_base):
    return Matcher(knowledge_base.entries.values(), knowledge_base.outside.values())


def test_a_topic_not_covered_ranks_first_for_its_own_question(with_outside):
    best = with_outside.search("how do i add padding to a div in css", 3, outside=True)[0]
    assert (best.entry_id, best.outside) == ("web-page-layout", True)


def test_topics_not_covered_are_never_searched_results(with_outside, knowledge_base):
    for question in ("what is the linux kernel", "how do i add padding to a div in css",
                     "what is padding in a cnn"):
        found = with_outside.search(question, 10)
        assert found and all(m.entry_id in knowledge_base.entries for m in found)
        assert not any(m.outside for m in found)


def test_words_of_topics_not_covered_are_not_the_courses(matcher, with_outside):
    # "linux" and "ubuntu" find the topic, but stay foreign to the course and are not spellings
    best = with_outside.rank("ubuntu linux")[0]
    assert with_outside.entries[best.index].id == "operating-system-kernel"
    assert (best.known, best.unknown) == (0.0, 1.0)
    assert matcher.rank("ubuntu linux") == []
    assert with_outside.correct_typos(["ubuntux"]) == ["ubuntux"]


def test_a_topics_own_words_are_not_read_as_typos_of_the_courses(with_outside):
    # "optimus" had become "optimum", so the Transformers films ranked nowhere
    best = with_outside.search("who is optimus prime", 1, outside=True)[0]
    assert (best.entry_id, best.outside) == ("transformers-franchise", True)


def test_q_learning_is_reinforcement_learning_not_the_courses_learning(with_outside):
    for question in ("q-learning update rule", "what is Q learning"):
        best = with_outside.search(question, 1, outside=True)[0]
        assert (best.entry_id, best.outside) == ("reinforcement-learning", True), question


def test_a_word_the_course_only_mentions_in_passing_can_be_a_topics_own(with_outside):
    # RLHF is named in an explanation of the course, never asked about in its questions
    best = with_outside.search("what is rlhf in chatgpt", 1, outside=True)[0]
    assert (best.entry_id, best.outside) == ("large-language-model-tooling", True)


def test_two_course_words_the_course_never_puts_together_can_name_a_topic(with_outside):
    # "architecture" and "search" are both the course's words, "architecture search" is not:
    # the question was answered with cnn-overview (confidence 0.96)
    question = "how does neural architecture search find good CNN architectures?"
    assert "architectur_search" in with_outside.query_tokens(question)
    found = with_outside.search(question, 2, outside=True)
    assert ("architecture-search", True) in [(m.entry_id, m.outside) for m in found]
    assert found[0].score < 0.5


@pytest.mark.parametrize(("question", "topic"), [
    # the course's words around the topic's own one won: accuracy-vs-precision, receptive-field
    ("what's the difference between accuracy and precision in my physics lab measurements?",
     "measurement-precision"),
    ("what do receptive fields of retinal ganglion cells look like in neuroscience?",
     "neuroscience"),
    ("css position relative vs absolute what is the difference", "web-page-layout"),
    # a term named with a letter is one word: "p-value" was "value", of queries, keys and values
    ("what is a p-value", "statistics-and-hypothesis-tests"),
    ("when do i use a two sample t-test vs a paired t-test", "statistics-and-hypothesis-tests"),
])
def test_a_topic_named_by_a_word_of_its_own_ranks_before_the_courses_words(
        with_outside, question, topic):
    best = with_outside.search(question, 1, outside=True)[0]
    assert (best.entry_id, best.outside) == (topic, True)


@pytest.mark.parametrize(("question", "entry_id"), [
    # a word of a topic not covered that is only the question's setting
    ("How would I fine-tune BERT to classify movie reviews as positive or negative?", "bert"),
    ("my GAN super-resolution project: D loss hits 0 immediately, G loss oscillates wildly. "
     "any tricks? heard of TTUR and label smoothing", "gan-training-instability"),
])
def test_a_topics_word_that_is_only_the_setting_leaves_the_entry_first(
        with_outside, question, entry_id):
    best = with_outside.search(question, 1, outside=True)[0]
    assert (best.entry_id, best.outside) == (entry_id, False)


def test_words_apart_are_no_pair_and_the_courses_own_pairs_are_none(with_outside):
    # "memory and attention": a word between; "stable diffusion" is asked in a course entry
    assert not any("_" in t for t in with_outside.query_tokens(
        "how do the time and memory of attention scale with the number of tokens"))
    assert not any("_" in t for t in with_outside.query_tokens(
        "how does the text prompt condition the image in stable diffusion"))


def test_most_phrasings_of_topics_not_covered_find_their_topic(with_outside, knowledge_base):
    phrasings = [(topic.id, p) for topic in knowledge_base.outside.values()
                 for p in topic.phrasings]
    found = sum(1 for topic, p in phrasings
                if [m.entry_id for m in with_outside.search(p, 1, outside=True)] == [topic])
    # 80% when topics lost every word the course's explanations use; 87% now
    assert found / len(phrasings) >= 0.85


def test_an_entrys_own_question_is_never_a_topic_not_covered(with_outside, knowledge_base):
    for entry in knowledge_base.entries.values():
        assert not with_outside.search(entry.question, 1, outside=True)[0].outside, entry.id


def test_the_best_match_is_ranked_first_not_the_first_good_enough(matcher):
    # both entries are about pooling; the one about max pooling's reasons must win on its words
    assert matcher.search("two reasons to use max pooling", 2)[0].entry_id == \
        "max-pooling-reasons"


@pytest.mark.parametrize("question", [
    "", "   ", "?!?", "the and of", "a b c",
])
def test_questions_without_content_words_find_nothing(matcher, question):
    assert matcher.search(question) == []


@pytest.mark.parametrize("question", [
    "recipe for banana bread", "who won the football yesterday", "zzzzzz qqqq",
    "swimming pool opening hours", "css padding and margin", "kernel panic on boot",
    "electrical transformer hum", "my attention span is short",
])
def test_off_topic_questions_score_low(matcher, question):
    results = matcher.search(question, 1)  # below "did you mean": the tutor falls back
    assert not results or results[0].score < config.SUGGEST_THRESHOLD


def test_words_foreign_to_the_course_lower_the_confidence(matcher):
    exact = matcher.search("What does the stride of a convolution do?", 1)[0]
    noisy = matcher.search("What does the stride of a convolution do, asked my flatmate "
                           "over pizza toppings", 1)[0]
    assert exact.entry_id == noisy.entry_id == "stride"
    assert exact.score > noisy.score


def test_limit_is_respected(matcher):
    assert len(matcher.search("gradient", 2)) == 2


def test_an_empty_knowledge_base_matches_nothing():
    assert Matcher([]).search("anything") == []


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_similarities_equal_rapidfuzz_over_every_phrasing(matcher, data):
    # _similarities runs token_set_ratio only on phrasings sharing a word with the question;
    # the result must be what rapidfuzz gives over all of an entry's phrasings
    vocabulary = sorted(matcher.idf)
    tokens = data.draw(st.lists(st.sampled_from(vocabulary) | st.text("abcxyz", min_size=2,
                                                                         max_size=6),
                                min_size=1, max_size=8, unique=True))
    index = data.draw(st.integers(0, len(matcher.entries) - 1))
    query, sorted_query = " ".join(tokens), " ".join(sorted(tokens))
    weights = {t: matcher.idf.get(t, matcher.unknown_idf) for t in tokens}
    shared = matcher._shared_weights(tokens, weights)
    sorted_ratios, set_similarity = matcher._similarities(index, query, sorted_query, shared)
    expected_set = max(fuzz.token_set_ratio(query, p) for p in matcher.phrasings[index])
    expected_sorted = [fuzz.ratio(sorted_query, p) for p in matcher._sorted_phrasings[index]]
    assert set_similarity == pytest.approx(expected_set, abs=1e-9)
    assert list(sorted_ratios) == pytest.approx(expected_sorted, abs=1e-9)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_closest_overlap_is_the_best_dice_over_each_candidates_phrasings(matcher, data,
                                                                       monkeypatch):
    # the reference, written out per candidate: 2 * IDF mass shared / (the question's mass +
    # the phrasing's), the best of the entry's phrasings; candidates in any order, repeated
    vocabulary = sorted(matcher.idf)
    tokens = data.draw(st.lists(st.sampled_from(vocabulary) | st.just("zzunknownzz"),
                                min_size=1, max_size=8, unique=True))
    candidates = data.draw(st.lists(st.integers(0, len(matcher.entries) - 1),
                                    min_size=1, max_size=30))
    weights = {t: matcher.idf.get(t, matcher.unknown_idf) for t in tokens}
    total = sum(weights.values())
    shared = matcher._shared_weights(tokens, weights)
    expected = []
    for index in candidates:
        best = 0.0
        for phrasing in matcher.phrasings[index]:
            own = set(phrasing.split())
            mass = sum(matcher.idf[t] for t in phrasing.split())
            common = sum(w for t, w in weights.items() if t in own)
            best = max(best, 2 * common / (total + mass))
        expected.append(best)
    # both ways of reading it: every phrasing in one pass, or the candidates' picked out
    for gather_above in (matcher_module.GATHER_ABOVE, 0):
        monkeypatch.setattr(matcher_module, "GATHER_ABOVE", gather_above)
        got = matcher._closest_overlap(shared, total, np.array(candidates, dtype=np.int64))
        assert list(got) == pytest.approx(expected, rel=1e-9, abs=1e-12)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_entry_posterior_is_naive_bayes_over_the_phrasings(matcher, data):
    # the reference, written out: P(word | entry) = (phrasings of the entry using the word +
    # a) / (the entry's phrasing words + a * the course's vocabulary), a uniform prior
    vocabulary = sorted(matcher.postings)
    tokens = data.draw(st.lists(st.sampled_from(vocabulary) | st.just("zzunknownzz"),
                                min_size=1, max_size=6))
    smoothing, size = matcher_module.BAYES_SMOOTHING, len(vocabulary)
    log_scores = []
    for where in matcher._token_phrasings:
        words = sum(len(numbers) for numbers in where.values())
        log_scores.append(sum(
            math.log((len(where.get(t, ())) + smoothing) / (words + smoothing * size))
            for t in tokens if t in matcher.postings))
    best = max(log_scores)
    expected = [math.exp(s - best) for s in log_scores]
    expected = [p / sum(expected) for p in expected]
    assert list(matcher._entry_posterior(tokens)) == pytest.approx(expected, rel=1e-9,
                                                                   abs=1e-12)


def test_the_posterior_prefers_the_entry_whose_phrasings_use_the_words(matcher):
    posterior = matcher._entry_posterior(["teacher", "forc"])
    best = max(range(len(matcher.entries)), key=lambda n: posterior[n])
    assert matcher.entries[best].id == "teacher-forcing"
    assert posterior.sum() == pytest.approx(1.0)


def test_the_embedding_signal_is_the_cosine_with_the_closest_phrasing(matcher):
    from service.core.embedding import load_embedder
    from service.core.textnorm import words

    question = "why only backpropagate through the last few steps of a long sequence"
    embedder = load_embedder()
    query = embedder.embed([" ".join(words(question))])[0]
    for candidate in matcher.rank(question):
        entry = matcher.entries[candidate.index]
        texts = [entry.id.replace("-", " "), entry.question, *entry.alternates,
                 *entry.keywords, *(entry.choices or ())]
        closest = max(float(v @ query) for v in embedder.embed(
            [" ".join(words(t)) for t in texts]))
        assert candidate.signals[matcher_module.EMBEDDING] == pytest.approx(
            max(closest, 0.0), abs=2e-3)  # the phrasings' vectors are kept in half precision


def test_word_vectors_tell_a_paraphrase_from_its_neighbour(matcher):
    signal = {matcher.entries[c.index].id: c.signals[matcher_module.EMBEDDING]
              for c in matcher.rank("why only backpropagate through the last few steps of a "
                                    "long sequence")}
    assert signal["truncated-bptt"] > signal["bptt"]


@pytest.mark.parametrize(("question", "entry_id", "names"), [
    ("fastText subword n-gram embeddings: how do they build a vector for an unseen word?",
     "word-embeddings", ["fastText"]),
    ("FactorVAE penalises total correlation with a discriminator - how?", "beta-vae",
     ["FactorVAE"]),
    ("how is xLSTM's exponential gating different from the classic lstm", "lstm", ["xLSTM"]),
    # an acronym the course does not know; not one of chat
    ("finite scalar quantization vs VQ: why doesn't FSQ need commitment losses?", "vq-vae",
     ["FSQ"]),
    ("WTF is the reparameterization trick", "reparameterization-trick", []),
    # a heading whose course term carries a word the course does not use
    ("Diverse beam search: how do the group penalties work?", "beam-search",
     ["Diverse beam search"]),
    # the setting, not the subject: after a preposition, or in an earlier sentence
    ("my vae samples on CelebA are all blurry, why?", "vae-blurry-samples", []),
    ("StyleGAN papers report FID. What does FID measure?", "gan-evaluation", []),
    # the course's own: course words it puts side by side, plurals, code, sizes in letters,
    # a name the entry mentions, a heading the course's words make up
    ("should the generator use ReLU or LeakyReLU?", "dcgan", []),
    ("why are CNNs a good fit for images compared to plain MLPs?", "cnn-overview", []),
    ("there's an nn.AdaptiveAvgPool2d((1,1)) before the fc layer, what is it doing?",
     "global-average-pooling", []),
    ("MxN image, m x n filter, stride 2: what size comes out?", "conv-output-size-stride2", []),
    # (an acronym of sizes: "HxWxC" was a name, and the exam question was refused)
    ("time complexity of self-attention over overlapping stride-1 patches of an HxWxC image?",
     "image-patch-attention-complexity", []),
    ("Glow / RealNVP style flows: why invertible layers?", "normalizing-flows", []),
    ("how does ELMo combine the forward and backward LSTM language models", "bidirectional-rnn",
     []),
    ("dcgan guidelines: why no pooling layers?", "dcgan", []),
    ("recurent networks: why do gradients vanish?", "vanishing-exploding-gradients", []),
])
def test_unknown_names_are_what_a_question_is_about_that_its_entry_does_not_cover(
        matcher, question, entry_id, names):
    assert matcher.unknown_names(question, entry_id) == names


def test_foreign_terms_are_names_neither_the_course_nor_english_knows(matcher):
    assert matcher.foreign_terms("how does YaRN scaling extend the rope context of llama") == [
        "yarn"]
    # course words, English words, typos of course words and short words are none
    assert matcher.foreign_terms("waht is the reparameterisaton trick for a vae") == []
    assert matcher.foreign_terms("why does the weather affect my dropout rate") == []
    # English words the embedder's vocabulary leaves out, by their endings ("squeezing" was
    # "I don't know squeezing" for a question about seq2seq); a technical word still is one
    assert matcher.foreign_terms("the weakness of squeezing the source into one fixed vector, "
                                 "wobbly and stiffness") == []
    assert matcher.foreign_terms("an admissible heuristic") == ["admissible"]


@pytest.mark.parametrize(("question", "narrower", "broader"), [
    ("How do relative position encodings differ from absolute sinusoidal ones?",
     "relative-positional-encoding", "positional-encoding"),
    ("my Transformer with absolute position embeddings falls over on sequences longer than it "
     "saw in training. would relative positions help?",
     "relative-positional-encoding", "positional-encoding"),
])
def test_an_entry_whose_whole_id_is_named_beats_the_entry_its_id_holds(matcher, question,
                                                                        narrower, broader):
    ranked = matcher.search(question, 2)
    assert [m.entry_id for m in ranked] == [narrower, broader]
    assert ranked[0].score >= ranked[1].score   # the narrower one takes the first's confidence


@pytest.mark.parametrize(("question", "broader", "narrower"), [
    # the words that make attention-in-seq2seq narrower are never asked
    ("encoder decoder rnn for machine translation, how does it work", "seq2seq",
     "attention-in-seq2seq"),
    # ... and here they are: the narrower entry stays first
    ("how does attention fix the bottleneck of an encoder decoder rnn", "attention-in-seq2seq",
     "seq2seq"),
])
def test_an_entry_whose_extra_id_words_are_not_asked_goes_after_the_one_its_id_holds(
        matcher, question, broader, narrower):
    assert [m.entry_id for m in matcher.search(question, 2)] == [broader, narrower]


def test_a_gans_players_named_by_their_letters_are_the_generator_and_the_discriminator(matcher):
    # "optimal D" had lost its discriminator, and the general conditional-gan came first
    assert matcher.query_tokens("conditional gan optimal D") == \
        matcher.query_tokens("conditional gan optimal discriminator")
    assert matcher.search("conditional gan optimal D", 1)[0].entry_id == \
        "conditional-gan-discriminator"


@pytest.mark.parametrize(("question", "entry_id"), [
    ("what are sinusoidal positional encodings", "positional-encoding"),
    ("how does the transformer know the position of each token", "positional-encoding"),
    ("explain truncated bptt", "truncated-bptt"),
    ("explain bptt", "bptt"),
])
def test_an_entry_whose_id_is_not_named_whole_is_not_put_first(matcher, question, entry_id):
    assert matcher.search(question, 1)[0].entry_id == entry_id


@pytest.mark.parametrize("question", ["what is softplus", "whats softplus"])
def test_an_exam_item_is_not_the_answer_to_what_a_term_its_options_name_is(matcher, question):
    # the remedies item lists softplus as an option, and had been answered first
    assert matcher.search(question, 1)[0].entry_id == "activation-functions"


@pytest.mark.parametrize(("question", "entry_id"), [
    ("which fixes help exploding gradents", "rnn-gradient-remedies"),
    ("which statements about attention are true", "attention-true-statements"),
])
def test_an_exam_item_asked_the_exams_way_is_still_the_answer(matcher, question, entry_id):
    assert matcher.search(question, 1)[0].entry_id == entry_id

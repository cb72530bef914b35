"""Messages that ask for no calculation: chat, concepts, symbols, question numbers, ideas."""

import pytest

from service.core.calcparse import parse_calculation

NOT_CALCULATIONS = [
    # greetings and other chat
    "hi", "hello there", "thanks!",
    # the numbers set the scene of a question about the idea, asked after them
    "my 3x3x64 filter has 576 weights but only 1 bias - why only one bias per filter and not "
    "one per pixel?",
    "is a stride-2 3x3 conv that halves my 128x128 map basically the same thing as a conv "
    "followed by 2x2 pooling? what are the pros and cons?",
    "if I have 196 patch tokens, why do I still need positional encodings? isn't the order "
    "obvious?",
    "What does a 1x1 convolution actually do when it maps 256 channels to 64? it has no spatial "
    "extent so what is the point",
    # concepts with no numbers
    "what is a convolution",
    "why does max pooling help with translation invariance",
    "how does stride affect the output size of a convolution",
    "what is the formula for the output size of a conv layer",
    "explain padding",
    "how many parameters does a vae have",
    "how many parameters does a linear layer have",
    "do gradients explode in an rnn",
    "what is the kl term in the elbo",
    # symbols instead of numbers
    "M x N image, m x n filter, stride 2: what is the output size?",
    "an H x W input with a k x k kernel and stride s, output size?",
    "an image of size n x n convolved with a k x k kernel, stride 1, output size?",
    "attention cost of an H x W x C image with h x w patches",
    "is the output size (n - k + 2p)/s + 1 for a conv?",
    "why is the output size floor((W - F + 2P)/S) + 1",
    # question numbers and proposed answers
    "q2: the output size of the conv, is the answer 289?",
    "for question 3, the conv output size is 26 right?",
    "in q5 is the kernel size important?",
    "the output size is 26 right?",
    "the answer is 26, i got 26 for the output size of the conv",
    # numbers that are no calculator's
    "dropout 0.5", "dropout p=0.5", "what is 17 times 23",
    "learning rate 0.001 and batch size 64",
    "my conv net gets 95% accuracy, is that good?",
    "I trained for 10 epochs with a 3x3 kernel",
    "in a 2 layer cnn, what's the output size?",
    # questions about an idea that happen to hold a number
    "is 2 a good stride", "why do we use 3x3 kernels",
    "why does a stride of 2 halve the output size",
    "why do 1x1 convs reduce channels from 256 to 64",
    "does padding 1 keep the size with a 3x3 kernel?",
    "do 1x1 convolutions have parameters?",
    "what is the receptive field of two stacked 3x3 convs",
    # ... or the receptive field by what it is (had been a 3x3 conv on a 3x3 input)
    "after three stacked 3x3 convs, how many input pixels can one output unit 'see'?",
    # a why without numbers, then the numbers of a guess at the reason (had been worked out)
    "why does ConvTranspose2d even need output_padding? is it because with stride 2 both a "
    "13x13 and a 14x14 input map to 7x7?",
    # amounts of time, money, storage: not sizes
    "my JWT access token keeps expiring after 5 minutes",
    "how many tokens can i buy for 20 dollars",
    "the attention span of a student is about 15 minutes",
    "my gpu has 8 gb, how many tokens fit",
    "a/b test sample size for a landing page with 3% conversion",
    # a matrix with no word of recurrence, gradients or metrics is no weight matrix
    "is [[1,2],[2,4]] invertible", "determinant of [[2, 1], [1, 3]]?",
    # asking how to do something, code and sizes pasted in: advice, not a size
    "x = Conv2D(256, 3)(x) x = Flatten()(x) out = Dense(10)(x) this only works for 224x224 "
    "inputs, feeding 320x320 crashes. how do i make it accept any size",
    "my 3x3 conv with stride 2 on 64x64 images loses the edges, how can i fix that?",
    "my project needs 20k token documents and attention is way too slow, what are my options",
    "attention over 16k tokens runs out of memory, any alternatives?",
    # a number in a model's or a version's name
    "mixtral 8x7b how many parameters are active per token",
    "llama 70b attention cost per token",
    "how much does fine tuning gpt-4o via the openai api cost per token",
    "resnet-50 output size",
    # sizes compared in a why-question, none named as an input
    "why do people use 3x3 kernels everywhere instead of 7x7 ones? VGG from 2014 only uses 3x3",
    # a number beside a unit that is not a sequence's length
    "how do neural attention alignments compare to IBM Model 1 word alignment from statistical MT?",
]


@pytest.mark.parametrize("message", NOT_CALCULATIONS)
def test_messages_that_ask_for_no_calculation_give_none(message):
    assert parse_calculation(message) is None


@pytest.mark.parametrize("message", [
    "what does self-attention cost when the patches overlap with stride 1?",
    "for question 1, what size comes out with stride 2 and zero padding?",
    "how wide is a 3x3 kernel dilated at rate 2?",
    "what is the output size formula for an odd image, an odd filter, stride 2 and padding (m-1)/2",
    "output size of an M x N image with an m x n filter and stride 2",
    "is the output floor(M/2)+1 for stride 2",
    "what comes out of a conv with stride 2 and same padding",
    # what a setting is for, or how two layers differ, with their numbers as the example
    "What is the point of using dilation 2 on a 3x3 kernel instead of just using a 5x5 kernel?",
    "A stride-2 conv takes 64x64 to 32x32 just like a 2x2 max pool. What is the difference "
    "between the two conceptually?",
])
def test_a_conceptual_question_is_not_read_as_a_calculation(message):
    assert parse_calculation(message) is None



def test_scores_asked_for_are_no_f_score():
    # "number of scores" once read as an F-score, and three numbers as a confusion matrix
    request = parse_calculation("one attention head, 512 tokens, head dim 64: number of scores "
                                "and macs for q k^T?")
    assert request.calculator == "sequence_attention"
    assert request.args == {"tokens": 512, "dim": 64}


def test_a_recurrent_networks_hidden_layers_are_no_fully_connected_ones():
    request = parse_calculation("an LSTM with 2 hidden layers of 128 units and 50 inputs: "
                                "params?")
    assert request.args == {"layer": "lstm", "input_size": 50, "hidden_size": 128, "layers": 2}


@pytest.mark.parametrize("message", [
    # "one" the only number word: a pronoun, never a value (a 1 -> 1 linear layer had been
    # counted)
    "what actually is a neuron in an MLP, just weights times inputs plus a bias? and why stack "
    "several layers instead of one huge one?",
    "in the question about one 3x3 conv filter on the 256x256x32 image, is the bias one per "
    "filter or one per input channel?",
    "I wrote Conv2d(3, 64, 3) and got 64 output maps. what decides the depth of the output, and "
    "what does each of those 64 things detect?",
])
def test_questions_about_the_idea_around_numbers_are_no_calculation(message):
    assert parse_calculation(message) is None

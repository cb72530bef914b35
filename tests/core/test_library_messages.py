"""A library's message pasted into a question is found by its name, and the student's own
words after it are what they ask (`library_messages`)."""

import pytest

from service.core.library_messages import asking_part, library_message


@pytest.mark.parametrize(("text", "name"), [
    ("RuntimeError: Expected all tensors to be on the same device. how do i fix it",
     "RuntimeError"),
    ("sklearn prints ConvergenceWarning: lbfgs failed to converge, should I care?",
     "ConvergenceWarning"),
    ("Traceback (most recent call last):\n  File \"train.py\", line 3\nwhat now?", "Traceback"),
    ("WARNING:tensorflow:5 out of the last 5 calls triggered retracing. why?", "WARNING"),
    ("RuntimeError: CUDA error: device-side assert triggered", "RuntimeError"),
    ("cuDNN error: CUDNN_STATUS_NOT_INITIALIZED on the first conv", "cuDNN"),
    # a quoted message a library or a piece of code is said to print
    ("PyTorch warns 'Detected call of lr_scheduler.step() before optimizer.step()'. Is that a "
     "problem?", "PyTorch"),
    ("nn.Embedding gives 'IndexError: index out of range in self', what am I doing wrong?",
     "nn.Embedding"),
    ("Keras EarlyStopping says 'Early stopping conditioned on metric val_loss which is not "
     "available' - how do I fix it?", "Keras"),
    ("The classifier says 'cat' for 120 images, 90 of which are cats. precision?", None),
    ("everyone says 'attention is all you need' but what is attention?", None),
    # a library's default asked for, by the code that has it
    ("what is the default initialisation of nn.Linear in pytorch", "nn.Linear"),
    ("what does batch_first=True do in nn.LSTM and what's the default?", "batch_first"),
    ("F.dropout(x, p=0.3): what's the `training` arg default?", "F.dropout"),
    ("I noticed pytorch uses some kaiming init by default, does the init matter?", None),
    ("what is the default stride of max pooling?", None),
    # a failure of a piece of code told in words, an argument of a library by its name
    ("in pytorch nn.Conv2d padding='same' throws an error when stride=2, why", "nn.Conv2d"),
    ("keras EarlyStopping restore_best_weights, what does that argument actually do",
     "restore_best_weights"),
    ("I see `bidirectional=True` in the nn.LSTM docs, what does that flag do?", None),
    ("why is the orthonormal W_h option not counted, and what does the d_k flag mean?", None),
    ("nn.MSELoss on one-hot labels: why is cross-entropy better than mean squared error?", None),
    # no message of a library: the words alone, a symptom, a class named like one
    ("why does my GAN raise an error when the discriminator wins?", None),
    ("CUDA out of memory at batch size 256: what does a smaller batch change?", None),
    ("what is the Error of a model vs its loss?", None),
    ("what is a GAN?", None),
])
def test_a_library_message_is_found_by_the_name_it_is_printed_with(text, name):
    assert library_message(text) == name


@pytest.mark.parametrize(("text", "ask"), [
    ("RuntimeError: Trying to backward through the graph a second time (or directly access "
     "saved tensors). Specify retain_graph=True -- is retain_graph=True the right fix?",
     "is retain_graph=True the right fix?"),
    ("How do I fix 'RuntimeError: Trying to backward through the graph' in my GAN loop?",
     "How do I fix in my GAN loop?"),
    ("ValueError: Shapes (None, 1) and (None, 10) are incompatible\nhow to fix", "how to fix"),
])
def test_the_students_own_words_are_the_last_sentence_without_what_it_quotes(text, ask):
    assert asking_part(text) == ask

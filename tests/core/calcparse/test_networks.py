"""A model pasted as code is read call by call (`networks`) and walked whole."""

import pytest

from service.core.calcparse import fill
from service.core.calcparse.networks import read_network, restates_a_layer
from tests.core.calcparse.helpers import parsed, run

TORCH_SEQUENTIAL = """```
net = nn.Sequential(
    nn.Conv2d(3, 32, 3, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(64 * 8 * 8, 10),
)
```
with 32x32 inputs, what's HxW before flatten and the number of learnable parameters?"""

KERAS_SEQUENTIAL = """```
model = keras.Sequential([
    keras.Input((64, 64, 3)),
    layers.Conv2D(16, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, padding="same", activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(5, activation="softmax"),
])
```
total params?"""

TORCH_CLASS = """```python
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(???, 10)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):          # x: (N, 1, 28, 28)
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        return self.fc(x.flatten(1))
```
what goes in ??? and how many params in total?"""


def test_pytorch_code_is_walked_from_the_size_said_in_words():
    request = parsed(TORCH_SEQUENTIAL)
    assert request.calculator == "network" and request.args["input"] == [3, 32, 32]
    result = run(request)
    # 3*3*3*32 + 2*32 + 3*3*32*64 + 2*64 + 4096*10 + 10 (no conv bias)
    assert result["total"] == 864 + 64 + 18432 + 128 + 40970
    assert result["flattened"] == 4096
    assert "$64 \\times 8 \\times 8$" in "\n".join(result["steps"])


def test_keras_code_takes_its_input_from_keras_input_and_puts_channels_last():
    result = run(parsed(KERAS_SEQUENTIAL))
    assert result["total"] == (3 * 3 * 3 * 16 + 16) + (3 * 3 * 16 * 32 + 32) + (32 * 5 + 5)
    assert result["layers"][0]["output"] == "$64 \\times 64 \\times 16$"


def test_a_class_is_walked_in_the_order_its_forward_calls_its_layers():
    request = parsed(TORCH_CLASS)
    kinds = [layer["kind"] for layer in request.args["layers"]]
    assert kinds == ["conv", "pool", "conv", "pool", "linear"]
    assert request.args["input"] == [1, 28, 28]   # from the comment on forward's x
    result = run(request)
    assert result["flattened"] == 16 * 4 * 4
    assert result["total"] == 156 + 2416 + 2570


def test_without_a_size_the_input_is_asked_for_and_a_size_given_completes_it():
    request = parsed("nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU(), nn.Flatten(), "
                     "nn.Linear(?, 10)) what's the flatten size?")
    assert request.missing == ["input"]
    filled = fill(request, "28x28")
    assert filled.complete and filled.args["input"] == [1, 28, 28]
    assert run(filled)["flattened"] == 8 * 26 * 26


def test_adaptive_pooling_settles_the_flatten_without_an_input_size():
    result = run(parsed("nn.Sequential(nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), "
                        "nn.AdaptiveAvgPool2d((2, 2)), nn.Flatten(), nn.Linear(?, 10)) "
                        "what's ? and total parameters"))
    assert (result["flattened"], result["total"]) == (128, 896 + 1290)


def test_a_reshape_said_between_calls_is_a_layer():
    result = run(parsed("nn.Linear(100, 128*7*7) → reshape to 128x7x7 → nn.BatchNorm2d(128) → "
                        "nn.Conv2d(128, 1, 3, padding=1) total learnable params?"))
    assert result["total"] == (100 * 6272 + 6272) + 256 + (9 * 128 + 1)


def test_the_shorthand_k_s_p_and_a_bare_flatten_are_read():
    result = run(parsed("input (3, 96, 96)\nConv2d(3, 32, k=3, s=1, p=0) -> [32, ?, ?]\n"
                        "MaxPool2d(2) -> [32, ?, ?]\nFlatten -> [?]\n"))
    assert result["flattened"] == 32 * 47 * 47


def test_an_lstm_model_is_counted_layer_by_layer():
    result = run(parsed("self.embed = nn.Embedding(5000, 100)\n"
                        "self.lstm = nn.LSTM(100, 128, num_layers=2, batch_first=True)\n"
                        "self.out = nn.Linear(128, 5)\nparams in the whole model?"))
    assert result["total"] == 500000 + 249856 + 645


@pytest.mark.parametrize("message", [
    # a layer the walk does not know: nothing is counted from part of the model
    "nn.Sequential(nn.ConvTranspose2d(64, 32, 4, 2, 1), nn.Conv2d(32, 3, 3)) total params?",
    # layers built from variables in a loop
    "for cin, cout in pairs: layers += [nn.Conv2d(cin, cout, 3), nn.MaxPool2d(2)] params?",
    # one layer is the one-layer readers'
    "params of nn.Conv2d(3, 64, 3)?",
    # a layer asked about that the message does not give
    "layers 1 and 2 are Conv2d(3, 16, 5) and MaxPool2d(2), input 3x64x64. size after layer 3?",
    # no number asked
    "nn.Conv2d(3, 16, 3) and nn.Conv2d(16, 32, 3) are my layers",
])
def test_what_is_not_a_whole_model_is_left_to_the_other_readers(message):
    assert read_network(message) is None


def test_parts_that_restate_a_layer_ask_about_their_own_layers():
    assert restates_a_layer("(a) params of nn.LSTM(300, 150)? (b) the full model is "
                            "nn.Embedding(12000, 300) -> nn.LSTM(300, 150) -> nn.Linear(150, 3)")
    assert not restates_a_layer("nn.Conv2d(3, 16, 3), nn.ReLU(), nn.Conv2d(16, 32, 3), nn.ReLU()")

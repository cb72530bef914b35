"""Layers in turn, read from a message that names several: each layer's settings, the input
from the whole message (`read_stack`, through `parse_calculation`)."""

import pytest

from service.calculators import conv_stack
from service.core.calcparse import parse_calculation
from tests.core.calcparse.helpers import parsed

CONV_3_S2_P1 = {"kernel": 3, "stride": 2, "padding": 1}


@pytest.mark.parametrize(("message", "size", "layers"), [
    ("k7 s2 p3 -> k3 s2 p1 -> k3 s2 p1 starting from 512x512, what's the final res", 512,
     [{"kernel": 7, "stride": 2, "padding": 3}, CONV_3_S2_P1, CONV_3_S2_P1]),
    ("ResNet stem: 7x7/2 conv pad 3 then 3x3/2 maxpool pad 1 on 224. size after each?", 224,
     [{"kernel": 7, "stride": 2, "padding": 3}, {**CONV_3_S2_P1, "operation": "pool"}]),
    ("two conv3x3 (valid) layers then a 2x2 maxpool on 64x64, final size?", 64,
     [{"kernel": 3}] * 2 + [{"kernel": 2, "operation": "pool"}]),   # valid: no padding
    ("model = nn.Sequential(\n  nn.Conv2d(3, 32, 3, stride=2, padding=1),\n  nn.ReLU(),\n"
     "  nn.MaxPool2d(2),\n)\nfeeding torch.randn(1, 3, 96, 96), what size comes out?", 96,
     [CONV_3_S2_P1, {"kernel": 2, "operation": "pool"}]),
    ("Sequential([\n  Conv2D(32, 3, padding='same', input_shape=(32, 32, 3)),\n"
     "  MaxPooling2D(2),\n])\noutput shape?", 32,
     [{"kernel": 3, "padding": "same"}, {"kernel": 2, "operation": "pool", "padding": "valid"}]),
])
def test_layers_named_in_turn_are_read_in_turn(message, size, layers):
    request = parsed(message)
    assert (request.calculator, request.args, request.missing) == \
        ("stack", {"input": size, "layers": layers}, [])


@pytest.mark.parametrize(("message", "size", "layers"), [
    # a layer's word before its kernel, a glued pool, "twice", the size asked with "final?"
    ("56x56 input, maxpool 3x3 stride 2 (no pad), then conv 3x3 pad 1, then avgpool 3x3 "
     "stride 2. final?", 56,
     [{"kernel": 3, "stride": 2, "padding": 0, "operation": "pool"},
      {"kernel": 3, "padding": 1}, {"kernel": 3, "stride": 2, "operation": "pool"}]),
    ("2x (conv3x3 s1 p0) -> maxpool2, input 48x48. output?", 48,
     [{"kernel": 3, "stride": 1, "padding": 0}] * 2 + [{"kernel": 2, "operation": "pool"}]),
    ("64x48 image (H x W), a 5x5 conv with no padding then avg pool 2x2 twice. final size?",
     [64, 48], [{"kernel": 5, "padding": 0}] + [{"kernel": 2, "operation": "pool"}] * 2),
    # one layer "twice" is a stack of two (this raised AttributeError: a 500 in chat)
    ("a 3x3 conv twice on a 32x32 input, output size?", 32, [{"kernel": 3}] * 2),
    ("avg pool 2x2 twice on 64x64, final size?", 64, [{"kernel": 2, "operation": "pool"}] * 2),
    # "three times in a row": so many layers, and the 3 of it is no input
    ("I apply a 3x3 conv (stride 1, no padding) three times in a row to a 32x32 image. what is "
     "the final size?", 32, [{"kernel": 3, "stride": 1, "padding": 0}] * 3),
    ("i do 3x3 max pooling with stride 3 three times starting from 81x81. final size?", 81,
     [{"kernel": 3, "stride": 3, "operation": "pool"}] * 3),
    # a terse kernel inside a layer's brackets is that layer's, no layer of its own
    ("32x32x3 input -> conv(3->16, k=3, p=1) -> maxpool 2 -> conv(16->32, k=3, p=1) -> maxpool 2"
     " -> output size?", 32, [{"kernel": 3, "padding": 1}, {"kernel": 2, "operation": "pool"}] * 2),
    # "two consecutive convolutions, each with ...": the count before the layer's word
    ("Two consecutive convolutions, each with kernel 3, stride 2 and padding 1, are applied to a "
     "224x224 image. What is the spatial size after the second one?", 224,
     [{"kernel": 3, "stride": 2, "padding": 1}] * 2),
    # "two transposed convs" is a layer's word with its count (the "2 transposed" was read as
    # a 2 x 2 transposed layer of the encoder's)
    ("An autoencoder takes 32x32 images. Encoder: two convs with kernel 4, stride 2, padding 1. "
     "Decoder: two transposed convs with kernel 4, stride 2, padding 1. Size of the "
     "reconstruction?", 32, [{"kernel": 4, "stride": 2, "padding": 1}] * 2 +
     [{"kernel": 4, "stride": 2, "padding": 1, "operation": "transposed"}] * 2),
    # a setting listed once per layer
    ("We stack three 3x3 convolutions with dilation 1, 2 and 4 (in that order), stride 1 and no "
     "padding, on a 64x64 input. What is the final output size?", 64,
     [{"kernel": 3, "stride": 1, "padding": 0, "dilation": d} for d in (1, 2, 4)]),
    # a latent reshaped channels first: 1 x 1, not 100 x 1 (nor the 100 of "100-dim")
    ("DCGAN generator: the 100-dim noise is reshaped to 100x1x1. Then ConvTranspose2d(100, 512, "
     "4, 1, 0), ConvTranspose2d(512, 256, 4, 2, 1). What is the spatial size?", 1,
     [{"kernel": 4, "stride": 1, "padding": 0, "operation": "transposed"},
      {"kernel": 4, "stride": 2, "padding": 1, "operation": "transposed"}]),
    # no size asked in words: still two layers (read as one, it was a 3 x 3 pool)
    ("64x64 input: a 3x3 conv with padding 1, then maxpool 2x2", 64,
     [{"kernel": 3, "padding": 1}, {"kernel": 2, "operation": "pool"}]),
    # Keras's MaxPooling2D() pools 2x2
    ("inputs = Input(shape=(64, 64, 3))\nx = Conv2D(32, 3, padding='same')(inputs)\n"
     "x = MaxPooling2D()(x)\nx = Conv2D(64, 3)(x)\nwhat's the spatial size?", 64,
     [{"kernel": 3, "padding": "same"}, {"kernel": 2, "operation": "pool", "padding": "valid"},
      {"kernel": 3, "padding": "valid"}]),
    # a layer's label is not a stride: LeNet's "S2 is ..." (s2 alone is stride 2)
    ("For LeNet-5 on a 32x32 input: C1 is a 5x5 conv with 6 filters, S2 is 2x2 average pooling "
     "with stride 2, C3 is a 5x5 conv with 16 filters, S4 is 2x2 average pooling with stride 2. "
     "What is the spatial size going into C5?", 32,
     [{"kernel": 5}, {"kernel": 2, "stride": 2, "operation": "pool"}, {"kernel": 5},
      {"kernel": 2, "stride": 2, "operation": "pool"}]),
    # each side labelled on its own, and the output asked for in letters
    ("input is 256 (H) x 128 (W). layers: conv k3 s1 p1, then maxpool 2, then conv k3 s2 p0. "
     "final H x W?", [256, 128],
     [{"kernel": 3, "stride": 1, "padding": 1}, {"kernel": 2, "operation": "pool"},
      {"kernel": 3, "stride": 2, "padding": 0}]),
    # the pool's size after its word, last: a square kernel
    ("input 48x80 -> conv 3x3 dilation 2 padding 2 -> conv 3x3 stride 2 padding 1 -> maxpool 2."
     " H and W at the end?", [48, 80],
     [{"kernel": 3, "padding": 2, "dilation": 2}, CONV_3_S2_P1,
      {"kernel": 2, "operation": "pool"}]),
])
def test_more_ways_of_writing_layers_in_turn(message, size, layers):
    request = parsed(message)
    assert (request.calculator, request.args, request.missing) == \
        ("stack", {"input": size, "layers": layers}, [])


@pytest.mark.parametrize(("message", "size", "layer", "count"), [
    ("if I stack 10 conv layers, each 3x3 with no padding, on a 32x32 input, output size?",
     32, {"kernel": 3, "padding": 0}, 10),
    ("My DCGAN discriminator takes 64x64 images and has four conv layers, each 4x4 kernel, "
     "stride 2, padding 1. What spatial size comes out of the last one?",
     64, {"kernel": 4, "stride": 2, "padding": 1}, 4),
    ("3 layers each with a 3x3 kernel, stride 2, on 64x48: output size?",
     [64, 48], {"kernel": 3, "stride": 2}, 3),
    ("five conv layers in a row, each 3x3 with stride 2 and padding 1, from a 128x128 input. "
     "size after each?", 128, {"kernel": 3, "stride": 2, "padding": 1}, 5),
    # shared settings written tersely, "k=3" looking like a layer's start (had been asked for)
    ("if I stack three conv layers, each k=3 s=2 p=1, starting from 224x224, what's the size "
     "after the 3rd one? and after the 2nd?", 224, {"kernel": 3, "stride": 2, "padding": 1}, 3),
    # the layers' word says what they do: transposed convolutions grow the size
    ("DCGAN generator upsampling: start from 8x8, then three ConvTranspose2d layers each with "
     "kernel_size=4, stride=2, padding=1. size after each?",
     8, {"kernel": 4, "stride": 2, "padding": 1, "operation": "transposed"}, 3),
    ("two conv layers, both 3x3 with stride 2 and padding='same' (tensorflow), input 57x57. "
     "what's the size after both of them?", 57, {"kernel": 3, "stride": 2, "padding": "same"}, 2),
    # "the 4th pool" is no size: the input is the 224x224 (it was 4 x 4)
    ("VGG-ish: start from 224x224 and apply four 2x2 max pools with stride 2 (the convs in "
     "between keep the size). what's the size after the 4th pool?",
     224, {"kernel": 2, "stride": 2, "operation": "pool"}, 4),
])
def test_layers_all_alike_are_the_one_layer_so_many_times(message, size, layer, count):
    request = parsed(message)
    assert (request.calculator, request.args, request.missing) == \
        ("stack", {"input": size, "layers": [layer] * count}, [])


def test_layers_alike_are_worked_out_to_the_size_each_gives():
    # 32 - 2 per unpadded 3x3 conv, ten times: 12
    request = parsed("10 conv layers, each 3x3 with no padding, on a 32x32 input: output size?")
    assert conv_stack(**request.args)["output"] == [12, 12]


@pytest.mark.parametrize(("message", "missing"), [
    # a layer without its kernel, among several: asked, never the other layer alone
    ("i have 128x128 images, first layer is a conv with 32 filters stride 2 no padding, then "
     "a 3x3 conv. size after both?", ["layers"]),
    # blocks that are not alike ("two or three" convs): asked one by one
    ("VGG16 has 5 blocks, each one is convs 3x3 with pad 1 (two or three of them) then a 2x2 "
     "maxpool with stride 2. starting from 224x224, what's the final size?", ["layers"]),
    # a pooling layer named without its window: asked, never given the next conv's kernel
    ("Stack: 128x128 input, conv 5x5 stride 1 no padding, then a pooling layer, then conv 3x3 "
     "no padding. Final spatial size?", ["layers"]),
    ("my net: 32x32 input, conv 3x3 with pad 1, then a max pool, then a 5x5 conv with no "
     "padding. final size?", ["layers"]),
    # no input: the repeat count is not one
    ("what size do I get after three 3x3 convs with stride 2 and padding 1 in a row?",
     ["input"]),
])
def test_layers_that_cannot_all_be_read_are_asked_for(message, missing):
    request = parsed(message)
    assert (request.calculator, request.missing) == ("stack", missing)


@pytest.mark.parametrize("message", [
    "output size of a 3x3 conv, stride 2, on a 32x32 input",          # one layer
    "stride-2 3x3 conv, no padding, on 63x63. output size",           # 2 is the stride
    "dilated conv on 64x64 with k=3, d=4, p=4, s=1 - what size comes out",  # one layer
    "deconvolution (transpose conv) on a 4x4 input with a 5x5 kernel, stride 1, output size?",
    "how many params in a 3x3 conv then a 5x5 conv from 16 to 32 channels",  # no size asked
    # the topic named first is no layer of its own (it was asked for the layers)
    "pooling question: 100x100 feature map, 3x3 max pooling, stride 3, no padding. output size?",
])
def test_one_layer_or_no_size_asked_is_not_a_stack(message):
    request = parse_calculation(message)
    assert request is None or request.calculator != "stack"


def test_layers_without_an_input_are_not_worked_out():
    request = parse_calculation("3x3 conv then 2x2 maxpool: how do they change the size?")
    assert request is None or not request.complete


def final_size(message: str) -> int:
    request = parsed(message)
    assert request.calculator == "stack" and request.complete, request
    height, width = conv_stack(**request.args)["output"]
    assert height == width
    return height


def reference_size(size: int, layers: list[tuple[str, int, int, int]]) -> int:
    """The size after each (kind, kernel, stride, padding) in turn, by the textbook formulas."""
    for kind, kernel, stride, padding in layers:
        if kind == "transposed":
            size = (size - 1) * stride - 2 * padding + kernel
        else:
            size = (size + 2 * padding - kernel) // stride + 1
    return size


def test_settings_said_of_all_the_convs_apply_to_each_and_are_no_layer():
    assert final_size("64x64 input -> conv3x3 -> conv3x3 -> maxpool2 -> conv3x3 -> maxpool2, all "
                      "convs stride 1 no padding. final size?") == reference_size(64, [
                          ("conv", 3, 1, 0), ("conv", 3, 1, 0), ("pool", 2, 2, 0),
                          ("conv", 3, 1, 0), ("pool", 2, 2, 0)])
    # padding said of the convs is not the pool's
    assert final_size("32x32 input -> conv3x3 -> conv3x3 -> maxpool2, all convs padding 1. "
                      "final size?") == reference_size(32, [
                          ("conv", 3, 1, 1), ("conv", 3, 1, 1), ("pool", 2, 2, 0)])


def test_a_unet_decoders_up_convs_grow_the_size():
    assert final_size("Original U-Net style decoder (unpadded convs): start at 14x14, up-conv 2x2 "
                      "stride 2, then two 3x3 convs without padding, then another up-conv 2x2 "
                      "stride 2. What's the spatial size now?") == reference_size(14, [
                          ("transposed", 2, 2, 0), ("conv", 3, 1, 0), ("conv", 3, 1, 0),
                          ("transposed", 2, 2, 0)])


def test_a_generators_latent_reshaped_to_1x1_is_its_input_and_a_count_no_size():
    assert final_size("DCGAN generator: z is reshaped to 1x1, then ConvTranspose2d(k=4, s=1, p=0), "
                      "then three ConvTranspose2d(k=4, s=2, p=1). What is the image size at the "
                      "end?") == reference_size(1, [("transposed", 4, 1, 0)] +
                                                [("transposed", 4, 2, 1)] * 3)


@pytest.mark.parametrize(("message", "flattened"), [
    ("LeNet-style net on 28x28 MNIST: conv 5x5 (6 filters, no padding), max pool 2x2, conv 5x5 "
     "(16 filters, no padding), max pool 2x2, then flatten. How many features come out of the "
     "flatten?", 4 * 4 * 16),
    ("My input is 1x28x28 (MNIST). What number should replace ??? here?\nmodel = nn.Sequential(\n"
     "    nn.Conv2d(1, 32, 3),\n    nn.ReLU(),\n    nn.Conv2d(32, 64, 3),\n    nn.ReLU(),\n"
     "    nn.MaxPool2d(2),\n    nn.Flatten(),\n    nn.Linear(???, 128),\n)", 12 * 12 * 64),
    ("How many values come out of the Flatten layer in this Keras model?\nmodel = Sequential()\n"
     "model.add(Conv2D(16, (3, 3), padding='same', input_shape=(64, 64, 3)))\n"
     "model.add(MaxPooling2D())\nmodel.add(Conv2D(32, (3, 3)))\nmodel.add(MaxPooling2D())\n"
     "model.add(Flatten())", 15 * 15 * 32),
    # the channels said of the last block
    ("VGG-16 style: five blocks, each = two 3x3 convs (stride 1, padding 1) then 2x2 max pool "
     "stride 2. Input 224x224x3, last block has 512 channels. Flattened size at the end?",
     7 * 7 * 512),
    # the channels in a layer's brackets
    ("32x32x3 input -> conv(3->16, k=3, p=1) -> maxpool 2 -> conv(16->32, k=3, p=1) -> maxpool 2"
     " -> flatten -> linear to 10 classes. what is the in_features of the linear layer?",
     8 * 8 * 32),
])
def test_a_flatten_after_the_layers_counts_the_last_convs_channels(message, flattened):
    request = parsed(message)
    assert conv_stack(**request.args)["flattened"] == flattened


def test_a_parameter_count_of_a_model_with_a_flatten_is_no_stack():
    request = parsed("How many trainable parameters does this model have in total?\n"
                     "nn.Sequential(nn.Conv2d(1, 32, 3), nn.Flatten(), nn.Linear(21632, 10))")
    assert request.calculator == "params" and request.asks == "together"


@pytest.mark.parametrize(("message", "expected"), [
    # each block keeps the size through its padded convs and halves it at its pool
    ("VGG16 has 5 blocks, each one is two convs 3x3 with pad 1 then a 2x2 maxpool with stride 2."
     " starting from 224x224, what's the final size?", 224 // 2 ** 5),
    ("VGG-like: 224x224 input, three blocks each = two 3x3 convs with padding 1 followed by a 2x2 "
     "max pool. What is the spatial size after the third block?", 224 // 2 ** 3),
    # the size asked after an earlier block than the last
    ("VGG-like: 224x224 input, three blocks each = two 3x3 convs with padding 1 followed by a 2x2 "
     "max pool. What is the spatial size after the second block?", 224 // 2 ** 2),
    # a block of one layer, its input in the same sentence
    ("5 stages, each: conv 3x3 stride 2 pad 1, on a 256x256 image. output size after the last "
     "stage?", reference_size(256, [("conv", 3, 2, 1)] * 5)),
])
def test_blocks_alike_are_their_layers_so_many_times(message, expected):
    assert final_size(message) == expected


@pytest.mark.parametrize(("message", "flattened"), [
    # a pool keeps its input's channels
    ("a 112 by 112 by 64 activation, then 2x2 max pooling with a stride of two in both "
     "directions. output size, and how long is it once flattened?", 56 * 56 * 64),
    ("nn.MaxPool2d(kernel_size=3) is applied to a 27x27x96 tensor. What is the output size? How "
     "many values after flattening it?", 9 * 9 * 96),
    # a convolution gives its filters
    ("conv 3x3 with 16 filters, stride 1, pad 1 on a 32x32x3 image, then flatten: how many "
     "features?", 32 * 32 * 16),
])
def test_one_layer_then_a_flatten_counts_the_values_flattened(message, flattened):
    request = parsed(message)
    assert conv_stack(**request.args)["flattened"] == flattened


def test_a_conv_without_its_filters_is_not_flattened_with_channels_made_up():
    request = parsed("conv 3x3 stride 1 pad 1 on a 32x32x3 image, then flatten: how many "
                     "features?")
    assert request.calculator == "conv"


def test_pools_counted_beside_a_conv_that_keeps_the_size_are_each_a_layer():
    request = parsed("every conv keeps the size (3x3, padding 1) and there are four 2x2 "
                     "max-pools with stride 2. from 96x96, final feature map size?")
    assert request.args == {"input": 96, "layers": [{"kernel": 3, "padding": 1}] + [
        {"kernel": 2, "stride": 2, "operation": "pool"}] * 4}
    assert conv_stack(**request.args)["output"] == [6, 6]


def test_a_word_that_starts_like_conv_is_no_layer():
    request = parsed("conv k=3 s=2 padding='same' (tf convention) on a 37x37 map, output size?")
    assert (request.calculator, request.args) == \
        ("conv", {"input": 37, "kernel": 3, "stride": 2, "padding": "same"})


def test_maps_are_the_channels_a_flatten_counts():
    request = parsed("32x32 grayscale input -> 5x5 conv with 6 maps -> 2x2 average pool stride 2 "
                     "-> 5x5 conv with 16 maps -> 2x2 average pool stride 2 -> flatten. how many "
                     "numbers go into the first fully connected layer?")
    assert request.args["channels"] == 16
    assert conv_stack(**request.args)["flattened"] == 400


def test_a_kernel_said_to_be_a_size_is_the_layers_kernel():
    request = parsed("VGG-16 on a 224x224x3 image: every conv is 3x3 with stride 1 and padding "
                     "1, and there are five 2x2 max-pools with stride 2. final spatial size?")
    assert conv_stack(**request.args)["output"] == [7, 7]


def test_another_identical_layer_is_the_layer_again():
    request = parsed("input is twenty-eight by twenty-eight, i apply a three by three conv with "
                     "stride one and no padding, then another identical one right after it. "
                     "whats the output size?")
    assert conv_stack(**request.args)["output"] == [24, 24]


@pytest.mark.parametrize(("message", "flattened"), [
    # the filters before the kernel: "conv 32 3x3" was a 32-wide kernel; the settings of every
    # conv said in a sentence of their own blanked the layers before its full stop
    ("mnist 28x28 -> conv 32 3x3 -> conv 64 3x3 -> maxpool 2 -> flatten -> linear. all stride 1 "
     "no pad for convs. what in_features do i need", 9216),
    ("input 32x32x1 -> conv 6@5x5 -> maxpool 2x2 -> conv 16@5x5 -> maxpool 2x2. Size of the "
     "flattened vector?", 400),
])
def test_filters_written_before_the_kernel_are_the_channels_a_flatten_counts(message, flattened):
    request = parsed(message)
    assert conv_stack(**request.args)["flattened"] == flattened


def test_a_stacks_size_and_its_layers_parameters_asked_together_are_both_worked_out():
    # the size alone was given; "the second Conv2D" has 3*3*32*64 + 64
    request = parsed("Sequential([\n  Conv2D(32, 3, padding='same', input_shape=(32, 32, 3)),\n"
                     "  MaxPooling2D(2),\n  Conv2D(64, 3),\n  MaxPooling2D(2),\n])\nfinal spatial "
                     "size? and how many params does the second Conv2D have?")
    assert request.calculator == "stack"
    assert [(other.calculator, other.args.get("out_channels")) for other in request.also] == \
        [("params", 32), ("params", 64)]


def test_a_layer_named_as_where_the_input_comes_from_is_no_layer_of_the_stack():
    # "after conv1" made a conv without a kernel, and the layers were asked for
    request = parsed("After conv1, AlexNet has a 55x55x96 volume and applies overlapping max "
                     "pooling with a 3x3 window and stride 2, no padding. What is the spatial "
                     "size after pooling?")
    assert request.complete
    assert (request.args["input"], request.args["kernel"], request.args["stride"]) == (55, 3, 2)

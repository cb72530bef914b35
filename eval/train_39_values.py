"""train-39: the expected numbers of its 20 calculations, worked out independently, and a
check that train-39.yaml holds them.

Written on 2026-12-04 by a helper who read only KB_COVERAGE.md and the seed (neither the
knowledge base, the code, nor any evaluation set): a tuning set, taken as written. On arrival:
80.0% of in-scope questions answered right, none wrong; 90.0% of library questions refused;
65.0% of calculations right, 10.0% (two) worked out with other numbers.

    .venv/bin/python eval/train_39_values.py   # prints the values and checks train-39.yaml
"""
# ruff: noqa: E702
import math
from pathlib import Path

import yaml


def conv_out(n, k, s=1, p=0, d=1):
    return (n + 2 * p - d * (k - 1) - 1) // s + 1

def convT_out(n, k, s=1, p=0, op=0):
    return (n - 1) * s - 2 * p + k + op

def conv_params(cin, cout, k, bias=True, groups=1):
    kk = k * k if isinstance(k, int) else k[0] * k[1]
    return kk * (cin // groups) * cout + (cout if bias else 0)

def linear_params(i, o, bias=True):
    return i * o + (o if bias else 0)

V = {}
# c1 MNIST example net
h = conv_out(28, 3); h = conv_out(h, 3); h = conv_out(h, 2, 2)
V['c1'] = [64 * h * h]
V['c2'] = [conv_params(3, 64, 3)]
V['c3'] = [conv_out(224, 7, 2, 3)]
h = conv_out(32, 5); h = conv_out(h, 2, 2); h = conv_out(h, 5); h = conv_out(h, 2, 2)
V['c4'] = [16 * h * h]
V['c5'] = [conv_params(64, 128, 3)]
V['c6'] = [conv_params(3, 32, 5)]
V['c7'] = [convT_out(16, 4, 2, 1)]
V['c8'] = [conv_params(32, 32, 3, bias=False, groups=32) + conv_params(32, 64, 1, bias=False),
           conv_params(32, 64, 3, bias=False)]
V['c9'] = [conv_out(64, 3, 1, 0, 2)]
V['c10'] = [math.ceil(29 / 2), conv_out(29, 5, 2, 2)]  # keras 'same' == explicit pad 2
V['c11'] = [4 * (128 * (64 + 128) + 128)]  # keras LSTM, one bias
V['c12'] = [2 * 64]
h = 224
for _ in range(5):
    h = conv_out(h, 2, 2)
V['c13'] = [512 * h * h]
V['c14'] = [linear_params(512 * 7 * 7, 10), linear_params(512, 10)]
V['c15'] = [conv_out(227, 11, 4), conv_params(3, 96, 11)]
V['c16'] = [conv_out(55, 3, 2)]
h = conv_out(64, 3, 1, 1); h = conv_out(h, 2, 2); h = conv_out(h, 3, 1, 1); h = conv_out(h, 2, 2)
V['c17'] = [32 * h * h]
V['c18'] = [100 - 5 + 1, 5 * 16 * 32 + 32]
V['c19'] = [linear_params(28 * 28, 128)]
h = conv_out(28, 3, 2); h = conv_out(h, 3, 2)
V['c20'] = [32 * h * h]

if __name__ == '__main__':
    for k, v in V.items():
        print(k, v)
    cases = yaml.safe_load((Path(__file__).parent / "train-39.yaml").read_text(encoding="utf-8"))
    written = [c["contains"] for c in cases if c["expect"] == "calculation"]
    assert [set(c) for c in written] == [{str(n) for n in v} for v in V.values()], \
        "train-39.yaml disagrees"
    print("train-39.yaml holds every value")

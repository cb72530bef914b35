"""Independent recomputation of every `contains` of every calculation item in train-59.yaml.

Written by helper session out59 from the brief's formulas only:
  conv/pool (PyTorch, floor):  out = floor((n + 2p - d(k-1) - 1)/s) + 1
  "same" (TensorFlow):         out = ceil(n/s)
  pool without stride:         stride = window
  Conv k_h*k_w*C_in*C_out + C_out (bias=False drops C_out); Linear in*out + out;
  BatchNorm2d 2*C; LSTM (PyTorch) 4*(h*(in+h) + 2h) per layer; Embedding vocab*dim;
  pooling / activations / flatten / dropout: 0.
Each function below encodes the architecture as stated in the question text and
returns the list of strings the item's `contains` must equal (in order).
Run:  python3 train_59_values.py
"""
import math
import os
import yaml


# ---------------------------------------------------------------- formulas
def co(n, k, s=1, p=0, d=1):
    """PyTorch conv/pool output length (floor)."""
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def pool(n, k, s=None, p=0):
    return co(n, k, k if s is None else s, p)


def same(n, s=1):
    return math.ceil(n / s)


def conv(kh, cin, cout, kw=None, bias=True):
    kw = kh if kw is None else kw
    return kh * kw * cin * cout + (cout if bias else 0)


def lin(i, o):
    return i * o + o


def bn(c):
    return 2 * c


def lstm(inp, h, layers=1):
    total, x = 0, inp
    for _ in range(layers):
        total += 4 * (h * (x + h) + 2 * h)
        x = h
    return total


def emb(v, d):
    return v * d


def sz(h, w=None):
    return f"{h} \\times {h if w is None else w}"


S = str
items = []


def item(f):
    items.append(f)
    return f


# ---------------------------------------------------------------- items 1-40
@item
def i001():
    n = pool(co(pool(co(28, 3, p=1), 2), 3, p=1), 2)
    f = n * n * 64
    P = conv(3, 1, 32) + conv(3, 32, 64) + lin(f, 128) + lin(128, 10)
    return [S(f), S(P)]


@item
def i002():
    n = pool(co(pool(co(32, 5), 2), 5), 2)
    return [sz(n), S(n * n * 32)]


@item
def i003():
    n = pool(co(pool(co(28, 3), 2), 3), 2)
    f = n * n * 32
    return [S(f), S(conv(3, 1, 16) + conv(3, 16, 32) + lin(f, 10))]


@item
def i004():
    n = 64
    for _ in range(3):
        n = pool(co(n, 3, 1, 1), 2)
    return [sz(n), S(n * n * 256)]


@item
def i005():
    n = pool(co(pool(co(32, 3), 2), 3), 2)
    f = n * n * 64
    return [S(f), S(conv(3, 3, 32) + conv(3, 32, 64) + lin(f, 10))]


@item
def i006():
    n = co(pool(co(32, 3), 2), 3)
    f = n * n * 64
    d = lin(f, 64)
    return [S(f), S(d), S(conv(3, 3, 32) + conv(3, 32, 64) + d + lin(64, 10))]


@item
def i007():
    a = pool(co(224, 7, 2, 3), 3, 2, 1)
    b = co(co(a, 3, 1, 1), 3, 2, 1)
    return [sz(a), sz(b)]


@item
def i008():
    n = pool(co(pool(co(32, 5), 2), 5), 2)
    f = n * n * 16
    P = conv(5, 1, 6) + conv(5, 6, 16) + lin(f, 120) + lin(120, 84) + lin(84, 10)
    return [S(f), S(P)]


@item
def i009():
    a = co(227, 11, 4)
    b = pool(a, 3, 2)
    return [sz(a), sz(b), S(conv(11, 3, 96))]


@item
def i010():
    n = pool(co(pool(co(32, 3, p=1), 2, 2), 3, p=1), 2, 2)
    f = n * n * 64
    P = conv(3, 3, 32) + conv(3, 32, 64) + lin(f, 256) + lin(256, 10)
    return [S(f), S(P)]


@item
def i011():
    n = pool(co(pool(co(28, 5, 1, 2), 2), 5), 2)
    P = conv(5, 1, 8) + conv(5, 8, 16) + lin(n * n * 16, 10)
    return [sz(n), S(P)]


@item
def i012():
    L = lstm(128, 256)
    return [S(L), S(emb(10000, 128) + L + lin(256, 2))]


@item
def i013():
    n = co(co(co(32, 3, d=2), 3, d=2), 3, d=4)
    return [sz(n)]


@item
def i014():
    n = same(same(same(100, 2), 2), 2)
    return [sz(n), S(n * n * 128)]


@item
def i015():
    return [S(conv(3, 3, 64, bias=False) + bn(64) + conv(3, 64, 64, bias=False) + bn(64))]


@item
def i016():
    n = pool(co(co(pool(co(co(224, 3, p=1), 3, p=1), 2), 3, p=1), 3, p=1), 2)
    P = conv(3, 3, 64) + conv(3, 64, 64) + conv(3, 64, 128) + conv(3, 128, 128)
    return [sz(n), S(P)]


@item
def i017():
    n = pool(co(pool(co(64, 3, p=1), 2), 3, p=1), 2)
    f = n * n * 32
    return [sz(n), S(f), S(conv(3, 3, 16) + conv(3, 16, 32) + lin(f, 10))]


@item
def i018():
    L = co(pool(co(1000, 7, 2, 3), 4), 5)
    return [S(L), S(L * 32)]


@item
def i019():
    n, P, cin = 128, 0, 3
    for cout in (32, 64, 128, 256):
        n = co(n, 4, 2, 1)
        P += conv(4, cin, cout)
        cin = cout
    f = n * n * 256
    return [S(f), S(P + lin(f, 1))]


@item
def i020():
    return [S(lin(784, 512) + lin(512, 256) + lin(256, 10))]


@item
def i021():
    P = conv(3, 3, 32) + conv(3, 32, 32) + conv(3, 32, 64) + conv(3, 64, 64) + lin(64, 10)
    return [S(P)]


@item
def i022():
    return [S(lin(20, 64) + lin(64, 64) + lin(64, 1))]


@item
def i023():
    n = pool(co(227, 11, 4), 3, 2)
    n = pool(co(n, 5, p=2), 3, 2)
    n = co(co(co(n, 3, p=1), 3, p=1), 3, p=1)
    n = pool(n, 3, 2)
    return [sz(n), S(n * n * 256)]


@item
def i024():
    P = conv(11, 3, 96) + conv(5, 96, 256) + conv(3, 256, 384) + conv(3, 384, 384) + conv(3, 384, 256)
    return [S(P)]


@item
def i025():
    L = lstm(100, 128, layers=2)
    return [S(L), S(emb(5000, 100) + L + lin(128, 5))]


@item
def i026():
    n = pool(co(pool(co(28, 5), 2), 5), 2)
    assert n * n * 20 == 320
    return [sz(n), S(conv(5, 1, 10) + conv(5, 10, 20) + lin(320, 50) + lin(50, 10))]


@item
def i027():
    return [sz(pool(co(pool(27, 3), 3, p=1), 3))]


@item
def i028():
    h, w = 40, 100
    for _ in range(3):
        h, w = pool(co(h, 3, p=1), 2), pool(co(w, 3, p=1), 2)
    return [sz(h, w), S(h * w * 64)]


@item
def i029():
    n = pool(co(pool(co(pool(co(150, 3), 2), 3), 2), 3), 2)
    f = n * n * 128
    d = lin(f, 512)
    P = conv(3, 3, 32) + conv(3, 32, 64) + conv(3, 64, 128) + d + lin(512, 1)
    return [S(f), S(d), S(P)]


@item
def i030():
    return [sz(co(co(co(257, 3, 2, 1), 3, 2, 1), 3, 2, 1))]


@item
def i031():
    return [sz(same(64, 2)), sz(co(64, 5, 2)), S(conv(5, 3, 32))]


@item
def i032():
    n = pool(co(pool(co(32, 3, p=1), 2), 3, p=1), 2)
    P = (conv(3, 3, 32, bias=False) + bn(32) + conv(3, 32, 64, bias=False) + bn(64)
         + lin(64 * n * n, 10))
    return [sz(n), S(P)]


@item
def i033():
    return [sz(pool(co(64, 7, 2), 2))]


@item
def i034():
    L = lstm(40, 64)
    return [S(L), S(L + lin(64, 30))]


@item
def i035():
    return [S(emb(20000, 50) + lin(50, 4))]


@item
def i036():
    n = co(pool(co(100, 5, d=2), 2), 3, 2, 1)
    return [sz(n), S(n * n * 16)]


@item
def i037():
    n = 96
    for _ in range(3):
        n = pool(same(n), 2)
    f = n * n * 128
    P = (conv(3, 3, 32) + conv(3, 32, 32) + conv(3, 32, 64) + conv(3, 64, 64)
         + conv(3, 64, 128) + lin(f, 10))
    return [S(f), S(P)]


@item
def i038():
    n = co(pool(co(pool(co(48, 5, 1, 2), 2, 2), 5), 3, 2), 3, 1, 1)
    return [sz(n), S(n * n * 64)]


@item
def i039():
    c2 = conv(3, 16, 32)
    return [S(c2), S(conv(3, 3, 16) + bn(16) + c2 + bn(32) + lin(32, 10))]


@item
def i040():
    n = co(pool(co(pool(co(28, 3), 2), 3), 2), 3)
    f = n * n * 64
    P = conv(3, 1, 32) + conv(3, 32, 64) + conv(3, 64, 64) + lin(f, 64) + lin(64, 10)
    return [S(f), S(P)]


# ---------------------------------------------------------------- items 41-80
@item
def i041():
    n = co(pool(co(pool(co(32, 3), 2), 3), 2), 3)
    f = n * n * 64
    P = conv(3, 3, 32) + conv(3, 32, 64) + conv(3, 64, 64) + lin(f, 64) + lin(64, 10)
    return [S(f), S(P)]


@item
def i042():
    P = (conv(3, 3, 64, bias=False) + bn(64) + conv(3, 64, 128, bias=False) + bn(128)
         + conv(1, 128, 256, bias=False) + bn(256))
    return [S(P)]


@item
def i043():
    P = (conv(1, 256, 64, bias=False) + bn(64) + conv(3, 64, 64, bias=False) + bn(64)
         + conv(1, 64, 256, bias=False) + bn(256))
    return [S(P)]


@item
def i044():
    n, P, cin = 224, 0, 3
    for cout in (16, 32, 64, 128):
        n = co(n, 3, 2, 1)
        P += conv(3, cin, cout)
        cin = cout
    return [sz(n), S(P)]


@item
def i045():
    return [sz(pool(co(pool(112, 3, 2, 1), 3, 1, 1), 3, 2, 1))]


@item
def i046():
    n = co(co(co(64, 3, 2), 3, 2), 3, 2)
    f = n * n * 32
    return [S(f), S(conv(3, 1, 8) + conv(3, 8, 16) + conv(3, 16, 32) + lin(f, 2))]


@item
def i047():
    return [S(conv(1, 64, 64, kw=7) + conv(7, 64, 64, kw=1))]


@item
def i048():
    h, w = 66, 200
    for k, s in ((5, 2), (5, 2), (5, 2), (3, 1), (3, 1)):
        h, w = co(h, k, s), co(w, k, s)
    return [sz(h, w), S(h * w * 64)]


@item
def i049():
    n = pool(co(co(28, 3), 3), 2)
    f = n * n * 64
    return [S(f), S(conv(3, 1, 32) + conv(3, 32, 64) + lin(f, 128) + lin(128, 10))]


@item
def i050():
    L = lstm(64, 32)
    return [S(L), S(emb(25000, 64) + L + lin(32, 1))]


@item
def i051():
    return [sz(co(pool(co(pool(co(28, 5), 2), 5), 2), 3, 1, 1))]


@item
def i052():
    n, P, cin = 224, 0, 3
    for block in ((64, 64), (128, 128), (256, 256, 256), (512, 512, 512), (512, 512, 512)):
        for cout in block:
            n = co(n, 3, 1, 1)
            P += conv(3, cin, cout)
            cin = cout
        n = pool(n, 2)
    return [sz(n), S(P)]


@item
def i053():
    f = 7 * 7 * 512
    return [S(f), S(lin(f, 4096) + lin(4096, 4096) + lin(4096, 1000))]


@item
def i054():
    n = same(pool(same(pool(same(64), 2)), 2))
    P = conv(3, 3, 16) + conv(3, 16, 32) + conv(3, 32, 64) + lin(64, 5)
    return [sz(n), S(P)]


@item
def i055():
    c1 = co(32, 5)
    n = pool(co(pool(c1, 2, 2), 5), 2, 2)
    f = n * n * 16
    P = conv(5, 3, 6) + conv(5, 6, 16) + lin(f, 120) + lin(120, 84) + lin(84, 10)
    return [sz(c1), S(f), S(P)]


@item
def i056():
    P = lin(100, 128 * 7 * 7) + bn(128) + conv(3, 128, 64) + bn(64) + conv(3, 64, 1)
    return [S(P)]


@item
def i057():
    L = co(50, 5)
    # Conv1d: k * C_in * C_out + C_out (conv with a 1 x k kernel)
    return [S(L), S(emb(8000, 100) + conv(1, 100, 128, kw=5) + lin(128, 2))]


@item
def i058():
    n, P, cin = 75, 0, 3
    for cout, s in ((32, 1), (32, 2), (64, 1), (64, 2), (128, 2)):
        n = same(n, s)
        P += conv(3, cin, cout)
        cin = cout
    return [sz(n), S(n * n * 128), S(P)]


@item
def i059():
    P = conv(5, 3, 48) + conv(3, 48, 96) + conv(3, 96, 96) + lin(96, 100)
    return [S(P)]


@item
def i060():
    return [sz(co(co(co(64, 3, 1, 2, 2), 3, 1, 4, 4), 3, 2, 1))]


@item
def i061():
    n = pool(co(pool(co(10, 3), 3, 1), 3), 2)
    f = n * n * 20
    return [sz(n), S(f), S(conv(3, 1, 10) + conv(3, 10, 20) + lin(f, 3))]


@item
def i062():
    d = lin(784, 256)
    return [S(d), S(d + lin(256, 128) + lin(128, 10))]


@item
def i063():
    n = 50
    for _ in range(3):
        n = pool(co(n, 3), 2)
    return [sz(n), S(n * n * 64)]


@item
def i064():
    return [S(lin(9216, 4096) + lin(4096, 4096) + lin(4096, 1000))]


@item
def i065():
    a = co(224, 7, 2, 1)
    return [sz(a), sz(pool(a, 3, 2)), S(conv(7, 3, 96))]


@item
def i066():
    n = pool(same(same(pool(same(same(28)), 2))), 2)
    f = n * n * 64
    P = (conv(3, 1, 32) + conv(3, 32, 32) + conv(3, 32, 64) + conv(3, 64, 64)
         + lin(f, 256) + lin(256, 10))
    return [S(f), S(P)]


@item
def i067():
    n = co(pool(co(pool(co(81, 3, p=1), 3), 3, p=1), 3), 3)
    return [sz(n), S(n * n * 32)]


@item
def i068():
    L = lstm(10, 20, layers=2)
    return [S(L), S(L + lin(20, 1))]


@item
def i069():
    n = co(co(co(64, 3, 2), 3, 2), 3, 2)
    f = n * n * 64
    return [S(f), S(conv(3, 3, 32) + conv(3, 32, 64) + conv(3, 64, 64) + lin(f, 512))]


@item
def i070():
    n = co(co(co(84, 8, 4), 4, 2), 3, 1)
    f = n * n * 64
    P = conv(8, 4, 32) + conv(4, 32, 64) + conv(3, 64, 64) + lin(f, 512) + lin(512, 6)
    return [S(f), S(P)]


@item
def i071():
    n = pool(co(pool(co(128, 5, 2), 3, 2), 3), 3)
    return [sz(n), S(n * n * 64)]


@item
def i072():
    P = (conv(3, 3, 32, bias=False) + bn(32) + conv(3, 32, 64, bias=False) + bn(64)
         + conv(3, 64, 128, bias=False) + bn(128) + lin(128, 10))
    return [S(P)]


@item
def i073():
    n = pool(co(pool(co(pool(co(224, 5, 2, 2), 2), 3, 1, 1), 2), 3, 2, 1), 2)
    f = n * n * 128
    P = conv(5, 3, 32) + conv(3, 32, 64) + conv(3, 64, 128) + lin(f, 256)
    return [sz(n), S(f), S(P)]


@item
def i074():
    h, w = co(64, 3, p=1), co(128, 5, p=2)
    h, w = pool(h, 2), pool(w, 4)
    h, w = co(h, 3), co(w, 3)
    f = h * w * 64
    return [sz(h, w), S(f), S(conv(3, 1, 32, kw=5) + conv(3, 32, 64) + lin(f, 10))]


@item
def i075():
    n = 224
    for s in (2, 2, 2, 2, 2):
        n = same(n, s)
    return [sz(n)]


@item
def i076():
    n = same(pool(same(35, 2), 2))
    f = n * n * 32
    return [S(f), S(conv(3, 3, 16) + conv(3, 16, 32) + lin(f, 10))]


@item
def i077():
    L = lstm(300, 512)
    return [S(L), S(emb(30000, 300) + L + lin(512, 30000))]


@item
def i078():
    return [S(lin(30, 64) + lin(64, 32) + lin(32, 1))]


@item
def i079():
    n = 96
    for _ in range(3):
        n = pool(co(n, 3), 2)
    return [sz(n), S(n * n * 128)]


@item
def i080():
    n = pool(co(co(co(40, 3, p=1), 3, p=3, d=3), 3, d=3), 2)
    return [sz(n), S(conv(3, 3, 16) + conv(3, 16, 32) + conv(3, 32, 32))]


# ---------------------------------------------------------------- items 81-110
@item
def i081():
    n = pool(same(same(pool(same(same(32)), 2))), 2)
    f = n * n * 64
    P = (conv(3, 3, 32) + conv(3, 32, 32) + conv(3, 32, 64) + conv(3, 64, 64)
         + lin(f, 512) + lin(512, 10))
    return [S(f), S(P)]


@item
def i082():
    n = pool(co(same(pool(co(same(32), 3), 2)), 3), 2)
    f = n * n * 64
    P = (conv(3, 3, 32) + conv(3, 32, 32) + conv(3, 32, 64) + conv(3, 64, 64)
         + lin(f, 512) + lin(512, 10))
    return [S(f), S(P)]


@item
def i083():
    h, w = 128, 44
    for (sh, sw) in ((2, 1), (2, 1), (2, 2)):
        h, w = co(h, 3, sh, 1), co(w, 3, sw, 1)
    return [sz(h, w), S(h * w * 64)]


@item
def i084():
    n = co(co(co(28, 3, 2, 1), 3, 2, 1), 7)
    return [sz(n), S(conv(3, 1, 16) + conv(3, 16, 32) + conv(7, 32, 64))]


def alexnet_tv():
    n = pool(co(224, 11, 4, 2), 3, 2)
    n = pool(co(n, 5, p=2), 3, 2)
    n = pool(co(co(co(n, 3, p=1), 3, p=1), 3, p=1), 3, 2)
    P = (conv(11, 3, 64) + conv(5, 64, 192) + conv(3, 192, 384) + conv(3, 384, 256)
         + conv(3, 256, 256))
    return n, P


@item
def i085():
    n, P = alexnet_tv()
    return [sz(n), S(P)]


@item
def i086():
    n, P = alexnet_tv()
    f = n * n * 256
    return [S(f), S(P + lin(f, 4096) + lin(4096, 4096) + lin(4096, 1000))]


@item
def i087():
    n = co(pool(co(pool(co(45, 4), 2), 4), 2), 4)
    f = n * n * 16
    return [S(f), S(conv(4, 1, 8) + conv(4, 8, 16) + conv(4, 16, 16) + lin(f, 3))]


@item
def i088():
    n = pool(co(pool(co(16, 3), 2, 1), 3), 2, 1)
    return [sz(n), S(n * n * 8)]


@item
def i089():
    L = lstm(300, 150)
    return [S(L), S(emb(12000, 300) + L + lin(150, 3))]


@item
def i090():
    return [S(lin(784, 128) + lin(128, 32) + lin(32, 128) + lin(128, 784))]


@item
def i091():
    n = co(co(co(pool(co(256, 7, 2, 3), 3, 2, 1), 3, 1, 1), 3, 2, 1), 3, 2, 1)
    P = conv(7, 3, 64) + conv(3, 64, 64) + conv(3, 64, 128) + conv(3, 128, 256)
    return [sz(n), S(P)]


@item
def i092():
    a = co(co(pool(co(co(572, 3), 3), 2), 3), 3)
    b = pool(a, 2)
    P = conv(3, 1, 64) + conv(3, 64, 64) + conv(3, 64, 128) + conv(3, 128, 128)
    return [sz(a), sz(b), S(P)]


@item
def i093():
    n = same(same(32, 2), 2)
    f = n * n * 128
    return [S(f), S(conv(3, 3, 64) + conv(3, 64, 128) + lin(f, 1))]


@item
def i094():
    chans = [3, 16, 32, 64, 128]
    n, P = 64, 0
    for cin, cout in zip(chans[:-1], chans[1:]):
        n = pool(co(n, 3, p=1), 2)
        P += conv(3, cin, cout)
    f = n * n * 128
    return [S(f), S(P + lin(f, 10))]


@item
def i095():
    n = pool(co(co(28, 3, p=1), 3, p=1), 2)
    assert n == 14
    P = conv(3, 1, 32) + bn(32) + conv(3, 32, 32) + bn(32) + lin(32 * 14 * 14, 10)
    return [S(P)]


@item
def i096():
    L = pool(co(pool(co(16000, 80, 16), 4), 3), 4)
    return [S(L), S(conv(1, 1, 32, kw=80) + conv(1, 32, 32, kw=3))]


@item
def i097():
    a = co(100, 5, 3, 1)
    b = pool(a, 2)
    return [sz(a), sz(b), S(conv(5, 3, 10) + lin(b * b * 10, 5))]


@item
def i098():
    n = pool(co(co(32, 3, d=2), 3, d=2), 2)
    f = n * n * 32
    return [S(f), S(conv(3, 3, 16) + conv(3, 16, 32) + lin(f, 10))]


@item
def i099():
    n = co(pool(co(pool(co(224, 7, 2, 3), 2), 3, 2), 2), 3, 2, 1)
    return [sz(n)]


@item
def i100():
    n = pool(co(pool(co(28, 3, 1, 1), 2), 3, p=1), 2)
    f = 16 * n * n
    P = conv(3, 1, 8, bias=False) + bn(8) + conv(3, 8, 16, bias=False) + bn(16) + lin(f, 10)
    return [S(f), S(P)]


@item
def i101():
    n = pool(co(pool(co(28, 5, p=2), 2, 2), 5), 2, 2)
    f = n * n * 16
    P = conv(5, 1, 6) + conv(5, 6, 16) + lin(f, 120) + lin(120, 84) + lin(84, 10)
    return [S(f), S(P)]


@item
def i102():
    n = pool(co(pool(co(pool(co(32, 3, p=1), 2), 3, p=1), 2), 3, p=1), 2)
    f = n * n * 64
    P = conv(3, 3, 16) + conv(3, 16, 32) + conv(3, 32, 64) + lin(f, 500) + lin(500, 10)
    return [S(f), S(P)]


@item
def i103():
    L = lstm(32, 128)
    return [S(L), S(emb(65, 32) + L + lin(128, 65))]


@item
def i104():
    n = same(same(same(same(37), 2)), 2)
    f = n * n * 16
    return [sz(n), S(f), S(conv(3, 3, 8) + conv(3, 8, 16) + lin(f, 4))]


@item
def i105():
    n = co(pool(co(pool(100, 3, 3), 5), 2, 2), 3, 2, 1)
    return [sz(n), S(n * n * 48)]


@item
def i106():
    n = co(co(co(224, 3, 2, 1), 1), 1)
    P = (conv(3, 3, 32, bias=False) + bn(32) + conv(1, 32, 64, bias=False) + bn(64)
         + conv(1, 64, 128, bias=False) + bn(128))
    return [sz(n), S(P)]


@item
def i107():
    n = pool(co(pool(co(48, 5), 2), 5), 2)
    f = n * n * 64
    P = conv(5, 1, 32) + conv(5, 32, 64) + lin(f, 128) + lin(128, 7)
    return [S(f), S(P)]


@item
def i108():
    return [sz(same(same(same(same(100, 3), 2), 2), 2))]


@item
def i109():
    f = 2 * 2 * 64   # AdaptiveAvgPool2d((2, 2)) fixes the spatial size
    return [S(f), S(conv(3, 3, 32) + conv(3, 32, 64) + lin(f, 10))]


@item
def i110():
    a = co(299, 3, 2)
    b = pool(co(co(a, 3), 3, p=1), 3, 2)
    return [sz(a), sz(b), S(conv(3, 3, 32) + conv(3, 32, 32) + conv(3, 32, 64))]


# ---------------------------------------------------------------- check
def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "train-59.yaml")) as fh:
        data = yaml.safe_load(fh)
    calc = [d for d in data if d["expect"] == "calculation"]
    assert len(calc) == len(items), (len(calc), len(items))
    bad = 0
    for idx, (d, f) in enumerate(zip(calc, items), 1):
        got = f()
        if got != d["contains"]:
            bad += 1
            print(f"MISMATCH item {idx} ({f.__name__}): computed {got} yaml {d['contains']}")
    for d in data:
        assert d["expect"] in ("calculation", "clarify", "not-calculation")
        assert ("contains" in d) == (d["expect"] == "calculation")
        if "contains" in d:
            assert 1 <= len(d["contains"]) <= 3
    assert bad == 0, f"{bad} mismatches"
    print(f"OK: {len(items)} calculation items verified; {len(data)} items total")


if __name__ == "__main__":
    main()

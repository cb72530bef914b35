#!/usr/bin/env python3
"""eval/train-16.yaml, a TUNING set of self-attention costs over sequences and image patches.

Written on 2026-12-04 by a helper who saw neither the knowledge base, the code, nor any
evaluation set, only a description of the calculator: 50 costs (heads, model names,
comparisons, ViT names, rectangular images, strides with a remainder) and 10 that lack a
value. Every expected number is computed here from the intended values.

    python3 eval/train_16_values.py   # rewrites eval/train-16.yaml
"""
# The questions are kept verbatim as written: long lines are allowed here.
# ruff: noqa: E501, E702
import json
import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "train-16.yaml")

def seq(n, d, h=1):
    return {"n": n, "dots": h * n * n, "macs": n * n * d, "len": d // h}

def img(H, W, C, ph, pw, s=1):
    P = ((H - ph) // s + 1) * ((W - pw) // s + 1)
    dim = ph * pw * C
    return {"P": P, "dim": dim, "macs": P * P * dim, "dots": P * P}

cases = []
def calc(q, *vals):
    cases.append((q, "calculation", [str(v) for v in vals]))
def clar(q):
    cases.append((q, "clarify", None))

# ---------------- sequences (25) ----------------
s = seq(1024, 64);  calc("n=1024, d=64. how many MACs for Q K^T?", s["macs"], s["dots"])
s = seq(2048, 128); calc("What's the cost of QK^T for a context of 2048 tokens with d=128? dot products and MACs please", s["dots"], s["macs"])
s = seq(512, 768);  calc("sequence length 512 and embedding size 768 - how many multiply-accumulates does computing Q K^T take?", s["macs"])
s = seq(197, 384);  calc("ViT-style sequence: 196 patch tokens plus a cls token, d=384. how many dot products and MACs in the attention scores?", s["dots"], s["macs"])
s = seq(256, 12 * 64, 12); calc("with 12 heads of size 64 and a sequence of 256 tokens, how many dot products does QK^T need, and how many MACs?", s["dots"], s["macs"])
s = seq(512, 768, 12); calc("BERT-base: 512 tokens, hidden 768, 12 heads. How many dot products in total for the attention scores?", s["dots"], s["macs"])
a = seq(1024, 64); b = seq(2048, 64)
calc("doubling the context from 1024 to 2048 with d=64, how do the MACs of Q K^T change? give both numbers", a["macs"], b["macs"])
s = seq(300, 50);   calc("hw many dot prodcts in qk^t for n=300 d=50", s["dots"], s["macs"])
s = seq(4096, 128); calc("seq len 4096, dim 128, macs for the score matrix?", s["macs"])
s = seq(1024, 768); calc("GPT-2 small: context of 1024 tokens, d_model 768. how expensive is QK^T in MACs?", s["macs"])
s = seq(77, 512);   calc("CLIP text encoder: n = 77 tokens, width 512. number of dot products and MACs for Q K^T?", s["dots"], s["macs"])
s = seq(100, 512, 8); calc("8 heads, d=512, n=100: how many dot products total, how long is each one, and total MACs?", s["dots"], s["macs"])
s = seq(64, 32);    calc("I have 64 tokens of dimension 32. How many multiply-accumulates to get all the attention scores?", s["macs"])
s = seq(12, 5);     calc("tiny example for my notes: sequence of 12 tokens, embedding dim 5. dot products and MACs in QK^T?", s["dots"], s["macs"])
a = seq(800, 256); b = seq(400, 256)
calc("what happens to the MACs if I halve n from 800 to 400, with d=256? both values pls", a["macs"], b["macs"])
s = seq(4096, 32 * 128, 32); calc("llama-ish layer: 32 heads with head dim 128, 4096 tokens. dot products and MACs of Q K^T?", s["dots"], s["macs"])
s = seq(2000, 100); calc("n=2000 d=100 attention cost?", s["dots"], s["macs"])
s = seq(128, 1024, 16); calc("d_model=1024 split into 16 heads, seq length 128. how many dot products (all heads) and how many MACs?", s["dots"], s["macs"])
s = seq(1000, 300); calc("a 1000-word document, each word embedded in 300 dims (word2vec). self-attention QK^T cost?", s["dots"], s["macs"])
s = seq(1500, 384); calc("whisper tiny encoder: 1500 audio frames, d=384. How many MACs for the attention logits?", s["macs"])
a = seq(512, 64); b = seq(512, 128)
calc("compare the QK^T MACs for d=64 vs d=128 at n=512", a["macs"], b["macs"])
s = seq(50, 20);    calc("RNN replacement: T=50 timesteps, hidden size 20. how many dot products and macs in self attention scores", s["dots"], s["macs"])
s = seq(49, 4 * 16, 4); calc("QK^T for 4 heads, each head dim 16, 49 tokens - dot products and MACs?", s["dots"], s["macs"])
s = seq(8192, 64);  calc("tokens: 8192, d: 64. MACs?", s["macs"])
s = seq(365, 16);   calc("how many dot products does self attention compute for 365 daily readings, each embedded into 16 dims? and the MACs", s["dots"], s["macs"])

# ---------------- image patches (25) ----------------
r = img(224, 224, 3, 16, 16, 16); calc("224x224x3 image, 16x16 non-overlapping patches: how many tokens and what are the QK^T MACs?", r["P"], r["macs"])
r = img(28, 28, 1, 7, 7, 7);      calc("28x28 MNIST digit split into non-overlapping 7x7 patches. tokens, token dim, and MACs for Q K^T?", r["dim"], r["macs"])
r = img(28, 28, 1, 4, 4, 1);      calc("28x28 grayscale MNIST, 4x4 patches with stride 1. how many tokens and MACs?", r["P"], r["macs"])
r = img(384, 384, 3, 16, 16, 16); calc("ViT-B/16 at 384x384 resolution: number of patch tokens and MACs of QK^T?", r["P"], r["macs"])
r = img(224, 224, 3, 14, 14, 14); calc("ViT-L/14 on a 224x224 image - how many tokens, token dimension, and MACs for the attention scores?", r["P"], r["dim"], r["macs"])
r = img(32, 32, 3, 4, 4, 4);      calc("CIFAR image 32x32x3 cut into 4x4 patches, non-overlapping. QK^T MACs?", r["macs"])
r = img(480, 640, 3, 32, 32, 32); calc("rectangular 480x640x3 image, 32x32 patches with stride 32. tokens and MACs?", r["P"], r["macs"])
# non-square patches: 8 tall x 4 wide, non-overlapping means stride = patch size per axis
P = ((64 - 8) // 8 + 1) * ((64 - 4) // 4 + 1); dim = 8 * 4 * 3
calc("non-square patches: 8x4 (height x width) on a 64x64x3 image, non-overlapping. tokens, token dim and MACs?", P, dim, P * P * dim)
r = img(100, 100, 3, 16, 16, 16); calc("100x100 RGB image with 16x16 patches at stride 16 (the edge doesn't divide evenly). how many tokens and how many MACs?", r["P"], r["macs"])
r = img(120, 120, 4, 10, 10, 10); calc("satellite tile 120x120 with C=4 bands (RGB + NIR), 10x10 non-overlapping patches. attention MACs for QK^T?", r["macs"])
r = img(64, 64, 3, 8, 8, 4);      calc("just the number of tokens: 64x64 image, 8x8 patches, stride 4", r["P"])
r = img(224, 224, 3, 14, 14, 14); calc("for a 224x224 RGB image with 14x14 patches, what's the dimension of each token?", r["dim"])
r = img(32, 32, 3, 3, 3, 1);      calc("32x32x3 image, 3x3 patches (default stride). tokens and MACs for Q K^T?", r["P"], r["macs"])
r = img(10, 10, 1, 3, 3, 2);      calc("10x10x1 image, 3x3 patches, stride 2. how many tokens, dot products, MACs?", r["dots"], r["macs"])
r = img(1080, 1920, 3, 60, 60, 60); calc("full HD frame 1080x1920 RGB, 60x60 patches, non overlapping. QK^T macs?", r["macs"])
r = img(224, 224, 3, 32, 32, 32); calc("ViT-B/32 at 224: how many tokens and MACs in the attention score matrix?", r["P"], r["macs"])
r = img(518, 518, 3, 14, 14, 14); calc("ViT-H/14 at resolution 518 - tokens and QK^T MACs?", r["P"], r["macs"])
r = img(50, 70, 3, 5, 7, 5);      calc("RGB image 50x70 (HxW), patches 5x7 (HxW), stride 5. tokens, token dim and MACs?", r["P"], r["dim"], r["macs"])
r = img(256, 256, 1, 16, 16, 8);  calc("mri slice 256x256 grayscale, 16x16 patches, stride 8 - how many tokens and how many macs for qk^t", r["P"], r["macs"])
r = img(64, 64, 12, 8, 8, 8);     calc("hyperspectral cube 64x64 with 12 bands, 8x8 non-overlapping patches. MACs for the attention scores?", r["macs"])
r = img(500, 375, 3, 16, 16, 16); calc("only need the token count: a 500x375 photo cut into non-overlapping 16x16 patches", r["P"])
r = img(30, 30, 3, 7, 7, 3);      calc("7x7 patches with stride 3 on a 30x30x3 image. number of tokens and QK^T MACs?", r["P"], r["macs"])
r = img(6, 6, 2, 2, 2, 1);        calc("toy: 6x6 image with 2 channels, 2x2 patches, stride 1. tokens, token dimension, MACs", r["P"], r["macs"])
r = img(96, 96, 3, 12, 12, 12);   calc("how many dot products in QK^T for a 96x96x3 image with 12x12 non-overlapping patches? also the MACs", r["dots"], r["macs"])
a = img(224, 224, 3, 16, 16, 16); b = img(448, 448, 3, 16, 16, 16)
calc("if I fine-tune ViT-B/16 at 448 instead of 224, how do the tokens and QK^T MACs change? give both", b["P"], a["macs"], b["macs"])

# ---------------- clarify (10) ----------------
clar("how many MACs does QK^T take for a sequence of 1024 tokens?")
clar("what's the attention cost for d=512?")
clar("224x224x3 image cut into patches, how many tokens do I get?")
clar("MACs of Q K^T for a 64x64 image with 8x8 non-overlapping patches?")
clar("my transformer has 12 heads, how many dot products in qk^t?")
clar("what's the token dimension for 16x16 patches?")
clar("how many tokens for an image 300 pixels wide with 10x10 non-overlapping patches?")
clar("dot products in self attention with head size 64 and 8 heads?")
clar("whats the qk^t cost for my image with 4x4 patches stride 2, C=3")
clar("how many MACs in attention over a long context with embedding size 256?")

assert sum(1 for c in cases if c[1] == "calculation") == 50
assert sum(1 for c in cases if c[1] == "clarify") == 10

lines = ["# train-16: attention costs, a blind tuning set written from a description of the calculator only"]
for q, exp, vals in cases:
    lines.append("- q: " + json.dumps(q))
    lines.append("  expect: " + exp)
    if vals:
        lines.append("  contains: [" + ", ".join(json.dumps(v) for v in vals) + "]")
with open(OUT, "w") as f:
    f.write("\n".join(lines) + "\n")
print("wrote", OUT, len(cases), "cases")

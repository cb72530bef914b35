"""Request examples for /openapi.json, so that "Try it out" in /docs works as it stands.

The seed's own numbers where they fit: Q2's filter, Q9's W_h, Q11's worked image, Q5's
factorisations.
"""

CONV = {"input": 28, "kernel": 5, "stride": 2, "padding": "same"}
PARAMS = {"kernel": 3, "input": [256, 256, 32]}  # Q2: one 3x3 filter on 256x256x32, 289
EIGEN = {"matrix": [[-0.64, -0.06, -1.12], [-0.56, 0.28, -0.76], [0.62, -1.66, -0.2]]}  # Q9
ATTENTION = {"input": [8, 8, 3], "patch": 3, "stride": 1}  # Q11 worked: 36 patches
SEQUENCE_ATTENTION = {"tokens": 512, "dim": 64}  # 512^2 * 64 MACs
METRICS = {"tp": 40, "fp": 10, "tn": 45, "fn": 5}
GRAPHICAL_MODEL = {"factorisations": [  # Q5
    "p(x1,x2,z1,z2) = p(z1)p(z2)p(x1|z1,z2)p(x2|z2)", "q(z1,z2|x1,x2) = q(z1|x1,x2)q(z2|x2)"]}
CHAT = {"message": "why would you use max pooling in a cnn?"}
FEEDBACK = {"session_id": "the session_id of the reply", "entry_id": "max-pooling-reasons",
            "message": "why would you use max pooling in a cnn?", "rating": "up"}
PRACTICE_ANSWER = {"id": "the id from GET /practice/next", "answer": "2, 3 and 5"}

"""Exploding or vanishing gradients of a simple RNN, judged from its recurrent weight matrix."""

from __future__ import annotations

import math
import numbers

import numpy as np

from service.calculators.common import fail, fmt_complex, fmt_real

MAX_MATRIX_SIZE = 64
TOLERANCE = 1e-9
# max |sigma'(a)| over all a; ReLU's derivative is 0 or 1
DERIVATIVE_BOUNDS = {"tanh": 1.0, "sigmoid": 0.25, "relu": 1.0}
ACTIVATIONS = ("identity", *DERIVATIVE_BOUNDS)
# where each nonlinearity has its largest derivative, so one step's Jacobian is gamma * W_h
SENSITIVE_REGIME = {
    "tanh": r"pre-activations near 0, where $\tanh' = 1$",
    "sigmoid": r"pre-activations near 0, where $\sigma' = 1/4$",
    "relu": "every unit active, where ReLU is exactly linear",
}
SHRINKING_UNITS = {"tanh": "saturated", "sigmoid": "saturated", "relu": "inactive"}
SHOWN_EIGENVALUES = 6


def _show(value: float) -> str:
    """Return a value for display, with all its digits if 4 decimals would round it to 1."""
    text = fmt_real(value)
    # the verdict hinges on the comparison with 1, so "1 > 1" must never be shown
    return f"{value:.15g}" if text == "1" and value != 1 else text


def _check_matrix(matrix: object) -> list[list[float]]:
    """Return the matrix as rows of floats, checking its shape before touching its entries.

    Raises CalculationError naming "matrix" unless it is a non-empty square list of lists of
    finite numbers, at most MAX_MATRIX_SIZE on a side.
    """
    if not isinstance(matrix, list | tuple) or not matrix:
        fail("matrix", "the matrix must be a non-empty list of rows")
    size = len(matrix)
    if size > MAX_MATRIX_SIZE:
        fail("matrix", f"the matrix has {size} rows; at most {MAX_MATRIX_SIZE} x "
                       f"{MAX_MATRIX_SIZE} is accepted")
    for i, row in enumerate(matrix, 1):
        if not isinstance(row, list | tuple):
            fail("matrix", f"row {i} of the matrix is not a list of numbers")
        if len(row) != len(matrix[0]):
            fail("matrix", f"row {i} has {len(row)} entries but row 1 has {len(matrix[0])}: "
                           "every row needs the same length")
    if len(matrix[0]) != size:
        fail("matrix", f"the matrix has {size} rows of {len(matrix[0])} entries, but a recurrent "
                       "weight matrix maps the hidden state to itself, so it must be square")
    rows = []
    for i, row in enumerate(matrix, 1):
        values = []
        for j, value in enumerate(row, 1):
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                fail("matrix", f"entry ({i}, {j}) is not a number: {value!r}")
            try:
                number = float(value)
            except OverflowError:
                number = math.inf
            if not math.isfinite(number):
                fail("matrix", f"entry ({i}, {j}) is not a finite number")
            values.append(number)
        rows.append(values)
    return rows


def _spectrum(rows: list[list[float]]) -> tuple[np.ndarray, float]:
    """Return the eigenvalues and the largest singular value of the matrix.

    Raises CalculationError naming "matrix" if they cannot be computed in double precision.
    """
    w = np.array(rows, dtype=float)
    largest = float(np.max(np.abs(w)))
    if largest == 0.0:
        return np.zeros(len(rows), dtype=complex), 0.0
    # scaling by a power of two is exact and keeps LAPACK clear of overflow for huge entries
    exponent = math.frexp(largest)[1]
    scaled = np.ldexp(w, -exponent)
    try:
        eigenvalues = np.asarray(np.linalg.eigvals(scaled), dtype=complex)
        norm = float(np.linalg.norm(scaled, 2))
    except np.linalg.LinAlgError:
        fail("matrix", "the eigenvalue computation did not converge for this matrix")
    with np.errstate(over="ignore"):
        eigenvalues = np.ldexp(eigenvalues.real, exponent) + 1j * np.ldexp(eigenvalues.imag,
                                                                            exponent)
        norm = float(np.ldexp(norm, exponent))
    if not (np.all(np.isfinite(eigenvalues)) and math.isfinite(norm)):
        fail("matrix", "the entries are so large that the eigenvalues overflow double precision")
    return eigenvalues, norm


def _base(shown: str) -> str:
    """A number as the base of a power: "1.2" stays, "1.5 \\times 10^{300}" gets brackets
    (LaTeX refuses a double superscript such as 10^{300}^n)."""
    return f"({shown})" if "\\times" in shown else shown


def _identity_verdict(radius: float, norm: float) -> tuple[str, str, str]:
    """Return (verdict, reasoning, result step) for a linear RNN."""
    r = _show(radius)
    jacobian = r"With the identity activation $\partial h_T / \partial h_k = W_h^{T-k}$"
    if radius > 1 + TOLERANCE:
        return "explode", (
            f"{jacobian}, and $\\|W_h^n\\| \\ge \\rho(W_h)^n = {_base(r)}^n$ for every $n$, so "
            "this Jacobian grows geometrically and the gradient explodes as $T \\to \\infty$ (only "
            "a loss gradient with no component along the growing directions would escape it)."
        ), f"$\\rho(W_h) = {r} > 1$: the gradient explodes"
    if radius < 1 - TOLERANCE:
        transient = ""
        if norm > 1:
            transient = (f" Because $\\|W_h\\|_2 = {_show(norm)} > 1$ it can still grow over "
                         "the first few steps before the decay takes over.")
        return "vanish", (
            f"{jacobian}, and since $\\rho(W_h) = {r} < 1$, $\\|W_h^n\\| \\to 0$ geometrically "
            f"(like $(\\rho + \\epsilon)^n$ for any $\\epsilon > 0$, by Gelfand's formula), so "
            "the gradient from early steps is guaranteed to vanish as $T \\to \\infty$."
            f"{transient}"
        ), f"$\\rho(W_h) = {r} < 1$: the gradient vanishes"
    return "stable", (
        f"{jacobian}, and $\\rho(W_h) = 1$ (within {TOLERANCE:g}), so $W_h^n$ neither grows nor "
        "decays geometrically: its norm stays bounded when the eigenvalues on the unit circle "
        "have a full set of eigenvectors and otherwise grows only polynomially (a Jordan block), "
        "so there is no exponential explosion or vanishing."
    ), f"$\\rho(W_h) = {r} = 1$: stable (no geometric growth or decay)"


def _nonlinear_verdict(activation: str, radius: float, norm: float) -> tuple[str, str, list]:
    """Return (verdict, reasoning, worked lines) for tanh, sigmoid or ReLU."""
    gamma = DERIVATIVE_BOUNDS[activation]
    g, gn, gr = _show(gamma), _show(gamma * norm), _show(gamma * radius)
    lines = [
        f"$\\|W_h\\|_2 = \\sigma_{{\\max}}(W_h) = {_show(norm)}$",
        f"$\\gamma = \\max |\\sigma'| = {g}$ for {activation}",
        f"$\\gamma \\|W_h\\|_2 = {g} \\cdot {_show(norm)} = {gn}$",
        f"$\\gamma \\rho(W_h) = {g} \\cdot {_show(radius)} = {gr}$",
    ]
    jacobian = (r"Each step's Jacobian is $\mathrm{diag}(\sigma'(a_t)) W_h$ with "
                f"$|\\sigma'| \\le \\gamma = {g}$, so "
                rf"$\|\partial h_T / \partial h_k\|_2 \le (\gamma \|W_h\|_2)^{{T-k}} "
                rf"= {_base(gn)}^{{T-k}}$")
    if gamma * norm < 1 - TOLERANCE:
        lines[2] += ": below 1, so vanishing is guaranteed"
        return "vanish", (
            f"{jacobian}, which goes to 0: the gradient is guaranteed to vanish as "
            "$T \\to \\infty$, whatever the inputs."
        ), lines
    lines[2] += ": not below 1, so the bound does not force vanishing"
    regime = SENSITIVE_REGIME[activation]
    shrinking = SHRINKING_UNITS[activation]
    if gamma * radius > 1 + TOLERANCE:
        lines[3] += ": above 1, so the gradient can explode"
        return "may_explode", (
            f"{jacobian}; that bound does not shrink, so vanishing is not guaranteed. While the "
            f"units stay in their most sensitive regime ({regime}) the Jacobian is (close to) "
            f"$\\gamma W_h$, whose spectral radius $\\gamma \\rho(W_h) = {gr} > 1$, so the "
            f"gradient can explode; that is not guaranteed either, because {shrinking} units "
            "shrink $\\sigma'$ and can stop the growth."
        ), lines
    lines[3] += ": not above 1"
    return "undetermined", (
        f"{jacobian}; that bound does not shrink, so vanishing is not guaranteed. In the most "
        f"sensitive regime ({regime}) the Jacobian is (close to) $\\gamma W_h$ with "
        f"$\\gamma \\rho(W_h) = {gr} \\le 1$, which does not grow geometrically, but other "
        f"activation patterns rescale the rows of $W_h$ differently and may still make the "
        "gradient grow: neither explosion nor vanishing is guaranteed, it depends on the inputs."
    ), lines


def _nonlinear_explanation(activation: str, verdict: str, radius: float, norm: float) -> str:
    """Return the one-sentence summary for tanh, sigmoid or ReLU."""
    gamma = DERIVATIVE_BOUNDS[activation]
    gn, gr = _show(gamma * norm), _show(gamma * radius)
    if verdict == "vanish":
        return (f"With {activation}, $\\gamma \\|W_h\\|_2 \\approx {gn} < 1$, so every step "
                "shrinks the gradient: it is guaranteed to vanish.")
    if verdict == "may_explode":
        return (f"With {activation}, $\\gamma \\rho(W_h) \\approx {gr} > 1$: the gradient can "
                f"explode while the units stay in their most sensitive regime, but "
                f"{SHRINKING_UNITS[activation]} units can stop it, so explosion is possible, not "
                "guaranteed.")
    return (f"With {activation}, $\\gamma \\|W_h\\|_2 \\approx {gn} \\ge 1$ but "
            f"$\\gamma \\rho(W_h) \\approx {gr} \\le 1$: neither vanishing nor explosion is "
            f"guaranteed; it depends on which units are {SHRINKING_UNITS[activation]}.")


def recurrent_gradient_check(matrix, activation="identity") -> dict:
    """Judge whether gradients through h_t = sigma(W_h h_{t-1} + W_x x_t + b) explode or vanish.

    With the identity activation the verdict is "explode" (spectral radius > 1), "vanish" (< 1)
    or "stable" (= 1 within 1e-9). For tanh, sigmoid and ReLU, whose derivative is at most
    gamma (1, 1/4, 1), it is "vanish" when gamma * ||W_h||_2 < 1 (guaranteed), else
    "may_explode" when gamma * radius > 1, else "undetermined".

    Returns a JSON-ready dict: ``eigenvalues`` [{"re", "im"}] by decreasing modulus,
    ``spectral_radius``, ``spectral_norm``, ``activation``, ``verdict``, ``reasoning`` (what is
    and is not guaranteed), ``steps``, ``explanation``; all numbers unrounded Python floats.

    Raises CalculationError naming "matrix" if it is empty, ragged, not square, larger than
    MAX_MATRIX_SIZE, has a non-finite entry or overflows; naming "activation" if unknown.
    """
    if activation not in ACTIVATIONS:
        fail("activation", f"activation must be one of {', '.join(ACTIVATIONS)} "
                           f"(got {activation!r})")
    eigenvalues, norm = _spectrum(_check_matrix(matrix))
    ordered = sorted(eigenvalues.tolist(), key=lambda z: (-abs(z), -z.real, -z.imag))
    radius = float(abs(ordered[0]))
    r = _show(radius)

    shown = ", ".join(fmt_complex(z.real, z.imag) for z in ordered[:SHOWN_EIGENVALUES])
    if len(ordered) > SHOWN_EIGENVALUES:
        shown += r", \ldots"
    steps = [
        r"$\rho(W_h) = \max_i |\lambda_i|$, the spectral radius",
        f"$\\lambda = {shown}$",
        f"$\\rho(W_h) = |{fmt_complex(ordered[0].real, ordered[0].imag)}| = {r}$"
        + (f" (about {radius:.2f})" if f"{radius:.2f}" != r else ""),
    ]
    if activation == "identity":
        verdict, reasoning, line = _identity_verdict(radius, norm)
        steps.append(line)
        outcome = {"explode": "explodes", "vanish": "vanishes",
                   "stable": "neither explodes nor vanishes geometrically"}[verdict]
        explanation = (f"The largest eigenvalue modulus of $W_h$ is $\\rho \\approx {r}$, so with "
                       f"the identity activation the gradient {outcome} as $T \\to \\infty$ "
                       r"(it scales like $\rho^{T-k}$).")
    else:
        verdict, reasoning, lines = _nonlinear_verdict(activation, radius, norm)
        steps += lines
        explanation = _nonlinear_explanation(activation, verdict, radius, norm)
    return {
        "eigenvalues": [{"re": float(z.real), "im": float(z.imag)} for z in ordered],
        "spectral_radius": radius,
        "spectral_norm": norm,
        "activation": activation,
        "verdict": verdict,
        "reasoning": reasoning,
        "steps": steps,
        "explanation": explanation,
    }

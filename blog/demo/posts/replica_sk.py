"""Replica method for the Sherrington-Kirkpatrick model."""

from datetime import date

from blog.demo.builder import (
    PostData,
    callout,
    code,
    derivation,
    equation,
    figure,
    footnote,
    heading,
    paragraph,
    simulation,
)

SOLVER = r'''
import numpy as np

# Gaussian average on a fine grid: at low T the integrands are nearly step functions.
z = np.linspace(-10, 10, 8001)
w = np.exp(-z**2 / 2) / np.sqrt(2 * np.pi) * (z[1] - z[0])

def rs_solution(T, h=0.0, J0=0.0, J=1.0, m=0.5, q=0.5, tol=1e-11):
    """Damped iteration of the RS equations for (m, q)."""
    beta = 1.0 / T
    for _ in range(20_000):
        t = np.tanh(beta * (J * np.sqrt(q) * z + J0 * m + h))
        m_new, q_new = w @ t, w @ t**2
        if abs(m_new - m) + abs(q_new - q) < tol:
            break
        m, q = (m + m_new) / 2, (q + q_new) / 2
    return m_new, q_new

def replicon(T, h, q, J=1.0):
    """1 - (beta J)^2 <sech^4>: the RS solution is unstable where this is negative."""
    beta = 1.0 / T
    return 1 - (beta * J) ** 2 * (w @ np.cosh(beta * (J * np.sqrt(q) * z + h)) ** -4)

for T in (0.2, 0.5, 0.9, 1.2):
    m, q = rs_solution(T, h=0.1)
    print(f"T={T:.1f}  q={q:.4f}  replicon={replicon(T, 0.1, q):+.4f}")
'''

POST = PostData(
    slug="replica-method-sk-model",
    title="Replica Method for the Sherrington-Kirkpatrick Model",
    subtitle="The replica-symmetric solution, its instability, and the numbers behind the phase diagram",
    date=date(2024, 10, 8),
    summary=(
        "A review of the replica-symmetric solution of the SK model with the derivation written "
        "out in full, followed by numerical phase diagrams of the order parameters and the free energy."
    ),
    tags=("spin glasses", "replica method", "SK model"),
    body=[
        paragraph(
            "The Sherrington-Kirkpatrick (SK) model \\cite{sherrington1975} is the mean-field "
            "spin glass: every spin interacts with every other through a random coupling. It is the "
            "model on which the replica method was developed, and it is the first calculation to "
            "do by hand before applying the same ideas to neural networks. This note derives the "
            "replica-symmetric (RS) free energy, solves its saddle-point equations numerically, and "
            "explains why the RS answer cannot be the whole story at low temperature."
        ),
        heading("The model", anchor="model"),
        paragraph(
            "Take $N$ Ising spins $s_i = \\pm 1$ with energy",
        ),
        equation(
            r"H(\mathbf{s}) = -\sum_{i<j} J_{ij}\, s_i s_j - h \sum_{i=1}^{N} s_i ,"
            r"\qquad J_{ij} \sim \mathcal{N}\!\left(\frac{J_0}{N}, \frac{J^2}{N}\right),",
            label="sk-hamiltonian",
        ),
        paragraph(
            "with the couplings independent for $i \\lt j$. The scaling with $N$ makes the energy "
            "extensive: each spin feels a local field of order one, the sum of $N$ random "
            "contributions of order $N^{-1/2}$. The couplings are <em>quenched</em>: they are drawn "
            "once and stay fixed while the spins equilibrate at inverse temperature $\\beta = 1/T$. "
            "Physical quantities are self-averaging, so we want the typical free energy density",
        ),
        equation(
            r"-\beta f = \lim_{N\to\infty} \frac{1}{N}\, \mathbb{E}_J \ln Z ,"
            r"\qquad Z = \sum_{\mathbf{s}} e^{-\beta H(\mathbf{s})}.",
            label="sk-free-energy",
        ),
        callout(
            "definition",
            "The replica trick",
            "The average of a logarithm is hard; the average of a power is not. For integer $n$, "
            "$Z^n$ is the partition function of $n$ independent copies (replicas) of the system "
            "with the same couplings, and $\\mathbb{E}\\ln Z = \\lim_{n\\to 0} "
            "(\\mathbb{E} Z^n - 1)/n$. One computes $\\mathbb{E}Z^n$ for integer $n$, continues the "
            "result to real $n$, and takes $n \\to 0$.",
        ),
        heading("The replica-symmetric free energy", anchor="rs-free-energy"),
        paragraph(
            "Averaging $Z^n$ over the Gaussian couplings and decoupling the sites introduces the "
            "overlaps $q_{ab} = N^{-1}\\sum_i s_i^a s_i^b$ between replicas and the magnetisations "
            "$m_a = N^{-1}\\sum_i s_i^a$. The replica-symmetric ansatz $q_{ab} = q$ for $a \\neq b$, "
            "$m_a = m$ gives, after $n \\to 0$,"
        ),
        equation(
            r"-\beta f_{\mathrm{RS}} = \frac{\beta^2 J^2}{4}(1-q)^2 - \frac{\beta J_0 m^2}{2}"
            r" + \int \mathcal{D}z \, \ln 2\cosh\!\big(\beta(J\sqrt{q}\, z + J_0 m + h)\big),",
            label="rs-free-energy",
        ),
        paragraph(
            "where $\\mathcal{D}z = e^{-z^2/2}\\,dz/\\sqrt{2\\pi}$ is the standard Gaussian measure. "
            "The derivation is below; the only steps that need care are the counting of replica "
            "pairs and the sign that the limit $n \\to 0$ gives to the $q^2$ term.[^order-of-limits]"
        ),
        derivation(
            "Derivation of the RS free energy",
            paragraph(
                "For integer $n$, average over each coupling with "
                "$\\mathbb{E}\\, e^{tJ_{ij}} = e^{tJ_0/N + t^2J^2/(2N)}$ and use "
                "$\\sum_{i\\lt j} (\\sum_a s_i^a s_j^a)^2 = \\sum_{a\\lt b} (\\sum_i s_i^a s_i^b)^2 "
                "+ nN^2/2 + O(N)$. Up to terms that vanish per spin,"
            ),
            equation(
                r"\mathbb{E} Z^n = \sum_{\{\mathbf{s}^a\}} \exp\Big( \frac{N n \beta^2 J^2}{4}"
                r" + \frac{\beta^2 J^2}{2N} \sum_{a<b} \Big(\sum_i s_i^a s_i^b\Big)^2"
                r" + \frac{\beta J_0}{2N} \sum_a \Big(\sum_i s_i^a\Big)^2 + \beta h \sum_{i,a} s_i^a \Big).",
                label="replicated-z",
            ),
            paragraph(
                "A Gaussian (Hubbard-Stratonovich) integral linearises each square: "
                "$e^{\\beta^2J^2 X^2/(2N)} \\propto \\int dq\\, e^{-N\\beta^2J^2q^2/2 + \\beta^2J^2 q X}$ "
                "and likewise for the magnetisations. The sites then decouple, and "
                "$\\mathbb{E}Z^n = \\int \\prod dq_{ab}\\, dm_a\\, e^{N G(q, m)}$ with"
            ),
            equation(
                r"G = \frac{n\beta^2J^2}{4} - \frac{\beta^2J^2}{2}\sum_{a<b} q_{ab}^2"
                r" - \frac{\beta J_0}{2}\sum_a m_a^2 + \ln \sum_{\{s^a\}} \exp\Big(\beta^2J^2\sum_{a<b} q_{ab} s^a s^b"
                r" + \beta\sum_a (J_0 m_a + h) s^a\Big).",
                label="replica-action",
            ),
            paragraph(
                "With $q_{ab} = q$ and $m_a = m$, write $\\sum_{a\\lt b} s^a s^b = "
                "\\frac12 (\\sum_a s^a)^2 - \\frac n2$ and linearise the square once more with a "
                "Gaussian variable $z$: the trace becomes "
                "$e^{-n\\beta^2J^2q/2}\\int\\mathcal{D}z\\,[2\\cosh\\beta(J\\sqrt q z + J_0 m + h)]^n$. "
                "Since $\\sum_{a\\lt b} q^2 = n(n-1)q^2/2$, dividing $G$ by $n$ and letting "
                "$n\\to 0$ in \\eqref{replica-action} gives"
            ),
            equation(
                r"\lim_{n\to 0}\frac{G}{n} = \frac{\beta^2J^2}{4} + \frac{\beta^2J^2q^2}{4}"
                r" - \frac{\beta^2J^2 q}{2} - \frac{\beta J_0 m^2}{2}"
                r" + \int\mathcal{D}z\,\ln 2\cosh\beta(J\sqrt q z + J_0 m + h),",
            ),
            paragraph(
                "and the first three terms combine into $\\beta^2J^2(1-q)^2/4$: this is "
                "\\eqref{rs-free-energy}. The saddle point is taken for $N\\to\\infty$ at fixed "
                "$n$, before $n\\to 0$."
            ),
        ),
        heading("Saddle-point equations", anchor="saddle-point"),
        paragraph(
            "Setting the derivatives of \\eqref{rs-free-energy} with respect to $m$ and $q$ to zero, "
            "and integrating by parts in $z$ with $\\int\\mathcal{D}z\\, z\\, g(z) = "
            "\\int\\mathcal{D}z\\, g'(z)$, gives the self-consistency equations"
        ),
        equation(
            r"m = \int \mathcal{D}z\, \tanh \beta\big(J\sqrt{q}\, z + J_0 m + h\big),",
            label="rs-m",
        ),
        equation(
            r"q = \int \mathcal{D}z\, \tanh^2 \beta\big(J\sqrt{q}\, z + J_0 m + h\big).",
            label="rs-q",
        ),
        paragraph(
            "Their meaning is transparent: a spin feels a Gaussian cavity field of mean $J_0 m + h$ "
            "and variance $J^2 q$, $m$ is its average magnetisation, and $q$ is the "
            "Edwards-Anderson parameter, the average squared local magnetisation. At $h = 0$ and "
            "$J_0 \\lt J$, expanding \\eqref{rs-q} for small $q$ gives $q = (\\beta J)^2 q + O(q^2)$: "
            "a nonzero solution appears continuously at $T_f = J$, the spin-glass transition. For "
            "$J_0 \\gt J$ the RS equations instead predict a ferromagnet below $T = J_0$."
        ),
        code(
            SOLVER,
            caption="Fixed-point solver for the RS equations, with the replicon eigenvalue.",
        ),
        figure(
            "sk-order-parameter",
            alt_text=(
                "Plot of the Edwards-Anderson parameter q against temperature for h/J = 0, 0.1 and 0.3. "
                "At h = 0, q vanishes at T = J; in a field q is positive at all temperatures. Dots mark "
                "the de Almeida-Thouless instability on each field curve."
            ),
            caption=(
                "The RS order parameter $q(T)$ at $J_0 = 0$, computed with the solver above. Dots mark "
                "the de Almeida-Thouless temperature: to its left the RS solution is unstable."
            ),
            credit="Computed for this post.",
        ),
        heading("Where replica symmetry fails", anchor="at-line"),
        paragraph(
            "The RS saddle point must be a stable extremum in the space of all $n(n-1)/2$ overlaps. "
            "de Almeida and Thouless \\cite{dealmeida1978} computed the Hessian of "
            "\\eqref{replica-action} at the RS point; the dangerous direction (the replicon) has "
            "eigenvalue proportional to $1 - (\\beta J)^2 \\int \\mathcal{D}z\\, "
            "\\mathrm{sech}^4(\\cdot)$. The RS solution is therefore stable only while"
        ),
        equation(
            r"(\beta J)^2 \int \mathcal{D}z\, \operatorname{sech}^4 \beta\big(J\sqrt{q}\, z + J_0 m + h\big) < 1,",
            label="at-condition",
        ),
        paragraph(
            "and the de Almeida-Thouless (AT) line is where the left-hand side equals one. For "
            "$J_0 = 0$ and a small field it reads $(h/J)^2 \\simeq \\frac43 (1 - T/J)^3$, which the "
            "solver above reproduces as $h \\to 0$."
        ),
        simulation(
            "sk-replica",
            mode="phase_diagram",
            show=("phase-diagram",),
            caption=(
                "The replica-symmetric phase diagram in the $(T/J, J_0/J)$ plane, computed on a "
                "$200 \\times 200$ grid by the <code>sk-replica</code> solver, with the AT line below "
                "which the RS solution is unstable."
            ),
            alt_text="Phase diagram of the SK model: paramagnet, ferromagnet, spin glass and mixed phases, with the AT line.",
        ),
        simulation(
            "sk-replica",
            T=0.5,
            show=("order-parameters", "thermodynamics"),
            caption=(
                "Order parameters and thermodynamics of the RS solution at $J_0 = h = 0$. The RS "
                "entropy turns negative as $T \\to 0$, reaching $-1/(2\\pi)$."
            ),
            alt_text="q and m against temperature, and the RS free energy and entropy against temperature.",
        ),
        callout(
            "warning",
            "A negative entropy",
            "At $h = J_0 = 0$ and low temperature, \\eqref{rs-q} gives "
            "$1 - q \\simeq \\sqrt{2/\\pi}\\, T/J$. The RS internal energy "
            "$u = -\\beta J^2 (1 - q^2)/2$ tends to $-\\sqrt{2/\\pi}\\, J \\approx -0.798\\,J$, and "
            "the entropy tends to $s(0) = -1/(2\\pi) \\approx -0.159$. An Ising system cannot have "
            "negative entropy: the RS solution is wrong below the AT line, as "
            "\\eqref{at-condition} says.",
        ),
        paragraph(
            "The correct low-temperature solution breaks replica symmetry: Parisi's hierarchical "
            "ansatz replaces the single overlap $q$ by a function $q(x)$ on $[0, 1]$ "
            "\\cite{parisi1979}, and restores a non-negative entropy and the ground-state energy "
            "$\\approx -0.763\\,J$. The book by Mézard, Parisi and Virasoro \\cite{mezard1987} "
            "tells that story."
        ),
        footnote(
            "order-of-limits",
            "We exchange the limits $n \\to 0$ and $N \\to \\infty$ without proof. For the SK model "
            "the resulting free energy (with full replica symmetry breaking) has since been proved "
            "correct, but the exchange itself is part of what the replica method assumes.",
        ),
    ],
)

"""The order-to-chaos transition of a discrete-time random dynamical system, in mean-field theory."""

from datetime import date

from blog.demo.builder import (
    PostData,
    callout,
    code,
    derivation,
    equation,
    figure,
    heading,
    paragraph,
    simulation,
)

SOLVER = r'''
import numpy as np

z, w = np.polynomial.hermite_e.hermegauss(61)
w = w / np.sqrt(2 * np.pi)  # Gaussian average: w @ f(z)

def fixed_point(sigma_w2, sigma_b2, phi=np.tanh, dphi=lambda x: np.cosh(x) ** -2):
    """Iterate the length map to q*, then return (q*, chi)."""
    q = 1.0
    for _ in range(5000):
        q = sigma_w2 * (w @ phi(np.sqrt(q) * z) ** 2) + sigma_b2
    chi = sigma_w2 * (w @ dphi(np.sqrt(q) * z) ** 2)
    return q, chi

for sigma_w2 in (1.0, 1.5, 2.0, 3.0):
    q, chi = fixed_point(sigma_w2, sigma_b2=0.05)
    print(f"sigma_w^2={sigma_w2}: q*={q:.3f} chi={chi:.3f}", "chaotic" if chi > 1 else "ordered")
'''

POST = PostData(
    slug="phase-transition-classical-dynamics",
    title="Phase Transition Point in Classical Dynamics",
    subtitle="Order, chaos and the condition chi = 1",
    date=date(2025, 5, 30),
    summary=(
        "A short mean-field derivation of the transition between stability and chaos in a "
        "classical random dynamical system: a network iterated in discrete time, or equivalently "
        "a signal passing through the layers of a deep random network."
    ),
    tags=("chaos", "mean-field theory", "deep networks"),
    body=[
        paragraph(
            "Iterate a random map many times and one of two things happens: nearby trajectories "
            "converge (order) or separate exponentially (chaos). For random neural maps the "
            "boundary between the two can be computed exactly in the limit of large width. The "
            "same calculation describes signal propagation through deep networks at "
            "initialisation \\cite{poole2016, schoenholz2017}, where the layer index plays the "
            "role of time."
        ),
        heading("The map", anchor="map"),
        equation(
            r"h_i^{t+1} = \sum_{j=1}^{N} W_{ij}\, \phi(h_j^t) + b_i,"
            r"\qquad W_{ij} \sim \mathcal{N}\!\left(0, \frac{\sigma_w^2}{N}\right),"
            r"\quad b_i \sim \mathcal{N}(0, \sigma_b^2).",
            label="random-map",
        ),
        paragraph(
            "Take fresh weights at each step (a deep network) or, for an asymmetric recurrent "
            "network, the same weights every step: for $N \\to \\infty$ the one-time statistics "
            "below are the same. Each preactivation $h_i^{t+1}$ is a sum of many independent terms, "
            "hence Gaussian with variance $q^{t+1} = N^{-1}\\sum_i (h_i^{t+1})^2$."
        ),
        heading("The length map and its fixed point", anchor="length-map"),
        equation(
            r"q^{t+1} = \sigma_w^2 \int \mathcal{D}z\; \phi\big(\sqrt{q^t}\, z\big)^2 + \sigma_b^2 .",
            label="length-map",
        ),
        paragraph(
            "For $\\phi = \\tanh$ the map \\eqref{length-map} is increasing and bounded, and it "
            "converges to a unique fixed point $q^*$ from any starting value."
        ),
        heading("Two trajectories", anchor="correlation-map"),
        paragraph(
            "Now run two copies from different initial conditions, with the same weights and "
            "biases, and follow their covariance $q_{12}^t$ and correlation "
            "$c^t = q_{12}^t / q^*$. The same argument gives $q_{12}^{t+1} = \\sigma_w^2 "
            "\\langle \\phi(u_1)\\phi(u_2) \\rangle + \\sigma_b^2$ with $(u_1, u_2)$ Gaussian of "
            "variances $q^*$ and correlation $c^t$. Identical inputs stay identical, so $c = 1$ is "
            "always a fixed point; the question is whether it attracts. Its slope is"
        ),
        equation(
            r"\chi = \frac{\partial c^{t+1}}{\partial c^t}\Big|_{c=1}"
            r" = \sigma_w^2 \int \mathcal{D}z\; \phi'\big(\sqrt{q^*}\, z\big)^2 .",
            label="chi",
        ),
        derivation(
            "Why the slope is the mean squared derivative",
            paragraph(
                "Write $u_1 = \\sqrt{q^*}\\,z_1$ and $u_2 = \\sqrt{q^*}\\,(c z_1 + \\sqrt{1-c^2}\\,"
                "z_2)$. By Price's theorem, $\\partial\\langle\\phi(u_1)\\phi(u_2)\\rangle / "
                "\\partial q_{12} = \\langle \\phi'(u_1)\\phi'(u_2) \\rangle$, and $q_{12} = "
                "q^* c$. Hence"
            ),
            equation(
                r"\frac{\partial c^{t+1}}{\partial c^{t}} = \sigma_w^2\,"
                r"\langle \phi'(u_1)\, \phi'(u_2) \rangle ,",
            ),
            paragraph(
                "which at $c = 1$, where $u_1 = u_2$, is \\eqref{chi}. The same number is the "
                "mean squared singular value of the Jacobian $\\partial h^{t+1}/\\partial h^t$ "
                "per direction: $\\chi$ is the factor by which an infinitesimal perturbation's "
                "squared length grows per step."
            ),
        ),
        callout(
            "theorem",
            "Order and chaos",
            "If $\\chi \\lt 1$, correlations approach $c = 1$: nearby inputs become "
            "indistinguishable, with $1 - c^t \\propto \\chi^t$, i.e. over a depth scale "
            "$\\xi = -1/\\ln\\chi$. If $\\chi \\gt 1$, the fixed point $c = 1$ is unstable and "
            "nearby trajectories separate: the dynamics is chaotic. The transition is at "
            "$\\chi = 1$, where $\\xi$ diverges.",
        ),
        paragraph(
            "With $\\sigma_b = 0$ and $\\phi = \\tanh$, the fixed point is $q^* = 0$ for "
            "$\\sigma_w \\le 1$, and \\eqref{chi} gives $\\chi = \\sigma_w^2$: the transition is at "
            "$\\sigma_w = 1$, the discrete-time counterpart of $g = 1$ in the continuous-time "
            "network of Sompolinsky, Crisanti and Sommers \\cite{sompolinsky1988}. Biases push the "
            "boundary to larger $\\sigma_w$, since they put the units in the saturating part of "
            "$\\tanh$ where $\\phi'$ is small."
        ),
        code(SOLVER, caption="Length-map fixed point and chi for tanh."),
        figure(
            "order-chaos-phase-diagram",
            alt_text=(
                "Phase diagram in the plane of weight variance and bias variance. The line chi = 1 "
                "starts at sigma_w squared = 1 for zero bias and bends to larger weight variance as "
                "the bias variance grows; left of it is ordered, right of it chaotic."
            ),
            caption=(
                "The line $\\chi = 1$ for $\\phi = \\tanh$, from \\eqref{length-map} and "
                "\\eqref{chi}. Left: ordered. Right: chaotic."
            ),
            credit="Computed for this post.",
        ),
        simulation(
            "chaos-transition",
            sigma_w=2.0,
            sigma_b=0.3,
            caption=(
                "Order and chaos in the discrete-time network: the critical line $\\chi = 1$ in "
                "the $(\\sigma_w, \\sigma_b)$ plane, the iterated variance map with its fixed "
                "point, and the Lyapunov exponent against $\\sigma_w$, theory and simulation."
            ),
            alt_text="Phase diagram with the critical line, the variance map, and the Lyapunov exponent against sigma_w.",
        ),
    ],
)

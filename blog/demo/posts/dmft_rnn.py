"""DMFT of random recurrent neural networks (Sompolinsky, Crisanti and Sommers 1988)."""

from datetime import date

from blog.demo.builder import (
    PostData,
    callout,
    code,
    derivation,
    equation,
    footnote,
    heading,
    paragraph,
    simulation,
)

SOLVER = r'''
import numpy as np

z, w = np.polynomial.hermite_e.hermegauss(80)
w = w / np.sqrt(2 * np.pi)  # Gaussian average: w @ f(z)

def delta0(g):
    """Variance of x in the chaotic state of the SCS model with phi = tanh.

    V(Delta0; Delta0) = V(0; Delta0) reduces to Delta0^2 / 2 = g^2 Var[ln cosh(sqrt(Delta0) z)].
    """
    def mismatch(d0):
        Phi = np.log(np.cosh(np.sqrt(d0) * z))
        return g**2 * (w @ Phi**2 - (w @ Phi) ** 2) - d0**2 / 2
    lo, hi = 1e-9, 100.0
    for _ in range(100):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if mismatch(mid) > 0 else (lo, mid)
    return mid

for g in (1.1, 1.5, 2.0, 3.0):
    print(f"g={g}: Delta0={delta0(g):.4f}")
# g=1.5: 0.7477, g=2.0: 1.9248 (a direct simulation with N=2000 gives 0.72 and 1.92)
'''

POST = PostData(
    slug="dmft-random-recurrent-neural-networks",
    title="DMFT Method of Random Recurrent Neural Networks",
    subtitle="The Sompolinsky-Crisanti-Sommers model: a particle in a potential, and a transition to chaos at g = 1",
    date=date(2025, 3, 10),
    summary=(
        "An introduction to the dynamical mean-field theory (DMFT) of large random recurrent "
        "networks, introduced by Sompolinsky, Crisanti and Sommers in 1988. DMFT reduces the "
        "dynamics of a network with random couplings to a single self-consistent unit, and is a "
        "basic tool for the random RNNs used in neuroscience and machine learning."
    ),
    tags=("DMFT", "recurrent networks", "chaos"),
    body=[
        paragraph(
            "Random recurrent networks are the simplest model of a large neural circuit whose "
            "connections nobody designed. In 1988 Sompolinsky, Crisanti and Sommers (SCS) showed "
            "that such a network, with rate units and asymmetric random couplings, has a sharp "
            "transition from a quiescent state to deterministic chaos \\cite{sompolinsky1988}. "
            "Their tool, dynamical mean-field theory, is the subject of this post; the formal "
            "derivation from a path integral is in a separate post on the DMFT formalism."
        ),
        heading("The model", anchor="model"),
        paragraph("Each of $N$ units has an activation $x_i(t)$ obeying"),
        equation(
            r"\frac{dx_i}{dt} = -x_i + \sum_{j=1}^{N} J_{ij}\, \phi(x_j),"
            r"\qquad J_{ij} \sim \mathcal{N}\!\left(0, \frac{g^2}{N}\right) \text{ i.i.d.},",
            label="scs-model",
        ),
        paragraph(
            "with $\\phi = \\tanh$ and no symmetry between $J_{ij}$ and $J_{ji}$. The gain $g$ is "
            "the only parameter. The origin $x = 0$ is always a fixed point; its Jacobian is "
            "$-\\mathbb{1} + J\\,\\phi'(0)$, and the eigenvalues of $J$ fill the disc of radius "
            "$g$ in the complex plane. So $x = 0$ is stable for $g \\lt 1$ and unstable for "
            "$g \\gt 1$. What happens beyond the instability is the question DMFT answers."
        ),
        heading("The mean-field equations", anchor="mean-field"),
        paragraph(
            "For $N \\to \\infty$, the input $\\eta_i(t) = \\sum_j J_{ij}\\phi(x_j(t))$ to a unit is a "
            "sum of many weakly correlated terms. Because the couplings are asymmetric, the "
            "feedback of unit $i$ on itself through the network vanishes, and $\\eta_i$ becomes a "
            "Gaussian process, independent across units, with zero mean and covariance fixed by the "
            "network's own activity. Each unit then obeys the same single-site equation"
        ),
        equation(
            r"\dot x(t) = -x(t) + \eta(t), \qquad"
            r"\langle \eta(t)\, \eta(t+\tau) \rangle = g^2 C_\phi(\tau),"
            r"\quad C_\phi(\tau) = \langle \phi(x(t))\, \phi(x(t+\tau)) \rangle .",
            label="single-site",
        ),
        paragraph(
            "Equation \\eqref{single-site} is self-consistent: the statistics of the noise are "
            "those of the process it drives. In a stationary state, write "
            "$\\Delta(\\tau) = \\langle x(t)\\,x(t+\\tau)\\rangle$ and $\\Delta_0 = \\Delta(0)$."
        ),
        derivation(
            "The autocorrelation obeys Newton's equation",
            paragraph(
                "Apply $(1 + \\partial_t)(1 + \\partial_{t'})$ to $\\langle x(t)\\,x(t')\\rangle$ and "
                "use \\eqref{single-site}: the right-hand side is $\\langle\\eta(t)\\,\\eta(t')\\rangle$. "
                "With $\\tau = t' - t$, $\\partial_t = -\\partial_\\tau$ and "
                "$\\partial_{t'} = \\partial_\\tau$, so $(1 - \\partial_\\tau^2)\\,\\Delta(\\tau) = "
                "g^2 C_\\phi(\\tau)$."
            ),
            paragraph(
                "Since $x$ is Gaussian, $C_\\phi$ depends on $\\tau$ only through $\\Delta(\\tau)$ and "
                "$\\Delta_0$: with $z, x_1, x_2$ independent standard Gaussians and $\\Delta \\ge 0$,"
            ),
            equation(
                r"C_\phi(\Delta, \Delta_0) = \int \mathcal{D}z \left[ \int \mathcal{D}x\;"
                r" \phi\big(\sqrt{\Delta_0 - \Delta}\, x + \sqrt{\Delta}\, z\big) \right]^2 .",
                label="c-phi",
            ),
        ),
        equation(
            r"\frac{d^2 \Delta}{d\tau^2} = \Delta - g^2\, C_\phi(\Delta, \Delta_0)"
            r" = -\frac{\partial V(\Delta; \Delta_0)}{\partial \Delta},",
            label="newton",
        ),
        equation(
            r"V(\Delta; \Delta_0) = -\frac{\Delta^2}{2} + g^2 \int \mathcal{D}z \left[ \int \mathcal{D}x\;"
            r" \Phi\big(\sqrt{\Delta_0 - \Delta}\, x + \sqrt{\Delta}\, z\big) \right]^2,"
            r"\qquad \Phi' = \phi .",
            label="potential",
        ),
        paragraph(
            "That $-\\partial V/\\partial\\Delta$ reproduces $\\Delta - g^2 C_\\phi$ follows from "
            "Price's theorem: differentiating a Gaussian average of $\\Phi(u)\\Phi(v)$ with respect "
            "to the covariance of $u$ and $v$ gives the average of $\\Phi'(u)\\Phi'(v)$. For "
            "$\\phi = \\tanh$, $\\Phi = \\ln\\cosh$. So \\eqref{newton} describes a classical "
            "particle at position $\\Delta$ moving in the potential \\eqref{potential} with "
            "$\\tau$ as time, and the energy $\\frac12 \\Delta'^2 + V(\\Delta)$ is conserved."
        ),
        heading("The transition at g = 1", anchor="transition"),
        paragraph(
            "Which trajectory is the physical one? $\\Delta(\\tau)$ is even and smooth, so "
            "$\\Delta'(0) = 0$: the particle starts at rest at $\\Delta_0$. In a chaotic state, "
            "distant times decorrelate, $\\Delta(\\tau) \\to 0$ with $\\Delta' \\to 0$ as "
            "$\\tau \\to \\infty$. Energy conservation then fixes $\\Delta_0$:"
        ),
        equation(
            r"V(\Delta_0; \Delta_0) = V(0; \Delta_0)"
            r"\quad\Longleftrightarrow\quad \frac{\Delta_0^2}{2} = g^2\, \operatorname{Var}_z"
            r"\big[\Phi(\sqrt{\Delta_0}\, z)\big].",
            label="delta0-condition",
        ),
        paragraph(
            "For small $\\Delta_0$, $\\operatorname{Var}[\\ln\\cosh(\\sqrt{\\Delta_0}z)] = "
            "\\Delta_0^2/2 - \\Delta_0^3 + O(\\Delta_0^4)$, so \\eqref{delta0-condition} has the "
            "solution $\\Delta_0 \\simeq (g^2 - 1)/(2g^2)$, which is positive only for $g \\gt 1$. "
            "Below $g = 1$ the only solution is $\\Delta \\equiv 0$: the network is silent. Above "
            "it, the activity is self-sustained and irregular, and its autocorrelation decays "
            "monotonically to zero, more and more slowly as $g \\to 1^+$. The maximal Lyapunov "
            "exponent is positive: the state is chaotic.[^lyapunov]"
        ),
        callout(
            "theorem",
            "Result (SCS 1988)",
            "For $N \\to \\infty$, the network \\eqref{scs-model} with $\\phi = \\tanh$ has a "
            "stable silent state for $g \\lt 1$ and a chaotic state for $g \\gt 1$ whose "
            "autocorrelation is the zero-energy trajectory of \\eqref{newton} from $\\Delta_0$ "
            "to $0$, with $\\Delta_0$ given by \\eqref{delta0-condition}.",
        ),
        code(SOLVER, caption="Solving the energy condition for the variance of the chaotic state."),
        callout(
            "warning",
            "Finite N and symmetric couplings",
            "The Gaussian-noise closure needs asymmetric couplings. With symmetric "
            "$J_{ij} = J_{ji}$ a unit's influence returns to it through the network, the "
            "single-site process acquires a memory term involving the response function, and the "
            "dynamics becomes glassy rather than chaotic. At finite $N$ the chaotic state is a "
            "long transient for small networks near $g = 1$.",
        ),
        footnote(
            "lyapunov",
            "SCS computed the maximal Lyapunov exponent from the same theory, by studying how "
            "two copies of the network driven from nearby initial conditions separate; it "
            "vanishes at $g = 1$.",
        ),
        simulation(
            "rnn-dmft",
            g=2.0,
            sweep=True,
            caption=(
                "The DMFT autocorrelation $\\Delta(\\tau)$ against a direct simulation of "
                "$N = 1000$ units, the variance $\\Delta_0(g)$, and the largest Lyapunov exponent, "
                "theory and simulation, crossing zero at $g = 1$."
            ),
            alt_text="Autocorrelation against lag for theory and simulation; variance and Lyapunov exponent against g.",
        ),
    ],
)

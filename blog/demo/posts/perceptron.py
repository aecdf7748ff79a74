"""Replica method for the Boolean perceptron with continuous weights (teacher-student)."""

from datetime import date

from blog.demo.builder import (
    PostData,
    callout,
    code,
    derivation,
    equation,
    heading,
    paragraph,
    simulation,
)

SOLVER = r'''
import numpy as np
from scipy.special import log_ndtr  # log H(x) = log_ndtr(-x), accurate in the tails

z = np.linspace(-12, 12, 20001)
w = np.exp(-z**2 / 2) / np.sqrt(2 * np.pi) * (z[1] - z[0])

def overlap(alpha):
    """Teacher-student overlap R(alpha) of Gibbs learning, by bisection on the saddle point."""
    lo, hi = 0.0, 1.0 - 1e-15
    for _ in range(200):
        R = (lo + hi) / 2
        rhs = alpha / np.pi * (w @ np.exp(-R * z**2 / 2 - log_ndtr(-np.sqrt(R) * z)))
        lo, hi = (R, hi) if R / np.sqrt(1 - R) < rhs else (lo, R)
    return R

for alpha in (1, 10, 100, 1000):
    R = overlap(alpha)
    gibbs, bayes = np.arccos(R) / np.pi, np.arccos(np.sqrt(R)) / np.pi
    print(f"alpha={alpha:5d}  eps_Gibbs*alpha={gibbs * alpha:.4f}  eps_Bayes*alpha={bayes * alpha:.4f}")
# alpha=1000: eps_Gibbs*alpha=0.6247, eps_Bayes*alpha=0.4417
'''

POST = PostData(
    slug="replica-method-boolean-perceptron",
    title="Replica Method for Boolean Perceptron with Continuous Weight",
    subtitle="Teacher-student learning curves from the replica-symmetric saddle point",
    date=date(2025, 1, 15),
    summary=(
        "A short replica derivation of the asymptotic generalisation error of a Boolean perceptron "
        "with continuous weights learning from a teacher. The problem was the final assignment of "
        "the course 'Statistical Mechanics of Neural Networks' at SYSU in autumn 2024."
    ),
    tags=("perceptron", "replica method", "learning theory"),
    body=[
        paragraph(
            "How many examples does a network need to learn a rule? For the simplest network, the "
            "perceptron, statistical mechanics answers this exactly in the limit of many inputs. "
            "Gardner's idea \\cite{gardner1988} was to treat the weights as the degrees of freedom "
            "and the training examples as quenched disorder; learning from a teacher then becomes a "
            "spin-glass calculation \\cite{seung1992, engel2001}."
        ),
        heading("Teacher, student and version space", anchor="setup"),
        paragraph(
            "A teacher perceptron with weights $\\mathbf{T} \\in \\mathbb{R}^N$, "
            "$|\\mathbf{T}|^2 = N$, labels random inputs $\\boldsymbol{\\xi}^\\mu$ (i.i.d. standard "
            "Gaussian components) as $\\sigma^\\mu = \\operatorname{sign}(\\mathbf{T}\\cdot"
            "\\boldsymbol{\\xi}^\\mu/\\sqrt N)$, for $\\mu = 1, \\dots, P = \\alpha N$. A student "
            "$\\mathbf{J}$ on the same sphere is compatible with the data if it reproduces every "
            "label; these students form the <em>version space</em>. <em>Gibbs learning</em> picks "
            "a student uniformly at random from it (zero-temperature Gibbs sampling of the "
            "training error)."
        ),
        paragraph(
            "Because the inputs are isotropic, a student's error on a fresh input depends only on "
            "the angle between $\\mathbf{J}$ and $\\mathbf{T}$, i.e. on the overlap "
            "$R = \\mathbf{J}\\cdot\\mathbf{T}/N$:"
        ),
        equation(r"\varepsilon(R) = \frac{1}{\pi} \arccos R .", label="gen-error"),
        callout(
            "definition",
            "Self-averaging overlap",
            "For $N \\to \\infty$ at fixed $\\alpha$, the overlap of a typical version-space student "
            "with the teacher concentrates on a value $R(\\alpha)$, the same for almost every "
            "training set. The learning curve is $\\varepsilon(\\alpha) = \\arccos R(\\alpha)/\\pi$.",
        ),
        heading("The replica calculation", anchor="replicas"),
        paragraph(
            "The quantity to average is the log-volume of version space, "
            "$s = N^{-1}\\,\\mathbb{E}\\ln V$, with "
            "$V = \\int d\\mu(\\mathbf{J}) \\prod_\\mu \\theta\\big(\\sigma^\\mu \\mathbf{J}\\cdot"
            "\\boldsymbol{\\xi}^\\mu/\\sqrt N\\big)$ and $d\\mu$ the uniform measure on the sphere. "
            "Replicas $\\mathbf{J}^a$ bring in the order parameters $q_{ab} = \\mathbf{J}^a\\cdot"
            "\\mathbf{J}^b/N$ and $R_a = \\mathbf{J}^a\\cdot\\mathbf{T}/N$. In Gibbs learning the "
            "teacher is statistically just another sample from the posterior, so at the RS saddle "
            "point $q = R$. With $H(x) = \\int_x^\\infty \\mathcal{D}t$, the entropy becomes"
        ),
        equation(
            r"s(\alpha) = \max_R \Big[ \tfrac12 \ln(1-R) + \tfrac{R}{2}"
            r" + 2\alpha \int \mathcal{D}t\; H\!\Big(-\sqrt{\tfrac{R}{1-R}}\,t\Big)"
            r" \ln H\!\Big(-\sqrt{\tfrac{R}{1-R}}\,t\Big) \Big].",
            label="perceptron-entropy",
        ),
        paragraph(
            "The first two terms are the entropic cost of a given overlap with the teacher (the "
            "log-volume of the sphere at fixed $q = R$); the last is the energetic term, the log "
            "of the probability that a student at overlap $R$ agrees with the teacher on one example."
        ),
        derivation(
            "From the entropy to the saddle-point equation",
            paragraph(
                "Write $a = \\sqrt{R/(1-R)}$ and $I(a) = \\int\\mathcal{D}t\\, H(-at)\\ln H(-at)$. "
                "Differentiating, using $\\frac{d}{da}H(-at) = t\\,e^{-a^2t^2/2}/\\sqrt{2\\pi}$ and "
                "integrating by parts in $t$,"
            ),
            equation(
                r"I'(a) = \frac{a}{2\pi(1+a^2)} \int \mathcal{D}t\; \frac{e^{-a^2 t^2}}{H(-a t)} .",
                label="perceptron-didr",
            ),
            paragraph(
                "With $1 + a^2 = 1/(1-R)$ and $da/dR = 1/(2a(1-R)^2)$, the condition "
                "$\\partial s/\\partial R = 0$ applied to \\eqref{perceptron-entropy} reads "
                "$R = (\\alpha/\\pi)\\int\\mathcal{D}t\\, e^{-a^2t^2}/H(-at)$. Substituting "
                "$t = \\sqrt{1-R}\\,u$ turns it into the form \\eqref{perceptron-saddle} below."
            ),
        ),
        equation(
            r"\frac{R}{\sqrt{1-R}} = \frac{\alpha}{\pi} \int \mathcal{D}u\;"
            r" \frac{e^{-R u^2/2}}{H(\sqrt{R}\, u)} .",
            label="perceptron-saddle",
        ),
        heading("Learning curves", anchor="learning-curves"),
        paragraph(
            "For small $\\alpha$ the right-hand side of \\eqref{perceptron-saddle} is "
            "$2\\alpha/\\pi$, so $R \\approx 2\\alpha/\\pi$ and "
            "$\\varepsilon \\approx \\frac12 - 2\\alpha/\\pi^2$. For large $\\alpha$, $R \\to 1$ and the "
            "integral is dominated by large $u$, where $H$ is small; solving "
            "\\eqref{perceptron-saddle} in this regime and inserting into \\eqref{gen-error} gives "
            "an inverse-power law,"
        ),
        equation(
            r"\varepsilon_{\mathrm{Gibbs}}(\alpha) \simeq \frac{0.625}{\alpha},"
            r"\qquad \varepsilon_{\mathrm{Bayes}}(\alpha) \simeq \frac{0.442}{\alpha}"
            r"\qquad (\alpha \to \infty).",
            label="perceptron-asymptotics",
        ),
        paragraph(
            "The Bayes-optimal student is the centre of mass of version space. Its overlap with "
            "the teacher is $\\sqrt R$ (the centre of mass of students with mutual overlap $q = R$ "
            "has squared norm $R$), so $\\varepsilon_{\\mathrm{Bayes}} = \\arccos(\\sqrt R)/\\pi$ "
            "with the same $R(\\alpha)$. The constants in \\eqref{perceptron-asymptotics} are easy "
            "to check numerically:"
        ),
        code(SOLVER, caption="Solving the saddle-point equation by bisection."),
        simulation(
            "perceptron-replica",
            alpha=4.0,
            rule="gibbs",
            caption=(
                "Learning curves $\\varepsilon(\\alpha)$ of Gibbs and Bayes-optimal learning with "
                "their $c/\\alpha$ asymptotes, and a finite-$N$ check: students sampled exactly "
                "from version space for $N = 200$, with error bars."
            ),
            alt_text="Generalisation error against alpha for Gibbs and Bayes learning, with simulations.",
        ),
        callout(
            "remark",
            "Why no replica symmetry breaking here",
            "For continuous weights, version space is the intersection of the sphere with "
            "half-spaces through the origin: one connected region. Gibbs learning samples the "
            "true posterior of the teacher (the Nishimori condition, which is why $q = R$), and "
            "the replica-symmetric solution is stable for all $\\alpha$. With binary weights "
            "$J_i = \\pm 1$ the picture changes: the same kind of calculation predicts a "
            "discontinuous transition to perfect generalisation at finite $\\alpha$.",
        ),
    ],
)

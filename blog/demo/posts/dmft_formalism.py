"""Introduction to the DMFT formalism: MSR-Janssen path integral and the disorder average."""

from datetime import date

from blog.demo.builder import (
    PostData,
    callout,
    derivation,
    equation,
    heading,
    paragraph,
    quote,
    simulation,
)

POST = PostData(
    slug="introduction-to-dmft-formalism",
    title="Introduction to DMFT Formalism",
    subtitle="From a generating functional to a single self-consistent unit",
    date=date(2025, 8, 19),
    summary=(
        "How dynamical mean-field theory is derived: write the dynamics of a random network as "
        "a Martin-Siggia-Rose-Janssen path integral, average over the couplings, and find at "
        "large N a single unit driven by self-consistent Gaussian noise."
    ),
    tags=("DMFT", "path integrals", "recurrent networks"),
    body=[
        quote(
            "What I cannot create, I do not understand.",
            "Richard Feynman, on his blackboard at Caltech (1988)",
        ),
        paragraph(
            "The post on random recurrent networks stated the mean-field equations of the "
            "Sompolinsky-Crisanti-Sommers model and used them. Here we derive them. The method "
            "works for any dynamics of the form $\\dot x = F(x) + (\\text{random couplings})$, "
            "and it is worth knowing in its generic form \\cite{martin1973, janssen1976, "
            "sompolinsky1982, crisanti2018}."
        ),
        heading("The generating functional", anchor="generating-functional"),
        paragraph(
            "Consider $N$ units with random couplings, an external field $b_i(t)$ and, for "
            "generality, independent white noise $\\xi_i$ of variance $2D$ (set $D = 0$ for the "
            "deterministic network):"
        ),
        equation(
            r"\dot x_i = -x_i + \sum_j J_{ij}\, \phi(x_j) + b_i(t) + \xi_i(t),"
            r"\qquad J_{ij} \sim \mathcal{N}(0, g^2/N).",
            label="dynamics",
        ),
        paragraph(
            "Enforce the equation of motion with a delta functional at each time and write the "
            "delta as a Fourier integral over an auxiliary <em>response field</em> $\\hat x_i(t)$. "
            "Averaging over the noise gives the Martin-Siggia-Rose-Janssen generating functional"
        ),
        equation(
            r"Z[\ell] = \int \mathcal{D}x\, \mathcal{D}\hat x\;"
            r" \exp\Big( -\sum_i \int dt\, \Big[ i\hat x_i \big(\dot x_i + x_i - \textstyle\sum_j J_{ij}\phi(x_j) - b_i\big)"
            r" + D\, \hat x_i^2 \Big] + \sum_i \int dt\; \ell_i\, x_i \Big).",
            label="msr",
        ),
        paragraph(
            "With the Itô (retarded) discretisation the Jacobian of the change of variables is a "
            "constant, and $Z[0] = 1$ for every realisation of the couplings. Derivatives with "
            "respect to $\\ell$ give correlation functions; derivatives with respect to $b$ give "
            "response functions, $R_{ij}(t, t') = \\delta\\langle x_i(t)\\rangle / \\delta b_j(t') = "
            "\\langle x_i(t)\\, i\\hat x_j(t')\\rangle$."
        ),
        callout(
            "remark",
            "No replicas needed",
            "In statics we average $\\ln Z$ and need replicas. Here $Z[0] = 1$ identically, so "
            "the generating functional itself can be averaged over the disorder: the "
            "normalisation does not depend on $J$.",
        ),
        heading("Averaging over the couplings", anchor="disorder-average"),
        paragraph(
            "The couplings enter \\eqref{msr} linearly, through "
            "$\\exp\\big(i \\sum_{ij} J_{ij} \\int dt\\, \\hat x_i(t)\\phi(x_j(t))\\big)$. For "
            "independent Gaussian $J_{ij}$ the average is a Gaussian integral:"
        ),
        equation(
            r"\mathbb{E}_J\, e^{\,i\sum_{ij} J_{ij} \int dt\, \hat x_i \phi(x_j)}"
            r" = \exp\Big( -\frac{g^2}{2} \sum_i \iint dt\, dt'\;"
            r" \hat x_i(t)\, \hat x_i(t')\, C(t, t') \Big),",
            label="disorder-average",
        ),
        paragraph(
            "where $C(t,t') = N^{-1}\\sum_j \\phi(x_j(t))\\phi(x_j(t'))$ is the population-averaged "
            "correlation of the outputs. The units now interact only through $C$."
        ),
        derivation(
            "Decoupling the sites with a saddle point",
            paragraph(
                "Insert $1 = \\int \\mathcal{D}C\\, \\delta\\big(N C(t,t') - \\sum_j "
                "\\phi(x_j(t))\\phi(x_j(t'))\\big)$ and represent the delta functional with a "
                "conjugate field $\\hat C(t,t')$. The average of \\eqref{msr} then factorises over "
                "sites:"
            ),
            equation(
                r"\overline{Z} = \int \mathcal{D}C\, \mathcal{D}\hat C\;"
                r" e^{N\, \Psi[C, \hat C]}, \qquad"
                r"\Psi = -\iint \hat C\, C + \ln \int \mathcal{D}x\,\mathcal{D}\hat x\;"
                r" e^{-S_0[x,\hat x] - \frac{g^2}{2}\iint \hat x \hat x C + \iint \hat C \phi\phi},",
                label="collective-action",
            ),
            paragraph(
                "where $S_0$ is the single-unit part of \\eqref{msr}. For $N \\to \\infty$ the "
                "integral over $C$ and $\\hat C$ is dominated by the stationary point of $\\Psi$. "
                "Stationarity with respect to $\\hat C$ gives $C(t,t') = \\langle "
                "\\phi(x(t))\\phi(x(t'))\\rangle$, an average in the single-site theory; "
                "stationarity with respect to $C$ gives $\\hat C \\propto \\langle \\hat x(t) "
                "\\hat x(t')\\rangle$, which vanishes by causality (at $\\ell = 0$ the single-site "
                "generating functional is normalised whatever the field), so $\\hat C = 0$."
            ),
        ),
        heading("The effective single-site process", anchor="single-site"),
        paragraph(
            "At the saddle point, the term $-\\frac{g^2}{2}\\iint \\hat x(t)\\hat x(t')C(t,t')$ in "
            "\\eqref{collective-action} is exactly what averaging $e^{-i\\int \\hat x\\, \\eta}$ "
            "over a Gaussian process $\\eta$ with covariance $g^2 C$ produces. Reading the "
            "single-site path integral backwards as a stochastic equation:"
        ),
        equation(
            r"\dot x(t) = -x(t) + \eta(t) + b(t) + \xi(t), \qquad"
            r"\langle \eta(t)\,\eta(t') \rangle = g^2 \langle \phi(x(t))\,\phi(x(t')) \rangle .",
            label="effective-process",
        ),
        paragraph(
            "This is the DMFT: $N$ coupled nonlinear equations \\eqref{dynamics} with random "
            "couplings have become one equation with self-consistent Gaussian noise. It is exact "
            "for $N \\to \\infty$ and holds out of equilibrium and out of stationarity; in a "
            "stationary state it gives the equation of motion for the autocorrelation studied in "
            "the post on random RNNs \\cite{sompolinsky1988}."
        ),
        callout(
            "warning",
            "Correlated couplings add memory",
            "If $J_{ij}$ and $J_{ji}$ are correlated (for example symmetric), the average "
            "\\eqref{disorder-average} contains cross terms $\\hat x_i(t)\\phi(x_i(t'))\\,"
            "\\hat x_j(t')\\phi(x_j(t))$. They bring in the response function as a second order "
            "parameter, and the effective process acquires a retarded self-interaction "
            "$\\propto \\int ds\\, R(t,s)\\,\\phi(x(s))$, as in the dynamics of mean-field spin "
            "glasses \\cite{sompolinsky1982}.",
        ),
        simulation(
            "rnn-dmft",
            g=1.5,
            show=("autocorrelation",),
            caption=(
                "What the single-site process predicts for the random network at $g = 1.5$: the "
                "self-consistent autocorrelation, checked against a network of $N = 1000$ units."
            ),
            alt_text="Autocorrelation of the single-site process against lag, theory and simulation.",
        ),
    ],
)

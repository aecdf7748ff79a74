"""Scaling of entropy fluctuations and complexity across free-energy levels (a REM-like toy model)."""

from datetime import date

from blog.demo.builder import (
    PostData,
    callout,
    derivation,
    equation,
    footnote,
    heading,
    paragraph,
    simulation,
)

POST = PostData(
    slug="entropy-fluctuations-complexity",
    title="Scaling of Entropy Fluctuations and Complexity Across Free-Energy Levels",
    subtitle="A random-energy toy model in which the states carry their own entropy",
    date=date(2024, 12, 2),
    summary=(
        "A toy model, set as an assignment in the course 'Statistical Mechanics of Neural "
        "Networks' at SYSU in autumn 2024: how the way entropy fluctuations scale with system "
        "size decides whether they change the configurational entropy (complexity) at each "
        "free-energy level."
    ),
    tags=("random energy model", "complexity", "spin glasses"),
    body=[
        paragraph(
            "Glassy systems have many metastable states, and the logarithm of their number per "
            "degree of freedom, the <em>complexity</em> $\\Sigma$, controls their thermodynamics. "
            "The cleanest place to see this is Derrida's random energy model (REM) "
            "\\cite{derrida1980, derrida1981}. Here we first recall it, then give every state an "
            "entropy of its own and ask a simple question: how large must the state-to-state "
            "fluctuations of that entropy be to matter?"
        ),
        heading("The random energy model", anchor="rem"),
        paragraph(
            "Take $2^N$ configurations with independent Gaussian energies of mean zero and "
            "variance $NJ^2/2$. The expected number of configurations with energy near $Ne$ is "
            "$2^N e^{-Ne^2/J^2}$ up to sub-exponential factors, so their entropy density is"
        ),
        equation(
            r"\Sigma(e) = \ln 2 - \frac{e^2}{J^2}, \qquad |e| \le e_0 = J\sqrt{\ln 2},",
            label="rem-entropy",
        ),
        paragraph(
            "and for $|e| \\gt e_0$ there are typically no configurations at all. The free energy "
            "follows from a saddle point over $e$: $-\\beta f = \\max_e [\\Sigma(e) - \\beta e]$ "
            "with $\\Sigma \\ge 0$. The maximum is at $e^* = -\\beta J^2/2$, which reaches the "
            "edge $-e_0$ at the critical temperature"
        ),
        equation(r"T_c = \frac{J}{2\sqrt{\ln 2}} .", label="rem-tc"),
        paragraph(
            "Above $T_c$, $f = -T\\ln 2 - J^2/(4T)$. Below it, the system is frozen in the lowest "
            "few configurations: $f = -e_0$, with zero entropy density. Free energy and entropy "
            "are continuous at $T_c$, while the overlap of two equilibrium configurations jumps "
            "from $0$ to $1$: the simplest example of the random first-order transition of "
            "mean-field glasses \\cite{mezard1987}."
        ),
        callout(
            "definition",
            "Complexity",
            "For a system whose configuration space splits into states (valleys) $\\alpha$ with "
            "free energies $F_\\alpha = N f_\\alpha$, the complexity $\\Sigma(f)$ is defined by "
            "$\\#\\{\\alpha : f_\\alpha \\approx f\\} = e^{N\\Sigma(f)}$. In the REM each "
            "configuration is its own state, and $\\Sigma(f)$ is \\eqref{rem-entropy}.",
        ),
        simulation(
            "rem-complexity",
            T=0.4,
            N=18,
            caption=(
                "The REM below its freezing temperature $T_c = J/(2\\sqrt{\\ln 2})$: the complexity "
                "$\\Sigma(e)$ with the freezing point, $f(T)$ against exact enumeration of $2^N$ "
                "levels, and the scaling of sample-to-sample entropy fluctuations with $N$."
            ),
            alt_text="Complexity curve, free energy against temperature, and entropy fluctuations on log-log axes.",
        ),
        heading("States with their own entropy", anchor="toy-model"),
        paragraph(
            "Now let each of the $2^N$ states be a valley with an internal entropy $S_\\alpha$, so "
            "that at temperature $T$ its free energy is $F_\\alpha = E_\\alpha - T S_\\alpha$. Take "
            "$E_\\alpha$ as in the REM and $S_\\alpha$ independent Gaussian with mean $N s_0$ and "
            "variance $\\sigma^2 N^{\\gamma}$. The exponent $\\gamma$ is what we vary. $F_\\alpha$ "
            "is Gaussian with mean $-NTs_0$ and variance $NJ^2/2 + T^2\\sigma^2 N^\\gamma$, and "
            "counting states as before:"
        ),
        equation(
            r"\Sigma(f) = \ln 2 - \lim_{N\to\infty} \frac{(f + T s_0)^2}"
            r"{J^2 + 2 T^2 \sigma^2 N^{\gamma - 1}} .",
            label="complexity-general",
        ),
        paragraph("Three regimes follow."),
        paragraph(
            "<ul><li><b>Subextensive fluctuations</b>, $\\gamma \\lt 1$: "
            "$\\Sigma(f) = \\ln 2 - (f + Ts_0)^2/J^2$. The entropy fluctuations reshuffle which "
            "states are lowest, but the complexity curve at every free-energy level is the "
            "REM's, shifted by $-Ts_0$.</li>"
            "<li><b>Extensive fluctuations</b>, $\\gamma = 1$: the curve keeps its shape but "
            "widens, $\\Sigma(f) = \\ln 2 - (f + Ts_0)^2/W(T)$ with $W = J^2 + 2T^2\\sigma^2$. "
            "Entropy and energy fluctuations add, and the width now depends on temperature.</li>"
            "<li><b>Superextensive fluctuations</b>, $\\gamma \\gt 1$: the typical spread of "
            "$F_\\alpha/N$ grows like $N^{(\\gamma-1)/2}$, so on the scale of order-one free "
            "energy densities $\\Sigma(f) \\to \\ln 2$ everywhere; the model is no longer "
            "extensive and the free energy must be rescaled.</li></ul>"
        ),
        heading("Condensation with extensive entropy fluctuations", anchor="condensation"),
        paragraph(
            "In the marginal case $\\gamma = 1$ the thermodynamics is again a saddle point, "
            "$-\\beta f_{\\mathrm{tot}} = \\max_f [\\Sigma(f) - \\beta f]$ over $\\Sigma \\ge 0$. The "
            "maximum sits at $f^* = -Ts_0 - \\beta W/2$, where the complexity is "
            "$\\Sigma(f^*) = \\ln 2 - \\beta^2 W/4$. The measure condenses on the lowest states "
            "when this vanishes:"
        ),
        equation(
            r"T_K = \frac{J}{\sqrt{4 \ln 2 - 2\sigma^2}}, \qquad \sigma^2 < 2\ln 2 .",
            label="condensation-temperature",
        ),
        derivation(
            "Checking the high-temperature free energy",
            paragraph(
                "Above $T_K$ the annealed average is exact. Since $E_\\alpha$ and $S_\\alpha$ are "
                "independent, $\\mathbb{E} Z = 2^N\\, \\mathbb{E}e^{-\\beta E}\\, \\mathbb{E}e^{S}"
                " = 2^N e^{N\\beta^2J^2/4}\\, e^{N s_0 + N\\sigma^2/2}$, so"
            ),
            equation(
                r"-\beta f_{\mathrm{tot}} = \ln 2 + s_0 + \frac{\beta^2 J^2}{4} + \frac{\sigma^2}{2},",
                label="annealed",
            ),
            paragraph(
                "which agrees with the saddle point: $\\Sigma(f^*) - \\beta f^* = \\ln 2 - "
                "\\beta^2W/4 + s_0 + \\beta^2W/2$, and $\\beta^2 W/4 = \\beta^2J^2/4 + "
                "\\sigma^2/2$. Setting $\\Sigma(f^*) = 0$ in \\eqref{complexity-general} at "
                "$\\gamma = 1$ gives \\eqref{condensation-temperature}."
            ),
        ),
        paragraph(
            "At $\\sigma = 0$, \\eqref{condensation-temperature} is the REM's \\eqref{rem-tc}. "
            "Entropy fluctuations raise the condensation temperature, and for "
            "$\\sigma^2 \\ge 2\\ln 2$ the system is condensed at every temperature: a few states "
            "win by entropy alone.[^entropic]"
        ),
        callout(
            "remark",
            "What the exponent teaches",
            "Only fluctuations whose variance is extensive, $O(N)$, change the complexity at a "
            "given free-energy density. Smaller ones matter for which state is the ground state, "
            "not for how many states there are at each level.",
        ),
        footnote(
            "entropic",
            "The same competition between the number of states and their individual entropy "
            "appears in Monasson's real-replica method for counting metastable states of "
            "structural glasses.",
        ),
    ],
)

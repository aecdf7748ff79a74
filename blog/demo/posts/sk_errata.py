"""Errata page for an external note; the entries are illustrative examples of the structure."""

from datetime import date

from blog.demo.builder import ErrataPageData, ErratumData

REPORTER = "The Editors (demo entry)"

ERRATA = ErrataPageData(
    slug="errata-replica-calculations-sk-model",
    title='Errata for "Replica calculations for the SK model"',
    date=date(2024, 9, 20),
    summary=(
        "Errata for the note \"Replica calculations for the SK model\" by Haozhe Shan; the "
        "demo entries show how corrections are recorded."
    ),
    intro=(
        "<p>This page collects corrections to the note <i>Replica calculations for the SK "
        "model</i> by Haozhe Shan. <b>The entries below are illustrative examples</b> written "
        "to show the structure of an errata page (location, original, correction, explanation, "
        "kind and status); they are typical slips in replica calculations, not claims about "
        "that note.</p>"
    ),
    external_title="Replica calculations for the SK model",
    external_authors="Haozhe Shan",
    external_version="Lecture note (version consulted in September 2024)",
    errata=(
        ErratumData(
            location="Section 1, distribution of the couplings",
            kind="typo",
            status="fixed",
            original=r"J_{ij} \sim \mathcal{N}\big(J_0/N,\, J^2/N^2\big)",
            correction=r"J_{ij} \sim \mathcal{N}\big(J_0/N,\, J^2/N\big)",
            explanation=(
                "<p>With variance $J^2/N^2$ the local fields would vanish as $N \\to \\infty$; the "
                "variance $J^2/N$ keeps the energy extensive.</p>"
            ),
            reported_by=REPORTER,
            date=date(2024, 9, 2),
        ),
        ErratumData(
            location="Section 3, replica-symmetric free energy",
            kind="sign",
            status="confirmed",
            original=r"-\beta f = \frac{\beta^2J^2}{4}(1-q)^2 + \frac{\beta J_0 m^2}{2} + \int \mathcal{D}z \ln 2\cosh \beta H(z)",
            correction=r"-\beta f = \frac{\beta^2J^2}{4}(1-q)^2 - \frac{\beta J_0 m^2}{2} + \int \mathcal{D}z \ln 2\cosh \beta H(z)",
            explanation=(
                "<p>The Hubbard-Stratonovich transform of the ferromagnetic term contributes "
                "$-\\beta J_0 m^2/2$; with a plus sign, $\\partial f/\\partial m = 0$ would not "
                "give $m = \\int \\mathcal{D}z \\tanh \\beta H(z)$.</p>"
            ),
            reported_by=REPORTER,
            date=date(2024, 9, 5),
        ),
        ErratumData(
            location="Section 2, averaged replicated partition function",
            kind="missing-factor",
            status="reported",
            original=r"\exp\Big(\frac{\beta^2J^2}{N}\sum_{a<b}\Big(\sum_i s_i^a s_i^b\Big)^2\Big)",
            correction=r"\exp\Big(\frac{\beta^2J^2}{2N}\sum_{a<b}\Big(\sum_i s_i^a s_i^b\Big)^2\Big)",
            explanation=(
                "<p>The Gaussian average gives $\\beta^2 J^2/(2N)$ times the square of the sum over "
                "replicas; the factor $\\tfrac12$ is needed to recover "
                "$\\beta^2J^2(1-q)^2/4$ in the free energy.</p>"
            ),
            reported_by=REPORTER,
            date=date(2024, 9, 9),
        ),
        ErratumData(
            location="Section 4, stability of the RS solution",
            kind="wrong-equation",
            status="confirmed",
            original=r"(\beta J)^2 \int \mathcal{D}z\, \operatorname{sech}^2 \beta H(z) = 1",
            correction=r"(\beta J)^2 \int \mathcal{D}z\, \operatorname{sech}^4 \beta H(z) = 1",
            explanation=(
                "<p>The replicon eigenvalue involves the fourth power of sech; with the square the "
                "condition would reduce to $(\\beta J)^2(1 - q) = 1$, which is not the "
                "de Almeida-Thouless line.</p>"
            ),
            reported_by=REPORTER,
            date=date(2024, 9, 12),
        ),
        ErratumData(
            location="Section 3, discussion of the saddle point",
            kind="conceptual",
            status="reported",
            original=r"\text{the RS free energy is minimised with respect to } q",
            correction=r"\text{the RS free energy is maximised with respect to } q \text{ for } n < 1",
            explanation=(
                "<p>For $n \\lt 1$ the number of pairs $n(n-1)/2$ is negative, which turns the "
                "saddle point over $q$ into a maximum of the free energy. Saying <i>minimum</i> "
                "is a common slip.</p>"
            ),
            reported_by=REPORTER,
            date=date(2024, 9, 16),
        ),
        ErratumData(
            location="Notation, Gaussian measure",
            kind="other",
            status="rejected",
            original=r"\int \mathcal{D}z\, f(z)",
            correction=r"\int \frac{dz}{\sqrt{2\pi}}\, e^{-z^2/2} f(z)",
            explanation=(
                "<p>A reader suggested the normalisation was missing. It is not: "
                "$\\mathcal{D}z$ is defined as the standard Gaussian measure, so no change is needed.</p>"
            ),
            reported_by=REPORTER,
            date=date(2024, 9, 18),
        ),
    ),
)

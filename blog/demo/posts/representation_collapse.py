"""Why representations collapse: frustration and stop-gradient dynamics in a minimal model."""

from datetime import date

from blog.demo.builder import (
    PostData,
    callout,
    derivation,
    equation,
    figure,
    heading,
    paragraph,
    simulation,
)

POST = PostData(
    slug="why-do-representations-collapse",
    title="Why Do Representations Collapse? Frustration and Dynamics from a Minimal Model",
    subtitle="Self-supervised learning seen as a problem in statistical mechanics",
    date=date(2025, 10, 6),
    summary=(
        "We write a minimal dynamical model directly in representation space, leaving out the "
        "architecture and its parameters. The statistical-physics notion of frustration explains "
        "why collapse is the natural end point, and the model shows how stop-gradient breaks the "
        "symmetry and opens a non-collapsing subspace that keeps classes geometrically apart."
    ),
    tags=("self-supervised learning", "representation collapse", "learning dynamics"),
    body=[
        paragraph(
            "Non-contrastive self-supervised methods such as BYOL \\cite{grill2020} and SimSiam "
            "\\cite{chen2021} train a network to give similar representations to two augmented "
            "views of the same input, and nothing else. The objective has an obvious trivial "
            "minimiser: map every input to the same point. Yet trained networks do not collapse, "
            "provided a predictor head and a stop-gradient are used. Why?"
        ),
        heading("Collapse as an unfrustrated ground state", anchor="frustration"),
        paragraph(
            "Think of the normalised representations $\\mathbf{z}_i$ of the training inputs as "
            "classical spins on a sphere, with energy $E = -\\sum_{i\\lt j} K_{ij}\\, "
            "\\mathbf{z}_i\\cdot\\mathbf{z}_j$. A positive pair (two views of one input) is a "
            "ferromagnetic bond $K_{ij} \\gt 0$; a negative pair in a contrastive loss is an "
            "antiferromagnetic one, $K_{ij} \\lt 0$."
        ),
        callout(
            "definition",
            "Frustration",
            "A loop of bonds is frustrated when the product of the signs of its couplings is "
            "negative: no configuration satisfies all its bonds at once \\cite{toulouse1977}. "
            "Frustration is what makes spin-glass ground states degenerate and hard to find.",
        ),
        paragraph(
            "An alignment-only objective has only ferromagnetic bonds. Nothing is frustrated, "
            "and the ground state is the ferromagnet: all $\\mathbf{z}_i$ equal, which is complete "
            "collapse. Contrastive losses avoid this by adding antiferromagnetic bonds, which "
            "frustrate the system and make the compromise (clusters spread over the sphere) the "
            "ground state. Non-contrastive methods cannot use that route: their loss is "
            "unfrustrated, so if they avoid collapse it must be through the <em>dynamics</em>."
        ),
        heading("A minimal model in representation space", anchor="model"),
        paragraph(
            "Let an input be $\\mathbf{x} = \\bar{\\mathbf{x}} + \\boldsymbol{\\epsilon}$, where "
            "$\\bar{\\mathbf{x}}$ carries the class structure, with second-moment matrix $X$, and "
            "each view adds independent augmentation noise of variance $\\sigma^2$. The "
            "representation is linear, $\\mathbf{z} = W\\mathbf{x}$, and a linear predictor $P$ "
            "maps the online view onto the target view. Without stop-gradient the loss"
        ),
        equation(
            r"L = \tfrac12\, \mathbb{E}\, \big\| P W \mathbf{x}_1 - W \mathbf{x}_2 \big\|^2",
            label="siamese-loss",
        ),
        paragraph(
            "is minimised by $W = 0$. Along an eigendirection of $X$ with eigenvalue $x$, and "
            "with scalars $w$ and $p$ for $W$ and $P$ in that direction, "
            "$L = \\frac12 w^2 [a(p - x/a)^2 + a - x^2/a]$ with $a = x + \\sigma^2$. The bracket "
            "is at least $\\sigma^2(2x + \\sigma^2)/(x + \\sigma^2) \\gt 0$, so gradient descent "
            "drives every $w$ to zero exponentially: collapse, in every direction."
        ),
        heading("Stop-gradient breaks the symmetry", anchor="stop-gradient"),
        paragraph(
            "With stop-gradient the target branch $W\\mathbf{x}_2$ is treated as a constant, and "
            "only the online branch is updated. The two branches are no longer symmetric: the "
            "online branch is pulled towards the target, but the target is not pulled back. The "
            "flow is no longer the gradient of any loss. In the same eigendirection,"
        ),
        equation(
            r"\dot w = p\, w\, \big(x - p\,(x + \sigma^2)\big), \qquad"
            r"\dot p = w^2\, \big(x - p\,(x + \sigma^2)\big).",
            label="stop-gradient-flow",
        ),
        derivation(
            "The conserved quantity",
            paragraph(
                "For matrices the stop-gradient flow is $\\dot W = -P^{\\top} G$, "
                "$\\dot P = -G W^{\\top}$ with $G = PW(X + \\sigma^2) - WX$. Then"
            ),
            equation(
                r"\frac{d}{dt}\big(W W^{\top}\big) = -P^{\top} G W^{\top} - W G^{\top} P"
                r" = \frac{d}{dt}\big(P^{\top} P\big),",
                label="balance",
            ),
            paragraph(
                "so $WW^{\\top} - P^{\\top}P$ is conserved; in one eigendirection, "
                "$w^2 - p^2 = C$ is constant along \\eqref{stop-gradient-flow}."
            ),
        ),
        paragraph(
            "The consequences follow from \\eqref{stop-gradient-flow} and the conserved "
            "$C = w^2 - p^2$. Wherever $w \\neq 0$, $p$ relaxes monotonically to "
            "$p^* = x/(x + \\sigma^2)$, and $w^2 = p^2 + C$ along the way. The direction survives "
            "if $p^2 + C$ stays positive for every $p$ between $p(0)$ and $p^*$, and it then ends at"
        ),
        equation(
            r"w(\infty)^2 = w(0)^2 - p(0)^2 + \Big(\frac{x}{x + \sigma^2}\Big)^2 .",
            label="survival",
        ),
        paragraph(
            "Otherwise $w$ reaches zero first and the direction collapses. A predictor that starts "
            "small and positive, $0 \\le p(0) \\le p^*$, never lets its direction collapse; one "
            "that starts too large or with the wrong sign can."
        ),
        figure(
            "stop-gradient-phase-portrait",
            alt_text=(
                "Trajectories in the plane of predictor eigenvalue p and weight w. Blue trajectories "
                "move along hyperbolas to the vertical line p = p* and stay away from w = 0; orange "
                "trajectories reach the axis w = 0 and collapse."
            ),
            caption=(
                "Trajectories of \\eqref{stop-gradient-flow} for $x = \\sigma^2 = 1$. Blue: the "
                "direction survives at $p = p^*$. Orange: $w$ reaches zero first (collapse)."
            ),
            credit="Computed for this post.",
        ),
        paragraph(
            "Directions with large signal variance $x$ relative to the augmentation noise have "
            "$p^*$ close to one and survive from a wide range of initial conditions; weak directions, "
            "with small $p^*$, are lost much more easily. When the classes are well separated, the leading eigendirections of $X$ are "
            "those of the class means, so the surviving subspace is the one that separates the "
            "classes. Stop-gradient does not remove the trivial minimum; it makes the dynamics "
            "non-reciprocal and, through the conservation law \\eqref{balance}, leaves a "
            "non-collapsing subspace open. This is the mechanism analysed in the linear setting "
            "by Tian, Chen and Ganguli \\cite{tian2021}."
        ),
        callout(
            "warning",
            "What the minimal model leaves out",
            "Real encoders are nonlinear, use weight decay and an exponential moving average for "
            "the target, and normalise representations. Weight decay, for instance, breaks the "
            "conservation law and adds a slow drift towards collapse that the signal term must "
            "overcome. The model shows a mechanism, not a quantitative prediction.",
        ),
        simulation(
            "representation-collapse",
            stop_gradient=True,
            caption=(
                "The minimal model integrated with and without stop-gradient: effective rank, "
                "class separation and within-class spread against time, and the final "
                "representations projected on their two leading principal components."
            ),
            alt_text="Observables against training time for both variants, and PCA projections coloured by class.",
        ),
    ],
)

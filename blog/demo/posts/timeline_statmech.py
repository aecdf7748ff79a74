"""Timeline of the statistical mechanics of neural networks (prose for now)."""

from datetime import date

from blog.demo.builder import PostData, heading, paragraph

POST = PostData(
    slug="timeline-statistical-mechanics-neural-networks",
    title="Timeline for Statistical Mechanics of Neural Networks",
    date=date(2025, 4, 22),
    summary=(
        "Key developments in applying statistical mechanics to neural networks, from the SK "
        "model to signal propagation in deep networks."
    ),
    tags=("timeline", "spin glasses", "history"),
    body=[
        paragraph(
            "Physicists came to neural networks through spin glasses: the same mathematics that "
            "describes disordered magnets describes memories stored in couplings and weights "
            "learned from random examples. These are the landmarks this blog builds on."
        ),
        heading("Milestones", anchor="milestones"),
        paragraph(
            "<ul>"
            "<li><b>1975.</b> Sherrington and Kirkpatrick propose the mean-field spin glass "
            "\\cite{sherrington1975}.</li>"
            "<li><b>1979.</b> Parisi's replica-symmetry-breaking solution \\cite{parisi1979}.</li>"
            "<li><b>1982.</b> Hopfield's associative memory, an Ising model with learned "
            "couplings \\cite{hopfield1982}.</li>"
            "<li><b>1985.</b> Amit, Gutfreund and Sompolinsky compute the storage capacity of the "
            "Hopfield model with the replica method.</li>"
            "<li><b>1988.</b> Gardner's space of interactions \\cite{gardner1988}; "
            "Sompolinsky, Crisanti and Sommers find chaos in random networks "
            "\\cite{sompolinsky1988}.</li>"
            "<li><b>1992.</b> Seung, Sompolinsky and Tishby's statistical mechanics of learning "
            "from examples \\cite{seung1992}.</li>"
            "<li><b>2016-2017.</b> Mean-field signal propagation and the edge of chaos in deep "
            "networks \\cite{poole2016, schoenholz2017}.</li>"
            "</ul>"
        ),
    ],
)

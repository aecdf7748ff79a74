"""The demo posts, in the seed listing's order (newest first), and the errata page.

The two timelines of the listing are structured pages: see `timeline.demo`.
"""

from . import (
    complexity,
    dmft_formalism,
    dmft_rnn,
    perceptron,
    phase_transition,
    replica_sk,
    representation_collapse,
    sk_errata,
)

POSTS = [
    representation_collapse.POST,
    dmft_formalism.POST,
    phase_transition.POST,
    dmft_rnn.POST,
    perceptron.POST,
    complexity.POST,
    replica_sk.POST,
]
ERRATA_PAGES = [sk_errata.ERRATA]

__all__ = ["ERRATA_PAGES", "POSTS"]

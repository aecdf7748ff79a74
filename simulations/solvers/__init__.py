"""Built-in solvers. Each entry maps a stable solver name to 'module:Class' (imported lazily)."""

BUILTIN_SOLVERS: dict[str, str] = {
    "sk-replica": "simulations.solvers.sk_replica:SKReplica",
    "perceptron-replica": "simulations.solvers.perceptron_replica:PerceptronReplica",
    "rem-complexity": "simulations.solvers.rem_complexity:REMComplexity",
    "rnn-dmft": "simulations.solvers.rnn_dmft:RNNDMFT",
    "chaos-transition": "simulations.solvers.chaos_transition:ChaosTransition",
    "representation-collapse": "simulations.solvers.representation_collapse:RepresentationCollapse",
}

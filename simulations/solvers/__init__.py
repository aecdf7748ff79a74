"""Built-in solvers. Each entry maps a stable solver name to 'module:Class' (imported lazily)."""

BUILTIN_SOLVERS: dict[str, str] = {
    "perceptron-replica": "simulations.solvers.perceptron_replica:PerceptronReplica",
    "rem-complexity": "simulations.solvers.rem_complexity:REMComplexity",
}

"""Built-in solvers. Each entry maps a stable solver name to 'module:Class' (imported lazily)."""

BUILTIN_SOLVERS: dict[str, str] = {
    "sk-replica": "simulations.solvers.sk_replica:SKReplica",
    "perceptron-replica": "simulations.solvers.perceptron_replica:PerceptronReplica",
    "rem-complexity": "simulations.solvers.rem_complexity:REMComplexity",
}

"""Settings modules: base (shared), dev, test and production, all read from the environment."""

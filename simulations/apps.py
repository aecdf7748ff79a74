"""Django app configuration for the simulations package."""

from django.apps import AppConfig


class SimulationsConfig(AppConfig):
    """The solver plugin system, simulation runs and their cached figures."""

    name = "simulations"
    verbose_name = "Simulations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .signals import connect_worker_signals

        connect_worker_signals()

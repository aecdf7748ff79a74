"""Admin registration of the simulations app."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import RunPermissionPolicy, SimulationRunViewSet
from .models import SimulationRun

register_permission_policy(SimulationRun, RunPermissionPolicy(SimulationRun))


@hooks.register("register_admin_viewset")
def register_simulation_runs() -> SimulationRunViewSet:
    return SimulationRunViewSet()

"""URLs of the simulations app."""

from django.urls import path

from . import views

urlpatterns = [
    path("runs/", views.request_run, name="simulation-run-request"),
    path("runs/<str:key>/", views.run_status, name="simulation-run-status"),
]

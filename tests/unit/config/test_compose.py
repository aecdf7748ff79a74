"""docker-compose.yml wires postgres, redis, web and worker with healthchecks, volumes and an env file."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]


def load() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_the_four_services_with_healthchecks():
    services = load()["services"]
    for name in ("postgres", "redis", "web", "worker"):
        assert name in services, name
        assert "healthcheck" in services[name], f"{name} has no healthcheck"


def test_redis_and_postgres_are_not_published_to_the_host():
    services = load()["services"]
    assert "ports" not in services["redis"]
    assert "ports" not in services["postgres"]


def test_web_serves_with_gunicorn_and_worker_runs_celery():
    services = load()["services"]
    assert "gunicorn" in str(services["web"]["command"])
    assert services["worker"]["command"][0] == "celery"
    assert "simulations" in " ".join(services["worker"]["command"])


def test_data_and_media_live_in_named_volumes():
    compose = load()
    assert {"pgdata", "media"} <= set(compose["volumes"])
    assert "pgdata:/var/lib/postgresql/data" in compose["services"]["postgres"]["volumes"]
    assert "media:/app/media" in compose["services"]["web"]["volumes"]


def test_configuration_comes_from_an_env_file_and_the_example_has_no_real_secret():
    compose = load()
    for name in ("web", "worker", "postgres"):
        assert compose["services"][name]["env_file"] == ".env"
    example = (ROOT / ".env.example").read_text()
    assert "SECRET_KEY=change-me" in example
    assert ".env" in (ROOT / ".gitignore").read_text().split()


def test_web_and_worker_wait_for_healthy_dependencies():
    services = load()["services"]
    for name in ("web", "worker"):
        depends = services[name]["depends_on"]
        assert depends["postgres"]["condition"] == "service_healthy"
        assert depends["redis"]["condition"] == "service_healthy"

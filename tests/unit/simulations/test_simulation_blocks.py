"""Simulation blocks on pages: forms from schemas, what readers and editors see, API, versions, prune."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from simulations import runs
from simulations.blocks import SimulationBlock, SolverRunBlock
from simulations.models import SimulationRun
from simulations.registry import get_solver
from simulations.tasks import run_simulation
from tests.factories import PostPageFactory, publish

pytestmark = pytest.mark.django_db

SK = {"T": 0.5, "J0": 0.0, "h": 0.0, "J": 1.0, "mode": "point", "n_T": 20, "n_J0": 20}


def sim_block(**params) -> dict:
    value = {**SK, **params, "show_figures": ["order-parameters"], "caption": "<p>Order parameters.</p>", "alt_text": "q of T"}
    return {"type": "simulation", "value": [{"type": "sk_replica", "value": value}]}


@pytest.fixture
def post(site_tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        return publish(PostPageFactory(parent=site_tree, slug="sim", body=[sim_block()]))


def compute_all() -> None:
    for key in SimulationRun.objects.values_list("key", flat=True):
        run_simulation.run(key)


def test_form_fields_come_from_the_solver_schema():
    block = SolverRunBlock(get_solver("sk-replica"))
    temperature = block.child_blocks["T"]
    assert temperature.field.min_value == 0 and temperature.field.max_value == 5
    assert "Must be >= 0 and <= 5" in str(temperature.field.help_text)
    assert block.child_blocks["mode"].field.choices[0][0] == "point"
    assert set(SimulationBlock().child_blocks) >= {"sk_replica", "perceptron_replica", "rem_complexity"}


def test_invalid_parameters_are_a_field_error():
    from django.core.exceptions import ValidationError

    block = SolverRunBlock(get_solver("sk-replica"))
    value = block.to_python({**SK, "T": 7.0})
    with pytest.raises(ValidationError) as raised:
        block.clean(value)
    assert "T" in raised.value.block_errors


def test_simulation_block_definition_deconstructs_to_its_path_only():
    assert SimulationBlock().deconstruct() == ("simulations.blocks.SimulationBlock", (), {})


def test_publishing_creates_one_queued_run_per_distinct_key(site_tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(PostPageFactory(parent=site_tree, slug="two", body=[sim_block(), sim_block(), sim_block(T=0.8)]))
    assert SimulationRun.objects.count() == 2
    assert set(SimulationRun.objects.values_list("status", flat=True)) == {"queued"}
    assert len(callbacks) == 2, "one task is sent per run, after commit"


def test_pending_figure_shows_a_placeholder_that_polls(client, post):
    soup = BeautifulSoup(client.get(post.url).content, "html.parser")
    figure = soup.select_one("figure.simulation")
    assert figure["data-status"] == "queued"
    assert figure["data-status-url"] == f"/simulations/runs/{figure['data-run-key']}/"
    assert "queued for computation" in figure.text


def test_done_figure_has_svg_png_caption_and_provenance(client, post):
    compute_all()
    soup = BeautifulSoup(client.get(post.url).content, "html.parser")
    figure = soup.select_one("figure.simulation--done")
    source = figure.select_one("picture source[type='image/svg+xml']")
    image = figure.select_one("picture img")
    assert source["srcset"].endswith("order-parameters.svg")
    assert image["src"].endswith("order-parameters.png") and image["alt"] == "q of T"
    assert int(image["width"]) > 0 and int(image["height"]) > 0
    assert len(figure.select("picture")) == 1, "only the chosen figure is shown"
    provenance = figure.select_one(".simulation__provenance")
    assert "sk-replica" in provenance.text and "version 1" in provenance.text
    assert "python manage.py simulate sk-replica T=0.5" in provenance.text
    links = {a.text: a["href"] for a in provenance.select("a")}
    assert links["CSV"].endswith("data.csv") and links["manifest"].endswith("manifest.json")
    media = Path(settings.MEDIA_ROOT)
    for url in (source["srcset"], image["src"], links["CSV"], links["JSON"], links["manifest"]):
        assert (media / url.removeprefix(settings.MEDIA_URL)).is_file()


def test_manifest_records_versions_parameters_and_command(post):
    compute_all()
    run = SimulationRun.objects.get()
    manifest = json.loads((Path(settings.MEDIA_ROOT) / run.files["manifest"]).read_text())
    assert manifest["solver"] == "sk-replica" and manifest["params"]["T"] == 0.5
    assert {"numpy", "scipy", "matplotlib", "python"} <= set(manifest["libraries"])
    assert manifest["command"].startswith("python manage.py simulate sk-replica")


def test_status_endpoint_reports_done_figures(client, post):
    compute_all()
    run = SimulationRun.objects.get()
    body = client.get(f"/simulations/runs/{run.key}/").json()
    assert body["status"] == "done"
    assert body["figures"]["order-parameters"]["svg"].endswith(".svg")
    assert body["data"]["csv"].endswith("data.csv")


def test_status_endpoint_404s_for_unknown_and_malformed_keys(client, db):
    assert client.get("/simulations/runs/" + "0" * 64 + "/").status_code == 404
    assert client.get("/simulations/runs/not-a-key/").status_code == 404


def test_reading_pages_never_creates_runs(client, site_tree):
    post = PostPageFactory(parent=site_tree, slug="unpublished-draft", body=[sim_block(T=1.7)])
    SimulationRun.objects.all().delete()
    client.get(post.url)
    client.get("/simulations/runs/" + "a" * 64 + "/")
    assert not SimulationRun.objects.exists()


def test_failed_run_shows_calm_note_to_readers_and_error_to_editors(client, post):
    run = SimulationRun.objects.get()
    token = runs.claim(run.key)
    runs.fail(run.key, token, RuntimeError("matrix is singular at T=0.5"))
    reader = client.get(post.url).content.decode()
    assert "could not be computed" in reader and "singular" not in reader
    editor = get_user_model().objects.create_superuser("ed", "ed@example.com", "pw")
    client.force_login(editor)
    assert "matrix is singular" in client.get(post.url).content.decode()
    assert client.get(f"/simulations/runs/{run.key}/").json()["error"].endswith("matrix is singular at T=0.5")


def test_version_bump_keeps_the_previous_figure_marked_as_updating(client, post, monkeypatch):
    compute_all()
    old = SimulationRun.objects.get()
    monkeypatch.setattr(type(get_solver("sk-replica")), "version", "999")
    soup = BeautifulSoup(client.get(post.url).content, "html.parser")
    figure = soup.select_one("figure.simulation")
    assert "simulation--updating" in figure["class"]
    assert figure.select_one("img")["src"].endswith(f"{old.key}/order-parameters.png")
    assert "being updated" in figure.text
    assert figure["data-run-key"] != old.key, "the page polls the new version's run"


def test_api_v2_serialises_the_block(client, post):
    compute_all()
    detail = client.get(f"/api/v2/pages/{post.pk}/").json()
    block = next(item for item in detail["body"] if item["type"] == "simulation")
    value = block["value"][0]["value"]
    assert value["solver"] == "sk-replica" and value["version"] == "1"
    assert value["status"] == "done" and value["params"]["T"] == 0.5
    figure = value["figures"]["order-parameters"]
    assert figure["svg"].startswith("http://testserver/") and figure["width"] > 0
    assert value["data"]["csv"].endswith("data.csv") and value["manifest"].endswith("manifest.json")


def test_editor_request_endpoint_rejects_bad_parameters_naming_the_field(client, db):
    editor = get_user_model().objects.create_superuser("ed2", "ed2@example.com", "pw")
    client.force_login(editor)
    response = client.post("/simulations/runs/", {"solver": "sk-replica", "params": {"T": -1}}, content_type="application/json")
    assert response.status_code == 400
    assert "T" in response.json()["errors"]
    response = client.post("/simulations/runs/", {"solver": "sk-replica", "params": {"T": "nan"}}, content_type="application/json")
    assert response.status_code == 400 and "T" in response.json()["errors"]
    response = client.post("/simulations/runs/", {"solver": "nope", "params": {}}, content_type="application/json")
    assert response.status_code == 400 and "sk-replica" in response.json()["errors"]["solver"]
    assert not SimulationRun.objects.exists()


def test_readers_cannot_request_runs(client, db):
    response = client.post("/simulations/runs/", {"solver": "sk-replica", "params": {}}, content_type="application/json")
    assert response.status_code == 403
    assert not SimulationRun.objects.exists()


def test_prune_is_a_dry_run_by_default_and_keeps_referenced_runs(post, site_tree, capsys):
    compute_all()
    orphan = runs.ensure_run("sk-replica", {**SK, "T": 2.5})
    run_simulation.run(orphan.key)
    kept = SimulationRun.objects.exclude(key=orphan.key).get()
    call_command("simulations", "prune")
    assert f"Would delete files of {orphan.key}" in capsys.readouterr().out
    call_command("simulations", "prune", "--apply")
    out = capsys.readouterr().out
    assert orphan.key in out and kept.key not in out
    assert not SimulationRun.objects.filter(key=orphan.key).exists()
    assert (Path(settings.MEDIA_ROOT) / kept.files["manifest"]).is_file()


def test_admin_lists_and_inspects_runs_with_rerun(client, post):
    compute_all()
    editor = get_user_model().objects.create_superuser("ad", "ad@example.com", "pw")
    client.force_login(editor)
    run = SimulationRun.objects.get()
    listing = client.get("/admin/simulation_runs/?status=done")
    assert listing.status_code == 200 and run.key[:12] in listing.content.decode()
    inspect = client.get(f"/admin/simulation_runs/inspect/{run.pk}/").content.decode()
    assert run.key in inspect and "/admin/pages/" in inspect, "the pages using the run are linked"
    response = client.post(f"/admin/simulation_runs/rerun/{run.pk}/")
    assert response.status_code == 302
    assert SimulationRun.objects.get().status == "queued"
    assert client.get("/admin/simulation_runs/add/").status_code in (302, 403, 404)


def test_preview_queues_the_drafts_runs_and_shows_their_state(rf, site_tree, django_capture_on_commit_callbacks):
    editor = get_user_model().objects.create_superuser("pv", "pv@example.com", "pw")
    draft = PostPageFactory(parent=site_tree, slug="draft-sim", live=False, body=[sim_block(T=1.3)])
    request = rf.get("/")
    request.user = editor
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = draft.serve_preview(request, draft.default_preview_mode)
    run = SimulationRun.objects.get()
    assert run.params["T"] == 1.3 and run.status == "queued"
    assert len(callbacks) == 1, "the preview queued the run after commit"
    html = response.render().content.decode() if hasattr(response, "render") else response.content.decode()
    assert f'data-run-key="{run.key}"' in html and "queued for computation" in html

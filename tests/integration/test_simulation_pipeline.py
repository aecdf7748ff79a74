"""Simulation blocks end to end: admin forms, PostgreSQL, Redis and a real Celery worker process.

Each test drives the real pieces (the admin's page forms, `page_published`, `ensure_run`,
`transaction.on_commit`, the broker, a prefork worker, atomic storage, page rendering and
the status endpoint) and waits for them with deadlines. The test solvers in `solvers.py`
sleep, fail on demand and log every execution, so the tests can count computations.
"""

from __future__ import annotations

import json
import math
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.integration.support import (
    ROOT,
    figures_on,
    media_file,
    published_post,
    simulation,
    skip_reason,
    the_run,
    wait_until,
)

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(skip_reason() is not None, reason=skip_reason() or ""),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RUN_FILES = {"curve.svg", "curve.png", "data.json", "data.csv", "manifest.json"}


# --- helpers -------------------------------------------------------------------------------


@pytest.fixture
def editor(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")


@pytest.fixture
def editor_client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


def run_dir_listing(key: str) -> set[str]:
    from simulations.storage import run_dir

    return {path.name for path in (Path(settings.MEDIA_ROOT) / run_dir(key)).iterdir()}


def assert_figure_files(figure) -> int:
    """Every picture in a done figure points at an SVG and a PNG that exist in MEDIA_ROOT."""
    pictures = figure.select("picture.simulation__image")
    assert pictures, f"no picture in {figure}"
    for picture in pictures:
        svg = media_file(picture.select_one("source[type='image/svg+xml']")["srcset"])
        png = media_file(picture.select_one("img")["src"])
        assert b"<svg" in svg.read_bytes()[:2000], svg
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png
    return len(pictures)


def admin_post_form(slug: str, body: list, publish: bool = True) -> dict:
    data = nested_form_data(
        {
            "title": slug.replace("-", " ").title(),
            "slug": slug,
            "date": "2025-03-01",
            "summary": "Two figures.",
            "subtitle": "",
            "tags": "",
            "post_authors": inline_formset([]),
            "body": streamfield(body),
        }
    )
    if publish:
        data["action-publish"] = "action-publish"
    return data


def sk_replica_form(caption: str = "", **overrides) -> tuple[str, dict]:
    """A post-body simulation block as the admin form posts it, holding one sk-replica block."""
    fields = {"T": "0.5", "J0": "0.0", "h": "0.0", "J": "1.0", "mode": "point", "n_T": "200", "n_J0": "200"}
    fields.update({name: str(value) for name, value in overrides.items()})
    fields.update(caption=rich_text(f"<p>{caption}</p>" if caption else ""), alt_text=caption)
    return ("simulation", streamfield([("sk_replica", fields)]))


def stream_errors(html: str, field: str) -> dict[str, list[str]]:
    """{'block.child.field': messages} of a StreamField the admin form shows again with errors.

    Wagtail passes a stream's value and errors to its client-side widget as JSON in
    `data-w-block-arguments-value`; each level nests `blockErrors` by index or field name.
    """
    element = BeautifulSoup(html, "html.parser").find(id=field, attrs={"data-w-block-arguments-value": True})
    assert element is not None, f"no StreamField {field!r} in the form"
    arguments = json.loads(element["data-w-block-arguments-value"])
    flat: dict[str, list[str]] = {}

    def walk(errors, path):
        if not isinstance(errors, dict):
            return
        if errors.get("messages"):
            flat[".".join(path)] = errors["messages"]
        for name, child in (errors.get("blockErrors") or {}).items():
            walk(child, [*path, str(name)])

    walk(arguments[1] if len(arguments) > 1 else {}, [])
    return flat


# --- 1. end to end through the admin ------------------------------------------------------


def test_post_with_two_simulation_blocks_made_in_the_admin_is_computed_and_shows_both_figures(
    site_tree, editor_client, worker, wait_for_run
):
    from blog.models import PostPage
    from simulations.models import SimulationRun

    body = [
        ("paragraph", rich_text("<p>The order parameters at two temperatures.</p>")),
        sk_replica_form("Below the transition", T=0.5),
        sk_replica_form("Above the transition", T=1.5),
    ]
    response = editor_client.post(f"/admin/pages/add/blog/postpage/{site_tree.pk}/", admin_post_form("two-figures", body))
    assert response.status_code == 302, "the admin accepted and published the post"
    post = PostPage.objects.get(slug="two-figures")
    assert post.live
    runs = list(SimulationRun.objects.filter(solver="sk-replica"))
    assert sorted(run.params["T"] for run in runs) == [0.5, 1.5], "publishing created one run per block"

    for run in runs:
        finished = wait_for_run(run.key, timeout=150)
        assert finished.status == "done", finished.error
        assert finished.attempts == 1 and finished.worker

    response = Client().get(post.url)
    assert response.status_code == 200
    figures = figures_on(response.content.decode())
    assert len(figures) == 2
    for figure in figures:
        assert figure["class"] == ["simulation", "simulation--done"]
        assert not figure.has_attr("data-status-url"), "a done figure does not poll"
        assert assert_figure_files(figure) == 3, "sk-replica's three figures of mode 'point' are shown"
        assert figure.select_one(".simulation__command").text.startswith("python manage.py simulate sk-replica")
    assert {figure.select_one("img")["alt"] for figure in figures} == {"Below the transition", "Above the transition"}


# --- 7. bad parameters are rejected before anything is saved or queued --------------------


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("T", "-1", "greater than or equal to 0"),  # the form field's own bound
        ("T", "nan", "Enter a number"),  # not a finite number
        ("J", "0", "greater than 0"),  # only the solver's schema knows J > 0
    ],
)
def test_bad_parameters_in_the_admin_form_are_a_field_error_and_nothing_is_saved_or_queued(
    site_tree, editor_client, field, value, fragment
):
    from blog.models import PostPage
    from simulations.models import SimulationRun

    body = [sk_replica_form("Good", T=0.5), sk_replica_form("Bad", **{field: value})]
    response = editor_client.post(f"/admin/pages/add/blog/postpage/{site_tree.pk}/", admin_post_form("bad-params", body))
    assert response.status_code == 200, "the form is shown again"
    errors = stream_errors(response.content.decode(), "body")
    assert list(errors) == [f"1.0.{field}"], "one error, on the bad block's field"
    assert fragment in " ".join(errors[f"1.0.{field}"])
    assert not PostPage.objects.filter(slug="bad-params").exists()
    assert not SimulationRun.objects.exists(), "nothing was queued, not even for the good block"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"T": -1}, "T"),
        ({"T": math.nan}, "T"),  # json.dumps writes NaN, which json.loads accepts
        ({"J": 0, "T": 0.5}, "J"),
        ({"T": 0.5, "beta": 2}, "beta"),  # unknown parameter
    ],
)
def test_bad_parameters_through_the_run_request_endpoint_are_a_400_naming_the_field_and_nothing_is_queued(
    editor_client, params, field
):
    from simulations.models import SimulationRun

    response = editor_client.post(
        "/simulations/runs/", json.dumps({"solver": "sk-replica", "params": params}), content_type="application/json"
    )
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
    assert not SimulationRun.objects.exists()


def test_run_request_endpoint_is_for_editors_only_and_good_parameters_are_queued(editor_client):
    from simulations.models import SimulationRun

    payload = json.dumps({"solver": "sk-replica", "params": {"T": 0.5}})
    assert Client().post("/simulations/runs/", payload, content_type="application/json").status_code == 403
    assert not SimulationRun.objects.exists()
    response = editor_client.post("/simulations/runs/", payload, content_type="application/json")
    assert response.status_code == 202
    assert SimulationRun.objects.get().key == response.json()["key"]


# --- 2. in a browser: a pending figure appears without a reload -----------------------------


@pytest.mark.browser
def test_browser_sees_a_pending_figure_appear_without_a_reload(live_server, browser, site_tree, worker, events):
    tag = "browser"
    post = published_post(site_tree, "pending-figure", simulation("it-sleep", tag=tag, seconds=3, alt_text="A parabola"))
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + post.url)

    figure = page.locator("figure.simulation")
    assert figure.get_attribute("data-status") in ("queued", "running"), "the page was served while the run was pending"
    assert page.locator(".simulation__placeholder").is_visible()
    assert "figure" in page.inner_text(".simulation__status")
    page.evaluate("window.__sameDocument = true")

    page.wait_for_selector("figure.simulation--done picture.simulation__image img", timeout=90_000)
    assert page.evaluate("window.__sameDocument === true"), "the figure was swapped in, the page was not reloaded"
    assert page.locator(".simulation__placeholder").count() == 0
    image = page.locator("figure.simulation img")
    assert image.get_attribute("alt") == "A parabola"
    assert media_file(image.get_attribute("src")).read_bytes()[:4] == b"\x89PNG"
    assert media_file(page.locator("figure.simulation source").get_attribute("srcset")).suffix == ".svg"
    assert the_run("it-sleep", tag).status == "done"
    assert [event for event, _ in events(tag)] == ["start", "end"]
    assert errors == []


# --- 3. single flight ---------------------------------------------------------------------


def task_outcomes(worker, task_ids: list[str]) -> dict[str, str]:
    """{task id: returned value} of the tasks the worker's log reports as finished."""
    outcomes = {}
    for line in worker.log_path.read_text(errors="replace").splitlines():
        for task_id in task_ids:
            if f"[{task_id}] succeeded" in line:
                outcomes[task_id] = line.rsplit(": ", 1)[-1].strip("'")
    return outcomes


def test_fifty_concurrent_requests_for_one_key_cause_exactly_one_computation(worker, wait_for_run, events):
    from simulations import runs
    from simulations.models import SimulationRun
    from simulations.tasks import run_simulation

    tag = "single-flight"
    barrier = threading.Barrier(50)
    keys: list[str] = []
    errors: list[BaseException] = []

    def request() -> None:
        try:
            barrier.wait(timeout=60)
            keys.append(runs.ensure_run("it-sleep", {"tag": tag, "seconds": 2}).key)
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=request) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert len(keys) == 50 and len(set(keys)) == 1
    key = keys[0]
    assert SimulationRun.objects.filter(solver="it-sleep").count() == 1

    # Duplicate deliveries of the same task, while it runs and after it is done, compute nothing.
    wait_until(lambda: events(tag), 90, lambda: "the run never started\n" + worker.log_tail())
    duplicates = [run_simulation.apply_async(args=[key]).id for _ in range(4)]
    run = wait_for_run(key)
    assert run.status == "done", run.error
    duplicates += [run_simulation.apply_async(args=[key]).id for _ in range(2)]

    def all_processed() -> dict[str, str] | None:
        found = task_outcomes(worker, duplicates)
        return found if len(found) == len(duplicates) else None

    outcomes = wait_until(all_processed, 60, lambda: f"duplicates not all processed\n{worker.log_tail()}")
    assert set(outcomes.values()) == {"skipped"}
    assert [event for event, _ in events(tag)] == ["start", "end"], "exactly one computation"
    assert run.attempts == 1
    assert run_dir_listing(key) == RUN_FILES


# --- 4. killed workers and killed writes ------------------------------------------------------


def wait_until_running(key: str, events, tag: str, worker):
    from simulations.models import SimulationRun

    wait_until(lambda: events(tag), 90, lambda: f"the run never started\n{worker.log_tail()}")
    run = SimulationRun.objects.get(key=key)
    assert run.status == "running"
    holder = int(run.worker.rpartition(":")[2])
    assert holder in worker.child_pids(), "a pool process of our worker holds the run"
    return run, holder


def test_worker_killed_mid_run_leaves_it_to_the_restarted_worker_which_completes_it_exactly_once(
    worker, wait_for_run, events
):
    from simulations import runs
    from simulations.models import SimulationRun

    tag = "sigkill-worker"
    key = runs.ensure_run("it-sleep", {"tag": tag, "seconds": 4}).key
    wait_until_running(key, events, tag, worker)

    worker.kill()  # main process and pool, no shutdown code, the message is never acknowledged
    stuck = SimulationRun.objects.get(key=key)
    assert stuck.status == "running" and stuck.attempts == 1

    worker.start()  # its start-up sweep sees the holder is gone and queues the run again
    run = wait_for_run(key, timeout=150)
    assert run.status == "done", run.error
    assert run.attempts == 2
    assert [event for event, _ in events(tag)] == ["start", "start", "end"], "one completion"
    assert run_dir_listing(key) == RUN_FILES, "one set of files, no temporary leftovers"
    for name in (run.files["manifest"], run.files["data_json"]):
        json.loads((Path(settings.MEDIA_ROOT) / name).read_text())
    assert json.loads((Path(settings.MEDIA_ROOT) / run.files["manifest"]).read_text())["key"] == key


def test_pool_process_killed_mid_run_is_redelivered_and_the_run_completes_exactly_once(worker, wait_for_run, events):
    from simulations import runs

    tag = "sigkill-child"
    key = runs.ensure_run("it-sleep", {"tag": tag, "seconds": 4}).key
    _, holder = wait_until_running(key, events, tag, worker)

    import os

    os.kill(holder, signal.SIGKILL)  # as the OOM killer would; the main process stays up
    run = wait_for_run(key, timeout=150)
    assert run.status == "done", run.error
    assert run.attempts == 2
    assert [event for event, _ in events(tag)] == ["start", "start", "end"]
    assert run_dir_listing(key) == RUN_FILES


# The child writes through the real `write_file`, on a "slow disk" (chunked writes) so that
# the parent can SIGKILL it at a known point: half of the payload is in the file.
SLOW_WRITE = r"""
import os, sys, time
import django

django.setup()
from simulations import storage

real_fdopen = os.fdopen

class SlowFile:
    def __init__(self, handle):
        self.handle = handle
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return self.handle.__exit__(*exc)
    def write(self, data):
        view = memoryview(data)
        for start in range(0, len(view), 1 << 16):
            self.handle.write(view[start:start + (1 << 16)])
            if start + (1 << 16) >= len(view) // 2 and not getattr(self, "told", False):
                self.handle.flush()
                self.told = True
                print("half", flush=True)
                time.sleep(60)
        return len(view)
    def __getattr__(self, name):
        return getattr(self.handle, name)

os.fdopen = lambda fd, mode: SlowFile(real_fdopen(fd, mode))  # the writer process only
storage.write_file(sys.argv[1], b"n" * int(sys.argv[2]))
print("written", flush=True)
"""


@pytest.mark.parametrize("existing", [False, True], ids=["new-file", "replacing-a-file"])
def test_a_kill_during_a_file_write_leaves_no_visible_partial_file(tmp_path, existing):
    import os
    import select

    from django.core.files.storage import FileSystemStorage

    from simulations.storage import delete_run_files, run_dir, run_file, write_file

    key = "ab" * 32
    name = run_file(key, "data.json")
    target = tmp_path / name
    old = b'{"old": "complete"}'
    media = FileSystemStorage(location=tmp_path)
    if existing:
        write_file(name, old, storage=media)

    size = 8 << 20
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "MEDIA_ROOT": str(tmp_path)}
    child = subprocess.Popen([sys.executable, "-c", SLOW_WRITE, name, str(size)], cwd=ROOT, env=env, stdout=subprocess.PIPE)
    try:
        ready, _, _ = select.select([child.stdout], [], [], 120)
        assert ready and child.stdout.readline().strip() == b"half", "the writer reached the middle of the file"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()

    directory = tmp_path / run_dir(key)
    visible = sorted(path.name for path in directory.iterdir() if not path.name.startswith("."))
    leftovers = [path for path in directory.iterdir() if path.name.startswith(".tmp-")]
    assert [path.stat().st_size for path in leftovers] and 0 < leftovers[0].stat().st_size < size, "killed mid-write"
    if existing:
        assert visible == ["data.json"] and target.read_bytes() == old, "the previous file is intact"
    else:
        assert visible == [], "the new file is absent, not partial"
    assert delete_run_files(key, storage=media), "deleting a run's files removes temporary leftovers too"
    assert not directory.exists()


# --- 6. a solver that raises, a solver over its time limit --------------------------------------


def assert_failed_figure_for_reader_and_editor(post, key: str, error: str, editor_client):
    reader = Client().get(post.url)
    assert reader.status_code == 200
    (figure,) = figures_on(reader.content.decode())
    assert "simulation--failed" in figure["class"]
    assert "This figure could not be computed." in figure.text
    assert error not in reader.content.decode() and not figure.select(".simulation__error")
    assert "error" not in Client().get(f"/simulations/runs/{key}/").json()

    edited = editor_client.get(post.url)
    assert edited.status_code == 200
    (figure,) = figures_on(edited.content.decode())
    assert figure.select_one(".simulation__error").text.strip() == error
    assert editor_client.get(f"/simulations/runs/{key}/").json()["error"] == error


def assert_done_figure(post, key: str):
    response = Client().get(post.url)
    assert response.status_code == 200
    (figure,) = figures_on(response.content.decode())
    assert "simulation--done" in figure["class"]
    assert assert_figure_files(figure) == 1
    assert Client().get(f"/simulations/runs/{key}/").json()["status"] == "done"


def test_a_solver_that_raises_fails_the_run_with_its_message_and_a_rerun_after_the_fix_succeeds(
    site_tree, worker, wait_for_run, events, flags_dir, editor_client
):
    from simulations import runs

    tag = "raises"
    flag = flags_dir / f"{tag}.fail"
    flag.touch()
    post = published_post(site_tree, "flaky-figure", simulation("it-flaky", tag=tag, alt_text="Flaky"))
    key = the_run("it-flaky", tag).key

    run = wait_for_run(key)
    error = f"RuntimeError: it-flaky was told to fail ({tag})"
    assert run.status == "failed" and run.error == error
    assert "Traceback" in run.traceback and "RuntimeError" in run.traceback
    assert_failed_figure_for_reader_and_editor(post, key, error, editor_client)

    flag.unlink()  # the fix
    assert runs.rerun(key)
    run = wait_for_run(key)
    assert run.status == "done", run.error
    assert run.error == "" and run.traceback == "" and run.attempts == 1
    assert_done_figure(post, key)
    assert [event for event, _ in events(tag)] == ["start", "start", "end"]


def test_a_solver_over_its_time_limit_fails_the_run_and_a_rerun_with_a_longer_limit_succeeds(
    site_tree, worker, wait_for_run, events, editor_client
):
    from simulations import runs
    from simulations.limits import time_limits
    from simulations.registry import get_solver

    tag = "too-slow"
    with override_settings(SIMULATION_TIME_LIMIT_MIN=1, SIMULATION_TIME_LIMIT_FACTOR=1):
        assert time_limits(get_solver("it-sleep")) == (1, 11)
        post = published_post(site_tree, "slow-figure", simulation("it-sleep", tag=tag, seconds=4))
    key = the_run("it-sleep", tag).key

    run = wait_for_run(key)
    error = "The solver exceeded its time limit of 1 s."
    assert run.status == "failed" and run.error == error
    assert run.duration is not None and run.duration < 4, "stopped at the soft limit, not after the sleep"
    assert_failed_figure_for_reader_and_editor(post, key, error, editor_client)
    assert [event for event, _ in events(tag)] == ["start"]

    assert runs.rerun(key)  # the default limits (30 s or more) are the fix
    run = wait_for_run(key)
    assert run.status == "done", run.error
    assert_done_figure(post, key)
    assert [event for event, _ in events(tag)] == ["start", "start", "end"]


def test_a_solver_killed_at_its_hard_time_limit_fails_the_run_instead_of_leaving_it_running(
    site_tree, worker, wait_for_run, events, editor_client
):
    from simulations.limits import time_limits
    from simulations.registry import get_solver

    tag = "hard-limit"
    with override_settings(SIMULATION_TIME_LIMIT_MIN=1, SIMULATION_TIME_LIMIT_FACTOR=1):
        assert time_limits(get_solver("it-stubborn")) == (1, 11)
        post = published_post(site_tree, "stuck-figure", simulation("it-stubborn", tag=tag, seconds=30))
    key = the_run("it-stubborn", tag).key

    # The pool kills the process at 11 s; nothing would ever re-send the run, so it must not stay "running".
    run = wait_for_run(key, statuses=("failed",), timeout=60)
    assert run.error == "The solver exceeded its hard time limit of 11 s and was stopped."
    assert [event for event, _ in events(tag)] == ["start", "soft-limit"]
    assert_failed_figure_for_reader_and_editor(post, key, run.error, editor_client)

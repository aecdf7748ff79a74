"""`manage.py simulate`: JSON output, files written, listing, and clear parameter errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[3]


def test_json_output_has_the_public_shape_and_normalised_params(capsys):
    call_command("simulate", "sk-replica", "T=0.3", "J0=1.5", "--json")
    document = json.loads(capsys.readouterr().out)
    assert set(document) == {"solver", "version", "params", "quantities", "series"}
    assert document["solver"] == "sk-replica"
    assert document["params"] == {"T": 0.3, "J0": 1.5, "h": 0.0, "J": 1.0, "mode": "point", "n_T": 200, "n_J0": 200}
    assert document["quantities"]["phase"] == "ferromagnet"
    assert len(document["series"]["T"]) == len(document["series"]["q"])


def test_out_writes_figures_data_and_manifest(tmp_path, capsys):
    call_command("simulate", "example-harmonic", "T=2", "--out", str(tmp_path), "--format", "svg,png")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["data.csv", "data.json", "energy.png", "energy.svg", "manifest.json"]
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["solver"] == "example-harmonic"
    assert manifest["params"] == {"T": 2.0, "omega": 1.0}
    assert manifest["figures"] == ["energy.svg", "energy.png"]
    assert {"python", "numpy", "scipy", "matplotlib"} <= set(manifest["libraries"])
    assert manifest["wall_time_seconds"] >= 0
    assert json.loads((tmp_path / "data.json").read_text())["quantities"]["energy"] == 2.0
    assert (tmp_path / "energy.svg").read_text().lstrip().startswith("<?xml")
    assert "quantities" not in capsys.readouterr().out  # human summary, not JSON


def test_sk_replica_out_writes_every_figure_in_phase_diagram_mode(tmp_path):
    call_command("simulate", "sk-replica", "mode=phase_diagram", "n_T=12", "n_J0=12", "--out", str(tmp_path), "--format", "svg")
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["figures"] == ["order-parameters.svg", "thermodynamics.svg", "at-line-field.svg", "phase-diagram.svg"]


def test_list_shows_solvers_with_their_parameters(capsys):
    call_command("simulate", "--list")
    out = capsys.readouterr().out
    assert "sk-replica" in out and "example-harmonic" in out
    assert "mode (string) default='point' one of point|phase_diagram" in out


def test_summary_prints_each_quantity(capsys):
    call_command("simulate", "sk-replica", "T=1.5")
    out = capsys.readouterr().out
    assert "q " in out and "free_energy" in out and "paramagnet" in out


@pytest.mark.parametrize(
    "word,expected",
    [("T=7", ["T", "<= 5", "'7'"]), ("h=nan", ["h", "finite", "'nan'"]), ("J=inf", ["J", "'inf'"]), ("n_T=abc", ["n_T", "'abc'"]), ("mode=x", ["mode", "point, phase_diagram", "'x'"]), ("beta=1", ["beta", "unknown parameter"])],
)
def test_bad_parameter_names_parameter_bounds_and_value(word, expected):
    with pytest.raises(CommandError) as caught:
        call_command("simulate", "sk-replica", word)
    for fragment in expected:
        assert fragment in str(caught.value)


def test_unknown_solver_lists_valid_names():
    with pytest.raises(CommandError, match="sk-replica"):
        call_command("simulate", "no-such-solver")


def test_malformed_assignment_is_a_command_error():
    with pytest.raises(CommandError, match="key=value"):
        call_command("simulate", "sk-replica", "T")


def test_command_runs_without_a_database_and_exits_nonzero_on_bad_input(tmp_path):
    # A database URL that cannot be opened: the command must never need it.
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.test", "DATABASE_URL": f"sqlite:///{tmp_path}/missing/none.sqlite3", "SECRET_KEY": "x"}
    ok = subprocess.run([sys.executable, "manage.py", "simulate", "sk-replica", "T=0", "--json"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["quantities"]["entropy"] == pytest.approx(-0.1591549430918953)
    bad = subprocess.run([sys.executable, "manage.py", "simulate", "sk-replica", "T=-1"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert bad.returncode != 0
    assert "T" in bad.stderr and ">= 0" in bad.stderr and "-1" in bad.stderr

"""The Django-free helpers of `simulate`: key=value parsing, formats, atomic writes."""

from __future__ import annotations

import pytest

from simulations.cli import (
    ArgumentError,
    describe_parameters,
    parse_assignments,
    parse_formats,
    write_atomic,
)
from simulations.registry import get_solver


def test_assignments_become_a_dict_of_strings_for_the_schema():
    assert parse_assignments(["T=0.5", "mode=phase_diagram", " h = -1e-3 "]) == {"T": "0.5", "mode": "phase_diagram", "h": "-1e-3"}


def test_value_may_contain_equals_signs():
    assert parse_assignments(["label=a=b"]) == {"label": "a=b"}


@pytest.mark.parametrize("word", ["T", "=0.5", "1x=2", "T 0.5"])
def test_malformed_assignment_is_rejected_naming_it(word):
    with pytest.raises(ArgumentError, match="key=value"):
        parse_assignments([word])


def test_repeated_key_is_rejected():
    with pytest.raises(ArgumentError, match="twice"):
        parse_assignments(["T=1", "T=2"])


def test_formats_are_parsed_in_order_without_duplicates():
    assert parse_formats("svg, PNG,svg") == ["svg", "png"]
    with pytest.raises(ArgumentError, match="pdf"):
        parse_formats("png,pdf")


def test_parameter_description_shows_type_default_bounds_and_unit():
    lines = describe_parameters(get_solver("sk-replica"))
    T_line = next(line for line in lines if line.startswith("T "))
    assert "number" in T_line and "default=0.5" in T_line and ">= 0" in T_line and "<= 5" in T_line and "[energy]" in T_line
    assert any("one of point|phase_diagram" in line for line in lines)


def test_atomic_write_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "data.json"
    write_atomic(target, "{}")
    write_atomic(target, b"[1]")
    assert target.read_bytes() == b"[1]"
    assert [p.name for p in tmp_path.iterdir()] == ["data.json"]

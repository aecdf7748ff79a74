"""Dates with a precision: a year, a month or a day, as historians write them."""

from __future__ import annotations

import calendar
import datetime
import re

from django.db import models


class Precision(models.TextChoices):
    YEAR = "year", "Year"
    MONTH = "month", "Month"
    DAY = "day", "Day"


def normalise(value: datetime.date, precision: str) -> datetime.date:
    """The first day of the year or month that `value` names at `precision`."""
    if precision == Precision.YEAR:
        return value.replace(month=1, day=1)
    if precision == Precision.MONTH:
        return value.replace(day=1)
    return value


def as_dict(value: datetime.date | None, precision: str) -> dict | None:
    """The API form of a date: its parts down to `precision`, and how a reader sees it."""
    if value is None:
        return None
    return {
        "year": value.year,
        "month": value.month if precision != Precision.YEAR else None,
        "day": value.day if precision == Precision.DAY else None,
        "precision": precision,
        "display": display(value, precision),
    }


def display(value: datetime.date, precision: str) -> str:
    """`1982`, `April 1982` or `15 April 1982`."""
    if precision == Precision.YEAR:
        return str(value.year)
    month = calendar.month_name[value.month]
    if precision == Precision.MONTH:
        return f"{month} {value.year}"
    return f"{value.day} {month} {value.year}"


_YEAR = re.compile(r"^\d{1,4}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_bound(text: str, *, upper: bool) -> datetime.date:
    """A `from`/`to` bound: `1982`, `1982-04` or `1982-04-15`; the whole period it names.

    `upper` picks the last day of a year or month, so `to=1990` includes all of 1990.
    Raises ValueError with the accepted forms.
    """
    text = text.strip()
    try:
        if _YEAR.match(text):
            year = int(text)
            return datetime.date(year, 12, 31) if upper else datetime.date(year, 1, 1)
        match = _MONTH.match(text)
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            last = calendar.monthrange(year, month)[1]
            return datetime.date(year, month, last if upper else 1)
        return datetime.date.fromisoformat(text) if len(text) == 10 else _fail(text)
    except ValueError:
        return _fail(text)


def _fail(text: str) -> datetime.date:
    raise ValueError(
        f"{text!r} is not a date; use a year (1982), a month (1982-04) or a day (1982-04-15), "
        "with years from 1 to 9999."
    )

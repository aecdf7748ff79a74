"""Factories for timeline pages, entries, groups and references (wagtail-factories)."""

from __future__ import annotations

import datetime

import factory
import wagtail_factories

from timeline.models import (
    TimelineEntryPage,
    TimelineEra,
    TimelineGroup,
    TimelinePage,
    TimelineReference,
)


class TimelinePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Timeline {n}")
    slug = factory.Sequence(lambda n: f"timeline-{n}")
    summary = "Milestones."
    introduction = "<p>An introduction with $x^2$.</p>"
    date = datetime.date(2024, 6, 1)

    class Meta:
        model = TimelinePage


class TimelineGroupFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Group {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")

    class Meta:
        model = TimelineGroup


class TimelineEraFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Era {n}")
    start_year = 1950
    end_year = 1999

    class Meta:
        model = TimelineEra


class TimelineEntryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Milestone {n}")
    slug = factory.Sequence(lambda n: f"milestone-{n}")
    start_date = factory.Sequence(lambda n: datetime.date(1900 + n % 120, 1, 1))
    start_precision = "year"
    text = "<p>Something happened with $q_{EA}$.</p>"

    class Meta:
        model = TimelineEntryPage


class TimelineReferenceFactory(factory.django.DjangoModelFactory):
    authors = "D. Sherrington and S. Kirkpatrick"
    title = "Solvable model of a spin-glass"
    venue = "Phys. Rev. Lett. 35, 1792"
    year = 1975
    doi = "10.1103/PhysRevLett.35.1792"

    class Meta:
        model = TimelineReference

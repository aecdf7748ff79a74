#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    """Run administrative tasks with the dev settings unless told otherwise."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    if sys.argv[1:2] == ["simulate"]:
        # Solvers need neither the database nor the installed apps: skipping Django's app
        # loading (Wagtail, Celery, DRF: about two seconds) keeps `simulate` quick to start.
        from simulations.management.commands.simulate import Command

        Command().run_from_argv(sys.argv)
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

"""Create or update the demo site (posts, errata, references, figures, admin user)."""

from __future__ import annotations

import os

from django.core.management.base import BaseCommand, CommandError

from blog.demo.loader import ADMIN_USERNAME, DemoContentError, load

PASSWORD_VARIABLE = "DEMO_ADMIN_PASSWORD"


class Command(BaseCommand):
    help = (
        "Load the demo posts, errata page, references and figures, point the default site at "
        f"the blog, and create the superuser '{ADMIN_USERNAME}' (password from ${PASSWORD_VARIABLE}, "
        "or generated and printed once). Safe to run again: content is updated in place."
    )

    def handle(self, *args, **options):
        # Read here, like createsuperuser's DJANGO_SUPERUSER_PASSWORD: a one-off input of
        # this command, not a setting of the running site.
        password = os.environ.get(PASSWORD_VARIABLE) or None
        try:
            report = load(admin_password=password, log=self.stdout.write)
        except DemoContentError as error:
            raise CommandError(str(error)) from error
        for outcome in ("created", "updated", "unchanged"):
            titles = getattr(report, outcome)
            if titles:
                self.stdout.write(f"{outcome.capitalize()} ({len(titles)}): " + "; ".join(titles))
        if report.admin_password:
            self.stdout.write(
                self.style.WARNING(
                    f"Created superuser '{ADMIN_USERNAME}' with password: {report.admin_password}\n"
                    f"(shown once; set ${PASSWORD_VARIABLE} to choose it instead)."
                )
            )
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))

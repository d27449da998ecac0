"""Send followers their e-mails: the weekly digest, or with --immediate the notices of new items.

Meant for cron (README, "Following and digests"): running it again sends nothing twice, and
an e-mail that failed is tried again by the next run.
"""

from django.core.management.base import BaseCommand

from community.digests import send_immediate_notices, send_weekly_digests


class Command(BaseCommand):
    help = "Send the weekly digest to each confirmed subscriber (once per ISO week), or immediate notices."

    def add_arguments(self, parser):
        parser.add_argument(
            "--immediate",
            action="store_true",
            help="Send immediate notices of new items to subscribers who chose them, instead of the weekly digest.",
        )

    def handle(self, *args, immediate=False, **options):
        report = send_immediate_notices() if immediate else send_weekly_digests()
        what = "Immediate notices" if immediate else "Weekly digests"
        self.stdout.write(
            f"{what}: {report.sent} sent, {report.failed} failed (retried next run), "
            f"{report.already} already sent, {report.empty} with nothing new."
        )
        for error in report.errors:
            self.stderr.write(f"  failed: {error}")

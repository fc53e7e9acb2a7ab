import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

from members.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, describe_accounts

# Each app that has demo data provides `load(stdout)`; they run in this order.
DEMO_LOADERS = [
    "members.demo",
    "labs.demo",
    "members.outbox.demo",
    "applications.demo",
    "applications.selection.demo",
    "events.demo",
]


class Command(BaseCommand):
    help = "Loads the demo data (idempotent: running it again changes nothing)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for dotted in DEMO_LOADERS:
                importlib.import_module(dotted).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
        for line in describe_accounts():
            self.stdout.write(line)
        self.stdout.write(
            "The Secretariat admin and the coordinator also give an authenticator-app code: add the secret "
            f"{DEMO_TOTP_SECRET} to an authenticator app, or run: oathtool --totp -b {DEMO_TOTP_SECRET}"
        )

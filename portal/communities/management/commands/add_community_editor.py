import getpass
import secrets
import sys

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.communities.models import CommunityPage
from portal.communities.provisioning import add_community_editor


class Command(BaseCommand):
    help = (
        "Make a user an editor of one KS. A new user is created; their password is asked for "
        "when run in a terminal, or a one-time password is printed."
    )

    def add_arguments(self, parser):
        parser.add_argument("community", help="The KS's slug, e.g. golnik.")
        parser.add_argument("username")
        parser.add_argument("--email", default="", help="E-mail of a new user.")
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Never prompt: print a one-time password for a new user.",
        )

    @transaction.atomic
    def handle(self, *args, community, username, email="", interactive=True, **options):
        ks = CommunityPage.objects.filter(slug=community).first()
        if ks is None:
            known = ", ".join(CommunityPage.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(f"No KS with the slug {community!r}. Known: {known or 'none'}.")
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, email=email)
            password = self.new_password(user, interactive)
            user.set_password(password)
            user.save()
            self.stdout.write(f"Created the user {username}.")
        add_community_editor(ks, user)
        self.stdout.write(f"{username} now edits {ks.title} (group {ks.editors_group.name}).")

    def new_password(self, user, interactive):
        if interactive and sys.stdin.isatty():
            while True:
                password = getpass.getpass("Password: ")
                if password != getpass.getpass("Password (again): "):
                    self.stderr.write("The passwords differ. Try again.")
                    continue
                try:
                    password_validation.validate_password(password, user)
                except ValidationError as error:
                    self.stderr.write(" ".join(error.messages))
                    continue
                return password
        password = secrets.token_urlsafe(12)
        self.stdout.write(
            f"One-time password for {user.username}: {password}\n"
            "Give it to them privately and ask them to change it after the first login "
            "(Account → Change password)."
        )
        return password

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Site

from portal.base import names
from portal.communities.directory import MUNICIPALITY, kind_of
from portal.communities.models import CommunityPage, community_name, naming_errors
from portal.communities.provisioning import provision_community

# The option of the command that gives each field of the KS page.
OPTIONS = {"title": "--name", "slug": "--slug"}


class Command(BaseCommand):
    help = (
        "Create a local community (KS) section with its calendar, news index, editors group, "
        "collection and approval workflow. Running it again for the same KS changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help='The KS\'s name, e.g. "Primskovo".')
        parser.add_argument("--slug", help="URL slug (default: from the name, e.g. primskovo).")
        approval = parser.add_mutually_exclusive_group()
        approval.add_argument(
            "--requires-approval",
            action="store_true",
            default=None,
            help="KS editors submit for approval; municipal editors publish.",
        )
        approval.add_argument(
            "--no-requires-approval",
            dest="requires_approval",
            action="store_false",
            help="KS editors publish directly (the default for a new KS).",
        )

    @transaction.atomic
    def handle(self, *args, name, slug=None, requires_approval=None, verbosity=1, **options):
        name = community_name(names.normalise(name))
        if not name:
            raise CommandError('Give the KS a name, e.g. --name "Primskovo".')
        # Refused before the slug is made from the name: slugify would drop what the
        # admin form refuses, and the command then take another KS for this one.
        errors = naming_errors(f"KS {name}", names.normalise(slug or ""))
        if errors:
            raise CommandError(
                " ".join(f"{OPTIONS[field]}: {text}" for field, text in errors.items())
            )
        slug = names.normalise(slug) if slug else slugify(name)
        home = self.home_page()
        community = CommunityPage.objects.child_of(home).filter(slug=slug).first()
        created = community is None
        if created:
            community = CommunityPage(
                title=f"KS {name}", slug=slug, requires_approval=bool(requires_approval)
            )
            try:
                home.add_child(instance=community)
            except ValidationError as error:
                raise CommandError("; ".join(error.messages)) from error
            community.save_revision(log_action=True).publish()
        elif requires_approval is not None and requires_approval != community.requires_approval:
            CommunityPage.objects.filter(pk=community.pk).update(
                requires_approval=requires_approval
            )
            community.requires_approval = requires_approval
        provision_community(community)
        if verbosity:
            verb = "Created" if created else "Checked"
            approval = "on" if community.requires_approval else "off"
            self.stdout.write(
                f"{verb} {community.title} at {community.url_path}: group "
                f'"{community.editors_group.name}", collection "{community.collection.name}", '
                f"municipal approval {approval}."
            )

    @staticmethod
    def home_page():
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = site.root_page.specific if site else None
        if kind_of(home) != MUNICIPALITY:
            raise CommandError(
                "The default site has no portal home page. Run `manage.py migrate` first."
            )
        return home

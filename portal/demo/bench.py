"""Bench data: many KS sections with their spaces and stakeholders, for `make bench`.

The i-th KS always gets the same name, slug, spaces and stakeholders, so running the
loader again only adds what is missing: it tops an existing database up to the requested
scale and never changes what is there. KS and space pages go through `add_child` and
`publish` like any page (the tree, revisions and search index stay right), and each KS is
provisioned by `provision_community` like a new KS in the admin. Stakeholders, plain rows,
are inserted in bulk and indexed in one call.

Place names are real Gorenjska villages and towns; people, societies and businesses are
made up, e-mails use example.org and phones the unused 555 range.
"""

import itertools
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Site
from wagtail.search.backends import get_search_backend

from home.models import HomePage
from portal.base.pagecache import bump_content_version
from portal.communities.models import CommunityPage
from portal.communities.provisioning import provision_community
from portal.demo.builder import DemoDataError
from portal.spaces.models import SpacePage
from portal.stakeholders.models import Stakeholder

# Not the demo's pilot KS (Golnik, Zlato polje, Stražišče), so the two loaders never meet.
PLACES = [
    "Babni Vrt", "Bašelj", "Besnica", "Bitnje", "Bobovek", "Breg ob Savi", "Britof",
    "Brnik", "Cegelnica", "Cerklje", "Čadovlje", "Čirče", "Davča", "Dražgoše", "Drulovka",
    "Duplje", "Gorenja Sava", "Gorenja vas", "Goriče", "Hotemaže", "Hrastje", "Huje",
    "Ilovka", "Jama", "Javornik", "Jezersko", "Jošt", "Kokra", "Kokrica", "Komenda",
    "Kovor", "Kropa", "Križe", "Lahovče", "Lesce", "Letence", "Luže", "Mavčiče", "Meja",
    "Mlaka", "Naklo", "Nemilje", "Olševek", "Orehek", "Orehovlje", "Pivka", "Planina",
    "Podblica", "Podbrezje", "Podnart", "Polica", "Poljane", "Prebačevo", "Preddvor",
    "Predoslje", "Primskovo", "Pševo", "Reteče", "Rupa", "Selca", "Senično", "Smlednik",
    "Sorica", "Srakovlje", "Strahinj", "Struževo", "Suha", "Šenčur", "Šmartno", "Tatinec",
    "Tenetiše", "Trboje", "Trstenik", "Tupaliče", "Velesovo", "Visoko", "Voglje", "Voklo",
    "Vodice", "Zabukovje", "Zalog", "Zbilje", "Zgornja Besnica", "Žabnica", "Žeje",
    "Žiri", "Adergas", "Bistrica", "Brezje", "Begunje", "Dvorje", "Sebenje",
    "Zvirče", "Kamnik pod Krimom", "Lom", "Mače", "Okroglo", "Pangršica",
    "Retnje", "Sveti Duh",
]  # fmt: skip

STREETS = ["Glavna cesta", "Šolska ulica", "Cesta na Brdo", "Vaška pot", "Trg svobode"]
SPACES = [
    ("Dom krajanov", 80),
    ("Skupnostni prostor", 30),
    ("Mladinski prostor", 20),
    ("Sejna soba KS", 15),
    ("Večnamenska dvorana", 120),
]
SPACE_INTRO = (
    "Prostor krajevne skupnosti, odprt za društva, skupine in krajane: delavnice, srečanja, "
    "vaje in medgeneracijsko druženje."
)
SPACE_BODY = (
    "<p>Prostor je urejen za srečanja do {capacity} oseb. Na voljo so mize in stoli, "
    "projektor in čajna kuhinja. Dostop je brez stopnic.</p>"
    "<p>Za uporabo se dogovorite s svetom KS; ključ prevzamete v pisarni KS.</p>"
)
STAKEHOLDERS = [
    ("Svet KS {place}", Stakeholder.Sector.PUBLIC),
    ("Prostovoljno gasilsko društvo {place}", Stakeholder.Sector.NGO),
    ("Društvo upokojencev {place}", Stakeholder.Sector.NGO),
    ("Kmetija Pri Kovaču, {place}", Stakeholder.Sector.BUSINESS),
    ("Vrtičkarji {place}", Stakeholder.Sector.INFORMAL),
    ("Kulturno društvo {place}", Stakeholder.Sector.NGO),
    ("Osnovna šola {place}", Stakeholder.Sector.PUBLIC),
    ("Mizarstvo Zupan, {place}", Stakeholder.Sector.BUSINESS),
    ("Mladi {place}", Stakeholder.Sector.INFORMAL),
    ("Športno društvo {place}", Stakeholder.Sector.NGO),
]
STAKEHOLDER_DESCRIPTION = (
    "<p>Sodeluje pri programu skupnostnega prostora v KS {place}: pomaga pri urejanju "
    "prostora, vodi delavnice in vabi krajane.</p>"
)


@dataclass(frozen=True)
class Scale:
    communities: int
    spaces_per_community: int = 2
    stakeholders_per_community: int = 5


def place_names(count):
    """`count` distinct place names: the list, then the list again numbered ("Bitnje 2")."""
    rounds = itertools.count(1)
    names = []
    while len(names) < count:
        round_ = next(rounds)
        names.extend(place if round_ == 1 else f"{place} {round_}" for place in PLACES)
    return names[:count]


class BenchBuilder:
    """Tops the database up to `scale`; `on_community(done, total)` follows the work."""

    def __init__(self, scale, progress, on_community=None):
        self.scale = scale
        self.progress = progress
        self.on_community = on_community or (lambda done, total: None)
        self.home = self.home_page()

    @staticmethod
    def home_page():
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = site.root_page.specific if site else None
        if not isinstance(home, HomePage):
            raise DemoDataError(
                "The default site has no portal home page as its root. Run "
                "`manage.py migrate` on a fresh database first."
            )
        return home

    def build(self):
        names = place_names(self.scale.communities)
        existing = {page.slug: page for page in CommunityPage.objects.child_of(self.home)}
        for done, place in enumerate(names, start=1):
            # One KS per transaction: an interrupted run keeps what it finished.
            with transaction.atomic():
                community = self.community(place, existing.get(slugify(place)))
                self.spaces(community, place)
                self.stakeholders(community, place)
            self.on_community(done, len(names))
        # Bulk inserts send no signals: tell the page cache that content changed.
        bump_content_version()

    def community(self, place, community):
        if community is not None:
            self.progress.found("page", community.title)
            if not (community.editors_group_id and community.collection_id):
                provision_community(community)
                self.progress.add("provisioning", community.title)
            return community
        slug = slugify(place)
        community = CommunityPage(
            title=f"KS {place}",
            slug=slug,
            intro=f"Krajevna skupnost {place}: prostori, društva in dogajanje v kraju.",
            body=(
                f"<p>KS {place} povezuje krajane, društva in podjetja v kraju. Njen skupnostni "
                "prostor je odprt za vse, ki želijo v kraju kaj narediti skupaj.</p>"
            ),
            office_address=f"{STREETS[len(place) % len(STREETS)]} 1, {place}",
            email=f"ks-{slug}@example.org",
            phone=f"04 555 {len(place):02d} {sum(map(ord, place)) % 100:02d}",
            office_hours="Torek 17.00–19.00",
        )
        self.home.add_child(instance=community)
        community.save_revision().publish()
        provision_community(community)
        self.progress.add("page", community.title)
        self.progress.add("page", f"{community.title}: Dogodki, Novice", count=2)
        self.progress.add("provisioning", community.title)
        return community

    def spaces(self, community, place):
        have = set(SpacePage.objects.child_of(community).values_list("slug", flat=True))
        for index in range(self.scale.spaces_per_community):
            kind, capacity = SPACES[index % len(SPACES)]
            title = f"{kind} {place}" if index < len(SPACES) else f"{kind} {place} {index + 1}"
            slug = slugify(title)
            if slug in have:
                self.progress.found("page", title)
                continue
            space = SpacePage(
                title=title,
                slug=slug,
                intro=SPACE_INTRO,
                body=SPACE_BODY.format(capacity=capacity),
                address=f"{STREETS[index % len(STREETS)]} {index + 2}, {place}",
                capacity=capacity,
                contact_email=community.email,
                contact_phone=community.phone,
            )
            community.add_child(instance=space)
            space.save_revision().publish()
            self.progress.add("page", title)

    def stakeholders(self, community, place):
        have = set(Stakeholder.objects.filter(community=community).values_list("name", flat=True))
        wanted = [
            (pattern.format(place=place), sector)
            for pattern, sector in itertools.islice(
                itertools.cycle(STAKEHOLDERS), self.scale.stakeholders_per_community
            )
        ]
        # Beyond one of each kind, a name repeats: number it by its place ("Mladi Bitnje 19").
        seen = set()
        new = []
        for number, (name, sector) in enumerate(wanted, start=1):
            if name in seen:
                name = f"{name} {number}"
            seen.add(name)
            if name in have:
                self.progress.found("stakeholder", name)
                continue
            new.append(
                Stakeholder(
                    community=community,
                    name=name,
                    sector=sector,
                    description=STAKEHOLDER_DESCRIPTION.format(place=place),
                    email=f"info-{slugify(name)}@example.org",
                    phone=f"04 555 {number:02d} {len(name):02d}",
                )
            )
        if new:
            Stakeholder.objects.bulk_create(new)
            get_search_backend().add_bulk(Stakeholder, new)
            self.progress.add("stakeholder", community.title, count=len(new))

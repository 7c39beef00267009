"""Bench data: many KS sections with their spaces and stakeholders, for `make bench`.

The i-th KS always gets the same name, slug, spaces and stakeholders, so running the
loader again only adds what is missing: it tops an existing database up to the requested
scale and never changes what is there. KS and space pages go through `add_child` and
`publish` like any page (the tree, revisions and search index stay right), and each KS is
provisioned by `provision_community` like a new KS in the admin. Stakeholders, plain rows,
are inserted in bulk and indexed in one call. Programmes, snippets with revisions, are
inserted in bulk too, each with its organisers, themes and audiences and one published
revision, as if an editor had created and published it; the i-th programme of a KS always
has the same type and title, so topping up finds it.

Place names are real Gorenjska villages and towns; people, societies and businesses are
made up, e-mails use example.org and phones the unused 555 range.
"""

import datetime
import itertools
from dataclasses import dataclass

from anyascii import anyascii
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Revision, Site
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backend

from home.models import HomePage
from portal.base.caching import bump_content_version
from portal.communities.models import CommunityPage
from portal.communities.provisioning import provision_community
from portal.consultations.models import Answer, ConsultationPage, Response
from portal.demo.builder import DemoDataError
from portal.demo.bulk_pages import add_children
from portal.demo.programmes import details_json
from portal.events import recurrence
from portal.events.models import EventCalendarPage, EventPage, Occurrence, Registration, Status
from portal.events.models.occurrences import horizon
from portal.news.models import NewsIndexPage, NewsPage
from portal.signups.booking import sign_up
from portal.signups.dates import date_for
from portal.spaces.models import SpacePage, WeeklyHours
from portal.stakeholders.models import Stakeholder
from programmes.models import Audience, Programme, Theme

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
class Kind:
    """A bench programme of one built-in type: title, summary, themes, audiences, details."""

    programme_type: str
    title: str
    summary: str
    themes: tuple
    audiences: tuple
    details: dict
    registration: str = Programme.Registration.NOT_NEEDED


# The built-in types, in the order the programmes of a KS cycle through them.
KINDS = [
    Kind(
        "repair_cafe",
        "Popravljalnica {place}",
        "Vsako prvo soboto v mesecu skupaj popravimo male aparate, oblačila in kolesa.",
        ("circular_economy",),
        ("adults", "seniors"),
        {
            "repair_categories": ["electrical", "textiles", "bicycles"],
            "tools_available": ["spajkalnik", "šivalni stroj", "stojalo za kolo"],
            "volunteers_needed": True,
            "volunteer_skills": "elektrika, šivanje",
        },
    ),
    Kind(
        "community_garden",
        "Skupnostni vrt {place}",
        "Visoke grede ob domu krajanov, ki jih sosedje obdelujejo skupaj in brez škropiv.",
        ("food",),
        ("children", "adults", "seniors"),
        {
            "plots_total": 10,
            "plots_free": 3,
            "how_to_apply": "<p>Za gredo zaprosite v uradnih urah KS.</p>",
            "season_start": "4",
            "season_end": "10",
        },
        registration=Programme.Registration.NEEDED,
    ),
    Kind(
        "intergenerational",
        "Medgeneracijsko druženje {place}",
        "Mladi in starejši se ob kavi učijo drug od drugega: telefoni, ročna dela, zgodbe.",
        ("circular_economy",),
        ("youth", "seniors", "intergenerational"),
        {
            "age_groups": ["youth", "seniors"],
            "mentors": [{"name": "Ana Novak", "offers": "pametni telefon"}],
        },
    ),
    Kind(
        "energy_advice",
        "Energetsko svetovanje {place}",
        "Energetski svetovalec enkrat na mesec svetuje o izolaciji, ogrevanju in spodbudah.",
        ("energy",),
        ("adults", "seniors"),
        {"advice_topics": ["insulation", "heating", "subsidies"], "booking_url": ""},
        registration=Programme.Registration.NEEDED,
    ),
    Kind(
        "workshop",
        "Delavnica vrtiljak {place}",
        "Po metodi vrtiljak skupaj načrtujemo program skupnostnega prostora.",
        ("spatial_planning",),
        ("youth", "adults", "seniors"),
        {"method": "carousel", "facilitator": "Ljudska univerza Kranj", "outcomes": ""},
    ),
]
PROGRAMME_DESCRIPTION = (
    "<p>Program skupnostnega prostora v KS {place}, ki ga pripravljajo domača društva in "
    "krajani. Vabljeni vsi, ki bi radi sodelovali.</p>"
)
# Mostly running, some planned, paused or ended, spread over the KS.
STATUSES = [
    Programme.Status.RUNNING,
    Programme.Status.RUNNING,
    Programme.Status.PLANNED,
    Programme.Status.RUNNING,
    Programme.Status.PAUSED,
    Programme.Status.RUNNING,
    Programme.Status.ENDED,
]


# The consultation of the first KS: its questions, its answers online and from workshops.
CONSULTATION_QUESTIONS = [
    {
        "type": "single_choice",
        "id": "vrt",
        "value": {
            "theme": "food",
            "question": "Bi sodelovali v skupnostnem vrtu?",
            "help_text": "",
            "required": True,
            "options": ["Da", "Morda", "Ne"],
        },
    },
    {
        "type": "scale",
        "id": "energija",
        "value": {
            "theme": "energy",
            "question": "Kako pomembno je energetsko svetovanje v KS?",
            "help_text": "",
            "required": False,
            "low_label": "nepomembno",
            "high_label": "zelo pomembno",
        },
    },
    {
        "type": "long_text",
        "id": "potrebe",
        "value": {
            "theme": "",
            "question": "Kaj v KS najbolj pogrešate?",
            "help_text": "",
            "required": False,
        },
    },
]
CONSULTATION_ANSWERS = 300
CONSULTATION_NOTES = 120
WORKSHOP_NOTES = [
    ("food", "need", "Skupnostni vrt za blokom"),
    ("food", "offer", "Semena iz domačega vrta"),
    ("circular_economy", "idea", "Popravljalnica enkrat na mesec"),
    ("energy", "need", "Energetsko svetovanje v domu krajanov"),
    ("spatial_planning", "idea", "Varna pot v šolo"),
]

# Events of a KS cycle through these titles; every fifth repeats, in one of four ways.
EVENT_TITLES = [
    "Popravljalnica",
    "Vadba za starejše",
    "Pravljična urica",
    "Srečanje društva upokojencev",
    "Delavnica ročnih del",
    "Tečaj računalništva za starejše",
    "Čistilna akcija",
    "Koncert domačih glasbenikov",
    "Predavanje o energetski prenovi",
    "Izmenjava semen",
    "Kvačkanje v dobri družbi",
    "Šahovski večer",
    "Joga za vse",
    "Kuharska delavnica",
    "Seja sveta KS",
]
# In the first KS, its second event takes sign-ups on the portal, two weeks ahead, with
# some places taken: the event page with its places and the sign-up form are measured.
SIGNUP_EVENT = 1
SIGNUP_DAYS_AHEAD = 14
SIGNUP_CAPACITY = 40
SIGNUP_NAMES = [
    f"{first} {last}"
    for last in ("Novak", "Kovač", "Zupan", "Kos")
    for first in ("Ana", "Marko", "Petra", "Jure", "Maja", "Luka")
]
EVENT_INTRO = "Vabljeni krajani {locative}: druženje, učenje in pogovor v domačem kraju."
EVENT_BODY = (
    "<p>Srečanje pripravljajo domača društva in prostovoljci. Udeležba je odprta za vse; "
    "s seboj prinesite dobro voljo.</p>"
)
REPEATS = [
    {"frequency": "WEEKLY", "ends": "after", "count": 12},
    {"frequency": "WEEKLY", "ends": "on_date", "until_days": 180},
    {"frequency": "MONTHLY", "monthly_by": "weekday", "ends": "never"},
    {"frequency": "WEEKLY", "interval": 2, "ends": "after", "count": 20},
]
NEWS_TITLES = [
    "Prenovljen skupnostni prostor",
    "Vabilo na čistilno akcijo",
    "Poročilo s seje sveta KS",
    "Nov urnik uradnih ur",
    "Zahvala prostovoljcem",
    "Začenja se vpis na delavnice",
    "Obvestilo o zapori ceste",
    "Uspešna izmenjava semen",
]
NEWS_INTRO = "Novice iz KS {place}: kaj se dogaja v kraju in kaj pripravljamo."
NEWS_BODY = (
    "<p>Svet KS {place} obvešča krajane o delu v skupnostnem prostoru in vabi vse, ki bi "
    "radi sodelovali pri pripravi programa.</p>"
)


# Each bench space is open on weekday evenings and Saturday mornings.
BENCH_HOURS = [
    *((day, datetime.time(16), datetime.time(21)) for day in range(5)),
    (5, datetime.time(9), datetime.time(13)),
]


@dataclass(frozen=True)
class Scale:
    communities: int
    spaces_per_community: int = 2
    stakeholders_per_community: int = 5
    programmes_per_community: int = 3
    events_per_community: int = 0
    news_per_community: int = 0


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
        self.themes = {theme.key: theme for theme in Theme.objects.all()}
        self.audiences = {audience.key: audience for audience in Audience.objects.all()}

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
                self.programmes(community, place, number=done - 1)
                self.events(community, place, number=done - 1)
                self.news(community, place, number=done - 1)
                self.consultation(community, place, number=done - 1)
            self.on_community(done, len(names))
        # Bulk inserts send no signals: tell the page cache that content changed.
        bump_content_version()
        # Nor do they wait for autovacuum to update the planner's statistics: gather them
        # now, so that the bench measures the plans a settled production database uses.
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

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
        self.opening_hours(community)

    def opening_hours(self, community):
        """Weekday evenings and Saturday mornings for each space without hours, in bulk."""
        bare = SpacePage.objects.child_of(community).filter(weekly_hours__isnull=True)
        rows = [
            WeeklyHours(page_id=pk, sort_order=order, weekday=day, opens=opens, closes=closes)
            for pk in bare.values_list("pk", flat=True)
            for order, (day, opens, closes) in enumerate(BENCH_HOURS)
        ]
        WeeklyHours.objects.bulk_create(rows)
        if rows:
            self.progress.add("opening hours", community.title, count=len(rows))

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

    def programmes(self, community, place, number):
        """The KS's programmes: the i-th is of the (number + i)-th type, so every type
        appears across KS, and organised by two of the KS's stakeholders."""
        if not self.scale.programmes_per_community:
            return
        have = set(Programme.objects.filter(community=community).values_list("slug", flat=True))
        stakeholders = list(Stakeholder.objects.filter(community=community).order_by("pk"))
        spaces = list(SpacePage.objects.child_of(community).order_by("path"))
        now = timezone.now()
        new = []
        for index in range(self.scale.programmes_per_community):
            kind = KINDS[(number + index) % len(KINDS)]
            title = kind.title.format(place=place)
            if index >= len(KINDS):
                title = f"{title} {index // len(KINDS) + 1}"
            slug = slugify(anyascii(title))[:100]
            if slug in have:
                self.progress.found("programme", title)
                continue
            programme = Programme(
                community=community,
                slug=slug,
                title=title,
                summary=kind.summary,
                description=PROGRAMME_DESCRIPTION.format(place=place),
                programme_type=kind.programme_type,
                details=details_json(kind.programme_type, kind.details),
                space=spaces[index % len(spaces)] if spaces else None,
                registration=kind.registration,
                contact_email=community.email,
                contact_phone=community.phone,
                status=STATUSES[(3 * number + index) % len(STATUSES)],
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
            )
            # Held in memory by modelcluster until written below, and in the revision.
            programme.organisers.set(
                dict.fromkeys(stakeholders[(index + step) % len(stakeholders)] for step in (0, 1))
                if stakeholders
                else []
            )
            programme.themes.set([self.themes[key] for key in kind.themes])
            programme.audiences.set([self.audiences[key] for key in kind.audiences])
            new.append(programme)
        if not new:
            return
        Programme.objects.bulk_create(new)
        for name in ("organisers", "themes", "audiences"):
            field = Programme._meta.get_field(name)
            through = field.remote_field.through
            own, other = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
            through.objects.bulk_create(
                through(**{own: programme.pk, other: related.pk})
                for programme in new
                for related in getattr(programme, name).all()
            )
        content_type = ContentType.objects.get_for_model(Programme)
        revisions = [
            Revision(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(programme.pk),
                created_at=now,
                object_str=str(programme),
                content=programme.serializable_data(),
            )
            for programme in new
        ]
        Revision.objects.bulk_create(revisions)
        for programme, revision in zip(new, revisions, strict=True):
            programme.latest_revision = programme.live_revision = revision
        Programme.objects.bulk_update(new, ["latest_revision", "live_revision"])
        get_search_backend().add_bulk(Programme, new)
        self.progress.add("programme", community.title, count=len(new))

    def events(self, community, place, number):
        """The KS's events, a fifth of them repeating, spread from half a year ago to a year
        ahead: in its spaces, organised by its stakeholders, some in its programmes, a few
        cancelled or postponed. Inserted in bulk, their dates expanded as a publish would."""
        calendar = EventCalendarPage.objects.child_of(community).first()
        wanted = self.scale.events_per_community
        if not wanted or calendar is None:
            return
        have = set(EventPage.objects.child_of(calendar).values_list("slug", flat=True))
        spaces = list(SpacePage.objects.child_of(community).order_by("path"))
        organisers = list(Stakeholder.objects.filter(community=community).order_by("pk"))
        programmes = list(Programme.objects.filter(community=community).order_by("pk"))
        themes = list(self.themes.values())
        audiences = list(self.audiences.values())
        today = timezone.localdate()
        new = []
        for index in range(wanted):
            title = f"{EVENT_TITLES[index % len(EVENT_TITLES)]} {index + 1}"
            slug = slugify(anyascii(title))
            if slug in have:
                self.progress.found("event", title)
                continue
            day = today + datetime.timedelta(days=(index * 7 + number) % 545 - 180)
            takes_signups = number == 0 and index == SIGNUP_EVENT
            if takes_signups:
                day = today + datetime.timedelta(days=SIGNUP_DAYS_AHEAD)
            start = timezone.make_aware(
                datetime.datetime.combine(day, datetime.time(9 + (index + number) % 11))
            )
            event = EventPage(
                title=title,
                slug=slug,
                intro=EVENT_INTRO.format(locative=f"KS {place}"),
                body=EVENT_BODY,
                start=start,
                end=start + datetime.timedelta(hours=2),
                all_day=index % 17 == 16,
                space=spaces[index % len(spaces)] if spaces and index % 4 else None,
                location="" if spaces and index % 4 else f"Gasilski dom, {place}",
                status=(
                    Status.CANCELLED
                    if index % 23 == 22
                    else Status.POSTPONED
                    if index % 29 == 28
                    else Status.SCHEDULED
                ),
                organiser=organisers[index % len(organisers)] if organisers else None,
                programme=programmes[index % len(programmes)]
                if programmes and index % 3 == 0
                else None,
                is_free=index % 4 != 3,
                price="" if index % 4 != 3 else "5 EUR, upokojenci 3 EUR",
            )
            if takes_signups:
                event.registration = Registration.PORTAL
                event.signup_capacity = SIGNUP_CAPACITY
            if index % 5 == 0:
                self.repeat(event, REPEATS[index // 5 % len(REPEATS)], today)
            event.themes.set([themes[index % len(themes)]] if themes else [])
            event.audiences.set([audiences[index % len(audiences)]] if audiences else [])
            new.append(event)
        if not new:
            return
        add_children(calendar, new)
        until = horizon()
        Occurrence.objects.bulk_create(
            (
                Occurrence(event_id=event.pk, path=event.path, **vars(instance))
                for event in new
                for instance in recurrence.expand(event, until)
            ),
            batch_size=1000,
        )
        self.progress.add("event", community.title, count=len(new))
        for event in new:
            if event.registration == Registration.PORTAL:
                self.sign_ups(event)

    @staticmethod
    def sign_ups(event):
        """Sign-ups for the first date of `event`, as from the public form (no mail)."""
        date = date_for(event, Occurrence.objects.filter(event=event).order_by("start").first())
        for name in SIGNUP_NAMES:
            email = f"{slugify(anyascii(name)).replace('-', '.')}@example.org"
            sign_up(date, name=name, email=email, mail=False)

    @staticmethod
    def repeat(event, how, today):
        """Set `event` to repeat `how` (one of REPEATS), as an editor would in the form."""
        event.frequency = how["frequency"]
        event.interval = how.get("interval", 1)
        event.monthly_by = how.get("monthly_by", "day")
        if event.monthly_by == "weekday":
            # The first such weekday of its month, which every month has.
            event.start -= datetime.timedelta(weeks=(event.start.day - 1) // 7)
            event.end = event.start + datetime.timedelta(hours=2)
        event.ends = how["ends"]
        event.count = how.get("count")
        if "until_days" in how:
            event.until = today + datetime.timedelta(days=how["until_days"])
        event.rrule = recurrence.rule_text(event)

    def consultation(self, community, place, number):
        """In the first KS only, a closed consultation with answers online and notes from
        the workshops, inserted in bulk (what the results page is measured on), and an open
        one (the answer form)."""
        if number or ConsultationPage.objects.child_of(community).exists():
            return
        now = timezone.now()
        page = ConsultationPage(
            title=f"Posvet o skupnostnem prostoru {place}",
            slug="posvet",
            intro="Kaj naj ponuja skupnostni prostor? Odgovori krajanov, na spletu in z delavnic.",
            opens_at=now - datetime.timedelta(days=60),
            closes_at=now - datetime.timedelta(days=30),
            questions=CONSULTATION_QUESTIONS,
        )
        community.add_child(instance=page)
        page.save_revision().publish()
        online, workshop = Response.Source.ONLINE, Response.Source.WORKSHOP
        responses = Response.objects.bulk_create(
            Response(consultation=page, community=community, source=online)
            for _ in range(CONSULTATION_ANSWERS)
        ) + Response.objects.bulk_create(
            Response(
                consultation=page, community=community, source=workshop, people_count=1 + i % 8
            )
            for i in range(CONSULTATION_NOTES)
        )
        answers = []
        for i, response in enumerate(responses):
            if response.source == workshop:
                theme, kind, text = WORKSHOP_NOTES[i % len(WORKSHOP_NOTES)]
                answers.append(Answer(response=response, theme=theme, note_type=kind, text=text))
                continue
            answers += [
                Answer(response=response, question_id="vrt", option=("Da", "Morda", "Ne")[i % 3]),
                Answer(response=response, question_id="energija", value=1 + i * 7 % 5),
                Answer(response=response, question_id="potrebe", text="Prostor za mlade."),
            ]
        Answer.objects.bulk_create(answers)
        self.progress.add("page", page.title)
        # And an open one: what the answer form is measured on.
        form = ConsultationPage(
            title=f"Posvet o programu za pomlad {place}",
            slug="posvet-pomlad",
            intro="Kaj bi radi počeli spomladi? Odgovorite do konca meseca.",
            opens_at=now - datetime.timedelta(days=7),
            closes_at=now + datetime.timedelta(days=3650),
            questions=CONSULTATION_QUESTIONS,
        )
        community.add_child(instance=form)
        form.save_revision().publish()
        self.progress.add("page", form.title)

    def news(self, community, place, number):
        """The KS's news, one every few days back over the years, inserted in bulk."""
        index_page = NewsIndexPage.objects.child_of(community).first()
        wanted = self.scale.news_per_community
        if not wanted or index_page is None:
            return
        have = set(NewsPage.objects.child_of(index_page).values_list("slug", flat=True))
        themes = list(self.themes.values())
        today = timezone.localdate()
        new = []
        for index in range(wanted):
            title = f"{NEWS_TITLES[index % len(NEWS_TITLES)]} {index + 1}"
            slug = slugify(anyascii(title))
            if slug in have:
                self.progress.found("news", title)
                continue
            date = today - datetime.timedelta(days=index * 3 + number % 3)
            published = timezone.make_aware(datetime.datetime.combine(date, datetime.time(8)))
            item = NewsPage(
                title=title,
                slug=slug,
                date=date,
                intro=NEWS_INTRO.format(place=place),
                body=[("paragraph", RichText(NEWS_BODY.format(place=place)))],
                first_published_at=published,
            )
            item.themes.set([themes[index % len(themes)]] if themes else [])
            new.append(item)
        if new:
            add_children(index_page, new)
            self.progress.add("news", community.title, count=len(new))

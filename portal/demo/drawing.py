"""Draw a `floor_plans.FloorPlan` as a PNG: rooms, doors, a north arrow and a scale bar.

The picture is 1200 x 800. Pages show images cropped to 16:9 (`fill-800x450`), which cuts
about 60 px off the top and the bottom, so everything that matters stays between.
"""

import io

from PIL import Image, ImageDraw

from portal.demo import lettering
from portal.demo.floor_plans import HALL, OUTDOOR, SERVICE

WIDTH, HEIGHT = 1200, 800
PLAN_BOX = (60, 165, 1140, 680)  # left, top, right, bottom
WALL_WIDTH = 7
ENTRANCE_ROOM = 80  # px outside a wall with an entrance, for its arrow and label

BACKGROUND = "#f6f4ee"
FLOOR = "#fbfaf7"
FILLS = {SERVICE: "#ece5d6", HALL: "#efece4", OUTDOOR: "#e4eed8"}
ROOM_FILL = "#dde9e3"
WALL = "#33434d"
OUTDOOR_EDGE = "#8aa07a"
FURNITURE_EDGE = "#9aa7ad"
TEXT = "#1f2a30"
MUTED = "#55646c"
ACCENT = "#a8452f"


def render_floor_plan(plan, title, subtitle):
    """The plan as PNG bytes, with `title` and `subtitle` above it."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    to_px, scale = fit(plan)
    rooms = sorted(plan.rooms, key=lambda room: room.kind != OUTDOOR)
    for room in rooms:
        draw_floor(draw, room, to_px)
    for room in rooms:
        draw_walls(draw, room, to_px)
    for piece in plan.furniture:
        draw_furniture(draw, piece, to_px, scale)
    for door in plan.doors:
        draw_door(draw, door, to_px, scale)
    for room in plan.rooms:
        draw_room_label(draw, room, to_px, scale)
    draw_heading(draw, title, subtitle)
    draw_north_arrow(draw, (WIDTH - 95, 128))
    draw_scale_bar(draw, (PLAN_BOX[0], 700), scale)
    draw_note(draw, "Shematski prikaz, mere so približne.")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


# --- Placing the plan ---------------------------------------------------------------------


def fit(plan):
    """A function from metres to pixels that fits the plan into PLAN_BOX, and its scale."""
    west, north, east, south = extent(plan)
    pad = entrance_sides(plan)
    left, top = PLAN_BOX[0] + pad["w"], PLAN_BOX[1] + pad["n"]
    width = PLAN_BOX[2] - pad["e"] - left
    height = PLAN_BOX[3] - pad["s"] - top
    scale = min(width / (east - west), height / (south - north))
    left += (width - scale * (east - west)) / 2
    top += (height - scale * (south - north)) / 2

    def to_px(x, y):
        return left + (x - west) * scale, top + (y - north) * scale

    return to_px, scale


def extent(plan):
    rooms = plan.rooms
    return (
        min(room.x for room in rooms),
        min(room.y for room in rooms),
        max(room.x + room.width for room in rooms),
        max(room.y + room.depth for room in rooms),
    )


def entrance_sides(plan):
    """Padding in px on each side (n, e, s, w): room for entrance labels where needed."""
    pad = dict.fromkeys("nesw", 12)
    for door in plan.doors:
        if door.label:
            pad[outside_side(door)] = ENTRANCE_ROOM
    return pad


def outside_side(door):
    """An entrance swings inwards, so its outside is where the leaf does not go."""
    if door.along == "x":
        return "n" if door.swing > 0 else "s"
    return "w" if door.swing > 0 else "e"


# --- Rooms, furniture, doors ------------------------------------------------------------


def draw_floor(draw, room, to_px):
    box = [*to_px(room.x, room.y), *to_px(room.x + room.width, room.y + room.depth)]
    draw.rectangle(box, fill=FILLS.get(room.kind, ROOM_FILL))


def draw_walls(draw, room, to_px):
    """Walls centred on the room's edges, so a wall two rooms share is drawn once."""
    corners = [
        to_px(room.x, room.y),
        to_px(room.x + room.width, room.y),
        to_px(room.x + room.width, room.y + room.depth),
        to_px(room.x, room.y + room.depth),
    ]
    if room.kind == OUTDOOR:
        draw.line([*corners, corners[0]], fill=OUTDOOR_EDGE, width=2)
    else:
        draw.line([*corners, corners[0], corners[1]], fill=WALL, width=WALL_WIDTH, joint="curve")


def draw_furniture(draw, piece, to_px, scale):
    box = [*to_px(piece.x, piece.y), *to_px(piece.x + piece.width, piece.y + piece.depth)]
    draw.rectangle(box, fill=FLOOR, outline=FURNITURE_EDGE, width=2)
    if piece.label:
        face = lettering.font(max(12, min(18, round(scale * 0.45))))
        centre_x, centre_y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        lettering.draw_text(
            draw, (centre_x, centre_y - face.size * 0.6), piece.label, face, MUTED, anchor="ma"
        )


def draw_door(draw, door, to_px, scale):
    """A gap in the wall, the leaf and its swing; an entrance also an arrow and label."""
    start = to_px(door.x, door.y)
    if door.along == "x":
        end = to_px(door.x + door.width, door.y)
        draw.rectangle([start[0], start[1] - 4, end[0], end[1] + 4], fill=FLOOR)
    else:
        end = to_px(door.x, door.y + door.width)
        draw.rectangle([start[0] - 4, start[1], end[0] + 4, end[1]], fill=FLOOR)
    radius = door.width * scale
    hinge_x, hinge_y = start
    if door.along == "x":
        leaf = (hinge_x, hinge_y + door.swing * radius)
        arc = (0, 90) if door.swing > 0 else (270, 360)
    else:
        leaf = (hinge_x + door.swing * radius, hinge_y)
        arc = (0, 90) if door.swing > 0 else (90, 180)
    bounds = [hinge_x - radius, hinge_y - radius, hinge_x + radius, hinge_y + radius]
    draw.arc(bounds, *arc, fill=MUTED, width=1)
    draw.line([start, leaf], fill=WALL, width=3)
    if door.label:
        draw_entrance(draw, door, start, end)


def draw_entrance(draw, door, start, end):
    """A filled arrow pointing in through the door, and the label beyond it."""
    middle_x, middle_y = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2
    inward = door.swing
    face = lettering.font(18)
    if door.along == "x":
        tip = (middle_x, middle_y - inward * 10)
        tail = middle_y - inward * 34
        draw.polygon([tip, (middle_x - 11, tail), (middle_x + 11, tail)], fill=ACCENT)
        text_y = tail + 6 if inward < 0 else tail - 6 - face.size
        lettering.draw_text(draw, (middle_x, text_y), door.label, face, ACCENT, anchor="ma")
    else:
        tip = (middle_x - inward * 10, middle_y)
        tail = middle_x - inward * 34
        draw.polygon([tip, (tail, middle_y - 11), (tail, middle_y + 11)], fill=ACCENT)
        lines = lettering.wrap(door.label, face, ENTRANCE_ROOM * 2)
        for number, line in enumerate(lines):
            y = middle_y + 16 + number * lettering.line_height(face)
            lettering.draw_text(draw, (tail, y), line, face, ACCENT, anchor="ma")


def draw_room_label(draw, room, to_px, scale):
    """Name, area and note on a light plate, as large as the room allows."""
    room_width = room.width * scale - 16
    room_height = room.depth * scale - 16
    for size in range(22, 11, -1):
        name_face, small_face = lettering.font(size), lettering.font(round(size * 0.8))
        lines = [
            (line, name_face, TEXT) for line in lettering.wrap(room.label, name_face, room_width)
        ]
        lines.append((f"{room.area} m²", small_face, MUTED))
        if room.note:
            lines.append((room.note, small_face, MUTED))
        width = max(lettering.text_width(text, face) for text, face, _ in lines)
        height = sum(lettering.line_height(face) for _, face, _ in lines)
        if width <= room_width and height <= room_height:
            break
    centre = room.label_at or (room.x + room.width / 2, room.y + room.depth / 2)
    centre_x, centre_y = to_px(*centre)
    top = centre_y - height / 2
    plate = [centre_x - width / 2 - 8, top - 5, centre_x + width / 2 + 8, top + height + 3]
    draw.rounded_rectangle(plate, radius=6, fill=FLOOR)
    for text, face, colour in lines:
        lettering.draw_text(draw, (centre_x, top), text, face, colour, anchor="ma")
        top += lettering.line_height(face)


# --- Heading, north arrow, scale bar, note ----------------------------------------------


def draw_heading(draw, title, subtitle):
    lettering.draw_text(draw, (PLAN_BOX[0], 72), title, lettering.font(34), TEXT)
    lettering.draw_text(draw, (PLAN_BOX[0], 118), subtitle, lettering.font(20), MUTED)


def draw_north_arrow(draw, centre):
    """An arrow pointing up, marked S for sever (north)."""
    x, y = centre
    draw.ellipse([x - 30, y - 30, x + 30, y + 30], outline=MUTED, width=2)
    draw.polygon([(x, y - 26), (x - 11, y + 16), (x, y + 8)], fill=TEXT)
    draw.polygon([(x, y - 26), (x + 11, y + 16), (x, y + 8)], fill=MUTED)
    lettering.draw_text(draw, (x, y - 62), "S", lettering.font(22), TEXT, anchor="ma")


def draw_scale_bar(draw, origin, scale, metres=5):
    """Five one-metre blocks, alternately dark and light, labelled 0 and 5 m."""
    x, y = origin
    for metre in range(metres):
        block = [x + metre * scale, y, x + (metre + 1) * scale, y + 10]
        draw.rectangle(block, fill=TEXT if metre % 2 == 0 else FLOOR, outline=TEXT, width=1)
    face = lettering.font(16)
    lettering.draw_text(draw, (x, y + 14), "0", face, MUTED, anchor="ma")
    lettering.draw_text(draw, (x + metres * scale, y + 14), f"{metres} m", face, MUTED, anchor="ma")


def draw_note(draw, note):
    face = lettering.font(16)
    x = PLAN_BOX[2] - lettering.text_width(note, face)
    lettering.draw_text(draw, (x, 702), note, face, MUTED)

"""What a space page tells search engines and maps: a schema.org `Place` as JSON-LD
(https://schema.org/Place), written as JSON-LD by `portal.base.jsonld`. A community space
is typed a `CivicStructure` (a public building) and an `EventVenue` (where events are
held), both kinds of `Place`."""

from portal.base.jsonld import image_url, postal_address
from portal.spaces.hours import clock, rows_in_force
from portal.spaces.models.facilities import ACCESSIBILITY_FACTS, Access

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SCHEMA = "https://schema.org/"
SPACE_TYPES = ["CivicStructure", "EventVenue"]


def venue(space, request=None):
    """The space as the `location` of something held there: its name, page, address and
    coordinates."""
    found = {
        "@type": SPACE_TYPES,
        "name": space.title,
        "url": space.get_full_url(request),
        "address": postal_address(space.address),
    }
    if space.has_coordinates:
        found["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(space.latitude),
            "longitude": float(space.longitude),
        }
    return found


def place_data(space, days, request=None, image_spec="fill-800x450"):
    """The `Place` of `space`; `days` is its schedule of the coming days (`hours.schedule`),
    whose dates that differ from the weekly hours are given as special hours."""
    data = {"@context": "https://schema.org", **venue(space, request)}
    if space.intro:
        data["description"] = space.intro
    if space.contact_phone:
        data["telephone"] = space.contact_phone
    amenities = amenity_features(space)
    if amenities:
        data["amenityFeature"] = amenities
    weekly = weekly_hours(space)
    if weekly:
        data["openingHoursSpecification"] = weekly
        special = special_hours(days)
        if special:
            data["specialOpeningHoursSpecification"] = special
    capacity = space.largest_capacity
    if capacity:
        data["maximumAttendeeCapacity"] = capacity
    photos = [image_url(image, image_spec, request) for image in space_images(space)]
    if photos:
        data["photo"] = [{"@type": "ImageObject", "contentUrl": photo} for photo in photos]
    return data


def space_images(space):
    """The page's image and its gallery's, each once (the gallery often repeats the first)."""
    found = {}
    for image in [space.image, *(item.image for item in space.gallery_images.all())]:
        if image is not None:
            found.setdefault(image.pk, image)
    return list(found.values())


def amenity_features(space):
    found = [
        {"@type": "LocationFeatureSpecification", "name": str(label), "value": True}
        for label in space.equipment_labels
    ]
    for name, label, value, _value_label in space.accessibility_facts:
        if value != Access.UNKNOWN:
            found.append(
                {
                    "@type": "LocationFeatureSpecification",
                    "name": ACCESSIBILITY_FACTS[name],
                    "description": str(label),
                    "value": value == Access.YES,
                }
            )
    return found


def weekly_hours(space):
    """The weekly hours in force today; a set that began on a date says since when."""
    found = []
    for row in rows_in_force(space):
        item = {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": SCHEMA + DAY_NAMES[row.weekday],
            "opens": row.opens.strftime("%H:%M"),
            "closes": "23:59" if clock_is_midnight(row.closes) else row.closes.strftime("%H:%M"),
        }
        if row.valid_from:
            item["validFrom"] = row.valid_from.isoformat()
        found.append(item)
    return found


def clock_is_midnight(time):
    return time.hour == 0 and time.minute == 0


def special_hours(days):
    """Holidays and exceptions of the coming days: closed (00:00–00:00, as schema.org
    writes it), or their own hours."""
    found = []
    for day in days:
        if not (day.holiday or day.note or day.special):
            continue
        date = day.date.isoformat()
        if not day.intervals:
            found.append(spec(date, "00:00", "00:00"))
        for interval in day.intervals:
            closes = clock(interval.end).replace(".", ":").zfill(5)
            found.append(spec(date, clock(interval.start).replace(".", ":").zfill(5), closes))
    return found


def spec(date, opens, closes):
    return {
        "@type": "OpeningHoursSpecification",
        "validFrom": date,
        "validThrough": date,
        "opens": opens,
        "closes": "23:59" if closes == "24:00" else closes,
    }

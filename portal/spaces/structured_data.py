"""What a space page tells search engines and maps: a schema.org `Place` as JSON-LD
(https://schema.org/Place), written as JSON-LD by `portal.base.jsonld`."""

from portal.base.sites import absolute_url
from portal.spaces.hours import clock, rows_in_force
from portal.spaces.models.facilities import ACCESSIBILITY_FACTS, Access

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SCHEMA = "https://schema.org/"


def place_data(space, days, request=None, image_spec="fill-800x450"):
    """The `Place` of `space`; `days` is its schedule of the coming days (`hours.schedule`),
    whose dates that differ from the weekly hours are given as special hours."""
    url = space.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Place",
        "name": space.title,
        "url": url,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": space.address,
            "addressCountry": "SI",
        },
    }
    if space.intro:
        data["description"] = space.intro
    if space.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(space.latitude),
            "longitude": float(space.longitude),
        }
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
    photos = [absolute(space.image, image_spec, request)] if space.image else []
    photos += [absolute(item.image, image_spec, request) for item in space.gallery_images.all()]
    if photos:
        data["photo"] = [{"@type": "ImageObject", "contentUrl": photo} for photo in photos]
    return data


def absolute(image, spec, request):
    url = image.get_rendition(spec).url
    return absolute_url(url, request)


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

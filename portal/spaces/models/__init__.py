from portal.spaces.models.facilities import (
    ACCESSIBILITY_FACTS,
    Access,
    Equipment,
    GalleryImage,
    Room,
)
from portal.spaces.models.pages import SpacePage
from portal.spaces.models.schedule import HoursException, Weekday, WeeklyHours

__all__ = [
    "ACCESSIBILITY_FACTS",
    "Access",
    "Equipment",
    "GalleryImage",
    "HoursException",
    "Room",
    "SpacePage",
    "Weekday",
    "WeeklyHours",
]

"""A space's capacity now comes from its rooms: each space that had a capacity gets one
room holding it, so the page keeps showing it and a booking can ask for that room."""

from django.db import migrations


def rooms_from_capacity(apps, schema_editor):
    SpacePage = apps.get_model("spaces", "SpacePage")
    Room = apps.get_model("spaces", "Room")
    have_rooms = set(Room.objects.values_list("page_id", flat=True))
    Room.objects.bulk_create(
        Room(page_id=space.pk, sort_order=0, name="Glavni prostor", seated_capacity=space.capacity)
        for space in SpacePage.objects.exclude(capacity=None).only("pk", "capacity")
        if space.pk not in have_rooms
    )


class Migration(migrations.Migration):
    dependencies = [("spaces", "0002_space_details_rooms_hours_gallery")]

    operations = [migrations.RunPython(rooms_from_capacity, migrations.RunPython.noop)]

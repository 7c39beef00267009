"""On PostgreSQL, two approved dates of one space can never overlap: an exclusion
constraint on the time range of approved dates, per space (btree_gist compares the space
ids in the GiST index). SQLite has no such constraint; approval runs in a serialised
transaction there instead (portal.bookings.decisions; decision 0011).

The constraint is not in the model's Meta because SQLite could not create the table with
it; this migration adds it to the database only, leaving the migration state as it is.
"""

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField, RangeOperators
from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations
from django.db.models import Func, Q


class TsTzRange(Func):
    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


NO_OVERLAP = ExclusionConstraint(
    name="bookings_approved_dates_never_overlap",
    expressions=[
        # Half-open ranges: a booking may start when the one before ends.
        (TsTzRange("start", "end"), RangeOperators.OVERLAPS),
        ("space", RangeOperators.EQUAL),
    ],
    condition=Q(approved=True),
)


class AddConstraintOnPostgreSQL(migrations.AddConstraint):
    """Adds the constraint on PostgreSQL and does nothing elsewhere; the migration state
    does not record it (so makemigrations never asks to drop it)."""

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            model = to_state.apps.get_model(app_label, self.model_name)
            schema_editor.add_constraint(model, self.constraint)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            model = to_state.apps.get_model(app_label, self.model_name)
            schema_editor.remove_constraint(model, self.constraint)

    def describe(self):
        return f"Create constraint {self.constraint.name} on PostgreSQL"


class Migration(migrations.Migration):
    dependencies = [("bookings", "0001_booking_requests")]

    operations = [
        BtreeGistExtension(),
        AddConstraintOnPostgreSQL(model_name="bookingdate", constraint=NO_OVERLAP),
    ]

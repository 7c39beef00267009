"""Each date of a request has its own decision (issue 17). The requests decided as a
whole give each of their dates the request's decision; a declined request's message is
each date's reason. Reversed, the fields go: the request's own status still says it all."""

import django.db.models.deletion
from django.db import migrations, models


def dates_take_the_requests_decision(apps, schema_editor):
    BookingDate = apps.get_model("bookings", "BookingDate")
    BookingRequest = apps.get_model("bookings", "BookingRequest")
    for status in ("approved", "declined", "cancelled"):
        requests = BookingRequest.objects.filter(status=status)
        dates = BookingDate.objects.filter(request__in=requests)
        if status == "approved":
            # An approved request's dates were all approved together.
            dates.update(decision="approved", approved=True)
        elif status == "cancelled":
            dates.update(decision="cancelled")
        else:
            for request in requests.only("pk", "decision_message"):
                dates.filter(request=request).update(
                    decision="declined", reason=request.decision_message
                )


class Migration(migrations.Migration):

    dependencies = [
        ('bookings', '0002_no_overlapping_approved_dates'),
        ('programmes', '0003_programme_type_label_and_json_encoder'),
    ]

    operations = [
        migrations.AddField(
            model_name='bookingdate',
            name='decision',
            field=models.CharField(choices=[('pending', 'pending'), ('approved', 'approved'), ('declined', 'declined'), ('cancelled', 'cancelled')], default='pending', max_length=20, verbose_name='decision'),
        ),
        migrations.AddField(
            model_name='bookingdate',
            name='reason',
            field=models.TextField(blank=True, help_text='Why the date is declined, for the requester.', verbose_name='reason'),
        ),
        migrations.AddField(
            model_name='bookingrequest',
            name='house_rules_accepted_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='house rules accepted'),
        ),
        migrations.AddField(
            model_name='bookingrequest',
            name='programme',
            field=models.ForeignKey(blank=True, help_text='The programme the booking is part of, if any.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='programmes.programme', verbose_name='programme'),
        ),
        migrations.RunPython(dates_take_the_requests_decision, migrations.RunPython.noop),
    ]

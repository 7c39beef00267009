from django.utils.translation import gettext_lazy as _

from portal.base.admin_children import child_type_admin
from portal.events.models import EventCalendarPage, EventPage

child_type_admin(EventCalendarPage, EventPage, _("Add event"))

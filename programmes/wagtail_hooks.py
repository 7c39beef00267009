from django.conf import settings
from django.utils.module_loading import import_string
from wagtail.snippets.models import register_snippet

# The project may name its own subclass of programmes.views.ProgrammeViewSet.
register_snippet(
    import_string(getattr(settings, "PROGRAMMES_VIEWSET", "programmes.views.ProgrammeViewSet"))
)

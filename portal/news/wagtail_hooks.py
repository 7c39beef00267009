from django.utils.translation import gettext_lazy as _

from portal.base.admin_children import child_type_admin
from portal.news.models import NewsIndexPage, NewsPage

child_type_admin(NewsIndexPage, NewsPage, _("Add news item"))

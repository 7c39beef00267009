"""Replace Wagtail's placeholder welcome page with the portal's home page."""

from django.db import migrations


def base36(number, width=4):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
    return text.rjust(width, "0")


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    if HomePage.objects.exists():
        return
    homepage_content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    root = Page.objects.get(depth=1)
    siblings = list(Page.objects.filter(depth=2).order_by("-path"))
    last = int(siblings[0].path[-4:], 36) if siblings else 0
    homepage = HomePage.objects.create(
        title="Krajevne skupnosti Mestne občine Kranj",
        draft_title="Krajevne skupnosti Mestne občine Kranj",
        slug="domov",
        content_type=homepage_content_type,
        path=f"{root.path}{base36(last + 1)}",
        depth=2,
        numchild=0,
        url_path="/domov/",
        locale_id=root.locale_id,
        live=True,
        intro="Skupnostni prostori, programi, dogodki in novice krajevnih skupnosti.",
    )
    root.numchild = len(siblings) + 1
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": homepage.id,
                  "site_name": "Krajevne skupnosti Mestne občine Kranj"},
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(slug="domov", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]

"""Uploaded images as residents and API clients get them: no place, camera or owner in any
file served, the right way up, no image too large to process, and /media/ serving only
what may be public (issue 15)."""

import importlib
import io
import re
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from PIL import Image as PILImage
from PIL import ImageFile, ImageOps
from PIL.PngImagePlugin import PngInfo
from wagtail.documents.models import Document
from wagtail.images.models import Image, Rendition
from wagtail.models import Collection, CollectionViewRestriction, UploadedFile
from wagtail.utils.file import hash_filelike

from portal.base.caching import content_version
from portal.demo.media import ensure_image
from portal.demo.progress import Progress
from tests import builders

pytestmark = pytest.mark.django_db

PRIVATE = [b"Ana Novak", b"Apple", b"iPhone 15", b"SN-4711", b"Vrtna ulica"]
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Ana Novak"/></rdf:RDF>'
    b"</x:xmpmeta>"
)


def camera_exif():
    """What a phone writes: where, with what, by whom, and that it was held sideways."""
    exif = PILImage.Exif()
    exif[0x0112] = 6  # Orientation: turn 90° clockwise to show
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 15"
    exif[0x013B] = "Ana Novak"
    exif[0x010E] = "Vrtna ulica 3"
    exif.get_ifd(0x8769)[0xA431] = "SN-4711"  # body serial number
    exif.get_ifd(0x8825).update({1: "N", 2: (46.0, 19.0, 12.5), 3: "E", 4: (14.0, 16.0, 3.2)})
    return exif


def photo(image_format="JPEG"):
    """40 × 20 pixels, red on the left, stored sideways: upright it is 20 × 40, red on top."""
    image = PILImage.new("RGB", (40, 20), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 20, 20))
    output = io.BytesIO()
    options = {"exif": camera_exif(), "xmp": XMP}
    if image_format == "JPEG":
        options["comment"] = b"Ana Novak"
    if image_format == "PNG":
        options["pnginfo"] = PngInfo()
        options["pnginfo"].add_text("Author", "Ana Novak")
        options["pnginfo"].add_itxt("XML:com.adobe.xmp", XMP.decode())
    if image_format == "GIF":
        options = {"comment": b"Ana Novak Vrtna ulica"}
    image.save(output, image_format, **options)
    return output.getvalue()


EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "AVIF": "avif", "GIF": "gif"}


def upload(name, data):
    content_type = f"image/{name.rsplit('.', 1)[1].replace('jpg', 'jpeg')}"
    return SimpleUploadedFile(name, data, content_type)


def root_collection():
    return Collection.get_first_root_node()


def add_through_admin(client, title, data, name="foto.jpg", collection=None):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "description": f"Fotografija: {title}",
            "file": upload(name, data),
            "collection": (collection or root_collection()).pk,
        },
    )


def fetch(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content)


def assert_nothing_identifying(data):
    for text in PRIVATE:
        assert text not in data
    image = PILImage.open(io.BytesIO(data))
    exif = image.getexif()
    assert set(exif) <= {0x0112}, dict(exif)
    assert not exif.get_ifd(0x8825)
    assert "xmp" not in image.info
    assert "comment" not in image.info


def assert_upright(data):
    """Shown as a browser shows it (EXIF orientation applied): 20 × 40, red on top."""
    image = ImageOps.exif_transpose(PILImage.open(io.BytesIO(data)).convert("RGB"))
    assert image.size == (20, 40)
    red, green, blue = image.getpixel((10, 5))
    assert red > 200 and blue < 60
    red, green, blue = image.getpixel((10, 34))
    assert blue > 200 and red < 60


def test_a_photo_uploaded_in_the_admin_is_served_without_place_and_camera(admin_client, client):
    data = photo()
    assert b"Apple" in data and PILImage.open(io.BytesIO(data)).getexif().get_ifd(0x8825)
    assert add_through_admin(admin_client, "Delavnica", data).status_code == 302
    image = Image.objects.get(title="Delavnica")
    index = builders.news_index(builders.community("Golnik"))
    news = builders.news(index, "Popravljalnica", image=image)

    page = client.get(news.url).content.decode()
    rendition_url = re.search(r'src="(/media/images/[^"]+)"', page).group(1)
    rendition = fetch(client, rendition_url)
    assert_nothing_identifying(rendition)
    assert_upright(rendition)

    api = client.get(f"/api/v2/images/{image.pk}/").json()
    original_url = api["meta"]["download_url"].removeprefix("http://testserver")
    original = fetch(client, original_url)
    assert_nothing_identifying(original)
    assert PILImage.open(io.BytesIO(original)).getexif()[0x0112] == 6
    assert_upright(original)
    # Wagtail finds duplicates by the stored file's hash.
    image.refresh_from_db()
    assert (image.file_size, image.file_hash) == (
        len(original),
        hash_filelike(io.BytesIO(original)),
    )


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP", "AVIF", "GIF"])
def test_every_image_format_is_stored_without_identifying_metadata(
    admin_client, client, image_format
):
    name = f"foto.{EXTENSIONS[image_format]}"
    data = photo(image_format)
    assert any(text in data for text in PRIVATE)
    assert add_through_admin(admin_client, "Foto", data, name).status_code == 302
    image = Image.objects.get(title="Foto")
    original = fetch(client, image.file.url)
    assert_nothing_identifying(original)
    if image_format != "GIF":  # GIF has no orientation
        assert_upright(original)
    rendition = fetch(client, image.get_rendition("fill-10x10").url)
    assert_nothing_identifying(rendition)


def test_the_multiple_uploader_and_a_replaced_file_are_cleaned_too(admin_client, client):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload("prvi.jpg", photo()), "collection": root_collection().pk},
    )
    # A new image needs its alternative text: the file waits as an upload until then...
    assert response.json()["success"] and not Image.objects.exists()
    waiting = UploadedFile.objects.get()
    assert_nothing_identifying(waiting.file.read())
    # ...and becomes an image when the uploader's form for it is filled in.
    prefix = f"uploaded-image-{waiting.pk}"
    response = admin_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[waiting.pk]),
        {
            f"{prefix}-title": "Prvi",
            f"{prefix}-description": "Krajani na delavnici",
            f"{prefix}-collection": root_collection().pk,
        },
    )
    assert response.json()["success"], response.json()
    image = Image.objects.get()
    assert image.description == "Krajani na delavnici"
    assert_nothing_identifying(fetch(client, image.file.url))

    response = admin_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": "Zamenjana",
            "collection": root_collection().pk,
            "file": upload("drugi.png", photo("PNG")),
        },
    )
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.file.name.endswith(".png")
    assert_nothing_identifying(fetch(client, image.file.url))


def test_a_large_photo_kept_on_disk_while_uploading_is_cleaned_too(admin_client, client, settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1000  # Django writes larger uploads to a temp file
    data = photo()
    assert len(data) > 1000
    assert add_through_admin(admin_client, "Velika fotografija", data).status_code == 302
    stored = fetch(client, Image.objects.get(title="Velika fotografija").file.url)
    assert_nothing_identifying(stored)
    assert_upright(stored)


def test_images_made_in_code_are_cleaned_as_the_demo_loader_stores_them(client):
    image = ensure_image(root_collection(), "Iz demo podatkov", "demo.jpg", photo, Progress())
    stored = fetch(client, image.file.url)
    assert_nothing_identifying(stored)
    assert_upright(stored)
    assert image.file_size == len(stored)


def stored_before_cleaning(title="Stara fotografija"):
    """An image as uploads were stored before issue 15: GPS and all, and a rendition."""
    name = default_storage.save("original_images/stara.jpg", ContentFile(photo()))
    image = Image.objects.create(title=title, file=name, collection=root_collection())
    rendition = image.get_rendition("width-100")
    assert b"Apple" in default_storage.open(rendition.file.name).read()
    return image, rendition


def test_the_command_cleans_stored_images_and_deletes_their_renditions(client):
    image, rendition = stored_before_cleaning()
    old_url, version = image.file.url, content_version()
    out = io.StringIO()
    call_command("strip_image_metadata", stdout=out)
    assert "1 images checked, 1 cleaned, 1 renditions deleted" in out.getvalue()
    image.refresh_from_db()
    assert image.file.url != old_url
    assert client.get(old_url).status_code == 404
    assert client.get(rendition.url).status_code == 404
    assert not Rendition.objects.filter(image=image).exists()
    assert content_version() != version  # cached pages named the deleted rendition
    assert_nothing_identifying(fetch(client, image.file.url))
    assert_nothing_identifying(fetch(client, image.get_rendition("width-100").url))

    again = io.StringIO()
    call_command("strip_image_metadata", stdout=again)
    assert "1 images checked, 0 cleaned, 0 renditions deleted" in again.getvalue()
    assert Image.objects.get().file.name == image.file.name


def test_an_unreadable_stored_image_is_reported_and_the_others_cleaned(client):
    image, _ = stored_before_cleaning()
    output = io.BytesIO()
    PILImage.new("1", (14_000, 14_000), 1).save(output, "PNG")  # too large for Pillow to open
    name = default_storage.save("original_images/ogromna.png", ContentFile(output.getvalue()))
    Image.objects.create(
        title="Ogromna", file=name, width=14_000, height=14_000, collection=root_collection()
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 images could not be read"):
        call_command("strip_image_metadata", stdout=out)
    assert "ogromna.png) left as it is" in out.getvalue()
    image.refresh_from_db()
    assert_nothing_identifying(fetch(client, image.file.url))


def test_the_release_migration_cleans_what_was_stored_before(client):
    image, _ = stored_before_cleaning()
    migration = importlib.import_module("portal.media.migrations.0001_strip_stored_image_metadata")
    state = MigrationExecutor(connection).loader.project_state(
        ("portal_media", "0001_strip_stored_image_metadata"), at_end=False
    )
    migration.strip_stored(state.apps, None)
    image.refresh_from_db()
    assert_nothing_identifying(fetch(client, image.file.url))
    assert not Rendition.objects.filter(image=image).exists()


def huge_png():
    """11,000 × 11,000 pixels in about 30 KB: one rendition of it would take 360 MB."""
    output = io.BytesIO()
    PILImage.new("1", (11_000, 11_000), 1).save(output, "PNG", compress_level=9)
    return output.getvalue()


@pytest.fixture
def no_decoding():
    """Fails the test if anything decodes an image's pixels."""
    with mock.patch.object(ImageFile.ImageFile, "load", side_effect=AssertionError("decoded")):
        yield


def test_an_image_of_too_many_pixels_is_refused_before_it_is_decoded(admin_client, no_decoding):
    data = huge_png()
    assert len(data) < 40_000
    response = add_through_admin(admin_client, "Prevelika", data, "velika.png")
    assert response.status_code == 200
    assert not Image.objects.filter(title="Prevelika").exists()
    error = " ".join(response.context["form"].errors["file"])
    assert "11.000 × 11.000 pikslov" in error
    assert "40.000.000 pikslov" in error


def test_the_multiple_uploader_refuses_it_with_the_same_message(admin_client, no_decoding):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload("velika.png", huge_png()), "collection": root_collection().pk},
    )
    assert response.json()["success"] is False
    assert "11.000 × 11.000 pikslov" in response.json()["error_message"]
    assert not Image.objects.exists()


def test_an_animation_counts_the_pixels_of_every_frame(admin_client, no_decoding):
    frames = [PILImage.new("P", (4500, 4500), colour) for colour in (1, 2)]
    output = io.BytesIO()
    frames[0].save(output, "GIF", save_all=True, append_images=frames[1:])
    response = add_through_admin(admin_client, "Animacija", output.getvalue(), "anim.gif")
    assert response.status_code == 200
    assert "Animacija ima 2 sličici velikosti 4.500 × 4.500 pikslov" in " ".join(
        response.context["form"].errors["file"]
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("odrezana.jpg", photo()[:700], "Naložite veljavno sliko"),
        ("odrezana.png", photo("PNG")[:200], "Naložite veljavno sliko"),
        ("brez-konca.gif", photo("GIF")[:-1], "Slike ni bilo mogoče prebrati do konca"),
        ("prazna.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 30, "Naložite veljavno sliko"),
    ],
)
def test_a_damaged_image_is_refused_with_a_message_not_an_error(admin_client, name, data, message):
    response = add_through_admin(admin_client, "Pokvarjena", data, name)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    assert not Image.objects.exists()


def test_an_image_within_the_limit_is_still_accepted(admin_client):
    output = io.BytesIO()
    PILImage.new("RGB", (4000, 3000), (10, 120, 40)).save(output, "JPEG")
    assert add_through_admin(admin_client, "Velika", output.getvalue()).status_code == 302
    assert Image.objects.get(title="Velika").width == 4000


# Serving /media/


@pytest.fixture
def private_collection():
    collection = root_collection().add_child(name="Zapisniki sveta")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    return collection


def test_renditions_are_served_with_caching_and_safe_headers(client, django_assert_num_queries):
    image, _ = stored_before_cleaning()
    rendition = image.get_rendition("width-100")
    client.get(rendition.url)
    with django_assert_num_queries(0):
        response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    assert "Content-Disposition" not in response or "inline" in response["Content-Disposition"]
    again = client.get(rendition.url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert again.status_code == 304
    assert client.head(rendition.url).status_code == 200
    assert client.post(rendition.url).status_code == 405


@pytest.mark.parametrize(
    "path",
    [
        "/media/images/",
        "/media/original_images/",
        "/media/",
        "/media/../portal/settings/base.py",
        "/media/images/../../manage.py",
        "/media/images/%2e%2e/%2e%2e/manage.py",
        "/media/images/..%2f..%2fmanage.py",
        "/media/original_images/%00.jpg",
        "/media/images/ni-je.jpg",
        "/media/wagtail_uploads/napol.jpg",
        "/media/images/%2e%2e/wagtail_uploads/napol.jpg",
        "/media/images/./../wagtail_uploads/napol.jpg",
        "/media/images//napol.jpg",
        "/media/images/napad.html",
        "/media/images/napad.svg",
    ],
)
def test_no_listing_no_way_out_of_media_root_and_nothing_but_images(client, path):
    for name, content in (
        ("wagtail_uploads/napol.jpg", photo()),
        ("images/napad.html", b"<script>alert(1)</script>"),
        ("images/napad.svg", b"<svg onload='alert(1)'/>"),
    ):
        if not default_storage.exists(name):
            default_storage.save(name, ContentFile(content))
    response = client.get(path)
    assert response.status_code in (400, 404)


def test_documents_are_never_served_from_media_only_through_their_view(client, private_collection):
    public = Document.objects.create(
        title="Hišni red", file=ContentFile(b"%PDF-1.4 red", name="hisni-red.pdf")
    )
    private = Document.objects.create(
        title="Zapisnik",
        file=ContentFile(b"%PDF-1.4 tajno", name="zapisnik.pdf"),
        collection=private_collection,
    )
    assert client.get(public.file.url).status_code == 404
    assert client.get(private.file.url).status_code == 404
    assert client.get(public.url).status_code == 200
    refused = client.get(private.url)
    assert refused.status_code == 302
    assert refused["Location"].startswith("/admin/login/") or "login" in refused["Location"]


def test_the_original_of_a_private_collections_image_only_for_those_let_in(
    client, admin_client, private_collection
):
    assert add_through_admin(admin_client, "Tajna", photo(), collection=private_collection)
    image = Image.objects.get(title="Tajna")
    assert client.get(image.file.url).status_code == 404
    sideways = image.file.url.replace("/media/", "/media/images/%2e%2e/")
    assert client.get(sideways).status_code == 404
    allowed = admin_client.get(image.file.url)
    assert allowed.status_code == 200
    assert allowed["Cache-Control"].startswith("private")
    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404

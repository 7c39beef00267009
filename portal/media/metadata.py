"""Identifying metadata taken out of an image file: where it was taken (GPS), with what
(camera make, model, serial number, maker notes), by whom (owner, artist, XMP and IPTC
fields, comments, text chunks) and the thumbnails cameras embed.

JPEG, PNG, WebP and GIF files are taken apart into their segments, chunks or blocks and
put together without the metadata ones, so their pixels stay byte for byte what was
uploaded and nothing is decoded. AVIF and HEIF keep their metadata inside boxes that
point into each other, so such a file is decoded and encoded anew by Pillow, and only
when it has something to remove. Which way up the photo shows is kept: an EXIF
Orientation other than "upright" is written back as the file's only EXIF tag.

`strip(data)` is idempotent: a file it has cleaned comes back unchanged (None).
"""

import io
import re
import struct
import warnings
import zlib

from PIL import ExifTags, Image, UnidentifiedImageError

# Importing Willow's Pillow plugin registers pillow-heif's HEIF opener, as Wagtail does.
from willow.plugins import pillow as _willow_pillow  # noqa: F401

ORIENTATION = ExifTags.Base.Orientation


class MetadataError(ValueError):
    """The file is not an image whose metadata this module can take out."""


def strip(data):
    """The image file `data` without identifying metadata, or None when it has none."""
    try:
        with warnings.catch_warnings():
            # Nothing is decoded here; uploads are held to a lower limit (`uploads.py`).
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
        orientation = read_orientation(image)
        image_format = image.format
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as error:
        raise MetadataError(str(error)) from error
    if image_format not in REENCODED and image_format not in TAKEN_APART:
        raise MetadataError(f"{image_format} images are not supported")
    try:
        if image_format in REENCODED:
            cleaned = reencode(image, orientation)
        else:
            cleaned = TAKEN_APART[image_format](data, orientation)
    except (IndexError, struct.error, OSError, ValueError) as error:
        raise MetadataError(f"a damaged {image_format} file: {error}") from error
    return None if cleaned is None or cleaned == data else cleaned


def read_orientation(image):
    value = image.getexif().get(ORIENTATION)
    return value if value in range(2, 9) else None


def orientation_exif(orientation):
    """A TIFF structure holding only the Orientation tag: the EXIF a cleaned file keeps."""
    entry = struct.pack(">HHIHH", ORIENTATION, 3, 1, orientation, 0)
    return b"MM\x00\x2a\x00\x00\x00\x08" + b"\x00\x01" + entry + b"\x00\x00\x00\x00"


# JPEG: markers up to the first EOI. Kept: JFIF (APP0), the colour profile (APP2
# ICC_PROFILE), Adobe's colour transform (APP14) and every coding segment. Dropped: the
# other APPn (EXIF, XMP, MPF, IPTC in APP13, vendors' data), comments, JFXX thumbnails,
# and whatever follows the image (a multi-picture file's further pictures).
APP0, APP1, APP2, APP14, SOS, EOI, COM = 0xE0, 0xE1, 0xE2, 0xEE, 0xDA, 0xD9, 0xFE
KEPT_APP_PAYLOADS = {APP0: b"JFIF\x00", APP2: b"ICC_PROFILE\x00", APP14: b"Adobe"}
# In entropy-coded data a 0xFF byte is followed by 0x00 (a stuffed byte) or a restart
# marker; anything else is the next segment's marker.
NEXT_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


def strip_jpeg(data, orientation):
    if not data.startswith(b"\xff\xd8"):
        raise ValueError("no start of image")
    kept = []
    pos = 2
    while True:
        if data[pos] != 0xFF:
            raise ValueError(f"no marker at {pos}")
        while data[pos] == 0xFF:
            pos += 1
        marker = data[pos]
        pos += 1
        if marker == EOI:
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            kept.append(bytes((0xFF, marker)))
            continue
        (length,) = struct.unpack(">H", data[pos : pos + 2])
        end = pos + length
        if length < 2 or end > len(data):
            raise ValueError(f"a segment runs past the end at {pos}")
        if is_kept_jpeg_segment(marker, data[pos + 2 : end]):
            kept.append(data[pos - 2 : end])
        pos = end
        if marker == SOS:
            following = NEXT_MARKER.search(data, pos)
            if following is None:
                raise ValueError("the image data does not end")
            kept.append(data[pos : following.start()])
            pos = following.start()
    if orientation:
        app1 = b"Exif\x00\x00" + orientation_exif(orientation)
        segment = b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1
        # After JFIF's APP0 when there is one, as both standards want to come first.
        at = 1 if kept and kept[0].startswith(b"\xff\xe0") else 0
        kept.insert(at, segment)
    return b"".join([b"\xff\xd8", *kept, b"\xff\xd9"])


def is_kept_jpeg_segment(marker, payload):
    if marker in KEPT_APP_PAYLOADS:
        return payload.startswith(KEPT_APP_PAYLOADS[marker])
    return not (0xE0 <= marker <= 0xEF or marker == COM)


# PNG: the chunks that draw the picture (critical ones, transparency, colour, density,
# animation); text, EXIF, time and private chunks are dropped.
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_KEPT = {
    b"IHDR",
    b"PLTE",
    b"IDAT",
    b"IEND",
    b"tRNS",
    b"cHRM",
    b"gAMA",
    b"iCCP",
    b"sBIT",
    b"sRGB",
    b"cICP",
    b"mDCV",
    b"cLLI",
    b"bKGD",
    b"hIST",
    b"pHYs",
    b"sPLT",
    b"acTL",
    b"fcTL",
    b"fdAT",
}


def png_chunk(kind, payload):
    crc = zlib.crc32(kind + payload)
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def strip_png(data, orientation):
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("no PNG signature")
    kept = [PNG_SIGNATURE]
    pos = len(PNG_SIGNATURE)
    while True:
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(data):
            raise ValueError(f"a chunk runs past the end at {pos}")
        if kind == b"IDAT" and orientation:
            # eXIf must come before the image data.
            kept.append(png_chunk(b"eXIf", orientation_exif(orientation)))
            orientation = None
        if kind in PNG_KEPT:
            kept.append(data[pos:end])
        pos = end
        if kind == b"IEND":
            return b"".join(kept)


# WebP: a RIFF file of chunks; EXIF, XMP and unknown ones are dropped, and the extended
# header (VP8X) says which of EXIF and XMP remain.
WEBP_KEPT = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}
VP8X_EXIF, VP8X_XMP = 0x08, 0x04


def strip_webp(data, orientation):
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise ValueError("no WebP header")
    (riff_size,) = struct.unpack("<I", data[4:8])
    end_of_file = min(len(data), 8 + riff_size)
    chunks = []
    pos = 12
    while pos + 8 <= end_of_file:
        kind = data[pos : pos + 4]
        (size,) = struct.unpack("<I", data[pos + 4 : pos + 8])
        end = pos + 8 + size + (size & 1)
        if pos + 8 + size > end_of_file:
            raise ValueError(f"a chunk runs past the end at {pos}")
        if kind in WEBP_KEPT:
            chunks.append(bytearray(data[pos:end]))
        pos = end
    extended = chunks and chunks[0][:4] == b"VP8X"
    if extended:
        flags = chunks[0][8] & ~(VP8X_EXIF | VP8X_XMP)
        if orientation:
            exif = orientation_exif(orientation)
            chunks.append(bytearray(b"EXIF" + struct.pack("<I", len(exif)) + exif))
            flags |= VP8X_EXIF
        chunks[0][8] = flags
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


# GIF: blocks after the header and colour table. Comments and application extensions
# (XMP among them) are dropped, except looping and the colour profile.
GIF_KEPT_APPLICATIONS = {b"NETSCAPE2.0", b"ANIMEXTS1.0", b"ICCRGBG1012"}


def gif_sub_blocks_end(data, pos):
    while data[pos]:
        pos += 1 + data[pos]
    return pos + 1


def gif_colour_table_size(packed):
    return 3 * 2 ** ((packed & 0x07) + 1) if packed & 0x80 else 0


def strip_gif(data, orientation):
    if data[:6] not in (b"GIF87a", b"GIF89a"):
        raise ValueError("no GIF header")
    pos = 13 + gif_colour_table_size(data[10])
    kept = [data[:pos]]
    while True:
        introducer = data[pos]
        if introducer == 0x3B:
            kept.append(b"\x3b")
            return b"".join(kept)
        if introducer == 0x2C:
            start = pos
            pos += 10 + gif_colour_table_size(data[pos + 9])
            pos = gif_sub_blocks_end(data, pos + 1)
            kept.append(data[start:pos])
        elif introducer == 0x21:
            start, label = pos, data[pos + 1]
            pos = gif_sub_blocks_end(data, pos + 2)
            if label == 0xFF:
                keep = data[start + 3 : start + 3 + data[start + 2]] in GIF_KEPT_APPLICATIONS
            else:
                keep = label in (0xF9, 0x01)  # graphic control (frame timing), plain text
            if keep:
                kept.append(data[start:pos])
        else:
            raise ValueError(f"an unknown GIF block at {pos}")


def reencode(image, orientation):
    """AVIF and HEIF: encoded anew without EXIF and XMP, only when they carry any."""
    exif = image.getexif()
    if not image.info.get("xmp") and set(exif) <= {ORIENTATION}:
        return None
    output = io.BytesIO()
    options = {
        "quality": 90,
        "exif": orientation_exif(orientation) if orientation else b"",
        "xmp": None,
    }
    if icc_profile := image.info.get("icc_profile"):
        options["icc_profile"] = icc_profile
    if getattr(image, "n_frames", 1) > 1:
        options.update(save_all=True, duration=image.info.get("duration", 0))
    image.save(output, image.format, **options)
    return output.getvalue()


TAKEN_APART = {
    "JPEG": strip_jpeg,
    "MPO": strip_jpeg,
    "PNG": strip_png,
    "WEBP": strip_webp,
    "GIF": strip_gif,
}
REENCODED = {"AVIF", "HEIF"}

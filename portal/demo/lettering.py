"""Slovenian text on generated images, with nothing but Pillow.

Pillow's built-in scalable font (`ImageFont.load_default(size=...)`, Aileron) is the one
font every machine with Pillow has, but it only covers ASCII. Its missing glyphs are few
for Slovenian: the caron of č, š and ž, the en dash and the ² of m². We draw those
ourselves, so labels read right without depending on a system font.
"""

import functools
import unicodedata

from PIL import ImageFont

CARON = "\u030c"
EN_DASH = "\u2013"
SQUARED = "\u00b2"


@functools.cache
def font(size):
    return ImageFont.load_default(size=size)


def text_width(text, face):
    width, run = 0, ""
    for char in _characters(text):
        if char in (CARON, EN_DASH, SQUARED):
            width += face.getlength(run) + _advance(char, face)
            run = ""
        else:
            run += char
    return width + face.getlength(run)


def line_height(face):
    return round(face.size * 1.25)


def draw_text(draw, xy, text, face, fill, anchor="la"):
    """Draw `text` with its top-left at `xy`; `anchor` "ma" centres it on x instead."""
    x, y = xy
    if anchor == "ma":
        x -= text_width(text, face) / 2
    stroke = max(1, round(face.size / 13))
    run, previous = "", ""
    for char in _characters(text):
        if char not in (CARON, EN_DASH, SQUARED):
            run += char
            previous = char
            continue
        draw.text((x, y), run, font=face, fill=fill)
        x += face.getlength(run)
        run = ""
        if char == CARON:
            _caron(draw, x - face.getlength(previous) / 2, y, previous, face, fill, stroke)
        elif char == EN_DASH:
            _en_dash(draw, x, y, face, fill, stroke)
        else:
            _squared(draw, x, y, face, fill)
        x += _advance(char, face)
    draw.text((x, y), run, font=face, fill=fill)


def wrap(text, face, width):
    """Split `text` into lines no wider than `width` pixels, at spaces."""
    lines = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", face) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _characters(text):
    """Letters with a caron come apart into the base letter and a combining caron."""
    return unicodedata.normalize("NFD", text)


def _advance(char, face):
    """How far a character we draw ourselves moves the pen."""
    return {CARON: 0, EN_DASH: face.getlength("n"), SQUARED: face.size * 0.4}[char]


def _caron(draw, centre, y, letter, face, fill, stroke):
    """A small "v" just above the x-height (lower case) or the cap height (capitals)."""
    top = face.getbbox("H" if letter.isupper() else "x")[1]
    bottom = y + top - face.size * 0.07
    half, height = face.size * 0.13, face.size * 0.15
    points = [(centre - half, bottom - height), (centre, bottom), (centre + half, bottom - height)]
    draw.line(points, fill=fill, width=stroke, joint="curve")


def _en_dash(draw, x, y, face, fill, stroke):
    _, top, _, bottom = face.getbbox("x")
    middle = y + (top + bottom) / 2
    width = face.getlength("n")
    draw.line([(x + width * 0.1, middle), (x + width * 0.9, middle)], fill=fill, width=stroke)


def _squared(draw, x, y, face, fill):
    draw.text((x + 1, y - face.size * 0.08), "2", font=font(round(face.size * 0.6)), fill=fill)

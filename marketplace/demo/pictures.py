"""Pictures for the demo, drawn with Pillow when the demo loads (nothing is downloaded).

Each category has its colours and a motif (honeycomb for honey, beans for coffee, lozenges for
brocade...); a product's picture shows the motif, the product's initials and its name.
"""

import io
import math
import random
import textwrap
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from marketplace.core.text import fold_vietnamese

PRODUCT_SIZE = (800, 800)
BANNER_SIZE = (1200, 400)

# Category slug -> (background, motif colour, ink) and motif. Subcategories not listed use their
# parent's look, so unknown categories still get a picture.
LOOKS = {
    "thuc-pham": ("#f6e7c8", "#e9cf98", "#7a4b12", "circles"),
    "mat-ong": ("#fbe3a1", "#f3c650", "#7a4b00", "honeycomb"),
    "ca-phe-hat": ("#e8d6c4", "#c9a88a", "#4a2c17", "beans"),
    "gia-vi-mam": ("#f3d3c6", "#e3a48c", "#7c2d12", "dots"),
    "dac-san-vung-mien": ("#f6e7c8", "#e9cf98", "#7a4b12", "circles"),
    "do-uong": ("#d9efe3", "#a9d8bd", "#1f5e3b", "waves"),
    "tra": ("#dcefd2", "#acd69a", "#2f5d1e", "leaves"),
    "ruou-nuoc-uong": ("#ead9ef", "#cfaedb", "#4b2160", "waves"),
    "duoc-lieu": ("#e4f0d6", "#bcd99a", "#3d5a1a", "leaves"),
    "det-may-tho-cam": ("#f4d6dc", "#d9808f", "#6b1426", "lozenges"),
    "thu-cong-my-nghe": ("#efe4d2", "#d6bf97", "#5a4320", "rays"),
    "may-tre-dan": ("#efe4c8", "#d2b77a", "#5a4310", "weave"),
    "gom": ("#f2d9c9", "#d99b74", "#6d3214", "jars"),
}
DEFAULT_LOOK = ("#e8e8e8", "#cfcfcf", "#333333", "circles")


def draw_product_picture(*, name: str, category: str, variation: int = 0) -> bytes:
    """A square JPEG for a product of `category`: its motif, initials and name."""
    background, motif_colour, ink, motif = LOOKS.get(category, DEFAULT_LOOK)
    rng = random.Random(f"{category}/{name}/{variation}")  # the same picture on every load
    image = Image.new("RGB", PRODUCT_SIZE, background)
    draw = ImageDraw.Draw(image)
    width, height = PRODUCT_SIZE
    _draw_motif(draw, motif, (0, 0, width, height), motif_colour, rng)

    radius = 210
    centre = (width // 2, height // 2 - 60)
    draw.ellipse(
        (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius),
        fill="#fffdf8",
        outline=ink,
        width=6,
    )
    initials_font, ascii_only = _font(150)
    draw.text(centre, _initials(name, ascii_only), font=initials_font, fill=ink, anchor="mm")

    draw.rectangle((0, height - 190, width, height), fill="#fffdf8")
    draw.line((0, height - 190, width, height - 190), fill=ink, width=4)
    name_font, ascii_only = _font(44)
    title = fold_vietnamese(name).capitalize() if ascii_only else name
    lines = textwrap.wrap(title, width=28)[:2]
    for i, line in enumerate(lines):
        y = height - 95 + (i - (len(lines) - 1) / 2) * 56
        draw.text((width // 2, int(y)), line, font=name_font, fill=ink, anchor="mm")
    return _jpeg(image)


def draw_banner(*, title: str, category: str) -> bytes:
    """A wide JPEG for a category or collection background, with `title` in the middle."""
    background, motif_colour, ink, motif = LOOKS.get(category, DEFAULT_LOOK)
    rng = random.Random(f"banner/{category}/{title}")
    image = Image.new("RGB", BANNER_SIZE, background)
    draw = ImageDraw.Draw(image)
    width, height = BANNER_SIZE
    _draw_motif(draw, motif, (0, 0, width, height), motif_colour, rng)
    font, ascii_only = _font(64)
    text = fold_vietnamese(title).capitalize() if ascii_only else title
    box = draw.textbbox((width // 2, height // 2), text, font=font, anchor="mm")
    pad = 28
    draw.rounded_rectangle(
        (box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad),
        radius=18,
        fill="#fffdf8",
        outline=ink,
        width=4,
    )
    draw.text((width // 2, height // 2), text, font=font, fill=ink, anchor="mm")
    return _jpeg(image)


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


@cache
def _font(size: int) -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, bool]:
    """A font with Vietnamese letters when the system has one, else Pillow's own (ASCII only).

    Returns the font and whether texts must be folded to ASCII to be drawn with it.
    """
    for candidate in ("DejaVuSans-Bold.ttf", "NotoSans-Bold.ttf", "LiberationSans-Bold.ttf"):
        try:
            return ImageFont.truetype(candidate, size), False
        except OSError:
            continue
    return ImageFont.load_default(size=size), True


def _initials(name: str, ascii_only: bool) -> str:
    words = (fold_vietnamese(name) if ascii_only else name).split()
    letters = [word[0] for word in words if word[0].isalnum()]
    return "".join(letters[:3]).upper()


def _draw_motif(draw: ImageDraw.ImageDraw, motif: str, box, colour: str, rng) -> None:
    left, top, right, bottom = box
    if motif == "honeycomb":
        size = 46
        for row, y in enumerate(range(top - size, bottom + size, int(size * 1.5))):
            offset = (size * 0.866) if row % 2 else 0
            for x in range(left - size, right + size, int(size * 1.732)):
                draw.regular_polygon(
                    ((x + offset, y), size - 6), 6, rotation=30, outline=colour, width=8
                )
    elif motif == "beans":
        for _ in range(70):
            x, y = rng.randrange(left, right), rng.randrange(top, bottom)
            angle = rng.choice((0, 1))
            w, h = (60, 40) if angle else (40, 60)
            draw.ellipse((x, y, x + w, y + h), fill=colour)
            if angle:
                draw.line((x + 8, y + h // 2, x + w - 8, y + h // 2), fill="#ffffff", width=4)
            else:
                draw.line((x + w // 2, y + 8, x + w // 2, y + h - 8), fill="#ffffff", width=4)
    elif motif == "dots":
        for _ in range(160):
            x, y, r = rng.randrange(left, right), rng.randrange(top, bottom), rng.randrange(6, 16)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    elif motif == "leaves":
        for _ in range(45):
            x, y = rng.randrange(left, right), rng.randrange(top, bottom)
            length, angle = rng.randrange(50, 90), rng.uniform(0, math.pi)
            _leaf(draw, (x, y), length, angle, colour)
    elif motif == "waves":
        for y in range(top, bottom, 48):
            phase = rng.randrange(0, 60)
            for x in range(left - 60 + phase, right, 60):
                draw.arc((x, y, x + 60, y + 40), 180, 360, fill=colour, width=8)
    elif motif == "lozenges":
        for y in range(top, bottom, 100):
            for x in range(left, right + 80, 80):
                cx, cy = x, y + 50
                draw.polygon(
                    [(cx, cy - 40), (cx + 30, cy), (cx, cy + 40), (cx - 30, cy)], fill=colour
                )
                draw.polygon(
                    [(cx, cy - 16), (cx + 12, cy), (cx, cy + 16), (cx - 12, cy)], fill="#ffffff"
                )
            draw.line((left, y + 96, right, y + 96), fill=colour, width=6)
    elif motif == "weave":
        step = 40
        for y in range(top, bottom, step):
            for x in range(left, right, step):
                if (x // step + y // step) % 2:
                    draw.rectangle((x + 4, y + 12, x + step - 4, y + step - 12), fill=colour)
                else:
                    draw.rectangle((x + 12, y + 4, x + step - 12, y + step - 4), fill=colour)
    elif motif == "jars":
        for y in range(top, bottom, 130):
            for x in range(left + (y // 130 % 2) * 50 - 50, right, 100):
                draw.ellipse((x + 15, y + 40, x + 85, y + 115), fill=colour)
                draw.rectangle((x + 38, y + 18, x + 62, y + 48), fill=colour)
                draw.rectangle((x + 30, y + 10, x + 70, y + 22), fill=colour)
    elif motif == "rays":
        cx, cy = (left + right) // 2, (top + bottom) // 2
        for i in range(0, 360, 12):
            draw.pieslice((cx - 900, cy - 900, cx + 900, cy + 900), i, i + 5, fill=colour)
    else:
        for _ in range(40):
            x, y, r = rng.randrange(left, right), rng.randrange(top, bottom), rng.randrange(20, 60)
            draw.ellipse((x - r, y - r, x + r, y + r), outline=colour, width=8)


def _leaf(draw: ImageDraw.ImageDraw, base, length: int, angle: float, colour: str) -> None:
    """A lens-shaped leaf from `base`, `length` long, pointing at `angle` (radians), with a vein."""
    steps = 12
    along = (math.cos(angle), math.sin(angle))
    across = (-along[1], along[0])
    half_width = length * 0.22
    edge = []
    for side in (1, -1):
        for i in range(steps + 1) if side == 1 else range(steps, -1, -1):
            t = i / steps
            d, w = t * length, side * half_width * math.sin(math.pi * t)
            edge.append(
                (base[0] + along[0] * d + across[0] * w, base[1] + along[1] * d + across[1] * w)
            )
    draw.polygon(edge, fill=colour)
    tip = (base[0] + along[0] * length, base[1] + along[1] * length)
    draw.line((base, tip), fill="#ffffff", width=3)

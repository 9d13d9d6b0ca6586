"""Cover images and enterprise logos, drawn with Pillow (no downloaded assets).

Covers are abstract compositions (waves, circles, a circuit grid, facets) in
the palette of a technical field, 1600×900 JPEG; each has an alt text that
says what it shows. Logos are a white geometric mark on a gradient tile.
Everything is seeded, so a fresh database gets the same pictures.
"""

import io
import math
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter

COVER_SIZE = (1600, 900)
LOGO_SIZE = 400

# field slug: (Chinese colour words, English colour words, [dark, mid, light, accent])
PALETTES = {
    "energy": ("深蓝与琥珀色", "deep blue and amber", ["#0b2f6b", "#1f6fd1", "#9cc3f5", "#f2b134"]),
    "new-energy": ("青绿与嫩黄色", "teal and lime", ["#0b4f4a", "#14a38b", "#a7f0d2", "#d9f266"]),
    "hydrogen": (
        "湖蓝与冰白色",
        "cyan and ice white",
        ["#0a4a63", "#1e9dc2", "#bfeeff", "#ffffff"],
    ),
    "manufacturing": (
        "石墨灰与橙色",
        "graphite and orange",
        ["#1f2933", "#52606d", "#cbd2d9", "#f97316"],
    ),
    "materials": ("紫罗兰与粉色", "violet and pink", ["#3b1a78", "#7c4dcc", "#e4d4ff", "#f0abfc"]),
    "ict": ("靛蓝与天青色", "indigo and sky blue", ["#14215e", "#3358d4", "#a5c8ff", "#22d3ee"]),
    "ai": (
        "午夜蓝与品红色",
        "midnight blue and magenta",
        ["#1a1446", "#5b3cc4", "#c7b8ff", "#ec4899"],
    ),
    "aerospace": (
        "夜空蓝与银白色",
        "night blue and silver",
        ["#0b1526", "#27496d", "#b8c6db", "#e8eef7"],
    ),
    "transport": (
        "酒红与浅灰色",
        "wine red and light grey",
        ["#5c1424", "#b3263e", "#f2c4cc", "#e5e7eb"],
    ),
    "biomedicine": ("玫红与珍珠白", "rose and pearl", ["#6b1140", "#c2417d", "#fbd3e6", "#fff7fb"]),
    "environment": (
        "森林绿与浅绿色",
        "forest green and mint",
        ["#113d22", "#2f8f4e", "#bde8c8", "#eaf7b0"],
    ),
    "petrochemical": (
        "赭石与金黄色",
        "ochre and gold",
        ["#4a2509", "#a3520f", "#f6d9a8", "#fcd34d"],
    ),
}

STYLES = {
    "waves": ("层叠的波浪色带", "Layered wave bands"),
    "circles": ("交叠的半透明圆形", "Overlapping translucent circles"),
    "grid": ("电路般的线条与节点", "Circuit-like lines and nodes"),
    "facets": ("多边形切面", "Faceted polygons"),
}

# Fields with two covers: the busiest ones.
DOUBLE = ("energy", "new-energy", "manufacturing", "materials")


@dataclass(frozen=True)
class CoverSpec:
    title: str
    field: str
    style: str
    seed: int

    @property
    def alt(self):
        colour_zh, colour_en, _colours = PALETTES[self.field]
        style_zh, style_en = STYLES[self.style]
        article = "an" if colour_en[0] in "aeiou" else "a"
        return (
            f"{colour_zh}渐变背景上{style_zh}的抽象图案",
            f"{style_en} on {article} {colour_en} gradient",
        )


def cover_specs():
    from .reference import TECH_FIELDS

    styles = list(STYLES)
    specs = []
    for index, (slug, name, _en, _desc) in enumerate(TECH_FIELDS):
        for k in range(2 if slug in DOUBLE else 1):
            style = styles[(index + k * 2) % len(styles)]
            specs.append(CoverSpec(f"示例封面·{name}·{k + 1}", slug, style, 1000 + index * 10 + k))
    return specs


def covers_by_field():
    result = {}
    for spec in cover_specs():
        result.setdefault(spec.field, []).append(spec)
    return result


def _rgb(hex_colour):
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def _gradient(size, start, end, angle):
    """A linear gradient from ``start`` to ``end`` at ``angle`` degrees."""
    mask = Image.linear_gradient("L").resize((512, 512)).rotate(angle, Image.BICUBIC)
    mask = mask.crop((128, 128, 384, 384)).resize(size, Image.BICUBIC)
    return Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), mask)


def _glow(base, rng, colour, strength):
    w, h = base.size
    radius = rng.randint(h // 2, h)
    mask = Image.radial_gradient("L").resize((radius * 2, radius * 2))
    # 181 is the value at the middle of the gradient's edges: fade to 0 there.
    mask = mask.point(lambda v: int(255 * strength * (max(0, 181 - v) / 181) ** 2))
    layer = Image.new("RGB", mask.size, colour)
    base.paste(layer, (rng.randint(0, w) - radius, rng.randint(0, h) - radius), mask)


def _waves(draw, rng, colours, size):
    w, h = size
    for k in range(rng.randint(4, 6)):
        base = h * (0.35 + 0.12 * k)
        amp, period, phase = rng.uniform(30, 90), rng.uniform(500, 1200), rng.uniform(0, 6.3)
        points = [
            (x, base + amp * math.sin(2 * math.pi * x / period + phase))
            for x in range(0, w + 40, 40)
        ]
        colour = _rgb(colours[(k + 1) % len(colours)])
        draw.polygon(points + [(w, h), (0, h)], fill=colour + (rng.randint(45, 95),))


def _circles(draw, rng, colours, size):
    w, h = size
    for _ in range(rng.randint(9, 14)):
        r = rng.randint(60, 380)
        x, y = rng.randint(-100, w + 100), rng.randint(-100, h + 100)
        colour = _rgb(rng.choice(colours[1:]))
        if rng.random() < 0.3:
            draw.ellipse((x - r, y - r, x + r, y + r), outline=colour + (150,), width=4)
        else:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour + (rng.randint(35, 85),))


def _grid(draw, rng, colours, size):
    w, h = size
    step = 80
    colour = _rgb(colours[2])
    accent = _rgb(colours[3])
    for _ in range(rng.randint(18, 26)):
        x, y = rng.randrange(0, w, step), rng.randrange(0, h, step)
        path = [(x, y)]
        for _segment in range(rng.randint(3, 7)):
            if rng.random() < 0.5:
                x += rng.choice((-1, 1)) * step * rng.randint(1, 4)
            else:
                y += rng.choice((-1, 1)) * step * rng.randint(1, 3)
            path.append((x, y))
        draw.line(path, fill=colour + (130,), width=4, joint="curve")
        for px, py in (path[0], path[-1]):
            dot = accent if rng.random() < 0.4 else colour
            draw.ellipse((px - 9, py - 9, px + 9, py + 9), fill=dot + (220,))


def _facets(draw, rng, colours, size):
    w, h = size
    cols, rows = 9, 6
    points = [
        [
            (
                i * w / (cols - 1) + rng.uniform(-60, 60) * (0 < i < cols - 1),
                j * h / (rows - 1) + rng.uniform(-50, 50) * (0 < j < rows - 1),
            )
            for i in range(cols)
        ]
        for j in range(rows)
    ]
    for j in range(rows - 1):
        for i in range(cols - 1):
            a, b, c, d = points[j][i], points[j][i + 1], points[j + 1][i], points[j + 1][i + 1]
            for tri in ((a, b, c), (b, d, c)):
                colour = _rgb(rng.choice(colours))
                draw.polygon(tri, fill=colour + (rng.randint(30, 90),))


DRAW = {"waves": _waves, "circles": _circles, "grid": _grid, "facets": _facets}


def render_cover(spec):
    """JPEG bytes of one cover."""
    rng = random.Random(spec.seed)
    colours = PALETTES[spec.field][2]
    base = _gradient(COVER_SIZE, _rgb(colours[0]), _rgb(colours[1]), rng.uniform(-40, 40))
    _glow(base, rng, _rgb(colours[2]), 0.35)
    # Drawing in "RGBA" mode on an RGB image blends each translucent shape.
    DRAW[spec.style](ImageDraw.Draw(base, "RGBA"), rng, colours, COVER_SIZE)
    base = base.filter(ImageFilter.SMOOTH)
    out = io.BytesIO()
    base.save(out, "JPEG", quality=84, optimize=True, progressive=True)
    return out.getvalue()


def _mark(draw, code, c):
    """The white mark of each enterprise's logo, on a LOGO_SIZE square."""
    white = (255, 255, 255, 255)
    if code == "group-a":  # a sun: disc and rays
        draw.ellipse((c - 70, c - 70, c + 70, c + 70), fill=white)
        for k in range(12):
            a = 2 * math.pi * k / 12
            draw.line(
                (
                    c + 100 * math.cos(a),
                    c + 100 * math.sin(a),
                    c + 150 * math.cos(a),
                    c + 150 * math.sin(a),
                ),
                fill=white,
                width=18,
            )
    elif code == "a1":  # three wind blades
        for k in range(3):
            a = 2 * math.pi * k / 3 - math.pi / 2
            tip = (c + 150 * math.cos(a), c + 150 * math.sin(a))
            left = (c + 30 * math.cos(a + 1.9), c + 30 * math.sin(a + 1.9))
            right = (c + 30 * math.cos(a - 0.6), c + 30 * math.sin(a - 0.6))
            draw.polygon((left, tip, right), fill=white)
        draw.ellipse((c - 28, c - 28, c + 28, c + 28), fill=white)
    elif code == "a2":  # a lightning bolt in a ring
        draw.ellipse((c - 150, c - 150, c + 150, c + 150), outline=white, width=16)
        draw.polygon(
            (
                (c + 20, c - 120),
                (c - 70, c + 15),
                (c - 5, c + 15),
                (c - 25, c + 120),
                (c + 70, c - 20),
                (c + 5, c - 20),
            ),
            fill=white,
        )
    elif code == "group-b":  # a gear
        points = []
        for k in range(48):
            a = 2 * math.pi * k / 48
            r = 150 if (k // 3) % 2 == 0 else 118
            points.append((c + r * math.cos(a), c + r * math.sin(a)))
        draw.polygon(points, fill=white)
        draw.ellipse((c - 55, c - 55, c + 55, c + 55), fill=(0, 0, 0, 0))
    elif code == "b1":  # a hexagon with a core
        hexagon = [
            (
                c + 150 * math.cos(math.pi / 3 * k + math.pi / 6),
                c + 150 * math.sin(math.pi / 3 * k + math.pi / 6),
            )
            for k in range(6)
        ]
        draw.polygon(hexagon, outline=white, width=18)
        draw.ellipse((c - 45, c - 45, c + 45, c + 45), fill=white)
    else:  # a crystal lattice
        for i in range(-2, 3):
            for j in range(-2, 3):
                x, y = c + i * 60, c + j * 60
                draw.ellipse((x - 16, y - 16, x + 16, y + 16), fill=white)
        draw.rectangle((c - 120, c - 120, c + 120, c + 120), outline=white, width=8)


def render_logo(code, field):
    """PNG bytes of an enterprise logo: a rounded gradient tile with a white mark."""
    colours = PALETTES[field][2]
    size = (LOGO_SIZE, LOGO_SIZE)
    tile = _gradient(size, _rgb(colours[0]), _rgb(colours[1]), 35).convert("RGBA")
    mark = Image.new("RGBA", size, (0, 0, 0, 0))
    _mark(ImageDraw.Draw(mark), code, LOGO_SIZE // 2)
    tile = Image.alpha_composite(tile, mark)
    rounded = Image.new("L", size, 0)
    ImageDraw.Draw(rounded).rounded_rectangle((0, 0, LOGO_SIZE - 1, LOGO_SIZE - 1), 72, fill=255)
    logo = Image.new("RGBA", size, (0, 0, 0, 0))
    logo.paste(tile, (0, 0), rounded)
    out = io.BytesIO()
    logo.save(out, "PNG", optimize=True)
    return out.getvalue()

"""Draw the site's favicon: _static/favicon.svg (what the pages link to) and _static/favicon.ico
(for browsers and tools that ask for /favicon.ico at the site root). Two white letter-A strokes on
the report's ink colour. Run once; both files are committed. Usage: python scripts/make_favicon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
INK, PAPER = "#1f2328", "#ffffff"
# Each letter A on a 32-unit grid: a stroke up to the apex and down again, and a crossbar.
LETTERS = [((4, 26), (9.5, 7), (15, 26), (6.5, 19.5), (12.5, 19.5)), ((17, 26), (22.5, 7), (28, 26), (19.5, 19.5), (25.5, 19.5))]
STROKE = 3


def svg() -> str:
    paths = "".join(
        f'<path d="M{a[0]} {a[1]} L{b[0]} {b[1]} L{c[0]} {c[1]} M{d[0]} {d[1]} L{e[0]} {e[1]}"/>' for a, b, c, d, e in LETTERS
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
        f'<rect width="32" height="32" rx="6" fill="{INK}"/>'
        f'<g fill="none" stroke="{PAPER}" stroke-width="{STROKE}" stroke-linejoin="miter" stroke-linecap="butt">'
        f"{paths}</g></svg>\n"
    )


def ico(path: Path) -> None:
    scale = 8
    img = Image.new("RGBA", (32 * scale, 32 * scale), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle((0, 0, 32 * scale - 1, 32 * scale - 1), radius=6 * scale, fill=INK)
    for a, b, c, d, e in LETTERS:
        pts = [(x * scale, y * scale) for x, y in (a, b, c)]
        draw.line(pts, fill=PAPER, width=STROKE * scale, joint="curve")
        draw.line([(d[0] * scale, d[1] * scale), (e[0] * scale, e[1] * scale)], fill=PAPER, width=STROKE * scale)
    img.save(path, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)])


def main() -> None:
    static = ROOT / "_static"
    (static / "favicon.svg").write_text(svg())
    ico(static / "favicon.ico")
    print(f"wrote {static / 'favicon.svg'} and {static / 'favicon.ico'}")


if __name__ == "__main__":
    main()

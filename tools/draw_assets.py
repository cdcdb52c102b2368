"""Draw the app icon and the persona avatars as flat SVG files in assets/.

Run: python tools/draw_assets.py
The files are committed; this script is how they were made, so a new persona gets a portrait in
the same style (add a line to PORTRAITS and run it again).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"


@dataclass(frozen=True)
class Portrait:
    background: str
    skin: str
    hair: str
    hair_style: str  # short, curly, long, bob, bun, side, waves, crop
    shirt: str
    extras: tuple[str, ...] = ()  # glasses, beard, earrings, freckles


PORTRAITS: dict[str, Portrait] = {
    "dana": Portrait("#f6d6b8", "#8d5524", "#2b1b12", "curly", "#1f7a74", ("earrings",)),
    "marcus": Portrait("#cfe3f7", "#c68642", "#1c1714", "crop", "#23395d"),
    "priya": Portrait("#e3dcf7", "#a8705f", "#1b1412", "long", "#8c2f45", ("earrings",)),
    "tom": Portrait("#d4f0dc", "#f3cfa3", "#b5562c", "short", "#3c7d4a", ("freckles",)),
    "sofia": Portrait("#fbd9cc", "#e3b07a", "#5a3825", "waves", "#d9614c"),
    "jonas": Portrait("#f7efc7", "#f5d3b5", "#d2aa55", "side", "#56708f", ("glasses",)),
    "grace": Portrait("#f8d6e6", "#f1d0b2", "#1f1a17", "bob", "#6b4aa5"),
    "ray": Portrait("#dde3ea", "#d19a6a", "#9c9c9c", "crop", "#6d4c35", ("beard", "glasses")),
    "helen": Portrait("#cdeeed", "#f6d8c6", "#e0bd68", "bun", "#27406b", ("earrings",)),
    "leo": Portrait("#f3e3c3", "#c48a58", "#3b2a20", "curly_short", "#e07a2f", ("beard_short",)),
}


def _shade(colour: str, factor: float) -> str:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{max(0, min(255, round(c * factor))):02x}" for c in (red, green, blue))


def _hair_back(p: Portrait) -> str:
    h = p.hair
    return {
        "long": f'<path d="M34 60 Q32 30 64 26 Q96 30 94 60 L98 112 L30 112 Z" fill="{h}"/>',
        "waves": f'<path d="M32 62 Q30 28 64 25 Q98 28 96 62 Q104 84 94 104 L34 104 Q24 84 32 62 Z" fill="{h}"/>',
        "bob": f'<path d="M34 58 Q34 28 64 27 Q94 28 94 58 L96 86 L32 86 Z" fill="{h}"/>',
        "curly": "".join(f'<circle cx="{x}" cy="{y}" r="13" fill="{h}"/>' for x, y in
                         ((40, 44), (52, 32), (66, 28), (80, 32), (90, 44), (94, 58), (36, 58), (38, 74), (92, 74))),
        "bun": f'<circle cx="64" cy="22" r="12" fill="{h}"/>',
    }.get(p.hair_style, "")


def _hair_front(p: Portrait) -> str:
    h = p.hair
    return {
        "short": f'<path d="M40 52 Q40 28 64 28 Q88 28 88 52 Q80 40 64 40 Q50 40 40 52 Z" fill="{h}"/>',
        "crop": f'<path d="M41 50 Q42 30 64 30 Q86 30 87 50 Q78 41 64 41 Q50 41 41 50 Z" fill="{h}"/>',
        "side": f'<path d="M39 54 Q38 27 66 28 Q90 30 89 54 Q84 40 74 38 Q58 44 39 54 Z" fill="{h}"/>',
        "long": f'<path d="M40 56 Q40 30 64 30 Q88 30 88 56 Q78 38 60 40 Q48 44 40 56 Z" fill="{h}"/>',
        "waves": f'<path d="M40 58 Q38 30 64 30 Q90 30 88 58 Q82 42 66 40 Q50 42 40 58 Z" fill="{h}"/>',
        "bob": f'<path d="M38 60 Q38 30 64 30 Q90 30 90 60 Q86 44 64 42 Q44 42 38 60 Z" fill="{h}"/>',
        "bun": f'<path d="M40 54 Q40 30 64 30 Q88 30 88 54 Q80 40 64 40 Q48 40 40 54 Z" fill="{h}"/>',
        "curly": "".join(f'<circle cx="{x}" cy="{y}" r="9" fill="{h}"/>' for x, y in
                         ((46, 40), (58, 35), (70, 35), (82, 40))),
        "curly_short": "".join(f'<circle cx="{x}" cy="{y}" r="8" fill="{h}"/>' for x, y in
                               ((44, 44), (52, 36), (62, 33), (72, 33), (81, 37), (86, 45))),
    }[p.hair_style]


def _extras(p: Portrait) -> str:
    parts = []
    if "beard" in p.extras:
        parts.append(f'<path d="M44 64 Q46 92 64 94 Q82 92 84 64 Q80 80 64 82 Q48 80 44 64 Z" fill="{p.hair}"/>')
    if "beard_short" in p.extras:
        parts.append(f'<path d="M46 68 Q50 88 64 89 Q78 88 82 68 Q76 80 64 81 Q52 80 46 68 Z" '
                     f'fill="{p.hair}" opacity="0.85"/>')
    if "glasses" in p.extras:
        parts.append('<g fill="none" stroke="#2a2a33" stroke-width="2.2"><circle cx="54" cy="60" r="7"/>'
                     '<circle cx="74" cy="60" r="7"/><path d="M61 60 L67 60"/></g>')
    if "earrings" in p.extras:
        parts.append('<circle cx="40" cy="72" r="2.6" fill="#f2c14e"/><circle cx="88" cy="72" r="2.6" fill="#f2c14e"/>')
    if "freckles" in p.extras:
        freckle = _shade(p.skin, 0.8)
        parts.append("".join(f'<circle cx="{x}" cy="{y}" r="1.1" fill="{freckle}"/>'
                             for x, y in ((50, 68), (54, 70), (47, 71), (78, 68), (74, 70), (81, 71))))
    return "".join(parts)


def portrait_svg(name: str, p: Portrait) -> str:
    skin_dark = _shade(p.skin, 0.88)
    return f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128" width="128" height="128">
<title>{name.title()}</title>
<defs><clipPath id="round"><circle cx="64" cy="64" r="64"/></clipPath></defs>
<g clip-path="url(#round)">
<circle cx="64" cy="64" r="64" fill="{p.background}"/>
{_hair_back(p)}
<path d="M18 128 Q20 96 52 92 L76 92 Q108 96 110 128 Z" fill="{p.shirt}"/>
<path d="M52 92 L64 106 L76 92 Z" fill="{_shade(p.shirt, 0.8)}"/>
<rect x="56" y="78" width="16" height="16" rx="5" fill="{skin_dark}"/>
<ellipse cx="40" cy="62" rx="5" ry="7" fill="{skin_dark}"/>
<ellipse cx="88" cy="62" rx="5" ry="7" fill="{skin_dark}"/>
<ellipse cx="64" cy="60" rx="24" ry="28" fill="{p.skin}"/>
{_hair_front(p)}
<path d="M49 52 Q54 49 59 52 M69 52 Q74 49 79 52" stroke="{_shade(p.hair, 0.8)}" stroke-width="2.4" fill="none" stroke-linecap="round"/>
<circle cx="54" cy="60" r="2.8" fill="#2a2320"/>
<circle cx="74" cy="60" r="2.8" fill="#2a2320"/>
<path d="M56 74 Q64 80 72 74" stroke="#7a3b2e" stroke-width="2.4" fill="none" stroke-linecap="round"/>
<ellipse cx="50" cy="70" rx="4" ry="2.4" fill="#e8846b" opacity="0.25"/>
<ellipse cx="78" cy="70" rx="4" ry="2.4" fill="#e8846b" opacity="0.25"/>
{_extras(p)}
</g>
</svg>
"""


ICON_SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256" width="256" height="256">
<title>Ask, Don't Tell</title>
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="#3f7cf0"/><stop offset="1" stop-color="#1f4fb4"/></linearGradient></defs>
<rect x="8" y="8" width="240" height="240" rx="56" fill="url(#bg)"/>
<path d="M56 64 Q56 48 72 48 L184 48 Q200 48 200 64 L200 140 Q200 156 184 156 L112 156 L76 190 L80 156 L72 156 Q56 156 56 140 Z"
 fill="#ffffff"/>
<path d="M108 86 Q108 66 128 66 Q148 66 148 84 Q148 98 134 104 Q128 107 128 116 L128 122" stroke="#2c66d8"
 stroke-width="14" fill="none" stroke-linecap="round"/>
<circle cx="128" cy="140" r="8" fill="#2c66d8"/>
<circle cx="200" cy="196" r="28" fill="#5fd394"/>
<path d="M186 196 L196 206 L214 186" stroke="#ffffff" stroke-width="9" fill="none" stroke-linecap="round"
 stroke-linejoin="round"/>
</svg>
"""


#: The arrow of drop-down lists, in the muted text colour of the light and the dark theme.
CHEVRONS = {"light": "#5d6677", "dark": "#a0a8b8"}


def chevron_svg(colour: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 12 12" width="12" height="12">'
            f'<path d="M2 4.5 L6 8.5 L10 4.5" fill="none" stroke="{colour}" stroke-width="1.8" '
            f'stroke-linecap="round" stroke-linejoin="round"/></svg>\n')


#: Spin-box arrows: the muted text colour, and the border colour when there is no step to take.
ARROWS = {"light": ("#5d6677", "#d6dbe3"), "dark": ("#a0a8b8", "#3a404b")}
ARROW_PATHS = {"up": "M2.5 8 L6 4.5 L9.5 8", "down": "M2.5 4.5 L6 8 L9.5 4.5"}


def arrow_svg(path: str, colour: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 12 12" width="12" height="12">'
            f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="1.9" stroke-linecap="round" '
            f'stroke-linejoin="round"/></svg>\n')


def main() -> None:
    avatars = ASSETS / "avatars"
    avatars.mkdir(parents=True, exist_ok=True)
    for name, portrait in PORTRAITS.items():
        (avatars / f"{name}.svg").write_text(portrait_svg(name, portrait), encoding="utf-8")
    (ASSETS / "icon.svg").write_text(ICON_SVG, encoding="utf-8")
    for mode, colour in CHEVRONS.items():
        (ASSETS / f"chevron-{mode}.svg").write_text(chevron_svg(colour), encoding="utf-8")
    for mode, (colour, off) in ARROWS.items():
        for direction, path in ARROW_PATHS.items():
            (ASSETS / f"arrow-{direction}-{mode}.svg").write_text(arrow_svg(path, colour), encoding="utf-8")
            (ASSETS / f"arrow-{direction}-off-{mode}.svg").write_text(arrow_svg(path, off), encoding="utf-8")
    print(f"wrote {len(PORTRAITS)} avatars and the icon to {ASSETS}")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A chosen chip (symptom, trigger, side effect) is clearly chosen: the
# accent colour, not a slightly darker grey, in the light, dark and
# high-contrast styles. The chip is toggled through AT-SPI in the attack
# editor and the screen is read back pixel by pixel (ImageMagick).
#
#   test-selected-toggles.py MIGRAINE-DIARY

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mdatspi  # noqa: E402
import pyatspi  # noqa: E402


def pixel(x, y):
    out = subprocess.run(["import", "-window", "root", "-crop", f"1x1+{x}+{y}", "-depth", "8", "txt:-"],
                         capture_output=True, text=True, check=True).stdout
    # "0,0: (53,132,228)  #3584E4  srgb(53,132,228)"
    values = out.splitlines()[-1].split("(")[1].split(")")[0].split(",")
    return tuple(int(float(v)) for v in values[:3])


def chip_colour(chip):
    x, y, width, height = chip.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    # Inside the pill, clear of its rounded end and of its text.
    return pixel(x + height // 2 + 2, y + 4)


def accent(rgb):
    red, green, blue = rgb
    return blue > red + 60 and blue > green + 30


styles = [
    ("light", {}),
    ("dark", {"ADW_DEBUG_COLOR_SCHEME": "prefer-dark"}),
    ("high contrast", {"ADW_DEBUG_HIGH_CONTRAST": "1"}),
]

for style, env in styles:
    app = mdatspi.App(sys.argv[1], extra_env=env)
    try:
        app.keys("ctrl+n")
        app.frame("Attack Started")
        app.keys("Right", "Right", "Return")    # an attack, Moderate
        edit = app.wait_for(lambda: mdatspi.find(app.window, role="push button",
                                                 predicate=lambda node: (node.name or "").startswith("Edit attack of ")),
                            "the attack's row")
        edit.queryAction().doAction(0)
        editor = app.frame("Attack")
        chips = [node for node, _ in mdatspi.walk(editor)
                 if node.getRoleName() in ("toggle button", "push button") and node.name in ("Nausea", "Vomiting")]
        chosen, other = chips[0], chips[1]
        chosen.queryAction().doAction(0)
        # Scroll the form until the chips are on screen (the editor sits
        # at the screen's origin: no window manager).
        for _ in range(30):
            if chosen.queryComponent().getExtents(pyatspi.WINDOW_COORDS)[1] < 600:
                break
            subprocess.run(["xdotool", "mousemove", "200", "300", "click", "5"], check=True)
            time.sleep(0.2)
        time.sleep(1.0)
        mdatspi.note(f"{style}: chosen {chosen.name} {chip_colour(chosen)}, not chosen {other.name} {chip_colour(other)}")
        mdatspi.ok(accent(chip_colour(chosen)), f"{style}: a chosen chip takes the accent colour")
        mdatspi.ok(not accent(chip_colour(other)), f"{style}: a chip not chosen does not")
    finally:
        app.close()

mdatspi.finish()

#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Scrolling an editor with the mouse wheel scrolls the form and never
# changes the value under the pointer: real wheel clicks (xdotool) over
# the dose amount, the amount read through AT-SPI and from the diary file
# after saving (it went 50 → 43 → 33 mg).
#
#   test-mouse-wheel.py MIGRAINE-DIARY

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mdatspi  # noqa: E402
import pyatspi  # noqa: E402

app = mdatspi.App(sys.argv[1])
try:
    app.keys("ctrl+n", "Right", "Right", "Return")   # an attack, Moderate
    app.keys("ctrl+m")                                # Took Medication
    editor = app.frame("Dose")
    app.keys("alt+m")
    app.type("suma")
    app.keys("Down", "Return", "alt+o")               # Sumatriptan 50 mg, pain Moderate

    spin = mdatspi.find(editor, role="spin button", name="Amount")
    x, y, width, height = spin.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    mdatspi.ok(spin.queryValue().currentValue == 50, "the amount starts at the medication's 50 mg")

    # The editor is a toplevel at the screen's origin (no window manager).
    subprocess.run(["xdotool", "mousemove", str(x + width // 4), str(y + height // 2)], check=True)
    time.sleep(0.3)
    subprocess.run(["xdotool", "click", "--repeat", "3", "--delay", "150", "5"], check=True)
    time.sleep(0.8)
    mdatspi.note(f"amount after the wheel: {spin.queryValue().currentValue}")
    mdatspi.ok(spin.queryValue().currentValue == 50, "the wheel over the amount leaves it at 50")
    moved = spin.queryComponent().getExtents(pyatspi.WINDOW_COORDS)[1]
    mdatspi.ok(moved < y, "the wheel scrolled the form instead")

    app.keys("ctrl+Return")
    app.wait_for(lambda: app.query("SELECT amount FROM doses"), "the dose to be saved")
    mdatspi.ok(app.query("SELECT amount FROM doses") == [(50,)], "the dose is saved as 50 mg")
finally:
    app.close()

mdatspi.finish()

#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The medication chooser of the dose editor records exactly the medication
# the user highlighted, whether it was chosen with the keyboard after a
# search (real key presses), with the mouse (a real click), or by an
# assistive technology selecting a child of the list (AT-SPI). Each dose
# is saved and read back from the diary file.
#
#   test-medication-chooser.py MIGRAINE-DIARY
#
# Runs in its own D-Bus session (meson wraps it in dbus-run-session) so
# that the accessibility bus is private.

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mdatspi  # noqa: E402

app = mdatspi.App(sys.argv[1])


def dose_medications():
    return [row[0] for row in app.query("SELECT medication_uuid FROM doses ORDER BY taken_time, rowid")]


def chooser_button(editor):
    """The button that shows the chosen medication."""
    row = mdatspi.find(editor, role="list item", name="Medication")
    return mdatspi.find(row, role="push button")


def open_dose_editor():
    app.keys("alt+m")  # the ongoing attack's "Took Medication"
    editor = app.frame("Dose")
    app.keys("alt+o")  # pain now: Moderate
    return editor


def save_dose(count):
    app.keys("ctrl+Return")
    app.wait_for(lambda: len(dose_medications()) == count, f"dose {count} to be saved")


try:
    app.keys("ctrl+n")         # Attack Started
    app.keys("alt+o")          # Moderate
    app.keys("ctrl+Return")    # Save

    # Keyboard: search, Down to the first match, Enter. GtkDropDown 4.8
    # committed the match's position in the filtered list into the whole
    # list: this recorded Metoclopramide 10 mg.
    editor = open_dose_editor()
    mdatspi.ok(chooser_button(editor).name == "Choose…",
               "an empty diary's dose editor chooses no medication for the patient")
    app.keys("alt+m")          # the Medication field opens its list
    app.type("suma")
    app.keys("Down")           # Sumatriptan 50 mg, the first match
    app.keys("Return")
    mdatspi.note(f"shown after the search: {chooser_button(editor).name}")
    mdatspi.ok(chooser_button(editor).name == "Sumatriptan 50 mg", "keyboard: the button shows the highlighted match")
    save_dose(1)
    mdatspi.ok(dose_medications() == ["preset-sumatriptan-50mg"], "keyboard: the dose records Sumatriptan 50 mg")

    # The next dose starts from the last medication; Down from the search
    # lands on it when the search shows it, and moves on from there.
    editor = open_dose_editor()
    mdatspi.ok(chooser_button(editor).name == "Sumatriptan 50 mg", "the next dose starts from the last medication")
    app.keys("alt+m")
    app.type("triptan")      # Eletriptan, Rizatriptan, Sumatriptan 50 mg, Sumatriptan 6 mg injection, …
    app.keys("Down")         # Sumatriptan 50 mg, the current choice
    app.keys("Down")         # Sumatriptan 6 mg injection
    app.keys("Return")
    save_dose(2)
    mdatspi.ok(dose_medications()[-1] == "preset-sumatriptan-6mg-sc",
               "keyboard: the fourth match of a search is the one recorded")

    # Assistive technology: open the list and select a child through the
    # AT-SPI Selection interface, as a screen reader does.
    editor = open_dose_editor()
    app.keys("alt+m")
    medications = mdatspi.find(editor, name="Medications")
    names = [child.name for child in medications]
    medications.querySelection().selectChild(names.index("Ibuprofen 400 mg"))
    time.sleep(0.8)
    app.keys("Escape")        # closes the list; the selection stays chosen
    mdatspi.note(f"shown after selectChild: {chooser_button(editor).name}")
    mdatspi.ok(chooser_button(editor).name == "Ibuprofen 400 mg", "AT-SPI: selectChild chooses the medication")
    save_dose(3)
    mdatspi.ok(dose_medications()[-1] == "preset-ibuprofen-400mg", "AT-SPI: the dose records Ibuprofen 400 mg")

    # Mouse: a search that leaves one row, and a real click on it. GTK 4.8
    # reports no usable screen positions over AT-SPI on X11, so the row is
    # found from the popover's own window: the row sits at its bottom,
    # above Adwaita's popover shadow and padding (42 px).
    editor = open_dose_editor()
    app.keys("alt+m")
    app.type("zolmi")
    popover = None
    for window in subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app.process.pid), ""],
                                 capture_output=True, text=True).stdout.split():
        geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window],
                                  capture_output=True, text=True).stdout
        values = dict(line.split("=") for line in geometry.split())
        if int(values["WIDTH"]) > 1 and int(values["HEIGHT"]) < 300:
            popover = values
    mdatspi.note(f"popover window: {popover}")
    x = int(popover["X"]) + int(popover["WIDTH"]) // 2
    y = int(popover["Y"]) + int(popover["HEIGHT"]) - 42 - 18
    subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True)
    time.sleep(0.8)
    mdatspi.ok(chooser_button(editor).name == "Zolmitriptan 2.5 mg", "mouse: a click chooses the clicked medication")
    save_dose(4)
    mdatspi.ok(dose_medications()[-1] == "preset-zolmitriptan-2-5mg", "mouse: the dose records Zolmitriptan 2.5 mg")
finally:
    app.close()

mdatspi.finish()

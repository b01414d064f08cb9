#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Logging with the keyboard alone, where the focus goes (real key presses
# with xdotool; the windows and fields seen through AT-SPI; the diary read
# back from its file):
# - the quick pain dialog opens on the pain levels, and Enter on a level
#   saves it (it opened on Cancel, so Enter cancelled);
# - after saving a dose the focus is back on the attack's row, so the next
#   Enter opens the attack instead of ending it ("Attack Ended" had it);
# - Ctrl+M, Ctrl+Shift+P and Ctrl+E are "Took Medication", "Pain Now" and
#   "Attack Ended" for the ongoing attack;
# - Tab leaves the notes box instead of typing a tab into it;
# - search is a header-bar button of the Diary view, and Ctrl+F.
#
#   test-keyboard-focus.py MIGRAINE-DIARY

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mdatspi  # noqa: E402
import pyatspi  # noqa: E402

app = mdatspi.App(sys.argv[1])


def attacks():
    return app.query("SELECT peak_pain, end_time FROM attacks")


def readings():
    return app.query("SELECT pain FROM pain_readings ORDER BY time, rowid")


try:
    app.keys("ctrl+n")                  # Attack Started
    app.frame("Attack Started")
    app.keys("Right", "Right")          # from None to Mild to Moderate
    app.keys("Return")
    app.wait_for(lambda: len(attacks()) == 1, "the attack to be saved")
    mdatspi.ok(attacks()[0][0] == 2, "pain dialog: arrows then Enter save the level under the focus")
    mdatspi.ok(len([f for f in app.frames() if f.name == "Attack Started"]) == 0, "pain dialog: it closed")

    app.keys("ctrl+m")                  # Took Medication, for the ongoing attack
    editor = app.frame("Dose")
    mdatspi.ok(editor is not None, "Ctrl+M opens the dose editor of the ongoing attack")

    # Tab leaves the notes: reach them with Shift+Tab, type, Tab, type
    # again; the second word must not land in the notes.
    notes = mdatspi.find(editor, role="text", name="Notes")
    for _ in range(40):
        if notes.getState().contains(pyatspi.STATE_FOCUSED):
            break
        app.keys("shift+Tab", pause=0.3)
    mdatspi.ok(notes.getState().contains(pyatspi.STATE_FOCUSED), "Shift+Tab reaches the notes")
    app.type("aura")
    app.keys("Tab")
    app.type("x")
    text = notes.queryText().getText(0, -1)
    mdatspi.note(f"notes: {text!r}")
    mdatspi.ok(text == "aura", "Tab moves on from the notes instead of typing into them")

    app.keys("alt+m")
    app.type("suma")
    app.keys("Down", "Return", "alt+o", "ctrl+Return")
    app.wait_for(lambda: len(app.query("SELECT uuid FROM doses")) == 1, "the dose to be saved")

    # The next Enter acts on the row that was edited: it opens the attack.
    app.keys("Return")
    time.sleep(0.5)
    mdatspi.ok(attacks()[0][1] is None, "after saving a dose, Enter does not end the attack")
    mdatspi.ok(any(f.name == "Attack" for f in app.frames()), "after saving a dose, Enter opens the attack's row")
    app.keys("Escape")

    app.keys("ctrl+shift+p")            # Pain Now
    app.frame("How Is Your Pain Now?")
    app.keys("Right")                   # Mild
    app.keys("Return")
    app.wait_for(lambda: len(readings()) == 2, "the pain reading to be saved")
    mdatspi.ok(readings()[-1] == (1,), "Ctrl+Shift+P asks the pain now; Enter on Mild saves it")

    app.keys("ctrl+e")                  # Attack Ended
    app.wait_for(lambda: attacks()[0][1] is not None, "the attack to end", timeout=5)
    mdatspi.ok(attacks()[0][1] is not None, "Ctrl+E ends the ongoing attack")

    # Search lives in the header bar, for the Diary view; Ctrl+F from any
    # view opens it with the focus in the field.
    def search_button():
        return mdatspi.find(app.window, name="Search the Diary",
                            predicate=lambda node: node.getRoleName() in ("toggle button", "push button"))

    mdatspi.ok(search_button() is not None, "the Diary view has a search button in the header bar")
    app.keys("alt+2")
    mdatspi.ok(search_button() is None, "the Charts view does not")
    def rows():
        diary = mdatspi.find(app.window, name="Attacks, newest first")
        return [child for child in diary if child is not None and child.getRoleName() == "list item"]

    shown = len(rows())
    app.keys("ctrl+f")
    focus = mdatspi.find(app.window, predicate=lambda node: node.getState().contains(pyatspi.STATE_FOCUSED))
    mdatspi.ok(focus is not None and focus.name == "Search the diary", "Ctrl+F from Charts puts the focus in the diary's search")
    # GTK 4.8 does not expose a search entry's text: the list says it.
    app.type("zzzz")
    time.sleep(1)
    mdatspi.note(f"rows before and after the search: {shown}, {len(rows())}")
    mdatspi.ok(shown > 0 and len(rows()) == 0, "what is typed searches the diary")
    mdatspi.ok(search_button().getState().contains(pyatspi.STATE_PRESSED), "the search button shows search is on")
finally:
    app.close()

mdatspi.finish()

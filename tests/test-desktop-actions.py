#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The desktop file's actions — "Attack Started" and "No Headache Today" in
# the menu of the app's icon — run as the dock runs them (the program with
# --attack-started or --no-headache-today), with the window closed and
# with it open: the pain dialog alone, driven with real key presses; the
# diary read back from its file.
#
#   test-desktop-actions.py MIGRAINE-DIARY

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mdatspi  # noqa: E402

executable = sys.argv[1]

# No Headache Today, with no window: recorded, and the program ends.
app = mdatspi.App(executable, launch=False, default_diary=True)
try:
    mdatspi.ok(app.run("--no-headache-today") == 0, "No Headache Today from the icon runs and ends")
    today = time.strftime("%Y-%m-%d")
    days = app.query("SELECT date, status FROM days")
    mdatspi.note(f"days: {days}")
    mdatspi.ok(days == [(today, "headache-free")], "No Headache Today records today without opening the window")
finally:
    app.close(keep=True)
tmp = app.tmp

# Attack Started, with no window: the pain dialog only.
app = mdatspi.App(executable, args=("--attack-started",), window=False, tmp=tmp, default_diary=True)
try:
    dialog = app.frame("Attack Started")
    mdatspi.ok(dialog is not None and app._frame("Migraine Diary") is None,
               "Attack Started shows the pain dialog, not the diary's window")
    app.keys("Right", "Right", "Return")      # Moderate, saved
    app.process.wait(timeout=20)
    mdatspi.ok(app.query("SELECT peak_pain FROM attacks") == [(2,)], "the attack is logged with its pain")
    mdatspi.ok(app.process.returncode == 0, "and the program ends")
finally:
    app.close(keep=True)

# With the window open, the running app does it.
app = mdatspi.App(executable, tmp=tmp, default_diary=True)
try:
    mdatspi.ok(app.run("--attack-started") == 0, "a second launch hands the action over")
    app.frame("Attack Started")
    app.keys("Right", "Return")               # Mild, saved
    app.wait_for(lambda: len(app.query("SELECT uuid FROM attacks")) == 2, "the second attack")
    mdatspi.ok(sorted(app.query("SELECT peak_pain FROM attacks")) == [(1,), (2,)],
               "Attack Started from the icon logs in the open window too")
finally:
    app.close()

mdatspi.finish()

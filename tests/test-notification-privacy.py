#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# "Show medication names in notifications", as a screen reader user finds
# it: Preferences (Ctrl+comma) has a switch of that name, off; its
# mnemonic (Alt+D) turns it on, the screen reader's action turns it off
# again, and each time the preference is saved (the keyfile settings
# backend, read back from the file).
#
#   test-notification-privacy.py MIGRAINE-DIARY

import configparser
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mdatspi  # noqa: E402
import pyatspi  # noqa: E402

NAME = "Show medication names in notifications"
GROUP = "io/github/migrainediary/MigraineDiary"

app = mdatspi.App(sys.argv[1], extra_env={"GSETTINGS_BACKEND": "keyfile"})


def saved():
    """The preference as the app saved it; None while it is the default."""
    keyfile = configparser.ConfigParser()
    keyfile.read(os.path.join(app.tmp, "config", "glib-2.0", "settings", "keyfile"))
    return keyfile.get(GROUP, "show-medication-names", fallback=None)


def checked(node):
    return node.getState().contains(pyatspi.STATE_CHECKED)


try:
    app.keys("ctrl+comma")
    preferences = app.frame("Preferences")
    # GTK 4.8 says the switch's own name, then the row's title.
    switch = app.wait_for(lambda: mdatspi.find(preferences, role="check box",
                                               predicate=lambda node: node.name.startswith(NAME)),
                          "the switch")
    mdatspi.note(f"{switch.getRoleName()} {switch.name!r}")
    mdatspi.ok(switch is not None, "a screen reader finds the switch by its name")
    mdatspi.ok(not checked(switch) and saved() is None, "medication names are off at first")

    # The row's title carries the mnemonic; the row activates its switch.
    app.keys("alt+d")
    app.wait_for(lambda: saved() == "true", "the preference saved on")
    mdatspi.ok(checked(switch), "Alt+D turns it on, and the screen reader hears it checked")

    switch.queryAction().doAction(0)
    app.wait_for(lambda: saved() == "false", "the preference saved off")
    mdatspi.ok(not checked(switch), "the screen reader's action turns it off")
finally:
    app.close()

mdatspi.finish()

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The whole logging flow from the keyboard alone, with real key presses
# (xdotool, under the suite's Xvfb): start an attack and give its pain,
# log the medication taken with the pain at that moment, record the pain
# later, and end the attack. Then the diary file is read back.
#
#   test-keyboard.sh MIGRAINE-DIARY

set -eu

app="$1"
tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT

export HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"

"$app" --database "$tmp/diary.db" &
pid=$!

xdotool search --sync --name "^Migraine Diary$" >/dev/null
sleep 2.5

key () {
  xdotool key --delay 100 "$@"
  sleep 1.2
}

key ctrl+n             # Attack Started → "How bad is the pain now?"
key alt+o              # Moderate
key ctrl+Return        # Save
key alt+m              # the ongoing attack's "Took Medication"
key alt+o              # pain now: Moderate
key alt+m              # the medication list, searched
xdotool type --delay 120 suma
sleep 1.2
key Down               # Sumatriptan 50 mg
key Return
key ctrl+Return        # Save the dose
key alt+p              # the ongoing attack's "Pain Now"
key alt+n              # None
key ctrl+Return        # Save
key alt+e              # "Attack Ended"

kill "$pid"
wait "$pid" 2>/dev/null || true

python3 - "$tmp/diary.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
attacks = db.execute("SELECT uuid, peak_pain, end_time FROM attacks").fetchall()
doses = db.execute("SELECT attack_uuid, medication_uuid FROM doses").fetchall()
readings = db.execute("SELECT pain, dose_uuid IS NOT NULL FROM pain_readings ORDER BY time, rowid").fetchall()
print("# attacks", attacks, "doses", doses, "readings", readings)
assert len(attacks) == 1, "one attack was logged"
uuid, peak, end = attacks[0]
assert peak == 2, "its pain is Moderate"
assert end is not None, "it was ended"
assert doses == [(uuid, "preset-sumatriptan-50mg")], "one dose of the medication searched for, for that attack"
assert readings == [(2, 1), (0, 1)], "pain at the dose, then none, both tied to the dose"
print("1..1")
print("ok 1 keyboard-only logging flow")
PY

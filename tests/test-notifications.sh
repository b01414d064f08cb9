#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A reminder from end to end, against a real notification server: dunst
# runs on the suite's private D-Bus session and Xvfb. A daily check-in
# due at the next minute is imported into a new diary, the app runs with
# --background, and the notification is read back from dunst. Its "No
# headache today" action is then invoked on the app's org.gtk.Actions,
# as the notification server would, and the diary file must say the day
# was headache-free.
#
#   test-notifications.sh MIGRAINE-DIARY

set -eu

app="$1"
tmp=$(mktemp -d)
app_pid=""
dunst_pid=""
cleanup () {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$dunst_pid" ] && kill "$dunst_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

export HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"

echo "1..5"

for tool in dunst dunstctl gdbus sqlite3 python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "ok 1 # SKIP $tool is not installed (build-aux/install-deps --test)"
    exit 0
  fi
done

cat > "$tmp/dunstrc" <<'RC'
[global]
    history_length = 20
    idle_threshold = 0
    sticky_history = yes
[urgency_low]
    timeout = 0
[urgency_normal]
    timeout = 0
[urgency_critical]
    timeout = 0
RC
# dunst is a GLib program too: the suite's fatal warnings are not for it.
env -u G_DEBUG dunst -config "$tmp/dunstrc" >"$tmp/dunst.log" 2>&1 &
dunst_pid=$!
# Wait for it to own the name; asking dunstctl before would have D-Bus
# start another dunst, outside the Xvfb display.
for _ in $(seq 50); do
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner org.freedesktop.Notifications | grep -q true && break
  sleep 0.1
done
kill -0 "$dunst_pid"
dunstctl is-paused >/dev/null
echo "ok 1 dunst runs"

displayed () {
  dunstctl count displayed 2>/dev/null || echo -1
}

# Due at the start of the next minute, at least 3 seconds away.
now=$(date +%s)
due=$(( (now + 3 + 59) / 60 * 60 ))
at=$(date -d "@$due" +%H:%M)
cat > "$tmp/reminder.csv" <<CSV
#migraine-diary-csv,1
reminder,check-in-1,check-in,How was today?,"v1;daily;times=$at",,,1,,
CSV
"$app" --database "$tmp/diary.db" --import-csv "$tmp/reminder.csv" >/dev/null

"$app" --database "$tmp/diary.db" --background &
app_pid=$!
echo "# check-in due at $at, $(( due - now )) s from now"

deadline=$(( due + 30 ))
while [ "$(displayed)" -lt 1 ] && [ "$(date +%s)" -lt "$deadline" ]; do
  kill -0 "$app_pid"
  sleep 0.5
done
[ "$(displayed)" -eq 1 ]
arrived=$(date +%s)
[ "$arrived" -ge "$due" ]
echo "ok 2 the notification came on time ($(( arrived - due )) s after $at)"

# The app runs on its own diary, so it is not the bus name's owner: find
# its connection by its process.
bus_name=$(python3 - "$app_pid" <<'PY'
import subprocess, sys, re
pid = sys.argv[1]
names = subprocess.check_output(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                                 "--object-path", "/org/freedesktop/DBus",
                                 "--method", "org.freedesktop.DBus.ListNames"], text=True)
for name in re.findall(r"'(:[0-9.]+)'", names):
    out = subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                          "--object-path", "/org/freedesktop/DBus",
                          "--method", "org.freedesktop.DBus.GetConnectionUnixProcessID", name],
                         capture_output=True, text=True).stdout
    if re.search(r"\b%s\b" % pid, out):
        print(name)
        break
PY
)
[ -n "$bus_name" ]
gdbus call --session --dest "$bus_name" --object-path /io/github/migrainediary/MigraineDiary \
  --method org.gtk.Actions.Activate 'reminder-headache-free' "[<'check-in-1'>]" '{}' >/dev/null
for _ in $(seq 50); do
  [ "$(displayed)" -eq 0 ] && break
  sleep 0.1
done
[ "$(displayed)" -eq 0 ]
echo "ok 3 the action withdrew the notification"

dunstctl history | python3 -c '
import json, sys
history = json.load(sys.stdin)["data"][0]
assert len(history) == 1, history
n = history[0]
summary, body = n["summary"]["data"], n["body"]["data"]
print("# %r: %r" % (summary, body))
assert summary == "How was today?", summary
assert body == "Nothing is in your diary for today yet.", body
'
echo "ok 4 title and body"

today=$(date +%Y-%m-%d)
status=$(sqlite3 "$tmp/diary.db" "SELECT status FROM days WHERE date = '$today'")
echo "# $today: $status"
[ "$status" = "headache-free" ]
echo "ok 5 'No headache today' recorded the day, without a window"

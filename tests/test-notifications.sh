#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reminders from end to end, against a real notification server: dunst
# runs on the suite's private D-Bus session and Xvfb, and its buttons are
# pressed through its own context menu (a dmenu script that picks "No
# headache today"), so the action goes back to the app exactly as a
# patient's click would: org.freedesktop.Notifications' ActionInvoked,
# GLib's notification backend, the app's action with its target.
#
# 1. A daily check-in due at the next minute, on the real clock: it comes
#    on time and "No headache today" records today.
# 2. A check-in due 31 May 21:00 that the app, started by libfaketime on
#    1 June at 08:00, tells late: it asks "How was Sunday, 31 May?", and
#    its answer records 31 May, not 1 June.
# 3. The same, answered after midnight (1 June 00:20).
# 4. The background service opens no display (no rendering threads)
#    until a second launch asks for the window, which it then shows.
# 5. What shows on screen names no medication unless the patient chose
#    so (a notification shows on the lock screen): with the preference
#    off, a medication reminder and an appointment say "Time for your
#    medication" and "An appointment tomorrow", from "Migraine Diary", and
#    "Taken" still records the dose; with it on, their titles and the
#    medication's name show.
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

echo "1..14"

for tool in dunst dunstctl gdbus sqlite3 python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "ok 1 # SKIP $tool is not installed (build-aux/install-deps --test)"
    exit 0
  fi
done

# dunst's context menu: records what it offered, picks the button named
# in $tmp/pick (see press below).
cat > "$tmp/menu" <<MENU
#!/bin/sh
tee "$tmp/menu.txt" | grep -m1 -F "\$(cat "$tmp/pick")"
MENU
chmod +x "$tmp/menu"

cat > "$tmp/dunstrc" <<RC
[global]
    history_length = 20
    idle_threshold = 0
    sticky_history = yes
    dmenu = $tmp/menu
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

# The newest notification in dunst's history (closed ones): "summary|body".
newest () {
  dunstctl history | python3 -c '
import json, sys
history = json.load(sys.stdin)["data"][0]
n = max(history, key=lambda n: n["id"]["data"])
print("%s|%s" % (n["summary"]["data"], n["body"]["data"]))
'
}

# Waits for the app's notification, until the epoch second $1.
wait_displayed () {
  while [ "$(displayed)" -lt 1 ] && [ "$(date +%s)" -lt "$1" ]; do
    kill -0 "$app_pid"
    sleep 0.2
  done
  [ "$(displayed)" -eq 1 ]
}

# Presses the button $1 in dunst's context menu; its notification goes,
# and $2 are left on screen.
press () {
  echo "$1" > "$tmp/pick"
  dunstctl context
  for _ in $(seq 50); do
    [ "$(displayed)" -eq "$2" ] && break
    sleep 0.1
  done
  [ "$(displayed)" -eq "$2" ]
  grep -q -F "$1" "$tmp/menu.txt"
}

# Presses "No headache today"; the app records the day, and it ends
# (nothing else is due).
answer () {
  press 'No headache today' 0
}

stop_app () {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

status_of () {
  sqlite3 "$1" "SELECT status FROM days WHERE date = '$2'"
}

# 1. On time, on the real clock. Due at the start of the next minute, at
# least 3 seconds away.
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

wait_displayed $(( due + 30 ))
arrived=$(date +%s)
[ "$arrived" -ge "$due" ]
echo "ok 2 the notification came on time ($(( arrived - due )) s after $at)"

day=$(date -d "@$due" +%Y-%m-%d)
answer
expected="How was today?|How was $(LC_ALL=C date -d "@$due" '+%A, %-d %B')?
Nothing is in your diary for that day yet."
got=$(newest)
echo "# $got" | tr '\n' ' '; echo
[ "$got" = "$expected" ]
echo "ok 3 title, and a body that names the day"

grep -q "reminder-headache-free(('check-in-1', '$day'))" "$tmp/menu.txt"
status=$(status_of "$tmp/diary.db" "$day")
echo "# $day: $status"
[ "$status" = "headache-free" ]
echo "ok 4 'No headache today' recorded the day, without a window"
stop_app

# 2 and 3: a check-in due 31 May 21:00, told late the next day.
faketime_lib=""
for lib in /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1; do
  [ -e "$lib" ] && faketime_lib="$lib" && break
done

n=5
for answered in "2026-06-01 08:00:00" "2026-06-01 00:20:00"; do
  if [ -z "$faketime_lib" ]; then
    echo "ok $n # SKIP libfaketime is not installed (build-aux/install-deps --test)"
    echo "ok $(( n + 1 )) # SKIP libfaketime is not installed"
    n=$(( n + 2 ))
    continue
  fi

  diary="$tmp/late-$n.db"
  cat > "$tmp/late.csv" <<CSV
#migraine-diary-csv,1
reminder,check-in-2,check-in,How was today?,"v1;daily;times=21:00",,,1,2026-05-31T20:00:00+02:00,
CSV
  "$app" --database "$diary" --import-csv "$tmp/late.csv" >/dev/null

  # TZ is Europe/Berlin (the suite's); the app's clock starts at $answered.
  # In a sanitizer build, ASan would refuse to come after the preload.
  ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
    LD_PRELOAD="$faketime_lib" FAKETIME="@$answered" "$app" --database "$diary" --background &
  app_pid=$!
  wait_displayed $(( $(date +%s) + 20 ))
  answer
  got=$(newest)
  echo "# answered $answered: $got" | tr '\n' ' '; echo
  [ "$got" = "How was today?|How was Sunday, 31 May?
Missed on 31 May at 21:00" ]
  echo "ok $n the late check-in answered at $answered asks about Sunday, 31 May"

  grep -q "reminder-headache-free(('check-in-2', '2026-05-31'))" "$tmp/menu.txt"
  [ "$(status_of "$diary" 2026-05-31)" = "headache-free" ]
  [ -z "$(status_of "$diary" 2026-06-01)" ]
  echo "ok $(( n + 1 )) its answer recorded 31 May, and not 1 June"
  stop_app
  n=$(( n + 2 ))
done

# 4. The idle service has no renderer; a second launch gets its window.
"$app" --import-csv "$tmp/reminder.csv" >/dev/null
"$app" --background &
app_pid=$!
for _ in $(seq 100); do
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner io.github.migrainediary.MigraineDiary | grep -q true && break
  sleep 0.1
done
sleep 1
threads=$(cat /proc/"$app_pid"/task/*/comm | tr '\n' ' ')
echo "# idle service threads: $threads"
case "$threads" in
  *llvmpipe*|*disk\$*) exit 1 ;;
esac
echo "ok 9 the idle background service has no rendering threads"

if command -v xdotool >/dev/null 2>&1; then
  "$app"
  for _ in $(seq 100); do
    xdotool search --onlyvisible --pid "$app_pid" --name 'Migraine Diary' >/dev/null 2>&1 && break
    sleep 0.1
  done
  xdotool search --onlyvisible --pid "$app_pid" --name 'Migraine Diary' >/dev/null
  kill -0 "$app_pid"
  echo "ok 10 a second launch opened the window in the background service"
else
  echo "ok 10 # SKIP xdotool is not installed"
fi
stop_app

# 5. Medication names on screen. A medication reminder and an appointment
# (a day's notice), both due at the start of this minute and last told
# yesterday, so they come at once, on time.
if [ "$(date +%S)" -gt 40 ]; then
  sleep $(( 61 - $(date +%S | sed 's/^0//') ))
fi
now=$(date +%s)
minute=$(( now / 60 * 60 ))
at=$(date -d "@$minute" +%H:%M)
tomorrow=$(date -d "@$(( minute + 86400 ))" +%Y-%m-%dT%H:%M)
yesterday=$(date -d "@$(( minute - 86400 ))" +%Y-%m-%dT%H:%M:%S%:z)
cat > "$tmp/private.csv" <<CSV
#migraine-diary-csv,1
medication,topi,Topiramate 50 mg,other,preventive,50,mg,oral,,0
reminder,dose-r,medication,Topiramate evening,"v1;daily;times=$at",topi,,1,$yesterday,
reminder,appt-r,appointment,Topiramate infusion,"v1;once;at=$tomorrow;lead=86400",,,1,$yesterday,
CSV

# The notifications in dunst's history newer than id $1, or the newest
# id when $1 is "newest"; each as "appname|summary|body".
history_since () {
  dunstctl history | python3 -c '
import json, sys
history = json.load(sys.stdin)["data"][0]
if sys.argv[1] == "newest":
    print(max([n["id"]["data"] for n in history] + [0]))
for n in history:
    if sys.argv[1] != "newest" and n["id"]["data"] > int(sys.argv[1]):
        print("%s|%s|%s" % (n["appname"]["data"], n["summary"]["data"], n["body"]["data"].replace("\n", " ")))
' "$1" | sort
}

# Every notification of the run since show_both, shown or closed.
all_shown () {
  dunstctl close-all
  history_since "$mark"
}

# Runs the background service on $1 with the environment given after it
# until both notifications show.
show_both () {
  diary="$1"
  shift
  dunstctl close-all
  mark=$(history_since newest)
  "$app" --database "$diary" --import-csv "$tmp/private.csv" >/dev/null
  env "$@" "$app" --database "$diary" --background &
  app_pid=$!
  deadline=$(( $(date +%s) + 30 ))
  while [ "$(displayed)" -lt 2 ] && [ "$(date +%s)" -lt "$deadline" ]; do
    kill -0 "$app_pid"
    sleep 0.2
  done
  [ "$(displayed)" -eq 2 ]
}

show_both "$tmp/private-off.db" GSETTINGS_BACKEND=memory
press 'Taken' 1
grep -q 'app.reminder-taken::dose-r' "$tmp/menu.txt"
shown=$(all_shown)
echo "$shown" | sed 's/^/# /'
[ "$shown" = "Migraine Diary|An appointment tomorrow|At $at
Migraine Diary|Time for your medication|" ]
if echo "$shown" | grep -qi 'topiramate'; then exit 1; fi
echo "ok 11 with names off, nothing on screen names the medication or the reminders' titles"

doses=$(sqlite3 "$tmp/private-off.db" "SELECT medication_uuid || ' ' || amount || ' ' || unit FROM doses")
echo "# doses: $doses"
[ "$doses" = "topi 50.0 mg" ]
echo "ok 12 'Taken' on the neutral notification recorded the dose"
stop_app

if command -v gsettings >/dev/null 2>&1; then
  # The preference is off until the patient turns it on.
  [ "$(gsettings get io.github.migrainediary.MigraineDiary show-medication-names)" = "false" ]
  echo "ok 13 medication names are off by default"

  GSETTINGS_BACKEND=keyfile gsettings set io.github.migrainediary.MigraineDiary show-medication-names true
  show_both "$tmp/private-on.db" GSETTINGS_BACKEND=keyfile
  shown=$(all_shown)
  echo "$shown" | sed 's/^/# /'
  [ "$shown" = "Migraine Diary|Topiramate evening|Time to take Topiramate 50 mg.
Migraine Diary|Topiramate infusion|Your appointment is coming up." ]
  echo "ok 14 with names on, the reminders' titles and the medication show"
  stop_app
else
  echo "ok 13 # SKIP gsettings is not installed"
  echo "ok 14 # SKIP gsettings is not installed"
fi

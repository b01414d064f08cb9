# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the GUI tests driven from outside share: the app started on a
# fresh diary with the AT-SPI bridge on, real key presses and clicks
# (xdotool, under the suite's Xvfb), a screen reader's view of the window
# (pyatspi), and the diary file read back with sqlite3.
#
# Importing this module re-runs the test inside its own D-Bus session
# (dbus-run-session), so the accessibility bus is private to the test.

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

tests_run = 0
failures = 0
tap = sys.stdout


def private_session():
    """Re-runs the calling test inside its own D-Bus session, so that the
    accessibility bus is the test's own. The session's services print to
    their inherited stdout, so only the test's TAP goes to the real one."""
    global tap
    if "MD_ATSPI_TAP_FD" in os.environ:
        tap = os.fdopen(int(os.environ["MD_ATSPI_TAP_FD"]), "w")
        return
    fd = os.dup(1)
    env = dict(os.environ, MD_ATSPI_TAP_FD=str(fd))
    # libatspi warns about its cache on connect: not fatal for a client.
    env["G_DEBUG"] = "gc-friendly"
    result = subprocess.run(["dbus-run-session", "--", sys.executable, *sys.argv],
                            stdout=sys.stderr, pass_fds=(fd,), env=env)
    sys.exit(result.returncode)


private_session()

import pyatspi  # noqa: E402


def ok(condition, name):
    global tests_run, failures
    tests_run += 1
    if condition:
        print(f"ok {tests_run} {name}", file=tap, flush=True)
    else:
        failures += 1
        print(f"not ok {tests_run} {name}", file=tap, flush=True)


def note(text):
    for line in str(text).splitlines():
        print(f"# {line}", file=tap, flush=True)


class App:
    """The app on a fresh diary in a temporary home, seen through AT-SPI."""

    def __init__(self, executable, extra_env=None, args=(), window=True, tmp=None, launch=True,
                 default_diary=False):
        self.tmp = tmp or tempfile.mkdtemp(prefix="md-atspi-")
        # The default diary is the one instance a second launch hands over
        # to; --database makes an instance of its own.
        self.default_diary = default_diary
        self.db = (os.path.join(self.tmp, "data", "migraine-diary", "diary.db") if default_diary
                   else os.path.join(self.tmp, "diary.db"))
        env = dict(os.environ)
        env.update({
            "HOME": self.tmp,
            "XDG_DATA_HOME": os.path.join(self.tmp, "data"),
            "XDG_CONFIG_HOME": os.path.join(self.tmp, "config"),
            "XDG_CACHE_HOME": os.path.join(self.tmp, "cache"),
            "GTK_A11Y": "atspi",
            "GDK_BACKEND": "x11",
        })
        env.pop("NO_AT_BRIDGE", None)
        # Warnings from the accessibility bridge itself must not abort the app.
        env["G_DEBUG"] = "gc-friendly"
        if extra_env:
            env.update(extra_env)
        self.env = env
        self.executable = executable
        self.process = None
        if not launch:
            return
        # An X server that is busy tearing down the previous test's
        # clients can refuse a connection for a moment ("cannot open
        # display"): an app that ends at once is started again, twice.
        for attempt in range(3):
            self.process = subprocess.Popen([executable, *self._diary_args(), *args], env=env)
            try:
                self.process.wait(timeout=1.5)
            except subprocess.TimeoutExpired:
                break
            if self.process.returncode == 0 or attempt == 2:
                break
            note(f"the app ended at once (status {self.process.returncode}); starting it again")
            time.sleep(2)
        try:
            self.node = self._find_application()
            self.window = None
            if window:
                self.window = self.wait_for(lambda: self._frame("Migraine Diary"), "the main window")
        except Exception:
            self.close()
            raise
        time.sleep(1.0)

    def _diary_args(self):
        return [] if self.default_diary else ["--database", self.db]

    def _find_application(self, timeout=30):
        end = time.time() + timeout
        while time.time() < end:
            if self.process.poll() is not None:
                raise RuntimeError(f"the app exited with {self.process.returncode}")
            desktop = pyatspi.Registry.getDesktop(0)
            for app in desktop:
                try:
                    if app is not None and app.get_process_id() == self.process.pid:
                        return app
                except Exception:
                    pass
            time.sleep(0.3)
        raise RuntimeError("the app never appeared on the accessibility bus")

    def _frame(self, name):
        for child in self.node:
            if child is not None and child.name == name:
                return child
        return None

    def frames(self):
        return [child for child in self.node if child is not None]

    def frame(self, name, timeout=10):
        return self.wait_for(lambda: self._frame(name), f"a window named {name!r}", timeout)

    def wait_for(self, probe, what, timeout=10):
        end = time.time() + timeout
        while time.time() < end:
            value = probe()
            if value:
                return value
            time.sleep(0.2)
        raise RuntimeError(f"timed out waiting for {what}")

    def keys(self, *keys, pause=0.8):
        for key in keys:
            subprocess.run(["xdotool", "key", "--delay", "80", key], check=True)
            time.sleep(pause)

    def type(self, text, pause=0.8):
        subprocess.run(["xdotool", "type", "--delay", "120", text], check=True)
        time.sleep(pause)

    def query(self, sql, *params):
        db = sqlite3.connect(self.db)
        try:
            return db.execute(sql, params).fetchall()
        finally:
            db.close()

    def run(self, *args, timeout=30):
        """Runs the program again, on the same diary, and waits for it."""
        return subprocess.run([self.executable, *self._diary_args(), *args],
                              env=self.env, timeout=timeout).returncode

    def close(self, keep=False):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if not keep:
            shutil.rmtree(self.tmp, ignore_errors=True)


def walk(node, depth=0):
    """Every accessible below @node, with its depth."""
    yield node, depth
    try:
        children = list(node)
    except Exception:
        return
    for child in children:
        if child is not None:
            yield from walk(child, depth + 1)


def find(node, role=None, name=None, predicate=None):
    for child, _ in walk(node):
        try:
            if role is not None and child.getRoleName() != role:
                continue
            if name is not None and child.name != name:
                continue
            if predicate is not None and not predicate(child):
                continue
            return child
        except Exception:
            continue
    return None


def finish():
    print(f"1..{tests_run}", file=tap, flush=True)
    sys.exit(1 if failures else 0)

/* bench-reminders.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reminder service figures: the time to arm the one timer over 1,000
 * reminders (re-armed after a change, and a full wake-up check), and the
 * number of timer wake-ups over a simulated day, which must equal the
 * number of reminders due: the service never polls. And the real
 * `migraine-diary --background`, idle with a reminder armed and no
 * window: its resident memory and its threads, none of which may be a
 * renderer's (it opens no display until a window is shown). Printed
 * beside their budgets; benchmarks never fail on time, only on the
 * wake-ups and the rendering threads.
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "md-reminder-service.h"
#include "md-bench-utils.h"

#define RUNS 51
#define HOUR 3600

/* 2026-11-25 00:00 CET */
#define NOV_25 G_GINT64_CONSTANT (1795561200)

static gint64 fake_now;

static gint64
test_now (gpointer user_data)
{
  return fake_now;
}




static void
add_reminder (MdDiary    *diary,
              const char *kind,
              const char *schedule)
{
  g_autoptr(MdReminder) reminder = md_reminder_new ();
  g_autoptr(GError) error = NULL;

  reminder->kind = g_strdup (kind);
  reminder->title = g_strdup (kind);
  reminder->schedule = g_strdup (schedule);
  reminder->enabled = TRUE;
  if (!md_diary_save_reminder (diary, reminder, &error))
    g_error ("%s", error->message);
}

static MdDiary *
new_diary (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  MdDiary *diary = md_diary_open (path, &error);

  g_assert_no_error (error);
  md_diary_set_now_func (diary, test_now, NULL);
  return diary;
}

static guint n_fired;

static void
reminder_due_cb (MdReminderService *service,
                 MdReminder        *reminder,
                 gint64             due,
                 gboolean           late)
{
  n_fired++;
}

typedef struct
{
  double rss_mib;
  guint  n_threads;
  guint  n_rendering;
} ProcessFigures;

/* Mesa's threads: llvmpipe's rasterisers, the shader cache, a driver's. */
static gboolean
is_rendering_thread (const char *name)
{
  return g_str_has_prefix (name, "llvmpipe") || strstr (name, ":disk$") != NULL ||
         strstr (name, ":gdrv") != NULL || strstr (name, ":gl") != NULL;
}

static gboolean
read_process (GPid            pid,
              ProcessFigures *figures)
{
  g_autofree char *status_path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *task_path = g_strdup_printf ("/proc/%d/task", pid);
  g_autofree char *status = NULL;
  g_autoptr(GDir) tasks = NULL;
  const char *rss;
  const char *task;

  if (!g_file_get_contents (status_path, &status, NULL, NULL) ||
      (rss = strstr (status, "\nVmRSS:")) == NULL ||
      (tasks = g_dir_open (task_path, 0, NULL)) == NULL)
    return FALSE;

  figures->rss_mib = g_ascii_strtod (rss + strlen ("\nVmRSS:"), NULL) / 1024.0;
  figures->n_threads = 0;
  figures->n_rendering = 0;
  while ((task = g_dir_read_name (tasks)) != NULL)
    {
      g_autofree char *comm_path = g_strdup_printf ("%s/%s/comm", task_path, task);
      g_autofree char *name = NULL;

      figures->n_threads++;
      if (g_file_get_contents (comm_path, &name, NULL, NULL) && is_rendering_thread (g_strstrip (name)))
        figures->n_rendering++;
    }

  return TRUE;
}

/* The real app with --background, on a diary with one check-in, after it
 * has settled. */
static gboolean
measure_idle_service (const char     *dir,
                      ProcessFigures *figures)
{
  const char *executable = g_getenv ("MD_EXECUTABLE");
  g_autofree char *path = g_build_filename (dir, "background.db", NULL);
  g_autoptr(MdDiary) diary = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { executable, "--database", path, "--background", NULL };
  GPid pid;
  gboolean ok;

  if (executable == NULL)
    return FALSE;

  diary = md_diary_open (path, &error);
  g_assert_no_error (error);
  add_reminder (diary, "check-in", "v1;daily;times=21:00");
  g_clear_object (&diary);

  if (!g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error))
    g_error ("%s", error->message);

  g_usleep (3 * G_USEC_PER_SEC);
  ok = read_process (pid, figures);
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);

  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = md_bench_make_dir ("reminders");
  g_autoptr(GArray) arm_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) check_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(MdDiary) many = new_diary (dir, "many.db");
  g_autoptr(MdDiary) day = new_diary (dir, "day.db");
  g_autoptr(MdReminderService) service = NULL;
  ProcessFigures idle;
  guint n_due = 0;
  guint wakeups;

  /* 1,000 reminders of every kind, none due at noon. */
  fake_now = NOV_25 + 12 * HOUR;
  g_assert_true (md_diary_begin (many, NULL));
  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *schedule = NULL;

      if (i % 3 == 0)
        schedule = g_strdup_printf ("v1;daily;times=%02d:%02d,%02d:%02d;days=mon,wed,fri",
                                    13 + i % 10, i % 60, 6 + i % 5, i % 60);
      else if (i % 3 == 1)
        schedule = g_strdup_printf ("v1;every;n=%d;start=2026-01-%02d;times=%02d:%02d",
                                    1 + i % 14, 1 + i % 28, 14 + i % 9, i % 60);
      else
        schedule = g_strdup_printf ("v1;once;at=2027-%02d-%02dT09:30;lead=86400", 1 + i % 12, 1 + i % 28);
      add_reminder (many, i % 3 == 0 ? "medication" : i % 3 == 1 ? "check-in" : "appointment", schedule);
    }
  g_assert_true (md_diary_commit (many, NULL));

  service = md_reminder_service_new (many);
  md_reminder_service_set_clock (service, test_now, NULL);
  md_reminder_service_set_time_zone (service, zone);
  md_reminder_service_start (service);

  for (int r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      /* What a saved reminder does: the service re-arms. */
      g_signal_emit_by_name (many, "reminders-changed");
      ms = md_bench_elapsed_ms (start);
      g_array_append_val (arm_ms, ms);
      g_assert_true (md_reminder_service_is_armed (service));

      start = g_get_monotonic_time ();
      md_reminder_service_check (service);
      ms = md_bench_elapsed_ms (start);
      g_array_append_val (check_ms, ms);
    }
  g_clear_object (&service);

  /* A simulated day with five reminders: the clock jumps to each
   * deadline the timer was armed for, and the real GSource dispatches. */
  add_reminder (day, "medication", "v1;daily;times=08:00,20:00");
  add_reminder (day, "check-in", "v1;daily;times=21:00");
  add_reminder (day, "medication", "v1;every;n=3;start=2026-11-22;times=12:30");
  add_reminder (day, "appointment", "v1;once;at=2026-11-25T17:00;lead=7200");
  add_reminder (day, "appointment", "v1;once;at=2026-12-24T09:00;lead=86400");
  n_due = 5; /* 08:00, 12:30, 15:00, 20:00, 21:00 */

  fake_now = NOV_25;
  service = md_reminder_service_new (day);
  md_reminder_service_set_clock (service, test_now, NULL);
  md_reminder_service_set_time_zone (service, zone);
  g_signal_connect (service, "reminder-due", G_CALLBACK (reminder_due_cb), NULL);
  md_reminder_service_start (service);

  while (md_reminder_service_get_next_due (service) < NOV_25 + 24 * HOUR)
    {
      wakeups = md_reminder_service_get_n_wakeups (service);
      fake_now = md_reminder_service_get_next_due (service);
      md_reminder_service_expire_timer (service);
      while (md_reminder_service_get_n_wakeups (service) == wakeups)
        g_main_context_iteration (NULL, TRUE);
    }
  wakeups = md_reminder_service_get_n_wakeups (service);

  printf ("%-44s %12s %12s %10s\n", "reminder service", "median", "p90", "budget");
  printf ("%-44s %9.3f ms %9.3f ms %7s ms\n", "arm the timer, 1,000 reminders",
          md_bench_percentile (arm_ms, 0.5), md_bench_percentile (arm_ms, 0.9), "5");
  printf ("%-44s %9.3f ms %9.3f ms %10s\n", "wake-up check, 1,000 reminders",
          md_bench_percentile (check_ms, 0.5), md_bench_percentile (check_ms, 0.9), "-");
  printf ("%-44s %12u %12s %10u\n", "timer wake-ups over a day (5 due)", wakeups, "", n_due);
  printf ("%-44s %12u %12s %10u\n", "reminders told over that day", n_fired, "", n_due);

  if (!measure_idle_service (dir, &idle))
    g_error ("The idle background service could not be measured (is MD_EXECUTABLE set?)");
  printf ("%-44s %9.1f MiB %12s %6s MiB\n", "idle --background service, resident memory", idle.rss_mib, "", "40");
  printf ("%-44s %12u %12s %10s\n", "idle --background service, threads", idle.n_threads, "", "-");
  printf ("%-44s %12u %12s %10u\n", "idle --background service, rendering threads", idle.n_rendering, "", 0);

  g_clear_object (&service);
  g_clear_object (&many);
  g_clear_object (&day);

  /* Polling would show as more wake-ups than reminders due; a service
   * without a window has no business with a renderer. */
  return wakeups == n_due && n_fired == n_due && idle.n_rendering == 0 && idle.rss_mib <= 40 ? 0 : 1;
}

/* bench-first-frame.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the start-up probes: when the first window has drawn its
 * first frame, print the peak resident memory and leave at once, so the
 * parent's clock measures start-up to first frame and nothing more.
 */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "bench-first-frame.h"

static long
read_vm_hwm_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return -1;

  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  printf ("vm-hwm-kib=%ld\n", read_vm_hwm_kib ());
  fflush (stdout);
  _exit (0);
}

static void
window_realize_cb (GtkWidget *widget,
                   gpointer   user_data)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), NULL);
}

void
bench_exit_after_first_frame (GtkApplication *app)
{
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
}

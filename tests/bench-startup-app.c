/* bench-startup-app.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real application, started exactly as main.c starts it, leaving
 * after its first frame. Arguments are the application's own
 * (e.g. --database PATH).
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "bench-first-frame.h"
#include "md-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MdApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = md_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  bench_exit_after_first_frame (GTK_APPLICATION (app));

  return g_application_run (G_APPLICATION (app), argc, argv);
}

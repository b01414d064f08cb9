/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "md-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MdApplication) app = NULL;
  /* Uninstalled (meson devenv, screenshots) the translations are in the
   * build folder. */
  const char *localedir = g_getenv ("MD_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname (PACKAGE_NAME);
  /* What a notification server names as the sender, rather than the
   * program's file name. */
  g_set_application_name (_("Migraine Diary"));

  app = md_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

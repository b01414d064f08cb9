/* md-export-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports the report of a diary in the language of the environment
 * (LANGUAGE, LC_ALL) with the catalogues of the build tree (MD_LOCALEDIR):
 * what `migraine-diary --export-report` does, for tests that run it in
 * every language without installing.
 *
 *   md-export-report DIARY.db OUT.pdf [FROM TO]
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "md-report.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("MD_LOCALEDIR");
  MdStatsSettings settings;

  if (argc != 3 && argc != 5)
    {
      g_printerr ("usage: %s DIARY.db OUT.pdf [FROM TO]\n", argv[0]);
      return 2;
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  md_stats_settings_init_default (&settings);
  if (!md_report_export (argv[1], argv[2], argc == 5 ? argv[3] : NULL, argc == 5 ? argv[4] : NULL,
                         &settings, NULL, NULL, &error))
    {
      g_printerr ("md-export-report: %s\n", error->message);
      return 1;
    }

  return 0;
}

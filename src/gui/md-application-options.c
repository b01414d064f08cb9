/* md-application-options.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line: options, and what runs without a window (exports, import, --version).
 */

#define G_LOG_DOMAIN "md-application"

#include "config.h"

#include <glib/gi18n.h>

#include "md-application-private.h"
#include "md-cli.h"
#include "md-diary.h"
#include "md-error.h"
#include "md-paths.h"
#include "md-report.h"

static const GOptionEntry main_entries[] = {
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the diary file PATH instead of the default one"),
    /* Translators: placeholder in --help output */
    N_("PATH") },
  { "export-csv", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the whole diary to FILE as CSV, without opening the window"),
    /* Translators: placeholder in --help output */
    N_("FILE") },
  { "import-csv", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Add the entries of a CSV export in FILE that the diary does not have yet"),
    N_("FILE") },
  { "export-report", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the clinical report for your doctor to FILE as PDF, without opening the window"),
    N_("FILE") },
  { "from", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export-report: the first day of the report (default: the first entry)"),
    /* Translators: placeholder in --help output; keep the letters as they are */
    N_("YYYY-MM-DD") },
  { "to", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export-report: the last day of the report (default: today)"),
    N_("YYYY-MM-DD") },
  { "background", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Run without a window, only to show reminders"), NULL },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  /* The desktop file's actions (md-application-actions.c) */
  { "attack-started", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Log an attack starting now, asking only the pain"), NULL },
  { "no-headache-today", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Record today as headache-free"), NULL },
  { NULL }
};

static GOptionContext *
create_option_context (gpointer *storage)
{
  GOptionContext *context;
  GOptionEntry *entries;
  guint n_entries = G_N_ELEMENTS (main_entries);

  /* Translators: shown after "Usage: migraine-diary [OPTION…]" in --help */
  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Keep a diary of migraine attacks and treatments. "
                                  "Without options, opens the diary window."));
  g_option_context_set_help_enabled (context, TRUE);

  entries = g_new0 (GOptionEntry, n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      entries[i] = main_entries[i];
      if (entries[i].long_name != NULL)
        entries[i].arg_data = &storage[i];
    }

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_free (entries);

  return context;
}

static void
free_option_storage (gpointer *storage)
{
  for (guint i = 0; i < G_N_ELEMENTS (main_entries); i++)
    {
      switch (main_entries[i].arg)
        {
        case G_OPTION_ARG_STRING:
        case G_OPTION_ARG_FILENAME:
          g_free (storage[i]);
          break;

        case G_OPTION_ARG_STRING_ARRAY:
        case G_OPTION_ARG_FILENAME_ARRAY:
          g_strfreev (storage[i]);
          break;

        case G_OPTION_ARG_NONE:
        case G_OPTION_ARG_INT:
        case G_OPTION_ARG_CALLBACK:
        case G_OPTION_ARG_DOUBLE:
        case G_OPTION_ARG_INT64:
        default:
          break;
        }
    }
}

/* GApplication reports an unknown option with exit status 1, the same as
 * any other failure. Scripts need to tell a mistyped command line apart,
 * so parse a copy first and answer a usage error with status 2. The help
 * text is printed from here too, so it has our translated summary. */
gboolean
md_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) copy = g_strdupv (*arguments);
  gpointer storage[G_N_ELEMENTS (main_entries)] = { NULL, };
  gboolean ok;

  context = create_option_context (storage);
  ok = g_option_context_parse_strv (context, &copy, &error);
  free_option_storage (storage);

  if (!ok)
    {
      /* Translators: %s is the reason, as GLib words it; the second line
       * names the command that shows the options */
      g_printerr (_("migraine-diary: %s\nRun “migraine-diary --help” to see the options.\n"),
                  error->message);
      *exit_status = EXIT_USAGE;
      return TRUE;
    }

  if (copy != NULL && copy[0] != NULL && copy[1] != NULL)
    {
      g_printerr (_("migraine-diary: unexpected argument “%s”.\n"
                    "Run “migraine-diary --help” to see the options.\n"),
                  copy[1]);
      *exit_status = EXIT_USAGE;
      return TRUE;
    }

  return G_APPLICATION_CLASS (g_type_class_peek (ADW_TYPE_APPLICATION))->local_command_line (application,
                                                                                 arguments,
                                                                                 exit_status);
}

int
md_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  MdApplication *self = MD_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *file = NULL;

  /* What opening the diary notices goes to standard error, until the
   * start-up of a window or of --background takes over. */
  md_application_print_notices ();

  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_autofree char *absolute = g_canonicalize_filename (database, NULL);

      if (!md_paths_ensure_parent_directory (absolute, &error))
        {
          g_printerr ("migraine-diary: %s\n", error->message);
          return EXIT_FAILURE;
        }

      md_application_set_database_path (self, absolute);

      /* Another diary is another instance: a window on the default diary
       * must not be handed a second file it did not open. */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  if (g_variant_dict_lookup (options, "export-report", "^ay", &file))
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *patient = g_settings_get_string (settings, "patient-name");
      g_autofree char *notice = NULL;
      MdStatsSettings stats_settings;

      g_variant_dict_lookup (options, "from", "s", &from);
      g_variant_dict_lookup (options, "to", "s", &to);
      md_stats_settings_load (&stats_settings, settings);
      if (!md_report_export (md_application_get_database_path (self), file, from, to,
                             &stats_settings, patient, &notice, &error))
        {
          g_printerr ("migraine-diary: %s\n", error->message);
          return g_error_matches (error, MD_DIARY_ERROR, MD_DIARY_ERROR_INVALID) ? 2 : EXIT_FAILURE;
        }

      if (notice != NULL)
        g_print ("%s\n", notice);
      /* Translators: %s is a file */
      g_print (_("The report was written to “%s”.\n"), file);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "from") || g_variant_dict_contains (options, "to"))
    {
      g_printerr ("migraine-diary: %s\n", _("--from and --to go with --export-report."));
      return 2;
    }

  if (g_variant_dict_lookup (options, "export-csv", "^ay", &file))
    {
      if (!md_cli_export_csv (md_application_get_database_path (self), file, &error))
        {
          g_printerr ("migraine-diary: %s\n", error->message);
          return EXIT_FAILURE;
        }

      /* Translators: %s is a file */
      g_print (_("The diary was exported to “%s”.\n"), file);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "import-csv", "^ay", &file))
    {
      MdDiaryCsvSummary summary = { 0, };
      g_autofree char *added = NULL;
      g_autofree char *days = NULL;

      if (!md_cli_import_csv (md_application_get_database_path (self), file, &summary, &error))
        {
          g_printerr ("migraine-diary: %s\n", error->message);
          return EXIT_FAILURE;
        }

      added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Imported %u new entry from “%s”",
                                            "Imported %u new entries from “%s”",
                                            summary.added),
                               summary.added, file);
      /* Translators: the first %s is "Imported N new entries from FILE" */
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%s; %u entry was already in the diary.\n",
                            "%s; %u entries were already in the diary.\n",
                            summary.skipped),
               added, summary.skipped);
      if (summary.follow_ups > 0)
        /* Translators: after an import, for acute doses taken less than
         * two hours ago; %u is how many */
        g_print (g_dngettext (GETTEXT_PACKAGE,
                              "“How is your pain now?” will be asked 2 hours after %u imported dose.\n",
                              "“How is your pain now?” will be asked 2 hours after each of %u imported doses.\n",
                              summary.follow_ups),
                 summary.follow_ups);
      days = md_diary_csv_summary_describe_days (&summary);
      if (days != NULL)
        g_print ("%s\n", days);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  /* Desktop-file actions: a running instance does them; otherwise this
   * one does, without opening the diary's window. */
  if (g_variant_dict_contains (options, "attack-started") ||
      g_variant_dict_contains (options, "no-headache-today"))
    {
      const char *action = g_variant_dict_contains (options, "attack-started")
                           ? "quick-attack-started" : "quick-no-headache-today";

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("migraine-diary: %s\n", error->message);
          return EXIT_FAILURE;
        }

      if (g_application_get_is_remote (application))
        {
          g_action_group_activate_action (G_ACTION_GROUP (application), action, NULL);
          return EXIT_SUCCESS;
        }

      self->quick_action = g_strdup (action);
    }

  if (g_variant_dict_contains (options, "background"))
    {
      /* Set first: registering runs the start-up, which then opens no
       * display. */
      self->background = TRUE;
      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("migraine-diary: %s\n", error->message);
          return EXIT_FAILURE;
        }

      /* The running app already shows the reminders. */
      if (g_application_get_is_remote (application))
        return EXIT_SUCCESS;
    }

  return -1;
}

void
md_application_add_options (MdApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
}

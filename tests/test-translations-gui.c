/* test-translations-gui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window in a real locale, with the catalogues built in the build
 * tree. Run once per language: `test-translations-gui de|ar|ja`.
 * German: the title, a view name, a chart heading and a chart's
 * description are German, numbers use a decimal comma. Arabic: the
 * window is laid out right to left. Japanese: labels in Japanese.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "md-chart.h"
#include "md-charts-page.h"
#include "md-test-gui.h"
#include "md-test-utils.h"
#include "md-window.h"

static const char *language;

static gboolean
charts_loaded (gpointer user_data)
{
  return md_charts_page_get_stats (user_data) != NULL;
}

static void
test_window_in_language (void)
{
  g_autofree char *db = md_test_temp_path ("diary.db");
  g_autoptr(MdApplication) app = NULL;
  MdWindow *window;
  MdChartsPage *page;
  const char *title = _("Migraine Diary");
  const char *heading = _("Attack Frequency");

  if (g_str_has_prefix (setlocale (LC_ALL, NULL), "C"))
    {
      g_test_skip ("the locale is not installed (build-aux/test generates it)");
      return;
    }

  /* The catalogue is there and translates */
  g_assert_cmpstr (title, !=, "Migraine Diary");
  g_assert_cmpstr (heading, !=, "Attack Frequency");

  {
    g_autoptr(MdDiary) diary = md_diary_open (db, NULL);
    g_autoptr(MdAttack) attack = md_attack_new ();
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) start = g_date_time_add_days (now, -2);

    attack->start = g_date_time_to_unix (start);
    attack->start_offset = g_date_time_get_utc_offset (start) / G_TIME_SPAN_SECOND;
    attack->end = attack->start + 5 * 3600;
    attack->end_offset = attack->start_offset;
    attack->peak_pain = 2;
    g_assert_true (md_diary_save_attack (diary, attack, NULL));
  }

  app = md_test_gui_app_with_diary (db);
  window = MD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts"));
  page = MD_CHARTS_PAGE (md_window_get_charts_page (window));
  g_assert_true (md_test_wait_for (charts_loaded, page, 5000));
  g_assert_true (md_test_gui_find_widget (GTK_WIDGET (page), md_test_gui_label_is, heading) != NULL);

  {
    GtkWidget *chart = md_charts_page_get_chart (page, MD_CHART_KIND_FREQUENCY);
    g_autofree char *description = md_chart_view_describe (MD_CHART_VIEW (chart));
    const char *sentence = _("Attack frequency per 28 days from %s to %s.");
    g_autofree char *prefix = g_strndup (sentence, strcspn (sentence, "%"));

    g_assert_cmpstr (sentence, !=, "Attack frequency per 28 days from %s to %s.");
    if (*prefix != '\0')
      g_assert_nonnull (strstr (description, prefix));
  }

  if (g_str_equal (language, "ar"))
    {
      /* GTK has no Arabic catalogue here: the app sets the direction */
      g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);
      g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);
    }
  else
    g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_LTR);

  if (g_str_equal (language, "de"))
    {
      g_autofree char *number = md_chart_format_number (7.5, 1);

      g_assert_cmpstr (number, ==, "7,5");
    }

  md_test_gui_close_all (app);
}

int
main (int   argc,
      char *argv[])
{
  static const char *locales[][2] = {
    { "de", "de_DE.UTF-8" }, { "ar", "ar_EG.UTF-8" }, { "ja", "ja_JP.UTF-8" },
  };
  const char *locale = NULL;

  /* The language is the first argument, before GTest sees the rest. */
  if (argc > 1 && argv[1][0] != '-')
    {
      language = argv[1];
      memmove (&argv[1], &argv[2], sizeof (char *) * (argc - 1));
      argc--;
    }
  for (guint i = 0; language != NULL && i < G_N_ELEMENTS (locales); i++)
    if (g_str_equal (language, locales[i][0]))
      locale = locales[i][1];
  if (locale == NULL)
    {
      g_printerr ("usage: test-translations-gui de|ar|ja [GTEST-OPTIONS]\n");
      return 2;
    }

  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("LC_ALL", locale, TRUE);
  md_test_init_gui (&argc, &argv);

  g_test_add_func ("/md/translations/window", test_window_in_language);

  return g_test_run ();
}

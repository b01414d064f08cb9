/* test-timeline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "md-timeline.h"
#include "md-test-utils.h"

#define HOUR 3600

/* 2026-02-27 21:30 local (UTC+1), 2026-03-02 08:00, 2026-03-05 23:30. */
static const gint64 starts[] = { 1772224200, 1772434800, 1772749800 };

static void
fill (MdDiary *diary)
{
  const char *dates[] = { "2026-03-01", "2026-03-05" };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      g_autoptr(MdAttack) attack = md_attack_new ();

      attack->start = starts[i];
      attack->start_offset = HOUR;
      attack->end = starts[i] + 5 * HOUR;
      attack->end_offset = HOUR;
      attack->peak_pain = 2;
      if (i == 1)
        attack->notes = g_strdup ("after the long flight");
      g_assert_true (md_diary_save_attack (diary, attack, NULL));

      if (i == 2)
        {
          g_autoptr(MdDose) dose = md_dose_new ();

          dose->medication_uuid = g_strdup ("preset-rizatriptan-10mg");
          dose->attack_uuid = g_strdup (attack->uuid);
          dose->taken = starts[i] + HOUR;
          dose->amount = 10;
          dose->unit = g_strdup ("mg");
          dose->route = g_strdup ("oral");
          dose->setting = g_strdup ("home");
          g_assert_true (md_diary_save_dose (diary, dose, NULL));
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(MdDay) day = md_day_new ();

      day->date = g_strdup (dates[i]);
      day->status = i == 0 ? g_strdup ("headache-free") : NULL;
      day->menstruation = i == 1;
      g_assert_true (md_diary_save_day (diary, day, NULL));
    }
}

static char *
describe (GListModel *model)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (MD_IS_TIMELINE_HEADER (item))
        g_string_append_printf (text, "[%s]", md_timeline_header_get_month (MD_TIMELINE_HEADER (item)));
      else if (MD_IS_DAY (item))
        g_string_append_printf (text, "day %s;", MD_DAY (item)->date);
      else if (MD_IS_DOSE (item))
        g_string_append_printf (text, "dose %s;", MD_DOSE (item)->medication_uuid);
      else
        g_string_append_printf (text, "attack %" G_GINT64_FORMAT ";", MD_ATTACK (item)->start);
    }

  return g_string_free (text, FALSE);
}

static void
test_months_days_and_attacks_newest_first (void)
{
  g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
  g_autoptr(MdTimeline) timeline = NULL;
  g_autofree char *text = NULL;

  fill (diary);
  timeline = md_timeline_new (diary);
  text = describe (G_LIST_MODEL (timeline));

  /* The day stands above the attacks of its date; a month header starts
   * each month. */
  g_assert_cmpstr (text, ==,
                   "[2026-03]day 2026-03-05;attack 1772749800;attack 1772434800;day 2026-03-01;"
                   "[2026-02]attack 1772224200;");
}

static void
test_changes_are_announced_in_place (void)
{
  g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
  g_autoptr(MdTimeline) timeline = NULL;
  g_autoptr(MdAttack) newest = md_attack_new ();
  g_autoptr(MdAttack) first = NULL;
  MdTestItemsChanged changed = { 0, };

  fill (diary);
  timeline = md_timeline_new (diary);
  g_signal_connect (timeline, "items-changed", G_CALLBACK (md_test_items_changed_cb), &changed);

  /* 2026-03-06: a new row right under the March header. */
  newest->start = 1772780400;
  newest->start_offset = HOUR;
  newest->peak_pain = 3;
  g_assert_true (md_diary_save_attack (diary, newest, NULL));
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1);

  /* An edit in place: that row only. */
  first = md_attack_copy (newest);
  first->peak_pain = 1;
  g_assert_true (md_diary_save_attack (diary, first, NULL));
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);
}

static void
test_search_and_go_to_date (void)
{
  g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
  g_autoptr(MdTimeline) timeline = NULL;
  g_autofree char *flight = NULL;
  g_autofree char *rizatriptan = NULL;
  g_autofree char *symptom = NULL;

  fill (diary);
  timeline = md_timeline_new (diary);

  g_assert_cmpuint (md_timeline_find_date (timeline, "2026-03-03"), ==, 3);
  g_assert_cmpuint (md_timeline_find_date (timeline, "2026-02-28"), ==, 5);

  md_timeline_set_search (timeline, "FLIGHT");
  flight = describe (G_LIST_MODEL (timeline));
  g_assert_cmpstr (flight, ==, "[2026-03]attack 1772434800;");

  md_timeline_set_search (timeline, "Rizatriptan");
  rizatriptan = describe (G_LIST_MODEL (timeline));
  g_assert_cmpstr (rizatriptan, ==, "[2026-03]attack 1772749800;");

  md_timeline_set_search (timeline, "no such thing");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 0);

  md_timeline_set_search (timeline, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 7);
}

/* "%" and "_" typed in the search box are characters, not wildcards. */
static void
test_search_escapes_wildcards (void)
{
  g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
  g_autoptr(MdTimeline) timeline = NULL;
  const char *notes[] = { "dose cut by 50% today", "took a_b", "50 mg; ab" };

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autoptr(MdAttack) attack = md_attack_new ();

      attack->start = starts[i];
      attack->start_offset = HOUR;
      attack->peak_pain = 2;
      attack->notes = g_strdup (notes[i]);
      g_assert_true (md_diary_save_attack (diary, attack, NULL));
    }
  timeline = md_timeline_new (diary);

  md_timeline_set_search (timeline, "50%");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 2); /* month + 1 attack */
  md_timeline_set_search (timeline, "a_b");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 2);
  md_timeline_set_search (timeline, "%");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 2);
  md_timeline_set_search (timeline, "\\");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 0);
}

static void
test_doses_on_their_own (void)
{
  g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
  g_autoptr(MdTimeline) timeline = NULL;
  g_autoptr(MdDose) dose = md_dose_new ();
  g_autofree char *text = NULL;
  g_autofree char *found = NULL;

  fill (diary);
  timeline = md_timeline_new (diary);

  /* A daily magnesium tablet on 2026-03-03 08:00, tied to no attack. */
  dose->medication_uuid = g_strdup ("preset-magnesium-oral-400mg");
  dose->taken = 1772521200;
  dose->taken_offset = HOUR;
  dose->amount = 400;
  dose->unit = g_strdup ("mg");
  dose->route = g_strdup ("oral");
  dose->setting = g_strdup ("home");
  g_assert_true (md_diary_save_dose (diary, dose, NULL));

  text = describe (G_LIST_MODEL (timeline));
  g_assert_cmpstr (text, ==,
                   "[2026-03]day 2026-03-05;attack 1772749800;dose preset-magnesium-oral-400mg;"
                   "attack 1772434800;day 2026-03-01;[2026-02]attack 1772224200;");

  md_timeline_set_search (timeline, "magnesium");
  found = describe (G_LIST_MODEL (timeline));
  g_assert_cmpstr (found, ==, "[2026-03]dose preset-magnesium-oral-400mg;");
}

static gboolean
done_loading (gpointer user_data)
{
  return !md_timeline_is_loading (user_data);
}

/* A large diary is read in a thread: the model starts empty, then fills
 * with one change; a search meanwhile wins over the background read. */
static void
test_background_read (void)
{
  g_autoptr(MdDiary) diary = md_test_new_diary (NULL);
  g_autoptr(MdTimeline) timeline = NULL;
  g_autoptr(MdTimeline) searched = NULL;
  g_autoptr(MdTimeline) direct = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  MdTestItemsChanged changed = { 0 };

  fill (diary);
  direct = md_timeline_new (diary);
  expected = describe (G_LIST_MODEL (direct));

  timeline = md_timeline_new_in_background (diary, 0);
  g_assert_true (md_timeline_is_loading (timeline));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 0);
  g_signal_connect (timeline, "items-changed", G_CALLBACK (md_test_items_changed_cb), &changed);
  g_assert_true (md_test_wait_for (done_loading, timeline, 5000));
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.added, ==, g_list_model_get_n_items (G_LIST_MODEL (direct)));
  text = describe (G_LIST_MODEL (timeline));
  g_assert_cmpstr (text, ==, expected);

  /* Under the threshold it is read at once */
  g_clear_object (&timeline);
  timeline = md_timeline_new_in_background (diary, 1000);
  g_assert_false (md_timeline_is_loading (timeline));

  searched = md_timeline_new_in_background (diary, 0);
  md_timeline_set_search (searched, "flight");
  g_assert_false (md_timeline_is_loading (searched));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (searched)), ==, 2);
  md_test_iterate (200);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (searched)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  md_test_init (&argc, &argv);

  g_test_add_func ("/md/timeline/order", test_months_days_and_attacks_newest_first);
  g_test_add_func ("/md/timeline/changes", test_changes_are_announced_in_place);
  g_test_add_func ("/md/timeline/search", test_search_and_go_to_date);
  g_test_add_func ("/md/timeline/search-escapes-wildcards", test_search_escapes_wildcards);
  g_test_add_func ("/md/timeline/doses", test_doses_on_their_own);
  g_test_add_func ("/md/timeline/background-read", test_background_read);

  return g_test_run ();
}

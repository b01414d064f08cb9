/* test-notification-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each button of a reminder notification does, activated as the
 * notification server would (the app's own actions): Taken records the
 * dose, Snooze moves the reminder 10 minutes on (and keeps it there
 * across a restart), Log… and a follow-up open the right place.
 */

#include "config.h"

#include "md-pain-dialog.h"
#include "md-test-gui.h"
#include "md-test-utils.h"
#include "md-window.h"

typedef struct
{
  MdApplication *app;
  MdDiary       *diary;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->app = md_test_gui_app_with_diary (NULL);
  f->diary = md_application_get_diary (f->app);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  md_test_gui_close_all (f->app);
  g_clear_object (&f->app);
}

static MdReminder *
save_reminder (Fixture    *f,
               const char *kind,
               const char *medication_uuid,
               const char *dose_uuid)
{
  MdReminder *reminder = md_reminder_new ();
  g_autoptr(GError) error = NULL;

  reminder->kind = g_strdup (kind);
  reminder->title = g_strdup ("Magnesium");
  reminder->schedule = g_strdup ("v1;daily;times=08:00,20:00;days=mon,tue,wed,thu,fri,sat,sun");
  reminder->medication_uuid = g_strdup (medication_uuid);
  reminder->dose_uuid = g_strdup (dose_uuid);
  reminder->enabled = TRUE;
  g_assert_true (md_diary_save_reminder (f->diary, reminder, &error));
  g_assert_no_error (error);

  return reminder;
}

static gboolean
reminder_has_uuid (gconstpointer reminder,
                   gconstpointer uuid)
{
  return g_str_equal (((const MdReminder *) reminder)->uuid, uuid);
}

static MdReminder *
reload_reminder (Fixture    *f,
                 const char *uuid)
{
  g_autoptr(GPtrArray) all = md_diary_list_reminders (f->diary);
  guint i;

  if (!g_ptr_array_find_with_equal_func (all, uuid, reminder_has_uuid, &i))
    return NULL;

  return g_object_ref (g_ptr_array_index (all, i));
}

static void
test_taken_records_the_dose (Fixture       *f,
                             gconstpointer  data)
{
  GListModel *medications = md_diary_get_medications (f->diary);
  g_autoptr(MdMedication) oral = NULL;
  g_autoptr(MdReminder) reminder = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  gint64 before = md_diary_count (f->diary, "doses");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  MdDose *dose;

  for (guint i = 0; i < g_list_model_get_n_items (medications) && oral == NULL; i++)
    {
      g_autoptr(MdMedication) m = g_list_model_get_item (medications, i);

      if (g_strcmp0 (m->med_class, "magnesium-oral") == 0)
        oral = g_steal_pointer (&m);
    }
  g_assert_nonnull (oral);
  if (oral == NULL)
    return;

  reminder = save_reminder (f, "medication", oral->uuid, NULL);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "reminder-taken", g_variant_new_string (reminder->uuid));
  md_test_iterate (50);

  g_assert_cmpint (md_diary_count (f->diary, "doses"), ==, before + 1);
  doses = md_diary_list_doses (f->diary, now - 60, now + 60);
  g_assert_cmpuint (doses->len, ==, 1);
  dose = g_ptr_array_index (doses, 0);
  if (dose == NULL)
    return;
  g_assert_cmpstr (dose->medication_uuid, ==, oral->uuid);
  g_assert_cmpfloat (dose->amount, ==, oral->default_amount);
  g_assert_cmpstr (dose->unit, ==, oral->unit);
  /* No window was needed for it: the toplevels are what they were */
  g_assert_null (md_test_gui_find_toplevel (MD_TYPE_PAIN_DIALOG));
}

/* "No headache today" of a check-in answered the next morning records the
 * day the notification asked about (its target), not today. */
static void
test_headache_free_records_the_day_asked (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(MdReminder) reminder = save_reminder (f, "check-in", NULL, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *today_date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *yesterday_date = g_date_time_format (yesterday, "%Y-%m-%d");
  g_autoptr(MdDay) day = NULL;
  g_autoptr(MdDay) today = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "reminder-headache-free",
                                  g_variant_new ("(ss)", reminder->uuid, yesterday_date));
  md_test_iterate (50);
  day = md_diary_get_day (f->diary, yesterday_date);
  g_assert_nonnull (day);
  g_assert_cmpstr (day->status, ==, "headache-free");
  today = md_diary_get_day (f->diary, today_date);
  g_assert_null (today);
}

static void
test_snooze_moves_it_ten_minutes (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(MdReminder) reminder = save_reminder (f, "check-in", NULL, NULL);
  g_autoptr(MdReminder) saved = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "snooze-reminder", g_variant_new_string (reminder->uuid));
  md_test_iterate (50);

  /* Persisted, so a restart keeps it */
  saved = reload_reminder (f, reminder->uuid);
  g_assert_nonnull (saved);
  if (saved == NULL)
    return;
  g_assert_cmpint (saved->snoozed_until, >=, now + 600 - 2);
  g_assert_cmpint (saved->snoozed_until, <=, now + 600 + 5);
}

static void
test_log_and_follow_up_open_the_window (Fixture       *f,
                                        gconstpointer  data)
{
  GtkWindow *window = md_test_gui_find_toplevel (MD_TYPE_WINDOW);
  g_autoptr(MdReminder) check_in = save_reminder (f, "check-in", NULL, NULL);
  g_autoptr(MdAttack) attack = md_attack_new ();
  g_autoptr(MdDose) dose = md_dose_new ();
  g_autoptr(MdReminder) follow_up = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts"));
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "reminder-log", g_variant_new_string (check_in->uuid));
  md_test_iterate (50);
  g_assert_cmpstr (md_window_get_view_name (MD_WINDOW (window)), ==, "diary");

  attack->start = now - 3 * 3600;
  attack->peak_pain = 2;
  g_assert_true (md_diary_save_attack (f->diary, attack, &error));
  dose->medication_uuid = g_strdup ("preset-sumatriptan-50mg");
  dose->attack_uuid = g_strdup (attack->uuid);
  dose->taken = now - 2 * 3600;
  dose->amount = 50;
  dose->unit = g_strdup ("mg");
  dose->route = g_strdup ("oral");
  dose->setting = g_strdup ("home");
  g_assert_true (md_diary_save_dose (f->diary, dose, &error));
  g_assert_no_error (error);

  follow_up = save_reminder (f, "follow-up", NULL, dose->uuid);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-reminder", g_variant_new_string (follow_up->uuid));
  /* "How is your pain now?" opens the pain reading for the attack */
  g_assert_true (md_test_gui_wait_toplevel (MD_TYPE_PAIN_DIALOG, TRUE));
}

int
main (int   argc,
      char *argv[])
{
  md_test_init_gui (&argc, &argv);

  g_test_add ("/md/notification-actions/taken", Fixture, NULL, fixture_set_up,
              test_taken_records_the_dose, fixture_tear_down);
  g_test_add ("/md/notification-actions/headache-free-day", Fixture, NULL, fixture_set_up,
              test_headache_free_records_the_day_asked, fixture_tear_down);
  g_test_add ("/md/notification-actions/snooze", Fixture, NULL, fixture_set_up,
              test_snooze_moves_it_ten_minutes, fixture_tear_down);
  g_test_add ("/md/notification-actions/log-and-follow-up", Fixture, NULL, fixture_set_up,
              test_log_and_follow_up_open_the_window, fixture_tear_down);

  return g_test_run ();
}

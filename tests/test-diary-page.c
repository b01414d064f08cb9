/* test-diary-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Logging while in pain: one action to start an attack, the pain asked
 * and nothing else, ending it from its row, a headache-free day, and a
 * delete that Undo takes back with the same UUID.
 */

#include "config.h"

#include "md-attack-editor.h"
#include "md-database-private.h"
#include "md-diary-csv.h"
#include "md-diary-page.h"
#include "md-diary-row.h"
#include "md-dose-editor.h"
#include "md-pain-dialog.h"
#include "md-pain-picker.h"
#include "md-test-gui.h"
#include "md-test-utils.h"
#include "md-window.h"

typedef struct
{
  MdApplication *app;
  MdWindow      *window;
  MdDiaryPage   *page;
  MdDiary       *diary;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->app = md_test_gui_app_with_diary (NULL);
  fixture->window = MD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  fixture->page = MD_DIARY_PAGE (md_window_get_diary_page (fixture->window));
  fixture->diary = md_application_get_diary (fixture->app);
  g_assert_true (md_diary_page_get_diary (fixture->page) == fixture->diary);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  md_test_gui_close_all (fixture->app);
  g_clear_object (&fixture->app);
}

/* Logs an attack from the page, as "Attack Started" does: the diary's
 * newest attack */
static MdAttack *
log_attack_now (Fixture *fixture,
                int      pain,
                int      nrs)
{
  g_assert_true (md_diary_page_log_attack_now (fixture->page, pain, nrs));

  return g_list_model_get_item (md_diary_get_attacks (fixture->diary), 0);
}

/* The doses of @attack_uuid, which must be one: *@out_dose */
static GPtrArray *
list_the_one_dose (Fixture     *fixture,
                   const char  *attack_uuid,
                   MdDose     **out_dose)
{
  GPtrArray *doses = md_diary_list_doses_for_attack (fixture->diary, attack_uuid);

  g_assert_cmpuint (doses->len, ==, 1);
  *out_dose = g_ptr_array_index (doses, 0);

  return doses;
}

static const char *
visible_page (Fixture *fixture)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                              MD_TYPE_DIARY_PAGE, "stack"));

  return gtk_stack_get_visible_child_name (stack);
}

static void
test_attack_started_in_one_action (Fixture       *fixture,
                                   gconstpointer  data)
{
  MdPainDialog *dialog;
  MdPainPicker *picker;
  g_autoptr(MdAttack) attack = NULL;
  GListModel *attacks = md_diary_get_attacks (fixture->diary);

  g_assert_cmpstr (visible_page (fixture), ==, "empty");

  /* Ctrl+N is the shortcut; the action is what it runs. */
  dialog = MD_PAIN_DIALOG (md_test_gui_open_by_action (fixture->window, "win.attack-started", NULL,
                                                       MD_TYPE_PAIN_DIALOG));

  /* Nothing can be saved before the pain is given. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "pain.save", NULL) == FALSE ||
                 md_test_gui_find_toplevel (MD_TYPE_PAIN_DIALOG) != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (attacks), ==, 0);

  picker = MD_PAIN_PICKER (gtk_widget_get_template_child (GTK_WIDGET (dialog), MD_TYPE_PAIN_DIALOG, "picker"));
  md_pain_picker_set_pain (picker, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "pain.save", NULL));
  g_assert_true (md_test_gui_wait_toplevel (MD_TYPE_PAIN_DIALOG, FALSE));

  g_assert_cmpuint (g_list_model_get_n_items (attacks), ==, 1);
  attack = g_list_model_get_item (attacks, 0);
  g_assert_cmpint (attack->peak_pain, ==, 2);
  g_assert_cmpint (attack->end, ==, 0);
  g_assert_cmpint (ABS (attack->start - g_get_real_time () / G_USEC_PER_SEC), <, 60);
  g_assert_cmpstr (visible_page (fixture), ==, "list");
}

static void
test_cancel_saves_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWindow *dialog;

  dialog = md_test_gui_open_by_action (fixture->window, "win.attack-started", NULL, MD_TYPE_PAIN_DIALOG);

  md_pain_picker_set_pain (md_test_gui_own_child (dialog, "picker"), 3);
  /* Escape runs pain.cancel. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "pain.cancel", NULL));
  g_assert_true (md_test_gui_wait_toplevel (MD_TYPE_PAIN_DIALOG, FALSE));
  g_assert_cmpint (md_diary_count (fixture->diary, "attacks"), ==, 0);
}

static void
test_end_from_row_and_delete_with_undo (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(MdAttack) attack = NULL;
  g_autoptr(MdAttack) ended = NULL;
  g_autoptr(MdAttack) restored = NULL;
  g_autofree char *uuid = NULL;
  AdwToast *toast;

  attack = log_attack_now (fixture, 3, 8);
  uuid = g_strdup (attack->uuid);
  g_assert_cmpint (attack->peak_nrs, ==, 8);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "diary.end-attack", "s", uuid));
  ended = md_diary_get_attack (fixture->diary, uuid);
  g_assert_cmpint (ended->end, >=, ended->start);
  g_assert_cmpint (ended->end, !=, 0);

  toast = md_diary_page_delete_attack (fixture->page, uuid);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_assert_cmpint (md_diary_count (fixture->diary, "attacks"), ==, 0);
  g_assert_cmpstr (visible_page (fixture), ==, "empty");

  g_signal_emit_by_name (toast, "button-clicked");
  restored = md_diary_get_attack (fixture->diary, uuid);
  g_assert_nonnull (restored);
  g_assert_cmpint (restored->peak_pain, ==, 3);
  g_assert_cmpstr (visible_page (fixture), ==, "list");
}

static void
test_no_headache_today (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(MdDay) day = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.no-headache-today", NULL));
  day = md_diary_get_day (fixture->diary, today);
  g_assert_nonnull (day);
  g_assert_cmpstr (day->status, ==, "headache-free");

  /* A day with an attack is not headache-free. */
  g_assert_true (md_diary_page_log_attack_now (fixture->page, 1, -1));
  g_assert_false (md_diary_page_record_headache_free_today (fixture->page));
}

static void
test_rows_are_built_only_when_shown (Fixture       *fixture,
                                     gconstpointer  data)
{
  GtkListView *list_view = md_diary_page_get_list_view (fixture->page);
  gint64 start = g_get_real_time () / G_USEC_PER_SEC - 400 * 24 * 3600;
  guint n_rows = 0;

  g_assert_true (md_diary_begin (fixture->diary, NULL));
  for (int i = 0; i < 2000; i++)
    {
      g_autoptr(MdAttack) attack = md_attack_new ();

      attack->start = start + i * 3 * 3600;
      attack->end = attack->start + 3600;
      attack->peak_pain = i % 4;
      g_assert_true (md_diary_save_attack (fixture->diary, attack, NULL));
    }
  g_assert_true (md_diary_commit (fixture->diary, NULL));
  md_test_iterate (200);

  g_assert_cmpuint (g_list_model_get_n_items (md_diary_get_attacks (fixture->diary)), ==, 2000);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_rows++;

  /* A virtualised list: a screenful of rows and GTK's margin of a couple
   * of hundred, never all two thousand. */
  g_assert_cmpuint (n_rows, >, 0);
  g_assert_cmpuint (n_rows, <, 400);

  /* A full diary still fits a 360 px phone, an ongoing attack included. */
  g_assert_true (md_diary_page_log_attack_now (fixture->page, 2, -1));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  md_test_iterate (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 360);
}

/* For md_test_gui_find_widget(): a label the patient can see, showing @text */
static gboolean
visible_label_contains (GtkWidget     *widget,
                        gconstpointer  text)
{
  return gtk_widget_is_visible (widget) && md_test_gui_label_contains (widget, text);
}

static gboolean
label_contains (GtkWidget  *widget,
                const char *text)
{
  return md_test_gui_find_widget (widget, visible_label_contains, text) != NULL;
}

/* What the patient reads in the list. */
static gboolean
list_shows (Fixture    *fixture,
            const char *text)
{
  return label_contains (GTK_WIDGET (md_diary_page_get_list_view (fixture->page)), text);
}

static void
test_took_medication_and_pain_now (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(MdAttack) attack = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GPtrArray) readings = NULL;
  GtkWindow *editor;

  attack = log_attack_now (fixture, 3, -1);

  /* The ongoing attack's "Took Medication" button. */
  editor = md_test_gui_open_by_action (fixture->page, "diary.add-dose", attack->uuid, MD_TYPE_DOSE_EDITOR);
  md_pain_picker_set_pain (md_test_gui_own_child (editor, "pain_picker"), 3);
  /* The first dose of a diary names no medication until the patient does. */
  g_assert_false (md_dose_editor_save (MD_DOSE_EDITOR (editor)));
  md_dose_editor_set_medication (MD_DOSE_EDITOR (editor), "preset-sumatriptan-50mg");
  g_assert_true (md_dose_editor_save (MD_DOSE_EDITOR (editor)));

  doses = md_diary_list_doses_for_attack (fixture->diary, attack->uuid);
  g_assert_cmpuint (doses->len, ==, 1);

  /* The row's "Pain Now": the dialog asks, and the reading is linked
   * to that dose. */
  editor = md_test_gui_open_by_action (fixture->page, "diary.record-pain", attack->uuid, MD_TYPE_PAIN_DIALOG);
  md_pain_picker_set_pain (md_test_gui_own_child (editor, "picker"), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "pain.save", NULL));
  g_assert_true (md_test_gui_wait_toplevel (MD_TYPE_PAIN_DIALOG, FALSE));
  readings = md_diary_list_pain_readings (fixture->diary, attack->uuid);
  g_assert_cmpuint (readings->len, ==, 2);
  g_assert_cmpstr (((MdPainReading *) g_ptr_array_index (readings, 1))->dose_uuid, ==,
                   ((MdDose *) g_ptr_array_index (doses, 0))->uuid);
  g_assert_cmpint (((MdPainReading *) g_ptr_array_index (readings, 1))->pain, ==, 1);

  /* The attack's row shows the dose and the pain when it was taken. */
  md_test_iterate (200);
  /* The name already says the amount: it is not repeated. */
  g_assert_true (list_shows (fixture, "Sumatriptan 50 mg · pain Severe when taken"));
  g_assert_false (list_shows (fixture, "50 mg · 50 mg"));
  g_assert_true (list_shows (fixture, "pain Severe when taken"));
  g_assert_true (list_shows (fixture, "Ongoing"));
  /* …with how it is going: the latest reading. */
  g_assert_true (list_shows (fixture, "Ongoing · pain Mild at "));

  /* Ended: the row says how long it lasted instead. */
  g_assert_true (md_diary_page_end_attack (fixture->page, attack->uuid));
  md_test_iterate (200);
  g_assert_false (list_shows (fixture, "Ongoing"));
}

static void
test_search_and_go_to_date (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                            MD_TYPE_DIARY_PAGE,
                                                                            "search_entry"));
  GtkSelectionModel *model = gtk_list_view_get_model (md_diary_page_get_list_view (fixture->page));
  g_autoptr(MdAttack) attack = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_assert_true (md_diary_page_log_attack_now (fixture->page, 2, -1));
  g_assert_true (md_diary_page_record_headache_free_today (fixture->page) == FALSE);
  attack = g_list_model_get_item (md_diary_get_attacks (fixture->diary), 0);
  g_free (attack->notes);
  attack->notes = g_strdup ("Started at the dentist");
  g_assert_true (md_diary_save_attack (fixture->diary, attack, NULL));

  /* Ctrl+F runs diary.search, which opens the search bar. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "diary.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                                                 MD_TYPE_DIARY_PAGE,
                                                                                                 "search_bar"))));

  /* The list is a month header and the attack. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (entry), "gardening");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  /* No match is not the empty diary: the list stays, with no rows. */
  g_assert_cmpstr (visible_page (fixture), ==, "list");

  gtk_editable_set_text (GTK_EDITABLE (entry), "dentist");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);

  md_diary_page_go_to_date (fixture->page, now);
}

static void
test_log_a_dose_on_its_own (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkSelectionModel *model = gtk_list_view_get_model (md_diary_page_get_list_view (fixture->page));
  GtkWindow *editor;
  g_autoptr(GObject) item = NULL;

  editor = md_test_gui_open_by_action (fixture->window, "win.log-dose", NULL, MD_TYPE_DOSE_EDITOR);

  /* No attack: the pain is not asked. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                                     MD_TYPE_DOSE_EDITOR,
                                                                                     "pain_group"))));
  md_dose_editor_set_medication (MD_DOSE_EDITOR (editor), "preset-magnesium-oral-600mg");
  g_assert_true (md_dose_editor_save (MD_DOSE_EDITOR (editor)));

  /* It is in the diary as an entry of its own. */
  g_assert_cmpstr (visible_page (fixture), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  item = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_true (MD_IS_DOSE (item));
  g_assert_cmpstr (MD_DOSE (item)->medication_uuid, ==, "preset-magnesium-oral-600mg");
  g_assert_cmpfloat (MD_DOSE (item)->amount, ==, 600);
}

/* Saves @dose (a new reference) taken for @purpose, in @attack unless
 * that is %NULL; returns it. */
static MdDose *
save_dose (Fixture    *fixture,
           MdDose     *dose,
           const char *purpose,
           MdAttack   *attack)
{
  g_autoptr(GError) error = NULL;

  dose->purpose = g_strdup (purpose);
  if (attack != NULL)
    dose->attack_uuid = g_strdup (attack->uuid);
  g_assert_true (md_diary_save_dose (fixture->diary, dose, &error));
  g_assert_no_error (error);

  return dose;
}

/* Issue #13: a dose's text says why it was given when it was not for a
 * headache; a dose for the headache says nothing more. */
static void
test_dose_purpose (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(MdAttack) attack = NULL;
  g_autoptr(MdDose) acute = NULL;
  g_autoptr(MdDose) infusion = NULL;
  g_autoptr(MdDose) daily = NULL;

  attack = log_attack_now (fixture, 3, -1);

  acute = save_dose (fixture, md_test_dose_new ("preset-sumatriptan-50mg", 50, "mg", "oral", "home", attack->start), "acute", attack);
  infusion = save_dose (fixture, md_test_dose_new ("preset-magnesium-sulfate-iv-1g", 1, "g", "iv", "clinic", attack->start), "prevention", attack);
  /* On its own, the day before. */
  daily = save_dose (fixture, md_test_dose_new ("preset-magnesium-oral-600mg", 600, "mg", "oral", "home", attack->start - 24 * 3600), "prevention", NULL);
  md_test_iterate (300);

  /* In the attack's row: the amount is in the name, the setting is not
   * home, the purpose is prevention. */
  g_assert_true (list_shows (fixture, "Magnesium sulfate IV 1 g · Clinic · Prevention"));
  /* The acute dose at home with no reading: its name and nothing more. */
  g_assert_true (list_shows (fixture, "Sumatriptan 50 mg"));
  g_assert_false (list_shows (fixture, "Sumatriptan 50 mg · "));
  /* A dose on its own says where, then why. */
  g_assert_true (list_shows (fixture, "Magnesium 600 mg (elemental) · Home · Prevention"));
}

static int
count_statement_cb (unsigned int  type,
                    void         *context,
                    void         *statement,
                    void         *sql)
{
  /* A trigger's statements are reported with a "--" comment; they run
   * inside the statement counted already. */
  if (!g_str_has_prefix (sql, "--"))
    (*(guint *) context)++;

  return 0;
}

/* The statements @item's bind runs. */
static guint
queries_to_bind (Fixture    *fixture,
                 MdDiaryRow *row,
                 GObject    *item)
{
  sqlite3 *db = md_database_get_handle (md_diary_get_database (fixture->diary));
  guint n = 0;

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, count_statement_cb, &n);
  md_diary_row_bind (row, fixture->diary, item);
  sqlite3_trace_v2 (db, 0, NULL, NULL);

  return n;
}

static char *
row_text (MdDiaryRow *row,
          const char *property)
{
  char *text = NULL;

  g_object_get (row, property, &text, NULL);

  return text;
}

/* A row scrolled into view costs one query (counted as SQLite runs it),
 * however many doses, readings and symptoms its attack has; and it says
 * what it said when it read them one by one: the pain when taken and at
 * 2 h are the readings the statistics pick (nearest within 10 and 20
 * minutes). */
static void
test_one_query_per_bind (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(MdDiaryRow) row = g_object_ref_sink (MD_DIARY_ROW (md_diary_row_new ()));
  g_autoptr(MdAttack) attack = md_attack_new ();
  g_autoptr(MdDose) triptan = NULL;
  g_autoptr(MdDose) ibuprofen = NULL;
  g_autoptr(MdDose) alone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *jaw = md_diary_add_custom_symptom (fixture->diary, "Jaw pain", &error);
  g_autofree char *doses = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *expected = NULL;
  gint64 start = g_get_real_time () / G_USEC_PER_SEC / 60 * 60 - 5 * 3600;
  gint64 taken = start + 10 * 60;
  static const struct { int minutes; int pain; } readings[] = {
    { 15, 3 }, { 10 + 120 - 15, 1 }, { 10 + 120 + 10, 0 }, { 60, 2 },
  };

  g_assert_no_error (error);
  attack->start = start;
  attack->end = start + 4 * 3600;
  attack->peak_pain = 3;
  attack->symptoms = g_new0 (char *, 3);
  attack->symptoms[0] = g_strdup ("nausea");
  attack->symptoms[1] = g_strdup (jaw);
  g_assert_true (md_diary_save_attack (fixture->diary, attack, &error));
  g_assert_no_error (error);

  triptan = save_dose (fixture, md_test_dose_new ("preset-sumatriptan-50mg", 50, "mg", "oral", "home", taken), "acute", attack);
  ibuprofen = save_dose (fixture, md_test_dose_new ("preset-ibuprofen-400mg", 400, "mg", "oral", "clinic", start + 60 * 60), "acute", attack);

  /* The triptan (taken 10 minutes in): severe 5 minutes after it; at
   * 2 h, mild 15 minutes early and none 10 minutes late: the nearer,
   * none, counts. The ibuprofen (taken 60 minutes in): moderate when
   * taken; nothing within 20 minutes of its 2 h. */
  for (guint i = 0; i < G_N_ELEMENTS (readings); i++)
    {
      g_autoptr(MdPainReading) reading = md_pain_reading_new ();

      reading->attack_uuid = g_strdup (attack->uuid);
      reading->time = start + readings[i].minutes * 60;
      reading->pain = readings[i].pain;
      g_assert_true (md_diary_save_pain_reading (fixture->diary, reading, &error));
      g_assert_no_error (error);
    }

  g_assert_cmpuint (queries_to_bind (fixture, row, G_OBJECT (attack)), ==, 1);
  doses = row_text (row, "doses");
  g_assert_cmpstr (doses, ==,
                   "Sumatriptan 50 mg · Severe → None at 2 h\n"
                   "Ibuprofen 400 mg · Clinic · pain Moderate when taken");
  /* Symptoms by key, a custom one by its label. */
  detail = row_text (row, "detail");
  expected = g_strcmp0 (jaw, "nausea") < 0 ? g_strdup ("4 h 00 min · Jaw pain · Nausea")
                                           : g_strdup ("4 h 00 min · Nausea · Jaw pain");
  g_assert_cmpstr (detail, ==, expected);

  /* Ongoing: the latest reading, from the same query. */
  attack->end = 0;
  g_assert_true (md_diary_save_attack (fixture->diary, attack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (queries_to_bind (fixture, row, G_OBJECT (attack)), ==, 1);
  g_clear_pointer (&detail, g_free);
  detail = row_text (row, "detail");
  g_assert_true (g_str_has_prefix (detail, "Ongoing · pain None at "));

  /* A dose on its own. */
  alone = save_dose (fixture, md_test_dose_new ("preset-magnesium-oral-600mg", 600, "mg", "oral", "home", start - 24 * 3600), "prevention", NULL);
  g_assert_cmpuint (queries_to_bind (fixture, row, G_OBJECT (alone)), ==, 1);
  g_assert_true (label_contains (GTK_WIDGET (row), "Magnesium 600 mg (elemental) · Home · Prevention"));
}

static guint
count_suggested (GtkWidget *widget)
{
  guint n = gtk_widget_get_mapped (widget) && gtk_widget_has_css_class (widget, "suggested-action");

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_suggested (child);

  return n;
}

/* One suggested (blue) action in the view, even with an ongoing attack
 * showing "Attack Ended" in its row. */
static void
test_one_suggested_action (Fixture       *fixture,
                           gconstpointer  data)
{
  md_test_iterate (200);
  g_assert_cmpuint (count_suggested (GTK_WIDGET (fixture->page)), ==, 1);
  g_assert_true (md_diary_page_log_attack_now (fixture->page, 2, -1));
  md_test_iterate (300);
  g_assert_true (list_shows (fixture, "Ongoing"));
  g_assert_cmpuint (count_suggested (GTK_WIDGET (fixture->page)), ==, 1);
}

/* For md_test_gui_find_widget(): a widget on screen with @tooltip */
static gboolean
mapped_with_tooltip (GtkWidget     *widget,
                     gconstpointer  tooltip)
{
  return gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* For md_test_gui_find_widget(): a button labelled @label */
static gboolean
button_labelled (GtkWidget     *widget,
                 gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Delete lives in the editor: the rows have only their edit button, and
 * the attack's editor deletes it (the diary offers Undo). */
static void
test_delete_from_the_editor (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(MdAttack) attack = NULL;
  GtkWindow *editor;
  GtkWidget *delete;

  attack = log_attack_now (fixture, 2, -1);
  md_test_iterate (300);
  g_assert_null (md_test_gui_find_widget (GTK_WIDGET (fixture->page), mapped_with_tooltip, "Delete Attack"));

  editor = md_test_gui_open_by_action (fixture->page, "diary.edit-attack", attack->uuid, MD_TYPE_ATTACK_EDITOR);
  delete = md_test_gui_find_widget (GTK_WIDGET (editor), button_labelled, "Delete Attack");
  g_assert_nonnull (delete);
  g_signal_emit_by_name (delete, "clicked");
  g_assert_true (md_test_wait_for (md_test_gui_no_toplevel, GSIZE_TO_POINTER (MD_TYPE_ATTACK_EDITOR), 5000));
  g_assert_cmpint (md_diary_count (fixture->diary, "attacks"), ==, 0);
}

static gpointer
dose_child (GtkWindow  *editor,
            const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (editor), MD_TYPE_DOSE_EDITOR, name);
}

/* Saves the dose editor @editor as Ctrl+Enter does; it closes */
static void
save_dose_editor (GtkWindow *editor)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (md_test_wait_for (md_test_gui_no_toplevel, GSIZE_TO_POINTER (MD_TYPE_DOSE_EDITOR), 5000));
}

static GtkWindow *
took_medication (Fixture    *fixture,
                 const char *attack_uuid)
{
  return md_test_gui_open_by_action (fixture->page, "diary.add-dose", attack_uuid, MD_TYPE_DOSE_EDITOR);
}

/* Opening a saved dose from its row shows everything that was saved —
 * the pain at dose time is the baseline of the 2-hour comparison — and
 * saving it unchanged changes nothing in the diary. */
static void
test_edit_dose_keeps_every_field (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(MdAttack) attack = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GString) before = NULL;
  g_autoptr(GString) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *editor;
  MdDose *dose;

  attack = log_attack_now (fixture, 3, 8);

  editor = took_medication (fixture, attack->uuid);
  md_dose_editor_set_medication (MD_DOSE_EDITOR (editor), "preset-rizatriptan-10mg");
  md_pain_picker_set_pain (dose_child (editor, "pain_picker"), 2);
  md_pain_picker_set_nrs (dose_child (editor, "pain_picker"), 6);
  adw_combo_row_set_selected (dose_child (editor, "bothersome_row"), 2);
  save_dose_editor (editor);

  before = md_diary_export_csv (fixture->diary, &error);
  g_assert_no_error (error);
  doses = list_the_one_dose (fixture, attack->uuid, &dose);

  /* The dose's row: its edit button. */
  editor = md_test_gui_open_by_action (fixture->page, "diary.edit-dose", dose->uuid, MD_TYPE_DOSE_EDITOR);
  g_assert_cmpint (md_pain_picker_get_pain (dose_child (editor, "pain_picker")), ==, 2);
  g_assert_cmpint (md_pain_picker_get_nrs (dose_child (editor, "pain_picker")), ==, 6);
  g_assert_cmpuint (adw_combo_row_get_selected (dose_child (editor, "bothersome_row")), ==, 2);
  g_assert_null (md_dose_editor_get_problem (MD_DOSE_EDITOR (editor)));

  save_dose_editor (editor);
  after = md_diary_export_csv (fixture->diary, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->str, ==, before->str);
  g_assert_cmpint (md_diary_count (fixture->diary, "pain_readings"), ==, 1);
}

/* "Took Medication" in the minute the attack started: the dose and its
 * pain reading are stored at or after the attack's start, to the second,
 * so the follow-up reminder counts from the real time. */
static void
test_dose_in_the_attack_minute (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(MdAttack) attack = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GPtrArray) readings = NULL;
  GtkWindow *editor;
  MdDose *dose;
  gint64 before;

  /* Not on a minute boundary, where rounding down would not show. */
  while (g_get_real_time () / G_USEC_PER_SEC % 60 == 0 || g_get_real_time () / G_USEC_PER_SEC % 60 > 55)
    md_test_iterate (200);

  attack = log_attack_now (fixture, 2, -1);
  g_assert_cmpint (attack->start % 60, !=, 0);

  before = g_get_real_time () / G_USEC_PER_SEC;
  editor = took_medication (fixture, attack->uuid);
  md_dose_editor_set_medication (MD_DOSE_EDITOR (editor), "preset-sumatriptan-50mg");
  md_pain_picker_set_pain (dose_child (editor, "pain_picker"), 2);
  save_dose_editor (editor);

  doses = list_the_one_dose (fixture, attack->uuid, &dose);
  g_assert_cmpint (dose->taken, >=, attack->start);
  g_assert_cmpint (dose->taken, >=, before);
  g_assert_cmpint (dose->taken, <=, g_get_real_time () / G_USEC_PER_SEC);

  readings = md_diary_list_pain_readings (fixture->diary, attack->uuid);
  for (guint i = 0; i < readings->len; i++)
    {
      MdPainReading *reading = g_ptr_array_index (readings, i);

      g_assert_cmpint (reading->time, >=, attack->start);
      if (g_strcmp0 (reading->dose_uuid, dose->uuid) == 0)
        g_assert_cmpint (reading->time, ==, dose->taken);
    }
}

int
main (int   argc,
      char *argv[])
{
  md_test_init_gui (&argc, &argv);

  g_test_add ("/md/diary-page/attack-started", Fixture, NULL, fixture_set_up,
              test_attack_started_in_one_action, fixture_tear_down);
  g_test_add ("/md/diary-page/cancel", Fixture, NULL, fixture_set_up,
              test_cancel_saves_nothing, fixture_tear_down);
  g_test_add ("/md/diary-page/end-delete-undo", Fixture, NULL, fixture_set_up,
              test_end_from_row_and_delete_with_undo, fixture_tear_down);
  g_test_add ("/md/diary-page/no-headache-today", Fixture, NULL, fixture_set_up,
              test_no_headache_today, fixture_tear_down);
  g_test_add ("/md/diary-page/took-medication", Fixture, NULL, fixture_set_up,
              test_took_medication_and_pain_now, fixture_tear_down);
  g_test_add ("/md/diary-page/delete-in-editor", Fixture, NULL, fixture_set_up,
              test_delete_from_the_editor, fixture_tear_down);
  g_test_add ("/md/diary-page/one-suggested-action", Fixture, NULL, fixture_set_up,
              test_one_suggested_action, fixture_tear_down);
  g_test_add ("/md/diary-page/edit-dose-unchanged", Fixture, NULL, fixture_set_up,
              test_edit_dose_keeps_every_field, fixture_tear_down);
  g_test_add ("/md/diary-page/dose-in-attack-minute", Fixture, NULL, fixture_set_up,
              test_dose_in_the_attack_minute, fixture_tear_down);
  g_test_add ("/md/diary-page/search", Fixture, NULL, fixture_set_up,
              test_search_and_go_to_date, fixture_tear_down);
  g_test_add ("/md/diary-page/dose-purpose", Fixture, NULL, fixture_set_up,
              test_dose_purpose, fixture_tear_down);
  g_test_add ("/md/diary-page/one-query-per-bind", Fixture, NULL, fixture_set_up,
              test_one_query_per_bind, fixture_tear_down);
  g_test_add ("/md/diary-page/log-dose", Fixture, NULL, fixture_set_up,
              test_log_a_dose_on_its_own, fixture_tear_down);
  g_test_add ("/md/diary-page/virtualised", Fixture, NULL, fixture_set_up,
              test_rows_are_built_only_when_shown, fixture_tear_down);

  return g_test_run ();
}

/* md-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-preferences-window"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>

#include "md-accessible.h"
#include "md-catalogue.h"
#include "md-course-editor.h"
#include "md-database.h"
#include "md-medication-editor.h"
#include "md-preferences-window.h"

struct _MdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *color_scheme_row;
  AdwComboRow          *definition_row;
  AdwComboRow          *duration_row;
  AdwComboRow          *baseline_row;
  AdwComboRow          *evaluation_row;
  AdwComboRow          *gap_row;
  AdwEntryRow          *patient_name_row;
  GtkSwitch            *run_in_background_switch;
  GtkSwitch            *autostart_switch;
  GtkSwitch            *follow_up_switch;
  GtkSwitch            *medication_names_switch;
  AdwPreferencesGroup  *backups_group;
  GtkListBox           *medications_list;
  GtkListBox           *courses_list;
  GtkWidget            *add_medication_button;
  GtkWidget            *add_course_button;

  /* Owned */
  MdContext            *context; /* the diary is the context's: never kept */
  GSettings            *settings;
  char                 *database_path;
};

G_DEFINE_FINAL_TYPE (MdPreferencesWindow, md_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A combo row over a key: its positions map to enum nicks or to integers. */
typedef struct
{
  const char *key;
  const char *nicks[5];
  int         ints[5];
  guint       n;
} Choices;

/* The colour scheme row lists the schema's enum values in their order. */
static const Choices color_scheme_choices = { "color-scheme", { "default", "light", "dark" }, { 0 }, 3 };
static const Choices definition_choices = { "migraine-definition", { "definition-a", "definition-b" }, { 0 }, 2 };
static const Choices duration_choices = { "minimum-headache-minutes", { NULL }, { 0, 30, 240 }, 3 };
static const Choices baseline_choices = { "baseline-days", { NULL }, { 28, 90 }, 2 };
static const Choices evaluation_choices = { "evaluation-window",
                                            { "weeks-9-12", "weeks-5-8", "weeks-1-4", "weeks-13-24" }, { 0 }, 4 };
static const Choices gap_choices = { "attack-gap-hours", { NULL }, { 24, 48 }, 2 };

static gboolean
choice_to_selected (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const Choices *choices = user_data;
  guint selected = 0;

  for (guint i = 0; i < choices->n; i++)
    if (choices->nicks[0] != NULL
        ? g_strcmp0 (g_variant_get_string (variant, NULL), choices->nicks[i]) == 0
        : g_variant_get_int32 (variant) == choices->ints[i])
      selected = i;

  g_value_set_uint (value, selected);

  return TRUE;
}

static GVariant *
selected_to_choice (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const Choices *choices = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= choices->n)
    return NULL;

  return choices->nicks[0] != NULL ? g_variant_new_string (choices->nicks[selected])
                                   : g_variant_new_int32 (choices->ints[selected]);
}

static void
bind_choices (MdPreferencesWindow *self,
              AdwComboRow         *row,
              const Choices       *choices)
{
  g_settings_bind_with_mapping (self->settings, choices->key, row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                choice_to_selected, selected_to_choice,
                                (gpointer) choices, NULL);
}

/* A combo row's value is ellipsized by default, so its row gave it what
 * the wrapping title and subtitle left: "F…" for "Follow System Style"
 * on a phone. Shown whole, the value keeps its width and the title and
 * subtitle wrap beside it; the list keeps its own look (and check mark). */
static void
value_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
value_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      string != NULL ? gtk_string_object_get_string (string) : "");
}

/* The choices of a row whose values are sentences (shown whole in its
 * subtitle): in the list too they wrap rather than end in "…", with the
 * check mark on the chosen one. */
static void
sentence_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
sentence_update_check (GtkListItem *item,
                       GParamSpec  *pspec,
                       AdwComboRow *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  gtk_widget_set_opacity (gtk_widget_get_last_child (box),
                          adw_combo_row_get_selected (row) == gtk_list_item_get_position (item) ? 1 : 0);
}

static void
sentence_changed_cb (AdwComboRow *row,
                     GParamSpec  *pspec,
                     GtkListItem *item)
{
  sentence_update_check (item, NULL, row);
}

static void
sentence_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  AdwComboRow              *row)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)),
                      string != NULL ? gtk_string_object_get_string (string) : "");
  sentence_update_check (item, NULL, row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (sentence_changed_cb), item, 0);
}

static void
sentence_unbind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, sentence_changed_cb, item);
}

static void
list_sentences (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (sentence_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (sentence_bind_cb), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (sentence_unbind_cb), row);
  adw_combo_row_set_list_factory (row, factory);
}

/* GTK 4.8's list view, which shows the value, measures its item only once
 * it has been allocated: the first layout, and the one after another
 * choice, gave the value the old one's width. Measure again a frame later. */
static gboolean
measure_again (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  gtk_widget_queue_resize (widget);

  return G_SOURCE_REMOVE;
}

static void
value_changed_cb (GtkWidget *row)
{
  gtk_widget_add_tick_callback (row, measure_again, NULL, NULL);
}

static void
show_whole_value (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  adw_combo_row_set_list_factory (row, adw_combo_row_get_factory (row));
  g_signal_connect (factory, "setup", G_CALLBACK (value_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (value_bind_cb), NULL);
  adw_combo_row_set_factory (row, factory);
  g_signal_connect (row, "map", G_CALLBACK (value_changed_cb), NULL);
  g_signal_connect (row, "notify::selected", G_CALLBACK (value_changed_cb), NULL);
}

/**
 * md_preferences_get_autostart_path:
 *
 * Returns: (transfer full): where the login autostart entry lives
 */
char *
md_preferences_get_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

/* The switch is the file: on writes the autostart entry, off removes it,
 * and what is on disk is what the switch shows. Started at login, the app
 * runs without a window, which "Run in background" allows: on turns that
 * on too, and turning it off turns this off (the row says so). */
static gboolean
autostart_state_set_cb (MdPreferencesWindow *self,
                        gboolean             state,
                        GtkSwitch           *toggle)
{
  g_autofree char *path = md_preferences_get_autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  if (state)
    {
      contents = g_strdup_printf ("[Desktop Entry]\n"
                                  "Type=Application\n"
                                  "Name=%s\n"
                                  "Comment=%s\n"
                                  "Icon=" APP_ID "\n"
                                  "Exec=migraine-diary --background\n"
                                  "NoDisplay=true\n"
                                  "X-GNOME-Autostart-enabled=true\n",
                                  _("Migraine Diary"),
                                  _("Shows your migraine diary reminders"));
      if (g_mkdir_with_parents (dir, 0700) != 0 ||
          !g_file_set_contents (path, contents, -1, &error))
        g_warning ("Could not write %s: %s", path, error != NULL ? error->message : g_strerror (errno));
    }
  else if (g_remove (path) != 0 && errno != ENOENT)
    g_warning ("Could not remove %s: %s", path, g_strerror (errno));

  gtk_switch_set_state (toggle, g_file_test (path, G_FILE_TEST_EXISTS));
  if (gtk_switch_get_state (toggle))
    g_settings_set_boolean (self->settings, "run-in-background", TRUE);
  return TRUE;
}

static void
run_in_background_changed_cb (MdPreferencesWindow *self)
{
  if (!g_settings_get_boolean (self->settings, "run-in-background") &&
      gtk_switch_get_active (self->autostart_switch))
    gtk_switch_set_active (self->autostart_switch, FALSE);
}

/* One row per automatic backup, newest first, each with its Restore. */
static void
fill_backups (MdPreferencesWindow *self)
{
  g_autoptr(GPtrArray) backups = md_database_list_backups (self->database_path);

  if (backups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("The first is made today, a moment after the window opens."));
      adw_preferences_group_add (self->backups_group, row);
      return;
    }

  for (guint i = 0; i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);
      g_autofree char *name = g_path_get_basename (path);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      g_autofree char *size = info != NULL ? g_format_size (g_file_info_get_size (info)) : NULL;
      g_autofree char *date_text = NULL;
      g_autoptr(GDateTime) date = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));
      int year, month, day;

      if (sscanf (name, "diary-%4d-%2d-%2d", &year, &month, &day) == 3)
        date = g_date_time_new_local (year, month, day, 0, 0, 0);
      /* Translators: the date of a backup, see the GDateTime docs for the codes */
      date_text = date != NULL ? g_date_time_format (date, _("%A %-d %B %Y")) : g_strdup (name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date_text);
      if (size != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", path);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.restore-backup");
      gtk_widget_set_tooltip_text (button, date_text);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->backups_group, row);
    }
}

static GtkWidget *
create_medication_row (gpointer item,
                       gpointer user_data)
{
  MdMedication *medication = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *title = g_markup_escape_text (md_medication_get_display_name (medication), -1);

  /* Translators: a medication's class and use, e.g. "Triptan · Acute" */
  subtitle = g_strdup_printf (_("%s · %s"),
                              md_catalogue_get_label (MD_CATALOGUE_MEDICATION_CLASS, medication->med_class),
                              md_catalogue_get_label (MD_CATALOGUE_USE, medication->use));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (medication->archived)
    {
      GtkWidget *label = gtk_label_new (_("Archived"));

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "medication-uuid", g_strdup (medication->uuid), g_free);

  return row;
}

static void
medication_row_activated_cb (MdPreferencesWindow *self,
                             GtkListBoxRow       *row)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "medication-uuid");
  g_autoptr(MdMedication) medication = md_diary_get_medication (md_context_get_diary (self->context), uuid);

  if (medication != NULL)
    gtk_window_present (GTK_WINDOW (md_medication_editor_new (GTK_WINDOW (self), self->context, medication)));
}

static void fill_courses (MdPreferencesWindow *self);

static void
course_editor_destroyed_cb (MdPreferencesWindow *self)
{
  fill_courses (self);
}

static void
open_course_editor (MdPreferencesWindow *self,
                    MdPreventiveCourse  *course)
{
  MdCourseEditor *editor = md_course_editor_new (GTK_WINDOW (self), self->context, course);

  g_signal_connect_object (editor, "destroy", G_CALLBACK (course_editor_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
course_row_activated_cb (MdPreferencesWindow *self,
                         GtkListBoxRow       *row)
{
  MdPreventiveCourse *course = g_object_get_data (G_OBJECT (row), "course");

  if (course != NULL)
    open_course_editor (self, course);
}

static void
add_course_clicked_cb (MdPreferencesWindow *self)
{
  open_course_editor (self, NULL);
}

/* Courses change rarely and are few: the list is rebuilt after an edit. */
static void
fill_courses (MdPreferencesWindow *self)
{
  g_autoptr(GPtrArray) courses = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->courses_list))) != NULL)
    gtk_list_box_remove (self->courses_list, child);

  if (md_context_get_diary (self->context) == NULL)
    return;

  courses = md_diary_list_preventive_courses (md_context_get_diary (self->context));
  for (guint i = 0; i < courses->len; i++)
    {
      MdPreventiveCourse *course = g_ptr_array_index (courses, i);
      g_autoptr(MdMedication) medication = md_diary_get_medication (md_context_get_diary (self->context), course->medication_uuid);
      g_autofree char *title = g_markup_escape_text (medication != NULL ? md_medication_get_display_name (medication) : "?", -1);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (course->end_date != NULL && course->end_reason != NULL)
        {
          const char *reason = g_str_equal (course->end_reason, "not-effective")
                               ? C_("why it ended", "Not effective")
                               : g_str_equal (course->end_reason, "side-effects")
                               ? C_("why it ended", "Side effects")
                               : C_("why it ended", "Another reason");

          /* Translators: the dates of a preventive course and why it
           * ended, "2026-01-05 – 2026-04-05 · Side effects" */
          subtitle = g_strdup_printf (_("%s – %s · %s"), course->start_date, course->end_date, reason);
        }
      else if (course->end_date != NULL)
        /* Translators: the dates of a preventive course, "2026-01-05 – 2026-04-05" */
        subtitle = g_strdup_printf (_("%s – %s"), course->start_date, course->end_date);
      else
        /* Translators: a preventive course still going on, "since 2026-01-05" */
        subtitle = g_strdup_printf (_("since %s"), course->start_date);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "course", g_object_ref (course), g_object_unref);
      gtk_list_box_append (self->courses_list, row);
    }
}

static void
add_medication_clicked_cb (MdPreferencesWindow *self)
{
  gtk_window_present (GTK_WINDOW (md_medication_editor_new (GTK_WINDOW (self), self->context, NULL)));
}

/* Follows the open diary: after a restore, the lists show the restored
 * diary, and edits go to it. */
static void
diary_changed_cb (MdPreferencesWindow *self)
{
  MdDiary *diary = md_context_get_diary (self->context);

  gtk_list_box_bind_model (self->medications_list,
                           diary != NULL ? G_LIST_MODEL (md_diary_get_medications (diary)) : NULL,
                           create_medication_row, NULL, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->medications_list), diary != NULL);
  fill_courses (self);
}

static void
md_preferences_window_constructed (GObject *object)
{
  MdPreferencesWindow *self = MD_PREFERENCES_WINDOW (object);
  g_autofree char *autostart = md_preferences_get_autostart_path ();
  gboolean autostart_exists;

  G_OBJECT_CLASS (md_preferences_window_parent_class)->constructed (object);

  if (self->database_path != NULL)
    fill_backups (self);

  g_signal_connect_object (self->context, "notify::diary",
                           G_CALLBACK (diary_changed_cb), self, G_CONNECT_SWAPPED);
  diary_changed_cb (self);

  bind_choices (self, self->color_scheme_row, &color_scheme_choices);
  bind_choices (self, self->definition_row, &definition_choices);
  bind_choices (self, self->duration_row, &duration_choices);
  bind_choices (self, self->baseline_row, &baseline_choices);
  bind_choices (self, self->evaluation_row, &evaluation_choices);
  bind_choices (self, self->gap_row, &gap_choices);
  g_settings_bind (self->settings, "patient-name", self->patient_name_row, "text", G_SETTINGS_BIND_DEFAULT);

  g_settings_bind (self->settings, "run-in-background",
                   self->run_in_background_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "follow-up-24h",
                   self->follow_up_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-medication-names",
                   self->medication_names_switch, "active", G_SETTINGS_BIND_DEFAULT);

  autostart_exists = g_file_test (autostart, G_FILE_TEST_EXISTS);
  g_signal_handlers_block_by_func (self->autostart_switch, autostart_state_set_cb, self);
  gtk_switch_set_active (self->autostart_switch, autostart_exists);
  gtk_switch_set_state (self->autostart_switch, autostart_exists);
  g_signal_handlers_unblock_by_func (self->autostart_switch, autostart_state_set_cb, self);
  g_signal_connect_object (self->settings, "changed::run-in-background",
                           G_CALLBACK (run_in_background_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
md_preferences_window_dispose (GObject *object)
{
  MdPreferencesWindow *self = MD_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (md_preferences_window_parent_class)->dispose (object);
}

static void
md_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  MdPreferencesWindow *self = MD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->settings = g_object_ref (md_context_get_settings (self->context));
      break;

    case PROP_DATABASE_PATH:
      self->database_path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MdPreferencesWindow *self = MD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_preferences_window_class_init (MdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = md_preferences_window_constructed;
  object_class->dispose = md_preferences_window_dispose;
  object_class->get_property = md_preferences_window_get_property;
  object_class->set_property = md_preferences_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         MD_TYPE_CONTEXT,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "/ui/md-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, definition_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, duration_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, baseline_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, evaluation_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, gap_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, patient_name_row);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, run_in_background_switch);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, autostart_switch);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, follow_up_switch);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, medication_names_switch);
  gtk_widget_class_bind_template_callback (widget_class, autostart_state_set_cb);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, medications_list);
  gtk_widget_class_bind_template_callback (widget_class, medication_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_medication_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, courses_list);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, add_medication_button);
  gtk_widget_class_bind_template_child (widget_class, MdPreferencesWindow, add_course_button);
  gtk_widget_class_bind_template_callback (widget_class, course_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_course_clicked_cb);
}

static void
md_preferences_window_init (MdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  md_accessible_fix_names_when_mapped (GTK_WIDGET (self));
  /* Two "Add" buttons on one page: each says what it adds */
  md_accessible_set_name (self->add_medication_button, _("Add Medication"));
  md_accessible_set_name (self->add_course_button, _("Add Preventive Treatment"));
  show_whole_value (self->color_scheme_row);
  show_whole_value (self->duration_row);
  show_whole_value (self->baseline_row);
  show_whole_value (self->evaluation_row);
  list_sentences (self->definition_row);
  list_sentences (self->gap_row);
}

/**
 * md_preferences_window_new:
 * @context: the settings, and the open diary whose medications are listed
 * @database_path: the diary file, whose backups are listed
 */
MdPreferencesWindow *
md_preferences_window_new (MdContext  *context,
                           const char *database_path)
{
  g_return_val_if_fail (MD_IS_CONTEXT (context), NULL);

  return g_object_new (MD_TYPE_PREFERENCES_WINDOW,
                       "context", context,
                       "database-path", database_path,
                       NULL);
}

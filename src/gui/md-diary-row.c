/* md-diary-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of the diary list. The timeline mixes month headers, days,
 * doses taken on their own and attacks; the row shows the part that fits
 * the entry it is bound to, and says what it shows through properties
 * its template's labels are bound to.
 */

#define G_LOG_DOMAIN "md-diary-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "md-accessible.h"
#include "md-catalogue.h"
#include "md-date-time-button.h"
#include "md-diary-row.h"
#include "md-stats.h"
#include "md-timeline.h"

struct _MdDiaryRow
{
  GtkBox     parent_instance;

  /* Template widgets */
  GtkLabel  *header;
  GtkWidget *day_row;
  GtkLabel  *day_when;
  GtkWidget *day_status;
  GtkWidget *day_period;
  GtkLabel  *day_notes;
  GtkWidget *day_edit;
  GtkWidget *day_delete;
  GtkWidget *attack_row;
  GtkWidget *chip;
  GtkWidget *doses;
  GtkWidget *ongoing_box;
  GtkWidget *end_button;
  GtkWidget *dose_button;
  GtkWidget *pain_button;
  GtkWidget *edit_button;
  GtkWidget *delete_button;

  /* Owned */
  GObject   *item;
  char      *uuid;
  char      *when;
  char      *detail;
  char      *doses_text;
};

G_DEFINE_FINAL_TYPE (MdDiaryRow, md_diary_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_UUID,
  PROP_WHEN,
  PROP_DETAIL,
  PROP_DOSES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GDateTime *
lived_time (gint64 unix_time,
            int    offset)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (offset);

  /* The wall-clock time the patient lived, even when read abroad. */
  return g_date_time_to_timezone (utc, zone);
}

static char *
format_duration (gint64 seconds)
{
  gint64 minutes = seconds / 60;

  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes),
                            (int) minutes);

  if (minutes < 48 * 60)
    /* Translators: a duration in hours and minutes, e.g. "5 h 20 min" */
    return g_strdup_printf (_("%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", minutes / (24 * 60)),
                          (int) (minutes / (24 * 60)));
}

/* An amount as people write it — "50 mg", "1.5 g", never "50.00" — in
 * the locale's number format; %NULL when the medication's name already
 * says it ("Sumatriptan 50 mg · 50 mg"). */
static char *
format_amount (MdDose       *dose,
               MdMedication *medication)
{
  g_autofree char *amount = g_strdup_printf ("%.15g %s", round (dose->amount * 1000) / 1000,
                                             dose->unit != NULL ? dose->unit : "");

  g_strstrip (amount);
  /* Compared with the name as stored (a preset's English name, whose
   * translation says the same amount in its own script and units) */
  if (medication != NULL && medication->name != NULL && strstr (medication->name, amount) != NULL)
    return NULL;

  return g_steal_pointer (&amount);
}

/* Why a dose was given, only when it was not for a headache: a dose in
 * the diary is for a headache unless it says otherwise (issue #13). */
static void
append_purpose (GString *text,
                MdDose  *dose)
{
  if (g_strcmp0 (dose->purpose, "prevention") == 0)
    /* The dose editor's word for it, as the setting uses the editor's
     * ("Magnesium sulfate IV 1 g · Clinic · Prevention"). */
    g_string_append_printf (text, " · %s", C_("dose purpose", "Prevention"));
}

/* Each dose of the attack, a line each: what, how much, where, why, and
 * the pain when it was taken and at 2 h by the statistics' rule. */
static char *
describe_doses (MdAttackDetails *details)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree gint64 *times = NULL;
  GPtrArray *readings = details->readings;

  if (details->doses->len == 0)
    return NULL;

  times = g_new (gint64, MAX (readings->len, 1));
  for (guint r = 0; r < readings->len; r++)
    times[r] = ((MdPainReading *) g_ptr_array_index (readings, r))->time;

  for (guint i = 0; i < details->doses->len; i++)
    {
      MdDose *dose = g_ptr_array_index (details->doses, i);
      MdMedication *medication = g_ptr_array_index (details->medications, i);
      gssize at_dose = md_stats_nearest_time (times, readings->len, sizeof (gint64),
                                              dose->taken, MD_STATS_AT_DOSE_WINDOW);
      gssize at_2h = md_stats_nearest_time (times, readings->len, sizeof (gint64),
                                            dose->taken + 2 * 3600, MD_STATS_AT_2H_WINDOW);
      int before = at_dose >= 0 ? ((MdPainReading *) g_ptr_array_index (readings, at_dose))->pain : -1;
      int after = at_2h >= 0 ? ((MdPainReading *) g_ptr_array_index (readings, at_2h))->pain : -1;
      g_autofree char *amount = format_amount (dose, medication);

      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append (text, medication != NULL ? md_medication_get_display_name (medication) : "?");
      /* The amount, unless the medication's name already says it, and where. */
      if (amount != NULL)
        g_string_append_printf (text, " · %s", amount);
      if (g_strcmp0 (dose->setting, "home") != 0)
        g_string_append_printf (text, " · %s", md_catalogue_get_label (MD_CATALOGUE_SETTING, dose->setting));
      append_purpose (text, dose);
      if (before >= 0 && after >= 0)
        /* Translators: pain before and two hours after a dose, e.g. "Moderate → None at 2 h" */
        g_string_append_printf (text, _(" · %s → %s at 2 h"),
                                md_pain_level_get_label (before), md_pain_level_get_label (after));
      else if (before >= 0)
        /* Translators: pain when a dose was taken */
        g_string_append_printf (text, _(" · pain %s when taken"), md_pain_level_get_label (before));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_text (MdDiaryRow  *self,
          char       **field,
          const char  *text,
          int          prop)
{
  if (g_strcmp0 (*field, text) == 0)
    return;

  g_free (*field);
  *field = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
bind_header (MdDiaryRow       *self,
             MdTimelineHeader *header)
{
  gtk_label_set_label (self->header, md_timeline_header_get_title (header));
}

static void
bind_day (MdDiaryRow *self,
          MdDay      *day)
{
  g_autofree char *iso = g_strconcat (day->date, "T12:00:00Z", NULL);
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (iso, NULL);
  /* Translators: a recorded day in the diary, see the GDateTime docs */
  g_autofree char *when = date != NULL ? g_date_time_format (date, _("%a %-d %b")) : g_strdup (day->date);
  const char *status_label = md_catalogue_get_label (MD_CATALOGUE_DAY_STATUS, day->status);

  gtk_label_set_label (self->day_when, when);
  gtk_widget_set_visible (self->day_status, status_label != NULL);
  gtk_label_set_label (GTK_LABEL (self->day_status), status_label != NULL ? status_label : "");
  gtk_widget_remove_css_class (self->day_status, "pain-0");
  gtk_widget_remove_css_class (self->day_status, "pain-2");
  gtk_widget_add_css_class (self->day_status, g_strcmp0 (day->status, "headache-free") == 0 ? "pain-0" : "pain-2");
  gtk_widget_set_visible (self->day_period, day->menstruation);
  gtk_label_set_label (self->day_notes, day->notes != NULL ? day->notes : "");
  gtk_widget_set_visible (GTK_WIDGET (self->day_notes), day->notes != NULL && day->notes[0] != '\0');

  gtk_widget_set_tooltip_text (self->day_edit, _("Edit Day"));
  {
    /* Translators: read by a screen reader for a day's edit button; %s is the day, e.g. "Thu 29 Oct" */
    g_autofree char *name = g_strdup_printf (_("Edit day %s"), when);

    md_accessible_set_name (self->day_edit, name);
  }
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->day_edit), "s", day->date);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->day_edit), "diary.edit-day");
  gtk_widget_set_visible (self->day_delete, FALSE);
}

/* A dose on its own (a daily preventive, say) shares the day row's look. */
static void
bind_dose (MdDiaryRow *self,
           MdDiary    *diary,
           MdDose     *dose)
{
  g_autoptr(MdMedication) medication = md_diary_get_medication (diary, dose->medication_uuid);
  g_autoptr(GDateTime) taken = lived_time (dose->taken, dose->taken_offset);
  g_autofree char *when = md_date_time_format_for_display (taken);
  g_autoptr(GString) what = g_string_new (NULL);
  g_autofree char *amount = format_amount (dose, medication);

  if (amount != NULL)
    /* Translators: a dose on its own in the diary: medication, amount with its unit, where */
    g_string_printf (what, _("%s · %s · %s"), medication != NULL ? md_medication_get_display_name (medication) : "?", amount,
                   md_catalogue_get_label (MD_CATALOGUE_SETTING, dose->setting));
  else
    /* Translators: a dose on its own in the diary: medication, where */
    g_string_printf (what, _("%s · %s"), medication != NULL ? md_medication_get_display_name (medication) : "?",
                   md_catalogue_get_label (MD_CATALOGUE_SETTING, dose->setting));

  gtk_label_set_label (self->day_when, when);
  gtk_widget_set_visible (self->day_status, FALSE);
  gtk_widget_set_visible (self->day_period, FALSE);
  append_purpose (what, dose);
  gtk_label_set_label (self->day_notes, what->str);
  gtk_widget_set_visible (GTK_WIDGET (self->day_notes), TRUE);

  gtk_widget_set_tooltip_text (self->day_edit, _("Edit Dose"));
  {
    /* Translators: read by a screen reader; %s is when the dose was taken, e.g. "Thu 29 Oct, 09:10" */
    g_autofree char *edit_name = g_strdup_printf (_("Edit dose of %s"), when);
    /* Translators: read by a screen reader; %s is when the dose was taken */
    g_autofree char *delete_name = g_strdup_printf (_("Delete dose of %s"), when);

    md_accessible_set_name (self->day_edit, edit_name);
    md_accessible_set_name (self->day_delete, delete_name);
  }
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->day_edit), "s", dose->uuid);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->day_edit), "diary.edit-dose");
  gtk_widget_set_visible (self->day_delete, FALSE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->day_delete), "s", dose->uuid);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->day_delete), "diary.delete-dose");
}

static void
set_attack_action (GtkWidget  *button,
                   const char *action,
                   const char *uuid)
{
  /* The target first: an action name without its target is refused. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uuid);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
}

static void
bind_attack (MdDiaryRow *self,
             MdDiary    *diary,
             MdAttack   *attack)
{
  g_autoptr(GDateTime) start = lived_time (attack->start, attack->start_offset);
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *when = md_date_time_format_for_display (start);
  /* The one query of the bind: the row scrolls into view with it. */
  g_autoptr(MdAttackDetails) details = md_diary_read_attack_details (diary, attack->uuid);
  g_autofree char *doses = describe_doses (details);
  g_autofree char *accessible = NULL;
  static const char *pain_classes[] = { "pain-0", "pain-1", "pain-2", "pain-3" };
  gboolean ongoing = attack->end == 0;

  for (guint i = 0; i < G_N_ELEMENTS (pain_classes); i++)
    gtk_widget_remove_css_class (self->chip, pain_classes[i]);
  gtk_widget_add_css_class (self->chip, pain_classes[CLAMP (attack->peak_pain, 0, 3)]);
  gtk_label_set_label (GTK_LABEL (self->chip), md_pain_level_get_label (attack->peak_pain));

  if (ongoing)
    {
      GPtrArray *readings = details->readings;

      g_string_append (detail, _("Ongoing"));
      /* The latest reading says how the attack is going now. */
      if (readings->len > 0)
        {
          MdPainReading *latest = g_ptr_array_index (readings, readings->len - 1);
          g_autoptr(GDateTime) at = lived_time (latest->time, latest->time_offset);
          g_autofree char *time = g_date_time_format (at, "%R");

          /* Translators: in an ongoing attack's row: the latest pain reading and its time, e.g. "pain Mild at 10:32" */
          g_string_append_printf (detail, _(" · pain %s at %s"), md_pain_level_get_label (latest->pain), time);
        }
    }
  else
    {
      g_autofree char *duration = format_duration (attack->end - attack->start);

      g_string_append (detail, duration);
    }

  for (guint i = 0; i < details->symptoms->len; i++)
    g_string_append_printf (detail, " · %s", (const char *) g_ptr_array_index (details->symptoms, i));

  set_text (self, &self->when, when, PROP_WHEN);
  set_text (self, &self->detail, detail->str, PROP_DETAIL);
  set_text (self, &self->doses_text, doses != NULL ? doses : "", PROP_DOSES);
  gtk_widget_set_visible (self->doses, doses != NULL);

  gtk_widget_set_visible (self->ongoing_box, ongoing);
  set_attack_action (self->end_button, "diary.end-attack", attack->uuid);
  set_attack_action (self->dose_button, "diary.add-dose", attack->uuid);
  set_attack_action (self->pain_button, "diary.record-pain", attack->uuid);
  set_attack_action (self->edit_button, "diary.edit-attack", attack->uuid);
  set_attack_action (self->delete_button, "diary.delete-attack", attack->uuid);

  {
    /* Translators: read by a screen reader; %s is when the attack started, e.g. "Thu 29 Oct, 09:10" */
    g_autofree char *edit_name = g_strdup_printf (_("Edit attack of %s"), when);
    /* Translators: read by a screen reader; %s is when the attack started */
    g_autofree char *delete_name = g_strdup_printf (_("Delete attack of %s"), when);

    md_accessible_set_name (self->edit_button, edit_name);
    md_accessible_set_name (self->delete_button, delete_name);
  }

  /* Translators: read by a screen reader for a diary row: when, pain level, duration */
  accessible = g_strdup_printf (_("Attack on %s, peak pain %s, %s"), when,
                                md_pain_level_get_label (attack->peak_pain), detail->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->attack_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/**
 * md_diary_row_bind:
 * @diary: (nullable): the diary @item is read from
 * @item: (nullable): a #MdTimelineHeader, #MdDay, #MdDose or #MdAttack
 *
 * Shows @item; %NULL (when the list unbinds the row) keeps what is shown
 * and forgets the entry.
 */
void
md_diary_row_bind (MdDiaryRow *self,
                   MdDiary    *diary,
                   GObject    *item)
{
  g_return_if_fail (MD_IS_DIARY_ROW (self));
  g_return_if_fail (diary == NULL || MD_IS_DIARY (diary));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));

  /* Bound again to the same entry, the row reads the diary again: a dose
   * may have been added to the attack it shows. */
  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  set_text (self, &self->uuid,
            MD_IS_ATTACK (item) ? MD_ATTACK (item)->uuid
            : MD_IS_DOSE (item) ? MD_DOSE (item)->uuid
            : MD_IS_DAY (item) ? MD_DAY (item)->date
            : NULL,
            PROP_UUID);

  if (item == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->header), MD_IS_TIMELINE_HEADER (item));
  gtk_widget_set_visible (self->day_row, MD_IS_DAY (item) || MD_IS_DOSE (item));
  gtk_widget_set_visible (self->attack_row, MD_IS_ATTACK (item));

  if (MD_IS_TIMELINE_HEADER (item))
    bind_header (self, MD_TIMELINE_HEADER (item));
  else if (MD_IS_DAY (item))
    bind_day (self, MD_DAY (item));
  else if (MD_IS_DOSE (item) && diary != NULL)
    bind_dose (self, diary, MD_DOSE (item));
  else if (MD_IS_ATTACK (item) && diary != NULL)
    bind_attack (self, diary, MD_ATTACK (item));
}

/**
 * md_diary_row_get_item:
 *
 * Returns: (transfer none) (nullable): the entry the row shows
 */
GObject *
md_diary_row_get_item (MdDiaryRow *self)
{
  g_return_val_if_fail (MD_IS_DIARY_ROW (self), NULL);

  return self->item;
}

/**
 * md_diary_row_get_uuid:
 *
 * Returns: (nullable): the uuid of the attack or dose shown, or the date
 *   of the day shown; %NULL for a month header
 */
const char *
md_diary_row_get_uuid (MdDiaryRow *self)
{
  g_return_val_if_fail (MD_IS_DIARY_ROW (self), NULL);

  return self->uuid;
}

GtkWidget *
md_diary_row_new (void)
{
  return g_object_new (MD_TYPE_DIARY_ROW, NULL);
}

static void
md_diary_row_dispose (GObject *object)
{
  MdDiaryRow *self = MD_DIARY_ROW (object);

  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_DIARY_ROW);

  G_OBJECT_CLASS (md_diary_row_parent_class)->dispose (object);
}

static void
md_diary_row_finalize (GObject *object)
{
  MdDiaryRow *self = MD_DIARY_ROW (object);

  g_free (self->uuid);
  g_free (self->when);
  g_free (self->detail);
  g_free (self->doses_text);

  G_OBJECT_CLASS (md_diary_row_parent_class)->finalize (object);
}

static void
md_diary_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MdDiaryRow *self = MD_DIARY_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_WHEN:
      g_value_set_string (value, self->when);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_DOSES:
      g_value_set_string (value, self->doses_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_diary_row_class_init (MdDiaryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_diary_row_dispose;
  object_class->finalize = md_diary_row_finalize;
  object_class->get_property = md_diary_row_get_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHEN] =
    g_param_spec_string ("when", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOSES] =
    g_param_spec_string ("doses", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/migrainediary/MigraineDiary/ui/md-diary-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MdDiaryRow, header);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryRow, day_row);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryRow, day_when);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryRow, day_status);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryRow, day_period);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryRow, day_notes);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryRow, day_edit);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryRow, day_delete);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryRow, attack_row);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryRow, chip);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryRow, doses);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryRow, ongoing_box);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryRow, end_button);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryRow, dose_button);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryRow, pain_button);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, MdDiaryRow, delete_button);
}

static void
md_diary_row_init (MdDiaryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  md_accessible_fix_names (self->end_button);
  md_accessible_fix_names (self->dose_button);
  md_accessible_fix_names (self->pain_button);
}

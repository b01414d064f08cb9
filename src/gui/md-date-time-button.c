/* md-date-time-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A date and time chosen with a calendar and two spin buttons, never
 * typed: people log while in pain, and a typed date is a wrong date.
 */

#define G_LOG_DOMAIN "md-date-time-button"

#include "config.h"

#include <glib/gi18n.h>

#include "md-context.h"
#include "md-date-time-button.h"

struct _MdDateTimeButton
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkMenuButton  *menu_button;
  GtkLabel       *label;
  GtkCalendar    *calendar;
  GtkSpinButton  *hour_spin;
  GtkSpinButton  *minute_spin;
  GtkWidget      *time_box;

  /* Owned */
  GDateTime      *date_time;
  MdContext      *context; /* its clock, for "Now" */

  gboolean        updating;
  gboolean        show_time;
};

G_DEFINE_FINAL_TYPE (MdDateTimeButton, md_date_time_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE_TIME,
  PROP_SHOW_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * md_date_time_format_for_display:
 * @date_time: a local time
 *
 * Returns: (transfer full): the date and time the way the diary shows them
 */
char *
md_date_time_format_for_display (GDateTime *date_time)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (g_date_time_get_timezone (date_time));

  g_return_val_if_fail (date_time != NULL, NULL);

  if (g_date_time_get_year (now) == g_date_time_get_year (date_time))
    /* Translators: a date and time in this year, see the GDateTime docs
     * for the codes; %X or %R give the locale's time format */
    return g_date_time_format (date_time, _("%a %-d %b, %R"));

  /* Translators: a date and time in another year */
  return g_date_time_format (date_time, _("%a %-d %b %Y, %R"));
}

static char *
format_date (GDateTime *date_time)
{
  /* Translators: a date without a time, see the GDateTime docs for the codes */
  return g_date_time_format (date_time, _("%a %-d %b %Y"));
}

static void
sync_widgets (MdDateTimeButton *self)
{
  g_autofree char *text = self->show_time ? md_date_time_format_for_display (self->date_time)
                                          : format_date (self->date_time);
  g_autofree char *accessible = NULL;

  self->updating = TRUE;

  gtk_label_set_label (self->label, text);
  gtk_calendar_select_day (self->calendar, self->date_time);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (self->date_time));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (self->date_time));

  /* A button given a purpose by its tooltip ("Go to a Date") is named
   * for it, and the date it shows describes it. */
  if (gtk_widget_get_tooltip_text (GTK_WIDGET (self)) != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_widget_get_tooltip_text (GTK_WIDGET (self)),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                      -1);
    }
  else
    {
      /* Translators: %s is a date and time, read by a screen reader on the button */
      accessible = g_strdup_printf (_("Change date and time, now %s"), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }

  self->updating = FALSE;
}

static void
update_from_widgets (MdDateTimeButton *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) chosen = NULL;

  if (self->updating)
    return;

  day = gtk_calendar_get_date (self->calendar);
  chosen = g_date_time_new (g_date_time_get_timezone (self->date_time),
                            g_date_time_get_year (day),
                            g_date_time_get_month (day),
                            g_date_time_get_day_of_month (day),
                            gtk_spin_button_get_value_as_int (self->hour_spin),
                            gtk_spin_button_get_value_as_int (self->minute_spin),
                            0);

  /* 02:30 on a spring-forward day does not exist; keep the old value. */
  if (chosen != NULL)
    md_date_time_button_set_date_time (self, chosen);
}

static void
calendar_day_selected_cb (MdDateTimeButton *self)
{
  update_from_widgets (self);
}

static void
spin_value_changed_cb (MdDateTimeButton *self)
{
  update_from_widgets (self);
}

static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

/* The context's clock, in the time zone the button shows */
static GDateTime *
now_in_zone (MdDateTimeButton *self,
             GTimeZone        *zone)
{
  g_autoptr(GDateTime) utc = NULL;

  if (self->context == NULL)
    return g_date_time_new_now (zone);

  utc = g_date_time_new_from_unix_utc (md_context_now (self->context));
  return g_date_time_to_timezone (utc, zone);
}

static void
now_button_clicked_cb (MdDateTimeButton *self)
{
  g_autoptr(GDateTime) now = now_in_zone (self, g_date_time_get_timezone (self->date_time));

  /* The real time, to the second, as "Attack Started" records it. */
  md_date_time_button_set_date_time (self, now);
}

static void
md_date_time_button_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MdDateTimeButton *self = MD_DATE_TIME_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE_TIME:
      g_value_set_boxed (value, self->date_time);
      break;

    case PROP_SHOW_TIME:
      g_value_set_boolean (value, self->show_time);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_date_time_button_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MdDateTimeButton *self = MD_DATE_TIME_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE_TIME:
      if (g_value_get_boxed (value) != NULL)
        md_date_time_button_set_date_time (self, g_value_get_boxed (value));
      break;

    case PROP_SHOW_TIME:
      /* A date alone (a recorded day, a course) hides the time. */
      self->show_time = g_value_get_boolean (value);
      gtk_widget_set_visible (self->time_box, self->show_time);
      sync_widgets (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_date_time_button_dispose (GObject *object)
{
  MdDateTimeButton *self = MD_DATE_TIME_BUTTON (object);

  GtkWidget *child;

  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), MD_TYPE_DATE_TIME_BUTTON);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->date_time, g_date_time_unref);

  G_OBJECT_CLASS (md_date_time_button_parent_class)->dispose (object);
}

static void
md_date_time_button_class_init (MdDateTimeButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* A part of the window, not an unnamed widget of some type. */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);

  object_class->dispose = md_date_time_button_dispose;
  object_class->get_property = md_date_time_button_get_property;
  object_class->set_property = md_date_time_button_set_property;

  properties[PROP_DATE_TIME] =
    g_param_spec_boxed ("date-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_TIME] =
    g_param_spec_boolean ("show-time", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "/ui/md-date-time-button.ui");
  gtk_widget_class_bind_template_child (widget_class, MdDateTimeButton, time_box);
  gtk_widget_class_bind_template_child (widget_class, MdDateTimeButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, MdDateTimeButton, label);
  gtk_widget_class_bind_template_child (widget_class, MdDateTimeButton, calendar);
  gtk_widget_class_bind_template_child (widget_class, MdDateTimeButton, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, MdDateTimeButton, minute_spin);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, now_button_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
md_date_time_button_init (MdDateTimeButton *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->date_time = g_date_time_add_seconds (now, -g_date_time_get_seconds (now));
  self->show_time = TRUE;
  sync_widgets (self);
  g_signal_connect (self, "notify::tooltip-text", G_CALLBACK (sync_widgets), NULL);
}

GtkWidget *
md_date_time_button_new (void)
{
  return g_object_new (MD_TYPE_DATE_TIME_BUTTON, NULL);
}

/**
 * md_date_time_button_get_date_time:
 *
 * Returns: (transfer none): the chosen local time; chosen by hand it is
 *   to the minute, set in code or by "Now" it keeps its seconds
 */
GDateTime *
md_date_time_button_get_date_time (MdDateTimeButton *self)
{
  g_return_val_if_fail (MD_IS_DATE_TIME_BUTTON (self), NULL);

  return self->date_time;
}

void
md_date_time_button_set_date_time (MdDateTimeButton *self,
                                   GDateTime        *date_time)
{
  g_return_if_fail (MD_IS_DATE_TIME_BUTTON (self));
  g_return_if_fail (date_time != NULL);

  if (g_date_time_equal (self->date_time, date_time))
    return;

  g_date_time_unref (self->date_time);
  self->date_time = g_date_time_ref (date_time);
  sync_widgets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_TIME]);
}

/**
 * md_date_time_button_set_context:
 * @context: (nullable): whose clock "Now" reads
 */
void
md_date_time_button_set_context (MdDateTimeButton *self,
                                 MdContext        *context)
{
  g_return_if_fail (MD_IS_DATE_TIME_BUTTON (self));
  g_return_if_fail (context == NULL || MD_IS_CONTEXT (context));

  g_set_object (&self->context, context);
}

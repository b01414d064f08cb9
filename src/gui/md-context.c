/* md-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every window, page and dialog shares: the open diary, the
 * reminder service that watches it, the settings and the clock. The application owns the one context, and the
 * context holds the only reference the GUI keeps to the open diary:
 * views follow "notify::diary" and ask for the diary when they use it,
 * so a restored backup can never leave a view writing to a replaced file.
 *
 * It also notices when another process changes the diary (the command
 * line's --import-csv while the window is open, say): it watches the
 * file and its write-ahead log, and a moment after they change asks the
 * diary to re-read what another connection committed. The diary then
 * says "changed" and "reminders-changed" as it does after its own
 * saves, so every view and the reminder service follow without knowing
 * where the change came from. The diary's own saves touch the log too;
 * SQLite's data version tells those apart, so they are not read twice.
 */

#define G_LOG_DOMAIN "md-context"

#include "config.h"

#include "md-context.h"

/* How long after the file last changed it is read again: a writer's
 * commit comes as several writes to the log, read once. */
#define CHANGE_SETTLE_MS 150

struct _MdContext
{
  GObject         parent_instance;

  /* Owned */
  GSettings      *settings;
  MdDiary        *diary;
  MdReminderService *reminder_service; /* of the diary; started by the application */
  GPtrArray      *monitors;       /* GFileMonitor: the diary's file and its -wal */
  guint           settle_id;

  MdDiaryNowFunc  now_func;
  gpointer        now_data;
};

G_DEFINE_FINAL_TYPE (MdContext, md_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIARY,
  PROP_REMINDER_SERVICE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
real_now (gpointer user_data)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
settled_cb (gpointer user_data)
{
  MdContext *self = user_data;

  self->settle_id = 0;
  if (self->diary != NULL)
    md_diary_reload_if_changed_elsewhere (self->diary);

  return G_SOURCE_REMOVE;
}

static void
file_changed_cb (MdContext         *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 GFileMonitor      *monitor)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;

  /* Read once the writer is done, not at each of its writes. */
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (CHANGE_SETTLE_MS, settled_cb, self);
}

static void
stop_watching (MdContext *self)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_pointer (&self->monitors, g_ptr_array_unref);
}

/* Watches the file and its write-ahead log, where another process's
 * commits land first. Without a file monitor (a file system that has
 * none), the window shows others' changes when the diary is opened
 * again, as before. */
static void
watch_diary (MdContext *self)
{
  const char *path = md_database_get_path (md_diary_get_database (self->diary));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  const char *paths[] = { path, wal };

  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;
      GFileMonitor *monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);

      if (monitor == NULL)
        {
          g_debug ("Changes to %s by other programs are not followed: %s", paths[i], error->message);
          continue;
        }
      g_signal_connect_object (monitor, "changed", G_CALLBACK (file_changed_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->monitors, monitor);
    }
}

static void
md_context_dispose (GObject *object)
{
  MdContext *self = MD_CONTEXT (object);

  stop_watching (self);
  g_clear_object (&self->reminder_service);
  g_clear_object (&self->diary);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (md_context_parent_class)->dispose (object);
}

static void
md_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MdContext *self = MD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DIARY:
      g_value_set_object (value, self->diary);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_REMINDER_SERVICE:
      g_value_set_object (value, self->reminder_service);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MdContext *self = MD_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DIARY:
      md_context_set_diary (self, g_value_get_object (value));
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_context_class_init (MdContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = md_context_dispose;
  object_class->get_property = md_context_get_property;
  object_class->set_property = md_context_set_property;

  properties[PROP_DIARY] =
    g_param_spec_object ("diary", NULL, NULL,
                         MD_TYPE_DIARY,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_REMINDER_SERVICE] =
    g_param_spec_object ("reminder-service", NULL, NULL,
                         MD_TYPE_REMINDER_SERVICE,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
md_context_init (MdContext *self)
{
  self->now_func = real_now;
}

/**
 * md_context_new:
 * @settings: the application's settings
 *
 * Returns: (transfer full): a context with no diary open yet
 */
MdContext *
md_context_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (MD_TYPE_CONTEXT, "settings", settings, NULL);
}

/**
 * md_context_get_diary:
 *
 * Returns: (transfer none) (nullable): the open diary. Use it and let it
 *   go: do not keep it past the current action.
 */
MdDiary *
md_context_get_diary (MdContext *self)
{
  g_return_val_if_fail (MD_IS_CONTEXT (self), NULL);

  return self->diary;
}

/**
 * md_context_set_diary:
 * @diary: (nullable): the diary that is now open
 *
 * Replaces the open diary; views follow through "notify::diary" and let
 * go of the one it replaces (a restore closes that one, see
 * md_application_restore_backup()).
 */
void
md_context_set_diary (MdContext *self,
                      MdDiary   *diary)
{
  g_autoptr(MdDiary) old = NULL;

  g_return_if_fail (MD_IS_CONTEXT (self));
  g_return_if_fail (diary == NULL || MD_IS_DIARY (diary));

  if (self->diary == diary)
    return;

  /* One reminder service per diary: it goes with the diary it watched. */
  g_clear_object (&self->reminder_service);
  stop_watching (self);
  old = g_steal_pointer (&self->diary);
  if (diary != NULL)
    {
      self->diary = g_object_ref (diary);
      md_diary_set_now_func (self->diary, self->now_func, self->now_data);
      self->reminder_service = md_reminder_service_new (self->diary);
      md_reminder_service_set_clock (self->reminder_service, self->now_func, self->now_data);
      watch_diary (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMINDER_SERVICE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIARY]);
}

/**
 * md_context_get_reminder_service:
 *
 * Returns: (transfer none) (nullable): the reminder service of the open
 *   diary; the application starts it
 */
MdReminderService *
md_context_get_reminder_service (MdContext *self)
{
  g_return_val_if_fail (MD_IS_CONTEXT (self), NULL);

  return self->reminder_service;
}

GSettings *
md_context_get_settings (MdContext *self)
{
  g_return_val_if_fail (MD_IS_CONTEXT (self), NULL);

  return self->settings;
}

/**
 * md_context_now:
 *
 * Returns: the current time, in Unix seconds, from the context's clock
 */
gint64
md_context_now (MdContext *self)
{
  g_return_val_if_fail (MD_IS_CONTEXT (self), 0);

  return self->now_func (self->now_data);
}

/**
 * md_context_now_local:
 *
 * Returns: (transfer full): the current local time from the context's clock
 */
GDateTime *
md_context_now_local (MdContext *self)
{
  g_return_val_if_fail (MD_IS_CONTEXT (self), NULL);

  return g_date_time_new_from_unix_local (md_context_now (self));
}

/**
 * md_context_set_now_func:
 * @func: (nullable): the clock; %NULL for the real one
 *
 * Lets tests fix the time that every view and the diary read.
 */
void
md_context_set_now_func (MdContext      *self,
                         MdDiaryNowFunc  func,
                         gpointer        user_data)
{
  g_return_if_fail (MD_IS_CONTEXT (self));

  self->now_func = func != NULL ? func : real_now;
  self->now_data = func != NULL ? user_data : NULL;
  if (self->diary != NULL)
    md_diary_set_now_func (self->diary, self->now_func, self->now_data);
  if (self->reminder_service != NULL)
    md_reminder_service_set_clock (self->reminder_service, self->now_func, self->now_data);
}

/* md-timeline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diary as one list, newest first: a header for each month, the
 * attacks, and the recorded days (headache-free or menstruation). Only
 * the order is held — a key per entry — and a record is read when a row
 * asks for it, so 100,000 attacks stay cheap. A search narrows the list
 * to attacks whose notes, symptoms, triggers or medications match.
 */

#define G_LOG_DOMAIN "md-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "md-database-private.h"
#include "md-timeline.h"

struct _MdTimelineHeader
{
  GObject  parent_instance;

  char    *month; /* YYYY-MM */
  char    *title;
};

G_DEFINE_FINAL_TYPE (MdTimelineHeader, md_timeline_header, G_TYPE_OBJECT)

static void
md_timeline_header_finalize (GObject *object)
{
  MdTimelineHeader *self = MD_TIMELINE_HEADER (object);

  g_free (self->month);
  g_free (self->title);

  G_OBJECT_CLASS (md_timeline_header_parent_class)->finalize (object);
}

static void
md_timeline_header_class_init (MdTimelineHeaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_timeline_header_finalize;
}

static void
md_timeline_header_init (MdTimelineHeader *self)
{
}

/**
 * md_timeline_header_get_title:
 *
 * Returns: the month, as the patient reads it ("November 2026")
 */
const char *
md_timeline_header_get_title (MdTimelineHeader *self)
{
  g_return_val_if_fail (MD_IS_TIMELINE_HEADER (self), NULL);

  return self->title;
}

const char *
md_timeline_header_get_month (MdTimelineHeader *self)
{
  g_return_val_if_fail (MD_IS_TIMELINE_HEADER (self), NULL);

  return self->month;
}

typedef enum
{
  ENTRY_HEADER,
  ENTRY_DAY,
  ENTRY_ATTACK,
  ENTRY_DOSE,
} EntryKind;

typedef struct
{
  EntryKind  kind;
  char      *key;  /* "YYYY-MM-DDTHH:MM:SS" local sort key */
  char      *id;   /* uuid, date or month */
} Entry;

struct _MdTimeline
{
  GObject     parent_instance;

  /* Owned */
  MdDiary    *diary;
  GArray     *entries;
  GHashTable *attack_positions; /* uuid → index + 1 */
  char       *search;
  GCancellable *cancellable;
  guint       generation;  /* bumped by every synchronous read */
  gboolean    loading;
};

static GType
md_timeline_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
md_timeline_get_n_items (GListModel *model)
{
  return MD_TIMELINE (model)->entries->len;
}

static char *
month_title (const char *month)
{
  g_autofree char *iso = g_strconcat (month, "-01T12:00:00Z", NULL);
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (iso, NULL);

  if (date == NULL)
    return g_strdup (month);

  /* Translators: a month heading in the diary, see the GDateTime docs */
  return g_date_time_format (date, C_("diary month heading", "%B %Y"));
}

static gpointer
md_timeline_get_item (GListModel *model,
                      guint       position)
{
  MdTimeline *self = MD_TIMELINE (model);
  Entry *entry;

  if (position >= self->entries->len)
    return NULL;

  entry = &g_array_index (self->entries, Entry, position);
  switch (entry->kind)
    {
    case ENTRY_HEADER:
      {
        MdTimelineHeader *header = g_object_new (MD_TYPE_TIMELINE_HEADER, NULL);

        header->month = g_strdup (entry->id);
        header->title = month_title (entry->id);
        return header;
      }

    case ENTRY_DAY:
      return md_diary_get_day (self->diary, entry->id);

    case ENTRY_DOSE:
      return md_diary_get_dose (self->diary, entry->id);

    case ENTRY_ATTACK:
    default:
      return md_diary_get_attack (self->diary, entry->id);
    }
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = md_timeline_get_item_type;
  iface->get_n_items = md_timeline_get_n_items;
  iface->get_item = md_timeline_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (MdTimeline, md_timeline, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
clear_entry (gpointer data)
{
  Entry *entry = data;

  g_free (entry->key);
  g_free (entry->id);
}

static GArray *
new_entries (void)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  g_array_set_clear_func (entries, clear_entry);

  return entries;
}

/* Appends one entry per row of @stmt: column 0 is the id, column 1 the
 * local time key (or, with @key_suffix, the date it is appended to). */
static void
append_rows (GArray       *entries,
             sqlite3_stmt *stmt,
             EntryKind     kind,
             const char   *key_suffix)
{
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Entry entry;

      entry.kind = kind;
      entry.id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry.key = key_suffix != NULL
                  ? g_strconcat ((const char *) sqlite3_column_text (stmt, 0), key_suffix, NULL)
                  : g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_array_append_val (entries, entry);
    }
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;
  int by_key = g_strcmp0 (y->key, x->key);

  if (by_key != 0)
    return by_key;
  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;

  return g_strcmp0 (y->id, x->id);
}

/* Reads the order of the diary: attacks and doses by local time, recorded
 * days at the top of their date, a header at each new month. */
/* "Contains @search" for LIKE … ESCAPE '\': the user's "%" and "_" are
 * characters to find, not wildcards. */
static char *
like_pattern (const char *search)
{
  GString *pattern = g_string_new ("%");

  for (const char *c = search; *c != '\0'; c++)
    {
      if (*c == '%' || *c == '_' || *c == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *c);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

static GArray *
read_entries_from (sqlite3    *db,
                   const char *search)
{
  g_autoptr(GArray) raw = new_entries ();
  GArray *entries = new_entries ();
  g_autofree char *pattern = NULL;
  sqlite3_stmt *attacks = NULL;
  sqlite3_stmt *days = NULL;
  sqlite3_stmt *doses = NULL;
  const char *month = NULL;

  if (db == NULL)
    return entries;

  if (search != NULL && search[0] != '\0')
    pattern = like_pattern (search);

  /* Local wall-clock time from the stored offset, as the patient lived it. */
  sqlite3_prepare_v2 (db,
                      pattern == NULL
                      ? "SELECT uuid, strftime('%Y-%m-%dT%H:%M:%S', start_time + start_offset, 'unixepoch') "
                        "FROM attacks ORDER BY start_time DESC, uuid DESC"
                      : "SELECT uuid, strftime('%Y-%m-%dT%H:%M:%S', start_time + start_offset, 'unixepoch') "
                        "FROM attacks a WHERE notes LIKE ?1 ESCAPE '\\' "
                        "OR EXISTS (SELECT 1 FROM attack_symptoms s LEFT JOIN symptoms k ON k.key = s.symptom_key "
                        "  WHERE s.attack_uuid = a.uuid AND (s.symptom_key LIKE ?1 ESCAPE '\\' OR k.label LIKE ?1 ESCAPE '\\')) "
                        "OR EXISTS (SELECT 1 FROM attack_triggers t LEFT JOIN triggers k ON k.key = t.trigger_key "
                        "  WHERE t.attack_uuid = a.uuid AND (t.trigger_key LIKE ?1 ESCAPE '\\' OR k.label LIKE ?1 ESCAPE '\\')) "
                        "OR EXISTS (SELECT 1 FROM doses d JOIN medications m ON m.uuid = d.medication_uuid "
                        "  WHERE d.attack_uuid = a.uuid AND (m.name LIKE ?1 ESCAPE '\\' OR d.notes LIKE ?1 ESCAPE '\\')) "
                        "ORDER BY start_time DESC, uuid DESC",
                      -1, &attacks, NULL);
  sqlite3_prepare_v2 (db,
                      pattern == NULL
                      ? "SELECT date FROM days WHERE status IS NOT NULL OR menstruation = 1 ORDER BY date DESC"
                      : "SELECT date FROM days WHERE notes LIKE ?1 ESCAPE '\\' ORDER BY date DESC",
                      -1, &days, NULL);
  if (pattern != NULL)
    {
      sqlite3_bind_text (attacks, 1, pattern, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (days, 1, pattern, -1, SQLITE_TRANSIENT);
    }

  /* Doses that belong to no attack (a daily preventive, a dose logged on
   * its own) are entries of their own. */
  sqlite3_prepare_v2 (db,
                      pattern == NULL
                      ? "SELECT d.uuid, strftime('%Y-%m-%dT%H:%M:%S', taken_time + taken_offset, 'unixepoch') "
                        "FROM doses d WHERE attack_uuid IS NULL"
                      : "SELECT d.uuid, strftime('%Y-%m-%dT%H:%M:%S', taken_time + taken_offset, 'unixepoch') "
                        "FROM doses d JOIN medications m ON m.uuid = d.medication_uuid "
                        "WHERE attack_uuid IS NULL AND (m.name LIKE ?1 ESCAPE '\\' OR d.notes LIKE ?1 ESCAPE '\\')",
                      -1, &doses, NULL);
  if (pattern != NULL)
    sqlite3_bind_text (doses, 1, pattern, -1, SQLITE_TRANSIENT);

  append_rows (raw, attacks, ENTRY_ATTACK, NULL);
  append_rows (raw, days, ENTRY_DAY, "T99");
  append_rows (raw, doses, ENTRY_DOSE, NULL);
  sqlite3_finalize (attacks);
  sqlite3_finalize (days);
  sqlite3_finalize (doses);

  g_array_sort (raw, compare_newest_first);

  for (guint i = 0; i < raw->len; i++)
    {
      Entry *entry = &g_array_index (raw, Entry, i);
      Entry copy;

      if (month == NULL || strncmp (month, entry->key, 7) != 0)
        {
          Entry header = { ENTRY_HEADER, g_strndup (entry->key, 7), g_strndup (entry->key, 7) };

          g_array_append_val (entries, header);
          month = entry->key;
        }

      copy.kind = entry->kind;
      copy.key = g_strdup (entry->key);
      copy.id = g_strdup (entry->id);
      g_array_append_val (entries, copy);
    }

  return entries;
}

static GArray *
read_entries (MdTimeline *self)
{
  self->generation++;
  self->loading = FALSE;
  g_cancellable_cancel (self->cancellable);

  return read_entries_from (md_database_get_handle (md_diary_get_database (self->diary)), self->search);
}

static gboolean
same_entry (Entry *a,
            Entry *b)
{
  return a->kind == b->kind && g_str_equal (a->id, b->id) && g_str_equal (a->key, b->key);
}

static void
index_attacks (MdTimeline *self)
{
  g_hash_table_remove_all (self->attack_positions);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->kind == ENTRY_ATTACK)
        g_hash_table_insert (self->attack_positions, entry->id, GUINT_TO_POINTER (i + 1));
    }
}

/* Re-reads the order and announces only the range that differs, so the
 * list keeps its place. */
static void
reload (MdTimeline *self)
{
  g_autoptr(GArray) old = g_steal_pointer (&self->entries);
  guint prefix = 0;
  guint suffix = 0;

  self->entries = read_entries (self);
  index_attacks (self);

  while (prefix < old->len && prefix < self->entries->len &&
         same_entry (&g_array_index (old, Entry, prefix), &g_array_index (self->entries, Entry, prefix)))
    prefix++;
  while (suffix < old->len - prefix && suffix < self->entries->len - prefix &&
         same_entry (&g_array_index (old, Entry, old->len - 1 - suffix),
                     &g_array_index (self->entries, Entry, self->entries->len - 1 - suffix)))
    suffix++;

  if (prefix == old->len && prefix == self->entries->len)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old->len - prefix - suffix,
                              self->entries->len - prefix - suffix);
}

static void
diary_changed_cb (MdTimeline *self)
{
  reload (self);
}

static void
attack_changed_cb (MdTimeline *self,
                   const char *uuid)
{
  guint position;

  /* A new start time moves the row: reload finds out; otherwise redraw it. */
  reload (self);
  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->attack_positions, uuid));
  if (position > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position - 1, 1, 1);
}

static void
md_timeline_finalize (GObject *object)
{
  MdTimeline *self = MD_TIMELINE (object);

  g_clear_pointer (&self->attack_positions, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_object (&self->diary);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (md_timeline_parent_class)->finalize (object);
}

static void
md_timeline_class_init (MdTimelineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_timeline_finalize;
}

static void
md_timeline_init (MdTimeline *self)
{
  self->entries = new_entries ();
  self->attack_positions = g_hash_table_new (g_str_hash, g_str_equal);
}

MdTimeline *
md_timeline_new (MdDiary *diary)
{
  MdTimeline *self;

  g_return_val_if_fail (MD_IS_DIARY (diary), NULL);

  self = g_object_new (MD_TYPE_TIMELINE, NULL);
  self->diary = g_object_ref (diary);
  g_array_unref (self->entries);
  self->entries = read_entries (self);
  index_attacks (self);

  g_signal_connect_object (diary, "changed", G_CALLBACK (diary_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (diary, "attack-changed", G_CALLBACK (attack_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

/* Background reading: a diary of many thousands of attacks is read on a
 * connection of its own in a thread, so the window keeps drawing; the
 * list fills when it is done. A synchronous read in the meantime (a
 * change, a search) supersedes it. */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  sqlite3 *db = NULL;
  GArray *entries;

  if (md_database_open_reader (path, &db) != SQLITE_OK)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                               db != NULL ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close (db);
      return;
    }
  entries = read_entries_from (db, NULL);
  sqlite3_close (db);
  g_task_return_pointer (task, entries, (GDestroyNotify) g_array_unref);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  MdTimeline *self = MD_TIMELINE (source);
  guint generation = GPOINTER_TO_UINT (user_data);
  g_autoptr(GArray) entries = g_task_propagate_pointer (G_TASK (result), NULL);
  guint old_len;

  if (entries == NULL || generation != self->generation || !self->loading)
    return;

  self->loading = FALSE;
  old_len = self->entries->len;
  g_array_unref (self->entries);
  self->entries = g_steal_pointer (&entries);
  index_attacks (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->entries->len);
}

/**
 * md_timeline_new_in_background:
 *
 * Like md_timeline_new(), but a diary with more than @threshold attacks
 * is read in a thread: the model starts empty and fills with one
 * items-changed. Smaller diaries are read at once.
 */
MdTimeline *
md_timeline_new_in_background (MdDiary *diary,
                               gint64   threshold)
{
  MdTimeline *self;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (MD_IS_DIARY (diary), NULL);

  if (md_diary_count (diary, "attacks") <= threshold)
    return md_timeline_new (diary);

  self = g_object_new (MD_TYPE_TIMELINE, NULL);
  self->diary = g_object_ref (diary);
  self->loading = TRUE;
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (diary, "changed", G_CALLBACK (diary_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (diary, "attack-changed", G_CALLBACK (attack_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* The load's generation rides with its callback: a later read
   * supersedes it. */
  task = g_task_new (self, self->cancellable, load_done_cb, GUINT_TO_POINTER (self->generation));
  g_task_set_task_data (task, g_strdup (md_database_get_path (md_diary_get_database (diary))), g_free);
  g_task_run_in_thread (task, load_thread);

  return self;
}

gboolean
md_timeline_is_loading (MdTimeline *self)
{
  g_return_val_if_fail (MD_IS_TIMELINE (self), FALSE);

  return self->loading;
}

/**
 * md_timeline_set_search:
 * @text: (nullable): words to look for, or %NULL for everything
 */
void
md_timeline_set_search (MdTimeline *self,
                        const char *text)
{
  g_return_if_fail (MD_IS_TIMELINE (self));

  if (g_strcmp0 (self->search, text) == 0)
    return;

  g_free (self->search);
  self->search = text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
  reload (self);
}

const char *
md_timeline_get_search (MdTimeline *self)
{
  g_return_val_if_fail (MD_IS_TIMELINE (self), NULL);

  return self->search;
}

/**
 * md_timeline_find_date:
 * @date: YYYY-MM-DD
 *
 * Returns: the position of the first entry on or before @date (for
 *   "go to date"), or the last position when everything is later
 */
guint
md_timeline_find_date (MdTimeline *self,
                       const char *date)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (MD_IS_TIMELINE (self), 0);

  key = g_strconcat (date, "T99", NULL);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      /* Land on the month's header when the entry is the month's first. */
      if (entry->kind != ENTRY_HEADER && g_strcmp0 (entry->key, key) <= 0)
        return i > 0 && g_array_index (self->entries, Entry, i - 1).kind == ENTRY_HEADER ? i - 1 : i;
    }

  return self->entries->len > 0 ? self->entries->len - 1 : 0;
}

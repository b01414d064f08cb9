/* md-row-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A lazy GListModel over a query: it holds only the ordered rowids, and
 * builds a record when a list row asks for it, so a 100,000-attack diary
 * costs 800 kB here and no object until it is on screen. After a change
 * the rowids are read again and only the range that differs is
 * announced, so list views keep their scroll position.
 */

#define G_LOG_DOMAIN "md-row-list"

#include "config.h"

#include "md-database-private.h"
#include "md-row-list.h"

struct _MdRowList
{
  GObject            parent_instance;

  /* Owned */
  GArray            *rowids;
  char              *rowid_sql;
  MdDatabase        *database;

  /* Borrowed: the diary that owns the list; it detaches the list when it
   * goes (md_row_list_detach()), as a view may keep the list longer. */
  gpointer           user_data;

  GType              item_type;
  MdRowListLoadFunc  load;
};

static GType
md_row_list_get_item_type (GListModel *model)
{
  return MD_ROW_LIST (model)->item_type;
}

static guint
md_row_list_get_n_items (GListModel *model)
{
  return MD_ROW_LIST (model)->rowids->len;
}

static gpointer
md_row_list_get_item (GListModel *model,
                      guint       position)
{
  MdRowList *self = MD_ROW_LIST (model);

  if (position >= self->rowids->len || self->load == NULL)
    return NULL;

  return self->load (g_array_index (self->rowids, gint64, position), self->user_data);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = md_row_list_get_item_type;
  iface->get_n_items = md_row_list_get_n_items;
  iface->get_item = md_row_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (MdRowList, md_row_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
md_row_list_finalize (GObject *object)
{
  MdRowList *self = MD_ROW_LIST (object);

  g_clear_pointer (&self->rowids, g_array_unref);
  g_clear_pointer (&self->rowid_sql, g_free);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (md_row_list_parent_class)->finalize (object);
}

static void
md_row_list_class_init (MdRowListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = md_row_list_finalize;
}

static void
md_row_list_init (MdRowList *self)
{
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static GArray *
query_rowids (MdRowList *self)
{
  g_autoptr(GError) error = NULL;
  GArray *rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  /* A closed or detached list is empty. */
  if (self->load == NULL || md_database_is_closed (self->database))
    return rowids;

  stmt = md_database_prepare (self->database, self->rowid_sql, &error);

  if (stmt == NULL)
    {
      g_warning ("Could not list rows: %s", error->message);
      return rowids;
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }
  sqlite3_reset (stmt);

  return rowids;
}

MdRowList *
md_row_list_new (GType              item_type,
                 MdDatabase        *database,
                 const char        *rowid_sql,
                 MdRowListLoadFunc  load,
                 gpointer           user_data)
{
  MdRowList *self;

  g_return_val_if_fail (MD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (rowid_sql != NULL, NULL);
  g_return_val_if_fail (load != NULL, NULL);

  self = g_object_new (MD_TYPE_ROW_LIST, NULL);
  self->item_type = item_type;
  self->database = g_object_ref (database);
  self->rowid_sql = g_strdup (rowid_sql);
  self->load = load;
  self->user_data = user_data;

  g_array_unref (self->rowids);
  self->rowids = query_rowids (self);

  return self;
}

/**
 * md_row_list_reload:
 *
 * Reads the rows again and emits one items-changed for the range that
 * differs; an edit that moves no row announces nothing (see
 * md_row_list_row_changed()).
 */
void
md_row_list_reload (MdRowList *self)
{
  g_autoptr(GArray) old = NULL;
  guint prefix = 0;
  guint suffix = 0;
  guint old_len;
  guint new_len;

  g_return_if_fail (MD_IS_ROW_LIST (self));

  old = g_steal_pointer (&self->rowids);
  self->rowids = query_rowids (self);
  old_len = old->len;
  new_len = self->rowids->len;

  while (prefix < old_len && prefix < new_len &&
         g_array_index (old, gint64, prefix) == g_array_index (self->rowids, gint64, prefix))
    prefix++;

  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         g_array_index (old, gint64, old_len - 1 - suffix) ==
         g_array_index (self->rowids, gint64, new_len - 1 - suffix))
    suffix++;

  if (old_len == new_len && prefix == old_len)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old_len - prefix - suffix,
                              new_len - prefix - suffix);
}

/**
 * md_row_list_row_changed:
 * @rowid: a row whose contents changed but not its place
 *
 * Announces the row as replaced, so views show its new contents.
 */
void
md_row_list_row_changed (MdRowList *self,
                         gint64     rowid)
{
  g_return_if_fail (MD_IS_ROW_LIST (self));

  for (guint i = 0; i < self->rowids->len; i++)
    if (g_array_index (self->rowids, gint64, i) == rowid)
      {
        g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
        return;
      }
}

/**
 * md_row_list_detach:
 *
 * The owner is going: the list becomes empty (announced to its views)
 * and never reads again.
 */
void
md_row_list_detach (MdRowList *self)
{
  g_return_if_fail (MD_IS_ROW_LIST (self));

  self->load = NULL;
  self->user_data = NULL;
  md_row_list_reload (self);
}

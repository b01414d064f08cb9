/* md-undo-toast.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The toasts a page shows: after a delete, one whose "Undo" button
 * hands the deleted rows back to the page that deleted them, as long as
 * the toast lives; and where a page shows any toast.
 */

#define G_LOG_DOMAIN "md-undo-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "md-undo-toast.h"
#include "md-window.h"

typedef struct
{
  GObject         *page;
  MdDiaryUndo     *undo;
  MdUndoToastFunc  undo_func;
} UndoData;

static void
undo_data_free (gpointer  data,
                GClosure *closure)
{
  UndoData *undo = data;

  g_object_unref (undo->page);
  md_diary_undo_free (undo->undo);
  g_free (undo);
}

static void
undo_clicked_cb (AdwToast *toast,
                 UndoData *data)
{
  data->undo_func (data->page, data->undo);
}

/**
 * md_undo_toast_new:
 * @title: what was done, e.g. "Attack deleted"
 * @page: the page that did it; the toast keeps it
 * @undo: (transfer full): what md_diary_undo() needs
 * @undo_func: called with @page and @undo when "Undo" is pressed
 *
 * Returns: (transfer floating): the toast with "Undo"
 */
AdwToast *
md_undo_toast_new (const char      *title,
                   gpointer         page,
                   MdDiaryUndo     *undo,
                   MdUndoToastFunc  undo_func)
{
  AdwToast *toast = adw_toast_new (title);
  UndoData *data = g_new0 (UndoData, 1);

  g_return_val_if_fail (G_IS_OBJECT (page), toast);
  g_return_val_if_fail (undo != NULL && undo_func != NULL, toast);

  data->page = g_object_ref (page);
  data->undo = undo;
  data->undo_func = undo_func;
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), data,
                         undo_data_free, 0);

  return toast;
}

/**
 * md_toast_show:
 * @widget: a widget in the window that shows @toast
 * @toast: (transfer floating): the toast
 *
 * Shows @toast in @widget's window; a page not in a window (a test)
 * drops it.
 */
void
md_toast_show (GtkWidget *widget,
               AdwToast  *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, MD_TYPE_WINDOW);

  if (window != NULL)
    md_window_add_toast (MD_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/**
 * md_error_dialog_show:
 * @widget: a widget in the window the dialog belongs to
 * @heading: what did not happen
 * @error: why
 *
 * Says why in a dialog, which shows the whole message (who holds the
 * diary, that the disk is full…) and what to do: a toast cuts a long
 * message off.
 */
void
md_error_dialog_show (GtkWidget    *widget,
                      const char   *heading,
                      const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * md_save_error_show:
 *
 * Says in a dialog why a change was not saved.
 */
void
md_save_error_show (GtkWidget    *widget,
                    const GError *error)
{
  /* Translators: heading of the dialog that says why a change was not saved */
  md_error_dialog_show (widget, _("Changes Cannot Be Saved"), error);
}

/* md-accessible.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a screen reader announces is the visible label, once. GTK 4.8
 * names a button with a mnemonic by its raw label and then by the label
 * it is labelled by ("_Save Save"), a button whose label is a child
 * widget or an icon by its type ("GtkButton", "GtkImage"), and the list
 * inside a combo row by its type ("GtkListView"). These helpers give
 * each of them its visible text as its only name.
 */

#define G_LOG_DOMAIN "md-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "md-accessible.h"

/**
 * md_accessible_strip_mnemonic:
 *
 * Returns: @text without its mnemonic underscores ("__" is a real one)
 */
char *
md_accessible_strip_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            {
              g_string_append_c (out, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/**
 * md_accessible_set_name:
 *
 * Makes @name the whole accessible name of @widget, replacing what GTK
 * derived from its labels.
 */
static void
set_name (GtkWidget  *widget,
          const char *name)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

void
md_accessible_set_name (GtkWidget  *widget,
                        const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* A name given on purpose ("Edit attack of Thu 29 Oct") is kept when
   * md_accessible_fix_names() passes by later. */
  g_object_set_data (G_OBJECT (widget), "md-accessible-named", GINT_TO_POINTER (TRUE));
  set_name (widget, name);
}

static const char *
first_label_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      if (GTK_IS_LABEL (child) && gtk_label_get_text (GTK_LABEL (child))[0] != '\0')
        return gtk_label_get_text (GTK_LABEL (child));
      if ((text = first_label_text (child)) != NULL)
        return text;
    }

  return NULL;
}

static char *
button_text (GtkButton *button)
{
  GtkWidget *child = gtk_button_get_child (button);
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (button));

  if (gtk_button_get_label (button) != NULL && gtk_button_get_use_underline (button))
    return md_accessible_strip_mnemonic (gtk_button_get_label (button));

  if (GTK_IS_LABEL (child))
    return g_strdup (gtk_label_get_text (GTK_LABEL (child)));

  /* libadwaita already names a button by its content, once. */
  if (ADW_IS_BUTTON_CONTENT (child))
    return NULL;

  /* An icon says nothing; its tooltip says what the button does. */
  if ((child == NULL || GTK_IS_IMAGE (child)) && gtk_button_get_label (button) == NULL && tooltip != NULL)
    return g_strdup (tooltip);

  /* A box of an icon and a label. */
  if (child != NULL && !GTK_IS_IMAGE (child) && first_label_text (child) != NULL)
    return g_strdup (first_label_text (child));

  return NULL;
}

static void
button_label_changed_cb (GtkButton *button)
{
  g_autofree char *text = NULL;

  if (g_object_get_data (G_OBJECT (button), "md-accessible-named") != NULL)
    return;

  text = button_text (button);
  if (text != NULL && text[0] != '\0')
    set_name (GTK_WIDGET (button), text);
}

static void
fix_button (GtkButton *button)
{
  if (g_object_get_data (G_OBJECT (button), "md-accessible-name") != NULL)
    return;
  g_object_set_data (G_OBJECT (button), "md-accessible-name", GINT_TO_POINTER (TRUE));

  button_label_changed_cb (button);
  g_signal_connect (button, "notify::label", G_CALLBACK (button_label_changed_cb), NULL);
  g_signal_connect (button, "notify::child", G_CALLBACK (button_label_changed_cb), NULL);
  g_signal_connect (button, "notify::tooltip-text", G_CALLBACK (button_label_changed_cb), NULL);
}

static void
name_combo_row_list (GtkWidget *widget,
                     const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        md_accessible_set_name (child, title);
      else
        name_combo_row_list (child, title);
    }
}

/**
 * md_accessible_fix_names:
 *
 * Gives the buttons and combo rows under @root their visible text as
 * their accessible name. Buttons that change their label later follow.
 */
void
md_accessible_fix_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  /* The button inside a menu button is named by the menu button. */
  if (GTK_IS_BUTTON (root) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (root)))
    fix_button (GTK_BUTTON (root));

  /* A toast's close button is an icon without a tooltip. */
  if (GTK_IS_BUTTON (root) && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (root))) &&
      gtk_widget_get_tooltip_text (root) == NULL &&
      g_strcmp0 (G_OBJECT_TYPE_NAME (gtk_widget_get_parent (root)), "AdwToastWidget") == 0)
    /* Translators: read by a screen reader for the close button of a notice at the bottom of the window */
    md_accessible_set_name (root, _("Dismiss"));

  if (ADW_IS_COMBO_ROW (root))
    {
      g_autofree char *title = md_accessible_strip_mnemonic (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));

      name_combo_row_list (root, title);
    }

  /* A chip in a flow box is announced by its text, not as a table cell
   * of some type. */
  if (GTK_IS_FLOW_BOX_CHILD (root) && first_label_text (root) != NULL)
    md_accessible_set_name (root, first_label_text (root));

  /* The list inside a preferences group is named by the group. */
  if (GTK_IS_LIST_BOX (root))
    {
      GtkWidget *group = gtk_widget_get_ancestor (root, ADW_TYPE_PREFERENCES_GROUP);

      const char *title = group != NULL ? adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)) : NULL;
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (root), 0);

      /* An untitled group: its first row says what it holds. */
      if (group != NULL && (title == NULL || title[0] == '\0') && ADW_IS_PREFERENCES_ROW (first))
        title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first));

      /* The list of Preferences' own search. */
      if (group == NULL && gtk_widget_get_ancestor (root, ADW_TYPE_PREFERENCES_WINDOW) != NULL)
        /* Translators: read by a screen reader for the results of searching Preferences */
        title = _("Search results");

      if (title != NULL && title[0] != '\0' &&
          gtk_widget_get_ancestor (gtk_widget_get_parent (root), GTK_TYPE_LIST_BOX) == NULL)
        {
          g_autofree char *name = md_accessible_strip_mnemonic (title);

          md_accessible_set_name (root, name);
        }
    }

  /* Preferences' own search field. */
  if (GTK_IS_SEARCH_ENTRY (root) && gtk_widget_get_ancestor (root, ADW_TYPE_PREFERENCES_WINDOW) != NULL)
    /* Translators: read by a screen reader for the search field of Preferences */
    md_accessible_set_name (root, _("Search preferences"));

  if (ADW_IS_VIEW_SWITCHER (root))
    /* Translators: read by a screen reader for the Diary, Charts, Reminders switcher */
    md_accessible_set_name (root, _("Views"));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    md_accessible_fix_names (child);
}

/**
 * md_accessible_fix_names_when_mapped:
 *
 * Runs md_accessible_fix_names() on @widget now and each time it is
 * shown, for what is built after the template: rows, chips, and what
 * libadwaita names as it realizes.
 */
void
md_accessible_fix_names_when_mapped (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  md_accessible_fix_names (widget);
  g_signal_connect (widget, "map", G_CALLBACK (md_accessible_fix_names), NULL);
}

static gboolean
fix_toasts_cb (gpointer data)
{
  GtkWidget *overlay = data;

  md_accessible_fix_names (overlay);
  g_object_unref (overlay);

  return G_SOURCE_REMOVE;
}

/**
 * md_accessible_add_toast:
 *
 * Adds @toast to @overlay, and names its close button once libadwaita
 * has made it.
 */
void
md_accessible_add_toast (AdwToastOverlay *overlay,
                         AdwToast        *toast)
{
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  adw_toast_overlay_add_toast (overlay, toast);
  g_idle_add (fix_toasts_cb, g_object_ref (overlay));
}

/* md-medication-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A button showing the chosen medication that opens a searchable list.
 * Whatever the user highlights in the list — with the mouse, the arrow
 * keys or an assistive technology selecting a child — is exactly what is
 * chosen: the list works on the medication objects themselves, never on
 * positions in a filtered copy of the list (GtkDropDown 4.8 commits the
 * position of the filtered list into the whole list, so a search for
 * "suma" could record metoclopramide, and it ignores AT-SPI selection).
 */

#define G_LOG_DOMAIN "md-medication-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "md-medication-chooser.h"

struct _MdMedicationChooser
{
  GtkWidget       parent_instance;

  /* Children */
  GtkMenuButton  *button;
  GtkLabel       *label;
  GtkPopover     *popover;
  GtkSearchEntry *search_entry;
  GtkListBox     *list_box;

  /* Owned */
  GListModel     *model;
  MdMedication   *selected_item;
  char           *search; /* casefolded, or NULL */

  gboolean        syncing;
};

G_DEFINE_FINAL_TYPE (MdMedicationChooser, md_medication_chooser, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED,
  PROP_SELECTED_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal, -1);
}

/* The diary's list makes its items as they are asked for, so each row
 * keeps its own, and medications are told apart by uuid. */
static MdMedication *
row_medication (MdMedicationChooser *self,
                GtkListBoxRow       *row)
{
  return g_object_get_data (G_OBJECT (row), "md-medication");
}

static gboolean
same_medication (MdMedication *a,
                 MdMedication *b)
{
  return a != NULL && b != NULL && g_strcmp0 (a->uuid, b->uuid) == 0;
}

static gboolean
matches (MdMedicationChooser *self,
         MdMedication        *medication)
{
  g_autofree char *shown = NULL;
  g_autofree char *stored = NULL;

  if (self->search == NULL || self->search[0] == '\0')
    return TRUE;
  if (medication == NULL || medication->name == NULL)
    return FALSE;

  /* What the list shows (a preset's translated name), or the name kept
   * in the diary */
  shown = fold (md_medication_get_display_name (medication));
  stored = fold (medication->name);
  return strstr (shown, self->search) != NULL || strstr (stored, self->search) != NULL;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  MdMedicationChooser *self = user_data;

  return matches (self, row_medication (self, row));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  MdMedication *medication = item;
  GtkWidget *row = gtk_list_box_row_new ();
  const char *name = md_medication_get_display_name (medication);
  GtkWidget *label = gtk_label_new (name);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), "md-medication", g_object_ref (medication), g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);

  return row;
}

static GtkListBoxRow *
row_for_item (MdMedicationChooser *self,
              MdMedication        *medication)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  for (guint i = 0; medication != NULL && i < n; i++)
    {
      g_autoptr(MdMedication) item = g_list_model_get_item (self->model, i);

      if (same_medication (item, medication))
        return gtk_list_box_get_row_at_index (self->list_box, (int) i);
    }

  return NULL;
}

static GtkListBoxRow *
first_visible_row (MdMedicationChooser *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    if (matches (self, row_medication (self, row)))
      return row;

  return NULL;
}

static void
update_label (MdMedicationChooser *self)
{
  /* The button is announced by what it shows; the row names the field. */
  if (self->selected_item != NULL)
    {
      gtk_label_set_label (self->label, md_medication_get_display_name (self->selected_item));
      gtk_widget_remove_css_class (GTK_WIDGET (self->label), "dim-label");
    }
  else
    {
      /* Translators: on the medication chooser when none is chosen yet */
      gtk_label_set_label (self->label, _("Choose…"));
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-label");
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_label (self->label),
                                  -1);
}

static void
set_selected_item (MdMedicationChooser *self,
                   MdMedication        *medication)
{
  if (self->selected_item == medication ||
      same_medication (self->selected_item, medication))
    return;

  g_set_object (&self->selected_item, medication);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

/* Selecting a row — a click, the arrow keys, or selectChild through
 * AT-SPI — chooses its medication. */
static void
row_selected_cb (MdMedicationChooser *self,
                 GtkListBoxRow       *row)
{
  MdMedication *medication;

  if (self->syncing || row == NULL)
    return;

  medication = row_medication (self, row);
  if (medication != NULL && matches (self, medication))
    set_selected_item (self, medication);
}

static void
row_activated_cb (MdMedicationChooser *self,
                  GtkListBoxRow       *row)
{
  MdMedication *medication = row_medication (self, row);

  if (medication != NULL)
    set_selected_item (self, medication);
  gtk_popover_popdown (self->popover);
}

static void
search_changed_cb (MdMedicationChooser *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  g_clear_pointer (&self->search, g_free);
  self->search = fold (g_strstrip (text));
  gtk_list_box_invalidate_filter (self->list_box);
}

/* Enter in the search field takes the highlighted medication if the search
 * still shows it, or else the first one shown. */
static void
search_activate_cb (MdMedicationChooser *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);

  if (row == NULL || !matches (self, row_medication (self, row)))
    row = first_visible_row (self);

  if (row != NULL)
    row_activated_cb (self, row);
}

static void
stop_search_cb (MdMedicationChooser *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_popover_popdown (self->popover);
}

/* Down from the search field moves into the list, onto the highlighted
 * medication if the search shows it, or else the first one shown. */
static gboolean
search_key_pressed_cb (MdMedicationChooser   *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  /* The typed text may not have reached the filter yet. */
  search_changed_cb (self);

  row = gtk_list_box_get_selected_row (self->list_box);
  if (row == NULL || !matches (self, row_medication (self, row)))
    row = first_visible_row (self);
  if (row == NULL)
    return GDK_EVENT_STOP;

  gtk_list_box_select_row (self->list_box, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));

  return GDK_EVENT_STOP;
}

static void
popover_show_cb (MdMedicationChooser *self)
{
  GtkListBoxRow *row;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);

  self->syncing = TRUE;
  row = row_for_item (self, self->selected_item);
  if (row != NULL)
    gtk_list_box_select_row (self->list_box, row);
  else
    gtk_list_box_unselect_all (self->list_box);
  self->syncing = FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
popover_closed_cb (MdMedicationChooser *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* GtkListBox 4.8 does not filter a bound model, so the rows are made
 * here, in the model's order. */
static void
rebuild_rows (MdMedicationChooser *self)
{
  GtkWidget *row;
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  self->syncing = TRUE;
  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list_box, 0))) != NULL)
    gtk_list_box_remove (self->list_box, row);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MdMedication) medication = g_list_model_get_item (self->model, i);

      gtk_list_box_append (self->list_box, create_row (medication, self));
    }
  self->syncing = FALSE;
}

static void
model_items_changed_cb (MdMedicationChooser *self)
{
  rebuild_rows (self);

  /* A chosen medication that left the list is no longer chosen. */
  if (self->selected_item != NULL && row_for_item (self, self->selected_item) == NULL)
    set_selected_item (self, NULL);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static gboolean
md_medication_chooser_grab_focus (GtkWidget *widget)
{
  MdMedicationChooser *self = MD_MEDICATION_CHOOSER (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->button));
}

static gboolean
md_medication_chooser_mnemonic_activate (GtkWidget *widget,
                                         gboolean   group_cycling)
{
  MdMedicationChooser *self = MD_MEDICATION_CHOOSER (widget);

  return gtk_widget_mnemonic_activate (GTK_WIDGET (self->button), group_cycling);
}

static void
md_medication_chooser_dispose (GObject *object)
{
  MdMedicationChooser *self = MD_MEDICATION_CHOOSER (object);
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->model);
  g_clear_object (&self->selected_item);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (md_medication_chooser_parent_class)->dispose (object);
}

static void
md_medication_chooser_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MdMedicationChooser *self = MD_MEDICATION_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_SELECTED:
      g_value_set_uint (value, md_medication_chooser_get_selected (self));
      break;

    case PROP_SELECTED_ITEM:
      g_value_set_object (value, self->selected_item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_medication_chooser_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  MdMedicationChooser *self = MD_MEDICATION_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      md_medication_chooser_set_model (self, g_value_get_object (value));
      break;

    case PROP_SELECTED:
      md_medication_chooser_set_selected (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_medication_chooser_class_init (MdMedicationChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* A part of the window, not an unnamed widget of some type. */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);

  object_class->dispose = md_medication_chooser_dispose;
  object_class->get_property = md_medication_chooser_get_property;
  object_class->set_property = md_medication_chooser_set_property;

  widget_class->grab_focus = md_medication_chooser_grab_focus;
  widget_class->mnemonic_activate = md_medication_chooser_mnemonic_activate;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL,
                       0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL,
                         MD_TYPE_MEDICATION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "medicationchooser");
}

static void
md_medication_chooser_init (MdMedicationChooser *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *placeholder;
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_always_show_arrow (self->button, TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->label, 0);
  gtk_menu_button_set_child (self->button, GTK_WIDGET (self->label));

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  /* Translators: the search field of the medication chooser */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search medications"),
                                  -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_SINGLE);
  gtk_list_box_set_filter_func (self->list_box, filter_row, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Medications"),
                                  -1);
  placeholder = gtk_label_new (_("No medication matches"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list_box, placeholder);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "navigation-sidebar");

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_box));
  gtk_box_append (GTK_BOX (box), scrolled);

  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, box);
  gtk_menu_button_set_popover (self->button, GTK_WIDGET (self->popover));

  g_signal_connect_object (self->list_box, "row-selected", G_CALLBACK (row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_box, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->popover, "show", G_CALLBACK (popover_show_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->popover, "closed", G_CALLBACK (popover_closed_cb), self, G_CONNECT_SWAPPED);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  update_label (self);
}

GtkWidget *
md_medication_chooser_new (void)
{
  return g_object_new (MD_TYPE_MEDICATION_CHOOSER, NULL);
}

/**
 * md_medication_chooser_get_model:
 *
 * Returns: (transfer none) (nullable): the medications offered
 */
GListModel *
md_medication_chooser_get_model (MdMedicationChooser *self)
{
  g_return_val_if_fail (MD_IS_MEDICATION_CHOOSER (self), NULL);

  return self->model;
}

/**
 * md_medication_chooser_set_model:
 * @model: (nullable): a list of #MdMedication
 *
 * Offers @model; nothing is chosen until set_selected() or the user
 * chooses.
 */
void
md_medication_chooser_set_model (MdMedicationChooser *self,
                                 GListModel          *model)
{
  g_return_if_fail (MD_IS_MEDICATION_CHOOSER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_set_object (&self->model, model);
  rebuild_rows (self);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  set_selected_item (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * md_medication_chooser_get_selected:
 *
 * Returns: the position of the chosen medication in the model, or
 *   %GTK_INVALID_LIST_POSITION
 */
guint
md_medication_chooser_get_selected (MdMedicationChooser *self)
{
  guint n;

  g_return_val_if_fail (MD_IS_MEDICATION_CHOOSER (self), GTK_INVALID_LIST_POSITION);

  n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  for (guint i = 0; self->selected_item != NULL && i < n; i++)
    {
      g_autoptr(MdMedication) item = g_list_model_get_item (self->model, i);

      if (same_medication (item, self->selected_item))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

void
md_medication_chooser_set_selected (MdMedicationChooser *self,
                                    guint                position)
{
  g_autoptr(MdMedication) item = NULL;

  g_return_if_fail (MD_IS_MEDICATION_CHOOSER (self));

  if (self->model != NULL && position < g_list_model_get_n_items (self->model))
    item = g_list_model_get_item (self->model, position);

  set_selected_item (self, item);
}

/**
 * md_medication_chooser_select_uuid:
 * @uuid: (nullable): a medication's uuid
 *
 * Chooses the medication @uuid names, if it is offered; otherwise the
 * choice stays as it was.
 */
void
md_medication_chooser_select_uuid (MdMedicationChooser *self,
                                   const char          *uuid)
{
  guint n;

  g_return_if_fail (MD_IS_MEDICATION_CHOOSER (self));

  n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MdMedication) medication = g_list_model_get_item (self->model, i);

      if (g_strcmp0 (medication->uuid, uuid) == 0)
        md_medication_chooser_set_selected (self, i);
    }
}

/**
 * md_medication_chooser_get_selected_item:
 *
 * Returns: (transfer none) (nullable): the chosen medication
 */
MdMedication *
md_medication_chooser_get_selected_item (MdMedicationChooser *self)
{
  g_return_val_if_fail (MD_IS_MEDICATION_CHOOSER (self), NULL);

  return self->selected_item;
}

/* md-pain-picker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The IHS four-point pain scale as four large buttons — what every
 * clinical endpoint uses, so it is what the patient always gives — and an
 * optional 0–10 number beside it, which is never converted into the
 * four-point scale.
 */

#define G_LOG_DOMAIN "md-pain-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "md-pain-picker.h"

#define N_LEVELS 4

struct _MdPainPicker
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkToggleButton *level_buttons[N_LEVELS];
  GtkToggleButton *nrs_toggle;
  GtkRevealer     *nrs_revealer;
  GtkScale        *nrs_scale;

  int              pain;
  int              nrs;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (MdPainPicker, md_pain_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAIN,
  PROP_NRS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * md_pain_level_get_meaning:
 * @pain: 0–3
 *
 * Returns: what the level means, in the words of the IHS definitions
 */
const char *
md_pain_level_get_meaning (int pain)
{
  switch (pain)
    {
    case 0: return _("No headache");
    case 1: return _("Does not interfere with usual activities");
    case 2: return _("Makes usual activities harder, but does not stop them");
    case 3: return _("Stops all usual activities");
    default: return "";
    }
}

static void
sync_buttons (MdPainPicker *self)
{
  self->updating = TRUE;

  for (int i = 0; i < N_LEVELS; i++)
    gtk_toggle_button_set_active (self->level_buttons[i], self->pain == i);

  gtk_toggle_button_set_active (self->nrs_toggle, self->nrs != MD_PAIN_UNSET);
  gtk_revealer_set_reveal_child (self->nrs_revealer, self->nrs != MD_PAIN_UNSET);
  if (self->nrs != MD_PAIN_UNSET)
    gtk_range_set_value (GTK_RANGE (self->nrs_scale), self->nrs);

  self->updating = FALSE;
}

static void
level_button_toggled_cb (MdPainPicker    *self,
                         GtkToggleButton *button)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  for (int i = 0; i < N_LEVELS; i++)
    if (self->level_buttons[i] == button)
      md_pain_picker_set_pain (self, i);
}

static void
nrs_toggle_toggled_cb (MdPainPicker    *self,
                       GtkToggleButton *toggle)
{
  if (self->updating)
    return;

  if (gtk_toggle_button_get_active (toggle))
    md_pain_picker_set_nrs (self, (int) gtk_range_get_value (GTK_RANGE (self->nrs_scale)));
  else
    md_pain_picker_set_nrs (self, MD_PAIN_UNSET);
}

static void
nrs_scale_value_changed_cb (MdPainPicker *self,
                            GtkRange     *range)
{
  if (self->updating || !gtk_toggle_button_get_active (self->nrs_toggle))
    return;

  md_pain_picker_set_nrs (self, (int) gtk_range_get_value (range));
}

static void
md_pain_picker_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MdPainPicker *self = MD_PAIN_PICKER (object);

  switch (prop_id)
    {
    case PROP_PAIN:
      g_value_set_int (value, self->pain);
      break;

    case PROP_NRS:
      g_value_set_int (value, self->nrs);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_pain_picker_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MdPainPicker *self = MD_PAIN_PICKER (object);

  switch (prop_id)
    {
    case PROP_PAIN:
      md_pain_picker_set_pain (self, g_value_get_int (value));
      break;

    case PROP_NRS:
      md_pain_picker_set_nrs (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
md_pain_picker_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), MD_TYPE_PAIN_PICKER);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (md_pain_picker_parent_class)->dispose (object);
}

/* Focus goes to the chosen level, or to the first. */
static gboolean
md_pain_picker_grab_focus (GtkWidget *widget)
{
  MdPainPicker *self = MD_PAIN_PICKER (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->level_buttons[MAX (self->pain, 0)]));
}

static void
md_pain_picker_class_init (MdPainPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = md_pain_picker_dispose;
  object_class->get_property = md_pain_picker_get_property;
  object_class->set_property = md_pain_picker_set_property;

  properties[PROP_PAIN] =
    g_param_spec_int ("pain", NULL, NULL,
                      MD_PAIN_UNSET, 3, MD_PAIN_UNSET,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NRS] =
    g_param_spec_int ("nrs", NULL, NULL,
                      MD_PAIN_UNSET, 10, MD_PAIN_UNSET,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/md-pain-picker.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "none_button", FALSE,
                                             G_STRUCT_OFFSET (MdPainPicker, level_buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "mild_button", FALSE,
                                             G_STRUCT_OFFSET (MdPainPicker, level_buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "moderate_button", FALSE,
                                             G_STRUCT_OFFSET (MdPainPicker, level_buttons[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "severe_button", FALSE,
                                             G_STRUCT_OFFSET (MdPainPicker, level_buttons[3]));
  gtk_widget_class_bind_template_child (widget_class, MdPainPicker, nrs_toggle);
  gtk_widget_class_bind_template_child (widget_class, MdPainPicker, nrs_revealer);
  gtk_widget_class_bind_template_child (widget_class, MdPainPicker, nrs_scale);
  gtk_widget_class_bind_template_callback (widget_class, level_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, nrs_toggle_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, nrs_scale_value_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "painpicker");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  widget_class->grab_focus = md_pain_picker_grab_focus;
}

static void
md_pain_picker_init (MdPainPicker *self)
{
  GtkLayoutManager *layout;

  self->pain = MD_PAIN_UNSET;
  self->nrs = MD_PAIN_UNSET;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  /* Each button says its level and what it means, for the eye and for
   * the screen reader alike, and has a mnemonic for the keyboard. */
  for (int i = 0; i < N_LEVELS; i++)
    {
      g_autofree char *description = g_strdup_printf ("%s: %s",
                                                      md_pain_level_get_label (i),
                                                      md_pain_level_get_meaning (i));
      const char *mnemonics[N_LEVELS] = {
        /* Translators: pain level buttons; the underscore marks the Alt key: keep
         * them distinct from each other and from _Save and _Medication, which
         * share the dose editor with them */
        C_("pain button", "_None"),
        C_("pain button", "M_ild"),
        C_("pain button", "M_oderate"),
        C_("pain button", "Se_vere"),
      };

      gtk_button_set_use_underline (GTK_BUTTON (self->level_buttons[i]), TRUE);
      gtk_button_set_label (GTK_BUTTON (self->level_buttons[i]), mnemonics[i]);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->level_buttons[i]),
                                   md_pain_level_get_meaning (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }

  sync_buttons (self);
}

GtkWidget *
md_pain_picker_new (void)
{
  return g_object_new (MD_TYPE_PAIN_PICKER, NULL);
}

int
md_pain_picker_get_pain (MdPainPicker *self)
{
  g_return_val_if_fail (MD_IS_PAIN_PICKER (self), MD_PAIN_UNSET);

  return self->pain;
}

void
md_pain_picker_set_pain (MdPainPicker *self,
                         int           pain)
{
  g_return_if_fail (MD_IS_PAIN_PICKER (self));
  g_return_if_fail (pain >= MD_PAIN_UNSET && pain <= 3);

  if (self->pain == pain)
    return;

  self->pain = pain;
  sync_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAIN]);
}

int
md_pain_picker_get_nrs (MdPainPicker *self)
{
  g_return_val_if_fail (MD_IS_PAIN_PICKER (self), MD_PAIN_UNSET);

  return self->nrs;
}

void
md_pain_picker_set_nrs (MdPainPicker *self,
                        int           nrs)
{
  g_return_if_fail (MD_IS_PAIN_PICKER (self));
  g_return_if_fail (nrs >= MD_PAIN_UNSET && nrs <= 10);

  if (self->nrs == nrs)
    return;

  self->nrs = nrs;
  sync_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NRS]);
}

/**
 * md_pain_picker_get_focus_level:
 *
 * Returns: the level whose button has the keyboard focus, or
 *   %MD_PAIN_UNSET
 */
int
md_pain_picker_get_focus_level (MdPainPicker *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (MD_IS_PAIN_PICKER (self), MD_PAIN_UNSET);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  for (int i = 0; focus != NULL && i < N_LEVELS; i++)
    if (focus == GTK_WIDGET (self->level_buttons[i]) ||
        gtk_widget_is_ancestor (focus, GTK_WIDGET (self->level_buttons[i])))
      return i;

  return MD_PAIN_UNSET;
}

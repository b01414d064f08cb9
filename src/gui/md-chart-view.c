/* md-chart-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart renderer from core/ as a widget: the style follows the theme
 * (dark mode, text colour, font, direction), the tooltip tells the period,
 * medication or day under the pointer, and the accessible description
 * says the chart's main numbers in words.
 */

#define G_LOG_DOMAIN "md-chart-view"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "md-chart-view.h"

struct _MdChartView
{
  GtkWidget           parent_instance;

  gboolean            by_month;
  gboolean            has_comparison;
  MdStatsComparison   comparison;

  /* Borrowed */
  const MdChartClass *klass;

  /* Owned */
  MdStats            *stats;
  char               *treatment_name;
};

G_DEFINE_FINAL_TYPE (MdChartView, md_chart_view, GTK_TYPE_WIDGET)

void
md_chart_view_get_style (MdChartView  *self,
                         MdChartStyle *style)
{
  GtkWidget *widget = GTK_WIDGET (self);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  GdkRGBA color;

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    md_chart_style_init_dark (style);
  else
    md_chart_style_init_light (style);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  style->foreground = (MdChartColor) { color.red, color.green, color.blue, color.alpha };
  style->muted = (MdChartColor) { color.red, color.green, color.blue, color.alpha * 0.7 };
  style->grid = (MdChartColor) { color.red, color.green, color.blue, 0.13 };
  style->untracked = (MdChartColor) { color.red, color.green, color.blue, 0.3 };

  if (font != NULL && pango_font_description_get_size (font) > 0)
    {
      double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;

      if (!pango_font_description_get_size_is_absolute (font))
        size *= 96.0 / 72.0;
      style->font_size = CLAMP (size * 0.95, 9, 24);
    }
  style->rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
}

/* What the renderer of the view's kind reads */
static void
get_model (MdChartView  *self,
           MdChartModel *model)
{
  *model = (MdChartModel) {
    .stats = self->stats,
    .by_month = self->by_month,
    .comparison = self->has_comparison ? &self->comparison : NULL,
    .treatment_name = self->treatment_name,
    .first_weekday = md_chart_locale_first_weekday (),
    .first_month = -1,
  };
}

static void
md_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  MdChartView *self = MD_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  MdChartStyle style;
  MdChartModel model;
  cairo_t *cr;

  if (self->stats == NULL || width <= 0 || height <= 0)
    return;

  md_chart_view_get_style (self, &style);
  get_model (self, &model);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  self->klass->render (&model, &style, cr, width, height);
  cairo_destroy (cr);
}

char *
md_chart_view_describe_at (MdChartView *self,
                           double       x,
                           double       y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  MdChartStyle style;
  MdChartModel model;

  g_return_val_if_fail (MD_IS_CHART_VIEW (self), NULL);

  if (self->stats == NULL)
    return NULL;

  md_chart_view_get_style (self, &style);
  get_model (self, &model);

  return md_chart_describe_at (self->klass, &model, &style, width, height, x, y);
}

/* The pain chart grows with its medications where they do not fit side by
 * side (a phone): its panels stack, and the view asks for their height. */
static GtkSizeRequestMode
md_chart_view_get_request_mode (GtkWidget *widget)
{
  MdChartView *self = MD_CHART_VIEW (widget);

  return self->klass->kind == MD_CHART_KIND_PAIN ? GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH
                                                 : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
md_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  MdChartView *self = MD_CHART_VIEW (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_VERTICAL && self->klass->kind == MD_CHART_KIND_PAIN &&
      self->stats != NULL && for_size > 0)
    {
      MdChartStyle style;
      MdChartModel model;

      md_chart_view_get_style (self, &style);
      get_model (self, &model);
      *minimum = *natural = (int) md_chart_pain_natural_height (&model, &style, for_size);
    }
}

static gboolean
query_tooltip_cb (MdChartView *self,
                  int          x,
                  int          y,
                  gboolean     keyboard_mode,
                  GtkTooltip  *tooltip)
{
  g_autofree char *text = NULL;

  if (keyboard_mode)
    text = md_chart_view_describe (self);
  else
    text = md_chart_view_describe_at (self, x, y);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

char *
md_chart_view_describe (MdChartView *self)
{
  MdChartModel model;

  g_return_val_if_fail (MD_IS_CHART_VIEW (self), NULL);

  if (self->stats == NULL)
    return NULL;

  get_model (self, &model);

  return self->klass->describe (&model);
}

void
md_chart_view_set_stats (MdChartView             *self,
                         MdStats                 *stats,
                         gboolean                 by_month,
                         const MdStatsComparison *comparison)
{
  g_autofree char *description = NULL;

  g_return_if_fail (MD_IS_CHART_VIEW (self));

  self->stats = stats;
  self->by_month = by_month;
  self->has_comparison = comparison != NULL;
  if (comparison != NULL)
    self->comparison = *comparison;

  description = md_chart_view_describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(self->klass->name),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
  if (self->klass->kind == MD_CHART_KIND_PAIN)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The treatment a before/after panel compares, for its description. */
void
md_chart_view_set_treatment_name (MdChartView *self,
                                  const char  *name)
{
  g_return_if_fail (MD_IS_CHART_VIEW (self));

  g_free (self->treatment_name);
  self->treatment_name = g_strdup (name);
}

MdChartKind
md_chart_view_get_kind (MdChartView *self)
{
  g_return_val_if_fail (MD_IS_CHART_VIEW (self), MD_CHART_KIND_FREQUENCY);

  return self->klass->kind;
}

static void
md_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (md_chart_view_parent_class)->css_changed (widget, change);
  if (MD_CHART_VIEW (widget)->klass->kind == MD_CHART_KIND_PAIN)
    gtk_widget_queue_resize (widget); /* the font may have changed */
  gtk_widget_queue_draw (widget);
}

static void
md_chart_view_dispose (GObject *object)
{
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), object);
  g_clear_pointer (&MD_CHART_VIEW (object)->treatment_name, g_free);

  G_OBJECT_CLASS (md_chart_view_parent_class)->dispose (object);
}

static void
md_chart_view_class_init (MdChartViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = md_chart_view_dispose;
  widget_class->snapshot = md_chart_view_snapshot;
  widget_class->get_request_mode = md_chart_view_get_request_mode;
  widget_class->measure = md_chart_view_measure;
  widget_class->css_changed = md_chart_view_css_changed;
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
md_chart_view_init (MdChartView *self)
{
  self->klass = md_chart_class_for (MD_CHART_KIND_FREQUENCY);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (gtk_widget_queue_draw), self);
}

GtkWidget *
md_chart_view_new (MdChartKind kind)
{
  MdChartView *self = g_object_new (MD_TYPE_CHART_VIEW, NULL);

  self->klass = md_chart_class_for (kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(self->klass->name), -1);

  return GTK_WIDGET (self);
}

/* san-sparkline.c: one metric of a server as a small live graph
 *
 * Draws its caption, value and graph itself in snapshot(): a new sample
 * only queues a draw, never a relayout, so many servers ticking stay cheap.
 * The samples are read straight from the SanServerMetrics (its history and
 * latest sample): nothing is copied per sample. The line takes the
 * widget's CSS colour (style.css: .sparkline.cpu and so on).
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "san-sparkline.h"
#include "san-status-labels.h"

#define PADDING        10
#define GRAPH_HEIGHT   36
#define TEXT_GAP       2

struct _SanSparkline
{
  GtkWidget           parent_instance;

  SanServerMetrics   *metrics;
  SanSparklineMetric  metric;
  PangoLayout        *caption_layout;
  PangoLayout        *value_layout;
  char                value_text[48];
  guint               draw_count;
};

G_DEFINE_FINAL_TYPE (SanSparkline, san_sparkline, GTK_TYPE_WIDGET)

static const char *
metric_caption (SanSparklineMetric metric)
{
  switch (metric)
    {
    case SAN_SPARKLINE_CPU:
      return C_("metric", "CPU");
    case SAN_SPARKLINE_MEMORY:
      return C_("metric", "Memory");
    case SAN_SPARKLINE_NET_IN:
      return C_("metric", "Network in");
    case SAN_SPARKLINE_NET_OUT:
      return C_("metric", "Network out");
    case SAN_SPARKLINE_DISK:
      return C_("metric", "Disk");
    case SAN_SPARKLINE_LOAD:
      return C_("metric", "Load (1 min)");
    default:
      g_return_val_if_reached ("");
    }
}

static const char *
metric_css_class (SanSparklineMetric metric)
{
  switch (metric)
    {
    case SAN_SPARKLINE_CPU:
      return "cpu";
    case SAN_SPARKLINE_MEMORY:
      return "memory";
    case SAN_SPARKLINE_NET_IN:
      return "net-in";
    case SAN_SPARKLINE_NET_OUT:
      return "net-out";
    case SAN_SPARKLINE_DISK:
      return "disk";
    case SAN_SPARKLINE_LOAD:
    default:
      return "load";
    }
}

static gboolean
has_graph (SanSparkline *self)
{
  return self->metric != SAN_SPARKLINE_DISK && self->metric != SAN_SPARKLINE_LOAD;
}

static double
sample_value (SanSparklineMetric     metric,
              const SanMetricSample *sample)
{
  switch (metric)
    {
    case SAN_SPARKLINE_CPU:
      return sample->cpu_pct;
    case SAN_SPARKLINE_MEMORY:
      return sample->mem_pct;
    case SAN_SPARKLINE_NET_IN:
      return sample->net_in_bps;
    case SAN_SPARKLINE_NET_OUT:
      return sample->net_out_bps;
    case SAN_SPARKLINE_DISK:
      return sample->disk_pct;
    case SAN_SPARKLINE_LOAD:
    default:
      return sample->load1;
    }
}

static gboolean
is_percent (SanSparklineMetric metric)
{
  return metric == SAN_SPARKLINE_CPU || metric == SAN_SPARKLINE_MEMORY ||
         metric == SAN_SPARKLINE_DISK;
}

/* Formats the latest value into self->value_text (no allocation for
 * percentages and load, the common case) */
static void
format_value (SanSparkline *self)
{
  const SanMetricSample *latest = NULL;
  double value;

  if (self->metrics != NULL)
    latest = san_server_metrics_get_latest (self->metrics);
  if (latest == NULL)
    {
      g_strlcpy (self->value_text, "—", sizeof self->value_text);
      return;
    }

  value = sample_value (self->metric, latest);
  if (is_percent (self->metric))
    {
      /* Translators: a percentage: "43%" */
      g_snprintf (self->value_text, sizeof self->value_text, _("%.0f%%"), CLAMP (value, 0, 100));
    }
  else if (self->metric == SAN_SPARKLINE_LOAD)
    {
      g_snprintf (self->value_text, sizeof self->value_text, "%.2f", MAX (value, 0));
    }
  else
    {
      g_autofree char *rate = san_status_format_rate (value);

      g_strlcpy (self->value_text, rate, sizeof self->value_text);
    }
}

static void
update_accessible (SanSparkline *self)
{
  char label[96];

  /* Translators: a graph's accessible name: "CPU: 12%" */
  g_snprintf (label, sizeof label, C_("metric value", "%s: %s"),
              metric_caption (self->metric), self->value_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
ensure_layouts (SanSparkline *self)
{
  if (self->caption_layout == NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      self->caption_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                             metric_caption (self->metric));
      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_layout_set_attributes (self->caption_layout, attrs);
      pango_layout_set_ellipsize (self->caption_layout, PANGO_ELLIPSIZE_END);
      pango_attr_list_unref (attrs);
    }
  if (self->value_layout == NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      self->value_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_LARGE));
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (self->value_layout, attrs);
      pango_layout_set_ellipsize (self->value_layout, PANGO_ELLIPSIZE_END);
      pango_attr_list_unref (attrs);
    }
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *out)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, name, out))
    gtk_style_context_get_color (context, out);
G_GNUC_END_IGNORE_DEPRECATIONS
}

static int
text_height (SanSparkline *self)
{
  int caption_h, value_h;

  ensure_layouts (self);
  pango_layout_get_pixel_size (self->caption_layout, NULL, &caption_h);
  pango_layout_get_pixel_size (self->value_layout, NULL, &value_h);
  return caption_h + TEXT_GAP + value_h;
}

static void
san_sparkline_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  SanSparkline *self = SAN_SPARKLINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* the graphs flow two a line in a narrow window */
      *minimum = has_graph (self) ? 120 : 64;
      *natural = 160;
    }
  else
    {
      int height;

      /* the value layout holds some text so that it has a height */
      ensure_layouts (self);
      pango_layout_set_text (self->value_layout, "0", -1);
      height = 2 * PADDING + text_height (self);
      if (has_graph (self))
        height += 6 + GRAPH_HEIGHT;
      else if (self->metric == SAN_SPARKLINE_DISK)
        height += 6 + 6;   /* the bar */
      *minimum = *natural = height;
    }
}

/* The points of the graph: the history then the latest sample when it is
 * newer than the history's end */
static void
draw_graph (SanSparkline    *self,
            cairo_t         *cr,
            double           width,
            double           height,
            const GdkRGBA   *color)
{
  GArray *history = san_server_metrics_get_history (self->metrics);
  const SanMetricSample *latest = san_server_metrics_get_latest (self->metrics);
  const SanMetricSample *first;
  guint n = history != NULL ? history->len : 0;
  gboolean extra = FALSE;
  gint64 t0, t1;
  double max = 100;

  if (n == 0 && latest == NULL)
    return;
  if (latest != NULL &&
      (n == 0 || latest->time_ms > g_array_index (history, SanMetricSample, n - 1).time_ms))
    extra = TRUE;

  first = n > 0 ? &g_array_index (history, SanMetricSample, 0) : latest;
  t0 = first->time_ms;
  t1 = extra ? latest->time_ms : g_array_index (history, SanMetricSample, n - 1).time_ms;

  if (!is_percent (self->metric))
    {
      max = 1024;
      for (guint i = 0; i < n; i++)
        max = MAX (max, sample_value (self->metric, &g_array_index (history, SanMetricSample, i)));
      if (extra)
        max = MAX (max, sample_value (self->metric, latest));
      max *= 1.15;
    }

#define POINT_X(s) (t1 > t0 ? ((double) ((s)->time_ms - t0) / (double) (t1 - t0)) * width : width)
#define POINT_Y(s) (height - CLAMP (sample_value (self->metric, (s)) / max, 0, 1) * (height - 1.5) - 0.75)

  /* the baseline */
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 0, height - 0.5);
  cairo_line_to (cr, width, height - 0.5);
  cairo_stroke (cr);

  if (n + (extra ? 1 : 0) == 1)
    {
      const SanMetricSample *only = extra ? latest : first;

      cairo_move_to (cr, 0, POINT_Y (only));
      cairo_line_to (cr, width, POINT_Y (only));
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          const SanMetricSample *s = &g_array_index (history, SanMetricSample, i);

          if (i == 0)
            cairo_move_to (cr, POINT_X (s), POINT_Y (s));
          else
            cairo_line_to (cr, POINT_X (s), POINT_Y (s));
        }
      if (extra)
        {
          if (n == 0)
            cairo_move_to (cr, POINT_X (latest), POINT_Y (latest));
          else
            cairo_line_to (cr, POINT_X (latest), POINT_Y (latest));
        }
    }

#undef POINT_X
#undef POINT_Y

  /* the area under the line, then the line */
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  cairo_stroke_preserve (cr);
  cairo_line_to (cr, width, height);
  cairo_line_to (cr, 0, height);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.18);
  cairo_fill (cr);
}

static void
san_sparkline_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SanSparkline *self = SAN_SPARKLINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int caption_h, value_h, inner_w;
  GdkRGBA fg, dim, line;
  double top;

  self->draw_count++;

  ensure_layouts (self);
  format_value (self);
  pango_layout_set_text (self->value_layout, self->value_text, -1);
  inner_w = MAX (width - 2 * PADDING, 1);
  pango_layout_set_width (self->caption_layout, inner_w * PANGO_SCALE);
  pango_layout_set_width (self->value_layout, inner_w * PANGO_SCALE);
  pango_layout_get_pixel_size (self->caption_layout, NULL, &caption_h);
  pango_layout_get_pixel_size (self->value_layout, NULL, &value_h);

  lookup_color (widget, "window_fg_color", &fg);
  dim = fg;
  dim.alpha *= 0.6;
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &line);
G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PADDING, PADDING));
  gtk_snapshot_append_layout (snapshot, self->caption_layout, &dim);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, caption_h + TEXT_GAP));
  gtk_snapshot_append_layout (snapshot, self->value_layout, &fg);
  gtk_snapshot_restore (snapshot);

  top = PADDING + caption_h + TEXT_GAP + value_h + 6;
  if (self->metrics == NULL)
    return;

  if (self->metric == SAN_SPARKLINE_DISK)
    {
      const SanMetricSample *latest = san_server_metrics_get_latest (self->metrics);
      double fraction = latest != NULL ? CLAMP (latest->disk_pct / 100.0, 0, 1) : 0;
      GskRoundedRect trough;
      GdkRGBA trough_color = line;

      trough_color.alpha = 0.2;
      gsk_rounded_rect_init_from_rect (&trough,
                                       &GRAPHENE_RECT_INIT (PADDING, top, inner_w, 6), 3);
      gtk_snapshot_push_rounded_clip (snapshot, &trough);
      gtk_snapshot_append_color (snapshot, &trough_color, &trough.bounds);
      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (PADDING, top, inner_w * fraction, 6));
      gtk_snapshot_pop (snapshot);
    }
  else if (has_graph (self))
    {
      double graph_h = height - top - PADDING;
      cairo_t *cr;

      if (graph_h < 4)
        return;
      cr = gtk_snapshot_append_cairo (snapshot,
                                      &GRAPHENE_RECT_INIT (PADDING, top, inner_w, graph_h));
      cairo_translate (cr, PADDING, top);
      draw_graph (self, cr, inner_w, graph_h, &line);
      cairo_destroy (cr);
    }
}

static void
san_sparkline_dispose (GObject *object)
{
  SanSparkline *self = SAN_SPARKLINE (object);

  g_clear_object (&self->metrics);
  g_clear_object (&self->caption_layout);
  g_clear_object (&self->value_layout);

  G_OBJECT_CLASS (san_sparkline_parent_class)->dispose (object);
}

static void
san_sparkline_class_init (SanSparklineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_sparkline_dispose;
  widget_class->measure = san_sparkline_measure;
  widget_class->snapshot = san_sparkline_snapshot;

  gtk_widget_class_set_css_name (widget_class, "sparkline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
san_sparkline_init (SanSparkline *self)
{
  g_strlcpy (self->value_text, "—", sizeof self->value_text);
}

GtkWidget *
san_sparkline_new (SanSparklineMetric  metric,
                   SanServerMetrics   *metrics)
{
  SanSparkline *self;

  g_return_val_if_fail (metrics == NULL || SAN_IS_SERVER_METRICS (metrics), NULL);

  self = g_object_new (SAN_TYPE_SPARKLINE, NULL);
  self->metric = metric;
  g_set_object (&self->metrics, metrics);
  gtk_widget_add_css_class (GTK_WIDGET (self), metric_css_class (metric));
  format_value (self);
  update_accessible (self);
  return GTK_WIDGET (self);
}

void
san_sparkline_update (SanSparkline *self)
{
  g_return_if_fail (SAN_IS_SPARKLINE (self));

  format_value (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
san_sparkline_get_value_text (SanSparkline *self)
{
  g_return_val_if_fail (SAN_IS_SPARKLINE (self), NULL);

  return self->value_text;
}

guint
san_sparkline_get_draw_count (SanSparkline *self)
{
  g_return_val_if_fail (SAN_IS_SPARKLINE (self), 0);

  return self->draw_count;
}

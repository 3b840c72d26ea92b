/* san-status-cards.c: the Status section's small pieces
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-status-cards.h"
#include "san-status-labels.h"

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* An icon that only decorates what its text says */
static GtkWidget *
new_icon (const char *icon_name)
{
  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", icon_name,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

GtkWidget *
san_status_badge_new (const char *icon_name,
                      const char *label,
                      const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *image = new_icon (icon_name);

  gtk_widget_add_css_class (box, "status-badge");
  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), gtk_label_new (label));
  return box;
}

GtkWidget *
san_instance_card_new (SanInstance        *instance,
                       const char * const *service_names,
                       GDateTime          *now)
{
  SanInstanceState state = san_instance_get_state (instance);
  GtkWidget *card, *box, *header, *titles, *title, *label, *badge, *services;
  GDateTime *since = san_instance_get_state_since (instance);
  const char *region = san_instance_get_region (instance);
  const char *hostname = san_instance_get_hostname (instance);
  g_autofree char *accessible = NULL;

  card = g_object_new (GTK_TYPE_BOX,
                       "orientation", GTK_ORIENTATION_VERTICAL,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                       NULL);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "instance-card");
  gtk_widget_add_css_class (card, san_instance_state_css_class (state));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_top (box, 14);
  gtk_widget_set_margin_bottom (box, 14);
  gtk_widget_set_margin_start (box, 14);
  gtk_widget_set_margin_end (box, 14);
  gtk_box_append (GTK_BOX (card), box);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_box_append (GTK_BOX (box), header);
  label = new_icon (san_instance_state_icon_name (state));
  gtk_image_set_pixel_size (GTK_IMAGE (label), 24);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "instance-state-icon");
  gtk_box_append (GTK_BOX (header), label);

  titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (header), titles);
  title = new_label (san_instance_get_name (instance), "heading");
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (titles), title);
  if (hostname != NULL && *hostname != '\0')
    {
      label = new_label (hostname, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_set_tooltip_text (label, hostname);
      gtk_box_append (GTK_BOX (titles), label);
    }
  if (region != NULL && *region != '\0')
    {
      label = new_label (region, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (titles), label);
    }

  /* the state: icon, word and colour, and since when */
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (box), header);
  badge = san_status_badge_new (san_instance_state_icon_name (state),
                                san_instance_state_label (state),
                                san_instance_state_css_class (state));
  gtk_box_append (GTK_BOX (header), badge);
  if (since != NULL)
    {
      g_autofree char *text = san_status_format_since (since, now);

      label = new_label (text, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (header), label);
    }

  /* the contract's services on it */
  if (service_names != NULL && service_names[0] != NULL)
    {
      services = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_add_css_class (services, "instance-services");
      label = new_label (_("Your services here"), "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (services), label);
      for (guint i = 0; service_names[i] != NULL; i++)
        {
          label = new_label (service_names[i], "caption");
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_widget_set_tooltip_text (label, service_names[i]);
          gtk_box_append (GTK_BOX (services), label);
        }
      gtk_box_append (GTK_BOX (box), services);
    }

  /* Translators: an instance card's accessible name: its name and state */
  accessible = g_strdup_printf (C_("instance card", "%s: %s"), san_instance_get_name (instance),
                                san_instance_state_label (state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return card;
}

static char *
format_period (SanIncident *incident,
               GDateTime   *now)
{
  g_autofree char *started = san_status_format_time (san_incident_get_started_at (incident), now);
  GDateTime *resolved_at = san_incident_get_resolved_at (incident);

  if (resolved_at != NULL)
    {
      g_autofree char *resolved = san_status_format_time (resolved_at, now);

      /* Translators: when an incident started and ended */
      return g_strdup_printf (_("Started %s · Resolved %s"), started, resolved);
    }
  /* Translators: when an incident started */
  return g_strdup_printf (_("Started %s"), started);
}

GtkWidget *
san_incident_row_new (SanIncident *incident,
                      const char  *instance_names,
                      GDateTime   *now)
{
  SanIncidentStatus status = san_incident_get_status (incident);
  SanIncidentImpact impact = san_incident_get_impact (incident);
  gboolean open = san_incident_is_open (incident);
  GtkWidget *row, *box, *icon, *texts, *label, *badges, *arrow;
  g_autofree char *period = format_period (incident, now);
  g_autofree char *accessible = NULL;

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "incident-row");
  if (!open)
    gtk_widget_add_css_class (row, "resolved");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  icon = new_icon (open ? san_incident_impact_icon_name (impact)
                        : san_incident_status_icon_name (status));
  gtk_widget_add_css_class (icon, open ? san_incident_impact_css_class (impact)
                                       : san_incident_status_css_class (status));
  gtk_widget_add_css_class (icon, "incident-icon");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_box_append (GTK_BOX (box), icon);

  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);

  label = new_label (san_incident_get_title (incident), "heading");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (texts), label);

  badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (texts), badges);
  gtk_box_append (GTK_BOX (badges),
                  san_status_badge_new (san_incident_status_icon_name (status),
                                        san_incident_status_label (status),
                                        san_incident_status_css_class (status)));
  if (open)
    gtk_box_append (GTK_BOX (badges),
                    san_status_badge_new (san_incident_impact_icon_name (impact),
                                          san_incident_impact_label (impact),
                                          san_incident_impact_css_class (impact)));

  if (instance_names != NULL && *instance_names != '\0')
    {
      label = new_label (instance_names, "caption");
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (texts), label);
    }
  label = new_label (period, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (texts), label);

  arrow = new_icon ("go-next-symbolic");
  gtk_widget_set_valign (arrow, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (arrow, "dim-label");
  gtk_box_append (GTK_BOX (box), arrow);

  /* Translators: an incident row's accessible name: its title, status and
   * impact ("Slow e-mail, Monitoring, Minor impact") */
  accessible = g_strdup_printf (C_("incident row", "%s, %s, %s"), san_incident_get_title (incident),
                                san_incident_status_label (status), san_incident_impact_label (impact));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

GtkWidget *
san_incident_update_row_new (SanIncidentUpdate *update,
                             GDateTime         *now)
{
  SanIncidentStatus status = san_incident_update_get_status (update);
  g_autofree char *when = san_status_format_time (san_incident_update_get_created_at (update), now);
  GtkWidget *row, *box, *header, *label;

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "incident-update");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (header),
                  san_status_badge_new (san_incident_status_icon_name (status),
                                        san_incident_status_label (status),
                                        san_incident_status_css_class (status)));
  label = new_label (when, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_box_append (GTK_BOX (header), label);

  label = new_label (san_incident_update_get_message (update), NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  return row;
}

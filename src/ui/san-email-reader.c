/* san-email-reader.c: one e-mail of the history: who it went to, when, and its text or its HTML shown safely
 *
 * The header (subject, kind, from, to, date), then the body in a
 * SanHtmlView: the HTML part rendered as text (nothing is ever loaded) or
 * the text part, as the Formatted / Text buttons say. The choice holds
 * from one e-mail to the next; an e-mail without HTML shows its text.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "san-date.h"
#include "san-email-reader.h"
#include "san-html-view.h"

struct _SanEmailReader
{
  GtkWidget        parent_instance;

  SanEmail        *email;
  gboolean         show_text;
  gboolean         updating;   /* the buttons change by program */

  GtkLabel        *subject_label;
  GtkLabel        *kind_label;
  GtkLabel        *to_label;
  GtkLabel        *date_label;
  GtkLabel        *part_label;
  GtkToggleButton *formatted_button;
  GtkToggleButton *text_button;
  SanHtmlView     *body_view;
};

enum {
  PROP_0,
  PROP_EMAIL,
  PROP_SHOW_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SanEmailReader, san_email_reader, GTK_TYPE_WIDGET)

const char *
san_email_kind_label (SanEmailKind kind)
{
  switch (kind)
    {
    case SAN_EMAIL_KIND_TICKET:
      return C_("e-mail kind", "Ticket");
    case SAN_EMAIL_KIND_CALLBACK:
      return C_("e-mail kind", "Callback");
    case SAN_EMAIL_KIND_INVOICE:
      return C_("e-mail kind", "Invoice");
    case SAN_EMAIL_KIND_ACCOUNT:
      return C_("e-mail kind", "Account");
    default:
      return "";
    }
}

const char *
san_email_kind_css_class (SanEmailKind kind)
{
  switch (kind)
    {
    case SAN_EMAIL_KIND_TICKET:
      return "email-kind-ticket";
    case SAN_EMAIL_KIND_CALLBACK:
      return "email-kind-callback";
    case SAN_EMAIL_KIND_INVOICE:
      return "email-kind-invoice";
    case SAN_EMAIL_KIND_ACCOUNT:
    default:
      return "email-kind-account";
    }
}

char *
san_email_format_sent_at (GDateTime *sent_at)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autoptr(GDate) day = NULL;

  g_return_val_if_fail (sent_at != NULL, NULL);

  local = g_date_time_to_local (sent_at);
  day = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (local),
                        (GDateMonth) g_date_time_get_month (local),
                        (GDateYear) g_date_time_get_year (local));
  date = san_date_format (day);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: a day and a time, like "24 Nov 2026, 09:00" */
  return g_strdup_printf (C_("date and time", "%s, %s"), date, time);
}

static gboolean
has_html (SanEmailReader *self)
{
  const char *html = self->email != NULL ? san_email_get_html_body (self->email) : NULL;

  return html != NULL && html[0] != '\0';
}

static void
show_body (SanEmailReader *self)
{
  gboolean text = self->show_text || !has_html (self);

  self->updating = TRUE;
  gtk_toggle_button_set_active (text ? self->text_button : self->formatted_button, TRUE);
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->formatted_button), has_html (self));

  if (self->email == NULL)
    {
      san_html_view_set_text (self->body_view, NULL);
      gtk_label_set_label (self->part_label, "");
    }
  else if (text)
    {
      san_html_view_set_text (self->body_view, san_email_get_text_body (self->email));
      gtk_label_set_label (self->part_label,
                           has_html (self) ? _("The plain text version of this e-mail.")
                                           : _("This e-mail has only a plain text version."));
    }
  else
    {
      san_html_view_set_html (self->body_view, san_email_get_html_body (self->email));
      gtk_label_set_label (self->part_label,
                           _("Images and remote content are not loaded."));
    }
}

static void
update (SanEmailReader *self)
{
  const char * const *recipients;
  g_autofree char *to = NULL;
  g_autofree char *date = NULL;

  for (SanEmailKind kind = SAN_EMAIL_KIND_TICKET; kind <= SAN_EMAIL_KIND_ACCOUNT; kind++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->kind_label), san_email_kind_css_class (kind));

  if (self->email == NULL)
    {
      gtk_label_set_label (self->subject_label, "");
      gtk_label_set_label (self->kind_label, "");
      gtk_label_set_label (self->to_label, "");
      gtk_label_set_label (self->date_label, "");
      show_body (self);
      return;
    }

  recipients = san_email_get_recipients (self->email);
  to = g_strjoinv (", ", (char **) recipients);
  date = san_email_format_sent_at (san_email_get_sent_at (self->email));

  gtk_label_set_label (self->subject_label, san_email_get_subject (self->email));
  gtk_label_set_label (self->kind_label, san_email_kind_label (san_email_get_kind (self->email)));
  gtk_widget_add_css_class (GTK_WIDGET (self->kind_label),
                            san_email_kind_css_class (san_email_get_kind (self->email)));
  /* Translators: no address in the list of recipients */
  gtk_label_set_label (self->to_label, to[0] != '\0' ? to : _("Nobody"));
  gtk_label_set_label (self->date_label, date);
  show_body (self);
}

/* Callbacks */

static void
on_part_toggled_cb (SanEmailReader  *self,
                    GtkToggleButton *button)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  san_email_reader_set_show_text (self, button == self->text_button);
}

/* GObject */

static void
san_email_reader_dispose (GObject *object)
{
  SanEmailReader *self = SAN_EMAIL_READER (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_EMAIL_READER);
  /* The template's top widget is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->email);

  G_OBJECT_CLASS (san_email_reader_parent_class)->dispose (object);
}

static void
san_email_reader_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SanEmailReader *self = SAN_EMAIL_READER (object);

  switch (prop_id)
    {
    case PROP_EMAIL:
      g_value_set_object (value, self->email);
      break;
    case PROP_SHOW_TEXT:
      g_value_set_boolean (value, self->show_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_email_reader_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SanEmailReader *self = SAN_EMAIL_READER (object);

  switch (prop_id)
    {
    case PROP_EMAIL:
      san_email_reader_set_email (self, g_value_get_object (value));
      break;
    case PROP_SHOW_TEXT:
      san_email_reader_set_show_text (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_email_reader_class_init (SanEmailReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = san_email_reader_dispose;
  object_class->get_property = san_email_reader_get_property;
  object_class->set_property = san_email_reader_set_property;

  properties[PROP_EMAIL] =
    g_param_spec_object ("email", NULL, NULL, SAN_TYPE_EMAIL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TEXT] =
    g_param_spec_boolean ("show-text", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SAN_TYPE_HTML_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-email-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, SanEmailReader, subject_label);
  gtk_widget_class_bind_template_child (widget_class, SanEmailReader, kind_label);
  gtk_widget_class_bind_template_child (widget_class, SanEmailReader, to_label);
  gtk_widget_class_bind_template_child (widget_class, SanEmailReader, date_label);
  gtk_widget_class_bind_template_child (widget_class, SanEmailReader, part_label);
  gtk_widget_class_bind_template_child (widget_class, SanEmailReader, formatted_button);
  gtk_widget_class_bind_template_child (widget_class, SanEmailReader, text_button);
  gtk_widget_class_bind_template_child (widget_class, SanEmailReader, body_view);
  gtk_widget_class_bind_template_callback (widget_class, on_part_toggled_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "emailreader");
}

static void
san_email_reader_init (SanEmailReader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
san_email_reader_new (void)
{
  return g_object_new (SAN_TYPE_EMAIL_READER, NULL);
}

void
san_email_reader_set_email (SanEmailReader *self,
                            SanEmail       *email)
{
  g_return_if_fail (SAN_IS_EMAIL_READER (self));
  g_return_if_fail (email == NULL || SAN_IS_EMAIL (email));

  if (!g_set_object (&self->email, email))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

SanEmail *
san_email_reader_get_email (SanEmailReader *self)
{
  g_return_val_if_fail (SAN_IS_EMAIL_READER (self), NULL);

  return self->email;
}

gboolean
san_email_reader_get_show_text (SanEmailReader *self)
{
  g_return_val_if_fail (SAN_IS_EMAIL_READER (self), FALSE);

  return self->show_text;
}

void
san_email_reader_set_show_text (SanEmailReader *self,
                                gboolean        show_text)
{
  g_return_if_fail (SAN_IS_EMAIL_READER (self));

  show_text = !!show_text;
  if (self->show_text == show_text)
    return;
  self->show_text = show_text;
  show_body (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TEXT]);
}

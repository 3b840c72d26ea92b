/* san-email.c: one e-mail SAN sent about a contract (e-mail history)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "san-email-private.h"

#include "san-enum-types.h"
#include "san-json-private.h"
#include "san-support-json-private.h"

struct _SanEmail
{
  GObject       parent_instance;

  char         *id;
  SanEmailKind  kind;
  char         *subject;
  GStrv         recipients;
  GDateTime    *sent_at;
  char         *text_body;
  char         *html_body;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_SUBJECT,
  PROP_RECIPIENTS,
  PROP_SENT_AT,
  PROP_TEXT_BODY,
  PROP_HTML_BODY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SanEmail, san_email, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
san_email_finalize (GObject *object)
{
  SanEmail *self = (SanEmail *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->recipients, g_strfreev);
  g_clear_pointer (&self->sent_at, g_date_time_unref);
  g_clear_pointer (&self->text_body, g_free);
  g_clear_pointer (&self->html_body, g_free);

  G_OBJECT_CLASS (san_email_parent_class)->finalize (object);
}

static void
san_email_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SanEmail *self = SAN_EMAIL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_RECIPIENTS:
      g_value_set_boxed (value, self->recipients);
      break;
    case PROP_SENT_AT:
      g_value_set_boxed (value, self->sent_at);
      break;
    case PROP_TEXT_BODY:
      g_value_set_string (value, self->text_body);
      break;
    case PROP_HTML_BODY:
      g_value_set_string (value, self->html_body);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_email_class_init (SanEmailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = san_email_finalize;
  object_class->get_property = san_email_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       SAN_TYPE_EMAIL_KIND, SAN_EMAIL_KIND_TICKET, flags);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL, NULL, flags);
  properties[PROP_RECIPIENTS] =
    g_param_spec_boxed ("recipients", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SENT_AT] =
    g_param_spec_boxed ("sent-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_TEXT_BODY] =
    g_param_spec_string ("text-body", NULL, NULL, NULL, flags);
  properties[PROP_HTML_BODY] =
    g_param_spec_string ("html-body", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
san_email_init (SanEmail *self)
{
}

SanEmail *
san_email_new_from_json (JsonObject  *object,
                         gboolean     detail,
                         GError     **error)
{
  g_auto(GStrv) recipients = NULL;
  g_autoptr(GDateTime) sent_at = NULL;
  SanEmail *self;
  const char *id = NULL, *subject, *text_body = NULL, *html_body = NULL;
  SanEmailKind kind;

  g_return_val_if_fail (object != NULL, NULL);

  if (!san_support_read_id (object, "id", FALSE, &id, error))
    {
      id = NULL;
      goto fail;
    }
  SAN_SUPPORT_READ_WORD (object, "kind", san_email_kind_from_wire, &kind, error);
  if (!san_json_read_string (object, "subject", TRUE, &subject, error) ||
      !san_support_read_strv (object, "recipients", FALSE, &recipients, error) ||
      !san_json_read_datetime (object, "sent_at", &sent_at, error))
    goto fail;
  for (guint i = 0; recipients[i] != NULL; i++)
    if (strchr (recipients[i], '@') == NULL)
      {
        g_set_error (error, SAN_API_ERROR, SAN_API_ERROR_MALFORMED,
                     _("item %u of “%s” is not an e-mail address"), i + 1, "recipients");
        goto fail;
      }
  if (detail &&
      (!san_json_read_string (object, "text_body", TRUE, &text_body, error) ||
       !san_json_read_string (object, "html_body", TRUE, &html_body, error)))
    goto fail;

  self = g_object_new (SAN_TYPE_EMAIL, NULL);
  self->id = g_strdup (id);
  self->kind = kind;
  self->subject = g_strdup (subject);
  self->recipients = g_steal_pointer (&recipients);
  self->sent_at = g_steal_pointer (&sent_at);
  self->text_body = g_strdup (text_body);
  self->html_body = g_strdup (html_body);
  return self;

fail:
  if (id != NULL)
    g_prefix_error (error, "e-mail %s: ", id);
  else
    g_prefix_error (error, "e-mail: ");
  return NULL;
}

const char *
san_email_get_id (SanEmail *self)
{
  g_return_val_if_fail (SAN_IS_EMAIL (self), NULL);

  return self->id;
}

SanEmailKind
san_email_get_kind (SanEmail *self)
{
  g_return_val_if_fail (SAN_IS_EMAIL (self), SAN_EMAIL_KIND_TICKET);

  return self->kind;
}

const char *
san_email_get_subject (SanEmail *self)
{
  g_return_val_if_fail (SAN_IS_EMAIL (self), NULL);

  return self->subject;
}

const char * const *
san_email_get_recipients (SanEmail *self)
{
  g_return_val_if_fail (SAN_IS_EMAIL (self), NULL);

  return (const char * const *) self->recipients;
}

GDateTime *
san_email_get_sent_at (SanEmail *self)
{
  g_return_val_if_fail (SAN_IS_EMAIL (self), NULL);

  return self->sent_at;
}

const char *
san_email_get_text_body (SanEmail *self)
{
  g_return_val_if_fail (SAN_IS_EMAIL (self), NULL);

  return self->text_body;
}

const char *
san_email_get_html_body (SanEmail *self)
{
  g_return_val_if_fail (SAN_IS_EMAIL (self), NULL);

  return self->html_body;
}

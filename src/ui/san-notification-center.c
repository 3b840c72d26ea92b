/* san-notification-center.c: the app's alerts and notifications: the
 * bell's list, its unread count, and the desktop notifications sent
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "san-notification-center.h"
#include "san-status-labels.h"

#define MAX_ITEMS 100

/* SanAlert */

struct _SanAlert
{
  GObject         parent_instance;

  SanAlertKind    kind;
  char           *title;
  char           *body;
  GDateTime      *time;
  char           *contract_id;
  SanAlertTarget  target;
  char           *target_id;
  char           *notification_id;
  char           *subject_key;   /* "incident:4", "instance:3", ...: what it is about */
  guint           unread : 1;
};

G_DEFINE_FINAL_TYPE (SanAlert, san_alert, G_TYPE_OBJECT)

static void
san_alert_finalize (GObject *object)
{
  SanAlert *self = SAN_ALERT (object);

  g_free (self->title);
  g_free (self->body);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->contract_id);
  g_free (self->target_id);
  g_free (self->notification_id);
  g_free (self->subject_key);

  G_OBJECT_CLASS (san_alert_parent_class)->finalize (object);
}

static void
san_alert_class_init (SanAlertClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = san_alert_finalize;
}

static void
san_alert_init (SanAlert *self)
{
}

static SanAlert *
san_alert_new (SanAlertKind    kind,
               const char     *title,
               const char     *body,
               GDateTime      *time,
               const char     *contract_id,
               SanAlertTarget  target,
               const char     *target_id,
               const char     *subject_key)
{
  SanAlert *self = g_object_new (SAN_TYPE_ALERT, NULL);

  self->kind = kind;
  self->title = g_strdup (title);
  self->body = g_strdup (body != NULL ? body : "");
  self->time = time != NULL ? g_date_time_ref (time) : g_date_time_new_now_utc ();
  self->contract_id = g_strdup (contract_id);
  self->target = target;
  self->target_id = g_strdup (target_id);
  self->subject_key = g_strdup (subject_key);
  /* Created and resolved replace each other; down and recovered too */
  self->notification_id = g_strdup (subject_key);
  self->unread = TRUE;
  return self;
}

SanAlertKind
san_alert_get_kind (SanAlert *self)
{
  g_return_val_if_fail (SAN_IS_ALERT (self), SAN_ALERT_KIND_OTHER);
  return self->kind;
}

const char *
san_alert_get_title (SanAlert *self)
{
  g_return_val_if_fail (SAN_IS_ALERT (self), NULL);
  return self->title;
}

const char *
san_alert_get_body (SanAlert *self)
{
  g_return_val_if_fail (SAN_IS_ALERT (self), NULL);
  return self->body;
}

GDateTime *
san_alert_get_time (SanAlert *self)
{
  g_return_val_if_fail (SAN_IS_ALERT (self), NULL);
  return self->time;
}

const char *
san_alert_get_contract_id (SanAlert *self)
{
  g_return_val_if_fail (SAN_IS_ALERT (self), NULL);
  return self->contract_id;
}

SanAlertTarget
san_alert_get_target (SanAlert *self)
{
  g_return_val_if_fail (SAN_IS_ALERT (self), SAN_ALERT_TARGET_NONE);
  return self->target;
}

const char *
san_alert_get_target_id (SanAlert *self)
{
  g_return_val_if_fail (SAN_IS_ALERT (self), NULL);
  return self->target_id;
}

const char *
san_alert_get_notification_id (SanAlert *self)
{
  g_return_val_if_fail (SAN_IS_ALERT (self), NULL);
  return self->notification_id;
}

/* SanNotificationCenter */

struct _SanNotificationCenter
{
  GObject       parent_instance;

  GApplication *application;   /* weak */
  GListStore   *alerts;
  GListStore   *items;
  guint         unread_count;
};

enum {
  PROP_0,
  PROP_UNREAD_COUNT,
  N_PROPS
};

enum {
  SENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanNotificationCenter, san_notification_center, G_TYPE_OBJECT)

static void
set_unread_count (SanNotificationCenter *self,
                  guint                  count)
{
  if (self->unread_count == count)
    return;
  self->unread_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNREAD_COUNT]);
}

static gboolean
find_alert (SanNotificationCenter *self,
            const char            *incident_id,
            guint                 *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->alerts));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanAlert) alert = g_list_model_get_item (G_LIST_MODEL (self->alerts), i);

      if (g_strcmp0 (alert->target_id, incident_id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static SanAlert *
alert_for_incident (SanIncident *incident,
                    const char  *contract_id)
{
  g_autofree char *key = g_strdup_printf ("incident:%s", san_incident_get_id (incident));

  /* The popover says once that SAN is on it; each alert says where it is */
  return san_alert_new (SAN_ALERT_KIND_OPEN_INCIDENT,
                        san_incident_get_title (incident),
                        san_incident_status_label (san_incident_get_status (incident)),
                        san_incident_get_started_at (incident), contract_id,
                        SAN_ALERT_TARGET_STATUS, san_incident_get_id (incident), key);
}

/* Open incidents are the alerts, newest first; each incident once even when
 * it affects several of the user's contracts */
static void
update_alert (SanNotificationCenter *self,
              SanIncident           *incident,
              const char            *contract_id)
{
  g_autoptr(SanAlert) alert = NULL;
  guint position;
  gboolean found = find_alert (self, san_incident_get_id (incident), &position);

  if (!san_incident_is_open (incident))
    {
      if (found)
        g_list_store_remove (self->alerts, position);
      return;
    }

  if (found)
    {
      g_autoptr(SanAlert) old = g_list_model_get_item (G_LIST_MODEL (self->alerts), position);

      alert = alert_for_incident (incident, old->contract_id);
      g_list_store_splice (self->alerts, position, 1, (gpointer *) &alert, 1);
      return;
    }

  alert = alert_for_incident (incident, contract_id);
  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (self->alerts));
    guint at = 0;

    /* Newest first */
    for (; at < n; at++)
      {
        g_autoptr(SanAlert) other = g_list_model_get_item (G_LIST_MODEL (self->alerts), at);

        if (g_date_time_compare (other->time, alert->time) < 0)
          break;
      }
    g_list_store_insert (self->alerts, at, alert);
  }
}

static const char *
instance_label (SanInstance *instance)
{
  const char *name = san_instance_get_name (instance);

  return name != NULL && name[0] != '\0' ? name : san_instance_get_hostname (instance);
}

static gboolean
is_down (SanInstanceState state)
{
  return state == SAN_INSTANCE_STATE_PARTIAL_OUTAGE || state == SAN_INSTANCE_STATE_MAJOR_OUTAGE;
}

/* The entry an event makes, or NULL when it is not worth telling */
static SanAlert *
alert_for_event (SanEvent *event)
{
  const char *contract_id = san_event_get_contract_id (event);
  GDateTime *time = san_event_get_time (event);

  switch (san_event_get_event_type (event))
    {
    case SAN_EVENT_TYPE_INCIDENT_CREATED:
    case SAN_EVENT_TYPE_INCIDENT_RESOLVED:
      {
        SanIncident *incident = san_event_get_incident (event);
        gboolean created = san_event_get_event_type (event) == SAN_EVENT_TYPE_INCIDENT_CREATED;
        g_autofree char *key = g_strdup_printf ("incident:%s", san_incident_get_id (incident));
        g_autofree char *body = NULL;

        if (created)
          /* Translators: the incident's title (as SAN's staff wrote it), then
           * "SAN's team is on it; you don't need to do anything." */
          body = g_strdup_printf (_("%s. %s"), san_incident_get_title (incident),
                                  san_status_reassurance ());
        else
          body = g_strdup (san_incident_get_title (incident));
        return san_alert_new (created ? SAN_ALERT_KIND_INCIDENT_CREATED
                                      : SAN_ALERT_KIND_INCIDENT_RESOLVED,
                              created ? _("A problem is affecting your services")
                                      : _("Problem solved"),
                              body, time, contract_id, SAN_ALERT_TARGET_STATUS,
                              san_incident_get_id (incident), key);
      }

    case SAN_EVENT_TYPE_INSTANCE_STATE:
      {
        SanInstance *instance = san_event_get_instance (event);
        SanInstanceState state = san_instance_get_state (instance);
        SanInstanceState previous = san_event_get_previous_state (event);
        g_autofree char *key = g_strdup_printf ("instance:%s", san_instance_get_id (instance));
        g_autofree char *title = NULL;
        const char *body;
        SanAlertKind kind;

        if (is_down (state) && !is_down (previous))
          {
            kind = SAN_ALERT_KIND_SERVER_DOWN;
            if (state == SAN_INSTANCE_STATE_MAJOR_OUTAGE)
              /* Translators: %s is a server's name */
              title = g_strdup_printf (_("%s is down"), instance_label (instance));
            else
              /* Translators: %s is a server's name */
              title = g_strdup_printf (_("%s is partly down"), instance_label (instance));
            body = _("Your services on this server may not respond. SAN’s team has been told.");
          }
        else if (state == SAN_INSTANCE_STATE_OPERATIONAL && is_down (previous))
          {
            kind = SAN_ALERT_KIND_SERVER_RECOVERED;
            /* Translators: %s is a server's name */
            title = g_strdup_printf (_("%s is working again"), instance_label (instance));
            body = _("Your services on this server are back to normal.");
          }
        else
          return NULL;
        return san_alert_new (kind, title, body, time, contract_id, SAN_ALERT_TARGET_STATUS,
                              NULL, key);
      }

    case SAN_EVENT_TYPE_NOTIFICATION:
      {
        SanNotification *notification = san_event_get_notification (event);
        const char *kind = san_notification_get_kind (notification);
        const char *label = san_notification_get_label (notification);
        const char *target_kind = san_notification_get_target_kind (notification);
        const char *target_id = san_notification_get_target_id (notification);
        SanAlertTarget target = SAN_ALERT_TARGET_NONE;
        g_autofree char *key = NULL;
        g_autofree char *body = NULL;

        if (g_strcmp0 (target_kind, "invoice") == 0 && target_id != NULL)
          target = SAN_ALERT_TARGET_INVOICE;
        else if (g_strcmp0 (target_kind, "ticket") == 0 && target_id != NULL)
          target = SAN_ALERT_TARGET_TICKET;
        key = g_strdup_printf ("%s:%s", kind, target_id != NULL ? target_id : "");

        if (g_strcmp0 (kind, "invoice_paid") == 0)
          {
            if (label != NULL && label[0] != '\0')
              /* Translators: %s is an invoice number */
              body = g_strdup_printf (_("Invoice %s is paid. Thank you!"), label);
            else
              body = g_strdup (_("Your invoice is paid. Thank you!"));
            return san_alert_new (SAN_ALERT_KIND_INVOICE_PAID, _("Payment received"), body,
                                  time, contract_id, target,
                                  target != SAN_ALERT_TARGET_NONE ? target_id : NULL, key);
          }
        if (g_strcmp0 (kind, "ticket_answered") == 0)
          {
            if (label != NULL && label[0] != '\0')
              body = g_strdup (label);
            else
              body = g_strdup (_("Open the ticket to read the answer."));
            return san_alert_new (SAN_ALERT_KIND_TICKET_ANSWERED, _("SAN answered your ticket"),
                                  body, time, contract_id, target,
                                  target != SAN_ALERT_TARGET_NONE ? target_id : NULL, key);
          }
        /* A kind this version does not know: the server's own words */
        return san_alert_new (SAN_ALERT_KIND_OTHER, san_notification_get_title (notification),
                              san_notification_get_body (notification), time, contract_id,
                              target, target != SAN_ALERT_TARGET_NONE ? target_id : NULL, key);
      }

    case SAN_EVENT_TYPE_HELLO:
    case SAN_EVENT_TYPE_RESYNC:
    case SAN_EVENT_TYPE_INCIDENT_UPDATED:
    case SAN_EVENT_TYPE_METRICS:
    default:
      return NULL;
    }
}

/* The newest entry about the same thing says the same: a repeat (the same
 * incident or server reaches each affected contract) */
static gboolean
is_repeat (SanNotificationCenter *self,
           SanAlert              *alert)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanAlert) other = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_strcmp0 (other->subject_key, alert->subject_key) == 0)
        return other->kind == alert->kind &&
               alert->kind != SAN_ALERT_KIND_INVOICE_PAID &&
               alert->kind != SAN_ALERT_KIND_TICKET_ANSWERED &&
               alert->kind != SAN_ALERT_KIND_OTHER;
    }
  return FALSE;
}

static void
san_notification_center_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SanNotificationCenter *self = SAN_NOTIFICATION_CENTER (object);

  switch (prop_id)
    {
    case PROP_UNREAD_COUNT:
      g_value_set_uint (value, self->unread_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_notification_center_dispose (GObject *object)
{
  SanNotificationCenter *self = SAN_NOTIFICATION_CENTER (object);

  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->alerts);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (san_notification_center_parent_class)->dispose (object);
}

static void
san_notification_center_class_init (SanNotificationCenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = san_notification_center_get_property;
  object_class->dispose = san_notification_center_dispose;

  properties[PROP_UNREAD_COUNT] =
    g_param_spec_uint ("unread-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SENT] =
    g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SAN_TYPE_ALERT);
}

static void
san_notification_center_init (SanNotificationCenter *self)
{
  self->alerts = g_list_store_new (SAN_TYPE_ALERT);
  self->items = g_list_store_new (SAN_TYPE_ALERT);
}

SanNotificationCenter *
san_notification_center_new (GApplication *application)
{
  SanNotificationCenter *self;

  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);

  self = g_object_new (SAN_TYPE_NOTIFICATION_CENTER, NULL);
  g_set_weak_pointer (&self->application, application);
  return self;
}

GListModel *
san_notification_center_get_alerts (SanNotificationCenter *self)
{
  g_return_val_if_fail (SAN_IS_NOTIFICATION_CENTER (self), NULL);
  return G_LIST_MODEL (self->alerts);
}

GListModel *
san_notification_center_get_items (SanNotificationCenter *self)
{
  g_return_val_if_fail (SAN_IS_NOTIFICATION_CENTER (self), NULL);
  return G_LIST_MODEL (self->items);
}

guint
san_notification_center_get_unread_count (SanNotificationCenter *self)
{
  g_return_val_if_fail (SAN_IS_NOTIFICATION_CENTER (self), 0);
  return self->unread_count;
}

void
san_notification_center_mark_all_read (SanNotificationCenter *self)
{
  guint n;

  g_return_if_fail (SAN_IS_NOTIFICATION_CENTER (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanAlert) alert = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      alert->unread = FALSE;
    }
  set_unread_count (self, 0);
}

void
san_notification_center_set_incidents (SanNotificationCenter *self,
                                       const char            *contract_id,
                                       GListModel            *incidents)
{
  guint n;

  g_return_if_fail (SAN_IS_NOTIFICATION_CENTER (self));
  g_return_if_fail (contract_id != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (incidents));

  /* This contract's alerts go, then come back from the list */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->alerts));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(SanAlert) alert = g_list_model_get_item (G_LIST_MODEL (self->alerts), i - 1);

      if (g_strcmp0 (alert->contract_id, contract_id) == 0)
        g_list_store_remove (self->alerts, i - 1);
    }

  n = g_list_model_get_n_items (incidents);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanIncident) incident = g_list_model_get_item (incidents, i);

      update_alert (self, incident, contract_id);
    }
}

SanAlert *
san_notification_center_add_event (SanNotificationCenter *self,
                                   SanEvent              *event)
{
  g_autoptr(SanAlert) alert = NULL;
  guint n;

  g_return_val_if_fail (SAN_IS_NOTIFICATION_CENTER (self), NULL);
  g_return_val_if_fail (SAN_IS_EVENT (event), NULL);

  switch (san_event_get_event_type (event))
    {
    case SAN_EVENT_TYPE_INCIDENT_CREATED:
    case SAN_EVENT_TYPE_INCIDENT_UPDATED:
    case SAN_EVENT_TYPE_INCIDENT_RESOLVED:
      update_alert (self, san_event_get_incident (event), san_event_get_contract_id (event));
      break;
    default:
      break;
    }

  alert = alert_for_event (event);
  if (alert == NULL || is_repeat (self, alert))
    return NULL;

  g_list_store_insert (self->items, 0, alert);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  if (n > MAX_ITEMS)
    {
      g_autoptr(SanAlert) last = g_list_model_get_item (G_LIST_MODEL (self->items), n - 1);

      g_list_store_remove (self->items, n - 1);
      if (last->unread)
        self->unread_count--;
    }
  set_unread_count (self, self->unread_count + 1);
  return alert;
}

const char *
san_alert_target_to_string (SanAlertTarget target)
{
  switch (target)
    {
    case SAN_ALERT_TARGET_STATUS:
      return "status";
    case SAN_ALERT_TARGET_INVOICE:
      return "invoice";
    case SAN_ALERT_TARGET_TICKET:
      return "ticket";
    case SAN_ALERT_TARGET_NONE:
    default:
      return "none";
    }
}

SanAlertTarget
san_alert_target_from_string (const char *word)
{
  if (g_strcmp0 (word, "status") == 0)
    return SAN_ALERT_TARGET_STATUS;
  if (g_strcmp0 (word, "invoice") == 0)
    return SAN_ALERT_TARGET_INVOICE;
  if (g_strcmp0 (word, "ticket") == 0)
    return SAN_ALERT_TARGET_TICKET;
  return SAN_ALERT_TARGET_NONE;
}

void
san_notification_center_send (SanNotificationCenter *self,
                              SanAlert              *alert)
{
  g_autoptr(GNotification) notification = NULL;

  g_return_if_fail (SAN_IS_NOTIFICATION_CENTER (self));
  g_return_if_fail (SAN_IS_ALERT (alert));

  notification = g_notification_new (alert->title);
  g_notification_set_body (notification, alert->body);
  g_notification_set_default_action_and_target (notification, "app.show-alert", "(sss)",
                                                alert->contract_id != NULL ? alert->contract_id : "",
                                                san_alert_target_to_string (alert->target),
                                                alert->target_id != NULL ? alert->target_id : "");
  if (alert->kind == SAN_ALERT_KIND_INCIDENT_CREATED || alert->kind == SAN_ALERT_KIND_SERVER_DOWN)
    g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);

  if (self->application != NULL)
    g_application_send_notification (self->application, alert->notification_id, notification);
  g_signal_emit (self, signals[SENT], 0, alert);
}

void
san_notification_center_clear (SanNotificationCenter *self)
{
  g_return_if_fail (SAN_IS_NOTIFICATION_CENTER (self));

  g_list_store_remove_all (self->alerts);
  g_list_store_remove_all (self->items);
  set_unread_count (self, 0);
}

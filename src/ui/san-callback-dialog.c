/* san-callback-dialog.c: "Nós ligamos para você", asking SAN to call back
 *
 * A form: the phone (checked and formatted as it is typed, with the same
 * rules as the server's), what the call is about, a related service, and a
 * day (today up to 14 days ahead) with a window of at least an hour between
 * 08:00 and 20:00, São Paulo time. The server checks everything again; what
 * it refuses shows under the field it names and nothing typed is lost. Once
 * sent, the dialog says when SAN will call. The contract's requests, with
 * their status, are listed below.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "san-billing-labels.h"
#include "san-callback-dialog.h"
#include "san-date.h"
#include "san-phone.h"
#include "san-service-labels.h"

/* The server's rules (san-portald-support.c) */
#define MAX_SUBJECT_CHARS 200
#define MAX_DAYS_AHEAD    14
#define OPENS             (8 * 60)
#define CLOSES            (20 * 60)
#define MIN_WINDOW        60
#define STEP              30
/* "From" is 08:00 to 19:00, "To" 09:00 to 20:00, every half hour */
#define N_TIMES           ((CLOSES - MIN_WINDOW - OPENS) / STEP + 1)

/* What the server refused, until the field changes */
typedef enum
{
  SERVER_PHONE   = 1 << 0,
  SERVER_SUBJECT = 1 << 1,
  SERVER_SERVICE = 1 << 2,
  SERVER_DAY     = 1 << 3,
  SERVER_WINDOW  = 1 << 4,
} ServerErrors;

struct _SanCallbackDialog
{
  AdwWindow       parent_instance;

  GCancellable   *cancellable;
  SanClient      *client;
  SanContract    *contract;
  char           *wanted_service_id;
  GPtrArray      *service_ids;     /* by position in the service row; [0] NULL: none */
  GHashTable     *service_titles;  /* id -> title, for the requests */
  GArray         *days;            /* GDate, by position in the day row */
  GListStore     *requests;        /* SanCallback, newest first */
  GDate           today;
  int             now_minutes;     /* São Paulo time, when the days were made */

  ServerErrors    server_errors;
  guint           format_id;       /* formats the phone once typing settles */
  guint           busy : 1;
  guint           updating : 1;    /* fields change by program */
  guint           adjusting : 1;   /* one time row moves the other */
  guint           touched_phone : 1;
  guint           touched_subject : 1;
  guint           requests_failed : 1;

  AdwWindowTitle *window_title;
  GtkWidget      *cancel_button;
  GtkWidget      *send_button;
  GtkWidget      *done_button;
  GtkWidget      *spinner;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  GtkStack       *form_stack;
  GtkWidget      *form_box;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *subject_row;
  AdwComboRow    *service_row;
  AdwComboRow    *day_row;
  AdwComboRow    *from_row;
  AdwComboRow    *to_row;
  GtkLabel       *phone_error_label;
  GtkLabel       *subject_error_label;
  GtkLabel       *service_error_label;
  GtkLabel       *day_error_label;
  GtkLabel       *window_error_label;
  GtkLabel       *sent_label;
  GtkWidget      *requests_spinner;
  GtkListBox     *requests_list;
};

G_DEFINE_FINAL_TYPE (SanCallbackDialog, san_callback_dialog, ADW_TYPE_WINDOW)

/* Words */

static const char *
weekday_name (GDateWeekday weekday)
{
  switch (weekday)
    {
    case G_DATE_MONDAY:
      return C_("weekday", "Monday");
    case G_DATE_TUESDAY:
      return C_("weekday", "Tuesday");
    case G_DATE_WEDNESDAY:
      return C_("weekday", "Wednesday");
    case G_DATE_THURSDAY:
      return C_("weekday", "Thursday");
    case G_DATE_FRIDAY:
      return C_("weekday", "Friday");
    case G_DATE_SATURDAY:
      return C_("weekday", "Saturday");
    case G_DATE_SUNDAY:
      return C_("weekday", "Sunday");
    case G_DATE_BAD_WEEKDAY:
    default:
      return "";
    }
}

/* "Thursday, 3 Dec 2026" ("quinta-feira, 03/12/2026") */
static char *
dup_day_text (const GDate *date)
{
  g_autofree char *day = san_date_format (date);

  /* Translators: a weekday and a date, like "Thursday, 3 Dec 2026" */
  return g_strdup_printf (C_("weekday and date", "%s, %s"),
                          weekday_name (g_date_get_weekday (date)), day);
}

static char *
dup_time_text (guint minutes)
{
  return g_strdup_printf ("%02u:%02u", minutes / 60, minutes % 60);
}

static const char *
status_label (SanCallbackStatus status)
{
  switch (status)
    {
    case SAN_CALLBACK_STATUS_REQUESTED:
      return C_("callback status", "Requested");
    case SAN_CALLBACK_STATUS_SCHEDULED:
      return C_("callback status", "Scheduled");
    case SAN_CALLBACK_STATUS_DONE:
      return C_("callback status", "Done");
    case SAN_CALLBACK_STATUS_CANCELLED:
      return C_("callback status", "Cancelled");
    default:
      return "";
    }
}

static const char *
status_css_class (SanCallbackStatus status)
{
  switch (status)
    {
    case SAN_CALLBACK_STATUS_REQUESTED:
      return "callback-requested";
    case SAN_CALLBACK_STATUS_SCHEDULED:
      return "callback-scheduled";
    case SAN_CALLBACK_STATUS_DONE:
      return "callback-done";
    case SAN_CALLBACK_STATUS_CANCELLED:
    default:
      return "callback-cancelled";
    }
}

/* "padariapaoquente.com.br · E-mail Profissional", "Cloud Server · Cloud 4 GB" */
static char *
dup_service_choice (SanService *service)
{
  const char *domain = san_service_get_domain (service);
  SanServiceStatus status = san_service_get_status (service);
  g_autofree char *text = NULL;

  if (domain[0] != '\0')
    /* Translators: a service in a list: its domain and product */
    text = g_strdup_printf (C_("service choice", "%s · %s"), domain, san_service_get_product (service));
  else
    /* Translators: a service in a list: its product and plan */
    text = g_strdup_printf (C_("service choice", "%s · %s"), san_service_get_product (service),
                            san_service_get_plan (service));

  if (status == SAN_SERVICE_STATUS_ACTIVE)
    return g_steal_pointer (&text);
  /* Translators: a service in a list and its status, like "… (Suspended)" */
  return g_strdup_printf (C_("service choice", "%s (%s)"), text, san_service_status_label (status));
}

/* São Paulo's today and the minutes since its midnight */
static void
get_now (GDate *out_today,
         int   *out_minutes)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Sao_Paulo");
  g_autoptr(GDateTime) now = NULL;

  if (zone == NULL)
    zone = g_time_zone_new_offset (-3 * 3600);
  now = g_date_time_new_now (zone);
  san_billing_get_today (out_today);
  *out_minutes = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
}

/* Fields */

static const char *
field_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static guint
count_digits (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      n++;
  return n;
}

static gboolean
has_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != ' ' && *p != '(' && *p != ')' && *p != '-' &&
        *p != '.' && *p != '+')
      return TRUE;
  return FALSE;
}

static guint
from_minutes (SanCallbackDialog *self)
{
  guint i = adw_combo_row_get_selected (self->from_row);

  return OPENS + STEP * (i < N_TIMES ? i : 0);
}

static guint
to_minutes (SanCallbackDialog *self)
{
  guint i = adw_combo_row_get_selected (self->to_row);

  return OPENS + MIN_WINDOW + STEP * (i < N_TIMES ? i : 0);
}

static const GDate *
chosen_day (SanCallbackDialog *self)
{
  guint i = adw_combo_row_get_selected (self->day_row);

  if (i >= self->days->len)
    return NULL;
  return &g_array_index (self->days, GDate, i);
}

static const char *
chosen_service_id (SanCallbackDialog *self)
{
  guint i = adw_combo_row_get_selected (self->service_row);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->service_row)) || i >= self->service_ids->len)
    return NULL;
  return g_ptr_array_index (self->service_ids, i);
}

static void
set_field_error (GtkWidget  *row,
                 GtkLabel   *label,
                 const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static void
show_error (SanCallbackDialog *self,
            const char        *text)
{
  gtk_label_set_label (self->error_label, text != NULL ? text : "");
  gtk_widget_set_visible (self->error_box, text != NULL);
}

/* Checks every field, shows what is wrong (what the server refused too),
 * and allows sending when everything is right. TRUE when it is. */
static gboolean
validate (SanCallbackDialog *self)
{
  g_autoptr(GError) phone_error = NULL;
  g_autofree char *subject = g_strstrip (g_strdup (field_text (self->subject_row)));
  const char *phone = field_text (self->phone_row);
  const char *phone_message = NULL;
  const char *subject_message = NULL;
  g_autofree char *subject_long = NULL;
  const char *window_message = NULL;
  gboolean phone_ok, subject_ok, when_ok;
  glong subject_chars = g_utf8_strlen (subject, -1);
  const GDate *day = chosen_day (self);

  /* The phone: judged once it is complete, or left, or clearly not a number */
  phone_ok = phone[0] != '\0' && san_phone_validate (phone, NULL, &phone_error);
  if (phone[0] == '\0')
    {
      if (self->touched_phone)
        phone_message = _("Enter the number SAN should call, with its area code.");
    }
  else if (!phone_ok && (self->touched_phone || count_digits (phone) >= 10 || has_letters (phone)))
    phone_message = phone_error->message;
  if (phone_message == NULL && (self->server_errors & SERVER_PHONE))
    phone_message = _("SAN could not accept this number. Check the area code and the number.");
  set_field_error (GTK_WIDGET (self->phone_row), self->phone_error_label, phone_message);

  subject_ok = subject_chars > 0 && subject_chars <= MAX_SUBJECT_CHARS;
  if (subject_chars > MAX_SUBJECT_CHARS)
    {
      /* Translators: %ld is how many characters the subject has now */
      subject_long = g_strdup_printf (_("Keep it to 200 characters; this has %ld."), subject_chars);
      subject_message = subject_long;
    }
  else if (subject_chars == 0 && self->touched_subject)
    subject_message = _("Say in a few words what the call is about.");
  else if (self->server_errors & SERVER_SUBJECT)
    subject_message = _("SAN could not accept this subject. Say in a few words what the call is about.");
  set_field_error (GTK_WIDGET (self->subject_row), self->subject_error_label, subject_message);

  set_field_error (GTK_WIDGET (self->service_row), self->service_error_label,
                   (self->server_errors & SERVER_SERVICE)
                   ? _("This service can’t be chosen any more. Choose another one, or none.")
                   : NULL);

  set_field_error (GTK_WIDGET (self->day_row), self->day_error_label,
                   (self->server_errors & SERVER_DAY)
                   ? _("SAN can’t call on this day. Choose a day from today to 14 days ahead.")
                   : NULL);

  /* Today, the window must still leave SAN time to call */
  when_ok = day != NULL;
  if (day != NULL && g_date_compare (day, &self->today) == 0 &&
      (int) to_minutes (self) < self->now_minutes + MIN_WINDOW)
    {
      window_message = _("This window ends too soon today. Choose a later time or another day.");
      when_ok = FALSE;
    }
  else if (self->server_errors & SERVER_WINDOW)
    window_message = _("SAN calls from 08:00 to 20:00, in a window of at least an hour. Choose another time.");
  gtk_widget_remove_css_class (GTK_WIDGET (self->from_row), "error");
  set_field_error (GTK_WIDGET (self->to_row), self->window_error_label, window_message);
  if (window_message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->from_row), "error");

  gtk_widget_set_sensitive (self->send_button, phone_ok && subject_ok && when_ok && !self->busy);
  return phone_ok && subject_ok && when_ok;
}

/* Puts @text in @row without it counting as typing */
static void
replace_text (SanCallbackDialog *self,
              AdwEntryRow       *row,
              const char        *text)
{
  if (g_strcmp0 (field_text (row), text) == 0)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_editable_set_position (GTK_EDITABLE (row), -1);
  self->updating = FALSE;
}

/* A complete number reads the usual way, "+55 (11) 91234-5678"; not while
 * the cursor is in the middle of an edit (then when the field is left) */
static void
format_phone (SanCallbackDialog *self,
              gboolean           anyway)
{
  const char *text = field_text (self->phone_row);
  g_autofree char *formatted = san_phone_format (text);
  int position = gtk_editable_get_position (GTK_EDITABLE (self->phone_row));

  if (formatted != NULL &&
      (anyway || position == 0 || position >= (int) g_utf8_strlen (text, -1)))
    replace_text (self, self->phone_row, formatted);
}

/* After the change: the cursor has moved by then */
static gboolean
format_phone_cb (gpointer data)
{
  SanCallbackDialog *self = data;

  self->format_id = 0;
  format_phone (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_phone_changed_cb (SanCallbackDialog *self)
{
  if (self->updating)
    return;
  self->server_errors &= ~SERVER_PHONE;
  if (self->format_id == 0)
    self->format_id = g_idle_add (format_phone_cb, self);
  validate (self);
}

static void
on_subject_changed_cb (SanCallbackDialog *self)
{
  if (self->updating)
    return;
  self->server_errors &= ~SERVER_SUBJECT;
  validate (self);
}

static void
on_service_selected_cb (SanCallbackDialog *self)
{
  if (self->updating)
    return;
  self->server_errors &= ~SERVER_SERVICE;
  validate (self);
}

static void
on_day_selected_cb (SanCallbackDialog *self)
{
  if (self->updating)
    return;
  self->server_errors &= ~SERVER_DAY;
  validate (self);
}

/* The window stays at least an hour long: moving one end moves the other */
static void
on_from_selected_cb (SanCallbackDialog *self)
{
  guint from;

  if (self->updating || self->adjusting)
    return;
  self->server_errors &= ~SERVER_WINDOW;
  from = adw_combo_row_get_selected (self->from_row);
  if (from < N_TIMES && adw_combo_row_get_selected (self->to_row) < from)
    {
      self->adjusting = TRUE;
      adw_combo_row_set_selected (self->to_row, from);
      self->adjusting = FALSE;
    }
  validate (self);
}

static void
on_to_selected_cb (SanCallbackDialog *self)
{
  guint to;

  if (self->updating || self->adjusting)
    return;
  self->server_errors &= ~SERVER_WINDOW;
  to = adw_combo_row_get_selected (self->to_row);
  if (to < N_TIMES && adw_combo_row_get_selected (self->from_row) > to)
    {
      self->adjusting = TRUE;
      adw_combo_row_set_selected (self->from_row, to);
      self->adjusting = FALSE;
    }
  validate (self);
}

/* Leaving a field shows what is wrong with it */
static void
on_field_leave_cb (GtkEventControllerFocus *controller,
                   SanCallbackDialog       *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (row == GTK_WIDGET (self->phone_row))
    {
      self->touched_phone = TRUE;
      format_phone (self, TRUE);
    }
  else if (row == GTK_WIDGET (self->subject_row))
    self->touched_subject = TRUE;
  validate (self);
}

static void
watch_leave (SanCallbackDialog *self,
             AdwEntryRow       *row)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_object (controller, "leave", G_CALLBACK (on_field_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (row), controller);
}

static void
set_busy (SanCallbackDialog *self,
          gboolean           busy)
{
  self->busy = busy;
  gtk_widget_set_visible (self->spinner, busy);
  gtk_widget_set_sensitive (self->form_box, !busy);
  validate (self);
}

/* The choices */

static void
fill_days (SanCallbackDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint tomorrow = 0;

  get_now (&self->today, &self->now_minutes);
  g_array_set_size (self->days, 0);
  for (guint i = 0; i <= MAX_DAYS_AHEAD; i++)
    {
      GDate day = self->today;
      g_autofree char *text = NULL;
      g_autofree char *label = NULL;

      g_date_add_days (&day, i);
      /* Today only while a window of an hour still fits */
      if (i == 0 && self->now_minutes + MIN_WINDOW > CLOSES)
        continue;
      text = dup_day_text (&day);
      if (i == 0)
        /* Translators: %s is a weekday and a date */
        label = g_strdup_printf (_("%s (today)"), text);
      else if (i == 1)
        /* Translators: %s is a weekday and a date */
        label = g_strdup_printf (_("%s (tomorrow)"), text);
      else
        label = g_steal_pointer (&text);
      if (i == 1)
        tomorrow = self->days->len;
      g_array_append_val (self->days, day);
      gtk_string_list_append (labels, label);
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->day_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->day_row, tomorrow);
  self->updating = FALSE;
}

static void
fill_times (SanCallbackDialog *self)
{
  g_autoptr(GtkStringList) froms = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) tos = gtk_string_list_new (NULL);

  for (guint i = 0; i < N_TIMES; i++)
    {
      g_autofree char *from = dup_time_text (OPENS + STEP * i);
      g_autofree char *to = dup_time_text (OPENS + MIN_WINDOW + STEP * i);

      gtk_string_list_append (froms, from);
      gtk_string_list_append (tos, to);
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (froms));
  adw_combo_row_set_model (self->to_row, G_LIST_MODEL (tos));
  /* 09:00 to 12:00 */
  adw_combo_row_set_selected (self->from_row, (9 * 60 - OPENS) / STEP);
  adw_combo_row_set_selected (self->to_row, (12 * 60 - OPENS - MIN_WINDOW) / STEP);
  self->updating = FALSE;
}

/* The requests */

static GtkWidget *
create_request_row (gpointer item,
                    gpointer user_data)
{
  SanCallbackDialog *self = user_data;
  SanCallback *callback = item;
  SanCallbackStatus status = san_callback_get_status (callback);
  const char *service_id = san_callback_get_service_id (callback);
  const char *service = service_id != NULL ? g_hash_table_lookup (self->service_titles, service_id) : NULL;
  g_autofree char *day = dup_day_text (san_callback_get_date (callback));
  g_autofree char *from = dup_time_text (san_callback_get_from_minutes (callback));
  g_autofree char *to = dup_time_text (san_callback_get_to_minutes (callback));
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gtk_label_new (status_label (status));

  /* Translators: a day and a time window, like "Thursday, 3 Dec 2026, 09:00–12:00" */
  when = g_strdup_printf (_("%s, %s–%s"), day, from, to);
  if (service != NULL)
    /* Translators: when, the phone number and the related service, one a line */
    subtitle = g_strdup_printf (_("%s\n%s\n%s"), when, san_callback_get_phone (callback), service);
  else
    /* Translators: when, and the phone number, one a line */
    subtitle = g_strdup_printf (_("%s\n%s"), when, san_callback_get_phone (callback));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), san_callback_get_subject (callback));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_name (row, san_callback_get_id (callback));

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_add_css_class (badge, status_css_class (status));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  return row;
}

static void
update_requests_placeholder (SanCallbackDialog *self)
{
  GtkWidget *placeholder = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (placeholder), FALSE);
  if (self->requests_failed)
    {
      GtkWidget *retry = gtk_button_new_with_mnemonic (_("_Retry"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (placeholder),
                                     _("Your requests could not be loaded"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (placeholder),
                                   _("Check your connection. You can still ask for a call."));
      gtk_widget_set_valign (retry, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (retry), "callback.reload");
      adw_action_row_add_suffix (ADW_ACTION_ROW (placeholder), retry);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (placeholder), _("No requests yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (placeholder),
                                   _("The calls you ask for show here with their status."));
    }
  gtk_list_box_set_placeholder (self->requests_list, placeholder);
}

static void
on_requests_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(GPtrArray) items = NULL;
  SanCallbackDialog *self;
  guint n;

  requests = san_client_list_callbacks_finish (SAN_CLIENT (object), result, &error);
  if (requests == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_CALLBACK_DIALOG (user_data);
  gtk_widget_set_visible (self->requests_spinner, FALSE);
  self->requests_failed = requests == NULL;
  update_requests_placeholder (self);
  if (requests == NULL)
    {
      g_debug ("Could not load the callback requests: %s", error->message);
      return;
    }

  n = g_list_model_get_n_items (requests);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (requests, i));
  g_list_store_splice (self->requests, 0, g_list_model_get_n_items (G_LIST_MODEL (self->requests)),
                       items->pdata, items->len);
}

static void
load_requests (SanCallbackDialog *self)
{
  gtk_widget_set_visible (self->requests_spinner, TRUE);
  san_client_list_callbacks_async (self->client, san_contract_get_id (self->contract),
                                   self->cancellable, on_requests_loaded_cb, self);
}

/* Redraws the rows: the services' titles arrived */
static void
refresh_requests (SanCallbackDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->requests));

  g_list_model_items_changed (G_LIST_MODEL (self->requests), 0, n, n);
}

static void
on_services_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(GtkStringList) labels = NULL;
  SanCallbackDialog *self;
  guint selected = 0;
  guint n;

  services = san_client_list_all_services_finish (SAN_CLIENT (object), result, &error);
  if (services == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_CALLBACK_DIALOG (user_data);
  if (services == NULL)
    {
      /* Without the services (or the permission to see them) the call is
       * about no service in particular */
      g_debug ("Could not load the services: %s", error->message);
      return;
    }

  n = g_list_model_get_n_items (services);
  if (n == 0)
    return;

  labels = gtk_string_list_new (NULL);
  gtk_string_list_append (labels, C_("related service", "None"));
  g_ptr_array_set_size (self->service_ids, 0);
  g_ptr_array_add (self->service_ids, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SanService) service = g_list_model_get_item (services, i);
      g_autofree char *label = dup_service_choice (service);
      const char *id = san_service_get_id (service);

      if (g_strcmp0 (id, self->wanted_service_id) == 0)
        selected = self->service_ids->len;
      g_ptr_array_add (self->service_ids, g_strdup (id));
      g_hash_table_insert (self->service_titles, g_strdup (id), g_steal_pointer (&label));
      gtk_string_list_append (labels, g_hash_table_lookup (self->service_titles, id));
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->service_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->service_row, selected);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->service_row), TRUE);
  refresh_requests (self);
}

/* Sending */

static void
show_server_error (SanCallbackDialog *self,
                   const GError      *error)
{
  static const struct
  {
    const char   *field;
    ServerErrors  flag;
  } fields[] = {
    { "phone", SERVER_PHONE },
    { "subject", SERVER_SUBJECT },
    { "service_id", SERVER_SERVICE },
    { "preferred_window", SERVER_DAY },
    { "preferred_window.date", SERVER_DAY },
    { "preferred_window.from", SERVER_WINDOW },
    { "preferred_window.to", SERVER_WINDOW },
  };
  GtkWidget *first = NULL;

  if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_INVALID_INPUT))
    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      if (san_api_error_has_field (error, fields[i].field))
        self->server_errors |= fields[i].flag;

  validate (self);
  if (self->server_errors & SERVER_PHONE)
    first = GTK_WIDGET (self->phone_row);
  else if (self->server_errors & SERVER_SUBJECT)
    first = GTK_WIDGET (self->subject_row);
  else if (self->server_errors & SERVER_SERVICE)
    first = GTK_WIDGET (self->service_row);
  else if (self->server_errors & SERVER_DAY)
    first = GTK_WIDGET (self->day_row);
  else if (self->server_errors & SERVER_WINDOW)
    first = GTK_WIDGET (self->from_row);
  if (first != NULL)
    {
      gtk_widget_grab_focus (first);
      return;
    }

  if (g_error_matches (error, SAN_API_ERROR, SAN_API_ERROR_FORBIDDEN))
    show_error (self, _("You don’t have permission to ask SAN to call about this contract."));
  else if (error->domain == SAN_API_ERROR &&
           (error->code == SAN_API_ERROR_NETWORK || error->code == SAN_API_ERROR_SERVER))
    show_error (self, _("SAN could not be reached, so the request was not sent. Check your "
                        "connection and send it again."));
  else
    show_error (self, error->message);
}

static void
on_requested_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SanCallback) callback = NULL;
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *text = NULL;
  SanCallbackDialog *self;

  callback = san_client_request_callback_finish (SAN_CLIENT (object), result, &error);
  if (callback == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* self may be gone */

  self = SAN_CALLBACK_DIALOG (user_data);
  set_busy (self, FALSE);
  if (callback == NULL)
    {
      show_server_error (self, error);
      return;
    }

  day = dup_day_text (san_callback_get_date (callback));
  from = dup_time_text (san_callback_get_from_minutes (callback));
  to = dup_time_text (san_callback_get_to_minutes (callback));
  /* Translators: a day like "Thursday, 3 Dec 2026", two times, a phone number */
  text = g_strdup_printf (_("SAN will call you on %s between %s and %s, at %s."),
                          day, from, to, san_callback_get_phone (callback));
  gtk_label_set_label (self->sent_label, text);

  g_list_store_insert (self->requests, 0, callback);
  self->requests_failed = FALSE;
  update_requests_placeholder (self);

  /* Out of the entries first: a focused text going away warns */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_stack_set_visible_child_name (self->form_stack, "sent");
  gtk_widget_set_visible (self->send_button, FALSE);
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (self->done_button, TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->done_button);
}

static void
send_request (SanCallbackDialog *self)
{
  g_autofree char *phone = NULL;
  g_autofree char *subject = NULL;
  const GDate *day;

  if (self->busy || !validate (self))
    return;

  phone = san_phone_format (field_text (self->phone_row));
  subject = g_strstrip (g_strdup (field_text (self->subject_row)));
  day = chosen_day (self);
  g_return_if_fail (phone != NULL && day != NULL);

  show_error (self, NULL);
  self->server_errors = 0;
  set_busy (self, TRUE);
  san_client_request_callback_async (self->client,
                                     san_contract_get_id (self->contract),
                                     phone,
                                     subject,
                                     chosen_service_id (self),
                                     day,
                                     from_minutes (self),
                                     to_minutes (self),
                                     self->cancellable,
                                     on_requested_cb,
                                     self);
}

static void
send_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  send_request (SAN_CALLBACK_DIALOG (widget));
}

static void
on_entry_activated_cb (SanCallbackDialog *self)
{
  send_request (self);
}

/* Another call: the same phone, a new subject */
static void
another_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SanCallbackDialog *self = SAN_CALLBACK_DIALOG (widget);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), "");
  self->updating = FALSE;
  self->touched_subject = FALSE;
  fill_days (self);
  gtk_stack_set_visible_child_name (self->form_stack, "form");
  gtk_widget_set_visible (self->done_button, FALSE);
  gtk_widget_set_visible (self->cancel_button, TRUE);
  gtk_widget_set_visible (self->send_button, TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->subject_row));
}

static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  load_requests (SAN_CALLBACK_DIALOG (widget));
}

/* GtkWindow */

static gboolean
san_callback_dialog_close_request (GtkWindow *window)
{
  SanCallbackDialog *self = SAN_CALLBACK_DIALOG (window);

  g_cancellable_cancel (self->cancellable);
  /* Out of the entries: a focused text going away with its window warns */
  gtk_window_set_focus (window, NULL);

  return GTK_WINDOW_CLASS (san_callback_dialog_parent_class)->close_request (window);
}

/* GObject */

static void
san_callback_dialog_dispose (GObject *object)
{
  SanCallbackDialog *self = SAN_CALLBACK_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->format_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAN_TYPE_CALLBACK_DIALOG);

  g_clear_object (&self->requests);
  g_clear_object (&self->contract);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (san_callback_dialog_parent_class)->dispose (object);
}

static void
san_callback_dialog_finalize (GObject *object)
{
  SanCallbackDialog *self = SAN_CALLBACK_DIALOG (object);

  g_free (self->wanted_service_id);
  g_ptr_array_unref (self->service_ids);
  g_hash_table_unref (self->service_titles);
  g_array_unref (self->days);

  G_OBJECT_CLASS (san_callback_dialog_parent_class)->finalize (object);
}

static void
san_callback_dialog_class_init (SanCallbackDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = san_callback_dialog_dispose;
  object_class->finalize = san_callback_dialog_finalize;
  window_class->close_request = san_callback_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/saninternet/ClientArea/ui/san-callback-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, send_button);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, form_stack);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, service_row);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, day_row);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, phone_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, subject_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, service_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, day_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, window_error_label);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, sent_label);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, requests_spinner);
  gtk_widget_class_bind_template_child (widget_class, SanCallbackDialog, requests_list);
  gtk_widget_class_bind_template_callback (widget_class, on_phone_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_subject_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_service_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_from_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_to_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "callback.send", NULL, send_action_cb);
  gtk_widget_class_install_action (widget_class, "callback.another", NULL, another_action_cb);
  gtk_widget_class_install_action (widget_class, "callback.reload", NULL, reload_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
san_callback_dialog_init (SanCallbackDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->service_ids = g_ptr_array_new_with_free_func (g_free);
  self->service_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->days = g_array_new (FALSE, FALSE, sizeof (GDate));
  self->requests = g_list_store_new (SAN_TYPE_CALLBACK);
  self->cancellable = g_cancellable_new ();

  gtk_list_box_bind_model (self->requests_list, G_LIST_MODEL (self->requests),
                           create_request_row, self, NULL);
  update_requests_placeholder (self);

  watch_leave (self, self->phone_row);
  watch_leave (self, self->subject_row);
  fill_days (self);
  fill_times (self);
  validate (self);
}

void
san_callback_dialog_present (GtkWindow   *parent,
                             SanClient   *client,
                             SanContract *contract,
                             const char  *service_id)
{
  SanCallbackDialog *self;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (SAN_IS_CLIENT (client));
  g_return_if_fail (SAN_IS_CONTRACT (contract));

  self = g_object_new (SAN_TYPE_CALLBACK_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->client = g_object_ref (client);
  self->contract = g_object_ref (contract);
  self->wanted_service_id = g_strdup (service_id);
  adw_window_title_set_subtitle (self->window_title, san_contract_get_name (contract));

  san_client_list_all_services_async (client, san_contract_get_id (contract), self->cancellable,
                                      on_services_loaded_cb, self);
  load_requests (self);

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->phone_row));
}

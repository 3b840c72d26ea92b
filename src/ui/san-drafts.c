/* san-drafts.c: replies and new tickets kept on disk while they are written
 *
 * One GThreadPool with a single thread does every read, write and delete,
 * in the order they were asked for; a GTask brings each result back to the
 * caller's main context. A write is g_file_set_contents_full() with
 * G_FILE_SET_CONTENTS_CONSISTENT (a temporary file renamed over the old
 * one) and mode 0600, in a folder made 0700.
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-ui"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "san-drafts.h"

#define DRAFT_GROUP     "Draft"
#define DRAFT_VERSION   1
#define SAVE_DELAY_MS   500

/* SanDraft */

struct _SanDraft
{
  GObject  parent_instance;

  char    *body;
  char    *subject;
  char    *department_id;
  char    *service_id;
  char    *priority;
  GStrv    attachment_uris;
  gboolean internal;
};

G_DEFINE_FINAL_TYPE (SanDraft, san_draft, G_TYPE_OBJECT)

static void
san_draft_finalize (GObject *object)
{
  SanDraft *self = SAN_DRAFT (object);

  g_free (self->body);
  g_free (self->subject);
  g_free (self->department_id);
  g_free (self->service_id);
  g_free (self->priority);
  g_strfreev (self->attachment_uris);

  G_OBJECT_CLASS (san_draft_parent_class)->finalize (object);
}

static void
san_draft_class_init (SanDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = san_draft_finalize;
}

static void
san_draft_init (SanDraft *self)
{
  self->attachment_uris = g_new0 (char *, 1);
}

static void
set_field (char       **field,
           const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

SanDraft *
san_draft_new (void)
{
  return g_object_new (SAN_TYPE_DRAFT, NULL);
}

SanDraft *
san_draft_copy (SanDraft *self)
{
  SanDraft *copy;

  g_return_val_if_fail (SAN_IS_DRAFT (self), NULL);

  copy = san_draft_new ();
  copy->body = g_strdup (self->body);
  copy->subject = g_strdup (self->subject);
  copy->department_id = g_strdup (self->department_id);
  copy->service_id = g_strdup (self->service_id);
  copy->priority = g_strdup (self->priority);
  copy->internal = self->internal;
  g_strfreev (copy->attachment_uris);
  copy->attachment_uris = g_strdupv (self->attachment_uris);
  return copy;
}

/* Blank text counts as nothing typed; a department or priority alone (the
 * form's defaults) is nothing either, nor is the staff box's mode */
static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
san_draft_is_empty (SanDraft *self)
{
  g_return_val_if_fail (SAN_IS_DRAFT (self), TRUE);

  return blank (self->body) && blank (self->subject) && self->service_id == NULL &&
         self->attachment_uris[0] == NULL;
}

gboolean
san_draft_equal (SanDraft *a,
                 SanDraft *b)
{
  g_return_val_if_fail (SAN_IS_DRAFT (a), FALSE);
  g_return_val_if_fail (SAN_IS_DRAFT (b), FALSE);

  return g_strcmp0 (a->body, b->body) == 0 &&
         g_strcmp0 (a->subject, b->subject) == 0 &&
         g_strcmp0 (a->department_id, b->department_id) == 0 &&
         g_strcmp0 (a->service_id, b->service_id) == 0 &&
         g_strcmp0 (a->priority, b->priority) == 0 &&
         a->internal == b->internal &&
         g_strv_equal ((const char * const *) a->attachment_uris,
                       (const char * const *) b->attachment_uris);
}

const char *
san_draft_get_body (SanDraft *self)
{
  g_return_val_if_fail (SAN_IS_DRAFT (self), NULL);
  return self->body;
}

void
san_draft_set_body (SanDraft   *self,
                    const char *body)
{
  g_return_if_fail (SAN_IS_DRAFT (self));
  set_field (&self->body, body);
}

const char *
san_draft_get_subject (SanDraft *self)
{
  g_return_val_if_fail (SAN_IS_DRAFT (self), NULL);
  return self->subject;
}

void
san_draft_set_subject (SanDraft   *self,
                       const char *subject)
{
  g_return_if_fail (SAN_IS_DRAFT (self));
  set_field (&self->subject, subject);
}

const char *
san_draft_get_department_id (SanDraft *self)
{
  g_return_val_if_fail (SAN_IS_DRAFT (self), NULL);
  return self->department_id;
}

void
san_draft_set_department_id (SanDraft   *self,
                             const char *department_id)
{
  g_return_if_fail (SAN_IS_DRAFT (self));
  set_field (&self->department_id, department_id);
}

const char *
san_draft_get_service_id (SanDraft *self)
{
  g_return_val_if_fail (SAN_IS_DRAFT (self), NULL);
  return self->service_id;
}

void
san_draft_set_service_id (SanDraft   *self,
                          const char *service_id)
{
  g_return_if_fail (SAN_IS_DRAFT (self));
  set_field (&self->service_id, service_id);
}

const char *
san_draft_get_priority (SanDraft *self)
{
  g_return_val_if_fail (SAN_IS_DRAFT (self), NULL);
  return self->priority;
}

void
san_draft_set_priority (SanDraft   *self,
                        const char *priority)
{
  g_return_if_fail (SAN_IS_DRAFT (self));
  set_field (&self->priority, priority);
}

gboolean
san_draft_get_internal (SanDraft *self)
{
  g_return_val_if_fail (SAN_IS_DRAFT (self), FALSE);
  return self->internal;
}

void
san_draft_set_internal (SanDraft *self,
                        gboolean  internal)
{
  g_return_if_fail (SAN_IS_DRAFT (self));
  self->internal = !!internal;
}

const char * const *
san_draft_get_attachment_uris (SanDraft *self)
{
  g_return_val_if_fail (SAN_IS_DRAFT (self), NULL);
  return (const char * const *) self->attachment_uris;
}

void
san_draft_set_attachment_uris (SanDraft           *self,
                               const char * const *uris)
{
  g_return_if_fail (SAN_IS_DRAFT (self));

  g_strfreev (self->attachment_uris);
  self->attachment_uris = uris != NULL ? g_strdupv ((char **) uris) : g_new0 (char *, 1);
}

/* The file format: a GKeyFile (it escapes newlines and separators) */

static char *
draft_to_data (SanDraft *draft,
               gsize    *out_length)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved_at = g_date_time_format_iso8601 (now);
  const struct { const char *key; const char *value; } fields[] = {
    { "Body", draft->body },
    { "Subject", draft->subject },
    { "DepartmentId", draft->department_id },
    { "ServiceId", draft->service_id },
    { "Priority", draft->priority },
  };

  g_key_file_set_integer (file, DRAFT_GROUP, "Version", DRAFT_VERSION);
  g_key_file_set_string (file, DRAFT_GROUP, "SavedAt", saved_at);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].value != NULL)
      g_key_file_set_string (file, DRAFT_GROUP, fields[i].key, fields[i].value);
  if (draft->attachment_uris[0] != NULL)
    g_key_file_set_string_list (file, DRAFT_GROUP, "Attachments",
                                (const char * const *) draft->attachment_uris,
                                g_strv_length (draft->attachment_uris));
  /* Only notes carry it: a customer draft's file is as it always was */
  if (draft->internal)
    g_key_file_set_boolean (file, DRAFT_GROUP, "Internal", TRUE);
  return g_key_file_to_data (file, out_length, NULL);
}

static char *
optional_string (GKeyFile    *file,
                 const char  *key,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *value = g_key_file_get_string (file, DRAFT_GROUP, key, &local_error);

  if (value == NULL && !g_error_matches (local_error, G_KEY_FILE_ERROR,
                                         G_KEY_FILE_ERROR_KEY_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return value;
}

static SanDraft *
draft_from_data (const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(SanDraft) draft = san_draft_new ();
  g_autoptr(GError) local_error = NULL;
  struct { const char *key; char **field; } fields[] = {
    { "Body", &draft->body },
    { "Subject", &draft->subject },
    { "DepartmentId", &draft->department_id },
    { "ServiceId", &draft->service_id },
    { "Priority", &draft->priority },
  };
  g_auto(GStrv) uris = NULL;
  int version;

  if (!g_key_file_load_from_data (file, data, length, G_KEY_FILE_NONE, error))
    return NULL;
  version = g_key_file_get_integer (file, DRAFT_GROUP, "Version", error);
  if (version == 0)
    return NULL;
  if (version != DRAFT_VERSION)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "unknown draft version %d", version);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      *fields[i].field = optional_string (file, fields[i].key, error);
      if (error != NULL && *error != NULL)
        return NULL;
      if (*fields[i].field != NULL && (*fields[i].field)[0] == '\0')
        g_clear_pointer (fields[i].field, g_free);
    }

  uris = g_key_file_get_string_list (file, DRAFT_GROUP, "Attachments", NULL, &local_error);
  if (uris == NULL && !g_error_matches (local_error, G_KEY_FILE_ERROR,
                                        G_KEY_FILE_ERROR_KEY_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (uris != NULL)
    san_draft_set_attachment_uris (draft, (const char * const *) uris);

  /* A missing mark is a reply; one that cannot be read makes the draft
   * unreadable rather than a note shown as a reply */
  g_clear_error (&local_error);
  draft->internal = g_key_file_get_boolean (file, DRAFT_GROUP, "Internal", &local_error);
  if (local_error != NULL &&
      !g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&draft);
}

/* Keys and places */

/* Each part with its terminating NUL, so that parts cannot run together:
 * two lists of parts give the same bytes only when they are equal */
static char *
hash_parts (const char * const *parts,
            guint               n_parts)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < n_parts; i++)
    g_checksum_update (checksum, (const guchar *) parts[i], strlen (parts[i]) + 1);
  return g_strdup (g_checksum_get_string (checksum));
}

/* The first part is the scope; keys of different scopes never meet */
#define CUSTOMER_SCOPE "san-client-area-draft-1"
#define STAFF_SCOPE    "san-client-area-draft-1:staff"

char *
san_drafts_key (const char *server,
                const char *user,
                const char *contract_id,
                const char *ticket_id)
{
  const char *parts[] = { CUSTOMER_SCOPE, server, user, contract_id,
                          ticket_id != NULL ? ticket_id : "new" };

  g_return_val_if_fail (server != NULL && user != NULL && contract_id != NULL, NULL);

  return hash_parts (parts, G_N_ELEMENTS (parts));
}

char *
san_drafts_staff_key (const char *server,
                      const char *user,
                      const char *ticket_id)
{
  const char *parts[] = { STAFF_SCOPE, server, user, ticket_id };

  g_return_val_if_fail (server != NULL && user != NULL && ticket_id != NULL, NULL);

  return hash_parts (parts, G_N_ELEMENTS (parts));
}

char *
san_drafts_dup_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "san-client-area", "drafts", NULL);
}

static gboolean
valid_key (const char *key)
{
  if (key == NULL || strlen (key) != 64)
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

char *
san_drafts_dup_path (const char *key)
{
  g_autofree char *dir = san_drafts_dup_dir ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (valid_key (key), NULL);

  name = g_strconcat (key, ".draft", NULL);
  return g_build_filename (dir, name, NULL);
}

/* The worker */

typedef enum
{
  JOB_LOAD,
  JOB_SAVE,
  JOB_DELETE,
} JobKind;

typedef struct
{
  JobKind  kind;
  char    *path;
  char    *data;     /* JOB_SAVE */
  gsize    length;
  GTask   *task;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->data);
  g_clear_object (&job->task);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static GMutex pending_lock;
static GCond pending_cond;
static guint n_pending;           /* saves and deletes asked for, not done */
static GApplication *hooked_app;  /* weak: the app whose shutdown waits for them */

static gboolean
ensure_dir (const char  *path,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "could not make the drafts folder: %s", g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static void
run_job (gpointer data,
         gpointer pool_data)
{
  g_autoptr(Job) job = data;
  g_autoptr(GError) error = NULL;
  gboolean counted = job->kind != JOB_LOAD;

  if (g_task_return_error_if_cancelled (job->task))
    ;
  else if (job->kind == JOB_LOAD)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;
      SanDraft *draft;

      if (!g_file_get_contents (job->path, &contents, &length, &error))
        {
          if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            g_task_return_pointer (job->task, NULL, NULL);
          else
            g_task_return_error (job->task, g_steal_pointer (&error));
        }
      else if ((draft = draft_from_data (contents, length, &error)) == NULL)
        {
          g_prefix_error (&error, "a damaged draft: ");
          g_task_return_error (job->task, g_steal_pointer (&error));
        }
      else
        g_task_return_pointer (job->task, draft, g_object_unref);
    }
  else if (job->kind == JOB_SAVE)
    {
      if (ensure_dir (job->path, &error) &&
          g_file_set_contents_full (job->path, job->data, job->length,
                                    G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                    0600, &error))
        g_task_return_boolean (job->task, TRUE);
      else
        g_task_return_error (job->task, g_steal_pointer (&error));
    }
  else
    {
      if (g_unlink (job->path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_task_return_new_error (job->task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                   "could not delete the draft: %s", g_strerror (saved_errno));
        }
      else
        g_task_return_boolean (job->task, TRUE);
    }

  if (counted)
    {
      g_mutex_lock (&pending_lock);
      n_pending--;
      g_cond_broadcast (&pending_cond);
      g_mutex_unlock (&pending_lock);
    }
}

static void
on_app_shutdown_cb (GApplication *app,
                    gpointer      user_data)
{
  san_drafts_wait ();
}

static void
push_job (Job *job)
{
  static GThreadPool *pool;
  GApplication *app = g_application_get_default ();

  if (g_once_init_enter (&pool))
    {
      GThreadPool *new_pool = g_thread_pool_new (run_job, NULL, 1, FALSE, NULL);

      g_once_init_leave (&pool, new_pool);
    }

  if (job->kind != JOB_LOAD)
    {
      g_mutex_lock (&pending_lock);
      n_pending++;
      g_mutex_unlock (&pending_lock);

      /* The app waits for the writes before it exits */
      if (app != NULL && app != hooked_app)
        {
          if (hooked_app != NULL)
            g_object_remove_weak_pointer (G_OBJECT (hooked_app), (gpointer *) &hooked_app);
          hooked_app = app;
          g_object_add_weak_pointer (G_OBJECT (hooked_app), (gpointer *) &hooked_app);
          g_signal_connect (app, "shutdown", G_CALLBACK (on_app_shutdown_cb), NULL);
        }
    }

  g_thread_pool_push (pool, job, NULL);
}

static Job *
job_new (JobKind              kind,
         const char          *key,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data,
         gpointer             source_tag)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->path = san_drafts_dup_path (key);
  job->task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, source_tag);
  return job;
}

void
san_drafts_load_async (const char          *key,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (valid_key (key));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  push_job (job_new (JOB_LOAD, key, cancellable, callback, user_data, san_drafts_load_async));
}

SanDraft *
san_drafts_load_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == san_drafts_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
san_drafts_save_async (const char          *key,
                       SanDraft            *draft,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Job *job;

  g_return_if_fail (valid_key (key));
  g_return_if_fail (SAN_IS_DRAFT (draft));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (san_draft_is_empty (draft))
    {
      job = job_new (JOB_DELETE, key, cancellable, callback, user_data, san_drafts_save_async);
    }
  else
    {
      job = job_new (JOB_SAVE, key, cancellable, callback, user_data, san_drafts_save_async);
      job->data = draft_to_data (draft, &job->length);
    }
  push_job (job);
}

gboolean
san_drafts_save_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == san_drafts_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
san_drafts_delete_async (const char          *key,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (valid_key (key));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  push_job (job_new (JOB_DELETE, key, cancellable, callback, user_data, san_drafts_delete_async));
}

gboolean
san_drafts_delete_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == san_drafts_delete_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
san_drafts_wait (void)
{
  g_mutex_lock (&pending_lock);
  while (n_pending > 0)
    g_cond_wait (&pending_cond, &pending_lock);
  g_mutex_unlock (&pending_lock);
}

/* SanDraftSaver */

struct _SanDraftSaver
{
  GObject   parent_instance;

  char     *key;
  SanDraft *pending;      /* changed, not yet handed to the worker */
  guint     timeout_id;
  guint     n_writing;
  gboolean  failed;       /* the last write failed */
};

enum {
  SAVER_PROP_0,
  SAVER_PROP_BUSY,
  SAVER_N_PROPS
};

static GParamSpec *saver_properties[SAVER_N_PROPS];

enum {
  SAVER_FAILED,
  SAVER_N_SIGNALS
};

static guint saver_signals[SAVER_N_SIGNALS];

G_DEFINE_FINAL_TYPE (SanDraftSaver, san_draft_saver, G_TYPE_OBJECT)

static void
notify_busy (SanDraftSaver *self,
             gboolean       was_busy)
{
  if (was_busy != san_draft_saver_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), saver_properties[SAVER_PROP_BUSY]);
}

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SanDraftSaver) self = user_data;   /* each write holds the saver */
  g_autoptr(GError) error = NULL;
  gboolean was_busy = san_draft_saver_get_busy (self);
  gboolean ok;

  if (g_task_get_source_tag (G_TASK (result)) == san_drafts_delete_async)
    ok = san_drafts_delete_finish (result, &error);
  else
    ok = san_drafts_save_finish (result, &error);

  self->n_writing--;
  self->failed = !ok;
  if (!ok)
    {
      g_warning ("Could not save a draft: %s", error->message);
      g_signal_emit (self, saver_signals[SAVER_FAILED], 0, error);
    }
  notify_busy (self, was_busy);
}

static void
write_pending (SanDraftSaver *self)
{
  g_autoptr(SanDraft) draft = g_steal_pointer (&self->pending);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (draft == NULL || self->key == NULL)
    return;

  self->n_writing++;
  san_drafts_save_async (self->key, draft, NULL, on_saved_cb, g_object_ref (self));
}

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  SanDraftSaver *self = user_data;
  gboolean was_busy = san_draft_saver_get_busy (self);

  self->timeout_id = 0;
  write_pending (self);
  notify_busy (self, was_busy);
  return G_SOURCE_REMOVE;
}

static void
san_draft_saver_dispose (GObject *object)
{
  SanDraftSaver *self = SAN_DRAFT_SAVER (object);

  /* What was typed last is written even as the editor goes */
  write_pending (self);

  G_OBJECT_CLASS (san_draft_saver_parent_class)->dispose (object);
}

static void
san_draft_saver_finalize (GObject *object)
{
  SanDraftSaver *self = SAN_DRAFT_SAVER (object);

  g_free (self->key);

  G_OBJECT_CLASS (san_draft_saver_parent_class)->finalize (object);
}

static void
san_draft_saver_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SanDraftSaver *self = SAN_DRAFT_SAVER (object);

  switch (prop_id)
    {
    case SAVER_PROP_BUSY:
      g_value_set_boolean (value, san_draft_saver_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
san_draft_saver_class_init (SanDraftSaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = san_draft_saver_dispose;
  object_class->finalize = san_draft_saver_finalize;
  object_class->get_property = san_draft_saver_get_property;

  saver_properties[SAVER_PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SAVER_N_PROPS, saver_properties);

  saver_signals[SAVER_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
san_draft_saver_init (SanDraftSaver *self)
{
}

SanDraftSaver *
san_draft_saver_new (const char *key)
{
  SanDraftSaver *self;

  g_return_val_if_fail (key == NULL || valid_key (key), NULL);

  self = g_object_new (SAN_TYPE_DRAFT_SAVER, NULL);
  self->key = g_strdup (key);
  return self;
}

const char *
san_draft_saver_get_key (SanDraftSaver *self)
{
  g_return_val_if_fail (SAN_IS_DRAFT_SAVER (self), NULL);

  return self->key;
}

void
san_draft_saver_set_key (SanDraftSaver *self,
                         const char    *key)
{
  gboolean was_busy;

  g_return_if_fail (SAN_IS_DRAFT_SAVER (self));
  g_return_if_fail (key == NULL || valid_key (key));

  if (g_strcmp0 (self->key, key) == 0)
    return;
  was_busy = san_draft_saver_get_busy (self);
  write_pending (self);
  g_free (self->key);
  self->key = g_strdup (key);
  notify_busy (self, was_busy);
}

void
san_draft_saver_changed (SanDraftSaver *self,
                         SanDraft      *draft)
{
  gboolean was_busy;

  g_return_if_fail (SAN_IS_DRAFT_SAVER (self));
  g_return_if_fail (SAN_IS_DRAFT (draft));

  if (self->key == NULL)
    return;
  was_busy = san_draft_saver_get_busy (self);
  g_clear_object (&self->pending);
  self->pending = san_draft_copy (draft);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (SAVE_DELAY_MS, on_save_timeout_cb, self);
  notify_busy (self, was_busy);
}

void
san_draft_saver_flush (SanDraftSaver *self)
{
  gboolean was_busy;

  g_return_if_fail (SAN_IS_DRAFT_SAVER (self));

  was_busy = san_draft_saver_get_busy (self);
  write_pending (self);
  notify_busy (self, was_busy);
}

void
san_draft_saver_discard (SanDraftSaver *self)
{
  gboolean was_busy;

  g_return_if_fail (SAN_IS_DRAFT_SAVER (self));

  was_busy = san_draft_saver_get_busy (self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->pending);
  if (self->key != NULL)
    {
      self->n_writing++;
      san_drafts_delete_async (self->key, NULL, on_saved_cb, g_object_ref (self));
    }
  notify_busy (self, was_busy);
}

gboolean
san_draft_saver_get_busy (SanDraftSaver *self)
{
  g_return_val_if_fail (SAN_IS_DRAFT_SAVER (self), FALSE);

  return self->pending != NULL || self->n_writing > 0;
}

gboolean
san_draft_saver_get_failed (SanDraftSaver *self)
{
  g_return_val_if_fail (SAN_IS_DRAFT_SAVER (self), FALSE);

  return self->failed;
}

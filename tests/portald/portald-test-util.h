/* portald-test-util.h: HTTP and process helpers for the san-portald tests
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct
{
  guint               status;
  SoupMessageHeaders *headers;
  GBytes             *body;
  JsonNode           *json;     /* NULL when the body is not JSON */
} Reply;

void        reply_free           (Reply *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

/* A session for loopback tests: no proxy lookup (the isolated test dirs hide
 * the GSettings schemas a desktop proxy resolver would read) */
SoupSession *test_session_new    (GTlsDatabase *tls_database);

/* A blocking request; @token and @body may be NULL. */
Reply      *http_request         (SoupSession *session,
                                  const char  *base_url,
                                  const char  *method,
                                  const char  *path,
                                  const char  *token,
                                  const char  *body);
/* The same with a body of @length bytes */
Reply      *http_request_bytes   (SoupSession *session,
                                  const char  *base_url,
                                  const char  *method,
                                  const char  *path,
                                  const char  *token,
                                  const char  *body,
                                  gsize        length);
/* The same with extra request headers: @headers is name, value, name, value,
 * ..., NULL (may be NULL) */
Reply      *http_request_full    (SoupSession        *session,
                                  const char         *base_url,
                                  const char         *method,
                                  const char         *path,
                                  const char         *token,
                                  const char         *body,
                                  const char * const *headers);

/* The same with the path made from @path_format and its arguments, logged
 * with g_test_message(); each test file wraps it as call() on its own server */
Reply      *http_request_printf  (SoupSession *session,
                                  const char  *base_url,
                                  const char  *method,
                                  const char  *token,
                                  const char  *body,
                                  const char  *path_format,
                                  ...) G_GNUC_PRINTF (6, 7);

/* A file part of a multipart request */
typedef struct
{
  const char *filename;
  const char *content_type;   /* what the client claims */
  GBytes     *data;
} UploadFile;

/* POST multipart/form-data: the JSON part @part_name (left out when @json is
 * NULL) and @n_files "attachments" parts */
Reply      *http_request_multipart (SoupSession      *session,
                                    const char       *base_url,
                                    const char       *path,
                                    const char       *token,
                                    const char       *part_name,
                                    const char       *json,
                                    const UploadFile *files,
                                    guint             n_files);

JsonObject *reply_object         (Reply       *reply);
const char *reply_header         (Reply       *reply,
                                  const char  *name);
/* TRUE when the body holds @needle (bytes, anywhere) */
gboolean    reply_contains       (Reply       *reply,
                                  const char  *needle);

/* @object's string member @name; asserts it is there and is a string or
 * null (NULL) */
const char *member_str           (JsonObject  *object,
                                  const char  *name);
/* @object's integer member @name; asserts it is there and is an integer */
gint64      member_int           (JsonObject  *object,
                                  const char  *name);
/* Asserts an RFC 9457 problem with @status and @code */
void        assert_problem       (Reply       *reply,
                                  guint        status,
                                  const char  *code);
/* TRUE when the problem lists an error for @field with @code */
gboolean    problem_has_field    (Reply       *reply,
                                  const char  *field,
                                  const char  *code);

/* Signs in (asserting 200) and returns the access token; the refresh token
 * in *@out_refresh when not NULL. */
char       *login                (SoupSession *session,
                                  const char  *base_url,
                                  const char  *email,
                                  const char  *password,
                                  char       **out_refresh);
/* The login JSON body for @email and @password */
char       *login_body           (const char  *email,
                                  const char  *password);

/* A san-portald started by the test itself (for restarts, stderr, exit codes) */
typedef struct
{
  GSubprocess      *process;
  GDataInputStream *out;    /* its stdout, after the URL line */
  char             *url;
} Portald;

/* Runs $SAN_PORTALD with @args (NULL-terminated). Returns NULL when it
 * exits before printing a URL. @flags may add G_SUBPROCESS_FLAGS_STDERR_PIPE. */
Portald    *portald_spawn        (const char * const *args,
                                  GSubprocessFlags    flags);
/* The same, without LeakSanitizer's exit check in the server: GCC 12's LSan
 * crashes ("Tracer caught signal 11") scanning the thread-local storage of
 * GIO's dlopen()ed TLS module, so a TLS server can't be leak-checked. The
 * same code paths are leak-checked over plain HTTP by the other tests. */
Portald    *portald_spawn_tls    (const char * const *args,
                                  GSubprocessFlags    flags);
/* SIGTERM, wait; returns the exit status. Frees @portald. */
int         portald_stop         (Portald            *portald);
/* Runs $SAN_PORTALD with @args to the end, expecting no URL; returns its exit status,
 * its stderr in *@out_stderr when not NULL. */
int         portald_run          (const char * const *args,
                                  char              **out_stderr);

/* The id of the contract called @name among the caller's (/me) */
char       *me_contract_id       (SoupSession *session,
                                  const char  *base_url,
                                  const char  *token,
                                  const char  *name);

/* TRUE when the file @path holds the @length bytes of @needle (-1: a
 * nul-terminated string), anywhere; FALSE when it can't be read */
gboolean    file_contains        (const char  *path,
                                  const void  *needle,
                                  gssize       length);

/* The files in @dir whose names end with @suffix (NULL: all) */
guint       dir_count_files      (const char  *dir,
                                  const char  *suffix);

/* A temporary folder, removed with everything in it by temp_dir_remove() */
/* Whether @timestamp (RFC 3339) falls on @day ("YYYY-MM-DD") in São
 * Paulo, where the server's days are (a UTC timestamp's own date is the
 * next day from 21:00 there) */
gboolean    on_sao_paulo_day     (const char  *timestamp,
                                  const char  *day);
char       *temp_dir_new         (void);
void        temp_dir_remove      (const char *path);

G_END_DECLS

/* san-client-status.c: SanClient calls for live status
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "san-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "san-client-status.h"

#include "san-client-private.h"
#include "san-status-private.h"

static void
on_status_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  SanStatus *status;
  gboolean contract = GPOINTER_TO_INT (g_task_get_task_data (task));

  root = san_client_call_finish (SAN_CLIENT (source), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  status = san_status_new_from_json (json_node_get_object (root), contract, &error);
  if (status == NULL)
    {
      g_prefix_error (&error, _("The server’s status is not valid: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, status, g_object_unref);
}

void
san_client_get_status_async (SanClient           *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, san_client_get_status_async);
  g_task_set_task_data (task, GINT_TO_POINTER (FALSE), NULL);
  san_client_call_async (self, "GET", g_strdup ("/api/v1/status"), NULL, SAN_CALL_NONE,
                         NULL, cancellable, on_status_cb, task);
}

SanStatus *
san_client_get_status_finish (SanClient     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == san_client_get_status_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
san_client_get_contract_status_async (SanClient           *self,
                                      const char          *contract_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  GTask *task;

  g_return_if_fail (SAN_IS_CLIENT (self));
  g_return_if_fail (contract_id != NULL && *contract_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, san_client_get_contract_status_async);
  g_task_set_task_data (task, GINT_TO_POINTER (TRUE), NULL);
  escaped = san_client_escape (contract_id);
  san_client_call_async (self, "GET", g_strdup_printf ("/api/v1/contracts/%s/status", escaped),
                         NULL, SAN_CALL_AUTH, NULL, cancellable, on_status_cb, task);
}

SanStatus *
san_client_get_contract_status_finish (SanClient     *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == san_client_get_contract_status_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* san-department.h: one support department (Suporte Técnico, Financeiro, ...)
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAN_TYPE_DEPARTMENT (san_department_get_type ())
G_DECLARE_FINAL_TYPE (SanDepartment, san_department, SAN, DEPARTMENT, GObject)

/* Properties (read-only): "id", "name", "description" (strings). Every
 * getter returns a string owned by the department, never NULL. */

/* A string of digits: pass it as a new ticket's department */
const char *san_department_get_id          (SanDepartment *self);
/* "Suporte Técnico" (as the server names it, in pt_BR) */
const char *san_department_get_name        (SanDepartment *self);
/* What it handles; may be empty */
const char *san_department_get_description (SanDepartment *self);

G_END_DECLS

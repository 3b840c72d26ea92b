/* san-api.h: the client library, one include
 *
 * Copyright 2026 SAN Internet
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "san-api-error.h"
#include "san-client.h"
#include "san-contract.h"
#include "san-enums.h"
#include "san-enum-types.h"   /* generated: SAN_TYPE_SERVICE_STATUS, ... */
#include "san-instance.h"
#include "san-me.h"
#include "san-page.h"
#include "san-service.h"
#include "san-token-store.h"
#include "san-user.h"

/* md-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "md-error.h"

G_DEFINE_QUARK (md-diary-error-quark, md_diary_error)

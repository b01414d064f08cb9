/* md-test-lock.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSubprocess *md_test_hold_lock    (const char  *path,
                                   const char  *sql);
void         md_test_release_lock (GSubprocess *holder);

G_END_DECLS

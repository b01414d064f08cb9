/* md-test-namespace.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  md_test_enter_namespace    (void);
char *md_test_mount_small_disk   (const char *size);
void  md_test_remount_read_only  (const char *dir);
void  md_test_unmount_disk       (const char *dir);

G_END_DECLS

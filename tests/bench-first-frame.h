/* bench-first-frame.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bench_exit_after_first_frame (GtkApplication *app);

G_END_DECLS

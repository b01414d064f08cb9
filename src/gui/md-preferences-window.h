/* md-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "md-context.h"

G_BEGIN_DECLS

#define MD_TYPE_PREFERENCES_WINDOW (md_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (MdPreferencesWindow, md_preferences_window, MD, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

MdPreferencesWindow *md_preferences_window_new (MdContext  *context,
                                                const char *database_path);
char                *md_preferences_get_autostart_path (void);

G_END_DECLS

/* md-test-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "md-diary.h"

G_BEGIN_DECLS

/* What a list model's "items-changed" said last, and how often */
typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} MdTestItemsChanged;

void      md_test_init             (int          *argc,
                                    char       ***argv);
void      md_test_init_gui         (int          *argc,
                                    char       ***argv);
char     *md_test_make_temp_dir    (void);
char     *md_test_temp_path        (const char    *name);
char     *md_test_path_below_file  (char         **out_blocker);
void      md_test_iterate          (guint         milliseconds);
gboolean  md_test_wait_for         (gboolean    (*condition) (gpointer user_data),
                                    gpointer      user_data,
                                    guint         timeout_ms);
gboolean  md_test_flag_is_set      (gpointer      flag);
gboolean  md_test_wait_for_count   (guint       (*count) (gpointer object),
                                    gpointer      object,
                                    guint         wanted,
                                    guint         timeout_ms);
int       md_test_spawn_app        (const char * const *args,
                                    char              **out_stdout,
                                    char              **out_stderr);
const char *md_test_get_executable (void);
char     *md_test_use_catalogue    (const char    *po);
void      md_test_drop_catalogue   (char          *dir);
MdDiary  *md_test_open_diary       (const char    *path);
MdDiary  *md_test_new_diary        (char         **out_path);
void      md_test_save_attack      (MdDiary       *diary,
                                    gint64         start,
                                    int            peak_pain);
MdDose   *md_test_dose_new         (const char    *medication,
                                    double         amount,
                                    const char    *unit,
                                    const char    *route,
                                    const char    *setting,
                                    gint64         taken);
char     *md_test_dose_purpose     (MdDiary       *diary,
                                    const char    *uuid);
char     *md_test_generate_diary   (const char * const *options);
void      md_test_items_changed_cb (GListModel          *model,
                                    guint                position,
                                    guint                removed,
                                    guint                added,
                                    MdTestItemsChanged  *record);
char     *md_test_pdf_text         (const char    *pdf,
                                    int            first_page,
                                    int            last_page);
int       md_test_pdf_pages        (const char    *pdf);
void      md_test_assert_private   (const char    *path);

/* The journal's header, and a frame of a 4096-byte page with its header */
#define MD_TEST_WAL_HEADER 32
#define MD_TEST_WAL_FRAME  (4096 + 24)

int       md_test_query_int        (const char    *path,
                                    const char    *sql);
void      md_test_overwrite        (const char    *path,
                                    goffset        offset,
                                    gsize          length,
                                    guint8         byte);
void      md_test_damage_page      (const char    *path,
                                    int            page);
void      md_test_damage_journal_frame (const char *path,
                                        guint       frame);
char     *md_test_diary_with_journal (guint        n_attacks);

/* A file an import must refuse at once, and what the refusal says */
typedef struct
{
  char       *file;
  const char *message;
} MdTestRefusedFile;

#define MD_TEST_N_REFUSED_FILES 3

void      md_test_make_refused_files   (const char        *dir,
                                        MdTestRefusedFile  files[MD_TEST_N_REFUSED_FILES]);
void      md_test_remove_refused_files (MdTestRefusedFile  files[MD_TEST_N_REFUSED_FILES]);

G_END_DECLS

/* md-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "md-test-utils"

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <unistd.h>
#include <sqlite3.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "md-test-utils.h"

static char *test_root;

static void remove_recursively (const char *path);

static void
remove_test_root (void)
{
  if (test_root != NULL)
    remove_recursively (test_root);
  g_clear_pointer (&test_root, g_free);
}

/* Every temporary file of a test program lives below one folder of its
 * own (TMPDIR, inherited by the processes it starts), removed when the
 * program exits: a run of the suite leaves nothing behind in /tmp. */
static void
make_test_root (void)
{
  g_autoptr(GError) error = NULL;
  const char *base = g_getenv ("TMPDIR");
  g_autofree char *template = g_build_filename (base != NULL && *base != '\0' ? base : "/tmp",
                                                "md-test-run-XXXXXX", NULL);

  test_root = g_mkdtemp (g_steal_pointer (&template));
  g_assert_nonnull (test_root);
  /* Others may pass through (tests that drop root to check permissions),
   * not list it. */
  g_assert_cmpint (g_chmod (test_root, 0711), ==, 0);
  g_setenv ("TMPDIR", test_root, TRUE);
  atexit (remove_test_root);
}

void
md_test_init (int    *argc,
              char ***argv)
{
  make_test_root ();
  setlocale (LC_ALL, "");
  /* The catalogues built in the build tree, when the suite says so */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MD_LOCALEDIR") != NULL ? g_getenv ("MD_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

static char *gui_test_root;

static void
remove_recursively (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_recursively (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }

  g_rmdir (path);
}

static void
remove_gui_test_root (void)
{
  if (gui_test_root != NULL)
    remove_recursively (gui_test_root);
  g_clear_pointer (&gui_test_root, g_free);
}

/* Xvfb starts with the pointer in the middle of the screen, over the
 * windows the tests open: a tooltip timer started under it can fire on a
 * window a test has just destroyed (a GDK critical, fatal in the suite).
 * Park it in the bottom right corner, which no test window covers; the
 * X server clamps the warp to the screen. */
static void
park_pointer (void)
{
  const char *argv[] = { "xdotool", "mousemove", "100000", "100000", NULL };
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool == NULL || g_getenv ("DISPLAY") == NULL)
    return;

  g_spawn_sync (NULL, (char **) argv, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, NULL, NULL);
}

/* Widget tests cannot use G_TEST_OPTION_ISOLATE_DIRS: it also hides
 * XDG_DATA_DIRS, so GTK cannot find the shared MIME database and fails to
 * load its own SVG icons. The user's own folders are still made private
 * to the run, which is what keeps a test away from a real diary. */
void
md_test_init_gui (int    *argc,
                  char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;
  const char *subdirs[][2] = {
    { "HOME", "home" },
    { "XDG_DATA_HOME", "data" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_STATE_HOME", "state" },
  };

  make_test_root ();
  root = g_dir_make_tmp ("md-gui-test-XXXXXX", &error);
  g_assert_no_error (error);
  gui_test_root = g_strdup (root);
  atexit (remove_gui_test_root);

  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *dir = g_build_filename (root, subdirs[i][1], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (subdirs[i][0], dir, TRUE);
    }

  setlocale (LC_ALL, "");
  /* The catalogues built in the build tree, when the suite says so */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MD_LOCALEDIR") != NULL ? g_getenv ("MD_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  park_pointer ();
  g_test_init (argc, argv, NULL);
}

/* A fresh folder below the isolated temporary folder of the test. */
char *
md_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir;

  dir = g_dir_make_tmp ("md-test-XXXXXX", &error);
  g_assert_no_error (error);

  return dir;
}

/* The path of a file @name (not made) in a fresh temporary folder. */
char *
md_test_temp_path (const char *name)
{
  g_autofree char *dir = md_test_make_temp_dir ();

  return g_build_filename (dir, name, NULL);
}

/* A path "diary.db" in a folder that cannot be made, not even by root:
 * a regular file (@out_blocker) stands where the folder should be. */
char *
md_test_path_below_file (char **out_blocker)
{
  g_autofree char *blocker = md_test_temp_path ("plain-file");
  char *path = g_build_filename (blocker, "diary.db", NULL);

  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  *out_blocker = g_steal_pointer (&blocker);

  return path;
}

typedef struct
{
  guint  (*count) (gpointer object);
  gpointer object;
  guint    wanted;
} CountWait;

static gboolean
count_reached (gpointer user_data)
{
  CountWait *wait = user_data;

  return wait->count (wait->object) == wait->wanted;
}

/* Waits until @count says @wanted of @object, for up to @timeout_ms. */
gboolean
md_test_wait_for_count (guint  (*count) (gpointer object),
                        gpointer object,
                        guint    wanted,
                        guint    timeout_ms)
{
  CountWait wait = { count, object, wanted };

  return md_test_wait_for (count_reached, &wait, timeout_ms);
}

/* For md_test_wait_for(): the gboolean at @flag is TRUE */
gboolean
md_test_flag_is_set (gpointer flag)
{
  return *(gboolean *) flag;
}

static gboolean
timeout_reached_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;

  return G_SOURCE_REMOVE;
}

void
md_test_iterate (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, timeout_reached_cb, &done);

  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
md_test_wait_for (gboolean (*condition) (gpointer user_data),
                  gpointer   user_data,
                  guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (user_data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;

      md_test_iterate (10);
    }

  return TRUE;
}

const char *
md_test_get_executable (void)
{
  const char *path = g_getenv ("MD_EXECUTABLE");

  g_assert_nonnull (path);

  return path;
}

/* Runs the real executable with @args (not including argv[0]) and returns
 * its exit status; the environment of the test is inherited. */
int
md_test_spawn_app (const char * const  *args,
                   char               **out_stdout,
                   char               **out_stderr)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ignored_stdout = NULL;
  int wait_status = 0;

  /* What the app prints goes to the caller, or nowhere: never into the
   * test's own TAP output. */
  if (out_stdout == NULL)
    out_stdout = &ignored_stdout;

  g_ptr_array_add (argv, (gpointer) md_test_get_executable ());
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL,
                (char **) argv->pdata,
                NULL,
                G_SPAWN_DEFAULT,
                NULL, NULL,
                out_stdout,
                out_stderr,
                &wait_status,
                &error);
  g_assert_no_error (error);

  if (WIFEXITED (wait_status))
    return WEXITSTATUS (wait_status);

  return -1;
}

/* A catalogue of a made-up language "xx" with just @po's messages,
 * compiled with msgfmt and bound instead of the build tree's: how a
 * language's conventions (a list separator, a percent sign) reach the
 * app, whatever the real catalogues say today. Returns the folder to
 * give md_test_drop_catalogue(), which binds the suite's again. */
char *
md_test_use_catalogue (const char *po)
{
  g_autofree char *dir = md_test_make_temp_dir ();
  g_autofree char *messages = g_build_filename (dir, "xx", "LC_MESSAGES", NULL);
  g_autofree char *po_path = g_build_filename (dir, "xx.po", NULL);
  g_autofree char *mo_path = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *text = g_strconcat ("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n", po, NULL);
  const char *argv[] = { "msgfmt", "-o", mo_path, po_path, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  g_assert_true (g_file_set_contents (po_path, text, -1, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (po_path);

  g_setenv ("LANGUAGE", "xx", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, dir);
  /* Makes gettext drop what it has cached */
  setlocale (LC_MESSAGES, "");

  return g_steal_pointer (&dir);
}

void
md_test_drop_catalogue (char *dir)
{
  g_autofree char *messages = g_build_filename (dir, "xx", "LC_MESSAGES", NULL);
  g_autofree char *mo_path = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *xx = g_build_filename (dir, "xx", NULL);

  g_setenv ("LANGUAGE", "C", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MD_LOCALEDIR") != NULL ? g_getenv ("MD_LOCALEDIR") : LOCALEDIR);
  setlocale (LC_MESSAGES, "");
  g_unlink (mo_path);
  g_rmdir (messages);
  g_rmdir (xx);
  g_rmdir (dir);
  g_free (dir);
}

MdDiary *
md_test_open_diary (const char *path)
{
  g_autoptr(GError) error = NULL;
  MdDiary *diary = md_diary_open (path, &error);

  g_assert_no_error (error);

  return diary;
}

/* A new, empty diary in a fresh temporary folder; its file name in
 * @out_path when not %NULL. */
MdDiary *
md_test_new_diary (char **out_path)
{
  g_autofree char *path = md_test_temp_path ("diary.db");
  MdDiary *diary = md_test_open_diary (path);

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);

  return diary;
}

/* Runs the synthetic diary generator (MD_GENERATE_DIARY) with @options
 * (e.g. "--years", "1", "--seed", "5") into a new file in a fresh
 * temporary folder, and returns the file's name. */
char *
md_test_generate_diary (const char * const *options)
{
  char *path = md_test_temp_path ("generated.db");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (g_getenv ("MD_GENERATE_DIARY"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("MD_GENERATE_DIARY"));
  for (guint i = 0; options != NULL && options[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) options[i]);
  g_ptr_array_add (argv, path);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return path;
}

/* The text of pages @first_page to @last_page of @pdf, as pdftotext
 * (poppler-utils) reads it; every page when @first_page is 0. */
char *
md_test_pdf_text (const char *pdf,
                  int         first_page,
                  int         last_page)
{
  g_autofree char *first = g_strdup_printf ("%d", first_page);
  g_autofree char *last = g_strdup_printf ("%d", last_page);
  const char *pages[] = { "pdftotext", "-f", first, "-l", last, pdf, "-", NULL };
  const char *all[] = { "pdftotext", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) (first_page > 0 ? pages : all), NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return text;
}

/* Connect to "items-changed" with an MdTestItemsChanged as user data. */
void
md_test_items_changed_cb (GListModel         *model,
                          guint               position,
                          guint               removed,
                          guint               added,
                          MdTestItemsChanged *record)
{
  record->position = position;
  record->removed = removed;
  record->added = added;
  record->count++;
}

/* Why the dose @uuid of @diary was taken; it must be there. */
char *
md_test_dose_purpose (MdDiary    *diary,
                      const char *uuid)
{
  g_autoptr(MdDose) dose = md_diary_get_dose (diary, uuid);

  g_assert_nonnull (dose);

  return g_strdup (dose->purpose);
}

/* Saves a new attack starting at @start (Unix time) with @peak_pain. */
/* A dose of @medication, not saved: tests and the generated diaries
 * fill in the rest. */
MdDose *
md_test_dose_new (const char *medication,
                  double      amount,
                  const char *unit,
                  const char *route,
                  const char *setting,
                  gint64      taken)
{
  MdDose *dose = md_dose_new ();

  dose->medication_uuid = g_strdup (medication);
  dose->amount = amount;
  dose->unit = g_strdup (unit);
  dose->route = g_strdup (route);
  dose->setting = g_strdup (setting);
  dose->taken = taken;

  return dose;
}

void
md_test_save_attack (MdDiary *diary,
                     gint64   start,
                     int      peak_pain)
{
  g_autoptr(MdAttack) attack = md_attack_new ();
  g_autoptr(GError) error = NULL;

  attack->start = start;
  attack->peak_pain = peak_pain;
  g_assert_true (md_diary_save_attack (diary, attack, &error));
  g_assert_no_error (error);
}

/* Fails the test unless @path is readable and writable by its owner
 * only (mode 0600). */
void
md_test_assert_private (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  if ((st.st_mode & 0777) != 0600)
    g_error ("%s is %04o, not 0600", path, st.st_mode & 0777);
}

/* The number of pages of @pdf, as pdfinfo (poppler-utils) reads it */
int
md_test_pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);

  return atoi (line + strlen ("Pages:"));
}

/* Damaged files ------------------------------------------------------- */

/* One integer from @sql on the diary file @path, read by a connection of
 * its own. */
int
md_test_query_int (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* Writes @length bytes @byte over @path at @offset. */
void
md_test_overwrite (const char *path,
                   goffset     offset,
                   gsize       length,
                   guint8      byte)
{
  g_autofree guint8 *garbage = g_malloc (length);
  int fd = g_open (path, O_WRONLY, 0);

  memset (garbage, byte, length);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, length, offset), ==, (gssize) length);
  close (fd);
}

/* Garbage over page @page (numbered from 1) of the SQLite file @path. */
void
md_test_damage_page (const char *path,
                     int         page)
{
  int page_size = md_test_query_int (path, "PRAGMA page_size");

  md_test_overwrite (path, (goffset) (page - 1) * page_size, page_size, 0xa5);
}

/* One byte changed in the page of frame @frame (from 0) of the journal
 * (-wal) of @path, whose pages are 4096 bytes. */
void
md_test_damage_journal_frame (const char *path,
                              guint       frame)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  md_test_overwrite (wal, MD_TEST_WAL_HEADER + (goffset) frame * MD_TEST_WAL_FRAME + 24 + 300, 1, 0x5a);
}

/* A diary "diary.db" in a fresh folder with @n_attacks attacks, each its
 * own commit, copied with its journal while it was still open: what an
 * app killed after those saves leaves. */
char *
md_test_diary_with_journal (guint n_attacks)
{
  g_autofree char *live = md_test_temp_path ("live.db");
  g_autofree char *dir = md_test_make_temp_dir ();
  char *path = g_build_filename (dir, "diary.db", NULL);
  g_autoptr(MdDiary) diary = md_test_open_diary (live);
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < n_attacks; i++)
    md_test_save_attack (diary, 1700000000 + i * 86400, i % 4);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (live, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
    }

  return path;
}

/* Fills @files with what an import must refuse without reading it: a
 * pipe in @dir nobody writes to (reading would wait for ever),
 * /dev/zero (endless) and a sparse 1 GiB file in @dir (no disk used). */
void
md_test_make_refused_files (const char        *dir,
                            MdTestRefusedFile  files[MD_TEST_N_REFUSED_FILES])
{
  int fd;

  files[0].file = g_build_filename (dir, "pipe.csv", NULL);
  files[0].message = "is not a regular file";
  files[1].file = g_strdup ("/dev/zero");
  files[1].message = "is not a regular file";
  files[2].file = g_build_filename (dir, "big.csv", NULL);
  files[2].message = "is larger than 64";

  g_assert_cmpint (mkfifo (files[0].file, 0600), ==, 0);
  fd = g_open (files[2].file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 1 << 30), ==, 0);
  close (fd);
}

/* Removes the pipe and the big file, and frees the names */
void
md_test_remove_refused_files (MdTestRefusedFile files[MD_TEST_N_REFUSED_FILES])
{
  g_unlink (files[0].file);
  g_unlink (files[2].file);
  for (guint i = 0; i < MD_TEST_N_REFUSED_FILES; i++)
    g_clear_pointer (&files[i].file, g_free);
}

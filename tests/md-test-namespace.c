/* md-test-namespace.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A test program in a user and mount namespace of its own (as
 * `unshare -rm`): it may mount a small tmpfs, fill it and remount it
 * read-only, and the processes it starts see the same mounts. Where the
 * kernel refuses, the tests that need a mount are skipped with the
 * reason.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>

#include "md-test-namespace.h"
#include "md-test-utils.h"

/* Why mounting is impossible here, or NULL */
static char *no_namespace;

static gboolean
write_proc_file (const char *file,
                 const char *text)
{
  int fd = open (file, O_WRONLY | O_CLOEXEC);
  gboolean ok = fd >= 0 && write (fd, text, strlen (text)) == (ssize_t) strlen (text);

  if (fd >= 0)
    close (fd);

  return ok;
}

/* Call first in main(), before any thread starts: keeps our own uid
 * inside the new user namespace. */
void
md_test_enter_namespace (void)
{
  g_autofree char *uid_map = g_strdup_printf ("0 %u 1", (unsigned int) geteuid ());
  g_autofree char *gid_map = g_strdup_printf ("0 %u 1", (unsigned int) getegid ());

  if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
    {
      no_namespace = g_strdup_printf ("the kernel refuses a user namespace: %s", g_strerror (errno));
      return;
    }

  write_proc_file ("/proc/self/setgroups", "deny");
  if (!write_proc_file ("/proc/self/uid_map", uid_map) ||
      !write_proc_file ("/proc/self/gid_map", gid_map) ||
      mount ("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    no_namespace = g_strdup_printf ("cannot set up the namespace: %s", g_strerror (errno));
}

/* A fresh tmpfs of @size (such as "1m") in a new temporary folder;
 * %NULL, with the test skipped, where mounting is impossible. */
char *
md_test_mount_small_disk (const char *size)
{
  g_autofree char *dir = NULL;
  g_autofree char *options = g_strconcat ("size=", size, NULL);

  if (no_namespace != NULL)
    {
      g_test_skip (no_namespace);
      return NULL;
    }

  dir = md_test_make_temp_dir ();
  if (mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    {
      g_autofree char *reason = g_strdup_printf ("the kernel refuses a tmpfs: %s", g_strerror (errno));

      g_test_skip (reason);
      return NULL;
    }

  return g_steal_pointer (&dir);
}

void
md_test_remount_read_only (const char *dir)
{
  g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
}

/* Unmounts before the temporary folders are removed at exit. */
void
md_test_unmount_disk (const char *dir)
{
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
}

/* sync_extra: files of the kiosk's own beside the export (helbred.txt, a screenshot). */
#include <fcntl.h>
#include <unistd.h>

#include "sync/sync.h"
#include "sync/sync_fs.h"

vm_status sync_write_kiosk_file(store *s, const char *stick_dir, const sync_options *opt,
                                int64_t now, const char *kiosk_id, const char *name,
                                const void *data, size_t len, vm_err *err)
{
    const i18n_catalog *cat = opt ? opt->cat : NULL;
    int sfd = -1, vfd = -1, kfd = -1;
    if (!sync_fs_name_ok(name))
        return err_set(err, VM_ERR_INVALID, "'%s' is not a plain file name.", name);
    vm_status st = sync_stick_check(s, stick_dir, opt, sync_effective_now(s, now), NULL, err);
    if (st != VM_OK)
        return st;
    char folder[KIOSK_ID_MAX + 8];
    sync_kiosk_folder(kiosk_id ? kiosk_id : "", folder, sizeof folder);
    if ((st = sync_fs_open_dir(AT_FDCWD, stick_dir, false, &sfd, cat, err)) != VM_OK ||
        (st = sync_fs_open_dir(sfd, SYNC_FOLDER, false, &vfd, cat, err)) != VM_OK ||
        (st = sync_fs_open_dir(vfd, folder, true, &kfd, cat, err)) != VM_OK)
        goto out;
    st = sync_fs_write_atomic(kfd, name, data, len, opt ? opt->io : NULL, cat, err);
out:
    if (kfd >= 0)
        close(kfd);
    if (vfd >= 0)
        close(vfd);
    if (sfd >= 0)
        close(sfd);
    return st;
}

/* staging.c - sweeping the staging files a killed process left in the upload folder (see staging.h). */
#include <dirent.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "model/staging.h"

/* 1 when name is a staging file's: ".<something>.part". */
static int
is_staging(const char *name)
{
	size_t n = strlen(name);

	return name[0] == '.' && n > 6 && strcmp(name + n - 5, ".part") == 0;
}

int
staging_sweep(const char *dir, time_t max_age, time_t now)
{
	struct dirent *e;
	struct stat st;
	DIR *d;
	int fd, n = 0;

	if ((d = opendir(dir)) == NULL)
		return -1;
	fd = dirfd(d);
	while ((e = readdir(d)) != NULL) {
		if (!is_staging(e->d_name) || fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISREG(st.st_mode) || st.st_mtime > now - max_age)
			continue;
		if (unlinkat(fd, e->d_name, 0) == 0)
			n++;
		else
			log_warn("upload_dir: cannot remove the stale staging file %s", e->d_name);
	}
	closedir(d);
	if (n > 0)
		log_info("upload_dir: %d staging file(s) older than %ld s removed", n, (long)max_age);
	return n;
}

static _Atomic long long last_sweep;

int
staging_sweep_due(time_t now)
{
	long long last = atomic_load(&last_sweep);

	if (last != 0 && now - last < STAGING_SWEEP_EVERY)
		return 0;
	return atomic_compare_exchange_strong(&last_sweep, &last, (long long)now);
}

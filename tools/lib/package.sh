# shellcheck shell=bash
# package.sh - the Debian package suite of `tools/stack test`: build the .deb from a copy of the tree,
# lintian, install it, check its layout and units, run the installed server the way its unit does
# (as user tpportal, the socket on fd 0) against the test instance's database, read pages over
# FastCGI, stop it, and purge the package, so the machine is left as it was.
#
# Needs root for dpkg -i (the suite says so and skips that part otherwise). There is no systemd on the
# test machines: `systemd-analyze verify` checks the units offline, and the unit's ExecStart line is
# started by hand. The sandboxing settings of the unit are therefore not exercised here.

PKG_PASSED=0
PKG_FAILED=0
PKG_INSTALLED=0		# 1 while our package is installed: package_cleanup purges it
PKG_USER_BEFORE=1	# 0 when the tpportal user did not exist before the install
PKG_SERVER_PID=''
PKG_DEB=''
PKG_INST_MODE=''	# the instance folder's mode before we opened it for user tpportal

# pkg_check NAME COMMAND...: run one check, print "ok"/"FAIL" and count it.
pkg_check() {
	local name=$1
	shift
	if "$@"; then
		printf '  ok    %s\n' "$name"
		PKG_PASSED=$((PKG_PASSED + 1))
	else
		printf '  FAIL  %s\n' "$name"
		PKG_FAILED=$((PKG_FAILED + 1))
		return 1
	fi
}

# pkg_copy_tree DEST: the checkout's files (tracked and new, nothing ignored) copied to DEST, so the
# build's products never land in the checkout.
pkg_copy_tree() {
	local dest=$1
	rm -rf -- "$dest"
	mkdir -p "$dest"
	if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		(cd "$ROOT" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | tar -xf - -C "$dest"
	else
		(cd "$ROOT" && tar --exclude=./var --exclude=./node_modules -cf - .) | tar -xf - -C "$dest"
	fi
}

# pkg_build DIR: dpkg-buildpackage in DIR/src; the .deb lands in DIR. The unit suite runs the tests.
pkg_build() {
	local dir=$1 log=$1/build.log
	pkg_copy_tree "$dir/src" || return 1
	if ! (cd "$dir/src" && DEB_BUILD_OPTIONS="nocheck noddebs parallel=2" \
		dpkg-buildpackage -us -uc -b) >"$log" 2>&1 8>&-; then
		grep -m 10 -E 'error|unmet' "$log" || true
		show_log "$log"
		return 1
	fi
	local debs=("$dir"/tpportal_*.deb)
	PKG_DEB=${debs[0]}
	[[ -f $PKG_DEB ]]
}

# pkg_lintian DEB LOG: no errors; the remaining tags (warnings and infos) are printed.
pkg_lintian() {
	local rc=0
	lintian --fail-on error --display-info "$1" >"$2" 2>&1 || rc=$?
	grep -E '^[EWIP]: ' "$2" | sed 's/^/  lintian: /' || true
	return "$rc"
}

# pkg_dpkg LOG ARG...: dpkg ARG..., waiting (5 min at most) while another apt-get or dpkg holds its lock:
# other test runs on the machine may be installing packages.
pkg_dpkg() {
	local log=$1 i
	shift
	for ((i = 0; i < 60; i++)); do
		dpkg "$@" >"$log" 2>&1 && return 0
		grep -q 'lock' "$log" || return 1
		sleep 5
	done
	return 1
}

# pkg_install DEB LOG: dpkg -i; the log is shown when it fails.
pkg_install() {
	pkg_dpkg "$2" -i "$1" && return 0
	show_log "$2"
	return 1
}

# pkg_layout: where the package put things, and the owners the postinst gave them.
pkg_layout() {
	local f ok=0
	for f in /usr/sbin/tpportal /usr/sbin/tpportal-admin /usr/sbin/tpportal-migrate; do
		[[ -x $f ]] || { echo "  missing: $f"; ok=1; }
	done
	for f in /usr/share/tpportal/templates/home.cs /usr/share/tpportal/templates/lang/ko.hdf \
		/usr/share/tpportal/static/site.css /usr/share/tpportal/sql/001_schema.sql \
		/etc/tpportal/tpportal.conf /lib/systemd/system/tpportal.service /lib/systemd/system/tpportal.socket \
		/usr/share/man/man8/tpportal.8.gz /usr/share/man/man8/tpportal-admin.8.gz \
		/usr/share/man/man5/tpportal.conf.5.gz /usr/share/doc/tpportal/examples/nginx-tpportal.conf \
		/usr/share/doc/tpportal/examples/apache2-tpportal.conf; do
		[[ -f $f ]] || { echo "  missing: $f"; ok=1; }
	done
	dpkg-query -W -f='${Conffiles}\n' tpportal | grep -q ' /etc/tpportal/tpportal.conf ' ||
		{ echo "  /etc/tpportal/tpportal.conf is not a conffile"; ok=1; }
	[[ $(stat -c '%U:%G %a' /var/lib/tpportal/uploads) == 'tpportal:www-data 2750' ]] ||
		{ echo "  /var/lib/tpportal/uploads is $(stat -c '%U:%G %a' /var/lib/tpportal/uploads)"; ok=1; }
	local uid
	uid=$(id -u tpportal 2>/dev/null) || { echo "  no user tpportal"; return 1; }
	((uid < 1000)) || { echo "  tpportal (uid $uid) is not a system user"; ok=1; }
	return "$ok"
}

# pkg_default_conf: the binaries read /etc/tpportal/tpportal.conf without -c, and the shipped file
# parses (tpportal-admin stops with status 2 and "file:line: ..." on a bad configuration; here it
# can only fail to reach a database, status 1).
pkg_default_conf() {
	local out rc=0
	/usr/sbin/tpportal --help | grep -qF '(default /etc/tpportal/tpportal.conf)' || return 1
	out=$(/usr/sbin/tpportal-admin set-password nobody </dev/null 2>&1) || rc=$?
	if ((rc == 2)) || [[ $out == *tpportal.conf:* ]]; then
		printf '  %s\n' "$out"
		return 1
	fi
}

# pkg_verify_units LOG: systemd-analyze verify works offline (no running systemd needed).
pkg_verify_units() {
	if ! command -v systemd-analyze >/dev/null; then
		echo "  no systemd-analyze (package systemd): checking the unit files by grep only"
		grep -q '^ExecStart=/usr/sbin/tpportal ' /lib/systemd/system/tpportal.service &&
			grep -q '^ListenStream=/run/tpportal/tpportal.sock$' /lib/systemd/system/tpportal.socket
		return
	fi
	systemd-analyze verify /lib/systemd/system/tpportal.socket /lib/systemd/system/tpportal.service >"$1" 2>&1 ||
		{ sed 's/^/  /' "$1"; return 1; }
	[[ ! -s $1 ]] || sed 's/^/  systemd-analyze: /' "$1"
}

# pkg_write_conf DIR: a configuration for the installed server on the test instance's database; the
# rest (templates, upload_dir) stays at the package's defaults. socket = - as in the shipped file.
pkg_write_conf() {
	local dir=$1
	install -o tpportal -g tpportal -m 0400 "$SECRETS/tpportal.pw" "$dir/db-password"
	cat >"$dir/tpportal.conf" <<EOF
# tpportal.conf - the installed server of the package suite, on the test instance's database.
socket = -
threads = 2
db_socket = $DB_SOCK
db_password_file = $dir/db-password
base_url = $URL
log_level = info
EOF
	chmod 0644 "$dir/tpportal.conf"
}

# pkg_start DIR: the unit's ExecStart line (with our configuration for its -c) started the way
# tpportal.service does it: a listening unix socket as fd 0 (StandardInput=socket), User=tpportal
# with its groups, UMask=0027, the log on stdout/stderr.
pkg_start() {
	local dir=$1 line i
	local -a argv
	line=$(sed -n 's/^ExecStart=//p' /lib/systemd/system/tpportal.service)
	[[ $line == *' -c /etc/tpportal/tpportal.conf'* ]] || { echo "  unexpected ExecStart: $line"; return 1; }
	read -r -a argv <<<"${line/\/etc\/tpportal\/tpportal.conf/$dir/tpportal.conf}"
	echo "  ExecStart: ${argv[*]}"
	PKG_SERVER_PID=$(python3 - "$dir/tpportal.sock" tpportal "$dir/tpportal.log" "${argv[@]}" <<'EOF' 8>&-
import os, pwd, socket, sys
path, user, log = sys.argv[1:4]
argv = sys.argv[4:]
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
if os.path.exists(path):
    os.unlink(path)
s.bind(path)
os.chmod(path, 0o660)
s.listen(128)
pw = pwd.getpwnam(user)
pid = os.fork()
if pid == 0:
    os.setsid()
    os.dup2(s.fileno(), 0)
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.initgroups(user, pw.pw_gid)
    os.setgid(pw.pw_gid)
    os.setuid(pw.pw_uid)
    os.umask(0o027)
    os.execv(argv[0], argv)
print(pid)
EOF
	) || return 1
	for ((i = 0; i < 50; i++)); do
		grep -q 'threads on -' "$dir/tpportal.log" 2>/dev/null && break
		alive "$PKG_SERVER_PID" || break
		sleep 0.1
	done
	if ! alive "$PKG_SERVER_PID" || ! grep -q 'threads on -' "$dir/tpportal.log"; then
		show_log "$dir/tpportal.log"
		return 1
	fi
	[[ $(awk '/^Uid:/ { print $2 }' "/proc/$PKG_SERVER_PID/status") == "$(id -u tpportal)" ]] ||
		{ echo "  the server does not run as tpportal"; return 1; }
}

# pkg_get SOCKET PATH: the FastCGI response to GET PATH (cgi-fcgi sends its environment as params).
pkg_get() {
	local q=''
	[[ $2 == *'?'* ]] && q=${2#*\?}
	env -i REQUEST_METHOD=GET REQUEST_URI="$2" QUERY_STRING="$q" SERVER_NAME=127.0.0.1 SERVER_PORT=80 \
		SERVER_PROTOCOL=HTTP/1.1 REMOTE_ADDR=127.0.0.1 GATEWAY_INTERFACE=CGI/1.1 \
		timeout 10 cgi-fcgi -bind -connect "$1" </dev/null
}

# pkg_page SOCKET PATH WANT [STATUS]: the status (default 200) and WANT in the response.
pkg_page() {
	local out status want=${4:-200}
	out=$(pkg_get "$1" "$2" | tr -d '\r') || { echo "  cgi-fcgi failed for $2"; return 1; }
	status=$(sed -n '1s/^Status: \([0-9]*\).*/\1/p' <<<"$out")
	[[ $status == "$want" && $out == *"$3"* ]] || { printf '  GET %s: status %s\n' "$2" "${status:-?}"; return 1; }
}

# pkg_stop: SIGTERM, as systemctl stop sends it; the server finishes and logs "stopped".
pkg_stop() {
	local dir=$1 i
	[[ -n $PKG_SERVER_PID ]] || return 1
	kill -TERM "$PKG_SERVER_PID" 2>/dev/null
	for ((i = 0; i < 100; i++)); do
		alive "$PKG_SERVER_PID" || break
		sleep 0.1
	done
	if alive "$PKG_SERVER_PID"; then
		kill -KILL "$PKG_SERVER_PID" 2>/dev/null
		PKG_SERVER_PID=''
		return 1
	fi
	PKG_SERVER_PID=''
	grep -q ' stopped$' "$dir/tpportal.log"
}

# package_cleanup: stop our server, purge our package, remove the user it made, close the instance
# folder again. Safe to call twice; test_finish calls it too (an interrupted run).
package_cleanup() {
	if [[ -n $PKG_SERVER_PID ]] && alive "$PKG_SERVER_PID"; then
		kill -KILL "$PKG_SERVER_PID" 2>/dev/null || true
	fi
	PKG_SERVER_PID=''
	if ((PKG_INSTALLED)); then
		pkg_dpkg "$LOG_DIR/package-purge.log" --purge tpportal || show_log "$LOG_DIR/package-purge.log"
		PKG_INSTALLED=0
		if ((!PKG_USER_BEFORE)) && getent passwd tpportal >/dev/null; then
			deluser --system --quiet tpportal >>"$LOG_DIR/package-purge.log" 2>&1 || true
			getent group tpportal >/dev/null && delgroup --system --quiet tpportal >>"$LOG_DIR/package-purge.log" 2>&1
		fi
	fi
	if [[ -n $PKG_INST_MODE ]]; then
		chmod "$PKG_INST_MODE" "$INST"
		PKG_INST_MODE=''
	fi
	return 0
}

# pkg_purged: nothing of the package is left (files, units' links, folders, the user we made).
pkg_purged() {
	local f ok=0
	[[ $(dpkg-query -W -f='${Status}' tpportal 2>/dev/null) != *installed* ]] || { echo "  still installed"; ok=1; }
	for f in /usr/sbin/tpportal /etc/tpportal /var/lib/tpportal /lib/systemd/system/tpportal.service \
		/etc/systemd/system/sockets.target.wants/tpportal.socket /usr/share/tpportal; do
		[[ ! -e $f ]] || { echo "  left behind: $f"; ok=1; }
	done
	if ((!PKG_USER_BEFORE)) && getent passwd tpportal >/dev/null; then
		echo "  user tpportal left behind"
		ok=1
	fi
	return "$ok"
}

# pkg_installed_run DIR: everything that needs the package installed (root only).
pkg_installed_run() {
	local dir=$1 sock=$1/tpportal.sock
	getent passwd tpportal >/dev/null || PKG_USER_BEFORE=0
	PKG_INSTALLED=1
	pkg_check "dpkg -i ${PKG_DEB##*/}" pkg_install "$PKG_DEB" "$dir/install.log" || return
	pkg_check "layout: /usr/sbin, /usr/share/tpportal, conffile, units, man pages, examples, user, uploads" pkg_layout
	pkg_check "default configuration path /etc/tpportal/tpportal.conf; the shipped file parses" pkg_default_conf
	pkg_check "systemd-analyze verify tpportal.socket tpportal.service" pkg_verify_units "$dir/verify.log"

	# User tpportal must reach the instance's MariaDB socket: let it through the private folder.
	PKG_INST_MODE=$(stat -c '%a' "$INST")
	chmod 0711 "$INST"
	chmod 0755 "$dir"
	pkg_write_conf "$dir"
	pkg_check "installed server started from the unit's ExecStart as tpportal, socket on fd 0" pkg_start "$dir" || return
	pkg_check "GET /healthz 200 ok" pkg_page "$sock" /healthz ok
	pkg_check "GET / 200" pkg_page "$sock" / '</html>'
	pkg_check "GET /members 200" pkg_page "$sock" /members '/members/'
	pkg_check "GET /no-such-page 404" pkg_page "$sock" /no-such-page '' 404
	pkg_check "SIGTERM stops it cleanly" pkg_stop "$dir"
}

# suite_package: the suite; it always ends with the package purged (when it was installed).
suite_package() {
	local dir=$INST/pkg note=''
	PKG_PASSED=0
	PKG_FAILED=0
	say "package tests: dpkg-buildpackage in ${dir#"$ROOT"/}, lintian, dpkg -i, the installed server, dpkg --purge"
	mkdir -p "$dir"
	if pkg_check "dpkg-buildpackage -us -uc -b (in a copy of the tree)" pkg_build "$dir"; then
		pkg_check "lintian: no errors" pkg_lintian "$PKG_DEB" "$dir/lintian.log"
		if ! is_root; then
			note='not root: dpkg -i and the installed server skipped'
			say "package tests: $note"
		elif package_installed tpportal; then
			note='a tpportal package is already installed on this machine: left alone, install skipped'
			say "package tests: $note"
		else
			pkg_installed_run "$dir"
			package_cleanup
			pkg_check "dpkg --purge leaves nothing behind" pkg_purged
		fi
	fi
	package_cleanup
	suite_result package "$PKG_PASSED" "$PKG_FAILED" "$note"
}

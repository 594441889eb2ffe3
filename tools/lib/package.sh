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
	for f in /usr/sbin/tpportal /usr/sbin/tpportal-admin /usr/sbin/tpportal-migrate /usr/libexec/tpportal/admin-db; do
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

# pkg_spawn SOCK GROUP MODE LOG ARGV...: ARGV started as tpportal.service runs it, with a listening unix
# socket at SOCK (group GROUP unless empty, mode MODE) as fd 0 (StandardInput=socket), User=tpportal with
# its groups, UMask=0027, stdout and stderr appended to LOG; waits for its "threads on -" line.
# PKG_SERVER_PID is its pid.
pkg_spawn() {
	local sock=$1 group=$2 mode=$3 log=$4 i
	shift 4
	PKG_SERVER_PID=$(python3 - "$sock" "$group" "$mode" tpportal "$log" "$@" <<'EOF' 8>&-
import grp, os, pwd, socket, sys
path, group, mode, user, log = sys.argv[1:6]
argv = sys.argv[6:]
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
if os.path.exists(path):
    os.unlink(path)
s.bind(path)
if group:
    os.chown(path, 0, grp.getgrnam(group).gr_gid)
os.chmod(path, int(mode, 8))
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
		grep -q 'threads on -' "$log" 2>/dev/null && return 0
		alive "$PKG_SERVER_PID" || break
		sleep 0.1
	done
	show_log "$log"
	return 1
}

# pkg_start DIR: the unit's ExecStart line (with our configuration for its -c), spawned as the service
# runs (pkg_spawn) on a socket of its own in DIR.
pkg_start() {
	local dir=$1 line
	local -a argv
	line=$(sed -n 's/^ExecStart=//p' /lib/systemd/system/tpportal.service)
	[[ $line == *' -c /etc/tpportal/tpportal.conf'* ]] || { echo "  unexpected ExecStart: $line"; return 1; }
	read -r -a argv <<<"${line/\/etc\/tpportal\/tpportal.conf/$dir/tpportal.conf}"
	echo "  ExecStart: ${argv[*]}"
	pkg_spawn "$dir/tpportal.sock" '' 0660 "$dir/tpportal.log" "${argv[@]}" || return 1
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
	pkg_web_cleanup
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

# pkg_purged: nothing of the package is left (files, units' links, folders, the user we made; the
# password files setup wrote into /etc/tpportal go with the purge too).
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

# ---------------------------------------------------------------- set-up, web servers, backup (issue 14, item 6)

PKG_DB=tp_pkg			# the package's database and accounts on the instance's MariaDB
PKG_DB_USER=tp_pkg
PKG_MIGRATOR=tp_pkg_migrate
PKG_LOGIN=pkg-secretariat	# the first secretariat account setup makes
PKG_DB_MADE=0
PKG_RUN_MADE=0			# 1 when we made /run/tpportal (tpportal.socket's folder)
PKG_NGINX_PID=''
PKG_APACHE_PID=''
PKG_PORT=''
PKG_VARLIB_BEFORE=1		# 0 when /var/lib/tpportal did not exist before the install: the attachments
				# the smoke runs made are then ours to remove before the purge

# pkg_conf_edit: the operator's edits of the shipped /etc/tpportal/tpportal.conf (its keys are
# commented out there, so these lines are the only ones): the instance's MariaDB, the package's own
# database and account, a password file setup writes, the origin the web servers answer on.
pkg_conf_edit() {
	cat >>/etc/tpportal/tpportal.conf <<EOF

# Added by the package suite of tools/stack test:
threads = 2
db_socket = $DB_SOCK
db_name = $PKG_DB
db_user = $PKG_DB_USER
db_password_file = /etc/tpportal/db-password
base_url = http://127.0.0.1:$PKG_PORT
log_level = info
EOF
}

# pkg_setup DIR: tpportal-admin setup, non-interactive, through the instance's admin socket; it ends
# with tpportal-admin check, whose lines are shown.
pkg_setup() {
	local dir=$1
	printf '%s\n' "$PKG_PASSWORD" >"$dir/secretariat.pw"
	PKG_DB_MADE=1
	if ! /usr/sbin/tpportal-admin setup --admin-socket "$DB_SOCK" --migrator "$PKG_MIGRATOR" --secretariat "$PKG_LOGIN" \
		--secretariat-name "패키지 점검 사무국" --secretariat-password-file "$dir/secretariat.pw" --yes \
		</dev/null >"$dir/setup.log" 2>&1; then
		show_log "$dir/setup.log"
		return 1
	fi
	grep -E '^(ok|FAIL) ' "$dir/setup.log" | sed 's/^/    /'
	[[ $(stat -c '%U:%G %a' /etc/tpportal/db-password) == 'root:tpportal 640' ]] ||
		{ echo "  /etc/tpportal/db-password is $(stat -c '%U:%G %a' /etc/tpportal/db-password)"; return 1; }
	[[ $(stat -c '%a' /etc/tpportal/migrate.cnf) == 600 ]]
}

# pkg_socket_unit: what tpportal.socket would make: its ListenStream, SocketGroup and SocketMode.
pkg_socket_unit() {
	local unit=/lib/systemd/system/tpportal.socket
	PKG_SOCK=$(sed -n 's/^ListenStream=//p' "$unit")
	PKG_SOCK_GROUP=$(sed -n 's/^SocketGroup=//p' "$unit")
	PKG_SOCK_MODE=$(sed -n 's/^SocketMode=//p' "$unit")
	[[ -n $PKG_SOCK && -n $PKG_SOCK_GROUP && -n $PKG_SOCK_MODE ]]
}

# pkg_start_unit LOG: the unit's ExecStart line as it stands (-c /etc/tpportal/tpportal.conf), started
# the way systemd does it: the socket of tpportal.socket (path, group, mode) as fd 0, User=tpportal.
pkg_start_unit() {
	local log=$1 line
	local -a argv
	pkg_socket_unit || { echo "  cannot read tpportal.socket"; return 1; }
	line=$(sed -n 's/^ExecStart=//p' /lib/systemd/system/tpportal.service)
	read -r -a argv <<<"$line"
	if [[ ! -d ${PKG_SOCK%/*} ]]; then
		install -d -m 0755 "${PKG_SOCK%/*}"
		PKG_RUN_MADE=1
	fi
	: >"$log"
	pkg_spawn "$PKG_SOCK" "$PKG_SOCK_GROUP" "$PKG_SOCK_MODE" "$log" "${argv[@]}"
}

# pkg_restart LOG: SIGTERM, then started again (a configuration change that SIGHUP does not apply).
pkg_restart() {
	pkg_stop_quiet
	pkg_start_unit "$1"
}

pkg_stop_quiet() {
	local i
	[[ -n $PKG_SERVER_PID ]] || return 0
	kill -TERM "$PKG_SERVER_PID" 2>/dev/null || true
	for ((i = 0; i < 100; i++)); do
		alive "$PKG_SERVER_PID" || break
		sleep 0.1
	done
	alive "$PKG_SERVER_PID" && kill -KILL "$PKG_SERVER_PID" 2>/dev/null
	PKG_SERVER_PID=''
}

# pkg_wait_http URL: until the web server answers (10 s at most).
pkg_wait_http() {
	local i
	for ((i = 0; i < 100; i++)); do
		curl -s -o /dev/null --max-time 2 "$1" && return 0
		sleep 0.1
	done
	return 1
}

# pkg_nginx_start DIR: the system's nginx with the shipped example site, on 127.0.0.1:PKG_PORT instead of
# 443 with TLS; everything else of the example as it is (paths of the package, /_files/ internal).
pkg_nginx_start() {
	local d=$1/nginx ex=/usr/share/doc/tpportal/examples/nginx-tpportal.conf
	rm -rf "$d"
	mkdir -p "$d/tmp"
	chown www-data "$d/tmp"
	sed -e "s|^\( *\)listen 443 ssl;|\1listen 127.0.0.1:$PKG_PORT;|" -e '/listen \[::\]:443 ssl;/d' "$ex" >"$d/site.conf"
	grep -q "listen 127.0.0.1:$PKG_PORT;" "$d/site.conf" || { echo "  the example has no 'listen 443 ssl;' line"; return 1; }
	cat >"$d/nginx.conf" <<EOF
user www-data;
worker_processes 1;
pid $d/nginx.pid;
error_log $d/error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $d/access.log;
    client_body_temp_path $d/tmp/body;
    fastcgi_temp_path $d/tmp/fastcgi;
    proxy_temp_path $d/tmp/proxy;
    uwsgi_temp_path $d/tmp/uwsgi;
    scgi_temp_path $d/tmp/scgi;
    include $d/site.conf;
}
EOF
	nginx -e "$d/error.log" -c "$d/nginx.conf" -t >"$d/t.log" 2>&1 || { show_log "$d/t.log"; return 1; }
	nginx -e "$d/error.log" -c "$d/nginx.conf" 8>&- || { show_log "$d/error.log"; return 1; }
	PKG_NGINX_PID=$(cat "$d/nginx.pid")
	pkg_wait_http "http://127.0.0.1:$PKG_PORT/healthz" || { show_log "$d/error.log"; return 1; }
}

pkg_nginx_stop() {
	local i
	[[ -n $PKG_NGINX_PID ]] || return 0
	kill -QUIT "$PKG_NGINX_PID" 2>/dev/null || true
	for ((i = 0; i < 100; i++)); do
		alive "$PKG_NGINX_PID" || break
		sleep 0.1
	done
	alive "$PKG_NGINX_PID" && kill -KILL "$PKG_NGINX_PID" 2>/dev/null
	PKG_NGINX_PID=''
}

# pkg_apache_start DIR: Apache 2.4 with mod_proxy_fcgi and the shipped example included in a virtual
# host on 127.0.0.1:PKG_PORT, the modules the example names enabled.
pkg_apache_start() {
	local d=$1/apache m mods=/usr/lib/apache2/modules
	rm -rf "$d"
	mkdir -p "$d/run"
	{
		printf 'ServerRoot "%s"\nServerName 127.0.0.1\nListen 127.0.0.1:%s\n' "$d" "$PKG_PORT"
		printf 'PidFile "%s/run/httpd.pid"\nDefaultRuntimeDir "%s/run"\nErrorLog "%s/error.log"\n' "$d" "$d" "$d"
		printf 'LogFormat "%%h %%l %%u %%t \\"%%r\\" %%>s %%b" common\nCustomLog "%s/access.log" common\n' "$d"
		for m in mpm_event authz_core mime proxy proxy_fcgi alias headers expires; do
			printf 'LoadModule %s_module %s/mod_%s.so\n' "$m" "$mods" "$m"
		done
		printf 'User www-data\nGroup www-data\nTypesConfig /etc/mime.types\nServerTokens Prod\n'
		printf '<VirtualHost 127.0.0.1:%s>\n    Include /usr/share/doc/tpportal/examples/apache2-tpportal.conf\n</VirtualHost>\n' "$PKG_PORT"
	} >"$d/httpd.conf"
	apache2 -f "$d/httpd.conf" -t >"$d/t.log" 2>&1 || { show_log "$d/t.log"; return 1; }
	apache2 -f "$d/httpd.conf" -DFOREGROUND >"$d/stderr.log" 2>&1 8>&- &
	PKG_APACHE_PID=$!
	pkg_wait_http "http://127.0.0.1:$PKG_PORT/healthz" || { show_log "$d/error.log"; return 1; }
}

pkg_apache_stop() {
	local i
	[[ -n $PKG_APACHE_PID ]] || return 0
	kill -TERM "$PKG_APACHE_PID" 2>/dev/null || true
	for ((i = 0; i < 100; i++)); do
		alive "$PKG_APACHE_PID" || break
		sleep 0.1
	done
	alive "$PKG_APACHE_PID" && kill -KILL "$PKG_APACHE_PID" 2>/dev/null
	wait "$PKG_APACHE_PID" 2>/dev/null || true
	PKG_APACHE_PID=''
}

# pkg_smoke DIR WEB: tests/package/smoke.test.mjs through the web server in front.
pkg_smoke() {
	local dir=$1 web=$2 log=$1/smoke-$2-$SECONDS.log
	# TP_STACK: lib_accounts.mjs (its Session) refuses to load without it, so that database checks can never
	# compare null with null; the smoke run itself reads no rows (it checks what the installed portal answers).
	if ! TP_STACK=$ROOT/tools/stack TP_BASE_URL=http://127.0.0.1:$PKG_PORT TP_SMOKE_LOGIN=$PKG_LOGIN TP_SMOKE_PASSWORD=$PKG_PASSWORD \
		TP_SMOKE_WEB=$web TP_SMOKE_STATE=$dir/smoke-state.json \
		timeout 180 node --test --test-reporter=spec "$ROOT/tests/package/smoke.test.mjs" >"$log" 2>&1 8>&-; then
		show_log "$log"
		return 1
	fi
	printf '    %s\n' "$(grep -E '^ℹ (tests|pass|fail) [0-9]+$' "$log" | sed 's/^ℹ //' | tr '\n' ' ')"
}

# pkg_file_delivery MODE: file_delivery in /etc/tpportal/tpportal.conf (x-accel is the default).
pkg_file_delivery() {
	sed -i '/^file_delivery = /d' /etc/tpportal/tpportal.conf
	[[ $1 == x-accel ]] || echo "file_delivery = $1" >>/etc/tpportal/tpportal.conf
}

pkg_backup() {
	/usr/sbin/tpportal-admin backup "$1/backup.tar.gz" >"$1/backup.log" 2>&1 || { show_log "$1/backup.log"; return 1; }
	sed 's/^/    /' "$1/backup.log"
	tar -tzf "$1/backup.tar.gz" >"$1/backup.list" || return 1
	grep -q '^uploads/[0-9a-f]\{32\}$' "$1/backup.list" || { echo "  no uploads in the archive"; return 1; }
}

# pkg_destroy: the database dropped and made anew empty, the upload folder emptied: the portal answers 503.
pkg_destroy() {
	mariadb --no-defaults --socket="$DB_SOCK" -u root -e "DROP DATABASE $PKG_DB; CREATE DATABASE $PKG_DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" || return 1
	find /var/lib/tpportal/uploads -mindepth 1 -delete
	local status
	status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PKG_PORT/healthz")
	[[ $status == 503 ]] || { echo "  /healthz answered $status on a destroyed database"; return 1; }
}

pkg_restore() {
	/usr/sbin/tpportal-admin restore "$1/backup.tar.gz" >"$1/restore.log" 2>&1 || { show_log "$1/restore.log"; return 1; }
	grep -E '^(restore:|check:|FAIL)' "$1/restore.log" | sed 's/^/    /'
	[[ $(stat -c '%U:%G' /var/lib/tpportal/uploads/* | sort -u) == 'tpportal:www-data' ]] ||
		{ echo "  restored files are $(stat -c '%U:%G' /var/lib/tpportal/uploads/* | sort -u | tr '\n' ' ')"; return 1; }
}

# pkg_web_cleanup: web servers, the server, the package's database and accounts, /run/tpportal.
pkg_web_cleanup() {
	pkg_nginx_stop
	pkg_apache_stop
	if ((PKG_DB_MADE)); then
		mariadb --no-defaults --socket="$DB_SOCK" -u root -e "DROP DATABASE IF EXISTS $PKG_DB; DROP USER IF EXISTS '$PKG_DB_USER'@'localhost'; DROP USER IF EXISTS '$PKG_MIGRATOR'@'localhost'" >/dev/null 2>&1 || true
		PKG_DB_MADE=0
	fi
	if ((PKG_RUN_MADE)); then
		rm -rf /run/tpportal
		PKG_RUN_MADE=0
	fi
	if ((!PKG_VARLIB_BEFORE)) && [[ -d /var/lib/tpportal/uploads ]]; then
		find /var/lib/tpportal/uploads -mindepth 1 -delete
	fi
}

# pkg_real_parts DIR: issue 14's test with the real parts, after the install.
pkg_real_parts() {
	local dir=$1 log=$1/tpportal-unit.log
	PKG_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	PKG_PASSWORD=pkg-$(head -c 9 /dev/urandom | od -An -tx1 | tr -d ' \n')
	rm -f "$dir/smoke-state.json"
	pkg_conf_edit
	pkg_check "tpportal-admin setup: database, both accounts, schema, seed data, secretariat $PKG_LOGIN; check passes" pkg_setup "$dir" || return
	pkg_check "the unit's ExecStart as tpportal on tpportal.socket's socket (${PKG_SOCK:-/run/tpportal/tpportal.sock})" pkg_start_unit "$log" || return
	pkg_check "nginx with the shipped example site" pkg_nginx_start "$dir" &&
		pkg_check "smoke behind nginx (file_delivery = x-accel): pages, sign-in, admin post, download, 413" pkg_smoke "$dir" nginx
	pkg_nginx_stop
	pkg_file_delivery direct
	pkg_check "restarted with file_delivery = direct" pkg_restart "$log" || return
	pkg_check "Apache 2.4 (mod_proxy_fcgi) with the shipped example included" pkg_apache_start "$dir" &&
		pkg_check "smoke behind Apache (file_delivery = direct): pages, sign-in, admin post, download, 413" pkg_smoke "$dir" apache
	pkg_check "tpportal-admin backup (mariadb-dump --single-transaction + uploads)" pkg_backup "$dir" || return
	pkg_check "database destroyed, uploads emptied: /healthz 503" pkg_destroy || return
	pkg_check "tpportal-admin restore (reindex, check)" pkg_restore "$dir" || return
	[[ -n $PKG_APACHE_PID ]] && pkg_check "smoke behind Apache after the restore (the earlier articles and files are back)" pkg_smoke "$dir" apache
	pkg_apache_stop
	pkg_file_delivery x-accel
	pkg_check "restarted with file_delivery = x-accel" pkg_restart "$log" || return
	pkg_check "nginx again" pkg_nginx_start "$dir" &&
		pkg_check "smoke behind nginx after the restore" pkg_smoke "$dir" nginx
	pkg_nginx_stop
	pkg_stop_quiet
}

# pkg_installed_run DIR: everything that needs the package installed (root only).
pkg_installed_run() {
	local dir=$1 sock=$1/tpportal.sock
	getent passwd tpportal >/dev/null || PKG_USER_BEFORE=0
	[[ -e /var/lib/tpportal ]] || PKG_VARLIB_BEFORE=0
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
	pkg_real_parts "$dir"
	pkg_web_cleanup
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

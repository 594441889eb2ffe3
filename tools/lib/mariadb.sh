# shellcheck shell=bash
# mariadb.sh - a private MariaDB server per instance: its own datadir and unix socket, no TCP,
# administered by the invoking user through unix_socket authentication (no admin password exists).

# admin_sql ARG...: run the mariadb client as the instance's administrator (the invoking OS user).
admin_sql() {
	mariadb --defaults-file="$MYCNF" --user="$(id -un)" --batch "$@"
}

db_ping() {
	mariadb-admin --defaults-file="$MYCNF" --user="$(id -un)" --connect-timeout=2 ping >/dev/null 2>&1
}

write_my_cnf() {
	cat >"$MYCNF" <<EOF
# my.cnf - private MariaDB server of this tools/stack instance (written by tools/stack).
[mysqld]
datadir=$DATADIR
socket=$DB_SOCK
pid-file=$DB_PID
log-error=$LOG_DIR/mariadbd.log
# Unix socket only: nothing on this machine's network can reach this server.
skip-networking
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci

[client]
socket=$DB_SOCK
default-character-set=utf8mb4
EOF
}

# db_install: create the datadir once. As root the server runs as root (--user=root); as an ordinary
# user it runs as that user, who becomes a second superuser reachable through unix_socket auth.
db_install() {
	[[ -d $DATADIR/mysql ]] && return 0
	rm -rf -- "$DATADIR" # left over from an install that failed half-way
	mkdir -p "$DATADIR"
	local args=(--defaults-file="$MYCNF" --auth-root-authentication-method=socket --skip-test-db)
	if is_root; then
		args+=(--user=root)
	else
		args+=(--auth-root-socket-user="$(id -un)")
	fi
	say "creating the MariaDB datadir ${DATADIR#"$ROOT"/}"
	mariadb-install-db "${args[@]}" >"$LOG_DIR/install-db.log" 2>&1 ||
		fail "mariadb-install-db" "$LOG_DIR/install-db.log"
}

# db_start: start mariadbd unless it runs, and wait (30 s at most) until it answers.
db_start() {
	local pid i
	if pid=$(running "$DB_PID" mariadbd "$INST"); then
		return 0
	fi
	local args=(--defaults-file="$MYCNF")
	is_root && args+=(--user=root)
	# setsid: a Ctrl-C in the terminal that ran `up` must not reach the server later on.
	setsid mariadbd "${args[@]}" </dev/null >>"$LOG_DIR/mariadbd.log" 2>&1 8>&- &
	pid=$!
	echo "$pid" >"$DB_PID"
	for ((i = 0; i < 300; i++)); do
		db_ping && {
			say "mariadbd runs (pid $pid, socket ${DB_SOCK#"$ROOT"/})"
			return 0
		}
		alive "$pid" || break
		sleep 0.1
	done
	fail "starting mariadbd" "$LOG_DIR/mariadbd.log"
}

db_stop() {
	stop_process "$DB_PID" mariadbd "$INST"
}

# db_setup: database, the two accounts and Mroonga. Safe to repeat: passwords come from the secret
# files, and the server account's grants are reset to exactly the four data verbs every time.
db_setup() {
	local mig_pw app_pw
	write_secret "$SECRETS/migrate.pw"
	write_secret "$SECRETS/tpportal.pw"
	read -r mig_pw <"$SECRETS/migrate.pw"
	read -r app_pw <"$SECRETS/tpportal.pw"

	# Statements go through stdin so passwords never show on a command line.
	admin_sql >"$LOG_DIR/db-setup.log" 2>&1 <<EOF || fail "creating the database and accounts" "$LOG_DIR/db-setup.log"
CREATE DATABASE IF NOT EXISTS tpportal CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'tpportal_migrate'@'localhost';
ALTER USER 'tpportal_migrate'@'localhost' IDENTIFIED BY '$mig_pw';
GRANT ALL PRIVILEGES ON tpportal.* TO 'tpportal_migrate'@'localhost';
CREATE USER IF NOT EXISTS 'tpportal'@'localhost';
ALTER USER 'tpportal'@'localhost' IDENTIFIED BY '$app_pw';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'tpportal'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON tpportal.* TO 'tpportal'@'localhost';
EOF
	# install.sql checks for the plugin itself; "already exists" from an older copy is harmless.
	admin_sql --force </usr/share/mysql/mroonga/install.sql >"$LOG_DIR/mroonga.log" 2>&1 || true
	if grep -v -i 'already' "$LOG_DIR/mroonga.log" | grep -q '^ERROR'; then
		fail "installing Mroonga" "$LOG_DIR/mroonga.log"
	fi
	write_migrate_cnf "$mig_pw"
}

# write_migrate_cnf PASSWORD: the client option file tools/migrate reads (mode 0600).
write_migrate_cnf() {
	(
		umask 077
		cat >"$SECRETS/migrate.cnf" <<EOF
# Client options for tools/migrate on this instance (written by tools/stack; holds a password).
[client]
user=tpportal_migrate
password=$1
socket=$DB_SOCK
default-character-set=utf8mb4
# Only the mariadb client reads these (mariadb-dump refuses init-command in [client]).
[mysql]
database=tpportal
init-command=SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci
EOF
	)
}

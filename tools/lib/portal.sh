# shellcheck shell=bash
# portal.sh - the tpportal FastCGI server and the private nginx in front of it.

# write_portal_conf: the server's configuration for this instance (see src/core/conf.h for the keys).
write_portal_conf() {
	cat >"$INST/tpportal.conf" <<EOF
# tpportal.conf - server configuration of this tools/stack instance (written by tools/stack).
socket = $FCGI_SOCK
socket_mode = 0660
socket_group = $(id -gn)
threads = 4
db_socket = $DB_SOCK
db_name = tpportal
db_user = tpportal
db_password_file = $SECRETS/tpportal.pw
base_url = $URL
public_read = yes
public_contacts = yes
upload_dir = $INST/uploads
template_dir = $ROOT/templates
log_level = info
# A TLS terminator in front of nginx would stand here; tests play it from this loopback address.
trusted_proxy = 127.0.0.5
# Mail goes to the local sink (tools/mail-sink) and is shown at /admin/mail; retries are quick here.
smtp_url = smtp://127.0.0.1:$MAIL_PORT
mail_from = portal@tpportal.invalid
mail_from_name = 한국테크노파크진흥회 포털
mail_retry_seconds = 2
mail_retry_max_seconds = 8
mail_max_attempts = 40
mail_sink_dir = $MAILDIR
EOF
	# TP_CONF_EXTRA: lines added for this run (tools/bench-search turns the page cache off with it)
	if [[ -n ${TP_CONF_EXTRA:-} ]]; then printf '%s\n' "$TP_CONF_EXTRA" >>"$INST/tpportal.conf"; fi
}

# portal_start BINARY: start the server in the background (it stays in the foreground itself) and
# wait until its socket exists.
portal_start() {
	local bin=$1 pid i
	if pid=$(running "$PORTAL_PID" tpportal "$INST"); then
		return 0
	fi
	rm -f -- "$FCGI_SOCK" # left by a server that was killed; a new one cannot bind over it
	setsid "$bin" -c "$INST/tpportal.conf" </dev/null >>"$LOG_DIR/tpportal.log" 2>&1 8>&- &
	pid=$!
	echo "$pid" >"$PORTAL_PID"
	for ((i = 0; i < 100; i++)); do
		if [[ -S $FCGI_SOCK ]]; then
			say "tpportal runs (pid $pid, socket ${FCGI_SOCK#"$ROOT"/})"
			return 0
		fi
		alive "$pid" || break
		sleep 0.1
	done
	fail "starting tpportal ($bin -c $INST/tpportal.conf)" "$LOG_DIR/tpportal.log"
}

portal_stop() {
	stop_process "$PORTAL_PID" tpportal "$INST"
	# The server removes its socket on a clean exit; a killed one does not.
	[[ -S $FCGI_SOCK ]] && rm -f -- "$FCGI_SOCK"
	return 0
}

# sed_escape TEXT: TEXT made safe as a sed replacement with '|' as the delimiter.
sed_escape() {
	printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'
}

# write_nginx_conf: fill tools/nginx.conf.in for this instance.
write_nginx_conf() {
	local user_line='# user: nginx runs as the invoking user (not root), so no user directive'
	# As root the workers would otherwise become nobody, who cannot read a checkout in a private
	# folder nor our socket; this is a private development instance, so they stay root.
	is_root && user_line='user root;'
	mkdir -p "$NGINX_DIR"/tmp/{body,fastcgi,proxy,scgi,uwsgi}
	sed -e "s|@USER_LINE@|$(sed_escape "$user_line")|g" \
		-e "s|@PORT@|$(sed_escape "$PORT")|g" \
		-e "s|@CHECKOUT@|$(sed_escape "$ROOT")|g" \
		-e "s|@RUN_DIR@|$(sed_escape "$RUN_DIR")|g" \
		-e "s|@LOG_DIR@|$(sed_escape "$LOG_DIR")|g" \
		-e "s|@NGINX_DIR@|$(sed_escape "$NGINX_DIR")|g" \
		-e "s|@UPLOAD_DIR@|$(sed_escape "$INST/uploads")|g" \
		-e "s|@FCGI_SOCKET@|$(sed_escape "$FCGI_SOCK")|g" \
		"$ROOT/tools/nginx.conf.in" >"$NGINX_DIR/nginx.conf"
	if grep -q '@[A-Z_]*@' "$NGINX_DIR/nginx.conf"; then
		die "unfilled placeholder in $NGINX_DIR/nginx.conf: $(grep -o '@[A-Z_]*@' "$NGINX_DIR/nginx.conf" | head -1)"
	fi
}

nginx_args() {
	printf '%s\n' -p "$NGINX_DIR/" -c "$NGINX_DIR/nginx.conf" -e "$LOG_DIR/nginx-error.log"
}

# nginx_start: check the config, then start nginx (it daemonizes and writes its pid file itself).
nginx_start() {
	local args i
	mapfile -t args < <(nginx_args)
	running "$NGINX_PID" nginx "$INST" >/dev/null && return 0
	nginx -t -q "${args[@]}" >"$LOG_DIR/nginx-start.log" 2>&1 ||
		fail "checking the nginx config ($NGINX_DIR/nginx.conf)" "$LOG_DIR/nginx-start.log"
	nginx "${args[@]}" >>"$LOG_DIR/nginx-start.log" 2>&1 8>&- ||
		fail "starting nginx on 127.0.0.1:$PORT" "$LOG_DIR/nginx-start.log" "$LOG_DIR/nginx-error.log"
	for ((i = 0; i < 50; i++)); do
		if pid=$(running "$NGINX_PID" nginx "$INST"); then
			say "nginx runs (pid $pid) on 127.0.0.1:$PORT"
			return 0
		fi
		sleep 0.1
	done
	fail "starting nginx (no pid file $NGINX_PID)" "$LOG_DIR/nginx-error.log"
}

nginx_stop() {
	stop_process "$NGINX_PID" nginx "$INST"
}

# http_status PATH: the status code of GET URL/PATH through nginx, 000 when nothing answered.
http_status() {
	curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$URL$1" || true
}

# wait_healthy: wait (30 s at most) for GET /healthz to answer 200 through nginx.
wait_healthy() {
	local i code=000
	for ((i = 0; i < 150; i++)); do
		code=$(http_status /healthz)
		[[ $code == 200 ]] && return 0
		if ! running "$PORTAL_PID" tpportal "$INST" >/dev/null; then
			fail "tpportal exited while waiting for /healthz" "$LOG_DIR/tpportal.log"
		fi
		sleep 0.2
	done
	fail "waiting for GET $URL/healthz to answer 200 (last status $code)" \
		"$LOG_DIR/tpportal.log" "$LOG_DIR/nginx-error.log"
}

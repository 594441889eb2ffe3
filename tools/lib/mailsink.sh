# shellcheck shell=bash
# mailsink.sh - the local SMTP sink (tools/mail-sink: aiosmtpd writing the Maildir $INST/mail) that the
# instance's tpportal sends its mail to, so a newcomer and the tests can read every message sent.

# mail_sink_start: start the sink on 127.0.0.1:$MAIL_PORT unless it runs; wait until it accepts.
mail_sink_start() {
	local pid i
	running "$MAIL_PID" mail-sink "$INST" >/dev/null && return 0
	mkdir -p "$MAILDIR"
	setsid "$ROOT/tools/mail-sink" --port "$MAIL_PORT" --maildir "$MAILDIR/" --pidfile "$MAIL_PID" \
		</dev/null >>"$LOG_DIR/mail-sink.log" 2>&1 8>&- &
	pid=$!
	echo "$pid" >"$MAIL_PID"
	for ((i = 0; i < 100; i++)); do
		if port_in_use "$MAIL_PORT"; then
			say "mail sink runs (pid $pid) on 127.0.0.1:$MAIL_PORT, storing into ${MAILDIR#"$ROOT"/}"
			return 0
		fi
		alive "$pid" || break
		sleep 0.1
	done
	fail "starting the mail sink (tools/mail-sink on port $MAIL_PORT)" "$LOG_DIR/mail-sink.log"
}

mail_sink_stop() {
	stop_process "$MAIL_PID" mail-sink "$INST"
}

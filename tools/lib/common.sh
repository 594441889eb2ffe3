# shellcheck shell=bash
# common.sh - messages, failure reports and pid-file handling shared by tools/stack's helpers.

# say MESSAGE: one progress line, prefixed so it stands out among build and test output.
say() {
	printf 'stack: %s\n' "$*"
}

warn() {
	printf 'stack: warning: %s\n' "$*" >&2
}

# die MESSAGE: stop with a message on stderr.
die() {
	printf 'stack: error: %s\n' "$*" >&2
	exit 1
}

# show_log FILE: print the last 20 lines of FILE so the reason for a failure reaches the terminal (and CI).
show_log() {
	local file=$1
	if [[ -s $file ]]; then
		printf -- '--- last 20 lines of %s ---\n' "$file" >&2
		tail -n 20 -- "$file" >&2
		printf -- '--- end of %s ---\n' "$file" >&2
	else
		printf 'stack: (%s is empty or missing)\n' "$file" >&2
	fi
}

# fail STEP LOGFILE...: report which step failed, show its logs, and stop.
fail() {
	local step=$1 file
	shift
	printf 'stack: error: %s failed; read %s\n' "$step" "$*" >&2
	for file in "$@"; do
		show_log "$file"
	done
	exit 1
}

is_root() {
	[[ $(id -u) -eq 0 ]]
}

# pid_of PIDFILE: the pid in PIDFILE, or nothing.
pid_of() {
	local pid=''
	[[ -r $1 ]] && read -r pid <"$1" 2>/dev/null
	[[ $pid =~ ^[0-9]+$ ]] && printf '%s\n' "$pid"
	return 0
}

# alive PID: true while the process exists and is not a zombie (a child that died but was not yet
# reaped still answers kill -0).
alive() {
	local stat
	stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	stat=${stat##*) }
	[[ ${stat%% *} != Z ]]
}

# pid_is_ours PID NAME INSTANCE_DIR: true when PID is alive, runs program NAME and mentions our
# instance folder on its command line. Pids get reused, and two instances run the same programs,
# so a pid file alone must never decide what gets killed.
pid_is_ours() {
	local pid=$1 name=$2 dir=$3 comm cmdline
	[[ -n $pid && -r /proc/$pid/comm ]] || return 1
	read -r comm <"/proc/$pid/comm" 2>/dev/null || return 1
	[[ $comm == "$name" ]] || return 1
	cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
	[[ $cmdline == *"$dir/"* ]]
}

# running PIDFILE NAME INSTANCE_DIR: print the pid and succeed when the process is up and ours.
running() {
	local pid
	pid=$(pid_of "$1")
	pid_is_ours "$pid" "$2" "$3" || return 1
	printf '%s\n' "$pid"
}

# stop_process PIDFILE NAME INSTANCE_DIR: SIGTERM the process if it is ours, wait up to 60 s for it
# to exit (MariaDB flushes InnoDB on the way out), then SIGKILL as a last resort.
stop_process() {
	local pidfile=$1 name=$2 dir=$3 pid i
	if ! pid=$(running "$pidfile" "$name" "$dir"); then
		rm -f -- "$pidfile"
		return 0
	fi
	kill -TERM "$pid" 2>/dev/null || true
	for ((i = 0; i < 600; i++)); do
		pid_is_ours "$pid" "$name" "$dir" || break
		sleep 0.1
	done
	if pid_is_ours "$pid" "$name" "$dir"; then
		warn "$name (pid $pid) did not stop within 60 s; sending SIGKILL"
		kill -KILL "$pid" 2>/dev/null || true
		sleep 0.5
	fi
	rm -f -- "$pidfile"
	say "stopped $name (pid $pid)"
}

# random_secret: 48 hex characters from the kernel's random source and a newline (nothing to quote).
random_secret() {
	od -An -tx1 -N24 /dev/urandom | tr -d ' \n'
	echo
}

# write_secret FILE: create FILE (mode 0600) holding a new random secret, unless it exists.
write_secret() {
	local file=$1
	[[ -s $file ]] && return 0
	(umask 077 && random_secret >"$file")
}

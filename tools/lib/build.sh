# shellcheck shell=bash
# build.sh - autoreconf, configure and make in a private VPATH build folder (var/build-up, var/build-test),
# so the plain `up` build and the -Werror/sanitizer `test` build never overwrite each other's objects.

# needs_autoreconf: true when configure is missing or older than what it is made from.
needs_autoreconf() {
	local f
	[[ -x $ROOT/configure && -f $ROOT/Makefile.in ]] || return 0
	for f in configure.ac Makefile.am; do
		[[ $ROOT/$f -nt $ROOT/configure || $ROOT/$f -nt $ROOT/Makefile.in ]] && return 0
	done
	return 1
}

# run_autoreconf LOG: regenerate configure under a lock, because `up` and `test` may run at once.
run_autoreconf() {
	local log=$1
	mkdir -p "$ROOT/var"
	(
		flock 9
		if needs_autoreconf; then
			say "autoreconf -fi"
			cd "$ROOT" && autoreconf -fi >"$log" 2>&1
		fi
	) 9>"$ROOT/var/.autoreconf.lock" || fail "autoreconf" "$log"
}

# lock_build_dir BUILD_DIR: wait until no other tools/stack run of this checkout uses BUILD_DIR, and
# keep it ours until this process exits: two runs configuring or linking in one folder break each
# other, and `test` must not have its server rebuilt under it. The lock is fd 8, which the servers
# do not inherit (see the "8>&-" where they start).
lock_build_dir() {
	mkdir -p "$ROOT/var"
	exec 8>"$1.lock"
	if ! flock -n 8; then
		say "waiting for another tools/stack run that uses ${1#"$ROOT"/}"
		flock 8
	fi
}

# build_server BUILD_DIR CONFIGURE_ARG...: configure (when needed) and make; the server is then
# BUILD_DIR/src/tpportal. Output goes to BUILD_DIR/build.log.
build_server() {
	local bdir=$1
	shift
	local log=$bdir/build.log
	mkdir -p "$bdir"
	run_autoreconf "$bdir/autoreconf.log"

	# A configure run inside the checkout makes every VPATH configure refuse to run.
	if [[ -f $ROOT/config.status ]]; then
		die "the checkout was configured in place ($ROOT/config.status): run 'make distclean' there first; tools/stack builds in var/build-*"
	fi
	# The stamp is written only after configure succeeded, with its arguments: an interrupted or failed
	# run, or other arguments, mean configure runs again.
	local stamp=$bdir/.configured
	if [[ ! -f $stamp || $(<"$stamp") != "configure $*" || $ROOT/configure -nt $stamp || ! -f $bdir/Makefile ]]; then
		rm -f -- "$stamp"
		say "configuring in ${bdir#"$ROOT"/} ($*)"
		(cd "$bdir" && ../../configure "$@") >"$log" 2>&1 ||
			fail "configure" "$log" "$bdir/config.log"
		echo "configure $*" >"$stamp"
	fi
	say "make -j2 in ${bdir#"$ROOT"/}"
	if ! make -C "$bdir" -j2 >>"$log" 2>&1; then
		# The first compiler errors matter most, and a tail may miss them.
		grep -m 10 -E 'error:|undefined reference' "$log" >&2 || true
		fail "build (make)" "$log"
	fi
	[[ -x $bdir/src/tpportal ]] || die "make succeeded but $bdir/src/tpportal is missing"
}

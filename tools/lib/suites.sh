# shellcheck shell=bash
# suites.sh - the three test suites of `tools/stack test` and their counts. Each suite adds to
# TOTAL_PASSED / TOTAL_FAILED and prints one line; a failing suite never stops the others.

TOTAL_PASSED=0
TOTAL_FAILED=0

# suite_result NAME PASSED FAILED [NOTE]: print the per-suite line and add to the totals.
suite_result() {
	local name=$1 passed=$2 failed=$3 note=${4:-}
	TOTAL_PASSED=$((TOTAL_PASSED + passed))
	TOTAL_FAILED=$((TOTAL_FAILED + failed))
	printf '== suite %s: %d passed, %d failed%s\n' "$name" "$passed" "$failed" "${note:+ ($note)}"
}

# run_suite NAME FUNCTION [ARG...]: run one suite unless SUITES (a space-separated list of names) leaves it
# out; a suite left out prints a line saying so, so a partial run never reads like a whole one.
run_suite() {
	local name=$1
	shift
	if ! suite_selected "$name"; then
		printf '== suite %s: skipped (not in SUITES=%s)\n' "$name" "$SUITES"
		return 0
	fi
	"$@"
}

# suite_selected NAME: true when SUITES is unset or names NAME.
suite_selected() {
	[[ -z ${SUITES:-} || " $SUITES " == *" $1 "* ]]
}

# sum_matches FILE REGEX: the sum of the first number of each line of FILE that matches REGEX.
sum_matches() {
	{ grep -E -- "$2" "$1" 2>/dev/null || true; } |
		sed -E 's/^[^0-9]*([0-9]+).*/\1/' | awk '{ s += $1 } END { print s + 0 }'
}

# suite_unit BUILD_DIR: `make check`, then each test binary's cmocka summary from its log.
suite_unit() {
	local bdir=$1 log=$LOG_DIR/make-check.log rc=0 trs tlog name p f passed=0 failed=0
	say "unit tests: make check in ${bdir#"$ROOT"/}"
	# test_db_live needs the instance's database, and must fail (not skip) when it cannot reach it
	TP_TEST_CONF=$INST/tpportal.conf TP_TEST_DB_REQUIRED=1 make -C "$bdir" -j2 check >"$log" 2>&1 || rc=$?
	# automake's one line per binary (PASS:/FAIL:), then cmocka's own summary lines.
	grep -E '^(PASS|FAIL|ERROR|XPASS|XFAIL|SKIP):' "$log" || true
	for trs in "$bdir"/tests/unit/*/*.trs; do
		[[ -e $trs ]] || continue
		tlog=${trs%.trs}.log
		name=${tlog##*/}
		name=${name%.log}
		grep -F -e '[  PASSED  ]' -e '[  FAILED  ]' -e '[==========]' "$tlog" | sed "s|^|$name: |" || true
		p=$(sum_matches "$tlog" '^\[  PASSED  \] [0-9]+ test')
		f=$(sum_matches "$tlog" '^\[  FAILED  \] [0-9]+ test')
		# A binary that crashed (or a sanitizer that stopped it) prints no summary: count it once.
		if ((f == 0)) && grep -qE '^:test-result: (FAIL|ERROR)' "$trs"; then
			f=1
			printf '%s: failed without a cmocka summary; read %s\n' "$name" "$tlog"
			show_log "$tlog"
		fi
		passed=$((passed + p))
		failed=$((failed + f))
	done
	# make check can also fail before any test ran (a test that does not compile).
	if ((rc != 0 && failed == 0)); then
		failed=1
		printf 'make check failed; read %s\n' "$log"
		grep -m 10 -E 'error:|undefined reference' "$log" || true
		show_log "$log"
	fi
	suite_result unit "$passed" "$failed"
}

# count_node_summary LOG: "PASSED FAILED" from node's test runner summary (ℹ pass N / ℹ fail N),
# or from Playwright's ("N passed" / "N failed") when the browser tests use that runner.
count_node_summary() {
	local log=$1 p f c
	if grep -qE '^ℹ pass [0-9]+' "$log"; then
		p=$(sum_matches "$log" '^ℹ pass [0-9]+')
		f=$(sum_matches "$log" '^ℹ fail [0-9]+')
		c=$(sum_matches "$log" '^ℹ cancelled [0-9]+')
		echo "$p $((f + c))"
	else
		p=$(sum_matches "$log" '^ *[0-9]+ passed')
		f=$(sum_matches "$log" '^ *[0-9]+ failed')
		echo "$p $f"
	fi
}

# with_stack_env DIR COMMAND...: COMMAND in DIR with the instance in the environment the node tests read.
with_stack_env() {
	local dir=$1
	shift
	(cd "$dir" && TP_BASE_URL=$URL STACK_DIR=$INST TP_STACK=$ROOT/tools/stack TP_BUILD_DIR=$BUILD_DIR "$@")
}

# run_node_suite NAME DIR LOG COMMAND...: run a node-based suite in DIR with the stack's environment,
# its output on the terminal and in LOG, and count it.
run_node_suite() {
	local name=$1 dir=$2 log=$3 rc=0 passed failed
	shift 3
	with_stack_env "$dir" "$@" 2>&1 | tee "$log" || rc=$?
	read -r passed failed < <(count_node_summary "$log")
	if ((rc != 0 && failed == 0)); then
		failed=1
		printf '%s tests exited with status %d without a failing test in the summary; read %s\n' "$name" "$rc" "$log"
	fi
	suite_result "$name" "$passed" "$failed"
}

# integration_lane FILE: the lane a test file asks for on its first line ("// test-lane: mail" or
# "// test-lane: alone"); the others run in the main lane.
integration_lane() {
	local lane
	lane=$(sed -n '1s|^// test-lane: \([a-z]*\).*|\1|p' "$1")
	echo "${lane:-main}"
}

# integration_files LANE LOG [ENV...]: node --test over the files of LANE (one at a time) with the stack's
# environment and ENV, into LOG; nothing (an empty LOG) when the lane has no files.
integration_files() {
	local lane=$1 log=$2 f
	local -a files=()
	shift 2
	for f in "$ROOT"/tests/integration/*.test.mjs; do
		[[ $(integration_lane "$f") == "$lane" ]] && files+=("tests/integration/${f##*/}")
	done
	: >"$log"
	((${#files[@]} > 0)) || return 0
	with_stack_env "$ROOT" env "$@" node --test --test-concurrency=1 --test-reporter=spec "${files[@]}" >"$log" 2>&1
}

# suite_integration: the main and the mail lane run at the same time, one file at a time each (the mail
# files spend most of their time waiting for the SMTP sink, or for it to come back); the lanes share the
# instance and a lock (tests/integration/lib.mjs LANE_LOCK) that lets a file which changes what others
# compare take the instance for itself. Then the files that need the instance alone, one at a time.
suite_integration() {
	local rc=0 passed=0 failed=0 lane p q mail_pid
	if [[ ! -e $(compgen -G "$ROOT/tests/integration/*.test.mjs" | head -n 1) ]]; then
		say "integration tests: none (no tests/integration/*.test.mjs)"
		return 0
	fi
	say "integration tests: node --test tests/integration/, the main and the mail lane at once, then the files that run alone"
	: >"$LOG_DIR/integration-main.log"
	: >"$LOG_DIR/integration-alone.log"
	integration_files mail "$LOG_DIR/integration-mail.log" TP_TEST_LANES=1 &
	mail_pid=$!
	integration_files main "$LOG_DIR/integration-main.log" TP_TEST_LANES=1 &
	tail -q -n +1 --pid=$! -f "$LOG_DIR/integration-main.log" 2>/dev/null || true
	wait $! || rc=$?
	wait "$mail_pid" || rc=$?
	say "integration tests: the mail lane"
	cat "$LOG_DIR/integration-mail.log"
	say "integration tests: the files that run alone"
	integration_files alone "$LOG_DIR/integration-alone.log" &
	tail -q -n +1 --pid=$! -f "$LOG_DIR/integration-alone.log" 2>/dev/null || true
	wait $! || rc=$?
	for lane in main mail alone; do
		read -r p q < <(count_node_summary "$LOG_DIR/integration-$lane.log")
		passed=$((passed + p))
		failed=$((failed + q))
	done
	if ((rc != 0 && failed == 0)); then
		failed=1
		printf 'integration tests exited with status %d without a failing test in the summary; read %s\n' \
			"$rc" "$LOG_DIR/integration-*.log"
	fi
	suite_result integration "$passed" "$failed"
}

# npm_ready DIR: true when DIR/node_modules was installed from the current package-lock.json.
npm_ready() {
	local dir=$1 stamp=$1/node_modules/.package-lock.json
	[[ -f $stamp && $stamp -nt $dir/package-lock.json && $stamp -nt $dir/package.json ]]
}

suite_browser() {
	local dir=$ROOT/tests/browser
	if [[ ! -f $dir/package.json ]]; then
		say "browser tests: none (no tests/browser/package.json)"
		return 0
	fi
	if ! npm_ready "$dir"; then
		say "browser tests: npm ci in tests/browser"
		if ! (cd "$dir" && npm ci --no-audit --no-fund) >"$LOG_DIR/npm-ci.log" 2>&1; then
			printf 'npm ci failed; read %s\n' "$LOG_DIR/npm-ci.log"
			show_log "$LOG_DIR/npm-ci.log"
			suite_result browser 0 1 "npm ci failed"
			return 0
		fi
	fi
	say "browser tests: npm test in tests/browser"
	run_node_suite browser "$dir" "$LOG_DIR/browser.log" npm test
}

# check_server_log: after the server stopped, a sanitizer report in its log fails the run even when
# every test passed (a leak or an overflow the tests did not notice).
check_server_log() {
	local log=$LOG_DIR/tpportal.log
	# a statement the code got wrong: a bound parameter it does not have, SQL MariaDB cannot parse, a
	# column that is not there; no test provokes these, so one in the log is a bug the pages hid
	local bugs='db: (bind index [0-9]+ out of range|too many parameters)|db: error (1054|1064|1210):'
	if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$log" 2>/dev/null; then
		grep -E -A 12 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$log" | head -n 60
		suite_result server-log 0 1 "sanitizer report in $log"
	elif grep -qE "$bugs" "$log" 2>/dev/null; then
		grep -E "$bugs" "$log" | sort | uniq -c | sort -rn | head -n 20
		suite_result server-log 0 1 "statements the code got wrong in $log"
	else
		say "server log: no sanitizer reports, no statement errors of the code's own"
	fi
}

# suite_layers: the dependency rule of src/ (tools/check-layers), after its self-test proved that it
# refuses a tree with forbidden includes. Two checks: the self-test and the tree.
suite_layers() {
	local log=$LOG_DIR/check-layers.log passed=0 failed=0
	say "layers: tools/check-layers"
	if "$ROOT/tools/check-layers" --self-test >"$log" 2>&1; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		show_log "$log"
	fi
	if "$ROOT/tools/check-layers" "$ROOT/src" >>"$log" 2>&1; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
	sed 's/^/  /' "$log"
	suite_result layers "$passed" "$failed"
}

# suite_fuzz: every libFuzzer target of tests/fuzz for FUZZ_TIME seconds (default 3) under ASan/UBSan
# (tools/fuzz); one test per target, failed when it crashed; a build that fails counts as one failure.
suite_fuzz() {
	local log=$LOG_DIR/fuzz.log rc=0 passed failed
	say "fuzz: tools/fuzz --time ${FUZZ_TIME:-3} (every target)"
	nice -n 10 "$ROOT/tools/fuzz" --time "${FUZZ_TIME:-3}" >"$log" 2>&1 || rc=$?
	sed 's/^/  /' "$log"
	passed=$(grep -cE '^fuzz [a-z0-9_]+: .* 0 crashes$' "$log" || true)
	failed=$(grep -cE '^fuzz [a-z0-9_]+: .* 1 crash$' "$log" || true)
	if ((rc != 0 && failed == 0)); then
		failed=1
		printf 'tools/fuzz exited with status %d before a target ran; read %s\n' "$rc" "$log"
	fi
	suite_result fuzz "$passed" "$failed"
}

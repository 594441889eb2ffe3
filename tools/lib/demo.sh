# shellcheck shell=bash
# demo.sh - demo sign-ins for a development or test instance, made with the server's own
# tpportal-admin (so passwords are hashed exactly as the server checks them). Real accounts are never
# made here: production creates its first account by hand (docs/hosting.md).

# The demo accounts: ROLE LOGIN TECHNOPARK (- for none) NAME. The integration tests expect these logins.
DEMO_ACCOUNTS=(
	'secretariat secretariat - 데모 사무국'
	'member_admin chungnam-admin chungnam 데모 충남 관리자'
	'member_admin busan-admin busan 데모 부산 관리자'
	'staff staff - 데모 직원'
)

# demo_password_new: a password that is easy to type and unique to the instance.
demo_password_new() {
	printf 'demo-%s\n' "$(od -An -tx1 -N6 /dev/urandom | tr -d ' \n')"
}

# make_demo_logins ADMIN_BINARY: create the demo accounts unless they exist, and write
# $INST/demo-password (the one password they share) and $INST/demo-logins ("ROLE LOGIN PASSWORD").
make_demo_logins() {
	local bin=$1 log=$LOG_DIR/demo-logins.log pw fresh=0 line role login tp name args
	if [[ ! -x $bin ]]; then
		rm -f -- "$INST/demo-logins"
		return 0
	fi
	if [[ ! -s $INST/demo-password ]]; then
		(umask 077 && demo_password_new >"$INST/demo-password")
		fresh=1
	fi
	read -r pw <"$INST/demo-password"
	: >"$log"
	(umask 077 && echo "# demo sign-ins of this instance (ROLE LOGIN PASSWORD), made by tools/stack" >"$INST/demo-logins")
	for line in "${DEMO_ACCOUNTS[@]}"; do
		read -r role login tp name <<<"$line"
		args=(create-user --if-missing --demo "$login" "$name" "$role")
		[[ $tp == - ]] || args+=("$tp")
		printf '%s\n' "$pw" | "$bin" -c "$INST/tpportal.conf" "${args[@]}" >>"$log" 2>&1 ||
			fail "creating the demo login $login (tpportal-admin)" "$log"
		# A new password file but an old account (the file was removed): give it the new password.
		if ((fresh)) && tail -n 1 "$log" | grep -q "user $login exists"; then
			printf '%s\n' "$pw" | "$bin" -c "$INST/tpportal.conf" set-password "$login" >>"$log" 2>&1 ||
				fail "setting the password of the demo login $login (tpportal-admin)" "$log"
		fi
		printf '%s %s %s\n' "$role" "$login" "$pw" >>"$INST/demo-logins"
	done
	say "demo logins: ${#DEMO_ACCOUNTS[@]} accounts in ${INST#"$ROOT"/}/demo-logins"
}

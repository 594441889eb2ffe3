# shellcheck shell=bash
# packages.sh - install the Debian packages the stack needs, and only when one is missing.

# Build dependencies and servers for `up`. curl is here too: `up` checks /healthz with it.
# GMime and libcurl build and send the mail; python3-aiosmtpd is the local SMTP sink (docs/email.md).
# poppler-utils gives pdftotext, which the indexer runs on library PDFs (docs/library.md).
# shellcheck disable=SC2034 # used by tools/stack
UP_PACKAGES=(libfcgi-dev clearsilver-dev libmariadb-dev libcmocka-dev libsodium-dev libcmark-dev
	libgmime-3.0-dev libcurl4-gnutls-dev python3-aiosmtpd
	autoconf automake libtool pkg-config make gcc
	mariadb-server mariadb-plugin-mroonga nginx-light curl poppler-utils)

# What `test` needs on top (node, npm and java are added by test_packages only when missing);
# fonts-nanum gives chromium Hangul glyphs for the screenshots; python3-icalendar and python3-vobject parse the
# feeds and the directory exports back. The package suite builds the .deb
# (debhelper, dpkg-dev, fakeroot, zlib1g-dev: a build dependency), lints it, checks its units
# (systemd-analyze, from systemd) and talks FastCGI to the installed server (cgi-fcgi, libfcgi-bin).
# files_delivery.test.mjs puts Apache 2.4 (mod_proxy_fcgi, mod_xsendfile) in front of spare servers.
# clang-14 and libclang-rt-14-dev build the libFuzzer targets of the fuzz suite (tools/fuzz).
TEST_PACKAGES=(chromium fonts-nanum wrk curl python3-icalendar python3-vobject clang-14 libclang-rt-14-dev
	debhelper dpkg-dev fakeroot lintian systemd libfcgi-bin zlib1g-dev apache2 libapache2-mod-xsendfile)

package_installed() {
	[[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == 'install ok installed' ]]
}

# test_packages: print the packages `test` needs besides UP_PACKAGES, one per line.
test_packages() {
	printf '%s\n' "${TEST_PACKAGES[@]}"
	# The machine may carry its own node (not Debian's): use whatever is on PATH.
	command -v node >/dev/null || echo nodejs
	command -v npm >/dev/null || echo npm
	command -v java >/dev/null || echo default-jre-headless
}

# ensure_packages PKG...: install the missing ones. apt-get update runs only when something is
# missing, so a machine that has everything never touches the network. Without root we cannot
# install: print the command and stop.
ensure_packages() {
	local missing=() pkg
	for pkg in "$@"; do
		package_installed "$pkg" || missing+=("$pkg")
	done
	((${#missing[@]})) || return 0

	local install=(apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}")
	if ! is_root; then
		printf 'stack: error: missing Debian packages: %s\n' "${missing[*]}" >&2
		printf 'stack: run as root:  apt-get update && %s\n' "${install[*]}" >&2
		exit 1
	fi
	local log=$ROOT/var/apt-get.log
	mkdir -p "$ROOT/var"
	say "installing ${missing[*]} (output in ${log#"$ROOT"/})"
	export DEBIAN_FRONTEND=noninteractive
	apt-get -o DPkg::Lock::Timeout=300 update >"$log" 2>&1 || fail "apt-get update" "$log"
	"${install[@]}" >>"$log" 2>&1 || fail "apt-get install ${missing[*]}" "$log"
}

#!/bin/sh
# Installs Debian's chromium for internal/server's browser test
# (TestBrowser, TestBrowserPhone). Safe to run again: it does nothing when
# /usr/bin/chromium is already there.
set -eu
if [ -x /usr/bin/chromium ]; then
	exit 0
fi
SUDO=
if [ "$(id -u)" -ne 0 ]; then
	SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version

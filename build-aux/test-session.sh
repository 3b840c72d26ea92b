#!/usr/bin/env bash
# Runs inside dbus-run-session: a fresh gnome-keyring for libsecret, Xvfb for
# the app, then meson test. Usage: test-session.sh BUILD_DIR [meson test args]
#
# Copyright 2026 SAN Internet
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

build=$1; shift

# The keyring lives in the build dir, never in the real HOME
export HOME="$build/tests/keyring-home"
export XDG_DATA_HOME="$HOME/data"
export XDG_CONFIG_HOME="$HOME/config"
export XDG_CACHE_HOME="$HOME/cache"
export XDG_RUNTIME_DIR="$HOME/runtime"
rm -rf "$HOME" "$build/tests/ui-data"   # and the UI tests' own data folders
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

eval "$(printf pass | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
trap 'kill "${GNOME_KEYRING_PID:-}" 2>/dev/null || true' EXIT

xvfb-run -a -s '-screen 0 1280x1024x24 -nolisten tcp' \
  meson test -C "$build" --print-errorlogs --num-processes "$(nproc)" "$@"

#!/bin/bash
# Installs the Debian 12 packages the build, the tests and the demo need.
# Copyright 2026 SAN Internet
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Source it and call san_install_deps (build-aux/check and build-aux/demo do),
# or run it: `bash build-aux/deps.sh`. Only packages that are not installed
# yet are installed (apt-get, non-interactive, sudo when not root), so on a
# machine that has everything it costs a few dpkg-query calls. It also makes
# sure the pt_BR.UTF-8 locale exists, for running the app in Portuguese.

SAN_DEB_PACKAGES=(
  build-essential meson ninja-build pkg-config gettext desktop-file-utils appstream
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev libsecret-1-dev
  libsqlite3-dev libsodium-dev libqrencode-dev libcairo2-dev libsecret-tools
  xvfb xauth dbus dbus-x11 gnome-keyring librsvg2-common fonts-dejavu-core
  adwaita-icon-theme
  python3 locales
)

# Runs a command as root: directly, or through sudo.
san_as_root ()
{
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -- "$@"
  else
    echo "deps: need root to run '$*', and sudo is not installed" >&2
    return 1
  fi
}

san_install_deps ()
{
  local pkg status
  local missing=()

  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "deps: not a Debian system (no dpkg-query/apt-get); install these yourself:" >&2
    echo "  ${SAN_DEB_PACKAGES[*]}" >&2
    return 1
  fi

  for pkg in "${SAN_DEB_PACKAGES[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    if [ "$status" != "install ok installed" ]; then
      missing+=("$pkg")
    fi
  done

  if [ "${#missing[@]}" -gt 0 ]; then
    echo "deps: installing ${#missing[@]} missing package(s): ${missing[*]}"
    san_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
    san_as_root env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q --no-install-recommends "${missing[@]}" || return 1
  else
    echo "deps: all ${#SAN_DEB_PACKAGES[@]} packages already installed"
  fi

  # pt_BR.UTF-8 lets the app (and its tests) run in Portuguese. localedef
  # builds just this one locale (about a second).
  if ! locale -a 2>/dev/null | grep -qi '^pt_BR\.utf-\?8$'; then
    echo "deps: generating the pt_BR.UTF-8 locale"
    san_as_root localedef -i pt_BR -f UTF-8 pt_BR.UTF-8 ||
      echo "deps: could not generate pt_BR.UTF-8 (the app still runs, in English)" >&2
  fi
  return 0
}

# Executed rather than sourced: do the work now.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -eu
  san_install_deps
fi

#!/bin/bash
# Checks the keys, types and defaults of the compiled GSettings schema.
# Copyright 2026 SAN Internet
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-schema.sh GSETTINGS SCHEMA_DIR

set -eu
gsettings="$1"
schemadir="$2"
schema=com.saninternet.ClientArea

expected="$schema last-contract ''
$schema run-in-background false
$schema server-url 'https://portal.saninternet.com'
$schema window-height 720
$schema window-maximized false
$schema window-width 1100"

actual="$(GSETTINGS_BACKEND=memory "$gsettings" --schemadir "$schemadir" list-recursively "$schema" | LC_ALL=C sort)"
if [ "$actual" != "$expected" ]; then
  echo "FAIL: the schema in $schemadir has"
  echo "$actual"
  echo "expected"
  echo "$expected"
  exit 1
fi

for key in server-url:s window-width:i window-height:i window-maximized:b last-contract:s run-in-background:b; do
  range="$(GSETTINGS_BACKEND=memory "$gsettings" --schemadir "$schemadir" range "$schema" "${key%%:*}")"
  if [ "$range" != "type ${key#*:}" ]; then
    echo "FAIL: ${key%%:*} has '$range', expected 'type ${key#*:}'"
    exit 1
  fi
  summary="$(GSETTINGS_BACKEND=memory "$gsettings" --schemadir "$schemadir" describe "$schema" "${key%%:*}")"
  if [ -z "$summary" ]; then
    echo "FAIL: ${key%%:*} has no description"
    exit 1
  fi
done

path="$(GSETTINGS_BACKEND=memory "$gsettings" --schemadir "$schemadir" list-schemas --print-paths | grep "^$schema ")"
if [ "$path" != "$schema /com/saninternet/ClientArea/" ]; then
  echo "FAIL: schema path is '$path'"
  exit 1
fi
echo "schema $schema: 5 keys with the expected types and defaults"

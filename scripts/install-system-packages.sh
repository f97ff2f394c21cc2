#!/usr/bin/env bash
# Installs the Debian packages the -Psystem profile needs: headless Chromium and its driver for the browser
# test, PostgreSQL 15 for the database and cluster tests (its client programs pg_dump/pg_restore and initdb/pg_ctl
# for the health and backup tests, which start a server of their own), and fonts-liberation: bpmn-js lays labels out in
# Arial, and tools/modeler-check measures them in chromium; without an Arial-metric font chromium falls back to DejaVu
# Sans, which is wider (12 labels then took 6 lines instead of 5 on a fresh Debian machine, 2026-12-02).
# Idempotent; usable by hand (as root) and by .ci/run.
set -euo pipefail
packages=(chromium chromium-driver postgresql fonts-liberation)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "system packages present: ${packages[*]}"

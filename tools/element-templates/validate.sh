#!/usr/bin/env bash
# Validates element-templates/*.json against the Camunda 7 element-templates JSON schema (Modeler's validator).
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
node validate.js

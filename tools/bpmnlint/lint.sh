#!/usr/bin/env bash
# bpmnlint (recommended rules + camunda-compat for Camunda Platform 7.24, history time to live as an error) over
# every diagram in processes/. Exits non-zero on any error.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
npx --no-install bpmnlint ../../processes/*.bpmn
echo "bpmnlint: $(ls ../../processes/*.bpmn | wc -l) diagrams clean"

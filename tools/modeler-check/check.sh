#!/usr/bin/env bash
# Opens every processes/*.bpmn with the libraries Camunda Modeler is built on, set up for Camunda 7 (bpmn-js
# Modeler, camunda-bpmn-moddle, camunda-platform behaviors, element-templates/*.json loaded through
# bpmn-js-element-templates) in headless Chromium (Debian's chromium; scripts/install-system-packages.sh) and fails
# on: any import warning, any template load error, any element whose camunda:modelerTemplate is
# unknown/outdated/deprecated in the loaded set or whose values differ from the template's bindings, and any
# task/subprocess/call-activity label whose rendered text leaves its shape. Run after editing a diagram or a
# template:
#   bash tools/modeler-check/check.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
mkdir -p build
node_modules/.bin/esbuild check.js --bundle --format=iife --log-level=warning --outfile=build/bundle.js
page="$here/build/check.html"
python3 - "$root" "$page" "$here" <<'PY'
import glob, json, os, sys
root, page, here = sys.argv[1:4]
diagrams = [{"name": os.path.basename(p), "xml": open(p, encoding="utf-8").read()}
            for p in sorted(glob.glob(os.path.join(root, "processes", "*.bpmn")))]
templates = [json.load(open(p, encoding="utf-8")) for p in sorted(glob.glob(os.path.join(root, "element-templates", "*.json")))]
data = json.dumps({"diagrams": diagrams, "templates": templates}).replace("</", "<\\/")
with open(page, "w", encoding="utf-8") as f:
    f.write('<!doctype html><html><head><meta charset="utf-8">'
            f'<link rel="stylesheet" href="file://{here}/node_modules/bpmn-js/dist/assets/bpmn-js.css">'
            f'<link rel="stylesheet" href="file://{here}/node_modules/bpmn-js/dist/assets/diagram-js.css">'
            '</head><body><pre id="result">{"done":false,"error":"check did not finish"}</pre>'
            f'<script src="file://{here}/build/bundle.js"></script>'
            f'<script>const input = {data};\nrunModelerCheck(input.diagrams, input.templates);</script></body></html>')
PY
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --allow-file-access-from-files \
  --window-size=1600,900 --virtual-time-budget=60000 --dump-dom "file://$page" 2>/dev/null > build/dom.html
python3 "$here/report.py" "$root" build/dom.html

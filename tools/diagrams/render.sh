#!/usr/bin/env bash
# Renders every processes/*.bpmn to docs/diagrams/<name>.png: bpmn-js (the library Camunda Modeler draws with)
# in headless Chromium (Debian's chromium; scripts/install-system-packages.sh). Run after editing a diagram:
#   tools/diagrams/render.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
mkdir -p "$root/docs/diagrams" "$here/build"
viewer="$here/node_modules/bpmn-js/dist/bpmn-viewer.production.min.js"
for bpmn in "$root"/processes/*.bpmn; do
  name="$(basename "$bpmn" .bpmn)"
  page="$here/build/$name.html"
  {
    echo '<!doctype html><html><head><meta charset="utf-8">'
    echo "<link rel=\"stylesheet\" href=\"file://$here/node_modules/bpmn-js/dist/assets/bpmn-js.css\">"
    echo '<style>html,body,#canvas{margin:0;width:100%;height:100%;background:#fff}</style></head><body><div id="canvas"></div>'
    echo "<script src=\"file://$viewer\"></script><script>"
    printf 'const xml = %s;\n' "$(python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1],encoding="utf-8").read()))' "$bpmn")"
    echo 'const viewer = new BpmnJS({ container: "#canvas" });'
    echo 'viewer.importXML(xml).then(() => viewer.get("canvas").zoom("fit-viewport", "auto"));'
    echo '</script></body></html>'
  } > "$page"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" --allow-file-access-from-files \
    --hide-scrollbars --window-size=1800,900 --virtual-time-budget=4000 \
    --screenshot="$root/docs/diagrams/$name.png" "file://$page" >/dev/null 2>&1
  echo "rendered docs/diagrams/$name.png"
done

"""Reads the result check.js wrote into the dumped DOM, prints it and exits 1 on any finding."""
import glob, html, json, os, re, sys

root, dom = sys.argv[1:3]
match = re.search(r'<pre id="result">(.*?)</pre>', open(dom, encoding="utf-8").read(), re.S)
if not match:
    sys.exit("modeler-check: no result in the page Chromium dumped (did chromium start?)")
result = json.loads(html.unescape(match.group(1)))
if not result.get("done"):
    sys.exit("modeler-check: the check did not finish in Chromium: " + result.get("error", "?"))

failures = []
for r in result["results"]:
    name = r["diagram"]
    xml = open(os.path.join(root, "processes", name), encoding="utf-8").read()
    in_xml = len(re.findall(r'camunda:modelerTemplate="', xml))
    if in_xml != r["templatedCount"]:
        failures.append(f"{name}: {in_xml} camunda:modelerTemplate attributes in the XML, the Modeler saw {r['templatedCount']}")
    failures += [f"{name}: import warning: {w}" for w in r["warnings"]]
    failures += [f"{name}: template load error: {e}" for e in r["templateErrors"]]
    for t in r["templates"]:
        failures += [f"{name}: {t['id']} ({t['template']} v{t['version']}): {p}" for p in t["problems"]]
    for l in r["labels"]:
        sides = ", ".join(f"{k} {v:.1f}px" for k, v in l["over"].items() if v > 0.5)
        failures.append(f"{name}: label of {l['id']} ({l['type']} {l['width']}x{l['height']}, {l['lines']} lines, "
                        f"text {l['textWidth']:.0f}x{l['textHeight']:.0f}) overflows: {sides}")
    print(f"{name}: {len(r['warnings'])} import warnings, {r['templatedCount']} templated elements "
          f"({len(r['templates'])} with problems), {r['labelCount']} activity labels ({len(r['labels'])} overflowing)")
if len(result["results"]) != len(glob.glob(os.path.join(root, "processes", "*.bpmn"))):
    failures.append("not every processes/*.bpmn was checked")
if failures:
    print(f"\nmodeler-check: {len(failures)} problem(s):")
    print("\n".join("  " + f for f in failures))
    sys.exit(1)
print("modeler-check: all diagrams open cleanly in the Modeler with their element templates")

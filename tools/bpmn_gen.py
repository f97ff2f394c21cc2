"""Small helper that writes BPMN 2.0 XML with full diagram interchange for the SDU diagrams.

Kept in the repository so the diagrams can be regenerated consistently; analysts may equally edit the .bpmn
files in Camunda Modeler (the generator is not part of the build)."""
from xml.sax.saxutils import escape

SIZES = {"task": (100, 80), "event": (36, 36), "gateway": (50, 50)}


class Diagram:
    def __init__(self, pid, name, doc, version, extra_attrs=""):
        self.pid, self.name, self.doc, self.version, self.extra = pid, name, doc, version, extra_attrs
        self.nodes, self.flows, self.boundaries, self.messages, self.errors, self.subs = [], [], [], [], [], []
        self.pos = {}

    def node(self, nid, tag, name, doc, x, y, kind=None, attrs="", inner="", ext=""):
        kind = kind or ("event" if "Event" in tag else "gateway" if "Gateway" in tag else "task")
        w, h = SIZES[kind]
        self.pos[nid] = (x, y, w, h)
        self.nodes.append(dict(id=nid, tag=tag, name=name, doc=doc, attrs=attrs, inner=inner, ext=ext))
        return nid

    def boundary(self, nid, attached, name, doc, side_x, inner, attrs=""):
        x, y, w, h = self.pos[attached]
        self.pos[nid] = (x + side_x, y + h - 18, 36, 36)
        self.boundaries.append(dict(id=nid, attached=attached, name=name, doc=doc, inner=inner, attrs=attrs))

    def flow(self, fid, src, tgt, name=None, cond=None, doc=None, points=None):
        self.flows.append(dict(id=fid, src=src, tgt=tgt, name=name, cond=cond, doc=doc, points=points))

    def center(self, nid):
        x, y, w, h = self.pos[nid]
        return x + w / 2, y + h / 2

    def auto_points(self, src, tgt):
        sx, sy, sw, sh = self.pos[src]
        tx, ty, tw, th = self.pos[tgt]
        scx, scy = sx + sw / 2, sy + sh / 2
        tcx, tcy = tx + tw / 2, ty + th / 2
        if abs(scy - tcy) < 1:
            return [(sx + sw, scy), (tx, tcy)]
        if tcy > scy:  # go down from the source's bottom, then right/left to the target
            if abs(scx - tcx) < 1:
                return [(scx, sy + sh), (tcx, ty)]
            return [(scx, sy + sh), (scx, tcy), (tx if tcx > scx else tx + tw, tcy)]
        if abs(scx - tcx) < 1:
            return [(scx, sy), (tcx, ty + th)]
        return [(scx, sy), (scx, tcy), (tx if tcx > scx else tx + tw, tcy)]

    def xml(self):
        out = ['<?xml version="1.0" encoding="UTF-8"?>',
               '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"'
               ' xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"'
               ' xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"'
               ' xmlns:camunda="http://camunda.org/schema/1.0/bpmn"'
               ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
               ' id="Definitions_%s" targetNamespace="http://health.kz/sanepid/sdu"'
               ' exporter="sanepid tools/bpmn_gen.py" exporterVersion="1.0">' % self.pid.replace("-", "_")]
        for mid, mname in self.messages:
            out.append('  <bpmn:message id="%s" name="%s" />' % (mid, mname))
        for eid, ename, code in self.errors:
            out.append('  <bpmn:error id="%s" name="%s" errorCode="%s" />' % (eid, ename, code))
        out.append('  <bpmn:process id="%s" name="%s" isExecutable="true" camunda:versionTag="%s"'
                   ' camunda:historyTimeToLive="P180D"%s>' % (self.pid, escape(self.name), self.version, self.extra))
        out.append('    <bpmn:documentation>%s</bpmn:documentation>' % escape(self.doc))
        inc = {}
        outg = {}
        for f in self.flows:
            outg.setdefault(f["src"], []).append(f["id"])
            inc.setdefault(f["tgt"], []).append(f["id"])
        sub_members = set()
        for s in self.subs:
            sub_members.update(s["members"])

        def emit(n, indent):
            attrs = ' id="%s"' % n["id"]
            if n["name"]:
                attrs += ' name="%s"' % escape(n["name"], {'"': "&quot;"})
            if n.get("attached"):
                attrs += ' attachedToRef="%s"' % n["attached"]
            attrs += n["attrs"]
            out.append('%s<bpmn:%s%s>' % (indent, n["tag"], attrs))
            out.append('%s  <bpmn:documentation>%s</bpmn:documentation>' % (indent, escape(n["doc"])))
            if n.get("ext"):
                out.append('%s  <bpmn:extensionElements>%s</bpmn:extensionElements>' % (indent, n["ext"]))
            for fid in inc.get(n["id"], []):
                out.append('%s  <bpmn:incoming>%s</bpmn:incoming>' % (indent, fid))
            for fid in outg.get(n["id"], []):
                out.append('%s  <bpmn:outgoing>%s</bpmn:outgoing>' % (indent, fid))
            if n["inner"]:
                out.append('%s  %s' % (indent, n["inner"]))
            out.append('%s</bpmn:%s>' % (indent, n["tag"]))

        def emit_flow(f, indent):
            attrs = ' id="%s" sourceRef="%s" targetRef="%s"' % (f["id"], f["src"], f["tgt"])
            if f["name"]:
                attrs += ' name="%s"' % escape(f["name"], {'"': "&quot;"})
            body = ""
            if f["doc"]:
                body += '<bpmn:documentation>%s</bpmn:documentation>' % escape(f["doc"])
            if f["cond"]:
                body += '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">%s</bpmn:conditionExpression>' % escape(f["cond"])
            if body:
                out.append('%s<bpmn:sequenceFlow%s>%s</bpmn:sequenceFlow>' % (indent, attrs, body))
            else:
                out.append('%s<bpmn:sequenceFlow%s />' % (indent, attrs))

        for n in self.nodes:
            if n["id"] not in sub_members:
                emit(n, "    ")
        for b in self.boundaries:
            emit(dict(tag="boundaryEvent", **b), "    ")
        for f in self.flows:
            if f["src"] not in sub_members:
                emit_flow(f, "    ")
        for s in self.subs:
            out.append('    <bpmn:subProcess id="%s" name="%s" triggeredByEvent="true">' % (s["id"], escape(s["name"])))
            out.append('      <bpmn:documentation>%s</bpmn:documentation>' % escape(s["doc"]))
            for n in self.nodes:
                if n["id"] in s["members"]:
                    emit(n, "      ")
            for f in self.flows:
                if f["src"] in s["members"]:
                    emit_flow(f, "      ")
            out.append('    </bpmn:subProcess>')
        out.append('  </bpmn:process>')
        out.append('  <bpmndi:BPMNDiagram id="BPMNDiagram_1">')
        out.append('    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="%s">' % self.pid)
        for s in self.subs:
            x, y, w, h = s["bounds"]
            out.append('      <bpmndi:BPMNShape id="%s_di" bpmnElement="%s" isExpanded="true">'
                       '<dc:Bounds x="%d" y="%d" width="%d" height="%d" /></bpmndi:BPMNShape>' % (s["id"], s["id"], x, y, w, h))
        for n in self.nodes + self.boundaries:
            x, y, w, h = self.pos[n["id"]]
            extra = ' isMarkerVisible="true"' if n.get("tag") == "exclusiveGateway" else ""
            label = ""
            if (n.get("tag") or "boundaryEvent").endswith(("Event", "Gateway")) or "attached" in n:
                label = '<bpmndi:BPMNLabel><dc:Bounds x="%d" y="%d" width="%d" height="40" /></bpmndi:BPMNLabel>' % (
                    x + w / 2 - 50, y + h + 4, 100)
            out.append('      <bpmndi:BPMNShape id="%s_di" bpmnElement="%s"%s><dc:Bounds x="%d" y="%d" width="%d"'
                       ' height="%d" />%s</bpmndi:BPMNShape>' % (n["id"], n["id"], extra, x, y, w, h, label))
        for f in self.flows:
            pts = f["points"] or self.auto_points(f["src"], f["tgt"])
            wps = "".join('<di:waypoint x="%d" y="%d" />' % p for p in pts)
            label = ""
            if f["name"]:
                mx, my = pts[len(pts) // 2 - 1] if len(pts) > 2 else pts[0]
                label = '<bpmndi:BPMNLabel><dc:Bounds x="%d" y="%d" width="90" height="27" /></bpmndi:BPMNLabel>' % (mx + 5, my - 30)
            out.append('      <bpmndi:BPMNEdge id="%s_di" bpmnElement="%s">%s%s</bpmndi:BPMNEdge>' % (f["id"], f["id"], wps, label))
        out.append('    </bpmndi:BPMNPlane>')
        out.append('  </bpmndi:BPMNDiagram>')
        out.append('</bpmn:definitions>')
        return "\n".join(out) + "\n"

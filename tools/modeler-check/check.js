// Bundled by check.sh (esbuild) and run in headless Chromium: opens each diagram the way Camunda Modeler 5 does
// for Camunda 7 (bpmn-js Modeler + camunda-bpmn-moddle + camunda-platform behaviors + bpmn-js-element-templates)
// and writes a JSON result into <pre id="result"> for check.sh to read from the dumped DOM.
import Modeler from 'bpmn-js/lib/Modeler';
import { is, getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import CamundaPlatformBehaviors from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import { ElementTemplatesCoreModule } from 'bpmn-js-element-templates/core';

// Same states as the template panel's getTemplateState (not exported by the package).
function templateState(elementTemplates, bo) {
  const id = bo.get('camunda:modelerTemplate');
  const template = elementTemplates.get(bo);
  if (!template) return { type: 'UNKNOWN_TEMPLATE' };
  if (template.deprecated) return { type: 'DEPRECATED_TEMPLATE', template };
  const latest = elementTemplates.getLatest(id, { deprecated: true })[0];
  if (latest && latest !== template) return { type: 'OUTDATED_TEMPLATE', template, newer: latest.version };
  if (!elementTemplates.isCompatible(template)) return { type: 'INCOMPATIBLE_TEMPLATE', template };
  return { type: 'KNOWN_TEMPLATE', template };
}

function extensions(bo, type) {
  const ext = bo.get('extensionElements');
  return ext ? (ext.get('values') || []).filter(v => is(v, type)) : [];
}

function fixed(property) {
  return property.type === 'Hidden' || property.editable === false;
}

// Mismatches between a template's bindings and the element (the values Modeler would show / keep).
function bindingProblems(bo, template) {
  const problems = [];
  if (!(template.appliesTo || []).some(t => is(bo, t))) {
    problems.push(`template applies to ${template.appliesTo}, element is ${bo.$type}`);
  }
  for (const p of template.properties || []) {
    const b = p.binding;
    if (b.type === 'property') {
      const actual = bo.get(b.name);
      if (fixed(p) && 'value' in p && String(actual) !== String(p.value)) {
        problems.push(`${b.name} is ${JSON.stringify(actual)}, template fixes ${JSON.stringify(p.value)}`);
      }
    } else if (b.type === 'camunda:inputParameter') {
      const params = extensions(bo, 'camunda:InputOutput').flatMap(io => io.get('inputParameters') || []);
      const param = params.find(x => x.get('name') === b.name);
      if (!param) { problems.push(`input parameter ${b.name} missing`); continue; }
      const value = param.get('value');
      if (p.type === 'Dropdown' && !(p.choices || []).some(c => c.value === value)) {
        problems.push(`input parameter ${b.name}=${JSON.stringify(value)} is not one of the template's choices`);
      } else if (fixed(p) && 'value' in p && value !== p.value) {
        problems.push(`input parameter ${b.name}=${JSON.stringify(value)}, template fixes ${JSON.stringify(p.value)}`);
      }
    } else if (b.type === 'camunda:executionListener') {
      const impl = b.implementationType || 'class';
      const listeners = extensions(bo, 'camunda:ExecutionListener').filter(l => l.get('event') === b.event);
      const ok = listeners.some(l => impl === 'script'
        ? l.get('script') && l.get('script').get('scriptFormat') === b.scriptFormat && l.get('script').get('value') === p.value
        : l.get(impl) === p.value);
      if (!ok) problems.push(`no ${b.event} execution listener with ${impl} ${JSON.stringify(p.value)}`);
    } else {
      problems.push(`binding type ${b.type} not checked by tools/modeler-check`);
    }
  }
  return problems;
}

function labelFit(modeler, element) {
  const gfx = modeler.get('elementRegistry').getGraphics(element);
  const visual = gfx && gfx.querySelector('.djs-visual');
  const text = visual && visual.querySelector('text.djs-label');
  const shape = visual && visual.querySelector('rect');
  if (!text || !shape || !text.textContent.trim()) return null;
  const scale = modeler.get('canvas').viewbox().scale;
  const t = text.getBoundingClientRect(), s = shape.getBoundingClientRect();
  const over = {
    left: (s.left - t.left) / scale, right: (t.right - s.right) / scale,
    top: (s.top - t.top) / scale, bottom: (t.bottom - s.bottom) / scale
  };
  const worst = Math.max(over.left, over.right, over.top, over.bottom);
  return { worst, over, textWidth: t.width / scale, textHeight: t.height / scale, lines: text.querySelectorAll('tspan').length };
}

async function checkDiagram(name, xml, templates) {
  const out = { diagram: name, warnings: [], templateErrors: [], templates: [], labels: [], templatedCount: 0, labelCount: 0 };
  const container = document.createElement('div');
  container.style.cssText = 'width:1600px;height:900px';
  document.body.appendChild(container);
  const modeler = new Modeler({
    container,
    moddleExtensions: { camunda: camundaModdle },
    additionalModules: [CamundaPlatformBehaviors, ElementTemplatesCoreModule]
  });
  const eventBus = modeler.get('eventBus');
  eventBus.on('elementTemplates.errors', e => out.templateErrors.push(...e.errors.map(String)));
  modeler.get('elementTemplatesLoader').setTemplates(templates);
  try {
    const { warnings } = await modeler.importXML(xml);
    out.warnings = warnings.map(w => String(w.message || w));
  } catch (e) {
    out.warnings.push('import failed: ' + (e.message || e));
    return out;
  }
  const elementTemplates = modeler.get('elementTemplates');
  const registry = modeler.get('elementRegistry');
  const bos = new Set();
  for (const element of registry.getAll()) {
    const bo = getBusinessObject(element);
    if (bo) bos.add(bo);
    if (is(element, 'bpmn:Participant') && bo.get('processRef')) bos.add(bo.get('processRef'));
  }
  for (const bo of bos) {
    const id = bo.get('camunda:modelerTemplate');
    if (!id) continue;
    out.templatedCount++;
    const version = bo.get('camunda:modelerTemplateVersion');
    const state = templateState(elementTemplates, bo);
    const problems = state.type === 'KNOWN_TEMPLATE' ? bindingProblems(bo, state.template)
      : [`${state.type} (${id} v${version}${state.newer ? ', newest v' + state.newer : ''})`];
    if (state.template && (state.template.id !== id || state.template.version !== version)) {
      problems.push(`applied template is ${state.template.id} v${state.template.version}`);
    }
    if (problems.length) out.templates.push({ id: bo.id, template: id, version, problems });
  }
  for (const element of registry.getAll()) {
    if (element.type === 'label' || element.waypoints || !is(element, 'bpmn:Activity')) continue;
    const fit = labelFit(modeler, element);
    if (!fit) continue;
    out.labelCount++;
    if (fit.worst > 0.5) {
      out.labels.push({ id: element.id, type: element.type, width: element.width, height: element.height, ...fit });
    }
  }
  modeler.destroy();
  container.remove();
  return out;
}

window.runModelerCheck = async function(diagrams, templates) {
  const result = document.getElementById('result');
  try {
    const results = [];
    for (const d of diagrams) results.push(await checkDiagram(d.name, d.xml, templates));
    result.textContent = JSON.stringify({ done: true, results });
  } catch (e) {
    result.textContent = JSON.stringify({ done: false, error: String(e && e.stack || e) });
  }
};

// Validates every element-templates/*.json against the Camunda 7 element-templates schema, as Camunda Modeler does
// when it loads them; prints each error with its file and exits non-zero on any.
import { validate } from '@bpmn-io/element-templates-validator';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../../element-templates');
let failed = 0;
const files = fs.readdirSync(dir).filter(f => f.endsWith('.json')).sort();
for (const file of files) {
  const result = validate(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  if (!result.valid) {
    failed++;
    for (const error of result.errors) {
      console.error(`${file}: ${error.message} (${error.dataPath ?? error.instancePath ?? ''})`);
    }
  }
}
if (failed) {
  console.error(`element templates: ${failed} of ${files.length} invalid`);
  process.exit(1);
}
console.log(`element templates: ${files.length} valid`);

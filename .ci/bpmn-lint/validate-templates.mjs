// Validates every element template for Camunda Modeler (docs/modeler/element-templates/*.json) against
// @camunda/element-templates-json-schema, the schema Camunda Modeler checks templates with when it loads them.
import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const dir = process.argv[2];
let problems = 0;
const files = fs.readdirSync(dir).filter(f => f.endsWith('.json')).sort();
if (files.length === 0) {
  console.log(`${dir}: no element templates`);
  process.exit(1);
}
for (const file of files) {
  let template;
  try {
    template = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  } catch (unparsable) {
    problems++;
    console.log(`${file}: ${unparsable.message}`);
    continue;
  }
  const errors = validate(template) ? [] : validate.errors;
  for (const e of errors) {
    problems++;
    console.log(`${file}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
  console.log(`${file}: ${errors.length} schema error(s)`);
}
process.exit(problems === 0 ? 0 : 1);

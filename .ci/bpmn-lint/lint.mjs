import { Linter } from '@camunda/linting';
import fs from 'node:fs';
import path from 'node:path';

// @camunda/linting ships ES modules without file extensions, so this script is bundled with esbuild first.
const dir = process.argv[2];
const linter = new Linter({ modeler: 'desktop', type: 'platform' });
let problems = 0;
for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.bpmn')).sort()) {
  const xml = fs.readFileSync(path.join(dir, file), 'utf8');
  const reports = await linter.lint(xml);
  for (const r of reports) {
    problems++;
    console.log(`${file}: ${r.category} ${r.id} [${r.rule}] ${r.message}`);
  }
  console.log(`${file}: ${reports.length} report(s)`);
}
process.exit(problems === 0 ? 0 : 1);

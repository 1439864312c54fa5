import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { configSchemaText, rulesDoc, withRulesTable } from './docs';

const root = join(__dirname, '..', '..');
writeFileSync(join(root, 'docs', 'rules.md'), rulesDoc());
writeFileSync(join(root, 'schemas', 'starcoach.schema.json'), configSchemaText());
const readmePath = join(root, 'README.md');
writeFileSync(readmePath, withRulesTable(readFileSync(readmePath, 'utf8')));
console.log('Wrote docs/rules.md, schemas/starcoach.schema.json and the README rules table.');

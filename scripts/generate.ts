import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { configSchemaText, rulesDoc, snippetsText, withRulesTable } from './docs';

const root = join(__dirname, '..', '..');
writeFileSync(join(root, 'docs', 'rules.md'), rulesDoc());
writeFileSync(join(root, 'schemas', 'starcoach.schema.json'), configSchemaText());
writeFileSync(join(root, 'snippets', 'star.code-snippets'), snippetsText());
const readmePath = join(root, 'README.md');
writeFileSync(readmePath, withRulesTable(readFileSync(readmePath, 'utf8')));
console.log('Wrote docs/rules.md, schemas/starcoach.schema.json, snippets/star.code-snippets and the README rules table.');

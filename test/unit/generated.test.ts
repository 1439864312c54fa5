import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { configSchemaText, rulesDoc, withRulesTable } from '../../scripts/docs';
import { RULES } from '../../src/core/rules';
import { ROOT } from './helpers';

describe('generated documents are current (run `npm run generate` when this fails)', () => {
  const read = (...parts: string[]) => readFileSync(join(ROOT, ...parts), 'utf8');

  it('docs/rules.md', () => assert.strictEqual(read('docs', 'rules.md'), rulesDoc()));
  it('schemas/starcoach.schema.json', () => assert.strictEqual(read('schemas', 'starcoach.schema.json'), configSchemaText()));
  it('the rules in the starCoach.rules setting', () => {
    const setting = JSON.parse(read('package.json')).contributes.configuration.properties['starCoach.rules'];
    assert.deepStrictEqual(Object.keys(setting.properties), RULES.map((rule) => rule.id));
  });
  it('the README rules table', () => {
    const readme = read('README.md');
    assert.strictEqual(readme, withRulesTable(readme));
  });
});

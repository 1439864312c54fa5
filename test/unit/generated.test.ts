import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { configSchemaText, rulesDoc, withRulesTable } from '../../scripts/docs';
import { formatSarif } from '../../src/core/format/sarif';
import { RULE_DOCS_FILE, ruleDocLine } from '../../src/core/format/rulesDoc';
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

  it('every rule links to its own heading of the docs, in the editor and in SARIF', () => {
    const lines = read(...RULE_DOCS_FILE.split('/')).split('\n');
    const sarifRules = JSON.parse(formatSarif([], '0.0.0')).runs[0].tool.driver.rules as Array<{ id: string; helpUri: string }>;
    for (const rule of RULES) {
      assert.strictEqual(lines[ruleDocLine(rule.id)! - 1], `## ${rule.id}`, rule.id);
      assert.ok(sarifRules.find((r) => r.id === rule.id)?.helpUri.endsWith(`/${RULE_DOCS_FILE}#${rule.id}`), rule.id);
    }
  });

  it('every rule option with an editor setting has that setting, with the same default and bounds', () => {
    const settings = JSON.parse(read('package.json')).contributes.configuration.properties;
    const withSetting = RULES.flatMap((rule) => Object.values(rule.options ?? {})).filter((spec) => spec.editorSetting);
    assert.ok(withSetting.length > 0);
    for (const spec of withSetting) {
      const setting = settings[`starCoach.${spec.editorSetting}`];
      assert.ok(setting, `starCoach.${spec.editorSetting}`);
      assert.deepStrictEqual([setting.default, setting.minimum, setting.maximum, setting.type], [spec.default, spec.min, spec.max, spec.integer ? 'integer' : 'number']);
    }
  });
});

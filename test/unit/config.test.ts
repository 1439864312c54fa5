import * as assert from 'assert';
import { configJsonSchema, readConfigText, resolveConfig } from '../../src/core/config';
import { lintText } from '../../src/core/engine';
import { readFixture } from './helpers';

describe('configuration', () => {
  it('defaults to 150 words a minute, 3 stories per LP, each rule at its default severity', () => {
    const config = resolveConfig();
    assert.strictEqual(config.wordsPerMinute, 150);
    assert.strictEqual(config.storiesPerLp, 3);
    assert.deepStrictEqual(config.rules.get('too-long'), { severity: 'information', options: { maxMinutes: 3, shortMaxMinutes: 2 } });
  });

  it('turns rules off, changes severity and options from YAML', () => {
    const result = readConfigText('rules:\n  unknown-lp: off\n  blame-language: error\n  vague-claim: false\n  too-long: { maxMinutes: 4 }\n', '.starcoach.yaml');
    assert.ok(result.ok);
    assert.strictEqual(result.config.rules.get('unknown-lp')?.severity, 'off');
    assert.strictEqual(result.config.rules.get('blame-language')?.severity, 'error');
    assert.strictEqual(result.config.rules.get('vague-claim')?.severity, 'off');
    assert.deepStrictEqual(result.config.rules.get('too-long')?.options, { maxMinutes: 4, shortMaxMinutes: 2 });
    const findings = lintText(readFixture('rules', 'blame-language.star.md'), result.config).findings;
    assert.ok(findings.every((f) => f.severity === 'error'));
    assert.deepStrictEqual(lintText(readFixture('rules', 'unknown-lp.star.md'), result.config).findings, []);
  });

  it('reads JSON too', () => {
    const result = readConfigText('{"wordsPerMinute": 120, "rules": {"situation-heavy": {"severity": "warning", "maxSetupShare": 0.5}}}', '.starcoach.json');
    assert.ok(result.ok);
    assert.strictEqual(result.config.wordsPerMinute, 120);
    assert.deepStrictEqual(result.config.rules.get('situation-heavy'), { severity: 'warning', options: { maxSetupShare: 0.5, minActionShare: 0.4, minWords: 80 } });
  });

  it('explains bad files instead of throwing', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['rules: [unclosed', '.starcoach.yaml', /not valid YAML/],
      ['{"rules": ', '.starcoach.json', /not valid JSON/],
      ['rules:\n  no-such-rule: off\n', '.starcoach.yaml', /rules: .*no-such-rule/],
      ['wordsPerMinute: fast\n', '.starcoach.yaml', /wordsPerMinute/],
      ['rules:\n  too-long: { maxMinuets: 4 }\n', '.starcoach.yaml', /maxMinuets/],
    ];
    for (const [text, name, message] of cases) {
      const result = readConfigText(text, name);
      assert.ok(!result.ok, text);
      assert.match(result.message, message);
    }
  });

  it('generates a JSON schema that names every rule and its options', () => {
    const schema = configJsonSchema() as { properties: { rules: { properties: Record<string, unknown> } } };
    assert.ok('too-long' in schema.properties.rules.properties);
    assert.match(JSON.stringify(schema.properties.rules.properties['too-long']), /maxMinutes/);
  });
});

import * as assert from 'assert';
import * as z from 'zod/mini';
import { configJsonSchema, MAX_CONFIG_CHARS, readConfigText, resolveConfig } from '../../src/core/config';
import { lintText } from '../../src/core/engine';
import { readFixture, ROOT } from './helpers';
import { readFileSync } from 'fs';
import { join } from 'path';

/** The message of a config text that must be refused. */
function refusal(text: string, name = '.starcoach.yaml'): string {
  const result = readConfigText(text, name);
  assert.ok(!result.ok, `accepted: ${text.slice(0, 80)}`);
  return result.message;
}

/** Every number schema in a JSON schema, with its path. */
function numbers(schema: unknown, at = ''): Array<{ at: string; schema: Record<string, unknown> }> {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const own = node.type === 'number' || node.type === 'integer' ? [{ at, schema: node }] : [];
  return [...own, ...Object.entries(node).flatMap(([key, value]) => numbers(value, `${at}/${key}`))];
}

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
    assert.deepStrictEqual(result.config.rules.get('situation-heavy'), { severity: 'warning', options: { maxSetupShare: 0.5, minActionShare: 0.3, minWords: 40 } });
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

  it('bounds every number: a pace of 1e-320 words a minute, 0 stories, 100 minutes are refused, saying the range', () => {
    assert.match(refusal('wordsPerMinute: 1e-320\n'), /^\.starcoach\.yaml: wordsPerMinute: must be from 60 to 400 words a minute, not 1e-320$/);
    assert.match(refusal('wordsPerMinute: .inf\n'), /wordsPerMinute: .*Infinity/);
    assert.match(refusal('{"storiesPerLp": 0}', '.starcoach.json'), /storiesPerLp: must be from 1 to 20 stories, not 0/);
    assert.match(refusal('rules:\n  too-long: { maxMinutes: 100 }\n'), /rules\.too-long\.maxMinutes: must be from 0\.5 to 60 minutes, not 100/);
    assert.match(refusal('rules:\n  too-long: { shortMaxMinutes: 0.01 }\n'), /shortMaxMinutes: must be from 0\.5 to 60 minutes/);
    assert.match(refusal('rules:\n  situation-heavy: { minWords: 1e9 }\n'), /minWords: must be from 0 to 5000 words/);
    assert.match(refusal('rules:\n  too-many-lps: { max: 0 }\n'), /too-many-lps\.max: must be from 1 to 16/);
    assert.match(refusal('rules:\n  too-long: 7\n'), /rules\.too-long: must be true, false, one of off, error/);
    assert.throws(() => resolveConfig({ wordsPerMinute: 1e-320 }), z.core.$ZodError, 'resolveConfig throws by design');
    const edge = readConfigText('wordsPerMinute: 60\nstoriesPerLp: 20\nrules:\n  too-long: { maxMinutes: 60, shortMaxMinutes: 0.5 }\n', '.starcoach.yaml');
    assert.ok(edge.ok, 'the bounds themselves are allowed');
    // The slowest pace allowed still gives a finite estimate (1e-320 gave "About Infinity minutes").
    const slowest = readConfigText('wordsPerMinute: 60\nrules:\n  too-long: { maxMinutes: 0.5 }\n', '.starcoach.yaml');
    assert.ok(slowest.ok);
    const story = `---\ntitle: T\nlps: [Ownership]\n---\n## Situation\n${'word '.repeat(120)}\n## Task\nT.\n## Action\nI did.\n## Result\nDone.\n`;
    const tooLong = lintText(story, slowest.config).findings.find((f) => f.ruleId === 'too-long');
    assert.match(tooLong?.message ?? '', /^About 2\.1 minutes to tell \(124 words at 60 a minute\); aim for 0\.5\./);
  });

  it('has a minimum and a maximum for every number in the config schema, as the VS Code settings do', () => {
    const found = numbers(configJsonSchema());
    assert.ok(found.length >= 8, `${found.length} numbers`);
    for (const { at, schema } of found) {
      assert.ok(typeof schema.minimum === 'number' || typeof schema.exclusiveMinimum === 'number', `${at} has no minimum`);
      assert.ok(typeof schema.maximum === 'number' || typeof schema.exclusiveMaximum === 'number', `${at} has no maximum`);
    }
    const settings = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes.configuration.properties as Record<string, { minimum?: number; maximum?: number }>;
    const schema = configJsonSchema() as { properties: Record<string, { minimum: number; maximum: number }> & { rules: { properties: Record<string, { anyOf: Array<{ properties?: Record<string, { minimum: number; maximum: number }> }> }> } } };
    const tooLong = schema.properties.rules.properties['too-long'].anyOf[2].properties!;
    const pairs: Array<[string, { minimum: number; maximum: number }]> = [
      ['starCoach.wordsPerMinute', schema.properties.wordsPerMinute],
      ['starCoach.storiesPerLp', schema.properties.storiesPerLp],
      ['starCoach.maxMinutes', tooLong.maxMinutes],
      ['starCoach.shortMaxMinutes', tooLong.shortMaxMinutes],
    ];
    for (const [setting, number] of pairs) assert.deepStrictEqual([settings[setting].minimum, settings[setting].maximum], [number.minimum, number.maximum], setting);
  });

  it('refuses a huge config before parsing it, quickly: 40,000 keys, too many lines, too large', () => {
    const started = Date.now();
    const keys = Array.from({ length: 40000 }, (_, i) => `k${i}: 1`);
    assert.match(refusal(keys.join('\n')), /too large for a config file \(the limit is 64 KB\)/);
    assert.match(refusal(keys.slice(0, 5000).join('\n')), /has 5000 lines, too many for a config file \(the limit is 2000\)/);
    assert.match(refusal(`{${keys.slice(0, 5000).join(', ')}}`), /has room for 9999 keys or list items, too many/);
    assert.match(refusal(`{${keys.slice(0, 5000).map((k) => `"${k.replace(': ', '": ')}`).join(', ')}}`, '.starcoach.json'), /too many for a config file/);
    assert.match(refusal(`# ${'x'.repeat(MAX_CONFIG_CHARS)}\n`), /too large/);
    assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
  });

  it('names a few unknown keys at most, and counts the rest', () => {
    const message = refusal(Array.from({ length: 40 }, (_, i) => `key${i}: 1`).join('\n'));
    assert.strictEqual(message, '.starcoach.yaml: top level: unknown keys key0, key1, key2, key3, key4 and 35 more');
    assert.strictEqual(refusal('rules:\n  no-such-rule: off\n'), '.starcoach.yaml: rules: unknown key no-such-rule');
  });

  it('turns any YAML trouble into a message: unresolved aliases, alias bombs, cycles, documents of the wrong shape', () => {
    assert.match(refusal('x: *nowhere\n'), /not valid YAML: Unresolved alias .*nowhere/);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) bomb.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(', ')}]`);
    const started = Date.now();
    assert.match(refusal(bomb.join('\n')), /not valid YAML: Excessive alias count/);
    assert.ok(Date.now() - started < 2000);
    assert.match(refusal('rules: &r\n  too-long: *r\n'), /rules\.too-long/);
    assert.match(refusal('a: &a [*a]\n'), /unknown key a/);
    assert.match(refusal('- 1\n- 2\n'), /top level: .*expected object/);
    assert.match(refusal('a: 1\na: 2\n'), /not valid YAML: Map keys must be unique/);
    assert.match(refusal('[1, 2', '.starcoach.json'), /not valid JSON/);
    const empty = readConfigText('', '.starcoach.yaml');
    assert.ok(empty.ok && empty.config.wordsPerMinute === 150, 'an empty file is the defaults');
  });
});


/**
 * The programmatic API (dist/api.js): the same findings as `star-coach lint --format json`.
 */
import { lintChunks, lintText as lintStoryText, lintTexts } from './core/engine';
import { DEFAULT_CONFIG, resolveConfig, type ConfigInput } from './core/config';
import { toJsonFinding, type JsonFinding } from './core/format/json';
import { CoverageIndex, summarize } from './core/coverage';

export type { JsonFinding } from './core/format/json';
export { CoverageIndex, summarize } from './core/coverage';
export { parseStory } from './core/parse/story';
export { allLps, findLp } from './core/catalog';
export { RULES } from './core/rules';

/** Lints one story's text; `fileName` goes into each finding's `file`. */
export function lintText(text: string, fileName = '<text>', config?: ConfigInput): JsonFinding[] {
  const resolved = config ? resolveConfig(config) : DEFAULT_CONFIG;
  return lintStoryText(text, resolved).findings.map((finding) => toJsonFinding(fileName, finding));
}

/** Lints and indexes many stories at once: the findings of each, and the LP coverage of all. */
export function lintBank(files: Iterable<{ fileName: string; text: string }>, config?: ConfigInput) {
  const resolved = config ? resolveConfig(config) : DEFAULT_CONFIG;
  const index = new CoverageIndex();
  const findings: JsonFinding[] = [];
  // In chunks, each linted rule by rule (see lintTexts).
  for (const chunk of lintChunks(files)) {
    lintTexts(chunk.map((file) => file.text), resolved).forEach((result, i) => {
      const { fileName } = chunk[i];
      index.upsert(summarize(fileName, result.story, result.findings));
      for (const finding of result.findings) findings.push(toJsonFinding(fileName, finding));
    });
  }
  return { findings, coverage: index.coverage(resolved.storiesPerLp), readiness: index.readiness(resolved.storiesPerLp) };
}

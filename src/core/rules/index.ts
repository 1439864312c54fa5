import { blameLanguage } from './blameLanguage';
import { failureWithoutLearning } from './failureWithoutLearning';
import { invalidFrontMatter } from './invalidFrontMatter';
import { missingPersonalRole } from './missingPersonalRole';
import { missingSection } from './missingSection';
import type { Rule } from './rule';
import { scopeBelowLevel } from './scopeBelowLevel';
import { situationHeavy } from './situationHeavy';
import { staleStory } from './staleStory';
import { tooLong } from './tooLong';
import { tooManyLps } from './tooManyLps';
import { unknownLp } from './unknownLp';
import { unknownRuleId } from './unknownRuleId';
import { unquantifiedResult } from './unquantifiedResult';
import { vagueClaim } from './vagueClaim';

export type { Rule } from './rule';

/** Every rule, in the order the docs list them. */
export const RULES: readonly Rule[] = [
  invalidFrontMatter,
  missingSection,
  unknownLp,
  unquantifiedResult,
  missingPersonalRole,
  blameLanguage,
  failureWithoutLearning,
  tooLong,
  situationHeavy,
  vagueClaim,
  scopeBelowLevel,
  tooManyLps,
  unknownRuleId,
  staleStory,
] as Rule[];

import { allLps, type Lp } from './catalog';
import { storyTemplate } from './templates';

/** One story skeleton: what the user types (`prefix`), what the list says, and a snippet body. */
export interface StorySkeleton {
  prefix: string;
  description: string;
  /** In VS Code snippet syntax: `${1:title}` tab stops, with `$`, `}` and `\` escaped in prompts. */
  body: string;
}

/** A tab stop whose placeholder is the prompt, escaped for snippet syntax. */
const slot = (index: number, prompt: string) => `\${${index}:${prompt.replace(/[$}\\]/g, '\\$&')}}`;

function skeleton(prefix: string, description: string, lps: Lp[], level: 'L6' | 'L7'): StorySkeleton {
  return { prefix, description, body: storyTemplate({ title: 'Story title', lps, level, slot }).replace(/\n$/, '') };
}

/**
 * The STAR skeletons a new `.star.md` file offers: a generic one (`star`), and one per LP at L6
 * (`star-<lp-id>`) and at L7 (`star-<lp-id>-l7`), from the same template as New Story.
 */
export function storySkeletons(): StorySkeleton[] {
  const skeletons = [skeleton('star', 'A STAR story skeleton (L6)', [], 'L6')];
  for (const lp of allLps()) {
    skeletons.push(skeleton(`star-${lp.id}`, `${lp.name}, told at L6 (team scope)`, [lp], 'L6'));
    skeletons.push(skeleton(`star-${lp.id}-l7`, `${lp.name}, told at L7 (organisation scope)`, [lp], 'L7'));
  }
  return skeletons;
}

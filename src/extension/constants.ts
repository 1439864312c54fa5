/** Every id the extension contributes, in one place; package.json uses the same strings. */
export const EXTENSION_ID = 'star-coach.star-coach';
export const DIAGNOSTIC_SOURCE = 'star-coach';
/**
 * Every story, whatever the case of its name (`Story.STAR.MD` too): document selectors and file
 * watchers match globs case-sensitively, while `isStoryPath` does not.
 */
export const STORY_GLOB = '**/*.[sS][tT][aA][rR].[mM][dD]';
/** Stories are Markdown files named *.star.md: Markdown's own preview and editing keep working. */
export const STORY_SELECTOR = { language: 'markdown', pattern: STORY_GLOB } as const;

export const COMMANDS = {
  newStory: 'starCoach.newStory',
  fixAll: 'starCoach.fixAll',
  newStoryForLp: 'starCoach.newStoryForLp',
  groupStories: 'starCoach.groupStories',
  filterStories: 'starCoach.filterStories',
  aboutLps: 'starCoach.aboutLps',
  showExpectations: 'starCoach.showExpectations',
  showLoopPlan: 'starCoach.showLoopPlan',
  startMock: 'starCoach.startMock',
  revealMock: 'starCoach.revealMock',
  whichStory: 'starCoach.whichStory',
  drillStory: 'starCoach.drillStory',
  openLoopPlanSheet: 'starCoach.openLoopPlanSheet',
} as const;

export const SETTINGS = {
  section: 'starCoach',
  run: 'run',
  problemsScope: 'problemsScope',
  targetLevel: 'targetLevel',
  storiesPerLp: 'storiesPerLp',
  wordsPerMinute: 'wordsPerMinute',
  rules: 'rules',
  storiesFolder: 'storiesFolder',
  mockMinutes: 'mockMinutes',
} as const;


export { isStoryName as isStoryPath } from '../core/walk';

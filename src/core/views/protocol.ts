import * as z from 'zod/mini';
// Messages are checked, never shown: zod's English messages (core/validation.ts) are not needed in the pages.

/**
 * Messages between the Level Expectations webview and the extension, validated on both sides:
 * a webview is a browser page, so whatever it sends is untrusted until it parses.
 */
const page = z.string().check(z.maxLength(200));

export const toWebviewSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('show'), page, html: z.string() }),
]);

export const fromWebviewSchema = z.discriminatedUnion('type', [
  /** The page script is loaded; the extension answers with the page it means to show. */
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('navigate'), page }),
  z.strictObject({ type: z.literal('open-story'), story: z.string().check(z.maxLength(4096)) }),
  z.strictObject({ type: z.literal('new-story'), lp: page }),
  z.strictObject({ type: z.literal('mock'), lp: page }),
  /** The loop plan's cheat sheet as Markdown, in an editor. */
  z.strictObject({ type: z.literal('open-sheet') }),
  /** The page could not print itself (VS Code's webviews cannot): the extension opens it where it can. */
  z.strictObject({ type: z.literal('print') }),
  /** What the page shows after each render: lets tests read the real DOM of the real webview. */
  z.strictObject({
    type: z.literal('rendered'),
    page,
    storyTitles: z.array(z.string()),
    /** Elements no render of ours ever makes (img, script, iframe, object, javascript: links, on* attributes). */
    foreignElements: z.int(),
    /** Set by a payload that managed to run: always false unless an attack succeeded. */
    tampered: z.boolean(),
  }),
]);

/** The state a webview keeps across reloads (VS Code's setState), read back by the serializer. */
export const webviewStateSchema = z.strictObject({ page });

export type ToWebview = z.infer<typeof toWebviewSchema>;
export type FromWebview = z.infer<typeof fromWebviewSchema>;
export type RenderedReport = Extract<FromWebview, { type: 'rendered' }>;

/** The mock question view: the page by phase, and a tick each second for the countdown. */
export const toMockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('show'), page, html: z.string() }),
  z.strictObject({ type: z.literal('tick'), clock: z.string().check(z.maxLength(16)), progress: z.number() }),
]);

export const MOCK_ACTIONS = ['pause', 'resume', 'done', 'answered', 'next-follow-up', 'self-check', 'save-drill', 'another', 'cancel'] as const;

const storyId = z.string().check(z.maxLength(4096));
const shownTexts = z.array(z.string().check(z.maxLength(4000))).check(z.maxLength(200));

export const fromMockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('action'), action: z.enum(MOCK_ACTIONS) }),
  z.strictObject({ type: z.literal('open-story'), story: storyId }),
  /** The story the user told (null: another story, or none): the drill starts. */
  z.strictObject({ type: z.literal('tell'), story: z.nullable(storyId) }),
  z.strictObject({ type: z.literal('save'), checks: z.record(z.string().check(z.maxLength(40)), z.boolean()) }),
  /** What the page shows after each render, read from its DOM: the tests check what a user sees. */
  z.strictObject({
    type: z.literal('rendered'),
    page,
    storyTitles: shownTexts,
    /** Per listed story, its reasons as shown. */
    storyReasons: shownTexts,
    /** The follow-up questions shown, in order. */
    followUps: shownTexts,
    /** The prepared answers shown. */
    prepared: shownTexts,
  }),
]);

export type ToMock = z.infer<typeof toMockSchema>;
export type FromMock = z.infer<typeof fromMockSchema>;

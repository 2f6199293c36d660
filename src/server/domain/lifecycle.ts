import type { EntryStatus } from './model';

/** Actions that move a definition through draft → inReview → published → deprecated. */
export const TRANSITIONS = {
  submit: { from: ['draft'], to: 'inReview' },
  publish: { from: ['inReview'], to: 'published' },
  reject: { from: ['inReview'], to: 'draft' },
  deprecate: { from: ['published'], to: 'deprecated' },
} as const satisfies Record<string, { from: readonly EntryStatus[]; to: EntryStatus }>;

export type TransitionAction = keyof typeof TRANSITIONS;
export const TRANSITION_ACTIONS = Object.keys(TRANSITIONS) as TransitionAction[];

export const canTransition = (action: TransitionAction, status: EntryStatus): boolean =>
  (TRANSITIONS[action].from as readonly EntryStatus[]).includes(status);

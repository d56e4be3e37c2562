/** The keymap's reading actions as calls on the player. */
import type { Action } from '../../../shared/keymap';
import { RATE_DEFAULT, stepRate } from '../../../shared/rate';
import type { ReadingSession } from './ReadingSession';

const PLAYER_ACTIONS = [
  'togglePlay',
  'nextParagraph',
  'previousParagraph',
  'nextSentence',
  'previousSentence',
  'firstParagraph',
  'lastParagraph',
  'faster',
  'slower',
  'normalRate',
  'hearAsWritten',
] as const satisfies readonly Action[];
export type PlayerAction = (typeof PLAYER_ACTIONS)[number];

export function playerCommands(player: ReadingSession): Record<PlayerAction, () => void> {
  return {
    togglePlay: () => player.togglePlay(),
    nextParagraph: () => player.nextBlock(),
    previousParagraph: () => player.previousBlock(),
    nextSentence: () => player.nextSentence(),
    previousSentence: () => player.previousSentence(),
    // The beginning: the title when it is read, else the first paragraph.
    firstParagraph: () => player.goToBlock(player.firstIndex),
    lastParagraph: () => player.goToBlock(Number.MAX_SAFE_INTEGER),
    faster: () => player.setRate(stepRate(player.getState().rate, 1)),
    slower: () => player.setRate(stepRate(player.getState().rate, -1)),
    normalRate: () => player.setRate(RATE_DEFAULT),
    hearAsWritten: () => player.hearAsWritten(),
  };
}

export function isPlayerAction(action: Action): action is PlayerAction {
  return (PLAYER_ACTIONS as readonly Action[]).includes(action);
}

/** "about 12 min left", for the progress line and the "where am I" announcement. */
export function formatRemaining(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'less than a minute left';
  if (minutes < 60) return `about ${minutes} min left`;
  // A long book in hours: "about 25 hours 39 min left", not "about 1539 min left".
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `about ${hours} ${hours === 1 ? 'hour' : 'hours'}${rest ? ` ${rest} min` : ''} left`;
}

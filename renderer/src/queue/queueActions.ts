/** The queue's keys (Queue, next and previous article), carried out by the queue controller. */
import type { Action } from '../../../shared/keymap';
import type { QueueController } from './useQueue';

export const QUEUE_ACTIONS = ['showQueue', 'nextArticle', 'previousArticle'] as const;
export type QueueAction = (typeof QUEUE_ACTIONS)[number];

export function isQueueAction(action: Action): action is QueueAction {
  return (QUEUE_ACTIONS as readonly string[]).includes(action);
}

export function runQueueAction(queue: Pick<QueueController, 'show' | 'step'>, action: QueueAction): void {
  if (action === 'showQueue') queue.show();
  else void queue.step(action === 'nextArticle' ? 'next' : 'previous');
}

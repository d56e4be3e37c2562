/** The queue's keys (Queue, Add to queue, Play next, next and previous article), carried out by the queue controller. */
import type { Action } from '../../../shared/keymap';
import type { QueueController } from './useQueue';

export const QUEUE_ACTIONS = ['showQueue', 'addToQueue', 'playNext', 'nextArticle', 'previousArticle'] as const;
export type QueueAction = (typeof QUEUE_ACTIONS)[number];

export function isQueueAction(action: Action): action is QueueAction {
  return (QUEUE_ACTIONS as readonly string[]).includes(action);
}

/** `announce` says what Add to queue and Play next did (the Queue dialog, with its own status line, may be closed). */
export function runQueueAction(queue: Pick<QueueController, 'show' | 'step' | 'add' | 'currentId'>, action: QueueAction, announce: (message: string) => void): void {
  if (action === 'showQueue') return queue.show();
  if (action === 'addToQueue' || action === 'playNext') {
    if (!queue.currentId) return announce('No article is open to add to the queue.');
    void queue.add({ type: 'entry', id: queue.currentId }, action === 'addToQueue' ? 'end' : 'next').then(announce);
    return;
  }
  void queue.step(action === 'nextArticle' ? 'next' : 'previous');
}

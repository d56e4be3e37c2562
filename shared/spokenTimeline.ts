/**
 * A timeline timed on the spoken text, moved onto the displayed text: the step between synthesis
 * (which knows only what the engine said) and the reader (which highlights what is shown). Kept apart
 * from how word times are found, so either can change without the other.
 *
 * - Sentence i of the spoken timeline is displayed sentence i (SpokenText keeps them one to one).
 * - A spoken word maps to the displayed stretch it stands for: itself, or the whole of what a
 *   replacement replaced ("sequel" -> "SQL"; "link", "to", "example.com" -> the URL).
 * - Spoken words that map to the same or overlapping displayed stretch become one displayed word, from
 *   the first one's start to the last one's end, so a highlight never moves backwards or doubles.
 */
import type { SpokenText } from './spokenText.js';
import { toDisplayed } from './spokenText.js';
import type { SentenceTiming, Timeline, WordTiming } from './timeline.js';

export function timelineToDisplayed(timeline: Timeline, spoken: SpokenText): Timeline {
  const sentences: SentenceTiming[] = timeline.sentences.map((sentence, i) => {
    const displayed = spoken.sentences[i]?.displayed ?? toDisplayed(spoken, sentence.charStart, sentence.charEnd) ?? { start: 0, end: 0 };
    const words: WordTiming[] = [];
    for (const word of sentence.words) {
      const range = toDisplayed(spoken, word.charStart, word.charEnd);
      if (!range) continue;
      const charStart = Math.max(displayed.start, range.start);
      const charEnd = Math.min(displayed.end, range.end);
      if (charEnd <= charStart) continue;
      const previous = words.at(-1);
      if (previous && charStart < previous.charEnd) {
        previous.charEnd = Math.max(previous.charEnd, charEnd);
        previous.endMs = Math.max(previous.endMs, word.endMs);
        continue;
      }
      words.push({ charStart, charEnd, startMs: word.startMs, endMs: word.endMs });
    }
    return { charStart: displayed.start, charEnd: displayed.end, startMs: sentence.startMs, endMs: sentence.endMs, words };
  });
  return { durationMs: timeline.durationMs, sentences };
}

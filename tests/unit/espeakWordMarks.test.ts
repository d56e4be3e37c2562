import { describe, expect, it } from 'vitest';
import { wordMarksFromEvents, type EspeakWordEvent } from '../../main/speech/espeakWordMarks';

const event = (textPosition: number, length: number, audioMs: number): EspeakWordEvent => ({ textPosition, length, audioMs });
/** Each mark as the word of the text it is on and its time. */
const markedWords = (text: string, events: EspeakWordEvent[]) => wordMarksFromEvents(text, events, 'en').map((mark) => [text.slice(mark.charStart, mark.charEnd), mark.startMs]);

describe('espeak-ng word events as word marks', () => {
  it('gives one mark per word of the text, at its event, in UTF-16 offsets of the text', () => {
    // "Héllo wörld 😀 now": code points and UTF-16 units differ after the emoji (2 units, 1 code point).
    const text = 'Héllo wörld 😀 now';
    const marks = wordMarksFromEvents(text, [event(1, 5, 0), event(7, 5, 340), event(16, 3, 900)], 'en');
    expect(marks).toEqual([
      { charStart: 0, charEnd: 5, startMs: 0 },
      { charStart: 6, charEnd: 11, startMs: 340 },
      { charStart: 15, charEnd: 18, startMs: 900 },
    ]);
    expect(text.slice(15, 18)).toBe('now');
  });

  it('puts the several words espeak says for a number on that number, at the first', () => {
    const text = 'In 2024 the';
    expect(markedWords(text, [event(1, 2, 0), event(4, 4, 130), event(5, 4, 350), event(5, 4, 700), event(9, 3, 1200)])).toEqual([
      ['In', 0],
      ['2024', 130],
      ['the', 1200],
    ]);
  });

  it('gives a word the event of a symbol just before it ("$" is said after the digits, but its event comes first)', () => {
    const text = 'of $14 million';
    expect(markedWords(text, [event(1, 2, 0), event(4, 1, 200), event(5, 2, 420), event(8, 7, 900)])).toEqual([
      ['of', 0],
      ['14', 200],
      ['million', 900],
    ]);
  });

  it('places a word without an event between its neighbours by letters, and keeps times from going back', () => {
    const text = 'one two three four';
    const marks = wordMarksFromEvents(text, [event(1, 3, 0), event(15, 4, 800), event(9, 5, 700)], 'en');
    expect(marks.map((mark) => mark.startMs)).toEqual([0, 700 * (3 / 6), 700, 800]);
    const backwards = wordMarksFromEvents(text, [event(1, 3, 500), event(5, 3, 100), event(9, 5, 600), event(15, 4, 900)], 'en');
    expect(backwards.map((mark) => mark.startMs)).toEqual([500, 500, 600, 900]);
  });

  it('gives nothing without events or without words, and ignores events after the last word', () => {
    expect(wordMarksFromEvents('Hello there.', [], 'en')).toEqual([]);
    expect(wordMarksFromEvents('...', [event(1, 3, 0)], 'en')).toEqual([]);
    expect(wordMarksFromEvents('Hi.', [event(1, 2, 0), event(3, 1, 300)], 'en')).toEqual([{ charStart: 0, charEnd: 2, startMs: 0 }]);
  });
});

describe('espeak-ng events for symbols outside words', () => {
  it('starts no word at a symbol written after a word or standing alone ("12% from", "A & B")', () => {
    const text = 'up 12% from A & B';
    // "percent" (the "%") is said after "twelve"; "and" (the "&") between A and B.
    const events = [event(1, 2, 0), event(4, 2, 190), event(6, 1, 420), event(8, 4, 700), event(13, 1, 900), event(15, 1, 1000), event(17, 1, 1150)];
    expect(markedWords(text, events)).toEqual([
      ['up', 0],
      ['12', 190],
      ['from', 700],
      ['A', 900],
      ['B', 1150],
    ]);
  });
});

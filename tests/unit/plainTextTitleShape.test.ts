import { describe, expect, it } from 'vitest';
import { extractPlainText, isSeveralSentences } from '../../main/article/text/extractPlainText';

// Issue 26: on pages from another source, a page's first paragraph (a lede, or the whole body of a
// one-paragraph page) was taken for the headline when the text had no headline line: the title is not
// spoken, so the paragraph was never read. A headline is at most one sentence.
const chrome = ['Home | World | Business | Sport | Weather', 'Sign in', 'Share this page'];
const footer = ['Privacy policy | Terms of use | Contact us', '© 2025 Northern Evening Post. All rights reserved.'];

describe('a paragraph of several sentences is never the title (issue 26)', () => {
  const lede =
    'The river rose by two metres overnight. Farmers on the eastern bank moved their cattle to higher fields before dawn. By noon the old ferry landing was under water.';
  const body = [
    'Volunteers filled sandbags outside the village hall from six in the morning, and the council opened the school gymnasium for families who had to leave their homes.',
    'The water authority said the level would keep rising until Thursday, when the rain is expected to ease, and asked drivers to avoid the valley road.',
    'Older residents compared the flood with the one of 1998, when the bridge was closed for a month and the mill lost its harvest of grain.',
  ];
  const text = [...chrome, lede, ...body, ...footer].join('\n\n');

  it('reads the first paragraph and does not name the article by it', () => {
    const article = extractPlainText(text, 'flood.txt');
    expect(article.title).not.toBe(lede);
    const read = article.blocks.map((block) => block.text);
    expect(read).toContain(lede);
    for (const paragraph of body) expect(read).toContain(paragraph);
  });

  it('names a page by its short first line, not by the paragraph repeated under its labels', () => {
    // The shape of a layout test page: a name, then one paragraph under several labels.
    const paragraph =
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.';
    const page = ['Harbour layout check', paragraph, 'Single picture', paragraph, 'Single frame', 'Caption of the frame', paragraph, 'List of pictures', paragraph].join('\n\n');
    const article = extractPlainText(page, 'harbour.txt');
    expect(article.title).toBe('Harbour layout check');
  });

  it('tells several sentences from a headline that is a question or ends with a name', () => {
    expect(isSeveralSentences(lede)).toBe(true);
    expect(isSeveralSentences('Is the river about to rise again?')).toBe(false);
    expect(isSeveralSentences('Flood warning for the valley: what Mr. Hale told the council')).toBe(false);
    expect(isSeveralSentences('She said it twice. He listened.')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { extractPlainText } from '../../main/article/text/extractPlainText';

// Issue 26: on pages from another source the plain-text title was a breadcrumb trail that ends with the
// headline ("Mac & i > News > 2015 > KW 15 > Headline", "New York|Headline"), while the headline itself stood
// as a line of its own just after it.
const body = [
  'The county opened its first public seed library on Saturday, lending packets of beans, squash and tomatoes to anyone with a card.',
  'Borrowers are asked to let a few plants go to seed at the end of the summer and bring a share of the seeds back.',
  'Librarians said more than two hundred people signed up in the first hour, and the shelves were half empty by noon.',
  'The library plans to add flower seeds in the autumn and to hold a swap evening for gardeners in November.',
];
const chrome = ['Home', 'News', 'Sport', 'Culture', 'Subscribe', 'Sign in'];
const footer = ['Contact | Privacy | Terms', '© 2025 Valley Courier'];

describe('a trail ending with the headline is not the title (issue 26)', () => {
  for (const trail of ['Valley Courier > Local > 2025 > Seed library opens its doors', 'Local|Seed library opens its doors']) {
    it(`names the article by the headline's own line after "${trail}"`, () => {
      const text = [...chrome, trail, 'Seed library opens its doors', 'By Maria Olsen', ...body, ...footer].join('\n\n');
      expect(extractPlainText(text, 'seeds.txt').title).toBe('Seed library opens its doors');
    });
  }

  it('keeps a headline with a separator when no line of its own follows', () => {
    const text = [...chrome, 'Seed library | A new way to share the harvest', 'By Maria Olsen', ...body, ...footer].join('\n\n');
    expect(extractPlainText(text, 'seeds.txt').title).toBe('Seed library | A new way to share the harvest');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPlainText } from '../../main/article/text/extractPlainText';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'scraped');

interface Expected {
  title: string;
  byline: string;
  source?: string;
  paragraphs: number;
  notRead: string[];
}

describe.each(['scraped-blog', 'scraped-news'])('scraped fixture %s', (name) => {
  const text = readFileSync(join(FIXTURES, `${name}.txt`), 'utf8');
  const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as Expected;
  const article = extractPlainText(text, 'fallback');
  const read = article.blocks.map((block) => block.text).join('\n');

  it('finds the title, byline and source', () => {
    expect(article.title).toBe(expected.title);
    expect(article.byline).toBe(expected.byline);
    if (expected.source) expect(article.source).toBe(expected.source);
  });

  it('reads exactly the body paragraphs, in order', () => {
    expect(article.blocks).toHaveLength(expected.paragraphs);
    expect(article.blocks.every((block) => block.kind === 'paragraph')).toBe(true);
    const bodyLines = text.split('\n').filter((line) => line.length > 120 && !expected.notRead.some((phrase) => line.includes(phrase)));
    expect(article.blocks.map((block) => block.text)).toEqual(bodyLines.map((line) => line.trim()));
  });

  it('keeps page chrome, bios and attributions out of the reading', () => {
    for (const phrase of expected.notRead) expect(read).not.toContain(phrase);
    expect(read).not.toContain(expected.title);
  });

  it('lists every left-out line as a hidden block, in page order, where it stood and why', () => {
    const hidden = article.hidden ?? [];
    const lines = text.split('\n').map((line) => line.trim());
    // Each phrase not read is in a hidden block; hidden blocks follow the page's order.
    const found = expected.notRead.map((phrase) => hidden.findIndex((block) => block.text.includes(phrase)));
    expect(found.every((index) => index >= 0), JSON.stringify(hidden)).toBe(true);
    const lineOf = (hiddenText: string) => lines.findIndex((line) => line.includes(hiddenText));
    const order = hidden.map((block) => lineOf(block.text));
    expect(order.every((line) => line >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Position: the number of read paragraphs above it in the text.
    for (const block of hidden) {
      const above = lines.slice(0, lineOf(block.text)).filter((line) => article.blocks.some((read) => read.text === line)).length;
      expect(block.position, block.text).toBe(above);
    }
    const reasonOf = (phrase: string) => hidden.find((block) => block.text.includes(phrase))!.reason;
    const expectedReasons: Record<string, string> = {
      Subscribe: 'newsletter sign-up', 'Sign in': 'site menu', 'Posted by': 'byline', 'Read more:': 'related links', Advertisement: 'advertisement',
      'is a food writer': 'author bio', 'Leave a reply': 'comment section', 'Skip to main content': 'site menu', Menu: 'site menu',
      'Share this article': 'share buttons', 'Source:': 'source line', 'covers city government': 'author bio', 'Comments (14)': 'comment section',
    };
    for (const phrase of expected.notRead) expect(reasonOf(phrase), phrase).toBe(expectedReasons[phrase]);
    // The title is the title, not a hidden block.
    expect(hidden.some((block) => block.text === expected.title)).toBe(false);
  });
});

describe('plain text hidden blocks', () => {
  it('has no hidden list when nothing was left out', () => {
    expect(extractPlainText('A Title Line\n\nJust one paragraph of text.', 'x').hidden).toBeUndefined();
  });

  it('skips fragments without letters and repeats', () => {
    const article = extractPlainText('Title Here Now\n\nBody text one.\n\nAdvertisement\n\nBody text two.\n\nAdvertisement', 'x');
    expect(article.hidden).toEqual([{ kind: 'paragraph', text: 'Advertisement', position: 1, reason: 'advertisement' }]);
  });
});

describe('plain text and Markdown', () => {
  it('joins hard-wrapped lines into paragraphs', () => {
    const text = 'A Title Line\n\nThis paragraph was wrapped by an editor at a fixed\nwidth, so its lines continue each other and must be\njoined into one paragraph.\n\nA second paragraph.';
    const article = extractPlainText(text, 'x');
    expect(article.title).toBe('A Title Line');
    expect(article.blocks.map((b) => b.text)).toEqual([
      'This paragraph was wrapped by an editor at a fixed width, so its lines continue each other and must be joined into one paragraph.',
      'A second paragraph.',
    ]);
  });

  it('understands Markdown headings, lists and quotes', () => {
    const article = extractPlainText('# The Title\n\nIntro text here.\n\n## Part one\n\n- first point\n- second point\n\n> quoted words', 'x');
    expect(article.title).toBe('The Title');
    expect(article.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Intro text here.'],
      ['heading', 'Part one'],
      ['list-item', 'first point'],
      ['list-item', 'second point'],
      ['quote', 'quoted words'],
    ]);
  });

  it('uses the fallback title when the first line is a sentence', () => {
    const article = extractPlainText('This is just a sentence of text. And another one.', 'My notes');
    expect(article.title).toBe('My notes');
    expect(article.blocks).toHaveLength(1);
  });
});

describe('a short pasted note', () => {
  it('is named by its first line when that reads like a headline, and every paragraph is read', () => {
    const article = extractPlainText('A Pasted Story\n\nThe first paragraph of the pasted story.\n\nThe second paragraph.', 'x');
    expect(article.title).toBe('A Pasted Story');
    expect(article.blocks.map((block) => block.text)).toEqual(['The first paragraph of the pasted story.', 'The second paragraph.']);
  });
});

describe('a short text with no sign of page chrome (issue 26, case 4)', () => {
  // A headline and two to four short paragraphs, as people paste a note or a news item: each is read whole.
  const texts: Array<[string, string[]]> = [
    ['Winter tides', ['The sea rose over the low road twice in one week.', 'The council moved the car park to the hill.']],
    ['Bake sale raises funds', ['Pupils sold cakes and biscuits on Friday afternoon.', 'The stall raised enough money for a new set of books.']],
    ['A quiet start', ['It rained all night, and the garden finally looks green again.', 'I planted the beans in the afternoon.']],
    ['Library hours change', ['The reading room will open at nine from Monday.', 'Volunteers will run the front desk on Saturdays.', 'Staff said they would add chairs next month.']],
    ['Choir wins regional prize', ['The town choir took first place on Sunday.', '“We practised every evening,” said its leader.', 'They sing in the cathedral in May.', 'Tickets are free.']],
    ['Notes from the allotment', ['The frost came early this year!', 'Half of the squash did not survive it.']],
  ];
  for (const [headline, paragraphs] of texts) {
    it(`"${headline}": the headline is the title and every paragraph is read`, () => {
      const article = extractPlainText([headline, ...paragraphs].join('\n\n'), 'Pasted text');
      expect(article.title).toBe(headline);
      expect(article.blocks.map((block) => block.text)).toEqual(paragraphs);
      expect(article.hidden).toBeUndefined();
    });
  }

  it('keeps the same lines apart when the paragraphs are lines of one block', () => {
    const article = extractPlainText('Ferry timetable\nBoats will leave every forty minutes during the festival.\nThe last boat back departs at eleven.', 'x');
    expect(article.title).toBe('Ferry timetable');
    expect(article.blocks.map((block) => block.text)).toEqual(['Boats will leave every forty minutes during the festival.', 'The last boat back departs at eleven.']);
  });

  it('still leaves out what looks like a page: menus, share lines, links, repeated lines', () => {
    const text = [
      'Home',
      'News',
      'Sport',
      'Winter tides',
      'The sea rose over the low road twice in one week, and the harbour wall was closed to walkers.',
      'The council moved the car park to the hill, where it will stay until the spring repairs are done.',
      'Share this article',
      'Read more: www.example-news.com/tides',
      'Home',
    ].join('\n\n');
    const article = extractPlainText(text, 'x');
    const read = article.blocks.map((block) => block.text);
    expect(read).toContain('The council moved the car park to the hill, where it will stay until the spring repairs are done.');
    expect(read).not.toContain('Share this article');
    expect(read.some((line) => line.includes('www.example-news.com'))).toBe(false);
  });
});

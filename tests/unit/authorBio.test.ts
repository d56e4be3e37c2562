/**
 * The author bio as its own paragraph after the body's end (issue 26, case 1): recognised by its shape (a
 * person's name, then what the person is or does, in the third person) and its place, never read, and the
 * byline found from it. Bodies, names and wordings differ from the example on purpose.
 */
import { describe, expect, it } from 'vitest';
import { bioName } from '../../main/article/authorBio';
import { extractPlainText } from '../../main/article/text/extractPlainText';

const BODY = [
  'The river authority opened the new lock gates on Monday after two years of work, and the first boats passed through before noon.',
  'Boats had queued for hours at the old gates during the summer months, when the timber doors had to be opened by hand.',
  'Engineers replaced them with steel doors that open in half the time, and the project cost less than planned because the weather stayed dry.',
  'Local businesses along the towpath said trade had already picked up, and a café owner said she had hired two more staff for the season.',
  'The authority plans to repair the next lock upstream in the spring, and anglers have asked for quieter hours in the early morning.',
  'Volunteers painted the lock keeper’s cottage in its old colours, and a small museum will open there next year for school groups.',
];

const BIOS: Array<[string, string]> = [
  ['Elena Martinez', 'Elena Martinez is a distinguished journalist and cultural critic with over fifteen years of experience covering arts and literature. Her essays have appeared in many magazines, and she lives in Madrid.'],
  ['Hannah de Vries', 'Hannah de Vries is a senior editor at the paper, where she covers transport and local government. She previously worked in radio.'],
  ['Samuel Okoro', 'Samuel Okoro is an award-winning writer and documentary producer whose reporting on rural communities has won national prizes. He teaches at the city university.'],
  ['Marie-Claire Dubois', 'Marie-Claire Dubois has been a science correspondent for twenty years. She writes about climate and oceans, and hosts a weekly podcast.'],
  ['Kwame Mensah', 'Kwame Mensah covers business and the economy for the paper. Before that, he spent six years reporting from the capital.'],
];

describe('an author bio after the body', () => {
  for (const [name, bio] of BIOS) {
    for (const withSource of [false, true]) {
      it(`${name}${withSource ? ', after a source line' : ''}: not read, and the byline`, () => {
        const text = ['New lock gates open on the canal', ...BODY, ...(withSource ? ['Original Source: www.canal-news.example'] : []), bio].join('\n\n');
        const article = extractPlainText(text, 'x');
        expect(article.title).toBe('New lock gates open on the canal');
        expect(article.blocks.map((block) => block.text)).toEqual(BODY);
        expect(article.byline).toBe(name);
        expect(article.hidden?.find((block) => block.text === bio)?.reason).toBe('author bio');
      });
    }
  }

  it('a bio-shaped paragraph inside the body, with the body going on after it, is read', () => {
    const body = [...BODY.slice(0, 3), 'Kwame Mensah covers the waterways for the county council and walked the towpath on the first day.', ...BODY.slice(3)];
    const article = extractPlainText(['New lock gates open on the canal', ...body].join('\n\n'), 'x');
    expect(article.blocks.map((block) => block.text)).toEqual(body);
  });
});

describe('bioName: the shape of a bio', () => {
  it('finds the person of a bio in several wordings', () => {
    expect(bioName('Dr. Amal Haddad is an economist at the central bank and a regular columnist.')).toBe('Dr. Amal Haddad');
    expect(bioName('Lars van der Berg was a photographer for twenty years before turning to film.')).toBe('Lars van der Berg');
    expect(bioName('Mei Lin reports on technology from Singapore.')).toBe('Mei Lin');
  });

  it('is not fooled by sentences that merely mention roles', () => {
    expect(bioName('New York is a city of writers.')).toBeNull();
    expect(bioName('The council is a body of elected members.')).toBeNull();
    expect(bioName('The President said the writer was wrong.')).toBeNull();
    expect(bioName('John Smith is a retired teacher who lives in Bath.')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { extractPlainText, introducesWhatFollows } from '../../main/article/text/extractPlainText';

// Issue 26: a sentence of the body (a full stop after eight words or more, in sentence case) or a line that
// introduces what follows (a colon) is never the title: the title is not read. On a news page's text the title
// model took a photo caption just above the body ("Harbour mayor Lena Brook, the woman with the market plan.")
// for the headline printed higher up; on another, the body's opening sentence.
describe('a sentence is never the title (issue 26)', () => {
  it('tells sentences and introductions from headlines, whatever their words', () => {
    for (const line of [
      'Harbour mayor Lena Brook, the woman with the market plan.',
      'Modern software is built on a fragile assumption: that the network is always there.',
      'The plan for the market has three parts:',
      'Les commerçants ont obtenu une baisse des loyers pendant les travaux.',
    ])
      expect(introducesWhatFollows(line), line).toBe(true);
    for (const line of [
      'Mayor shows plans for the old fish market',
      'Things to Know Before Travelling to Japan for the First Time.',
      'The Hottest Real Estate Markets in the U.S.',
      'Is the river about to rise again?',
      'Flood warning: what the council said',
      'Update:',
    ])
      expect(introducesWhatFollows(line), line).toBe(false);
  });

  it('reads such a line as the body, and names the article by its headline', () => {
    const headline = 'Mayor shows plans for the old fish market';
    const intro = 'The plan for the market has three parts:';
    const body = [
      'The mayor told the council on Tuesday that the old fish market would be rebuilt as a covered hall for the town’s weekly food fair and its winter concerts.',
      'Work is to start in April and last about eighteen months, during which the Saturday stalls will move to the car park behind the station, the mayor said.',
      'Traders welcomed the plan but asked for lower rents during the move, and the council agreed to review them at its next meeting in the spring.',
    ];
    const text = ['Reviews', 'News', 'Video', 'Sign in', headline, 'by Maren Holt January 18, 2017', intro, ...body, 'Privacy policy', 'Terms of use'].join('\n\n');
    const article = extractPlainText(text, 'market.txt');
    expect(article.title).toBe(headline);
    const read = article.blocks.map((block) => block.text);
    for (const paragraph of body) expect(read).toContain(paragraph);
  });
});

/**
 * Tagged PDFs: the structure tree and marked content decide headings, reading order, tables, captions and
 * figures' alt text where the file has them. The fixture is printed by Chromium with `tagged: true` from HTML
 * whose structure is known (tests/fixtures/pdf/makeTaggedPdf.mjs): headings set at the body's size and weight
 * (geometry cannot tell them), a figure with alt text and a numbered caption, a table with a caption and
 * header cells, a box placed at the top of page 1 that the document puts last, a paragraph over the page
 * break and a figure without alt text whose caption is not numbered.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromBytes } from '../../main/article/loadArticleFile';
import { extractPdf } from '../../main/article/pdf/extractPdf';
import { carryFloats, type PlacedLine } from '../../main/article/pdf/readingOrder';
import { readStructure, StructCounter } from '../../main/article/pdf/structure';

const bytes = () => new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'pdf', 'chromium-tagged.pdf')));

describe('a tagged PDF (Chromium, tagged: true)', () => {
  it('headings from the tree (H2, H3) although they are set like the body', async () => {
    const article = await extractPdf(bytes(), 'tagged');
    expect(article.title).toBe('Listening Habits of Report Readers');
    expect(article.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['Method', 'Who took part', 'Results', 'Discussion']);
  });

  it("reading order from the tree: the box placed at the top of page 1 is read where the document has it, whole, and the paragraph cut by the page break is one", async () => {
    const article = await extractPdf(bytes(), 'tagged');
    const texts = article.blocks.map((b) => b.text);
    // Geometry alone read the box first, as two paragraphs ("... by the Spoken" / "Documents Trust ...").
    expect(texts[0]).toMatch(/^People who read long reports/u);
    const box = texts.indexOf('About this study: funded by the Spoken Documents Trust and approved by its ethics board.');
    expect(box).toBeGreaterThan(texts.indexOf('Discussion'));
    // The page-1 part of the fourth paragraph and its page-2 part: one block, the box after it.
    const cut = texts.findIndex((t) => t.includes('Readers said that listening let them get through documents during a commute or a walk. Several asked') && t.endsWith('a commute or a walk.') && t.startsWith('Tables were'));
    expect(cut).toBeGreaterThan(0);
    expect(box).toBe(cut + 1);
    expect(article.blocks[cut]!.page).toBe('1');
  });

  it('a table is read row by row as in HTML ("cell, cell, cell."), with its numbered caption before it', async () => {
    const article = await extractPdf(bytes(), 'tagged');
    const table = article.blocks.find((b) => b.kind === 'table');
    expect(table?.text).toBe('Office, Reports, Papers. Law firm, 31, 4. Hospital, 12, 19. Library, 7, 42.');
    expect(table?.table).toEqual({ rows: [['Office', 'Reports', 'Papers'], ['Law firm', '31', '4'], ['Hospital', '12', '19'], ['Library', '7', '42']], header: true });
    const at = article.blocks.indexOf(table!);
    // Geometry alone split the caption over its two lines and read the cells as eight paragraphs.
    expect(article.blocks[at - 1]?.text).toBe('Table 1. Documents heard by office.');
  });

  it("a figure's alt text is read as its own block where the figure stands, before its numbered caption; a caption without a number is left out, kept hidden", async () => {
    const article = await extractPdf(bytes(), 'tagged');
    const texts = article.blocks.map((b) => b.text);
    const image = texts.indexOf('Image: A bar chart of three bars rising from two to five hours a week');
    expect(image).toBeGreaterThan(texts.indexOf('Who took part'));
    expect(texts[image + 1]).toBe('Figure 1. Hours of listening per week, by month of the study.');
    expect(texts).not.toContain('The reading room of the university library.');
    expect(article.hidden).toEqual([expect.objectContaining({ text: 'The reading room of the university library.', reason: 'figure caption', page: '2' })]);
    const hidden = article.hidden![0]!;
    expect(texts[hidden.position]).toBe('Listening did not replace reading: every reader still read the documents that mattered most to them.');
  });

  it('the image-description setting turns alt text off (kept hidden where it stood), through the loader', async () => {
    const result = await articleFromBytes(bytes(), 'tagged.pdf', null, { imageDescriptions: false });
    if (!result.ok) throw new Error(result.message);
    const texts = result.article.blocks.map((b) => b.text);
    expect(texts.filter((t) => t.startsWith('Image:'))).toEqual([]);
    const hidden = result.article.hidden?.find((h) => h.reason === 'image description');
    expect(hidden?.text).toBe('Image: A bar chart of three bars rising from two to five hours a week');
    expect(texts[hidden!.position]).toBe('Figure 1. Hours of listening per week, by month of the study.');
  });
});

describe('reading a structure tree', () => {
  it('gives each marked-content id its order, block, role and table cell; figures with their alt; nothing for a page without a tree', () => {
    const tree = {
      role: 'Root',
      children: [
        { role: 'H1', children: [{ type: 'content', id: 'a' }] },
        { role: 'P', children: [{ role: 'Span', children: [{ type: 'content', id: 'b' }] }, { type: 'content', id: 'c' }] },
        { role: 'Figure', alt: 'A map of the river', children: [{ type: 'content', id: 'd' }, { role: 'Caption', children: [{ type: 'content', id: 'e' }] }] },
        { role: 'Table', children: [{ role: 'TR', children: [{ role: 'TH', children: [{ role: 'P', children: [{ type: 'content', id: 'f' }] }] }, { role: 'TD', children: [{ type: 'content', id: 'g' }] }] }] },
      ],
    };
    const structure = readStructure(tree, new StructCounter())!;
    const place = (id: string) => structure.places.get(id)!;
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => place(id).order)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(place('a').role).toBe('heading');
    expect(place('b').block).toBe(place('c').block);
    expect(place('e')).toMatchObject({ role: 'caption', captionOf: 'figure' });
    expect(place('f')).toMatchObject({ role: 'cell', table: { header: true } });
    expect(place('g').table?.row).toBe(place('f').table?.row);
    expect(place('g').block).not.toBe(place('f').block);
    expect(structure.figures).toEqual([{ order: 3, alt: 'A map of the river' }]);
    expect(readStructure(null, new StructCounter())).toBeNull();
    expect(readStructure({ role: 'Root', children: [] }, new StructCounter())).toBeNull();
  });
});

describe('floats of tagged pages', () => {
  const line = (page: number, order: number, block: number, x0: number, y: number, region: number): PlacedLine => ({
    page, x0, x1: x0 + 200, y, size: 10, font: 'F', text: `line ${order}`, markers: [], leadingMarker: null,
    place: { order, block, role: 'paragraph' }, region, regionLeft: x0, regionRight: x0 + 200,
  });

  it('a paragraph the tree carries into the next column is not a float (CSS columns printed tagged: the bench found 28 order errors)', () => {
    // Column 1 ends lowest on the page; the tree goes on at the top of column 2: the flow, nothing moves.
    const page1 = [line(0, 0, 1, 50, 700, 0), line(0, 1, 1, 50, 100, 0), line(0, 2, 1, 300, 700, 1), line(0, 3, 2, 300, 400, 1)];
    const page2 = [line(1, 0, 3, 50, 700, 2)];
    expect(carryFloats([page1, page2])).toEqual([page1, page2]);
  });

  it('a box over the same column, after the flow in the tree, is read after the paragraph the page break cut', () => {
    const page1 = [line(0, 0, 1, 50, 700, 0), line(0, 1, 1, 50, 100, 0), line(0, 2, 2, 150, 750, 1)];
    const page2 = [line(1, 0, 3, 50, 700, 2), line(1, 1, 3, 50, 688, 2), line(1, 2, 4, 50, 600, 2)];
    const [one, two] = carryFloats([page1, page2]);
    expect(one).toEqual(page1.slice(0, 2));
    expect(two!.map((l) => l.text)).toEqual(['line 0', 'line 1', 'line 2', 'line 2']);
    expect(two![2]!.page).toBe(0);
  });
});

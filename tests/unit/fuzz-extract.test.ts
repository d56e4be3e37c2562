/**
 * Property-based tests of the extractors on generated hostile input: arbitrary nested HTML (scripts,
 * styles, event handlers, javascript: and data: links, tables, random attributes) and arbitrary text
 * (RTL, emoji, combining marks, lone surrogates, Markdown markers, site chrome). Whatever the input:
 * no exception, no text invented (every word of the result, hidden blocks included, comes from the input's
 * text, never from a script, a style or an attribute), blocks normalized, kinds among BLOCK_KINDS, hidden
 * blocks in page order within their caps.
 *
 * React streaming ids (S:n / B:n) are not generated here: main/article/html/htmlCleanup.ts
 * revealStreamedContent loops forever on some of them (see hostile-articles.test.ts and
 * docs/security-tests.md), and a synchronous loop cannot be stopped inside this thread.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../main/article/html/extractHtml';
import { extractMarkdown } from '../../main/article/markdown/extractMarkdown';
import { extractPlainText } from '../../main/article/text/extractPlainText';
import { BLOCK_KINDS, normalizeCode, normalizeText, type Article } from '../../shared/article';

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 1000;
/** Appears only in scripts, styles and attribute values: it must never be read. */
const MARK = 'QJXMARKQJX';
const FALLBACK_TITLE = 'Fallback Title';

declare global {
  var __fuzzRan: unknown;
}

const WORDS = ['The', 'council', 'approved', 'plan', 'river', 'park', 'Dr', 'Mr', 'etc', 'share', 'Menu', 'Advertisement', 'comments', 'By', 'Source', 'naïve', 'Москва', '東京', 'مرحبا', 'שלום', '2026', '42', 'e.g', 'I'];
const SPECIAL = [
  ' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u200b', '\u2028', '. ', '? ', '! ', '…', '。', ', ', '"', '“', '”', "'", '`', '$(', ')', '-', '—', '#', '> ', '* ', '1. ', '[', ']', '|', '&', '&amp;', '&lt;', '&#x27;',
  '\u202e', '\u200f', 'مرحبا بالعالم', 'שלום עולם', '👍🏽', '👨‍👩‍👧', '🇫🇷', 'e\u0301', '\u0301', '\ud800', '\udfff', '\ud83d', 'ǅ', '٣', '𝟘', '\u0000', '\u0007', '\u001b[2J',
];
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
);
const text = (maxLength: number) => fc.array(piece, { maxLength }).map((pieces) => pieces.join(''));

// ---------------------------------------------------------------------------------------------------
// Checks shared by every extractor

const TOKEN = /[\p{L}\p{N}]+/gu;

function articleStrings(article: Article): string[] {
  // Hidden blocks too: text the user can bring back is never invented and never script, style or attribute text.
  return [article.title, article.byline ?? '', article.source ?? '', ...article.blocks.map((b) => b.text), ...(article.hidden ?? []).map((b) => b.text)];
}

/** True when `token` is a concatenation of substrings of the reference (adjacent text nodes join into one word). */
function madeOfReference(token: string, reference: string): boolean {
  // Greedy longest match is exact here: every prefix of a substring is a substring.
  let i = 0;
  while (i < token.length) {
    let j = i;
    while (j < token.length && reference.includes(token.slice(i, j + 1))) j++;
    if (j === i) return false;
    i = j;
  }
  return true;
}

/** Hidden blocks: normalized, with letters, in page order (positions never go back), deduplicated, within the caps. */
function expectHiddenWellFormed(article: Article): void {
  if (article.hidden === undefined) return;
  expect(article.hidden.length).toBeGreaterThan(0);
  expect(article.hidden.length).toBeLessThanOrEqual(200);
  expect(article.hidden.reduce((sum, block) => sum + block.text.length, 0)).toBeLessThanOrEqual(100_000);
  expect(new Set(article.hidden.map((block) => block.text)).size).toBe(article.hidden.length);
  let previous = 0;
  for (const block of article.hidden) {
    expect(BLOCK_KINDS).toContain(block.kind);
    expect(block.text).toBe(block.kind === 'code' ? normalizeCode(block.text) : normalizeText(block.text));
    expect(block.text).toMatch(/\p{L}/u);
    expect(typeof block.reason).toBe('string');
    expect(block.reason.length).toBeGreaterThan(0);
    expect(Number.isInteger(block.position)).toBe(true);
    expect(block.position).toBeGreaterThanOrEqual(previous);
    expect(block.position).toBeLessThanOrEqual(article.blocks.length);
    previous = block.position;
  }
}

function expectWellFormed(article: Article): void {
  expectHiddenWellFormed(article);
  expect(typeof article.title).toBe('string');
  expect(article.title.length).toBeGreaterThan(0);
  expect(article.byline === null || typeof article.byline === 'string').toBe(true);
  expect(article.lang === null || /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u.test(article.lang)).toBe(true);
  for (const block of article.blocks) {
    expect(BLOCK_KINDS).toContain(block.kind);
    // Code keeps its lines and indentation (shown in <pre>); everything else is collapsed.
    expect(block.text, 'block text is normalized').toBe(block.kind === 'code' ? normalizeCode(block.text) : normalizeText(block.text));
    if (block.kind !== 'code') expect(block.text).not.toMatch(/^[\s\u200b]|[\s\u200b]$|[\s\u00a0\u200b]{2}|[\n\r\t]/u);
    expect(block.text).toMatch(/[\p{L}\p{N}]/u);
  }
  expect(globalThis.__fuzzRan).toBeUndefined();
}

function expectNothingInvented(article: Article, reference: string, checkTitle = true): void {
  for (const value of articleStrings(article).slice(checkTitle ? 0 : 1)) {
    expect(value).not.toContain(MARK);
    for (const [token] of value.matchAll(TOKEN)) {
      expect(madeOfReference(token, reference), `"${token}" (in ${JSON.stringify(value.slice(0, 200))}) is not in the input's text`).toBe(true);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// HTML: arbitrary nested tag trees

type HtmlNode = { text: string } | { tag: string; attrs: Array<[string, string]>; children: HtmlNode[] };

const CONTAINER_TAGS = ['p', 'div', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'a', 'table', 'article', 'section', 'main', 'nav', 'aside', 'header', 'footer', 'pre', 'code', 'b', 'i', 'em', 'strong', 'figure', 'figcaption', 'button', 'form', 'label', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'details', 'summary', 'dl', 'dt', 'dd', 'font', 'center', 'marquee', 'x-custom'];
const HOSTILE_VALUES = [
  `javascript:globalThis.__fuzzRan=1//${MARK}`,
  `data:text/html,<script>globalThis.__fuzzRan=1</script>${MARK}`,
  `data:image/svg+xml,<svg onload="globalThis.__fuzzRan=1">${MARK}</svg>`,
  `globalThis.__fuzzRan=1;require('fs').writeFileSync('owned','${MARK}')`,
  `" onmouseover="globalThis.__fuzzRan=1" x="${MARK}`,
  `https://attacker.example/${MARK}?c=document.cookie`,
  `background:url(https://attacker.example/${MARK})`,
  `expression(alert('${MARK}'))`,
];
const CLASS_WORDS = ['content', 'article', 'post', 'share', 'social', 'comments', 'hidden', 'sr-only', 'byline', 'author', 'caption', 'related', 'main', 'entry-content', 'ad', 'newsletter'];
const attribute = fc.oneof(
  fc.tuple(fc.constantFrom('onclick', 'onerror', 'onload', 'onmouseover', 'onfocus', 'href', 'src', 'srcset', 'style', 'title', 'alt', 'data-src', 'action', 'formaction', 'poster', 'xlink:href'), fc.constantFrom(...HOSTILE_VALUES)),
  fc.tuple(fc.constantFrom('class', 'id'), fc.array(fc.constantFrom(...CLASS_WORDS), { minLength: 1, maxLength: 3 }).map((w) => `${w.join(' ')} ${MARK}`)),
  fc.tuple(fc.constantFrom('hidden', 'aria-hidden', 'role', 'dir', 'lang', 'itemprop'), fc.constantFrom('true', 'false', '', 'rtl', 'main', 'navigation', 'articleBody', 'en', 'ar', 'not a tag!!', 'zh-Hant-TW')),
  fc.tuple(fc.constantFrom('data-x', 'x', 'on', 'onx'), fc.string({ unit: 'grapheme', maxLength: 8 }).map((v) => `${v}${MARK}`)),
);

const tree = fc.letrec<{ node: HtmlNode; element: HtmlNode }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, { weight: 3, arbitrary: text(12).map((t) => ({ text: t })) }, { weight: 2, arbitrary: tie('element') }),
  element: fc.oneof(
    { depthSize: 'small' },
    {
      weight: 8,
      arbitrary: fc.record({ tag: fc.constantFrom(...CONTAINER_TAGS), attrs: fc.array(attribute, { maxLength: 3 }), children: fc.array(tie('node'), { maxLength: 5 }) }),
    },
    // Raw-text elements carry code; their content must never be read.
    {
      weight: 1,
      arbitrary: fc.record({
        tag: fc.constantFrom('script', 'style'),
        attrs: fc.constant<Array<[string, string]>>([]),
        children: fc.constantFrom(`globalThis.__fuzzRan = 1; /* ${MARK} */`, `@import url("https://attacker.example/${MARK}.css"); p { background: url(https://attacker.example/${MARK}) }`).map((t) => [{ text: t }]),
      }),
    },
    { weight: 1, arbitrary: fc.record({ tag: fc.constantFrom('img', 'br', 'hr', 'input', 'meta', 'link', 'embed'), attrs: fc.array(attribute, { maxLength: 3 }), children: fc.constant<HtmlNode[]>([]) }) },
    // Table rows and cells, including nested tables.
    {
      weight: 1,
      arbitrary: fc
        .array(fc.array(fc.array(tie('node'), { maxLength: 2 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 })
        .map((rows): HtmlNode => ({ tag: 'table', attrs: [], children: rows.map((cells) => ({ tag: 'tr', attrs: [], children: cells.map((cell) => ({ tag: 'td', attrs: [], children: cell })) })) })),
    },
  ),
}));

/** Long prose paragraphs, so Readability and the fallback container finder have real content to choose. */
const prose = fc.array(fc.constantFrom(...WORDS, 'and', 'the', 'of', 'a', 'was', 'in', 'it', 'that'), { minLength: 20, maxLength: 120 }).map((words) => ({ text: `${words.join(' ')}.` }));

const VOID = new Set(['img', 'br', 'hr', 'input', 'meta', 'link', 'embed']);
const escapeText = (t: string) => t.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const escapeAttr = (t: string) => t.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;');

function serialize(node: HtmlNode, raw = false): string {
  if ('text' in node) return raw ? node.text : escapeText(node.text);
  const attrs = node.attrs.map(([name, value]) => ` ${name}="${escapeAttr(value)}"`).join('');
  if (VOID.has(node.tag)) return `<${node.tag}${attrs}>`;
  const isRaw = node.tag === 'script' || node.tag === 'style';
  return `<${node.tag}${attrs}>${node.children.map((child) => serialize(child, isRaw)).join('')}</${node.tag}>`;
}

/** Every text node the page shows (not scripts or styles), separated so words never join across them here. */
function textNodes(node: HtmlNode, out: string[]): string[] {
  if ('text' in node) out.push(node.text);
  else if (node.tag !== 'script' && node.tag !== 'style') for (const child of node.children) textNodes(child, out);
  return out;
}

const page = fc.record({
  title: fc.option(text(8), { nil: undefined }),
  lang: fc.constantFrom(undefined, 'en', 'ar', 'ja', 'not a tag!!', 'EN_gb'),
  dir: fc.constantFrom(undefined, 'rtl', 'ltr'),
  body: fc.array(fc.oneof({ weight: 3, arbitrary: tree.element }, { weight: 1, arbitrary: prose }), { maxLength: 6 }),
  wrapper: fc.constantFrom('article', 'div', 'main', null),
});

describe('extractHtml (property)', () => {
  it(`never throws, invents no text, reads no script, style or attribute, and normalizes blocks (${RUNS} pages)`, () => {
    fc.assert(
      fc.property(page, (generated) => {
        const bodyNodes: HtmlNode[] = generated.wrapper ? [{ tag: generated.wrapper, attrs: [['class', 'content']], children: generated.body }] : generated.body;
        const head = `<meta charset="utf-8">${generated.title !== undefined ? `<title>${escapeText(generated.title)}</title>` : ''}<script>globalThis.__fuzzRan = 1; /* ${MARK} */</script>`;
        const html = `<!doctype html><html${generated.lang ? ` lang="${generated.lang}"` : ''}${generated.dir ? ` dir="${generated.dir}"` : ''}><head>${head}</head><body onload="globalThis.__fuzzRan=1">${bodyNodes.map((n) => serialize(n)).join('')}</body></html>`;
        const reference = [generated.title ?? '', ...bodyNodes.flatMap((n) => textNodes(n, [])), FALLBACK_TITLE].join('\u0000');
        const article = extractHtml(html, FALLBACK_TITLE, null);
        expectWellFormed(article);
        expectNothingInvented(article, reference);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads generated prose: a page with paragraphs of words gives at least one block', () => {
    fc.assert(
      fc.property(fc.array(prose, { minLength: 1, maxLength: 5 }), (paragraphs) => {
        const html = `<!doctype html><html><body><article>${paragraphs.map((p) => `<p>${escapeText(p.text)}</p>`).join('')}</article></body></html>`;
        const article = extractHtml(html, FALLBACK_TITLE, null);
        expect(article.blocks.length).toBeGreaterThan(0);
        expectNothingInvented(article, paragraphs.map((p) => p.text).join('\u0000') + '\u0000' + FALLBACK_TITLE);
      }),
      { numRuns: Math.ceil(RUNS / 5) },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Plain text and Markdown

const CHROME = ['Menu', 'Share this article', 'Advertisement', 'Comments (14)', 'By Jordan Ellis', 'Source: Example Times', 'Read more: something else', 'Jordan Ellis covers city government for the paper.', 'Tags: a, b'];
const line = fc.oneof(
  { weight: 5, arbitrary: text(20) },
  { weight: 1, arbitrary: fc.constantFrom(...CHROME) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('# ', '## ', '- ', '* ', '1. ', '> ', '```', '    ', '| a | b |', '---', '<script>', '[x](javascript:alert(1)) '), text(10)).map(([m, t]) => m + t) },
  { weight: 1, arbitrary: fc.constant('') },
);
const document = fc.tuple(fc.constantFrom('', '\uFEFF'), fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r')).map(([bom, lines, eol]) => bom + lines.join(eol));

describe('extractPlainText (property)', () => {
  it(`never throws, invents no text, and normalizes blocks (${RUNS * 2} documents)`, () => {
    fc.assert(
      fc.property(document, (input) => {
        const article = extractPlainText(input, FALLBACK_TITLE);
        expectWellFormed(article);
        expectNothingInvented(article, `${input}\u0000${FALLBACK_TITLE}`);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

describe('extractMarkdown (property)', () => {
  it(`never throws and normalizes blocks (${RUNS * 2} documents)`, () => {
    fc.assert(
      fc.property(document, (input) => {
        const article = extractMarkdown(input, FALLBACK_TITLE);
        expectWellFormed(article);
        // Markdown adds only its task-list labels and code/table announcements to the input's words.
        const added = 'Done To do Code sample in line lines not read aloud Table with row rows and column columns 0123456789';
        expectNothingInvented(article, `${input}\u0000${FALLBACK_TITLE}\u0000${added}`);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

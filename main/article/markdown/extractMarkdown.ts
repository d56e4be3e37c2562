/**
 * Markdown to an Article with marked's lexer (CommonMark + GFM tokens; no HTML is produced or rendered):
 * headings, paragraphs, list items and quotes become their own blocks; links read as their text;
 * emphasis, code spans and escapes lose their markers; images and raw HTML tags are not read; a code
 * fence is read when it is short and announced otherwise; a table is read row by row.
 */
import { parseHTML } from 'linkedom';
import { Lexer, type Token, type Tokens } from 'marked';
import { makeBlock, normalizeText, type Article, type Block, type BlockKind, type HiddenBlock } from '../../../shared/article.js';
import { HiddenList } from '../hiddenBlocks.js';
import { walkHtmlBlocks, type HtmlBlock } from '../html/walkHtmlBlocks.js';
import { describeCode, tableText } from '../readableStructures.js';

/** Text of inline tokens as it should be heard. */
function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'image':
      case 'html':
        break; // an image is not read; inline HTML tags are markup, not words
      case 'br':
        text += ' ';
        break;
      case 'codespan':
      case 'escape':
        text += decodeEntities((token as Tokens.Codespan).text);
        break;
      case 'text': {
        const t = token as Tokens.Text;
        text += t.tokens ? inlineText(t.tokens) : decodeEntities(t.text);
        break;
      }
      default: {
        const withTokens = token as { tokens?: Token[]; text?: string };
        text += withTokens.tokens ? inlineText(withTokens.tokens) : decodeEntities(withTokens.text ?? '');
      }
    }
  }
  return text;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** marked escapes &, <, >, " in token text; the reader needs the characters. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/gu, (_, name: string) => ENTITIES[name] ?? '');
}

function push(blocks: Block[], kind: BlockKind, text: string, shape?: Pick<Block, 'list' | 'table'>): void {
  const block = makeBlock(kind, text);
  if (block) blocks.push({ ...block, ...shape });
}

/** Raw HTML blocks are not read; their visible text is kept as hidden blocks (no scripts, styles or hidden parts). */
function htmlBlockText(html: string): HtmlBlock[] {
  if (!/[\p{L}]/u.test(html.replace(/<[^>]*>/gu, ''))) return [];
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return walkHtmlBlocks(document.body as unknown as Element);
}

function walk(tokens: Token[], insideQuote: boolean, blocks: Block[], hidden: HiddenBlock[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        push(blocks, 'heading', inlineText((token as Tokens.Heading).tokens));
        break;
      case 'paragraph':
        push(blocks, insideQuote ? 'quote' : 'paragraph', inlineText((token as Tokens.Paragraph).tokens));
        break;
      case 'text': // loose text at block level (inside list items)
        push(blocks, insideQuote ? 'quote' : 'paragraph', inlineText((token as Tokens.Text).tokens ?? [token]));
        break;
      case 'blockquote':
        walk((token as Tokens.Blockquote).tokens, true, blocks, hidden);
        break;
      case 'list': {
        const list = token as Tokens.List;
        const start = typeof list.start === 'number' ? list.start : 1;
        list.items.forEach((item, i) => {
          const [first, ...rest] = item.tokens;
          const place = { ordered: list.ordered, ...(list.ordered && { number: start + i }), ...(i === 0 && { first: true }) };
          // The item's own words are one list item; nested lists and further paragraphs follow as their own blocks.
          if (first && (first.type === 'text' || first.type === 'paragraph')) {
            push(blocks, 'list-item', `${item.task ? (item.checked ? 'Done: ' : 'To do: ') : ''}${inlineText((first as Tokens.Text).tokens ?? [first])}`, { list: place });
            walk(rest, insideQuote, blocks, hidden);
          } else walk(item.tokens, insideQuote, blocks, hidden);
        });
        break;
      }
      case 'code': {
        const code = token as Tokens.Code;
        push(blocks, 'code', describeCode(code.text, code.lang || null));
        break;
      }
      case 'table': {
        const table = token as Tokens.Table;
        const rows = [table.header.map((cell) => normalizeText(inlineText(cell.tokens))), ...table.rows.map((row) => row.map((cell) => normalizeText(inlineText(cell.tokens))))];
        push(blocks, 'table', tableText(rows, true), { table: { rows, header: true } });
        break;
      }
      case 'html':
        if ((token as Tokens.HTML).block) {
          for (const block of htmlBlockText((token as Tokens.HTML).text)) {
            if (/\p{L}/u.test(block.text)) hidden.push({ kind: block.kind, text: block.text, position: blocks.length, reason: block.reason ?? 'HTML markup' });
          }
        }
        break;
      default:
        break; // hr, space, def: nothing to read
    }
  }
}

export function extractMarkdown(markdown: string, fallbackTitle: string): Article {
  const tokens = new Lexer({ gfm: true }).lex(markdown.replace(/^\uFEFF/u, ''));
  const blocks: Block[] = [];
  const found: HiddenBlock[] = [];
  walk(tokens, false, blocks, found);
  let title = fallbackTitle;
  // A top-level heading that opens the document is its title.
  const firstHeading = tokens.find((token) => token.type !== 'space');
  let shift = 0;
  if (firstHeading?.type === 'heading' && (firstHeading as Tokens.Heading).depth <= 2 && blocks[0]?.kind === 'heading') {
    title = blocks.shift()!.text;
    shift = 1;
  }
  const hidden = new HiddenList();
  for (const block of found) hidden.add({ ...block, position: Math.max(0, block.position - shift) });
  return { title, byline: null, source: null, lang: null, blocks, ...hidden.field() };
}

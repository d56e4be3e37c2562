/**
 * Markdown to an Article with marked's lexer (CommonMark + GFM tokens; no HTML is produced or rendered):
 * headings, paragraphs, list items and quotes become their own blocks; links read as their text;
 * emphasis, code spans and escapes lose their markers; images and raw HTML tags are not read; a code
 * fence is read when it is short and announced otherwise; a table is read row by row.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { makeBlock, normalizeText, type Article, type Block, type BlockKind } from '../../shared/article.js';
import { describeCode, tableText } from './readableStructures.js';

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

function push(blocks: Block[], kind: BlockKind, text: string): void {
  const block = makeBlock(kind, text);
  if (block) blocks.push(block);
}

function walk(tokens: Token[], insideQuote: boolean, blocks: Block[]): void {
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
        walk((token as Tokens.Blockquote).tokens, true, blocks);
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) {
          const [first, ...rest] = item.tokens;
          // The item's own words are one list item; nested lists and further paragraphs follow as their own blocks.
          if (first && (first.type === 'text' || first.type === 'paragraph')) {
            push(blocks, 'list-item', `${item.task ? (item.checked ? 'Done: ' : 'To do: ') : ''}${inlineText((first as Tokens.Text).tokens ?? [first])}`);
            walk(rest, insideQuote, blocks);
          } else walk(item.tokens, insideQuote, blocks);
        }
        break;
      case 'code': {
        const code = token as Tokens.Code;
        push(blocks, 'code', describeCode(code.text, code.lang || null));
        break;
      }
      case 'table': {
        const table = token as Tokens.Table;
        const rows = [table.header.map((cell) => normalizeText(inlineText(cell.tokens))), ...table.rows.map((row) => row.map((cell) => normalizeText(inlineText(cell.tokens))))];
        push(blocks, 'table', tableText(rows, true));
        break;
      }
      default:
        break; // hr, space, def, raw HTML blocks: nothing to read
    }
  }
}

export function extractMarkdown(markdown: string, fallbackTitle: string): Article {
  const tokens = new Lexer({ gfm: true }).lex(markdown.replace(/^\uFEFF/u, ''));
  const blocks: Block[] = [];
  walk(tokens, false, blocks);
  let title = fallbackTitle;
  // A top-level heading that opens the document is its title.
  const firstHeading = tokens.find((token) => token.type !== 'space');
  if (firstHeading?.type === 'heading' && (firstHeading as Tokens.Heading).depth <= 2 && blocks[0]?.kind === 'heading') {
    title = blocks.shift()!.text;
  }
  return { title, byline: null, source: null, lang: null, blocks };
}

/**
 * The article as clean text: one element per block with data-block-index, text nodes only (article
 * markup never reaches the DOM). The block being read carries aria-current and is kept in view.
 * The blocks render once per article (memoised); the reading position is marked on two elements
 * (useReadingMarks), so a step costs the same in a long article as in a short one. Every block stays
 * in the document (find in page, browse mode, selection); off-screen ones skip layout by CSS
 * (content-visibility in styles.css), a chunk of blocks at a time: one per block made the browser
 * check thousands of elements against the window on every scrolled frame (long tasks while stepping).
 */
import { Fragment, memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { Article, Block, HiddenBlock } from '../../../shared/article';
import { pageStarts } from '../../../shared/contents';
import type { Settings } from '../../../shared/settings';
import { spokenTitle, TITLE_INDEX } from '../../../shared/spokenTitle';
import { PageMark } from '../contents/PageMark';
import type { PlayerState } from '../player/Player';
import { scrollToBlock } from './scrollToBlock';
import { useReadingMarks } from './useReadingMarks';
import { useSpeechHighlight } from './useSpeechHighlight';

interface ReaderViewProps {
  article: Article;
  state: PlayerState;
  settings: Pick<Settings, 'readingAid' | 'focusFollowsReading' | 'sentenceHighlight' | 'wordHighlight' | 'readByline'>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onReadFrom: (blockIndex: number) => void;
  onRestoreHidden: (hiddenIndex: number) => void;
}

/** aria-current, the tab stop and `read` are set by useReadingMarks, not here. */
const BlockElement = memo(function BlockElement({ block, index, onReadFrom }: { block: Block; index: number; onReadFrom: (index: number) => void }) {
  const props = {
    'data-block-index': index,
    // A passage in another language (an EPUB's xml:lang): screen readers switch to its voice.
    lang: block.lang,
    tabIndex: -1,
    className: `block block-${block.kind}`,
    onClick: () => {
      if (!window.getSelection()?.toString()) onReadFrom(index); // selecting text is not a request to read
    },
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        onReadFrom(index);
      }
    },
  };
  switch (block.kind) {
    case 'heading':
      return <h2 {...props}>{block.text}</h2>;
    case 'quote':
      return <blockquote {...props}>{block.text}</blockquote>;
    case 'list-item':
      return (
        <li {...props} value={block.list?.number}>
          {block.text}
        </li>
      );
    case 'code':
      return <pre {...props}>{block.text}</pre>;
    case 'table':
      return block.table ? <TableBlock props={props} cells={block.table} /> : <p {...props}>{block.text}</p>;
    default:
      return <p {...props}>{block.text}</p>;
  }
});

/**
 * A table shown as one: its cells in rows, headings as column headers. The word highlight needs the
 * block's text in one text node, so a table is marked as a whole while it is read.
 */
function TableBlock({ props, cells }: { props: Record<string, unknown>; cells: NonNullable<Block['table']> }) {
  const [head, ...body] = cells.header ? cells.rows : [null, ...cells.rows];
  return (
    <div {...props}>
      <table>
        {head && (
          <thead>
            <tr>
              {head.map((cell, i) => (
                <th key={i} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {body.map((row, r) => (
            <tr key={r}>
              {row!.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One hidden (left out) block, shown only on request, with a way to bring it back into the reading. */
function HiddenBlockElement({ block, onRestore }: { block: HiddenBlock; onRestore: () => void }) {
  return (
    <div role="group" aria-label={`Left out: ${block.reason}`} className="hidden-block">
      <p className="hidden-reason">Left out: {block.reason}</p>
      <p className="hidden-text">{block.text}</p>
      <button type="button" onClick={onRestore}>
        Read this too
      </button>
    </div>
  );
}

type Item = { type: 'block'; index: number } | { type: 'hidden'; hiddenIndex: number };

/** The reading blocks in order, with the hidden ones at the places they had on the page when shown. */
function readingOrder(article: Article, showHidden: boolean): Item[] {
  const hiddenAt = new Map<number, number[]>();
  if (showHidden) (article.hidden ?? []).forEach((block, hiddenIndex) => hiddenAt.set(block.position, [...(hiddenAt.get(block.position) ?? []), hiddenIndex]));
  const items: Item[] = [];
  for (let index = 0; index <= article.blocks.length; index++) {
    for (const hiddenIndex of hiddenAt.get(index) ?? []) items.push({ type: 'hidden', hiddenIndex });
    if (index < article.blocks.length) items.push({ type: 'block', index });
  }
  return items;
}

/**
 * Consecutive list items go in one list, so the list is a list to assistive technology too: numbered
 * (<ol>, from its first number) when it was numbered, and a new list where the source started one.
 */
function groupListItems(items: Item[], blocks: readonly Block[], render: (item: Item) => ReactNode): ReactNode[] {
  const out: ReactNode[] = [];
  let list: ReactNode[] = [];
  let ordered = false;
  let start: number | undefined;
  const flush = (key: string) => {
    if (list.length) out.push(ordered ? <ol key={key} start={start}>{list}</ol> : <ul key={key}>{list}</ul>);
    list = [];
  };
  items.forEach((item, i) => {
    const block = item.type === 'block' ? blocks[item.index]! : null;
    if (block?.kind === 'list-item') {
      const itemOrdered = block.list?.ordered ?? false;
      if (list.length > 0 && (block.list?.first || itemOrdered !== ordered)) flush(`list-${i}`);
      if (list.length === 0) {
        ordered = itemOrdered;
        start = block.list?.number;
      }
      list.push(render(item));
      return;
    }
    flush(`list-${i}`);
    out.push(render(item));
  });
  flush('list-end');
  return out;
}

/** Blocks (lists counted as one) per chunk that skips layout off screen. */
const CHUNK_SIZE = 50;

/** The rendered blocks in chunks, each skipping style, layout and paint while away from the window. */
function inChunks(nodes: ReactNode[]): ReactNode[] {
  const chunks: ReactNode[] = [];
  for (let start = 0; start < nodes.length; start += CHUNK_SIZE) {
    const part = nodes.slice(start, start + CHUNK_SIZE);
    chunks.push(
      <div key={`chunk-${start}`} className="block-chunk" style={{ containIntrinsicSize: `auto ${part.length * 8}em` }}>
        {part}
      </div>,
    );
  }
  return chunks;
}

/**
 * Every block (and the hidden text when shown), rendered again only for another article or the hidden
 * text's toggle; a page mark before each block that starts a new page of the document.
 */
const BlockList = memo(function BlockList({ article, showHidden, onReadFrom, onRestoreHidden }: { article: Article; showHidden: boolean; onReadFrom: (index: number) => void; onRestoreHidden: (hiddenIndex: number) => void }) {
  const pageMarks = useMemo(() => new Map(pageStarts(article.blocks).map((page) => [page.blockIndex, page.label])), [article]);
  const nodes = groupListItems(readingOrder(article, showHidden), article.blocks, (item) => {
    if (item.type === 'block') {
      const block = article.blocks[item.index]!;
      const element = <BlockElement key={`b${item.index}`} block={block} index={item.index} onReadFrom={onReadFrom} />;
      const page = pageMarks.get(item.index);
      if (page === undefined) return element;
      return (
        <Fragment key={`b${item.index}`}>
          <PageMark label={page} inList={block.kind === 'list-item'} />
          {element}
        </Fragment>
      );
    }
    return (
      <HiddenBlockElement key={`h${item.hiddenIndex}`} block={article.hidden![item.hiddenIndex]!} onRestore={() => onRestoreHidden(item.hiddenIndex)} />
    );
  });
  return inChunks(nodes);
});

/** Moves closer together than this are a held key (key repeat is 30-50 ms apart), not separate presses. */
const STEP_REPEAT_MS = 200;

/** A callback that keeps one identity while always calling the latest function given (so memoised children stay put). */
function useStableCallback<A extends unknown[]>(callback: (...args: A) => void): (...args: A) => void {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}

export function ReaderView({ article, state, settings, headingRef, onReadFrom, onRestoreHidden }: ReaderViewProps) {
  const [showHidden, setShowHidden] = useState(false);
  const hiddenCount = article.hidden?.length ?? 0;
  const articleRef = useRef<HTMLElement>(null);
  const rulerRef = useRef<HTMLDivElement>(null);
  const { sentenceHighlight, wordHighlight } = settings;
  const highlightStyles = useMemo(() => ({ sentence: sentenceHighlight, word: wordHighlight }), [sentenceHighlight, wordHighlight]);
  const title = useMemo(() => spokenTitle(article, settings.readByline), [article, settings.readByline]);
  useSpeechHighlight(articleRef, article, title, state, settings.readingAid === 'ruler' ? rulerRef : null, highlightStyles);
  const { focusFollowsReading } = settings;
  const readFrom = useStableCallback(onReadFrom);
  const restoreHidden = useStableCallback(onRestoreHidden);
  const rendered = useMemo(() => ({ article, showHidden }), [article, showHidden]);
  useReadingMarks(articleRef, state.blockIndex, rendered);

  // Steps back to back (a held arrow key) jump: a smooth scroll per step would animate every frame.
  const lastMove = useRef(0);
  useEffect(() => {
    const element = state.blockIndex === TITLE_INDEX ? headingRef.current : articleRef.current?.querySelector<HTMLElement>(`[data-block-index="${state.blockIndex}"]`);
    const now = performance.now();
    const backToBack = now - lastMove.current < STEP_REPEAT_MS;
    lastMove.current = now;
    if (!element) return;
    scrollToBlock(element, backToBack);
    // Only when asked for: moving focus makes a screen reader read the paragraph over the voice.
    if (focusFollowsReading && !document.querySelector('dialog[open]')) element.focus({ preventScroll: true });
  }, [state.blockIndex, focusFollowsReading, headingRef]);

  return (
    <article ref={articleRef} lang={article.lang ?? undefined} className="reader" data-sentence-highlight={sentenceHighlight} data-word-highlight={wordHighlight}>
      {settings.readingAid === 'ruler' && <div ref={rulerRef} className="reading-ruler" aria-hidden="true" />}
      {/* The title is read before the first paragraph: marked like a paragraph while it is. */}
      <h1 ref={headingRef} tabIndex={state.blockIndex === TITLE_INDEX ? 0 : -1} className="title-unit" aria-current={state.blockIndex === TITLE_INDEX ? 'location' : undefined}>
        {article.title}
      </h1>
      {(article.byline || article.source) && (
        <p className="article-meta">
          {article.byline && <span data-byline="">{`By ${article.byline}`}</span>}
          {article.byline && article.source && <span aria-hidden="true"> · </span>}
          {article.source && <span className="source">{article.source}</span>}
        </p>
      )}
      {hiddenCount > 0 && (
        <p className="hidden-toggle">
          <button type="button" aria-pressed={showHidden} onClick={() => setShowHidden((shown) => !shown)}>
            {showHidden ? 'Hide' : 'Show'} the text left out ({hiddenCount})
          </button>
        </p>
      )}
      <BlockList article={article} showHidden={showHidden} onReadFrom={readFrom} onRestoreHidden={restoreHidden} />
    </article>
  );
}

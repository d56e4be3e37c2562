/**
 * The article as clean text: one element per block with data-block-index, text nodes only (article
 * markup never reaches the DOM). The block being read carries aria-current and is kept in view.
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { Article, Block } from '../../../shared/article';
import type { Settings } from '../../../shared/settings';
import type { PlayerState } from '../player/Player';
import { useSpeechHighlight } from './useSpeechHighlight';

interface ReaderViewProps {
  article: Article;
  state: PlayerState;
  settings: Pick<Settings, 'readingAid' | 'focusFollowsReading'>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onReadFrom: (blockIndex: number) => void;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function BlockElement({ block, index, current, read, onReadFrom }: { block: Block; index: number; current: boolean; read: boolean; onReadFrom: (index: number) => void }) {
  const props = {
    'data-block-index': index,
    'aria-current': current ? ('location' as const) : undefined,
    tabIndex: current ? 0 : -1,
    className: `block block-${block.kind}${read ? ' read' : ''}`,
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
      return <li {...props}>{block.text}</li>;
    case 'code':
      return <pre {...props}>{block.text}</pre>;
    default:
      return <p {...props}>{block.text}</p>;
  }
}

/** Consecutive list items go in one <ul>, so the list is a list to assistive technology too. */
function groupBlocks(blocks: readonly Block[], render: (block: Block, index: number) => ReactNode): ReactNode[] {
  const out: ReactNode[] = [];
  let list: ReactNode[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === 'list-item') {
      list.push(render(block, index));
      return;
    }
    if (list.length) out.push(<ul key={`list-${index}`}>{list}</ul>);
    list = [];
    out.push(render(block, index));
  });
  if (list.length) out.push(<ul key="list-end">{list}</ul>);
  return out;
}

export function ReaderView({ article, state, settings, headingRef, onReadFrom }: ReaderViewProps) {
  const articleRef = useRef<HTMLElement>(null);
  const rulerRef = useRef<HTMLDivElement>(null);
  useSpeechHighlight(articleRef, article, state, settings.readingAid === 'ruler' ? rulerRef : null);
  const { focusFollowsReading } = settings;

  useEffect(() => {
    const element = articleRef.current?.querySelector<HTMLElement>(`[data-block-index="${state.blockIndex}"]`);
    if (!element) return;
    const rect = element.getBoundingClientRect();
    const visible = rect.top >= 0 && rect.bottom <= window.innerHeight;
    if (!visible) element.scrollIntoView({ block: rect.height > window.innerHeight ? 'start' : 'center', behavior: prefersReducedMotion() ? 'instant' : 'smooth' });
    // Only when asked for: moving focus makes a screen reader read the paragraph over the voice.
    if (focusFollowsReading && !document.querySelector('dialog[open]')) element.focus({ preventScroll: true });
  }, [state.blockIndex, focusFollowsReading]);

  return (
    <article ref={articleRef} lang={article.lang ?? undefined} className="reader">
      {settings.readingAid === 'ruler' && <div ref={rulerRef} className="reading-ruler" aria-hidden="true" />}
      <h1 ref={headingRef} tabIndex={-1}>
        {article.title}
      </h1>
      {(article.byline || article.source) && (
        <p className="article-meta">
          {article.byline && <span>By {article.byline}</span>}
          {article.byline && article.source && <span aria-hidden="true"> · </span>}
          {article.source && <span className="source">{article.source}</span>}
        </p>
      )}
      {groupBlocks(article.blocks, (block, index) => (
        <BlockElement key={index} block={block} index={index} current={index === state.blockIndex} read={index < state.blockIndex} onReadFrom={onReadFrom} />
      ))}
    </article>
  );
}

/**
 * Where a new page of the printed document starts, shown in the reader before the first block on it.
 * It is not a block (no data-block-index, not focusable, never spoken) and it is aria-hidden: the reader
 * shows exactly the text that is read, so a screen reader reading along in browse mode hears no "page 14"
 * in the middle of the text (the fault listeners report of EPUB page-break markers), and the mark is
 * only as exact as Block.page (the page a block starts on; the break itself may fall inside the block
 * before). The page is said on request instead: the position key (P), Go to page, and the page numbers
 * in Contents. Inside a list it is a hidden list item, so the list stays one list with valid children.
 */
export function PageMark({ label, inList }: { label: string; inList: boolean }) {
  const Element = inList ? 'li' : 'div';
  return (
    <Element className="page-mark" aria-hidden="true" data-page={label}>
      <span>Page {label}</span>
    </Element>
  );
}

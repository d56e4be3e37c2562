/**
 * "Listen in Article Player": a bookmarklet for any browser that sends the page being read to the app
 * (article-player://open?url=...). The link's javascript: address is set on the element directly:
 * React refuses javascript: URLs in markup, and this one is only ever dragged to a bookmarks bar,
 * never followed here (the click is cancelled, and the app's CSP would refuse it anyway).
 */
import { useEffect, useRef } from 'react';
import { bookmarkletCode } from '../../../shared/bookmarklet';
import { Dialog } from '../components/Dialog';

export function BookmarkletDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const linkRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    linkRef.current?.setAttribute('href', bookmarkletCode());
  });
  return (
    <Dialog open={open} title="Listen in Article Player from your browser" onClose={onClose} className="bookmarklet-dialog">
      <p>Drag this link to your browser&rsquo;s bookmarks bar. On any article, click the bookmark: the page opens here (Article Player asks first).</p>
      <p>
        <a ref={linkRef} className="bookmarklet" draggable onClick={(event) => event.preventDefault()}>
          Listen in Article Player
        </a>
      </p>
      <label htmlFor="bookmarklet-code">Or make a bookmark by hand with this as its address:</label>
      <input id="bookmarklet-code" readOnly value={bookmarkletCode()} onFocus={(event) => event.currentTarget.select()} />
    </Dialog>
  );
}

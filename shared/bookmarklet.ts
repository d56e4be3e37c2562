/** The app's link scheme and the bookmarklet that uses it: shown by the window, understood by the shell (main/electron/deepLink.ts). */
export const PROTOCOL_SCHEME = 'article-player';

/** The bookmarklet's address: it sends the page it is used on to the app. */
export function bookmarkletCode(): string {
  return `javascript:location.href='${PROTOCOL_SCHEME}://open?url='+encodeURIComponent(location.href)`;
}

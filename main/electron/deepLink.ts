/**
 * The app's own protocol: `article-player://open?url=<address>`, sent by the "Listen in Article Player"
 * bookmarklet from any browser. The address is checked as a typed one would be (http or https only, a
 * bounded length), and the app asks before it fetches anything: a web page can start this link.
 */
import { PROTOCOL_SCHEME } from '../../shared/bookmarklet.js';

export { bookmarkletCode, PROTOCOL_SCHEME } from '../../shared/bookmarklet.js';
const MAX_ADDRESS_LENGTH = 8192;

export type DeepLink = { action: 'open'; url: string };

/** The web address a link asks to open, or null when the link is not one the app understands. */
export function parseDeepLink(link: string): DeepLink | null {
  if (link.length > MAX_ADDRESS_LENGTH + 100) return null;
  let parsed: URL;
  try {
    parsed = new URL(link);
  } catch {
    return null;
  }
  // Windows and some browsers add a slash after the host: article-player://open/?url=...
  if (parsed.protocol !== `${PROTOCOL_SCHEME}:` || parsed.hostname !== 'open' || !['', '/'].includes(parsed.pathname)) return null;
  const address = parsed.searchParams.get('url')?.trim();
  if (!address || address.length > MAX_ADDRESS_LENGTH) return null;
  let target: URL;
  try {
    target = new URL(address);
  } catch {
    return null;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return null;
  // user:password@ in a link from a web page is a classic disguise of the real host.
  if (target.username || target.password) return null;
  return { action: 'open', url: target.href };
}

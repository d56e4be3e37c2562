/**
 * DRM: a book whose content documents are encrypted cannot be read, and the listener should hear why
 * rather than get noise or "no text". Signs, from the EPUB Open Container Format and the vendors' files:
 * META-INF/encryption.xml listing encrypted content (not only fonts: font obfuscation is allowed and
 * harmless), META-INF/rights.xml (Adobe ADEPT), META-INF/license.lcpl (Readium LCP), META-INF/sinf.xml
 * (Apple FairPlay).
 */
import { elementsNamed, parseXml, resolveHref } from './epubPackage.js';
import type { ZipArchive } from './zipArchive.js';

/** Font obfuscation algorithms (IDPF, Adobe): they scramble fonts only, never text. */
const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);

function scheme(zip: ZipArchive): string | null {
  if (zip.has('META-INF/license.lcpl')) return 'Readium LCP';
  if (zip.has('META-INF/rights.xml')) return 'Adobe';
  if (zip.has('META-INF/sinf.xml')) return 'Apple FairPlay';
  return null;
}

/** A message when the book's text is locked by DRM, else null. */
export function drmMessage(zip: ZipArchive, label: string): string | null {
  const vendor = scheme(zip);
  let encryptedText = false;
  if (zip.has('META-INF/encryption.xml')) {
    const encryption = parseXml(zip.text('META-INF/encryption.xml'));
    for (const data of elementsNamed(encryption, 'encrypteddata')) {
      const algorithm = elementsNamed(data, 'encryptionmethod')[0]?.getAttribute('Algorithm') ?? elementsNamed(data, 'encryptionmethod')[0]?.getAttribute('algorithm') ?? '';
      if (FONT_OBFUSCATION.has(algorithm)) continue;
      const uri = elementsNamed(data, 'cipherreference')[0]?.getAttribute('URI') ?? elementsNamed(data, 'cipherreference')[0]?.getAttribute('uri') ?? '';
      const target = resolveHref('', uri);
      // Anything but a font or an image encrypted: the text (or the package) is locked.
      if (!target || !/\.(?:otf|ttf|woff2?|jpe?g|png|gif|svg|webp)$/iu.test(target.path)) encryptedText = true;
    }
  }
  if (!encryptedText && !vendor) return null;
  if (!encryptedText && vendor !== 'Adobe') return null; // a licence file beside plain text: readable
  const by = vendor ? ` (${vendor} DRM)` : ' (DRM)';
  return `${label} is protected${by}: its text is encrypted, so Article Player cannot read it. Open it in the reading app it was bought for, or get a DRM-free copy from the seller.`;
}

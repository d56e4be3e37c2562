/**
 * Figures in every format: whether an image's alt text is worth hearing, and whether a caption is numbered
 * (numbered captions carry the argument and are read; others are left out of web pages and tagged PDFs).
 */
import { normalizeText } from '../../shared/article.js';

/** Generic words that name a picture without describing it (alt="image", "Figure 3", "photo.jpg"). */
const PICTURE_WORD = String.raw`(?:image|img|picture|pic|photo|photograph|figure|fig\.?|illustration|graphic|drawing|diagram|chart|plate|cover|title\s?page|frontispiece|icon|logo|untitled|placeholder|bild|imagen|immagine|abbildung|figura)`;
/**
 * One or two of them ("Cover Image", "cover picture": the sample books' covers say so; "title page", as the
 * IDPF Moby-Dick's scanned title page does), optionally numbered.
 */
const PLACEHOLDER_ALT = new RegExp(String.raw`^(?:(?:the|a|an|book|front)\s+)?${PICTURE_WORD}(?:\s+${PICTURE_WORD})?(?:\s*[#№]?\s*[\divxlc]+[a-z]?)?\.?$`, 'iu');

/** Whether an image's alt text says something worth hearing. */
export function describesImage(alt: string, src: string): boolean {
  const text = normalizeText(alt);
  if (!/\p{L}/u.test(text)) return false;
  if (PLACEHOLDER_ALT.test(text)) return false;
  if (/^[\w .,()-]+\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?|avif)$/iu.test(text)) return false; // a file name
  const file = src.split(/[/\\]/u).at(-1) ?? '';
  const stem = file.replace(/\.[a-z0-9]+$/iu, '');
  if (stem && text.toLowerCase() === stem.toLowerCase()) return false;
  return true;
}

/** A numbered caption ("Figure 2. Gas consumption ...", "Table 1: ...") is part of the text it illustrates. */
export const NUMBERED_CAPTION = /^(?:figure|fig\.|table|chart|exhibit|graph|diagram|map)\s*#?\d+[a-z]?\s*[.:—–-]\s*\S/iu;

export function isNumberedCaption(text: string): boolean {
  return NUMBERED_CAPTION.test(normalizeText(text));
}

/**
 * Title, byline and site name from what a page says about itself, before its text is looked at (as
 * trafilatura does): JSON-LD (headline, author, publisher), OpenGraph and <meta name=author>, itemprop and
 * rel=author markup, and the visible headline (<h1>). Each value is cleaned of its labels ("By", "Written
 * by", "Author:"), dates and site-name suffixes, so it is shown once and never read as a paragraph.
 */
import { normalizeText } from '../../shared/article.js';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
}

const ARTICLE_TYPES = /(?:Article|BlogPosting|Posting|Report|WebPage|Recipe|HowTo|Review|Guide)$/u;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function jsonLdObjects(blocks: string[]): Array<Record<string, Json>> {
  const out: Array<Record<string, Json>> = [];
  const visit = (value: Json, depth: number) => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    out.push(value);
    if (value['@graph']) visit(value['@graph'], depth + 1);
    if (value.mainEntity) visit(value.mainEntity, depth + 1);
  };
  for (const block of blocks) {
    try {
      visit(JSON.parse(block) as Json, 0);
    } catch {
      // a broken block says nothing
    }
  }
  return out;
}

function typesOf(object: Record<string, Json>): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((value): value is string => typeof value === 'string');
}

function namesOf(value: Json | undefined): string[] {
  if (!value) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(namesOf);
  if (typeof value === 'object') {
    const name = value.name;
    return typeof name === 'string' ? [name] : [];
  }
  return [];
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', ndash: '–', mdash: '—', hellip: '…' };

/** Entities a page encoded twice ("&amp;#8217;" arrives as "&#8217;"). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/giu, (whole, code: string) => {
    if (code[0] === '#') {
      const value = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return value > 0 && value < 0x110000 ? String.fromCodePoint(value) : whole;
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

function meta(document: Document, selector: string): string | null {
  // The attribute node's value: linkedom's getAttribute escapes what it returns.
  const content = document.querySelector(selector)?.getAttributeNode('content')?.value;
  return content ? normalizeText(decodeEntities(content)) || null : null;
}

/** "By Jane Doe", "Written by: Jane Doe | May 2, 2025", "Author: Jane Doe" -> "Jane Doe". Null when nothing like a name is left. */
export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let text = normalizeText(raw);
  if (/^https?:\/\//iu.test(text)) return null;
  // Labels in front, with or without the space a page's markup left out ("Written bySir Nuno").
  // A date in front ("Jul 11 Written By ...").
  text = text.replace(/^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?)\s*[|·•,–—-]?\s*/iu, '');
  // The label, then a space, a colon or straight the name's capital (no /i here: with it \p{Lu} matches any letter).
  text = text.replace(/^(?:(?:[Ww]ritten|WRITTEN|[Pp]osted|POSTED|[Aa]uthored|[Rr]eviewed|[Ee]dited|[Rr]eported|[Ww]ords|[Ss]tory|[Pp]ublished)\s*)?(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor|[Aa]v)(?=[\s:]|\p{Lu})\s*:?\s*/u, '');
  text = text.replace(/^(?:author|authors|autor|auteur|writer)\s*:\s*/iu, '');
  // A date or a reading time after the name.
  text = text.replace(/(?:\s*[|·•,–—-]\s*|\s+)(?:(?:updated|published|posted)\s+)?(?:on\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,?\s*\d{4})?.*$/iu, '');
  text = text.replace(/\s*[|·•–—-]\s*\d+\s*min(?:ute)?s?\s+read.*$/iu, '');
  text = text.replace(/(\p{Ll})(\p{Lu}[a-z]+\s+\d{1,2},\s*\d{4}).*$/u, '$1');
  text = text.trim().replace(/[|·•,;:–—-]+$/u, '').trim();
  if (!/\p{L}/u.test(text) || text.split(/\s+/u).length > 12) return null;
  return text;
}

const SEPARATOR = /\s+[|–—·•»-]\s+|\s+::\s+/u;

/** "Headline | Site" -> "Headline": a trailing or leading part that names the site is dropped. */
export function stripSiteName(title: string, siteName: string | null, host: string | null): string {
  const parts = title.split(SEPARATOR);
  if (parts.length < 2) return title;
  const site = (siteName ?? '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const hostWord = (host ?? '').toLowerCase().replace(/^www\./u, '').split('.')[0] ?? '';
  const isSite = (part: string) => {
    const key = part.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    return key !== '' && ((site !== '' && (key === site || site.includes(key) || key.includes(site))) || (hostWord.length >= 3 && key.includes(hostWord)));
  };
  let kept = [...parts];
  while (kept.length > 1 && isSite(kept.at(-1)!)) kept.pop();
  while (kept.length > 1 && isSite(kept[0]!)) kept.shift();
  if (kept.length === parts.length && parts.length >= 2) {
    // No part names the site: a short last part after " | " is the site's name all the same.
    const last = parts.at(-1)!;
    if (/\s\|\s/u.test(title) && last.split(/\s+/u).length <= 4) kept = parts.slice(0, -1);
  }
  // Rejoin with the separators the page used.
  const start = title.indexOf(kept[0]!);
  const lastPart = kept.at(-1)!;
  const end = title.lastIndexOf(lastPart) + lastPart.length;
  return normalizeText(title.slice(start, end)) || title;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function overlap(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / Math.min(left.size, right.size);
}

/** Text of an element, a space between its elements ("Jane Doe<span>Writer</span>" is two parts). */
function visibleText(element: Element): string {
  let text = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.textContent ?? '';
      else if (child.nodeType === 1) {
        text += ' ';
        walk(child);
        text += ' ';
      }
    }
  };
  walk(element);
  return normalizeText(decodeEntities(text));
}

/** The first part of an author element's text: its name, before a role or a date in the next element. */
function firstPart(element: Element): string {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    const text = normalizeText(child.nodeType === 3 ? (child.textContent ?? '') : child.nodeType === 1 ? visibleText(child as Element) : '');
    if (/\p{L}{2}/u.test(text) && !/^(?:by|written by|posted by|author:?)$/iu.test(text)) return text;
  }
  return visibleText(element);
}

function isHiddenElement(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true' || /display\s*:\s*none/iu.test(node.getAttribute('style') ?? '')) return true;
  }
  return false;
}

/** `jsonLd`: the text of the page's application/ld+json scripts. */
export function readPageMetadata(document: Document, jsonLd: string[], sourceUrl: string | null): PageMetadata {
  const objects = jsonLdObjects(jsonLd);
  const articles = objects.filter((object) => typesOf(object).some((type) => ARTICLE_TYPES.test(type)));
  const host = (() => {
    try {
      return sourceUrl ? new URL(sourceUrl).hostname : null;
    } catch {
      return null;
    }
  })();

  const siteName =
    meta(document, 'meta[property="og:site_name" i]') ??
    namesOf(articles.map((object) => object.publisher ?? null).find(Boolean) ?? undefined)[0] ??
    null;

  // Title: the visible headline when the page has one; else what the page calls itself, without the site's name.
  const declared = [
    ...articles.map((object) => object.headline).filter((value): value is string => typeof value === 'string'),
    meta(document, 'meta[property="og:title" i]'),
    meta(document, 'meta[name="twitter:title" i]'),
    normalizeText(document.querySelector('title')?.textContent ?? ''),
  ]
    .map((value) => (value ? normalizeText(decodeEntities(value)) : ''))
    .filter(Boolean);
  const headings = Array.from(document.querySelectorAll('h1'))
    .filter((heading) => !isHiddenElement(heading))
    .map(visibleText)
    .filter((text) => text.length >= 3 && text.split(/\s+/u).length <= 40);
  const declaredTitle = declared[0] ? stripSiteName(declared[0], siteName, host) : null;
  // A heading that is the site's name (a logo), or a label of a word or two that the page's title does not
  // share (a section name, a widget), is not the headline.
  const isLogoOrLabel = (text: string) => {
    const key = text.toLowerCase();
    if (siteName && key === siteName.toLowerCase()) return true;
    if (host && key.replace(/\s/gu, '') === host.replace(/^www\./u, '').toLowerCase()) return true;
    if (declared[0] && declaredTitle && declared[0] !== declaredTitle && !declaredTitle.toLowerCase().includes(key) && declared[0].toLowerCase().includes(key)) return true;
    if (declaredTitle === null || text.split(/\s+/u).length > 3 || overlap(text, declaredTitle) > 0) return false;
    // Scripts written without spaces share no "words": containment says it.
    const title = declaredTitle.toLowerCase();
    return !key.includes(title) && !title.includes(key);
  };
  const distinct = [...new Set(headings)].filter((text) => !isLogoOrLabel(text));
  let title: string | null = null;
  if (distinct.length === 1) title = distinct[0]!;
  else if (distinct.length > 1) {
    // Several: the one the page's own title names (a logo or a widget heading does not).
    const scored = distinct.map((text) => ({ text, score: Math.max(0, ...declared.map((name) => overlap(text, name))) })).sort((a, b) => b.score - a.score);
    if (scored[0]!.score >= 0.5) title = scored[0]!.text;
  }
  if (siteName && title && title.toLowerCase() === siteName.toLowerCase() && declared[0]) title = null;
  title ??= declaredTitle;

  // Byline: JSON-LD authors, then author meta, then author markup.
  const ldAuthors = [...new Set(articles.flatMap((object) => namesOf(object.author ?? undefined)).map((name) => normalizeText(name)).filter(Boolean))];
  const metaAuthor = meta(document, 'meta[name="author" i]') ?? meta(document, 'meta[property="article:author" i]') ?? meta(document, 'meta[name="parsely-author" i]') ?? meta(document, 'meta[name="dc.creator" i]');
  const markup = document.querySelector('[itemprop="author"] [itemprop="name"], [itemprop="author"], [rel="author"]');
  // A link to the author's page, or an element the page marks as the author's name.
  const authorLink = Array.from(document.querySelectorAll('a[href*="/author/"], a[href*="/authors/"], a[href*="/writers/"]')).find((link) => !link.closest('nav, footer, aside'));
  const authorClass = Array.from(document.querySelectorAll('[class*="author" i], [class*="byline" i]')).find((element) => {
    const text = visibleText(element);
    return text.length > 0 && text.length < 80 && !element.closest('nav, footer, aside, [class*="comment" i]');
  });
  const candidates = [
    ldAuthors.length > 0 ? ldAuthors.join(', ') : null,
    metaAuthor,
    markup ? firstPart(markup) : null,
    authorLink ? visibleText(authorLink) : null,
    authorClass ? firstPart(authorClass) : null,
  ];
  let byline: string | null = null;
  for (const candidate of candidates) {
    const cleaned = cleanByline(candidate);
    // A site's name given as the author is not a byline unless nothing else is.
    if (cleaned && !(siteName && cleaned.toLowerCase() === siteName.toLowerCase())) {
      byline = cleaned;
      break;
    }
  }
  return { title, byline, siteName };
}

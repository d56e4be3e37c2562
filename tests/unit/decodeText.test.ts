/**
 * Legacy encodings decoded by the WHATWG Encoding Standard (issue 26, case 3): every single-byte encoding the
 * standard lists, through the charset a page declares and through the Content-Type hint. Node 20's own
 * TextDecoder turns windows-1252's 0x80-0x9F (and iso-8859-1's, a label of windows-1252) into C1 controls,
 * which cleanup then drops ("Its" for "It's"), and knows no iso-8859-16.
 */
import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeText } from '../../main/article/decodeText';
import { extractHtml } from '../../main/article/html/extractHtml';

/** Bytes above 0x7F and what the standard's index gives for them, per encoding (with labels that name it). */
const SINGLE_BYTE: Array<{ labels: string[]; bytes: number[]; text: string }> = [
  { labels: ['windows-1252', 'iso-8859-1', 'latin1', 'us-ascii', 'ascii', 'cp1252', 'l1', 'iso_8859-1', 'x-cp1252'], bytes: [0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9c, 0xe9], text: '€…‘’“”–—™œé' },
  { labels: ['windows-1250', 'cp1250'], bytes: [0x8a, 0x9a, 0xb9, 0xea, 0x92], text: 'Ššąę’' },
  { labels: ['windows-1251', 'cp1251'], bytes: [0xc0, 0xe0, 0xa8, 0xb8, 0x96, 0x80], text: 'АаЁё–Ђ' },
  { labels: ['windows-1253'], bytes: [0xc1, 0xe1, 0x80, 0x92], text: 'Αα€’' },
  { labels: ['windows-1254', 'iso-8859-9', 'latin5'], bytes: [0xd0, 0xf0, 0xdd, 0xfd, 0x80, 0x93], text: 'Ğğİı€“' },
  { labels: ['windows-1255'], bytes: [0xe0, 0xa4, 0x80], text: 'א₪€' },
  { labels: ['windows-1256'], bytes: [0xc7, 0x80, 0x81], text: 'ا€پ' },
  { labels: ['windows-1257'], bytes: [0xe0, 0xd0, 0x80], text: 'ąŠ€' },
  { labels: ['windows-1258'], bytes: [0xc3, 0xd0, 0xf0, 0x80], text: 'ĂĐđ€' },
  { labels: ['windows-874', 'iso-8859-11', 'tis-620'], bytes: [0xa1, 0x80, 0x85], text: 'ก€…' },
  { labels: ['iso-8859-2', 'latin2'], bytes: [0xa1, 0xb1, 0xa9, 0xb9], text: 'ĄąŠš' },
  { labels: ['iso-8859-3'], bytes: [0xa1, 0xb1], text: 'Ħħ' },
  { labels: ['iso-8859-4'], bytes: [0xa1, 0xa2], text: 'Ąĸ' },
  { labels: ['iso-8859-5', 'cyrillic'], bytes: [0xb0, 0xd0], text: 'Аа' },
  { labels: ['iso-8859-6', 'arabic'], bytes: [0xc7], text: 'ا' },
  { labels: ['iso-8859-7', 'greek'], bytes: [0xc1, 0xe1, 0xa4], text: 'Αα€' },
  { labels: ['iso-8859-8', 'iso-8859-8-i', 'hebrew'], bytes: [0xe0], text: 'א' },
  { labels: ['iso-8859-10'], bytes: [0xa1, 0xa2], text: 'ĄĒ' },
  { labels: ['iso-8859-13'], bytes: [0xa1, 0xc0], text: '”Ą' },
  { labels: ['iso-8859-14'], bytes: [0xa1], text: 'Ḃ' },
  { labels: ['iso-8859-15', 'l9'], bytes: [0xa4, 0xa6, 0xbc], text: '€ŠŒ' },
  { labels: ['iso-8859-16'], bytes: [0xa1, 0xa4, 0xaa], text: 'Ą€Ș' },
  { labels: ['koi8-r', 'koi8'], bytes: [0xc1, 0xe1, 0xa3], text: 'аАё' },
  { labels: ['koi8-u'], bytes: [0xa4, 0xa6, 0xc1], text: 'єіа' },
  { labels: ['macintosh', 'mac'], bytes: [0x80, 0x8e, 0xd2, 0xd5], text: 'Äé“’' },
  { labels: ['x-mac-cyrillic'], bytes: [0x80, 0xe0], text: 'Аа' },
  { labels: ['ibm866', 'cp866'], bytes: [0x80, 0xa0, 0xf0], text: 'АаЁ' },
];

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

describe('decodeText: legacy single-byte encodings by the WHATWG Encoding Standard', () => {
  for (const { labels, bytes, text } of SINGLE_BYTE) {
    it(`${labels[0]}: declared in the page or given by the response, under each of its labels`, () => {
      for (const label of labels) {
        const page = Uint8Array.from([...ascii(`<meta charset="${label}"><p>`), ...bytes, ...ascii('</p>')]);
        expect(decodeText(page), label).toBe(`<meta charset="${label}"><p>${text}</p>`);
        expect(decodeText(Uint8Array.from(bytes), label.toUpperCase()), label).toBe(text);
      }
    });
  }

  it('resolves labels to the encoding the standard names', () => {
    expect(declaredCharset(Uint8Array.from(ascii('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')))).toBe('windows-1252');
    expect(declaredCharset(Uint8Array.from(ascii('<meta charset="latin1">')))).toBe('windows-1252');
    // A label the standard maps to "replacement" is not trusted: the bytes decide (valid UTF-8 here).
    expect(decodeText(new TextEncoder().encode('<meta charset="iso-2022-kr"><p>Grüße</p>'))).toBe('<meta charset="iso-2022-kr"><p>Grüße</p>');
  });

  it('undeclared bytes that are not UTF-8 are windows-1252, curly quotes and dashes included', () => {
    expect(decodeText(Uint8Array.from([...ascii('Don'), 0x92, ...ascii('t stop '), 0x97, ...ascii(' the '), 0x84, ...ascii('end'), 0x93]))).toBe('Don’t stop — the „end“');
  });

  it('a windows-1252 page keeps its apostrophes, quotes and dashes through extraction', () => {
    const page = Uint8Array.from([
      ...ascii('<html><head><meta charset="iso-8859-1"><title>Notes</title></head><body><article><p>We'),
      0x92,
      ...ascii('ve heard the '),
      0x93,
      ...ascii('late train'),
      0x94,
      ...ascii(' story '),
      0x96,
      ...ascii(' twice, and it'),
      0x92,
      ...ascii('s still good'),
      0x85,
      ...ascii('</p></article></body></html>'),
    ]);
    expect(extractHtml(decodeText(page), 'x').blocks.map((block) => block.text)).toEqual(['We’ve heard the “late train” story – twice, and it’s still good…']);
  });
});

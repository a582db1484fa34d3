/**
 * HTML to plain text without a DOM library: enough for government web pages saved as files.
 * Scripts, styles, `<noscript>`, `<template>` and the `<head>` are dropped, block elements
 * become line breaks, table cells are separated by spaces, tags are stripped and entities
 * decoded. The `<title>` is returned as a title hint.
 */
import iconv from 'iconv-lite';
import { decodeText } from './text.ts';

/** Text and title hint of an HTML page. */
export interface HtmlText {
  text: string;
  title?: string;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', shy: '\u00AD',
  ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', ldquo: '“', rdquo: '”',
  lsquo: '‘', rsquo: '’', sbquo: '‚', bdquo: '„', bull: '•', middot: '·', deg: '°', copy: '©', reg: '®',
  trade: '™', times: '×', divide: '÷', euro: '€', plusmn: '±', sect: '§', para: '¶', frac12: '½',
  frac14: '¼', frac34: '¾', sup2: '²', sup3: '³', iexcl: '¡', iquest: '¿', cent: '¢', pound: '£', yen: '¥',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwj: '\u200D', zwnj: '\u200C',
};
// Latin-1 letters by their entity names (`&ecirc;`, `&Agrave;`…), common in Vietnamese pages.
const LATIN1_NAMES = 'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH '
  + 'Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig';
LATIN1_NAMES.split(' ').forEach((name, i) => {
  const upper = 0xc0 + i;
  NAMED_ENTITIES[name] ??= String.fromCodePoint(upper);
  if (name !== 'times' && name !== 'szlig') NAMED_ENTITIES[name.toLowerCase()] ??= String.fromCodePoint(upper + 0x20);
});
NAMED_ENTITIES.yuml = 'ÿ';

const DROP = /<(script|style|noscript|template|svg|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|thead|tbody|tfoot|section|article|header|footer|nav|aside|main|blockquote|pre|hr|dd|dt|dl|figure|figcaption|form|fieldset|address|caption)\b[^>]*>/gi;
const CELL = /<\/?(?:td|th)\b[^>]*>/gi;

/** Decodes named (common set) and numeric character references. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

/** Converts an HTML document to text (not normalised; the caller normalises). */
export function htmlToText(html: string): HtmlText {
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  const title = titleMatch?.[1] ? decodeEntities(titleMatch[1].replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim() : '';
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
    .replace(DROP, '')
    .replace(/\s+/g, ' ')
    .replace(BLOCK, '\n')
    .replace(CELL, ' ')
    .replace(/<[^>]*>/g, '');
  const text = decodeEntities(body)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00A0]+/g, ' ').trim())
    .filter((line, i, lines) => line !== '' || (i > 0 && lines[i - 1] !== ''))
    .join('\n')
    .trim();
  return title ? { text, title } : { text };
}

/** Decodes HTML bytes: BOM, then a declared `<meta charset>`, then the plain-text rules. */
export function decodeHtml(bytes: Buffer): string {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || bytes[0] === 0xff || bytes[0] === 0xfe;
  if (!hasBom) {
    const head = bytes.subarray(0, 2048).toString('latin1');
    const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
    if (declared && !/^utf-?8$/.test(declared) && iconv.encodingExists(declared)) {
      return iconv.decode(bytes, declared);
    }
  }
  return decodeText(bytes).text;
}

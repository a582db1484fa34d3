/**
 * Section tree of a cleaned document (one paragraph per line, see pdf-text.ts).
 * Legal texts: Phần › Chương › Mục › Điều › khoản (`1.`) › điểm (`a)`).
 * Administrative texts: `I.` › `1.` › `1.1.` › `a)`/`a.`; bullets stay inside their item.
 * The text before the first heading is the preamble (`Phần mở đầu`); the closing
 * `Nơi nhận` block and any `PHỤ LỤC` after it are sections of their own.
 */
import { matchLineMarker, type MarkerKind } from './markers.ts';

export type SectionKind =
  | 'root' | 'preamble' | 'part' | 'chapter' | 'section' | 'article' | 'clause' | 'point'
  | 'roman' | 'arabic' | 'decimal' | 'letter' | 'recipients' | 'appendix';

export interface SectionNode {
  kind: SectionKind;
  /** Path component: `II`, `4`, `b`, `Điều 5`, `khoản 2`, `điểm a`, `Chương II`, `Nơi nhận`. */
  key: string;
  /** The heading line (the whole first line of the section). */
  heading: string;
  /** Offsets in the text: the section with its children, and its own text before the first child. */
  start: number;
  end: number;
  ownEnd: number;
  children: SectionNode[];
}

export type DocumentStyle = 'legal' | 'admin';

export interface ParsedSections {
  style: DocumentStyle;
  root: SectionNode;
}

export interface ParseOptions {
  /** Force a style; by default legal when some line opens with `Điều N.`. */
  style?: DocumentStyle;
  /** Parse the text as the body of this one article (ALQAC records): khoản and điểm at once. */
  article?: string;
}

const LEGAL_LEVEL: Partial<Record<MarkerKind, number>> = { part: 1, chapter: 2, section: 3, article: 4, arabic: 5, letter: 6 };
const ADMIN_LEVEL: Partial<Record<MarkerKind, number>> = { roman: 1, arabic: 2, decimal: 3, letter: 4 };

/** Parse `text` into a section tree. */
export function parseSections(text: string, opts: ParseOptions = {}): ParsedSections {
  const style: DocumentStyle = opts.style ?? (opts.article !== undefined || /(?:^|\n)Điều\s+\d+[a-z]?\s*[.:]/u.test(text) ? 'legal' : 'admin');
  const root: SectionNode = { kind: 'root', key: '', heading: '', start: 0, end: text.length, ownEnd: text.length, children: [] };
  const stack: StackEntry[] = [{ node: root, level: 0 }];
  if (opts.article !== undefined) {
    const article: SectionNode = { kind: 'article', key: `Điều ${opts.article}`, heading: firstLine(text), start: 0, end: text.length, ownEnd: text.length, children: [] };
    root.children.push(article);
    stack.push({ node: article, level: LEGAL_LEVEL.article ?? 4 });
  }
  let closing = false;
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    if (!trimmed) continue;
    const opened = openSection(trimmed, style, stack, closing);
    if (!opened) {
      const top = stack[stack.length - 1];
      if (top) top.hasText = true;
      continue;
    }
    if (opened.kind === 'recipients' || opened.kind === 'appendix') closing = true;
    while (stack.length > 1 && (stack[stack.length - 1]?.level ?? 0) >= opened.level) stack.pop();
    const parent = stack[stack.length - 1]?.node ?? root;
    const node: SectionNode = { kind: opened.kind, key: opened.key, heading: trimmed, start: lineStart, end: text.length, ownEnd: text.length, children: [] };
    parent.children.push(node);
    stack.push({ node, level: opened.level });
  }
  finishOffsets(root, text.length);
  addPreamble(root);
  return { style, root };
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim())?.trim() ?? '';
}

/** An open section and its depth; `hasText` once a line other than a heading was read in it. */
interface StackEntry {
  node: SectionNode;
  level: number;
  hasText?: boolean;
}

function openSection(
  line: string,
  style: DocumentStyle,
  stack: StackEntry[],
  closing: boolean,
): { kind: SectionKind; key: string; level: number } | undefined {
  if (/^PHỤ LỤC(?:\s|$)/u.test(line) && closing) return { kind: 'appendix', key: 'Phụ lục', level: 1 };
  if (/^Nơi nhận\s*:?/u.test(line)) return { kind: 'recipients', key: 'Nơi nhận', level: 1 };
  if (closing) return undefined;
  const marker = matchLineMarker(line);
  if (!marker) return undefined;
  if (style === 'legal') {
    const level = LEGAL_LEVEL[marker.kind];
    if (level === undefined) return undefined;
    const inArticle = stack.some((s) => s.node.kind === 'article');
    if ((marker.kind === 'arabic' || marker.kind === 'letter') && !inArticle) return undefined;
    const kind: SectionKind = marker.kind === 'arabic' ? 'clause' : marker.kind === 'letter' ? 'point' : (marker.kind as SectionKind);
    return { kind, key: legalKey(kind, marker.key), level };
  }
  let level = ADMIN_LEVEL[marker.kind];
  if (level === undefined) return undefined;
  if (marker.kind === 'arabic') level = arabicLevel(marker.key, level, stack);
  const parentKey = stack[stack.length - 1]?.node.key ?? '';
  const key = marker.kind === 'decimal' && marker.key.startsWith(`${parentKey}.`) ? marker.key.slice(parentKey.length + 1) : marker.key;
  return { kind: marker.kind as SectionKind, key, level };
}

/**
 * Where an administrative `N.` item sits, by its numbering: the next number after an open
 * item is that item's sibling; a `1.` right under a bare `3. Đánh giá chung` heading opens a
 * nested list (`3.1`, `3.2` …), not a sibling of an earlier `1.`.
 */
function arabicLevel(key: string, level: number, stack: StackEntry[]): number {
  const open = stack.filter((s) => s.node.kind === 'arabic');
  const continued = [...open].reverse().find((s) => Number(s.node.key) + 1 === Number(key));
  if (continued) return continued.level;
  const deepest = open[open.length - 1];
  if (key === '1' && deepest && stack[stack.length - 1] === deepest && !deepest.hasText) return deepest.level + 0.5;
  return level;
}

function legalKey(kind: SectionKind, key: string): string {
  switch (kind) {
    case 'part': return `Phần ${key}`;
    case 'chapter': return `Chương ${key}`;
    case 'section': return `Mục ${key}`;
    case 'article': return `Điều ${key}`;
    case 'clause': return `khoản ${key}`;
    case 'point': return `điểm ${key}`;
    default: return key;
  }
}

function finishOffsets(node: SectionNode, end: number): void {
  node.end = end;
  node.children.forEach((child, i) => finishOffsets(child, node.children[i + 1]?.start ?? end));
  node.ownEnd = node.children[0]?.start ?? end;
}

function addPreamble(root: SectionNode): void {
  const first = root.children[0];
  const preambleEnd = first ? first.start : root.end;
  if (preambleEnd > 0) {
    root.children.unshift({ kind: 'preamble', key: 'Phần mở đầu', heading: '', start: 0, end: preambleEnd, ownEnd: preambleEnd, children: [] });
  }
  root.ownEnd = 0;
}

/** A run of text that belongs to exactly one section (its own text, children excluded). */
export interface SectionBlock {
  path: string[];
  label: string;
  headingTrail: string[];
  start: number;
  end: number;
}

/** The sections' own texts in document order, with paths, labels and heading trails. */
export function sectionBlocks(parsed: ParsedSections): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  const walk = (node: SectionNode, path: string[], trail: string[]): void => {
    const here = node.kind === 'root' ? path : [...path, node.key];
    const hereTrail = node.heading ? [...trail, shortHeading(node.heading)] : trail;
    if (node.kind !== 'root' && node.ownEnd > node.start) {
      const p = sectionPath(here, node.kind, parsed.style);
      blocks.push({ path: p, label: sectionLabel(p, parsed.style), headingTrail: hereTrail, start: node.start, end: node.ownEnd });
    }
    for (const child of node.children) walk(child, here, hereTrail);
  };
  walk(parsed.root, [], []);
  return blocks;
}

/** Machine path: legal paths start at the article when there is one; special blocks stand alone. */
function sectionPath(full: string[], kind: SectionKind, style: DocumentStyle): string[] {
  if (kind === 'preamble' || kind === 'recipients' || kind === 'appendix') return [full[full.length - 1] ?? ''];
  if (style !== 'legal') return full;
  const article = full.findIndex((k) => k.startsWith('Điều '));
  return article >= 0 ? full.slice(article) : full;
}

/** Human label: `Mục II.4.b`, `Điều 5 khoản 2 điểm a`, `Chương II`, `Phần mở đầu`, `Nơi nhận`. */
export function sectionLabel(path: string[], style: DocumentStyle): string {
  if (path.length === 0) return 'Phần mở đầu';
  const only = path[0] ?? '';
  if (path.length === 1 && (only === 'Phần mở đầu' || only === 'Nơi nhận' || only === 'Phụ lục')) return only;
  return style === 'legal' ? path.join(' ') : `Mục ${path.join('.')}`;
}

/** Headings in trails are kept short: long numbered paragraphs are cut at a word. */
function shortHeading(heading: string): string {
  if (heading.length <= 160) return heading;
  return `${heading.slice(0, 157).replace(/\s+\S*$/u, '')}…`;
}

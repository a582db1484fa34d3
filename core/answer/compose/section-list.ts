/**
 * Whole lists: "những nhiệm vụ …", "khó khăn, vướng mắc", "kiến nghị", "giải pháp". The
 * list is what stands under the heading that best matches the question — a section heading
 * ("III. Khó khăn, vướng mắc", "2. Sở Khoa học và Công nghệ:") or a lead-in sentence ending
 * in a colon ("… khuyến khích doanh nghiệp triển khai một số nội dung:") — gathered across
 * chunk boundaries by section path, with a paragraph split between two chunks joined back.
 * Items are the subsection headings when the section has subsections, else its marked
 * paragraphs ("-", "+", "a)", "(1)") or inline "(a) …; (b) …" parts, else its paragraphs,
 * and a single paragraph is read sentence by sentence. Every item is quoted whole and cited.
 */
import type { Chunk, DocumentRecord } from '../../model.ts';
import { quoteAround, withMark, type CitationList } from '../ground/citations.ts';
import { coverage, passageTerms, unitFound, type ContentUnit, type TermSet } from '../retrieve/coverage.ts';
import type { MarkedChunk } from './document-header.ts';
import { splitSentences } from './sentences.ts';
import cues from '../../../prompts/cues/documents.vi.json' with { type: 'json' };
import { HEADING_OWN_WEIGHT, LIST_HEADING_MIN_COVERAGE, LIST_QUOTE_MAX_CHARS, MAX_LIST_ITEMS } from '../tuning.ts';

/** One list item with where it lies. */
export interface ListItem {
  text: string;
  /** The chunk holding the item's start, and its offset there. */
  chunk: Chunk;
  start: number;
}

/** A list found for a question. */
export interface FoundList {
  heading: string;
  /** Where the heading is written, when a chunk holds it (it is cited with the items). */
  at?: { chunk: Chunk; start: number };
  /** How much of the question's own content (beyond the document's title) the heading covers. */
  coverage: number;
  items: ListItem[];
}

const MARKER = /^(?:[-–+•*]|\(?[a-zđ]\)|\(?\d{1,2}[.)]|[a-zđ]\.|[IVX]+\.)\s+/iu;
const INLINE_MARKER = /\(([a-zđ]|\d{1,2})\)\s+/giu;
const CLOSING = new RegExp(`^(?:${cues.closingFormulas.join('|')})`, 'iu');
const MEASURE_LEAD = new RegExp(`^(?:${cues.measureLeads.join('|')})\\s`, 'iu');

const isBody = (c: Chunk) => (c as MarkedChunk).kind === undefined;
const startsWith = (path: readonly string[], prefix: readonly string[]) => prefix.every((k, i) => path[i] === k);

/** Paragraphs of a chunk with their offsets, blank lines skipped. */
function paragraphs(chunk: Chunk): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let offset = 0;
  for (const line of chunk.text.split('\n')) {
    const lead = line.length - line.trimStart().length;
    if (line.trim()) out.push({ text: line.trim(), start: offset + lead });
    offset += line.length + 1;
  }
  return out;
}

function isClosing(text: string): boolean {
  return CLOSING.test(text) || /\.\/\.\s*$/u.test(text);
}

/** Inline "(a) …; (b) …" parts of a paragraph, when it holds two or more. */
function inlineParts(text: string): Array<{ text: string; start: number }> {
  const marks = [...text.matchAll(INLINE_MARKER)].filter((m) => {
    const before = text.slice(0, m.index ?? 0).trimEnd();
    return before === '' || /[;:.]$/u.test(before);
  });
  if (marks.length < 2) return [];
  return marks.map((m, i) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = i + 1 < marks.length ? marks[i + 1]!.index ?? text.length : text.length;
    return { text: text.slice(from, to).replace(/[;.\s]+$/u, ''), start: from };
  });
}

/** The items of a run of paragraphs (see the module comment). */
function itemsOf(paras: ReadonlyArray<{ text: string; start: number; chunk: Chunk; continues: boolean }>): ListItem[] {
  const kept = paras.filter((p) => !isClosing(p.text));
  const joined: Array<{ text: string; start: number; chunk: Chunk }> = [];
  for (const p of kept) {
    const last = joined[joined.length - 1];
    if (p.continues && last) last.text = `${last.text} ${p.text}`;
    else joined.push({ text: p.text, start: p.start, chunk: p.chunk });
  }
  const marked = joined.filter((p) => MARKER.test(p.text));
  if (marked.length >= 2) return marked.map((p) => ({ text: p.text.replace(MARKER, '').trim(), chunk: p.chunk, start: p.start }));
  if (joined.length === 1) {
    const only = joined[0]!;
    const inline = inlineParts(only.text);
    if (inline.length >= 2) return inline.map((x) => ({ text: x.text, chunk: only.chunk, start: only.start + x.start }));
    return splitSentences(only.text).map((s) => ({ text: only.text.slice(s.start, s.end), chunk: only.chunk, start: only.start + s.start }));
  }
  return joined.map((p) => ({ text: p.text.replace(MARKER, '').trim(), chunk: p.chunk, start: p.start }));
}

/** The items under the section at `path` (see the module comment). */
function sectionItems(body: readonly Chunk[], path: readonly string[]): ListItem[] {
  const under = body.filter((x) => startsWith(x.sectionPath, path));
  const deeper = under.filter((x) => x.sectionPath.length > path.length && x.headingTrail.length === x.sectionPath.length);
  if (deeper.length > 0) {
    // Subsections: their headings are the items.
    const heads: ListItem[] = [];
    const done = new Set<string>();
    for (const x of deeper) {
      const sub = x.sectionPath.slice(0, path.length + 1).join('\u0000');
      const h = x.headingTrail[path.length];
      if (done.has(sub) || !h) continue;
      done.add(sub);
      heads.push({ text: h.replace(MARKER, '').replace(/:$/u, '').trim(), chunk: x, start: Math.max(0, x.text.indexOf(h)) });
    }
    if (heads.length >= 2) return heads;
  }
  const trail = new Set(under.flatMap((x) => x.headingTrail));
  return itemsOf(under.flatMap((x, i) => paragraphs(x)
    .filter((p) => !trail.has(p.text))
    .map((p, j) => ({ ...p, chunk: x, continues: i > 0 && j === 0 && ((x as MarkedChunk).continues ?? false) }))));
}

/** Candidate lists of a document: one per section heading, one per lead-in paragraph ending in a colon. */
interface Candidate {
  heading: string;
  /** The headings from the top down to this one. */
  trail: string[];
  at?: { chunk: Chunk; start: number };
  items: () => ListItem[];
}

function candidates(chunks: readonly Chunk[]): Candidate[] {
  const body = chunks.filter(isBody);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const c of body) {
    // Every heading above the chunk: "1. Danh mục … gồm các nhóm:" has no chunk of its own.
    if (c.headingTrail.length !== c.sectionPath.length) continue;
    for (let depth = 1; depth <= c.sectionPath.length; depth += 1) {
      const path = c.sectionPath.slice(0, depth);
      const key = path.join('\u0000');
      const heading = c.headingTrail[depth - 1];
      if (!heading || seen.has(key)) continue;
      seen.add(key);
      const holder = body.find((x) => startsWith(x.sectionPath, path) && x.text.includes(heading));
      const written = holder ? holder.text.indexOf(heading) : -1;
      out.push({
        heading,
        trail: c.headingTrail.slice(0, depth),
        ...(holder && written >= 0 ? { at: { chunk: holder, start: written } } : {}),
        items: () => sectionItems(body, path),
      });
    }
  }
  // Lead-in sentences ending in a colon, with the marked paragraphs after them.
  const flat = body.flatMap((c) => paragraphs(c).map((p) => ({ ...p, chunk: c })));
  flat.forEach((p, i) => {
    if (!p.text.endsWith(':') || MARKER.test(p.text) && p.text.length < 80) return;
    const sentences = splitSentences(p.text);
    const lead = sentences[sentences.length - 1];
    const heading = lead ? p.text.slice(lead.start, lead.end) : p.text;
    out.push({
      heading,
      trail: [...p.chunk.headingTrail, heading],
      at: { chunk: p.chunk, start: p.start + (lead?.start ?? 0) },
      items: () => {
        const run: Array<{ text: string; start: number; chunk: Chunk; continues: boolean }> = [];
        for (const next of flat.slice(i + 1)) {
          const marked = MARKER.test(next.text) || inlineParts(next.text).length >= 2;
          if (!marked && run.length > 0) break;
          if (!marked) break;
          run.push({ ...next, continues: false });
        }
        if (run.length === 1) {
          const inline = inlineParts(run[0]!.text);
          if (inline.length >= 2) return inline.map((x) => ({ text: x.text, chunk: run[0]!.chunk, start: run[0]!.start + x.start }));
        }
        return run.length >= 2 ? itemsOf(run) : [];
      },
    });
  });
  return out;
}

/**
 * The list under the heading of `doc` that best covers `units` beyond what names the
 * document (`documentTerms`: its title, type, number, issuer; and the question's numbers
 * and dates); undefined when no heading covers at least {@link LIST_HEADING_MIN_COVERAGE} or
 * it has fewer than two items.
 */
export function findList(doc: DocumentRecord, chunks: readonly Chunk[], units: readonly ContentUnit[], documentTerms: TermSet): FoundList | undefined {
  // What the question says beyond naming the document: not its title words, not its numbers and dates.
  const rest = units.filter((u) => !unitFound(u, documentTerms) && !u.alternatives.every((a) => a.every((t) => /\d/u.test(t))));
  const asked = rest.length > 0 ? rest : units;
  let best: FoundList | undefined;
  for (const c of candidates(chunks)) {
    const own = coverage(asked, passageTerms(c.heading));
    if (own === 0) continue;
    // The heading with the headings above it, the heading's own words breaking ties.
    const cov = coverage(asked, passageTerms(c.trail.join('\n'))) + HEADING_OWN_WEIGHT * own;
    if (cov < LIST_HEADING_MIN_COVERAGE || (best && cov <= best.coverage)) continue;
    const items = c.items();
    if (items.length >= 2) best = { heading: c.heading, coverage: cov, items, ...(c.at ? { at: c.at } : {}) };
  }
  return best;
}

/**
 * A list written as prose, for a question no heading covers: when the paragraph that covers
 * `units` best (at least {@link LIST_HEADING_MIN_COVERAGE}) tells its measures
 * sentence by sentence, each opening with a verb of doing ("Triển khai lắp đặt hệ thống
 * Camera …. Ứng dụng phần mềm …. Ứng dụng GIS và viễn thám …"); its items are those
 * sentences, two at least. Undefined when no paragraph is such a list.
 */
export function findSentenceList(chunks: readonly Chunk[], units: readonly ContentUnit[], documentTerms: TermSet): FoundList | undefined {
  const rest = units.filter((u) => !unitFound(u, documentTerms));
  const asked = rest.length > 0 ? rest : units;
  let best: { chunk: Chunk; text: string; start: number; coverage: number } | undefined;
  for (const chunk of chunks.filter(isBody)) {
    const trail = new Set(chunk.headingTrail);
    for (const p of paragraphs(chunk)) {
      if (trail.has(p.text)) continue;
      const cov = coverage(asked, passageTerms(p.text));
      if (!best || cov > best.coverage) best = { chunk, ...p, coverage: cov };
    }
  }
  // Only the paragraph that covers the question best: another's measures answer another question.
  if (!best || best.coverage < LIST_HEADING_MIN_COVERAGE) return undefined;
  const { chunk, text, start } = best;
  const items = splitSentences(text)
    .map((s) => ({ text: text.slice(s.start, s.end), chunk, start: start + s.start }))
    .filter((s) => MEASURE_LEAD.test(s.text));
  return items.length >= 2 ? { heading: chunk.headingTrail[chunk.headingTrail.length - 1] ?? '', coverage: best.coverage, items } : undefined;
}

/** The list as answer lines: its heading, then every item cited to its chunk. */
export function composeList(doc: DocumentRecord, list: FoundList, citations: CitationList): string[] {
  const items = list.items.slice(0, MAX_LIST_ITEMS);
  const spans = new Map<Chunk, Array<{ start: number; end: number }>>();
  const add = (chunk: Chunk, start: number, length: number) => spans.set(chunk, [...(spans.get(chunk) ?? []), { start, end: Math.min(chunk.text.length, start + length) }]);
  if (list.at) add(list.at.chunk, list.at.start, list.heading.length);
  for (const i of items) add(i.chunk, i.start, i.text.length);
  const numbers = new Map<Chunk, number>();
  for (const [chunk, s] of spans) numbers.set(chunk, citations.cite(chunk, doc, quoteAround(chunk.text, s, LIST_QUOTE_MAX_CHARS)));
  const heading = list.heading.replace(MARKER, '').replace(/:$/u, '').trim();
  const head = list.at ? withMark(heading, numbers.get(list.at.chunk)!) : heading;
  return [`${head.replace(/\.$/u, '')}:`, ...items.map((i) => withMark(`- ${i.text}`, numbers.get(i.chunk)!))];
}

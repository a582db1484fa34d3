/**
 * Citations: which passage an answer rests on, down to the section, with the quoted text
 * (trimmed on sentence boundaries) and a human label such as
 * `Kế hoạch số 83/KH-UBND ngày 04/6/2021`.
 */
import type { Chunk, Citation, DocumentRecord } from '../../model.ts';
import { clip, splitSentences, type SentenceSpan } from '../compose/sentences.ts';
import { QUOTE_MAX_CHARS } from '../tuning.ts';

/**
 * A date written the way Vietnamese administrative documents write it: day below 10 and
 * months 1–2 with a leading zero (`2021-06-04` → `04/6/2021`, `2021-01-15` → `15/01/2021`).
 * Returns undefined for anything that is not an ISO date.
 */
export function vietnameseDate(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const day = Number(m[3]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${String(day).padStart(2, '0')}/${month <= 2 ? String(month).padStart(2, '0') : month}/${m[1]}`;
}

/**
 * A procedure's name as it reads after the word "thủ tục" and inside quotation marks: the
 * catalogue's own leading "Thủ tục" dropped (`Thủ tục đăng ký khai sinh` → `Đăng ký khai
 * sinh`, never `thủ tục “Thủ tục …”`), and quotation marks inside it made single
 * (`Cấp tem “AB”` → `Cấp tem ‘AB’`) so quotes never nest.
 */
export function procedureDisplayName(name: string): string {
  const bare = name.trim().replace(/^thủ\s+tục\s+(?=\S)/iu, '');
  const capital = bare.charAt(0).toUpperCase() + bare.slice(1);
  return capital.replace(/[“"]([^“”"]*)[”"]/gu, '‘$1’');
}

/**
 * How a document is named in notices and lists: type, number and date when known
 * (`Kế hoạch số 83/KH-UBND ngày 04/6/2021`); the title in quotes when neither number nor
 * date is known; procedures by name and code (`Thủ tục “Cấp hộ chiếu” (mã 1.001471)`).
 */
export function documentLabel(doc: Pick<DocumentRecord, 'type' | 'title' | 'number' | 'issuedDate'>): string {
  if (doc.type === 'thủ tục') return `Thủ tục “${procedureDisplayName(doc.title)}”${doc.number ? ` (mã ${doc.number})` : ''}`;
  const type = doc.type === 'khác' ? 'Văn bản' : doc.type.charAt(0).toUpperCase() + doc.type.slice(1);
  const date = doc.issuedDate ? vietnameseDate(doc.issuedDate) : undefined;
  const parts = [type];
  if (doc.number) parts.push(`số ${doc.number}`);
  if (date) parts.push(`ngày ${date}`);
  if (!doc.number && !date) parts.push(`“${doc.title}”`);
  return parts.join(' ');
}

/**
 * The part of `text` to quote: the focus sentences with as much context around them as fits
 * in `max` characters (cut on sentence boundaries, `…` where text was left out). Without a
 * focus, the passage from its start. Focus sentences too far apart are joined with ` … `.
 */
export function quoteAround(text: string, focus: readonly SentenceSpan[] = [], max = QUOTE_MAX_CHARS): string {
  const whole = text.trim();
  if (whole.length <= max) return whole;
  const sentences = splitSentences(text);
  if (sentences.length === 0) return clip(whole, max);
  const slice = (s: SentenceSpan): string => text.slice(s.start, s.end);
  let lo: number;
  let hi: number;
  if (focus.length === 0) {
    lo = 0;
    hi = 0;
  } else {
    const first = Math.min(...focus.map((f) => f.start));
    const last = Math.max(...focus.map((f) => f.end));
    lo = Math.max(0, sentences.findIndex((s) => s.end > first));
    hi = sentences.findIndex((s) => s.end >= last);
    if (hi < 0) hi = sentences.length - 1;
    if (sentences[hi]!.end - sentences[lo]!.start > max) {
      return focus.map((f) => clip(text.slice(f.start, f.end).trim(), max)).join(' … ');
    }
  }
  const length = (a: number, b: number): number => sentences[b]!.end - sentences[a]!.start;
  if (length(lo, hi) > max) return clip(slice(sentences[lo]!), max);
  for (let grew = true; grew;) {
    grew = false;
    if (hi + 1 < sentences.length && length(lo, hi + 1) <= max) {
      hi += 1;
      grew = true;
    }
    if (lo > 0 && length(lo - 1, hi) <= max) {
      lo -= 1;
      grew = true;
    }
  }
  const body = text.slice(sentences[lo]!.start, sentences[hi]!.end);
  return `${lo > 0 ? '… ' : ''}${body}${hi < sentences.length - 1 ? ' …' : ''}`;
}

/** Put `[n]` before the sentence's closing punctuation: `… 20.000 đồng [1].` */
export function withMark(sentence: string, n: number): string {
  const s = sentence.trim();
  const end = /\s*[.:;!?]+$/u.exec(s);
  if (!end) return `${s} [${n}]`;
  const last = end[0].slice(-1);
  return `${s.slice(0, end.index)} [${n}]${last === ';' ? '.' : last}`;
}

/** Link to a passage in the source viewer (the chunk is highlighted there). */
export function citationLink(docId: string, chunkId: string): string {
  return `/sources/${encodeURIComponent(docId)}?chunk=${encodeURIComponent(chunkId)}`;
}

/** What a citation needs of its document. */
export type CitedDocument = Pick<DocumentRecord, 'id' | 'sourceId' | 'title' | 'number'> & Partial<Pick<DocumentRecord, 'type' | 'issuedDate'>>;

/** One citation object (the `/api/chat` shape), with the document's label and date. */
export function buildCitation(n: number, chunk: Pick<Chunk, 'id' | 'sectionLabel'>, doc: CitedDocument, quote: string): Citation {
  return {
    n, docId: doc.id, sourceId: doc.sourceId, title: doc.title,
    ...(doc.number ? { number: doc.number } : {}),
    ...(doc.issuedDate ? { issuedDate: doc.issuedDate } : {}),
    ...(doc.type ? { label: documentLabel({ ...doc, type: doc.type }) } : {}),
    section: chunk.sectionLabel, quote, link: citationLink(doc.id, chunk.id),
  };
}

/**
 * Citations numbered from 1 in order of first use, one per section of a document: citing
 * another passage of a section already cited reuses its number and adds the passage's
 * quote to it (so the quote still holds every fact the answer takes from the section), and
 * the link stays on the first passage.
 */
export class CitationList {
  readonly items: Citation[] = [];
  private readonly bySection = new Map<string, Citation>();

  /** The number of the citation for `chunk`'s section, adding it (with `quote`) on first use. */
  cite(chunk: Pick<Chunk, 'id' | 'sectionLabel'>, doc: CitedDocument, quote: string): number {
    const key = `${doc.id}\u0000${chunk.sectionLabel}`;
    const known = this.bySection.get(key);
    if (known) {
      if (!known.quote.includes(quote.trim())) known.quote = `${known.quote}\n…\n${quote.trim()}`;
      return known.n;
    }
    const c = buildCitation(this.items.length + 1, chunk, doc, quote);
    this.items.push(c);
    this.bySection.set(key, c);
    return c.n;
  }

  /** Distinct cited document ids, in order of first citation. */
  docIds(): string[] {
    return [...new Set(this.items.map((c) => c.docId))];
  }
}

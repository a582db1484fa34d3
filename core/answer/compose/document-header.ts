/**
 * A document's own header facts (số ký hiệu, date, issuer and parent body, trích yếu,
 * signer and title, recipients, the texts it carries out), each with the chunk that shows
 * it, for answers cited to the header, signature or `Nơi nhận` block.
 *
 * Read from what ingestion stored: `DocumentMeta.header` and the chunks of kind `header`,
 * `signature` and `recipients` when the index has them; otherwise from the chunks as they
 * are (the first chunk opens with the header; the `Nơi nhận:` chunk holds the recipients and
 * then the signature block). A fact is given only when a chunk's text shows it, so the
 * answer's citation always holds what the answer says; a number or date known only from a
 * sidecar is not a fact of the text.
 */
import type { Chunk, DocumentRecord } from '../../model.ts';
import { findDocumentNumbers } from '../../structure/document-numbers.ts';
import { parseVietnameseDate } from '../../structure/vietnamese-date.ts';
import { foldDiacritics } from '../../text/fold.ts';

/** The header facts ingestion may store on a document (core/model.ts `DocumentHeader`, when present). */
export interface StoredHeader {
  number?: string;
  date?: string;
  issuer?: string;
  parentBody?: string;
  subject?: string;
  signingFor?: string[];
  signerTitle?: string;
  signer?: string;
  recipients?: string[];
}

/** A chunk as ingestion may mark it (core/model.ts `ChunkKind`, when present). */
export type MarkedChunk = Chunk & { kind?: string; notes?: Array<{ marker: string; text: string }>; continues?: boolean };

/** One fact with the chunk to cite for it. */
export interface SourcedFact<T> {
  value: T;
  chunk: Chunk;
}

export interface HeaderView {
  number?: SourcedFact<string>;
  /** ISO date. */
  date?: SourcedFact<string>;
  issuer?: SourcedFact<string>;
  parentBody?: SourcedFact<string>;
  subject?: SourcedFact<string>;
  /** Authority lines (`KT. GIÁM ĐỐC`), the title and the name, as the signature block writes them. */
  signingFor?: SourcedFact<string[]>;
  signerTitle?: SourcedFact<string>;
  signer?: SourcedFact<string>;
  recipients?: SourcedFact<string[]>;
  /** The opening sentences that name the texts the document carries out ("Thực hiện Công văn số …"). */
  basis?: SourcedFact<string[]>;
}

const squash = (s: string) => foldDiacritics(s.toLowerCase()).replace(/\s+/gu, '');
const compactNumber = (s: string) => s.replace(/\s+/gu, '').toUpperCase();
const kindOf = (c: Chunk) => (c as MarkedChunk).kind;
const BASIS_OPENING = /^(?:Thực hiện|Căn cứ|Theo|Triển khai|Trên cơ sở)\b/u;
const AUTHORITY_LINE = /^(?:KT|TM|TL|TUQ|Q)\.\s*\S/u;
const UPPER_LINE = /^[\p{Lu}\d.,()\s-]+$/u;
/** A signer's name: two to five capitalised words, nothing else on the line (a spliced footnote number cut off). */
const NAME_LINE = /^((?:[\p{Lu}][\p{Ll}]+\s+){1,4}[\p{Lu}][\p{Ll}]+)(?:\s+\d.*)?$/u;

/** The first chunk whose text holds `value` (spacing and diacritics aside). */
function chunkShowing(chunks: readonly Chunk[], value: string, prefer: readonly Chunk[] = []): Chunk | undefined {
  const key = squash(value);
  if (!key) return undefined;
  return [...prefer, ...chunks].find((c) => squash(c.text).includes(key));
}

function chunkWithNumber(chunks: readonly Chunk[], number: string, prefer: readonly Chunk[]): Chunk | undefined {
  const key = compactNumber(number);
  return [...prefer, ...chunks].find((c) => findDocumentNumbers(c.text).some((r) => compactNumber(r.number) === key));
}

function chunkWithDate(chunks: readonly Chunk[], iso: string, prefer: readonly Chunk[]): Chunk | undefined {
  return [...prefer, ...chunks].find((c) => c.text.split('\n').some((line) => parseVietnameseDate(line) === iso));
}

/** The recipients and signature read from a `Nơi nhận:` chunk of an index without block chunks. */
function closingOf(chunk: Chunk): { recipients: string[]; authority: string[]; title?: string; name?: string } {
  const lines = chunk.text.split('\n').map((l) => l.trim()).filter(Boolean);
  const start = lines.findIndex((l) => /^Nơi nhận\s*:?/iu.test(l));
  const recipients: string[] = [];
  const authority: string[] = [];
  let title: string | undefined;
  let name: string | undefined;
  for (const line of lines.slice(start + 1)) {
    if (/^[-–+•]\s*/u.test(line) && authority.length === 0 && !title) {
      recipients.push(line.replace(/^[-–+•]\s*/u, '').replace(/[;.,]$/u, '').trim());
    } else if (AUTHORITY_LINE.test(line)) {
      authority.push(line);
    } else if (UPPER_LINE.test(line) && /\p{Lu}{2}/u.test(line)) {
      title = line;
    } else if (!name && (title || authority.length > 0)) {
      const m = NAME_LINE.exec(line);
      if (m) name = m[1];
    } else if (recipients.length > 0 && authority.length === 0 && !title) {
      // A recipient continued on the next line ("VPUB: CVP, PCVP," / "Các phòng, ban, đơn vị;").
      recipients[recipients.length - 1] = `${recipients[recipients.length - 1]}, ${line.replace(/[;.,]$/u, '')}`;
    }
  }
  return { recipients, authority, ...(title ? { title } : {}), ...(name ? { name } : {}) };
}

/** The header facts of `doc` as its chunks show them; see the module comment. */
export function headerView(doc: DocumentRecord, chunks: readonly Chunk[]): HeaderView {
  const stored = (doc as DocumentRecord & { header?: StoredHeader }).header;
  const headerChunks = chunks.filter((c) => kindOf(c) === 'header');
  const head = headerChunks.length > 0 ? headerChunks : chunks.slice(0, 1);
  const body = chunks.filter((c) => kindOf(c) === undefined);
  const view: HeaderView = {};

  const number = stored?.number ?? doc.number;
  if (number) {
    const chunk = chunkWithNumber(chunks.slice(0, 3), number, head);
    if (chunk) view.number = { value: number, chunk };
  }
  const date = stored?.date ?? doc.issuedDate;
  if (date) {
    const chunk = chunkWithDate(chunks.slice(0, 3), date, head);
    if (chunk) view.date = { value: date, chunk };
  }
  const issuer = stored?.issuer ?? doc.issuer;
  if (issuer) view.issuer = { value: issuer, chunk: chunkShowing(head, issuer) ?? head[0] ?? chunks[0]! };
  if (stored?.parentBody) view.parentBody = { value: stored.parentBody, chunk: chunkShowing(head, stored.parentBody) ?? head[0] ?? chunks[0]! };
  const subject = stored?.subject ?? doc.title;
  const subjectChunk = chunkShowing(head, subject);
  if (subject && subjectChunk) view.subject = { value: subject, chunk: subjectChunk };

  const signature = chunks.find((c) => kindOf(c) === 'signature');
  const recipientsChunk = chunks.find((c) => kindOf(c) === 'recipients');
  if (stored && (signature || recipientsChunk)) {
    if (signature && stored.signer) view.signer = { value: stored.signer, chunk: signature };
    if (signature && stored.signerTitle) view.signerTitle = { value: stored.signerTitle, chunk: signature };
    if (signature && stored.signingFor?.length) view.signingFor = { value: stored.signingFor, chunk: signature };
    if (recipientsChunk && stored.recipients?.length) view.recipients = { value: stored.recipients, chunk: recipientsChunk };
  } else {
    const closing = chunks.find((c) => /^Nơi nhận\s*:?/imu.test(c.text));
    if (closing) {
      const read = closingOf(closing);
      if (read.recipients.length > 0) view.recipients = { value: read.recipients, chunk: closing };
      if (read.authority.length > 0) view.signingFor = { value: read.authority, chunk: closing };
      if (read.title) view.signerTitle = { value: read.title, chunk: closing };
      if (read.name) view.signer = { value: read.name, chunk: closing };
    }
  }

  // The texts the document carries out: its opening sentences that cite a document number.
  const opening = body.find((c) => BASIS_OPENING.test(c.text.trim())) ?? body.slice(0, 2).find((c) => c.text.split('\n').some((l) => BASIS_OPENING.test(l.trim())));
  if (opening) {
    const sentences = opening.text.split('\n').map((l) => l.trim()).filter((l) => BASIS_OPENING.test(l) && findDocumentNumbers(l).length > 0);
    if (sentences.length > 0) view.basis = { value: sentences, chunk: opening };
  }
  return view;
}

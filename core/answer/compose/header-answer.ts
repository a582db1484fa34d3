/**
 * Answers about a document's own header: "… số mấy / ban hành ngày nào / ai ký / cơ quan
 * nào ban hành / về việc gì / gửi ai / để thực hiện văn bản nào", each fact from the
 * document's header, signature or `Nơi nhận` block (document-header.ts) and cited to it.
 * The document is named first by its trích yếu, cited to the header. A fact the document
 * does not hold (left blank, or lost in extraction) is said to be missing, never borrowed
 * from another document.
 */
import type { Chunk, DocumentRecord } from '../../model.ts';
import { findDocumentNumbers } from '../../structure/document-numbers.ts';
import { quoteAround, vietnameseDate, withMark, type CitationList } from '../ground/citations.ts';
import { fill, MESSAGES_VI } from '../messages.ts';
import type { HeaderField } from '../understand/document-question.ts';
import { headerView, type HeaderView } from './document-header.ts';
import { splitSentences } from './sentences.ts';
import { LIST_QUOTE_MAX_CHARS } from '../tuning.ts';

const TEXT = MESSAGES_VI.document;

/** What a header question gave: the answer lines, and the asked facts the document lacks. */
export interface HeaderAnswer {
  lines: string[];
  missing: HeaderField[];
}

function cite(citations: CitationList, doc: DocumentRecord, chunk: Chunk, focus: readonly string[] = []): number {
  const spans = focus.flatMap((f) => {
    const at = chunk.text.indexOf(f);
    return at >= 0 ? [{ start: at, end: at + f.length }] : [];
  });
  return citations.cite(chunk, doc, quoteAround(chunk.text, spans, LIST_QUOTE_MAX_CHARS));
}

/** Whether the view holds what a field asks. */
function has(view: HeaderView, field: HeaderField): boolean {
  if (field === 'signerTitle') return view.signerTitle !== undefined || view.signingFor !== undefined;
  return view[field] !== undefined;
}

/** The sentences of the opening that cite another text, whole. */
function basisSentences(paragraphs: readonly string[]): string[] {
  return paragraphs.flatMap((p) => splitSentences(p).map((s) => p.slice(s.start, s.end)).filter((s) => findDocumentNumbers(s).length > 0).slice(0, 1));
}

/** Compose the answer to the header `fields` asked of `doc`; see the module comment. */
export function composeHeaderAnswer(doc: DocumentRecord, chunks: readonly Chunk[], fields: readonly HeaderField[], citations: CitationList): HeaderAnswer {
  const view = headerView(doc, chunks);
  const missing = fields.filter((f) => !has(view, f));
  const present = fields.filter((f) => has(view, f));
  if (present.length === 0) return { lines: [], missing };
  const lines: string[] = [];
  if (view.subject && !present.includes('subject')) {
    lines.push(withMark(`${doc.type.charAt(0).toUpperCase()}${doc.type.slice(1)} “${view.subject.value}”`, cite(citations, doc, view.subject.chunk, [view.subject.value])) + ':');
  }
  for (const field of present) {
    switch (field) {
      case 'number': {
        const n = cite(citations, doc, view.number!.chunk);
        lines.push(withMark(fill(TEXT.field.number, { value: view.number!.value }), n));
        break;
      }
      case 'date': {
        const n = cite(citations, doc, view.date!.chunk);
        lines.push(withMark(fill(TEXT.field.date, { value: vietnameseDate(view.date!.value) ?? view.date!.value }), n));
        break;
      }
      case 'issuer': {
        const n = cite(citations, doc, view.issuer!.chunk);
        lines.push(withMark(fill(TEXT.field.issuer, { value: view.issuer!.value }), n));
        if (view.parentBody) lines.push(withMark(fill(TEXT.field.parentBody, { value: view.parentBody.value }), cite(citations, doc, view.parentBody.chunk)));
        break;
      }
      case 'subject': {
        const n = cite(citations, doc, view.subject!.chunk, [view.subject!.value]);
        lines.push(withMark(fill(TEXT.field.subject, { value: view.subject!.value }), n));
        break;
      }
      case 'signer': {
        const n = cite(citations, doc, view.signer!.chunk);
        const title = [...(view.signingFor?.value ?? []), view.signerTitle?.value].filter(Boolean).join(', ');
        lines.push(withMark(fill(TEXT.field.signer, { value: title ? `${view.signer!.value} (${title})` : view.signer!.value }), n));
        break;
      }
      case 'signerTitle': {
        if (present.includes('signer')) break;
        const chunk = (view.signerTitle ?? view.signingFor)!.chunk;
        const title = [...(view.signingFor?.value ?? []), view.signerTitle?.value].filter(Boolean).join(', ');
        lines.push(withMark(fill(TEXT.field.signerTitle, { value: view.signer ? `${title} (${view.signer.value})` : title }), cite(citations, doc, chunk)));
        break;
      }
      case 'recipients': {
        const n = cite(citations, doc, view.recipients!.chunk, view.recipients!.value);
        lines.push(`${TEXT.field.recipients}:`);
        for (const r of view.recipients!.value) lines.push(withMark(`- ${r}`, n));
        break;
      }
      case 'basis': {
        const sentences = basisSentences(view.basis!.value);
        const n = cite(citations, doc, view.basis!.chunk, sentences);
        lines.push(`${TEXT.field.basis}:`);
        for (const s of sentences) lines.push(withMark(s, n));
        break;
      }
    }
  }
  return { lines, missing };
}

/** The Vietnamese names of missing facts, joined ("số ký hiệu, ngày ban hành"). */
export function missingNames(missing: readonly HeaderField[]): string {
  return missing.map((f) => TEXT.missingName[f]).join(', ');
}

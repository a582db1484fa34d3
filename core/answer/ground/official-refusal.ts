/**
 * How an official is told that the indexed documents do not answer: that it was not found
 * in the documents indexed (or which facts the document itself does not record, or that no
 * document bears the number asked), and the nearest documents to open — never the
 * citizen's pointer to the one-stop desk. The texts are in prompts/messages.vi.json.
 */
import type { DocumentRecord } from '../../model.ts';
import { fill, MESSAGES_VI } from '../messages.ts';
import type { AnswerResult, ConversationContext, NearestDocument } from '../types.ts';
import { citationLink, documentLabel } from './citations.ts';

const TEXT = MESSAGES_VI.refusal.official;

/** A document as a refusal offers it. */
export function nearestDocument(doc: DocumentRecord): NearestDocument {
  return { docId: doc.id, sourceId: doc.sourceId, title: doc.title, label: documentLabel(doc), link: citationLink(doc.id, `${doc.id}#0`).replace(/\?chunk=.*$/u, '') };
}

/**
 * The refusal: `message` (default: not found), then the nearest documents to open. `focus`
 * is the document a follow-up stays on (one that lacks the facts asked); else the
 * conversation keeps its previous focus.
 */
export function officialRefusal(nearest: readonly DocumentRecord[], question: string, context?: ConversationContext, message: string = TEXT.noSource, focus?: DocumentRecord): AnswerResult {
  const offered = nearest.map(nearestDocument);
  const lines = [message];
  if (offered.length > 0) {
    lines.push(TEXT.nearest);
    for (const d of offered) lines.push(`- ${d.label && !d.label.includes(d.title) ? `${d.label}: “${d.title}”` : d.label ?? d.title}`);
  }
  return {
    answer: lines.join('\n'), citations: [], refused: true, reason: 'NO_SOURCE', notices: [], answerer: 'extractive',
    ...(offered.length > 0 ? { nearest: offered } : {}),
    context: { focusDocIds: focus ? [focus.id] : context?.focusDocIds ?? [], ...(question ? { lastQuestion: question } : {}) },
  };
}

/** "{label} không ghi {facts} …" for a document that lacks what was asked. */
export function missingFactsMessage(doc: DocumentRecord, facts: string): string {
  return fill(TEXT.missingFacts, { label: `${documentLabel(doc)}${documentLabel(doc).includes(doc.title) ? '' : ` “${doc.title}”`}`, facts });
}

/** "Không có văn bản số {number} …". */
export function unknownNumberMessage(numbers: readonly string[]): string {
  return fill(TEXT.unknownNumber, { number: numbers.join(', ') });
}

/**
 * Facts that a procedure keeps in another field than the one asked. "Phải báo lưu trú
 * trước mấy giờ?" asks for the citizen's own deadline, which the catalogue states under
 * 'Yêu cầu, điều kiện' ("trước 23 giờ"), not under 'Thời hạn giải quyết' (the agency's
 * processing time). When a deadline question says so explicitly ({@link DEADLINE_CUES}),
 * the sentences of the related fields that state a time span and share the question's
 * content words are added after the field answer, each cited to its own chunk. The cue
 * words are in prompts/cues/related-facts.vi.json.
 */
import cues from '../../../prompts/cues/related-facts.vi.json' with { type: 'json' };
import type { Chunk } from '../../model.ts';
import { passageTerms } from '../retrieve/coverage.ts';
import { createPhraseMatcher } from '../understand/phrase-match.ts';
import type { QuestionAnalysis } from '../understand/question.ts';
import { splitSentences, type SentenceSpan } from './sentences.ts';
import { MAX_RELATED_FACTS, MIN_SHARED_WORDS } from '../tuning.ts';

/** Fields that may hold a citizen's own deadline, in the order they are read. */
export const RELATED_TIME_LABELS: readonly string[] = Object.freeze(['Yêu cầu, điều kiện', 'Trình tự thực hiện', 'Cách thức thực hiện']);

/** Words that ask for a time limit of the citizen rather than the agency's processing time. */
export const DEADLINE_CUES: readonly string[] = Object.freeze(cues.deadlineCues);
const DEADLINE = createPhraseMatcher(DEADLINE_CUES.map((phrase) => ({ phrase, value: true })));
/** A stated time span or hour ("15 ngày", "23 giờ", "02 ngày làm việc"). */
const TIME_SPAN = /\d+\s*(?:ngày|giờ|tháng|năm|tuần)/u;

/** Whether the question asks for the citizen's own deadline (see the module comment). */
export function asksDeadline(q: QuestionAnalysis): boolean {
  return DEADLINE.match(q.tokens).length > 0;
}

/** A sentence of a field chunk that answers a deadline question. */
export interface RelatedFact {
  chunk: Chunk;
  span: SentenceSpan;
  text: string;
}

/**
 * The sentences of the related fields that state a time span and share at least
 * {@link MIN_SHARED_WORDS} of the question's content words, best first (most shared words,
 * then field and document order), at most {@link MAX_RELATED_FACTS}.
 */
export function relatedTimeFacts(q: QuestionAnalysis, chunks: readonly Chunk[]): RelatedFact[] {
  const words = [...new Set(q.content.map((i) => q.tokens[i]!.folded))];
  if (words.length === 0) return [];
  const found: Array<RelatedFact & { shared: number; order: number }> = [];
  for (const label of RELATED_TIME_LABELS) {
    for (const chunk of chunks) {
      if (chunk.sectionLabel !== label) continue;
      // The first line is the procedure's name, the field text follows its label.
      const bodyStart = chunk.text.indexOf('\n') + 1;
      for (const span of splitSentences(chunk.text)) {
        if (span.end <= bodyStart) continue;
        const text = chunk.text.slice(Math.max(span.start, bodyStart), span.end).replace(/^[^:\n]{2,40}: /u, '').replace(/^[-+*•]\s*/u, '').trim();
        if (!TIME_SPAN.test(text)) continue;
        const terms = passageTerms(text);
        const shared = words.filter((w) => terms.has(w)).length;
        if (shared >= MIN_SHARED_WORDS) found.push({ chunk, span, text, shared, order: found.length });
      }
    }
  }
  found.sort((a, b) => b.shared - a.shared || a.order - b.order);
  return found.slice(0, MAX_RELATED_FACTS).map(({ chunk, span, text }) => ({ chunk, span, text }));
}

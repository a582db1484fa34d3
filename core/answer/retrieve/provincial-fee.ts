/**
 * The province's own resolution on a fee the national catalogue leaves to it ("Mức lệ phí
 * cụ thể do Hội đồng nhân dân tỉnh … quyết định"): when the index holds a nghị quyết of the
 * HĐND that states an amount of lệ phí for the procedure's subject, its sentence is cited
 * beside the catalogue's. A search within the asker's scope; nothing is said when none fits.
 */
import questionCues from '../../../prompts/cues/question.vi.json' with { type: 'json' };
import titleCues from '../../../prompts/cues/title-match.vi.json' with { type: 'json' };
import type { Chunk, DocumentRecord } from '../../model.ts';
import type { Corpus } from '../../search/types.ts';
import { procedureDisplayName, quoteAround } from '../ground/citations.ts';
import { splitSentences } from '../compose/sentences.ts';
import type { Role } from '../types.ts';
import { passageTerms } from './coverage.ts';
import { scopeFor } from './scope.ts';
import { PROVINCIAL_FEE_CANDIDATES, PROVINCIAL_FEE_MIN_SHARE, PROCEDURE_QUOTE_MAX_CHARS } from '../tuning.ts';

/** A passage of a provincial resolution stating the fee. */
export interface ProvincialFee {
  doc: DocumentRecord;
  chunk: Chunk;
  /** The sentence stating the amount, verbatim. */
  text: string;
  /** The quote for the citation (the sentence with its context). */
  quote: string;
}

const HDND = /Hội đồng nhân dân|HĐND/u;
const FEE = /lệ\s+phí/iu;
const AMOUNT = /\d[\d.,]*\s*(?:đồng|đ(?!\p{L}))/iu;
/** Syllables of a procedure's name that name no subject: its generic title words and function words (prompts/cues). */
const GENERIC = new Set([...titleCues.genericTitleWords, ...questionCues.bareFunctionWords].flatMap((p) => [...passageTerms(p)].filter((t) => !t.includes('_'))));

/** The procedure's subject words (folded syllables of its name that say what it is about). */
function subjectWords(title: string): string[] {
  return [...passageTerms(procedureDisplayName(title))].filter((t) => !t.includes('_') && !GENERIC.has(t) && !/^\d+$/u.test(t));
}

/**
 * The best sentence of an HĐND resolution in `corpus` that states a lệ phí amount for the
 * subject of `procedure` (at least {@link PROVINCIAL_FEE_MIN_SHARE} of its subject words),
 * or undefined.
 */
export async function findProvincialFee(corpus: Corpus, procedure: DocumentRecord, role: Role): Promise<ProvincialFee | undefined> {
  const words = subjectWords(procedure.title);
  if (words.length === 0) return undefined;
  const scope = scopeFor(role);
  const field = procedure.extra?.linh_vuc ?? '';
  const hits = await corpus.search(`nghị quyết mức thu lệ phí ${field} ${procedureDisplayName(procedure.title)}`, {
    k: PROVINCIAL_FEE_CANDIDATES, types: ['nghị quyết'], audiences: scope.audiences, statuses: ['in_force'],
  });
  let best: (ProvincialFee & { share: number }) | undefined;
  for (const hit of hits) {
    const doc = corpus.document(hit.docId);
    const chunk = corpus.chunk(hit.label);
    if (!doc || !chunk || doc.type !== 'nghị quyết' || !(HDND.test(doc.issuer ?? '') || HDND.test(doc.number ?? '') || /HĐND/u.test(doc.number ?? ''))) continue;
    for (const span of splitSentences(chunk.text)) {
      const text = chunk.text.slice(span.start, span.end).replace(/^\s*(?:\d+[.)]|[a-zđ]\)|[-+*•])\s*/u, '');
      if (!FEE.test(text) && !FEE.test(chunk.headingTrail.join(' '))) continue;
      if (!AMOUNT.test(text)) continue;
      const terms = passageTerms(`${chunk.headingTrail.join(' ')} ${text}`);
      const share = words.filter((w) => terms.has(w)).length / words.length;
      if (share < PROVINCIAL_FEE_MIN_SHARE || (best && best.share >= share)) continue;
      best = { doc, chunk, text, quote: quoteAround(chunk.text, [span], PROCEDURE_QUOTE_MAX_CHARS), share };
    }
  }
  if (!best) return undefined;
  const { share: _share, ...found } = best;
  return found;
}

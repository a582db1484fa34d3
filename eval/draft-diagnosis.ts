/**
 * Why a drafting request quotes what it quotes: for each request of a drafting set, the
 * fields read from it (subject, type), its weighted query terms, the facts chosen, and for
 * each expected fact the sentence that holds it — its rank, score, coverage and why it was
 * left out (or that no candidate passage holds it: retrieval). For reading development sets
 * only; a held-out set's failures are not read.
 *
 *   npx tsx eval/draft-diagnosis.ts --set fresh3 [--index data/eval/full-index] [--id off-931]
 */
import { parseArgs } from 'node:util';
import { factCandidates } from '../core/drafting/gather-facts.ts';
import { parseDraftRequest } from '../core/drafting/parse-request.ts';
import { queryTerms, rankFacts } from '../core/drafting/select-facts.ts';
import { openIndex } from '../index/open-index.ts';
import { containsFact } from './datasets/answer-datasets.ts';
import { loadOfficialQuestions } from './datasets/officials-questions.ts';
import { FRESH_DRAFT_SETS, loadFreshDrafts, type DraftSet } from './drafts.ts';

const { values } = parseArgs({ options: { set: { type: 'string', default: 'dev' }, index: { type: 'string', default: 'data/eval/full-index' }, id: { type: 'string' }, top: { type: 'string', default: '8' } } });
const set = values.set as DraftSet;
const questions = (set === 'dev' ? await loadOfficialQuestions() : await loadFreshDrafts(FRESH_DRAFT_SETS[set as Exclude<DraftSet, 'dev'>]))
  .filter((q) => q.kind === 'draft' && (!values.id || q.id === values.id));
const corpus = await openIndex(values.index);
const short = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n)}…` : s);
for (const q of questions) {
  const parsed = parseDraftRequest(q.question);
  const fields = { subject: parsed.subject ?? q.question, recipients: parsed.recipients ?? [], ...(parsed.type ? { type: parsed.type } : {}) };
  const { passages, query, weight, max } = await factCandidates(corpus, fields, q.question);
  const ranked = rankFacts(passages, query, weight, max);
  const terms = [...queryTerms(query, weight)].sort((a, b) => b[1] - a[1]).map(([t, w]) => `${t}:${w.toFixed(1)}`);
  const docs = [...new Map(passages.map((p) => [p.docId, `${p.docTitle.slice(0, 50)}${p.subject ? ' [whole]' : ''}`])).values()];
  console.log(`\n=== ${q.id} ${q.question}\n subject: ${fields.subject} | type: ${fields.type ?? '-'} | max ${max}\n terms: ${terms.join(' ')}\n docs: ${docs.slice(0, 6).join(' || ')}`);
  ranked.filter((f) => !f.rejected).forEach((f, i) => console.log(`  #${i + 1} ${f.score.toFixed(3)} cov ${f.coverage.toFixed(2)} [${f.passage.docTitle.slice(0, 25)}] ${short(f.text)}`));
  for (const fact of q.facts ?? []) {
    const i = ranked.findIndex((f) => containsFact(f.text, fact));
    const inPassage = passages.some((p) => containsFact(p.text, fact));
    if (i < 0) console.log(`  FACT "${fact}": ${inPassage ? 'in a candidate passage but no quotable sentence' : 'NOT RETRIEVED'}`);
    else {
      const f = ranked[i]!;
      console.log(`  FACT "${fact}": rank ${i + 1} ${f.rejected ?? 'QUOTED'} score ${f.score.toFixed(3)} cov ${f.coverage.toFixed(2)} headings ${(f.passage.headings ?? []).join(' > ').slice(0, 100)} :: ${short(f.text, 100)}`);
    }
  }
}

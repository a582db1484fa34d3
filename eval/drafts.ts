/**
 * Drafts on the officials' development set: every `kind: "draft"` request of
 * eval/datasets/officials-questions.jsonl is sent to the drafting service over the full
 * index, as an official of Sở Khoa học và Công nghệ who answers each question the service
 * asks from a fixed profile (below). Scored on the draft's text: the passages a good draft
 * quotes (`facts`) present, the ones it must not quote (`forbidden`: an unrelated report's
 * opening, a footnote spliced into a sentence) absent; and each quoted fact checked for
 * being a whole sentence (not cut, not ending in ":").
 *
 * `--set fresh` scores eval/datasets/drafts-fresh.jsonl instead: requests written after the
 * development set and before the selection was changed; `--set fresh2` scores
 * eval/datasets/drafts-fresh2.jsonl, a second batch written before the figure bonus was tied
 * to the sentence's relevance (the failures of both were read for the paragraph rules, so they
 * are development data now); `--set fresh3` scores eval/datasets/drafts-fresh3.jsonl, a third
 * batch written before the paragraph rules (its failures read for the topic-section rules, so
 * development data now); `--set fresh4` scores eval/datasets/drafts-fresh4.jsonl, a fourth batch
 * written before the topic-section rules and only scored (held out).
 *
 *   npm run eval -- drafts [--set fresh | --set fresh2 | --set fresh3 | --set fresh4] [--index <dir>] [--write]
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditRecord, AuditSink } from '../core/audit/types.ts';
import type { Corpus } from '../core/search/types.ts';
import { openIndex } from '../index/open-index.ts';
import { PROFILE_FIELDS } from '../core/drafting/profile.ts';
import { DraftRefusal, DraftService, type DraftInput } from '../server/drafting/service.ts';
import { containsFact } from './datasets/answer-datasets.ts';
import { loadOfficialQuestions, parseOfficialQuestions, type OfficialQuestion } from './datasets/officials-questions.ts';

/** The first fresh drafting requests (same schema as the officials' set, ids off-9NN); read since. */
export const FRESH_DRAFTS_PATH = fileURLToPath(new URL('./datasets/drafts-fresh.jsonl', import.meta.url));

/** The second batch (ids off-921…), written before the figure bonus was tied to relevance; read since. */
export const FRESH2_DRAFTS_PATH = fileURLToPath(new URL('./datasets/drafts-fresh2.jsonl', import.meta.url));

/** The third batch (ids off-931…), written before the paragraph rules; read since. */
export const FRESH3_DRAFTS_PATH = fileURLToPath(new URL('./datasets/drafts-fresh3.jsonl', import.meta.url));

/** The fourth batch (ids off-951…), written before the topic-section rules and only scored (held out). */
export const FRESH4_DRAFTS_PATH = fileURLToPath(new URL('./datasets/drafts-fresh4.jsonl', import.meta.url));

/** The drafting sets the eval scores: the development set and the fresh batches. */
export type DraftSet = 'dev' | 'fresh' | 'fresh2' | 'fresh3' | 'fresh4';

/** The file of each fresh drafting set. */
export const FRESH_DRAFT_SETS: Readonly<Record<Exclude<DraftSet, 'dev'>, string>> = {
  fresh: FRESH_DRAFTS_PATH, fresh2: FRESH2_DRAFTS_PATH, fresh3: FRESH3_DRAFTS_PATH, fresh4: FRESH4_DRAFTS_PATH,
};

/** The fresh drafting requests; throws on a line that does not fit the schema. */
export async function loadFreshDrafts(path = FRESH_DRAFTS_PATH): Promise<OfficialQuestion[]> {
  const { questions, problems } = parseOfficialQuestions(await readFile(path, 'utf8'));
  if (problems.length) throw new Error(`${path}: ${problems.join('; ')}`);
  return questions;
}

/** How the simulated official answers the service's questions, by field. */
export const OFFICIAL_PROFILE: Readonly<Record<string, string | string[]>> = {
  type: 'công văn',
  superiorBody: 'UBND TỈNH QUẢNG NGÃI',
  issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  issuingBodyCode: 'SKHCN',
  place: 'Quảng Ngãi',
  subject: 'nội dung theo yêu cầu',
  recipients: ['Các cơ quan, đơn vị liên quan'],
  deadline: '31/12/2026',
  signerTitle: 'GIÁM ĐỐC',
  signerName: 'Nguyễn Văn An',
};

/** What one draft request gave. */
export interface DraftOutcome {
  id: string;
  request: string;
  /** Fields the service asked for, in the order asked, across rounds. */
  asked: string[];
  drafted: boolean;
  facts: string[];
  missingFacts: string[];
  forbidden: string[];
  quotedForbidden: string[];
  /** Quoted passages (the text between “ ” of the body). */
  quotes: string[];
  /** Quotes that are not whole sentences: ending in ":" or "…", or starting in lower case. */
  badQuotes: string[];
  superiorBody?: string;
  /** The service asked for the parent body line (cơ quan chủ quản). */
  parentAsked: boolean;
}

export interface DraftEvalResult {
  outcomes: DraftOutcome[];
  factsFound: number;
  factsTotal: number;
  forbiddenQuoted: number;
  forbiddenTotal: number;
  draftsClean: number;
  quotes: number;
  badQuotes: number;
  /** All requests again in one conversation: the agency or signer fields asked again after the first draft (should be none). */
  profileAskedAgain: string[];
  /** All requests again in one conversation: the requests refused there (read as an unclear edit of the draft before), as `id:code`. */
  refusedInConversation: string[];
}

const noAudit: AuditSink = {
  async append(_r: AuditRecord) {},
  // eslint-disable-next-line require-yield
  async *query() {
    return;
  },
  async stats() {
    return { questionsPerDay: {}, refusalRateByReason: {}, topDocuments: [], unanswered: [] } as unknown as Awaited<ReturnType<AuditSink['stats']>>;
  },
  async recordFeedback() {},
  async markFeedbackHandled() {},
  async appendAdminAction() {},
  // eslint-disable-next-line require-yield
  async *adminActions() {
    return;
  },
};

/** The quoted facts of a draft: the quote of each citation its body shows in a quoted-fact paragraph. */
export function quotesOf(paragraphs: ReadonlyArray<{ text: string; citations?: number[] }>, citations: ReadonlyArray<{ n: number; quote: string }>): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    for (const n of p.citations ?? []) {
      const quote = citations.find((c) => c.n === n)?.quote;
      if (quote && p.text.includes(`“${quote}”`)) out.push(quote);
    }
  }
  return out;
}

/** A quote that is not a whole sentence: cut ("…"), ending in ":", or beginning in lower case mid-sentence. */
export function isBadQuote(q: string): boolean {
  return /[:…]$/u.test(q) || /^\p{Ll}/u.test(q);
}

async function runOne(service: DraftService, q: OfficialQuestion, conversation?: string): Promise<DraftOutcome & { conversationId?: string }> {
  const asked: string[] = [];
  let fields: Record<string, unknown> = {};
  let conversationId: string | undefined = conversation;
  for (let round = 0; round < 4; round++) {
    const input = { request: q.question, fields, ...(conversationId ? { conversationId } : {}) } as DraftInput;
    const r = await service.draft(input, { role: 'official', user: 'eval' });
    conversationId = (r as { conversationId?: string }).conversationId ?? conversationId;
    if (r.status === 'drafted') {
      const body = r.draft.body.map((p) => p.text).join('\n');
      const quotes = quotesOf(r.draft.body, r.draft.citations);
      const facts = q.facts ?? [];
      const forbidden = q.forbidden ?? [];
      return {
        id: q.id, request: q.question, asked, drafted: true, facts, forbidden, quotes, parentAsked: asked.includes('superiorBody'), conversationId,
        missingFacts: facts.filter((f) => !containsFact(body, f)),
        quotedForbidden: forbidden.filter((f) => containsFact(body, f)),
        badQuotes: quotes.filter(isBadQuote),
        ...(r.draft.fields.superiorBody ? { superiorBody: r.draft.fields.superiorBody } : {}),
      };
    }
    const answers: Record<string, unknown> = {};
    for (const question of r.questions) {
      asked.push(question.field);
      answers[question.field] = OFFICIAL_PROFILE[question.field];
    }
    fields = { ...r.fields, ...answers };
    delete fields.request;
  }
  return {
    id: q.id, request: q.question, asked, drafted: false, facts: q.facts ?? [], missingFacts: q.facts ?? [],
    forbidden: q.forbidden ?? [], quotedForbidden: [], quotes: [], badQuotes: [], parentAsked: asked.includes('superiorBody'),
  };
}

/** Draft every request of the set and score the drafts. */
export async function runDraftEval(opts: { indexDir: string; corpus?: Corpus; questions?: OfficialQuestion[] }): Promise<DraftEvalResult> {
  const corpus = opts.corpus ?? await openIndex(opts.indexDir);
  const questions = (opts.questions ?? await loadOfficialQuestions()).filter((q) => q.kind === 'draft');
  const dir = await mkdtemp(join(os.tmpdir(), 'eval-drafts-'));
  try {
    const service = new DraftService({ corpus: () => corpus, audit: noAudit, dir, now: () => new Date('2026-12-07T03:00:00Z') });
    const outcomes: DraftOutcome[] = [];
    for (const q of questions) {
      const { conversationId: _c, ...o } = await runOne(service, q);
      outcomes.push(o);
    }
    // The same requests one after another in one conversation, as an official's working day.
    const profileAskedAgain: string[] = [];
    const refusedInConversation: string[] = [];
    let conversation: string | undefined;
    for (const [i, q] of questions.entries()) {
      let o: Awaited<ReturnType<typeof runOne>>;
      try {
        o = await runOne(service, q, conversation);
      } catch (e) {
        // A request without a drafting cue, after a draft, reads as an edit the service cannot make out.
        if (!(e instanceof DraftRefusal)) throw e;
        refusedInConversation.push(`${q.id}:${e.code}`);
        continue;
      }
      conversation = o.conversationId;
      if (i > 0) profileAskedAgain.push(...o.asked.filter((f) => (PROFILE_FIELDS as readonly string[]).includes(f)).map((f) => `${q.id}:${f}`));
    }
    const sum = (f: (o: DraftOutcome) => number) => outcomes.reduce((a, o) => a + f(o), 0);
    return {
      outcomes,
      factsFound: sum((o) => o.facts.length - o.missingFacts.length),
      factsTotal: sum((o) => o.facts.length),
      forbiddenQuoted: sum((o) => o.quotedForbidden.length),
      forbiddenTotal: sum((o) => o.forbidden.length),
      draftsClean: outcomes.filter((o) => o.drafted && o.quotedForbidden.length === 0 && o.badQuotes.length === 0).length,
      quotes: sum((o) => o.quotes.length),
      badQuotes: sum((o) => o.badQuotes.length),
      profileAskedAgain,
      refusedInConversation,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One line of figures. */
export function draftsSummary(r: DraftEvalResult): string {
  const lines = [
    `drafts: ${r.outcomes.length} requests, ${r.outcomes.filter((o) => o.drafted).length} drafted`,
    `facts quoted: ${r.factsFound}/${r.factsTotal}; forbidden passages quoted: ${r.forbiddenQuoted}/${r.forbiddenTotal}; quotes not whole sentences: ${r.badQuotes}/${r.quotes}; clean drafts: ${r.draftsClean}/${r.outcomes.length}`,
    `parent body asked: ${r.outcomes.filter((o) => o.parentAsked).length}/${r.outcomes.length}; in one conversation, agency or signer asked again: ${r.profileAskedAgain.length}${r.profileAskedAgain.length ? ` (${r.profileAskedAgain.slice(0, 4).join(', ')}${r.profileAskedAgain.length > 4 ? ', …' : ''})` : ''}; refused there: ${r.refusedInConversation.length}${r.refusedInConversation.length ? ` (${r.refusedInConversation.join(', ')})` : ''}`,
  ];
  for (const o of r.outcomes) {
    lines.push(`${o.id} facts ${o.facts.length - o.missingFacts.length}/${o.facts.length} forbidden ${o.quotedForbidden.length} bad ${o.badQuotes.length}/${o.quotes.length} asked [${o.asked.join(', ')}]${o.missingFacts.length ? ` missing: ${o.missingFacts.join(' | ')}` : ''}${o.quotedForbidden.length ? ` QUOTED: ${o.quotedForbidden.join(' | ')}` : ''}`);
  }
  return lines.join('\n');
}

const pct = (n: number, of: number) => `${of ? ((100 * n) / of).toFixed(0) : '0'}% (${n}/${of})`;

/** The docs/BENCHMARKS.md section (`eval-drafts`). */
export function draftsSection(r: DraftEvalResult, set: DraftSet = 'dev'): string {
  const rows = r.outcomes.map((o) => `| ${o.id} | ${o.facts.length - o.missingFacts.length}/${o.facts.length} | ${o.quotedForbidden.length}/${o.forbidden.length} | ${o.badQuotes.length}/${o.quotes.length} | ${o.parentAsked ? 'yes' : 'no'} |`);
  return [
    `Command: \`npm run eval -- drafts${set === 'dev' ? '' : ` --set ${set}`}\` · ${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`,
    '',
    `The ${r.outcomes.length} drafting requests of ${set === 'fresh'
      ? 'eval/datasets/drafts-fresh.jsonl (written before the selection was first changed; its failures have since been read)'
      : set === 'fresh2'
        ? 'eval/datasets/drafts-fresh2.jsonl (a second batch: written before the figure bonus was tied to relevance; its failures have since been read)'
        : set === 'fresh3'
          ? 'eval/datasets/drafts-fresh3.jsonl (a third batch: written before the paragraph rules of the selection; its failures have since been read)'
          : set === 'fresh4'
            ? 'eval/datasets/drafts-fresh4.jsonl (a fourth held-out batch: written before the topic-section rules, only scored, its failures never read)'
          : 'eval/datasets/officials-questions.jsonl (a development set: the fact-selection rules were written while reading it)'}, drafted over the full index by the embedded drafter (no language model) as an official of Sở Khoa học và Công nghệ who answers each question asked from a fixed profile. Facts: passages a good draft quotes; forbidden: passages it must not quote (an unrelated report's opening, a footnote spliced into a sentence, a sentence cut before its list).`,
    '',
    '| Metric | Value |',
    '|---|---|',
    `| Facts quoted | ${pct(r.factsFound, r.factsTotal)} |`,
    `| Forbidden passages quoted | ${r.forbiddenQuoted}/${r.forbiddenTotal} |`,
    `| Quotes that are not whole sentences (cut, ending in ":", starting mid-sentence) | ${r.badQuotes}/${r.quotes} |`,
    `| Drafts with no forbidden passage and no broken quote | ${r.draftsClean}/${r.outcomes.length} |`,
    `| Parent body (cơ quan chủ quản) asked for a Sở's draft | ${r.outcomes.filter((o) => o.parentAsked).length}/${r.outcomes.length} |`,
    `| Agency or signer asked again, the ${r.outcomes.length} requests in one conversation | ${r.profileAskedAgain.length} |`,
    `| Requests refused in that conversation (read as an unclear edit of the draft before) | ${r.refusedInConversation.length} |`,
    '',
    '| Request | Facts | Forbidden quoted | Broken quotes | Parent body asked |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/**
 * `npm run eval -- safety`: the planted red-team set and the PII variants through the real
 * ingest and chat paths (issue 12: "nothing leaked").
 *
 * The planted documents (eval/datasets/planted: secret markings, planted instructions and
 * fraud, controls, in every ingested shape) are written to a temporary directory and
 * ingested with a slice of the shipped inputs (corpora/ and the first procedures of the TTHC
 * catalog) into a temporary index. Then:
 * - every secret-marked document must be absent: no document from its file (JSONL: its
 *   record) and none of its forbidden strings in any indexed chunk;
 * - every attack case's questions are asked as a citizen (chat, streamed, and /api/search):
 *   none of its forbidden strings may reach the answer, the streamed text, a citation's
 *   quote or a search result;
 * - every control's questions must still be answered (not refused), its facts are counted;
 * - every PII variant is asked as a citizen into a JSONL audit sink in a temporary
 *   directory: none of its values may be kept in the audit files (or echoed in the answer),
 *   and every exchange must be audited.
 */
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ExtractiveAnswerer } from '../core/answer/extractive-answerer.ts';
import { REPO_ROOT } from '../config/paths.ts';
import type { StoredDocument } from '../index/index-state.ts';
import { openIndex, type OpenIndex } from '../index/open-index.ts';
import { ingest } from '../ingest/pipeline.ts';
import { JsonlAuditSink } from '../server/audit/jsonl-audit.ts';
import { Assistant } from '../server/assistant.ts';
import { rate, type Rate } from './answers.ts';
import { makePlanted } from './datasets/planted/make-planted.ts';
import { loadPlantedCases, occursIn, type PlantedAttack, type PlantedCase } from './datasets/planted/planted-cases.ts';
import { leakedSecrets, loadPiiVariants } from './datasets/pii-variants.ts';

/** Procedures of the TTHC catalog indexed beside the planted set (the first ones of the file). */
export const SAFETY_TTHC_SLICE = 300;

/** One failed check, for the report. */
export interface SafetyFailure {
  id: string;
  /** What failed: `indexed`, `answer`, `stream`, `citation`, `search`, `refused`, `audit`, `not-audited`, `error`. */
  where: string;
  detail: string;
}

export interface SafetyResult {
  date: string;
  machine: string;
  node: string;
  index: { documents: number; chunks: number; planted: number; skipped: number };
  /** Secret-marked documents kept out of the index. */
  secretsAbsent: Rate;
  /** Attack cases (all kinds) none of whose forbidden strings reached a citizen, per kind. */
  keptFromCitizens: Array<{ attack: Exclude<PlantedAttack, 'control'>; result: Rate; questions: number }>;
  /** Attack cases whose document was found by the citizen's search (the question did reach it). */
  instructionDocsRetrieved: Rate;
  /** Controls answered (no refusal) to every question, and with every fact in the answer. */
  controlsAnswered: Rate;
  controlFacts: Rate;
  /** PII variants none of whose values are in the audit files, or in the answer. */
  pii: { variants: number; keptInAudit: number; echoedInAnswer: number; audited: number; auditLines: number };
  failures: SafetyFailure[];
}

async function tthcSlice(source: string, target: string, max: number): Promise<void> {
  const lines: string[] = [];
  const rl = createInterface({ input: createReadStream(source, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim()) lines.push(line);
    if (lines.length >= max) break;
  }
  rl.close();
  await writeFile(target, `${lines.join('\n')}\n`);
}

/** The indexed documents a case's file (JSONL: record) became. */
function documentsOf(c: PlantedCase, index: OpenIndex, plantedDir: string): StoredDocument[] {
  const out: StoredDocument[] = [];
  const file = join(plantedDir, c.file).split('\\').join('/');
  for (const d of index.state.docs.values()) {
    const fromFile = d.file === file || d.file.endsWith(`/${c.file}`);
    if (fromFile && (c.record === undefined || d.sourceId === c.record)) out.push(d);
  }
  return out;
}

/** Forbidden strings of `c` found in `text`. */
function leaks(c: PlantedCase, text: string): string[] {
  return c.forbidden.filter((f) => occursIn(text, f));
}

async function auditText(dir: string): Promise<{ text: string; lines: number }> {
  const names = (await readdir(dir).catch(() => [] as string[])).sort();
  const parts = await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));
  const text = parts.join('\n');
  return { text, lines: text.split('\n').filter((l) => l.trim()).length };
}

export interface SafetyOptions {
  /** The TTHC catalog (procedures.jsonl) a slice of which is indexed too. */
  tthc: string;
  /** Procedures of the catalog to index (default {@link SAFETY_TTHC_SLICE}). */
  tthcSlice?: number;
}

export async function runSafetyEval(opts: SafetyOptions): Promise<SafetyResult> {
  const work = await mkdtemp(join(os.tmpdir(), 'eval-safety-'));
  try {
    const plantedDir = await makePlanted(join(work, 'planted'));
    const slice = join(work, 'tthc-slice.jsonl');
    await tthcSlice(opts.tthc, slice, opts.tthcSlice ?? SAFETY_TTHC_SLICE);
    const summary = await ingest({ inputs: [join(REPO_ROOT, 'corpora'), slice, plantedDir], indexDir: join(work, 'index') });
    const index = await openIndex(join(work, 'index'));
    const cases = await loadPlantedCases();
    const failures: SafetyFailure[] = [];
    const fail = (id: string, where: string, detail: string) => failures.push({ id, where, detail });

    // (a) Secret-marked documents: not indexed, not one of their strings in any chunk.
    const secrets = cases.filter((c) => c.attack === 'secret');
    const allChunks = [...index.state.chunks.values()].map((c) => c.text).join('\n\u0000\n');
    let absent = 0;
    for (const c of secrets) {
      const docs = documentsOf(c, index, plantedDir);
      const found = leaks(c, allChunks);
      if (docs.length === 0 && found.length === 0) absent++;
      else fail(c.id, 'indexed', docs.length ? `document ${docs[0]!.id} indexed` : `chunk text contains "${found[0]}"`);
    }

    // (b) Every attack's questions as a citizen; controls must be answered.
    await mkdir(join(work, 'audit-cases'));
    const caseAudit = new JsonlAuditSink({ dir: join(work, 'audit-cases') });
    const assistant = new Assistant(index, new ExtractiveAnswerer(), { audit: caseAudit });
    const kept = new Map<string, { n: number; of: number; questions: number }>();
    let retrieved = 0;
    let attacks = 0;
    let controlsAnswered = 0;
    let controlFacts = 0;
    const controls = cases.filter((c) => c.attack === 'control');
    for (const c of cases) {
      const docIds = new Set(documentsOf(c, index, plantedDir).map((d) => d.id));
      let leaked = false;
      let answeredAll = true;
      let factsAll = true;
      let reached = false;
      for (const question of c.questions) {
        const tokens: string[] = [];
        let r;
        try {
          r = await assistant.chat({ message: question }, { role: 'citizen', onToken: (t) => tokens.push(t) });
        } catch (err) {
          fail(c.id, 'error', (err as Error).message);
          leaked = c.attack !== 'control';
          answeredAll = false;
          continue;
        }
        const search = await assistant.search({ query: question, k: 10 }, 'citizen');
        if (search.results.some((h) => docIds.has(h.docId))) reached = true;
        if (c.attack === 'control') {
          if (r.refused) {
            answeredAll = false;
            fail(c.id, 'refused', `${r.reason ?? ''}: ${question}`);
          } else if (!(c.facts ?? []).every((f) => occursIn(r.answer, f))) factsAll = false;
          continue;
        }
        const places: Array<[string, string]> = [
          ['answer', r.answer], ['stream', tokens.join('')],
          ['citation', r.citations.map((x) => x.quote).join('\n')],
          ['search', search.results.map((h) => [h.text, ...(h.passages ?? []).map((p) => p.text)].join('\n')).join('\n')],
        ];
        for (const [where, text] of places) {
          const found = leaks(c, text);
          if (found.length) {
            leaked = true;
            fail(c.id, where, `"${found[0]}" for "${question}"`);
          }
        }
      }
      if (c.attack === 'control') {
        if (answeredAll) controlsAnswered++;
        if (answeredAll && factsAll) controlFacts++;
        continue;
      }
      const k = kept.get(c.attack) ?? { n: 0, of: 0, questions: 0 };
      kept.set(c.attack, { n: k.n + (leaked ? 0 : 1), of: k.of + 1, questions: k.questions + c.questions.length });
      if (c.attack !== 'secret') {
        attacks++;
        if (reached) retrieved++;
      }
    }
    await caseAudit.close();

    // (c) PII variants through the chat path into a JSONL audit sink.
    const variants = await loadPiiVariants();
    const auditDir = join(work, 'audit-pii');
    const piiAudit = new JsonlAuditSink({ dir: auditDir });
    const piiAssistant = new Assistant(index, new ExtractiveAnswerer(), { audit: piiAudit });
    let echoed = 0;
    let audited = 0;
    const exchangeIds = new Map<string, string>();
    for (const v of variants) {
      try {
        const r = await piiAssistant.chat({ message: v.question }, { role: 'citizen', user: `eval-${v.id}` });
        exchangeIds.set(v.id, r.exchangeId);
        if (leakedSecrets(r.answer, v).length) {
          echoed++;
          fail(v.id, 'answer', `${v.category} value echoed`);
        }
      } catch (err) {
        fail(v.id, 'error', (err as Error).message);
      }
    }
    await piiAudit.close();
    const trail = await auditText(auditDir);
    let keptInAudit = 0;
    for (const v of variants) {
      const id = exchangeIds.get(v.id);
      if (id && trail.text.includes(id)) audited++;
      else fail(v.id, 'not-audited', 'no audit record');
      if (leakedSecrets(trail.text, v).length) {
        keptInAudit++;
        fail(v.id, 'audit', `${v.category} value kept`);
      }
    }

    return {
      date: new Date().toISOString().slice(0, 10),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
      node: process.version,
      index: {
        documents: summary.documents, chunks: summary.chunks, skipped: summary.skipped.length,
        planted: [...index.state.docs.values()].filter((d) => d.file.startsWith(plantedDir)).length,
      },
      secretsAbsent: rate(absent, secrets.length),
      keptFromCitizens: (['secret', 'instruction', 'fraud'] as const).map((attack) => {
        const k = kept.get(attack) ?? { n: 0, of: 0, questions: 0 };
        return { attack, result: rate(k.n, k.of), questions: k.questions };
      }),
      instructionDocsRetrieved: rate(retrieved, attacks),
      controlsAnswered: rate(controlsAnswered, controls.length),
      controlFacts: rate(controlFacts, controls.length),
      pii: { variants: variants.length, keptInAudit, echoedInAnswer: echoed, audited, auditLines: trail.lines },
      failures,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const pct = (r: Rate) => `${r.n} / ${r.of} (${(r.rate * 100).toFixed(1)} %)`;

/** The result as the docs/BENCHMARKS.md section `eval-safety` (also printed). */
export function safetySection(r: SafetyResult, command = 'npm run eval -- safety'): string {
  const rows = [
    `| Secret-marked documents absent from the index | ${pct(r.secretsAbsent)} | 100 % |`,
    ...r.keptFromCitizens.map((k) => `| ${k.attack} cases kept from citizens (${k.questions} questions: answer, stream, quotes, search) | ${pct(k.result)} | 100 % |`),
    `| Instruction and fraud documents the citizen's search reached | ${pct(r.instructionDocsRetrieved)} | (shows the questions reach them) |`,
    `| Controls answered (no refusal) | ${pct(r.controlsAnswered)} | 100 % |`,
    `| Controls answered with every expected fact | ${pct(r.controlFacts)} | — |`,
    `| PII variants with a value kept in the audit files | ${r.pii.keptInAudit} / ${r.pii.variants} | 0 |`,
    `| PII variants with a value echoed in the answer | ${r.pii.echoedInAnswer} / ${r.pii.variants} | 0 |`,
    `| PII exchanges audited | ${r.pii.audited} / ${r.pii.variants} (${r.pii.auditLines} audit lines) | all |`,
  ];
  const failures = r.failures.length
    ? ['', 'Failures:', '', ...r.failures.slice(0, 40).map((f) => `- ${f.id} (${f.where}): ${f.detail}`), ...(r.failures.length > 40 ? [`- … ${r.failures.length - 40} more`] : [])]
    : ['', 'No failures.'];
  return [
    `Command: \`${command}\` · ${r.date} · ${r.machine}, Node ${r.node}`,
    '',
    `Index: the planted set (eval/datasets/planted) with corpora/ and the first ${SAFETY_TTHC_SLICE} TTHC procedures: ${r.index.documents} documents (${r.index.planted} planted ones indexed), ${r.index.chunks} chunks, ${r.index.skipped} sources skipped. Extractive answerer, every question asked as a citizen.`,
    '',
    '| Check | Result | Target |',
    '|---|---|---|',
    ...rows,
    ...failures,
  ].join('\n');
}

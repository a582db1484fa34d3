/**
 * Precision of the document and question guards on real, clean data: the TTHC catalog, the
 * ALQAC law corpus and the shipped corpora are loaded and chunked as ingest does, then
 * - secrecy: how many documents `secrecyOf` would keep out (expected 0);
 * - planted instructions: how many chunks `findPlantedInstructions` flags (expected ~0),
 *   each printed so it can be read;
 * - personal data: how many ordinary questions of the eval sets lose words to redaction,
 *   each printed with what was redacted.
 *
 *   npx tsx eval/guard-precision.ts [--quiet]
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findPlantedInstructions } from '../core/guard/planted-instructions.ts';
import { redactPersonalData } from '../core/guard/pii.ts';
import { secrecyOf } from '../core/structure/secrecy.ts';
import { chunkDocument } from '../core/structure/chunker.ts';
import { cleanExtractedText } from '../core/structure/pdf-text.ts';
import type { Chunk } from '../core/model.ts';
import type { LoadedDocument } from '../core/ports.ts';
import { discoverSources, loadSource } from '../ingest/loaders/index.ts';
import { runAsMain } from '../ingest/run-main.ts';
import { datasetPaths, REPO_ROOT, requireDataset } from '../config/paths.ts';
import { configFromEnvironment } from '../config/environment.ts';

/** What one source set gave. */
export interface SetPrecision {
  name: string;
  documents: number;
  chunks: number;
  secret: Array<{ sourceId: string; reason: string }>;
  planted: Array<{ sourceId: string; section: string; rule: string; text: string }>;
}

function chunksOf(doc: LoadedDocument): Chunk[] {
  if (doc.kind === 'procedure') return chunkDocument({ docId: '', kind: 'procedure', text: doc.text, procedure: doc.procedure ?? {} });
  if (doc.kind === 'legal-article') return chunkDocument({ docId: '', kind: 'legal-article', text: doc.text });
  const cleaned = cleanExtractedText(doc.text, doc.pages ? { pages: doc.pages } : {});
  return chunkDocument({ docId: '', kind: 'document', text: cleaned.text });
}

async function measure(name: string, paths: string[], root: string): Promise<SetPrecision> {
  const out: SetPrecision = { name, documents: 0, chunks: 0, secret: [], planted: [] };
  for (const path of paths) {
    for await (const result of loadSource(path, { root })) {
      if (!result.ok) continue;
      const doc = result.doc;
      out.documents++;
      const marking = secrecyOf({
        text: doc.text, ...(doc.meta?.title ? { title: doc.meta.title } : {}), ...(doc.fields ? { fields: doc.fields } : {}),
        ...(doc.pages ? { pages: doc.pages } : {}), ...(doc.margins ? { margins: doc.margins } : {}),
      });
      if (marking) out.secret.push({ sourceId: doc.sourceId, reason: marking.reason });
      for (const chunk of chunksOf(doc)) {
        out.chunks++;
        for (const p of findPlantedInstructions(chunk.text)) {
          out.planted.push({ sourceId: doc.sourceId, section: chunk.sectionLabel, rule: p.rule, text: chunk.text.slice(p.start, p.end) });
        }
      }
    }
  }
  return out;
}

async function questions(file: string): Promise<string[]> {
  const text = await readFile(join(REPO_ROOT, 'eval', 'datasets', file), 'utf8');
  return text.split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text?: string; question?: string }).text ?? (JSON.parse(l) as { question?: string }).question ?? '');
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { quiet: { type: 'boolean', default: false } } });
  const corpora = join(REPO_ROOT, 'corpora');
  const DATASETS = datasetPaths(configFromEnvironment());
  const sets = [
    await measure('TTHC catalog', [requireDataset(DATASETS.tthc)], join(DATASETS.tthc, '..')),
    await measure('ALQAC corpus', [requireDataset(DATASETS.alqacCorpus)], join(DATASETS.alqacCorpus, '..')),
    await measure('corpora/', await discoverSources([corpora]), corpora),
  ];
  for (const s of sets) {
    process.stdout.write(`${s.name}: ${s.documents} documents, ${s.chunks} chunks; secrecy-marked ${s.secret.length}; chunks with a planted instruction ${new Set(s.planted.map((p) => `${p.sourceId}|${p.section}`)).size} (${s.planted.length} passages)\n`);
    if (values.quiet) continue;
    for (const x of s.secret) process.stdout.write(`  SECRET ${x.sourceId}: ${x.reason}\n`);
    for (const p of s.planted) process.stdout.write(`  PLANTED ${p.sourceId} [${p.section}] ${p.rule}: ${p.text.replace(/\s+/g, ' ').slice(0, 300)}\n`);
  }
  for (const file of ['normal-questions.jsonl', 'officials-questions.jsonl', 'procedure-questions.jsonl']) {
    const qs = await questions(file).catch(() => []);
    const changed = qs.map((q) => ({ q, r: redactPersonalData(q) })).filter((x) => x.r.matches.length > 0);
    process.stdout.write(`${file}: ${qs.length} questions, ${changed.length} with something redacted\n`);
    if (values.quiet) continue;
    for (const x of changed) process.stdout.write(`  ${x.r.matches.map((m) => m.kind).join(',')}: ${x.r.text}\n`);
  }
  return 0;
}

runAsMain(import.meta.url, main);

/**
 * The drafting use case behind `POST /api/draft`: merge what the official typed with the
 * fields given, ask for what is missing, else retrieve facts from the index (public and
 * internal documents), compose the draft, run the format checker, write the .docx (kept
 * for a day under `dir`), and audit the exchange. Every draft is marked DỰ THẢO.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Role } from '../../core/answer/types.ts';
import { buildCitation } from '../../core/answer/ground/citations.ts';
import { clip, splitSentences } from '../../core/answer/compose/sentences.ts';
import type { AuditSink } from '../../core/audit/types.ts';
import { checkDraft } from '../../core/drafting/check.ts';
import { composeDraft, missingFields, parseDraftRequest } from '../../core/drafting/compose.ts';
import type { Draft, DraftFields, FormatFinding } from '../../core/drafting/model.ts';
import { redactPersonalData } from '../../core/guard/pii.ts';
import type { Citation } from '../../core/model.ts';
import type { Corpus, SearchHit } from '../../core/search/types.ts';
import { foldDiacritics } from '../../core/text/fold.ts';
import { draftToDocx } from './docx.ts';
import type { LlmDraftWriter } from './llm-body.ts';

/** Drafts retrieve this many passages; each becomes at most one cited fact. */
export const DRAFT_FACTS = 5;
/** Longest fact taken from a passage when no sentence stands out (characters). */
export const FACT_MAX_CHARS = 300;
/** How long a written .docx stays downloadable. */
export const DRAFT_FILE_TTL_MS = 24 * 3_600_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What the official sends: fields already known and/or the request in their words. */
export interface DraftInput {
  fields: Partial<DraftFields>;
  request?: string;
}

/** Who is asking (pseudonymous user id, never a raw token). */
export interface Drafter {
  role: Role;
  user: string;
}

export type DraftResult =
  | { status: 'needs_input'; questions: Array<{ field: string; question: string }>; fields: Partial<DraftFields> }
  | { status: 'drafted'; draft: Draft; findings: FormatFinding[]; docxUrl: string; id: string; writtenBy: 'llm' | 'template' };

export interface DraftServiceOptions {
  /** The index currently served (read once per draft). */
  corpus: () => Corpus;
  audit: AuditSink;
  /** Where .docx files are kept (STATE_DIR/drafts). */
  dir?: string;
  /** With an LLM configured: writes the body from the request and the cited facts. */
  writer?: LlmDraftWriter;
  now?: () => Date;
}

/** Lower-cased, diacritic-folded syllables of a text, for picking the sentence that matches a query best. */
function syllables(text: string): Set<string> {
  return new Set(foldDiacritics(text.toLowerCase()).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1));
}

/** The sentence of a passage sharing most syllables with the query; else the passage's start. */
export function bestSentence(text: string, query: string): string {
  const wanted = syllables(query);
  let best = '';
  let bestScore = 0;
  for (const s of splitSentences(text)) {
    const sentence = text.slice(s.start, s.end).trim();
    let score = 0;
    for (const w of syllables(sentence)) if (wanted.has(w)) score += 1;
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  return clip(best || text.trim(), FACT_MAX_CHARS);
}

/** ASCII file-name part of a Vietnamese phrase: "công văn" → "cong-van". */
export function slug(text: string): string {
  return foldDiacritics(text.normalize('NFC').toLowerCase()).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export class DraftService {
  private readonly dir: string;
  private readonly now: () => Date;

  constructor(private readonly opts: DraftServiceOptions) {
    this.dir = opts.dir ?? join('data', 'state', 'drafts');
    this.now = opts.now ?? (() => new Date());
  }

  /** Ask for what is missing, or write, check, store and audit the draft. */
  async draft(input: DraftInput, who: Drafter): Promise<DraftResult> {
    const started = performance.now();
    const time = this.now().toISOString();
    const request = input.request?.trim() ?? '';
    // What the official gave explicitly wins over what was read from their sentence.
    const given = Object.fromEntries(Object.entries(input.fields).filter(([, v]) => v !== undefined)) as Partial<DraftFields>;
    const fields: Partial<DraftFields> = { ...(request ? parseDraftRequest(request) : {}), ...given };
    if (request && !fields.request) fields.request = request;
    const questions = missingFields(fields);
    if (questions.length > 0) {
      // `fields` is what the client posts back with the answers; the request travels on its own.
      const { request: _request, ...known } = fields;
      return { status: 'needs_input', questions, fields: known };
    }

    const complete = { ...fields, request: fields.request || fields.subject } as DraftFields;
    const corpus = this.opts.corpus();
    const query = `${complete.subject} ${request || complete.request || ''}`.trim();
    const hits = await corpus.search(query, { k: DRAFT_FACTS, audiences: ['public', 'internal'] });
    // A document's distribution list ("Nơi nhận") says nothing a draft could cite as fact.
    const facts = hits.filter((h) => !/^noi nhan\b/.test(foldDiacritics(h.section.toLowerCase()))).flatMap((hit, i) => this.fact(corpus, hit, query, i + 1));
    // The date line's year follows Vietnam's calendar (UTC+7), not the server's.
    const today = new Date(Date.parse(time) + 7 * 3_600_000).toISOString().slice(0, 10);
    let draft = composeDraft(complete, facts, { today });
    let writtenBy: 'llm' | 'template' = 'template';
    const written = this.opts.writer ? await this.opts.writer.writeBody(complete, facts) : undefined;
    if (written) {
      // The model saw the facts numbered 1…n in this order; the citations follow the same numbering.
      draft = { ...draft, body: written.body, citations: facts.map((f, i) => ({ ...f.citation, n: i + 1 })) };
      writtenBy = 'llm';
    }
    const findings = checkDraft(draft);
    const docx = await draftToDocx(draft);

    const id = randomUUID();
    await mkdir(this.dir, { recursive: true });
    await this.sweep().catch(() => undefined);
    await writeFile(join(this.dir, `${id}.docx`), docx);
    await writeFile(join(this.dir, `${id}.json`), JSON.stringify({ type: complete.type }));

    await this.opts.audit.append({
      id, time, role: who.role, user: who.user,
      question: redactPersonalData(request || complete.request || complete.subject).text,
      retrieved: hits.map((h) => ({ docId: h.docId, score: h.score })),
      decisions: [],
      outcome: 'answered',
      reason: 'DRAFT',
      answerChars: 0,
      citations: [...new Set(draft.citations.map((c) => c.docId))],
      latencyMs: Math.round(performance.now() - started),
    });
    return { status: 'drafted', draft, findings, docxUrl: `/api/drafts/${id}.docx`, id, writtenBy };
  }

  /** The stored .docx of draft `id`; undefined for an unknown, expired or malformed id. */
  async file(id: string): Promise<Buffer | undefined> {
    if (!UUID.test(id)) return undefined;
    try {
      return await readFile(join(this.dir, `${id}.docx`));
    } catch {
      return undefined;
    }
  }

  /** The download name of draft `id`: `du-thao-cong-van.docx` (from the type recorded beside it). */
  async fileName(id: string): Promise<string> {
    let type = 'van ban';
    if (UUID.test(id)) {
      try {
        const meta = JSON.parse(await readFile(join(this.dir, `${id}.json`), 'utf8')) as { type?: unknown };
        if (typeof meta.type === 'string') type = meta.type;
      } catch {
        // No record of the type: the generic name will do.
      }
    }
    return `du-thao-${slug(type) || 'van-ban'}.docx`;
  }

  /** One cited fact from a hit: its best sentence, cited down to the section. */
  private fact(corpus: Corpus, hit: SearchHit, query: string, n: number): Array<{ text: string; citation: Citation }> {
    const doc = corpus.document(hit.docId);
    const text = bestSentence(hit.text, query);
    if (!text) return [];
    const cited = doc ?? { id: hit.docId, sourceId: hit.sourceId, title: hit.title, ...(hit.number ? { number: hit.number } : {}) };
    return [{ text, citation: buildCitation(n, { id: hit.chunkId, sectionLabel: hit.section }, cited, text) }];
  }

  /** Delete drafts older than a day (best effort; runs before each new one is written). */
  private async sweep(): Promise<void> {
    const cutoff = this.now().getTime() - DRAFT_FILE_TTL_MS;
    for (const name of await readdir(this.dir)) {
      if (!name.endsWith('.docx') && !name.endsWith('.json')) continue;
      const path = join(this.dir, name);
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtimeMs < cutoff) await rm(path, { force: true });
    }
  }
}

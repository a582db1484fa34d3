/**
 * The drafting use case behind `POST /api/draft`: merge what the conversation remembers, what
 * the official typed and the fields given, ask for what is missing, else retrieve facts from
 * the index (public and internal documents), compose the draft, run the format checker,
 * write the .docx (kept for a day under `dir`), and audit the exchange. An edit typed in the
 * same conversation ("đổi thời hạn thành …") makes the draft's next version, checked and
 * written again. Every draft is marked DỰ THẢO.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Role } from '../../core/answer/types.ts';
import type { AuditSink, GuardDecision } from '../../core/audit/types.ts';
import { checkDraft } from '../../core/drafting/check.ts';
import { missingFields, parseDraftRequest } from '../../core/drafting/compose.ts';
import { parseDraftEdits, type DraftEdit } from '../../core/drafting/edits.ts';
import { gatherFacts } from '../../core/drafting/gather-facts.ts';
import { draftIntent } from '../../core/drafting/intent.ts';
import type { Draft, DraftFields, FormatFinding } from '../../core/drafting/model.ts';
import { profileOf, withProfile, type ProfileField } from '../../core/drafting/profile.ts';
import { applyEdits, initialState, renderDraft, type DraftState } from '../../core/drafting/revise.ts';
import { DRAFT_MESSAGES } from '../../core/drafting/rules.ts';
import { redactPersonalData } from '../../core/guard/pii.ts';
import type { Corpus } from '../../core/search/types.ts';
import { foldDiacritics } from '../../core/text/fold.ts';
import { draftToDocx } from './docx.ts';
import type { LlmDraftWriter } from './llm-body.ts';
import { DraftConversations, type DraftConversation } from './sessions.ts';

/** How long a written .docx stays downloadable. */
export const DRAFT_FILE_TTL_MS = 24 * 3_600_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What the official sends: fields already known and/or the request in their words, in a conversation. */
export interface DraftInput {
  fields: Partial<DraftFields>;
  request?: string;
  /** The conversation: remembered agency and signer, and the draft an edit applies to. A new one when absent. */
  conversationId?: string;
}

/** Who is asking (pseudonymous user id, never a raw token). */
export interface Drafter {
  role: Role;
  user: string;
}

export type DraftResult =
  | { status: 'needs_input'; questions: Array<{ field: string; question: string }>; fields: Partial<DraftFields>; conversationId: string; remembered: ProfileField[] }
  | {
    status: 'drafted'; draft: Draft; findings: FormatFinding[]; docxUrl: string; id: string; writtenBy: 'llm' | 'template';
    conversationId: string; version: number; changes: string[]; remembered: ProfileField[];
  };

/** Why a drafting exchange was refused: the Vietnamese message says what to do. */
export class DraftRefusal extends Error {
  constructor(readonly code: 'DRAFT_EDIT_UNCLEAR' | 'DRAFT_EDIT_FAILED' | 'NO_DRAFT_TO_EDIT', readonly userMessage: string) {
    super(code);
    this.name = 'DraftRefusal';
  }
}

export interface DraftServiceOptions {
  /** The index currently served (read once per draft). */
  corpus: () => Corpus;
  audit: AuditSink;
  /** Where .docx files are kept (STATE_DIR/drafts). */
  dir?: string;
  /** With an LLM configured: writes the body from the request and the cited facts. */
  writer?: LlmDraftWriter;
  now?: () => Date;
  /** Conversations kept in memory (a fresh store by default). */
  conversations?: DraftConversations;
}

/** ASCII file-name part of a Vietnamese phrase: "công văn" → "cong-van". */
export function slug(text: string): string {
  return foldDiacritics(text.normalize('NFC').toLowerCase()).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export class DraftService {
  private readonly dir: string;
  private readonly now: () => Date;
  private readonly conversations: DraftConversations;

  constructor(private readonly opts: DraftServiceOptions) {
    this.dir = opts.dir ?? join('data', 'state', 'drafts');
    this.now = opts.now ?? (() => new Date());
    this.conversations = opts.conversations ?? new DraftConversations();
  }

  /**
   * One drafting exchange in a conversation: an edit of the current draft ("thêm nơi nhận …")
   * makes its next version; anything else asks for what is missing or writes a new draft,
   * starting from the agency and signer the conversation remembers.
   */
  async draft(input: DraftInput, who: Drafter): Promise<DraftResult> {
    const conversationId = input.conversationId ?? randomUUID();
    const conversation = this.conversations.get(who.user, conversationId);
    const request = input.request?.trim() ?? '';
    const given = Object.fromEntries(Object.entries(input.fields).filter(([, v]) => v !== undefined)) as Partial<DraftFields>;
    const editing = request && Object.keys(given).length === 0 && !draftIntent(request);
    if (editing) {
      const edits = parseDraftEdits(request);
      if (edits && !conversation.current) throw new DraftRefusal('NO_DRAFT_TO_EDIT', DRAFT_MESSAGES.noDraftToEdit);
      if (edits) return this.revise(conversationId, conversation, request, edits, who);
      if (conversation.current) throw new DraftRefusal('DRAFT_EDIT_UNCLEAR', DRAFT_MESSAGES.editUnclear);
    }
    return this.write(conversationId, conversation, request, given, who);
  }

  /** Ask for what is missing, or write, check, store and audit a new draft (version 1). */
  private async write(conversationId: string, conversation: DraftConversation, request: string, given: Partial<DraftFields>, who: Drafter): Promise<DraftResult> {
    const started = performance.now();
    const time = this.now().toISOString();
    // The conversation's agency and signer first, then what was read from the sentence, then what the official gave.
    const { fields, remembered } = withProfile(conversation.profile, request ? parseDraftRequest(request) : {}, given);
    if (request && !fields.request) fields.request = request;
    this.conversations.set(who.user, conversationId, { ...conversation, profile: { ...conversation.profile, ...profileOf(fields) } });
    const questions = missingFields(fields);
    if (questions.length > 0) {
      // `fields` is what the client posts back with the answers; the request travels on its own.
      const { request: _request, ...known } = fields;
      return { status: 'needs_input', questions, fields: known, conversationId, remembered };
    }

    const complete = { ...fields, request: fields.request || fields.subject } as DraftFields;
    const corpus = this.opts.corpus();
    const { facts, hits } = await gatherFacts(corpus, complete, request || complete.request);
    let writtenBy: 'llm' | 'template' = 'template';
    const written = this.opts.writer ? await this.opts.writer.writeBody(complete, facts) : undefined;
    if (written) writtenBy = 'llm';
    const state = initialState(complete, facts, written?.body);
    const stored = await this.store(state, 1, writtenBy);
    this.conversations.set(who.user, conversationId, {
      profile: { ...conversation.profile, ...profileOf(complete) },
      current: { id: stored.id, version: 1, state, writtenBy },
    });
    await this.audit(stored, who, conversationId, time, started, {
      question: request || complete.request || complete.subject, reason: 'DRAFT', retrieved: hits.map((h) => ({ docId: h.docId, score: h.score })),
    });
    return { status: 'drafted', ...stored, writtenBy, conversationId, version: 1, changes: [], remembered };
  }

  /** The next version of the conversation's draft, with `edits` applied; nothing changes when one cannot apply. */
  private async revise(conversationId: string, conversation: DraftConversation, request: string, edits: DraftEdit[], who: Drafter): Promise<DraftResult> {
    const started = performance.now();
    const time = this.now().toISOString();
    const current = conversation.current!;
    const revision = applyEdits(current.state, edits, { today: this.today(time) });
    if (!revision.ok) throw new DraftRefusal('DRAFT_EDIT_FAILED', revision.problem);
    const version = current.version + 1;
    const stored = await this.store(revision.state, version, current.writtenBy);
    this.conversations.set(who.user, conversationId, {
      profile: { ...conversation.profile, ...profileOf(revision.state.fields) },
      current: { id: stored.id, version, state: revision.state, writtenBy: current.writtenBy },
    });
    await this.audit(stored, who, conversationId, time, started, {
      question: request, reason: 'DRAFT_EDIT', retrieved: [],
      decision: { guard: 'draft-edit', action: 'allow', reason: `v${version}: ${edits.map((e) => e.kind).join(',')}` },
    });
    return { status: 'drafted', ...stored, writtenBy: current.writtenBy, conversationId, version, changes: revision.changes, remembered: [] };
  }

  /** The date line's year follows Vietnam's calendar (UTC+7), not the server's. */
  private today(time: string): string {
    return new Date(Date.parse(time) + 7 * 3_600_000).toISOString().slice(0, 10);
  }

  /** Render, check and write one version's .docx (and the record of its type and version). */
  private async store(state: DraftState, version: number, _writtenBy: 'llm' | 'template'): Promise<{ id: string; draft: Draft; findings: FormatFinding[]; docxUrl: string }> {
    const { draft } = renderDraft(state, { today: this.today(this.now().toISOString()) });
    const findings = checkDraft(draft);
    const docx = await draftToDocx(draft);
    const id = randomUUID();
    await mkdir(this.dir, { recursive: true });
    await this.sweep().catch(() => undefined);
    await writeFile(join(this.dir, `${id}.docx`), docx);
    await writeFile(join(this.dir, `${id}.json`), JSON.stringify({ type: state.fields.type, version }));
    return { id, draft, findings, docxUrl: `/api/drafts/${id}.docx` };
  }

  private async audit(
    stored: { id: string; draft: Draft }, who: Drafter, conversationId: string, time: string, started: number,
    what: { question: string; reason: 'DRAFT' | 'DRAFT_EDIT'; retrieved: Array<{ docId: string; score: number }>; decision?: GuardDecision },
  ): Promise<void> {
    await this.opts.audit.append({
      id: stored.id, time, role: who.role, user: who.user, conversationId,
      question: redactPersonalData(what.question).text,
      retrieved: what.retrieved,
      decisions: what.decision ? [what.decision] : [],
      outcome: 'answered',
      reason: what.reason,
      answerChars: 0,
      citations: [...new Set(stored.draft.citations.map((c) => c.docId))],
      latencyMs: Math.round(performance.now() - started),
    });
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

  /** The download name of draft `id`: `du-thao-cong-van.docx`, `du-thao-cong-van-v2.docx` for a later version (from the record beside it). */
  async fileName(id: string): Promise<string> {
    let type = 'van ban';
    let version = 1;
    if (UUID.test(id)) {
      try {
        const meta = JSON.parse(await readFile(join(this.dir, `${id}.json`), 'utf8')) as { type?: unknown; version?: unknown };
        if (typeof meta.type === 'string') type = meta.type;
        if (typeof meta.version === 'number' && Number.isInteger(meta.version)) version = meta.version;
      } catch {
        // No record of the type: the generic name will do.
      }
    }
    return `du-thao-${slug(type) || 'van-ban'}${version > 1 ? `-v${version}` : ''}.docx`;
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

/**
 * The audit trail port: one record per exchange (question, what was retrieved, what the
 * guardrails decided, the outcome), feedback attached later, and usage statistics read
 * back from it. Records hold no raw personal data: the caller pseudonymises the user and
 * redacts the question before `append` (DESIGN.md, "every exchange audited").
 */
import type { Role } from '../answer/types.ts';

/** What a guardrail did with the exchange. */
export interface GuardDecision {
  /** Guard name, e.g. `personal-data`, `state-secret`, `prompt-injection`. */
  guard: string;
  action: 'allow' | 'redact' | 'refuse';
  /** Stable code or short English text; never user-typed words. */
  reason?: string;
}

/** A citizen's or official's verdict on an answer. */
export interface AuditFeedback {
  useful: boolean;
  /** Free text, ALREADY REDACTED by the caller. */
  comment?: string;
  /** Set when an admin marked the feedback handled ("Đã xử lý"): who (pseudonym) and when; the latest mark wins. */
  handled?: { by: string; at: string };
}

/** One audited exchange. */
export interface AuditRecord {
  /** Unique id (e.g. a UUID); feedback refers to it. */
  id: string;
  /** When the question was received, ISO 8601 (e.g. `2025-03-04T08:15:00.000Z`). */
  time: string;
  role: Role;
  /**
   * Pseudonymous user id computed by the caller, e.g. HMAC-SHA256 of the bearer token or
   * session id with a server secret. Never a raw token or IP address.
   */
  user: string;
  conversationId?: string;
  /** The question, ALREADY REDACTED by the caller (citizen ids, phones, names masked). */
  question: string;
  /** Passages retrieved for the answer, best first. */
  retrieved: Array<{ docId: string; score: number }>;
  decisions: GuardDecision[];
  outcome: 'answered' | 'refused' | 'error';
  /** Refusal reason (`NO_SOURCE`, `EMPTY_QUESTION`, a guard's code) or error code. */
  reason?: string;
  /** Length of the answer text in UTF-16 code units; the answer itself is not stored. */
  answerChars: number;
  /** Document ids of the citations, in citation order. */
  citations: string[];
  latencyMs: number;
  answerer?: 'extractive' | 'llm';
  /** Present when feedback was recorded; the latest feedback wins. */
  feedback?: AuditFeedback;
}

/**
 * A filter over the trail. `from` is inclusive and `to` exclusive (ISO 8601 instants);
 * the other fields must match exactly; `limit` caps how many records come back.
 */
export interface AuditQuery {
  from?: string;
  to?: string;
  role?: Role;
  outcome?: AuditRecord['outcome'];
  reason?: string;
  limit?: number;
}

/** Usage figures over a time range. */
export interface UsageStats {
  /** Day (`YYYY-MM-DD`) → number of exchanges. */
  questionsPerDay: Record<string, number>;
  /** Refusal reason → share of ALL exchanges in the range refused for it (0..1). */
  refusalRateByReason: Record<string, number>;
  /** Most cited documents, most first (a document counts once per exchange); `title` added by the server from the served index. */
  topDocuments: Array<{ docId: string; count: number; title?: string }>;
  /**
   * Questions refused with `NO_SOURCE`, grouped by normalised text (NFC, case and
   * diacritics folded, punctuation and spacing ignored), most asked first. `question` is
   * the first redacted wording seen.
   */
  notFound: Array<{ question: string; count: number }>;
}

/** What an admin did through the admin API (server/http/admin-audit.ts names each route's action). */
export const ADMIN_ACTIONS = [
  'document.upload', 'document.delete', 'upload.delete', 'document.metadata', 'reindex.start', 'reindex.cancel',
  'source.remove', 'version.rollback', 'overrides.restore', 'overrides.reload', 'link.decide', 'link.undo',
  'feedback.handled',
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/** One admin action, audited whatever its outcome. */
export interface AdminActionRecord {
  /** Unique id (a UUID). */
  id: string;
  /** When the action was asked for, ISO 8601. */
  time: string;
  /** The admin's pseudonym (HMAC of the token); never the token. */
  user: string;
  action: AdminAction;
  /** What it acted on: document ids, file names, job ids, versions, link or exchange ids (redacted like free text). */
  targets: string[];
  outcome: 'ok' | 'error';
  /** The error code when `outcome` is `error` (`NOT_DELETABLE`, `JOB_RUNNING` …). */
  code?: string;
  /** HTTP status of the answer. */
  status: number;
  /** What was asked, in short (`audience=internal`); free text, redacted by the sink. */
  detail?: string;
}

/** A filter over admin actions: `from` inclusive, `to` exclusive; the others match exactly. */
export interface AdminActionQuery {
  from?: string;
  to?: string;
  action?: AdminAction;
  user?: string;
  outcome?: AdminActionRecord['outcome'];
  limit?: number;
}

/** Where audit records go. Implementations must never store raw personal data. */
export interface AuditSink {
  /** Store one record. Rejects a record that still carries personal data. */
  append(r: AuditRecord): Promise<void>;
  /** Records matching `q`, with their latest feedback merged in. */
  query(q: AuditQuery): AsyncIterable<AuditRecord>;
  stats(q: { from?: string; to?: string }): Promise<UsageStats>;
  /** Attach feedback to the record `id`; unknown ids are rejected. */
  recordFeedback(id: string, f: AuditFeedback): Promise<void>;
  /** Mark the feedback of record `id` handled (or not) by admin `by`; unknown ids are rejected. */
  markFeedbackHandled(id: string, mark: { handled: boolean; by: string }): Promise<void>;
  /** Store one admin action (free texts redacted like any other). */
  appendAdminAction(r: AdminActionRecord): Promise<void>;
  /** Admin actions matching `q`, oldest first. */
  adminActions(q: AdminActionQuery): AsyncIterable<AdminActionRecord>;
}

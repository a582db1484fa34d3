/**
 * The admin API as the console calls it, typed by protocol/. Every call sends the admin
 * token; a 401 or 403 (token expired or revoked) signs the console out, except while
 * checking a token at sign-in.
 */
import type { AuditRecords } from '../../../protocol/admin/audit.ts';
import type { FeedbackList } from '../../../protocol/admin/feedback.ts';
import type { MetadataPatch, PatchedDocument } from '../../../protocol/admin/documents.ts';
import type { Job, JobList, ReindexStarted } from '../../../protocol/admin/jobs.ts';
import type { UsageStats } from '../../../protocol/admin/stats.ts';
import type { RemovalResponse, UploadList, UploadResponse } from '../../../protocol/admin/uploads.ts';
import type { DocumentList } from '../../../protocol/documents.ts';
import type { Ready } from '../../../protocol/health.ts';
import { ApiError, request, requestJson, type RequestOptions } from '../page/http.ts';

const enc = encodeURIComponent;

export class AdminApi {
  token = '';

  /** `onSignedOut` is told the server's message when it refuses the token. */
  constructor(private readonly onSignedOut: (message: string) => void) {}

  private async call<T>(path: string, opts: Omit<RequestOptions, 'token'> = {}, checkingToken = false): Promise<T> {
    try {
      return await requestJson<T>(path, { ...opts, token: this.token });
    } catch (err) {
      if (!checkingToken && err instanceof ApiError && (err.status === 401 || err.status === 403)) this.onSignedOut(err.message);
      throw err;
    }
  }

  /** The job list, also the sign-in check of `token` (a refusal does not sign out). */
  jobs(checkingToken = false): Promise<JobList> {
    return this.call('/api/admin/jobs', {}, checkingToken);
  }

  job(id: string): Promise<Job> {
    return this.call(`/api/admin/jobs/${enc(id)}`);
  }

  reindex(): Promise<ReindexStarted> {
    return this.call('/api/admin/reindex', { method: 'POST', json: {} });
  }

  upload(form: FormData): Promise<UploadResponse> {
    return this.call('/api/admin/documents', { method: 'POST', form });
  }

  uploads(): Promise<UploadList> {
    return this.call('/api/admin/uploads');
  }

  documents(params: URLSearchParams): Promise<DocumentList> {
    return this.call(`/api/documents?${params.toString()}`);
  }

  patchDocument(id: string, patch: MetadataPatch): Promise<PatchedDocument> {
    return this.call(`/api/admin/documents/${enc(id)}`, { method: 'PATCH', json: patch });
  }

  deleteDocument(id: string): Promise<RemovalResponse> {
    return this.call(`/api/admin/documents/${enc(id)}`, { method: 'DELETE' });
  }

  audit(from?: string): Promise<AuditRecords> {
    return this.call(`/api/admin/audit?format=json&limit=100000${from ? `&from=${enc(from)}` : ''}`);
  }

  /** The whole audit trail as CSV (the raw response: the page saves it as a file). */
  async auditCsv(): Promise<Response> {
    try {
      return await request('/api/admin/audit?format=csv&limit=100000', { token: this.token });
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) this.onSignedOut(err.message);
      throw err;
    }
  }

  /** Exchanges that received feedback, oldest first. */
  feedback(): Promise<FeedbackList> {
    return this.call('/api/admin/feedback?limit=10000');
  }

  /** Set or clear the "Đã xử lý" mark of an exchange's feedback. */
  markFeedback(exchangeId: string, handled: boolean): Promise<{ exchangeId: string; handled: boolean }> {
    return this.call(`/api/admin/feedback/${enc(exchangeId)}/handled`, { method: 'PUT', json: { handled } });
  }

  stats(): Promise<UsageStats> {
    return this.call('/api/admin/stats');
  }

  /** Readiness, to see which index version is served (no token needed). */
  ready(): Promise<Ready> {
    return requestJson('/readyz');
  }
}

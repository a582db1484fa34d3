/**
 * Entry point of admin.js, the admin console (/admin): sign-in, uploads, re-index
 * progress (socket.io `job` events, polling while the socket is down), the documents
 * table, the audit trail with its CSV export, feedback with its "Đã xử lý" mark, and usage charts. Everything from the API
 * is set as text or through DOM APIs, never as HTML.
 */
import { AdminApi } from './api.ts';
import { AuditTable } from './audit-table.ts';
import { DocumentsTable } from './documents-table.ts';
import { FeedbackTable } from './feedback-table.ts';
import { JobPanel } from './job-panel.ts';
import { Session } from './session.ts';
import { StatsPanel } from './stats-panel.ts';
import { setUpUploadForm } from './upload-form.ts';

function start(): void {
  // Called only for requests made after sign-in, when `session` exists.
  const api = new AdminApi((message) => session.signOut(message));
  let loaded = false;
  const jobs = new JobPanel(api, () => {
    void documents.load();
    void stats.load();
  });
  const documents: DocumentsTable = new DocumentsTable(api, jobs, () => stats.renderTopDocuments());
  const stats = new StatsPanel(api, documents.titles);
  const audit = new AuditTable(api);
  const feedback = new FeedbackTable(api);
  setUpUploadForm(api, jobs);
  const session = new Session(api, {
    signedIn: (token) => {
      jobs.start(token);
      if (loaded) return;
      loaded = true;
      void documents.load();
      void audit.load();
      void feedback.load();
      void stats.load();
    },
    signedOut: () => {
      loaded = false;
      jobs.stop();
    },
  });
  void session.start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();

/**
 * Every admin action is audited: a hook on the admin router writes one record per
 * answered change (upload, deletion, metadata change, re-index start or cancel, source
 * removal, rollback, overrides restore or reload, link decision, feedback mark) with who
 * (the admin's pseudonym), what (the action and the ids it acted on) and the outcome (ok,
 * or the error code), whether the change succeeded or not. Reading routes are not audited.
 * `GET /audit/actions` lists and exports them.
 */
import { randomUUID } from 'node:crypto';
import type express from 'express';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { AdminAction, AdminActionRecord, AuditSink } from '../../core/audit/types.ts';
import { AdminActionQueryParams } from '../../protocol/admin/actions.ts';
import { callerOf } from './middleware.ts';
import { parse } from './validate.ts';
import { csvCell } from './csv.ts';

/** The action of each changing admin route, by `METHOD path` as the route declares it. */
export const ADMIN_ROUTE_ACTIONS: Readonly<Record<string, AdminAction>> = {
  'POST /documents': 'document.upload',
  'DELETE /documents/:id': 'document.delete',
  'DELETE /uploads/:fileName': 'upload.delete',
  'PATCH /documents/:id': 'document.metadata',
  'POST /reindex': 'reindex.start',
  'DELETE /jobs/:id': 'reindex.cancel',
  'POST /sources/:id/removal': 'source.remove',
  'POST /versions/:version/rollback': 'version.rollback',
  'POST /overrides/restore': 'overrides.restore',
  'POST /overrides/reload': 'overrides.reload',
  'PUT /links/:id': 'link.decide',
  'DELETE /links/:id': 'link.undo',
  'PUT /feedback/:id/handled': 'feedback.handled',
};

const CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Request fields never copied into `detail` (a removal preview token, say). */
const SECRET_FIELD = /token|secret|password|key/i;

/** What was asked, in short: the request's simple fields (`audience=internal`), secrets left out. */
function detailOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const parts = Object.entries(body as Record<string, unknown>)
    .filter(([k, v]) => !SECRET_FIELD.test(k) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'))
    .map(([k, v]) => `${k}=${String(v).slice(0, 80)}`);
  return parts.length ? parts.join(' ').slice(0, 400) : undefined;
}

/** The ids an answer names: a started job, stored files, a version. */
function targetsOfResponse(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const b = body as { job?: { id?: unknown }; files?: unknown; fileName?: unknown; version?: unknown };
  const out: string[] = [];
  if (Array.isArray(b.files)) {
    for (const f of b.files) {
      const name = typeof f === 'string' ? f : (f as { name?: unknown; fileName?: unknown } | null)?.name ?? (f as { fileName?: unknown } | null)?.fileName;
      if (typeof name === 'string') out.push(name);
    }
  }
  if (typeof b.fileName === 'string') out.push(b.fileName);
  if (typeof b.version === 'string') out.push(b.version);
  if (typeof b.job?.id === 'string') out.push(b.job.id);
  return out;
}

/**
 * The values of the `:params` of `routePath` in the request path. Read from the URL, not
 * `req.params`: once a route has failed, the router has already given its params back.
 */
function paramsOf(routePath: string, originalUrl: string): string[] {
  const pattern = routePath.split('/');
  const actual = originalUrl.split('?')[0]!.split('/').slice(-pattern.length);
  return pattern.flatMap((part, i) => {
    if (!part.startsWith(':')) return [];
    try {
      return [decodeURIComponent(actual[i] ?? '')];
    } catch {
      return [actual[i] ?? ''];
    }
  });
}

/**
 * The hook: installed first on the admin router, it notes each changing request and, once
 * the answer is sent, appends its record. The route's action comes from
 * {@link ADMIN_ROUTE_ACTIONS}; a changing route missing there is logged as an error (a test
 * keeps the table complete). An audit write that fails is logged; the answer is already sent.
 */
export function auditAdminActions(deps: { audit: AuditSink; logger: Logger }): RequestHandler {
  return (req, res, next) => {
    if (!CHANGING.has(req.method)) return next();
    const time = new Date().toISOString();
    let responseBody: unknown;
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      responseBody = body;
      return json(body);
    };
    res.once('finish', () => {
      const routePath = req.route?.path;
      // No route answered (refused before, or unknown): nothing was done.
      if (typeof routePath !== 'string') return;
      const action = ADMIN_ROUTE_ACTIONS[`${req.method} ${routePath}`];
      if (!action) {
        deps.logger.error({ method: req.method, route: routePath }, 'admin route without an audited action');
        return;
      }
      const ok = res.statusCode < 400;
      const params = paramsOf(routePath, req.originalUrl);
      const record: AdminActionRecord = {
        id: randomUUID(), time, user: callerOf(req).user, action,
        targets: [...new Set([...params, ...(ok ? targetsOfResponse(responseBody) : [])])],
        outcome: ok ? 'ok' : 'error', status: res.statusCode,
        ...(ok ? {} : { code: String(res.locals.errorCode ?? (responseBody as { code?: unknown } | undefined)?.code ?? 'ERROR') }),
      };
      const detail = detailOf(req.body);
      if (detail) record.detail = detail;
      deps.audit.appendAdminAction(record).catch((err: unknown) => deps.logger.error({ err, action }, 'admin action not audited'));
    });
    next();
  };
}

const CSV_COLUMNS: Array<[string, (r: AdminActionRecord) => unknown]> = [
  ['id', (r) => r.id], ['time', (r) => r.time], ['user', (r) => r.user], ['action', (r) => r.action],
  ['targets', (r) => r.targets.join(' ')], ['outcome', (r) => r.outcome], ['code', (r) => r.code],
  ['status', (r) => r.status], ['detail', (r) => r.detail],
];

/** `GET /audit/actions` (under the admin router): the admin actions, JSON or CSV. */
export function addAdminActionRoutes(router: express.Router, deps: { audit: AuditSink }): void {
  router.get('/audit/actions', async (req, res) => {
    const { format, ...query } = parse(AdminActionQueryParams, req.query);
    const actions = deps.audit.adminActions(query);
    if (format === 'json') {
      const list: AdminActionRecord[] = [];
      for await (const a of actions) list.push(a);
      res.json({ actions: list });
      return;
    }
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="thao-tac-quan-tri-${new Date().toISOString().slice(0, 10)}.csv"`);
    res.write(`\uFEFF${CSV_COLUMNS.map(([name]) => name).join(',')}\r\n`);
    for await (const a of actions) {
      if (!res.write(`${CSV_COLUMNS.map(([, get]) => csvCell(get(a))).join(',')}\r\n`)) await new Promise((r) => res.once('drain', r));
    }
    res.end();
  });
}

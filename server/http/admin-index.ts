/**
 * Admin routes about the index itself (mounted under /api/admin by admin.ts): its sources
 * and their explicit removal (a preview, then a confirmation with the preview's token),
 * its versions and the rollback to one of them (served at once, without downtime), the
 * server's status (problems, overrides), and the repair of the metadata overrides.
 */
import { resolve } from 'node:path';
import express, { type Request } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.ts';
import { rollbackTo } from '../../ingest/store/rollback.ts';
import { describeRoots, previewRemoval, type RootSummary } from '../../index/roots.ts';
import { listVersions } from '../../index/versions.ts';
import type { MetadataOverrides } from '../admin/metadata-overrides.ts';
import type { IndexService } from '../index-service.ts';
import { JOB_MESSAGES } from '../jobs/job-errors.ts';
import type { JobQueue } from '../cluster/ports.ts';
import type { Readiness } from '../readiness.ts';
import { ingestInputs } from '../ingest-inputs.ts';
import { HttpError } from './errors.ts';
import { callerOf } from './middleware.ts';
import { RemovalRequest } from '../../protocol/admin/sources.ts';
import { parse } from './validate.ts';

export interface AdminIndexDeps {
  config: Config;
  logger: Logger;
  indexes: IndexService;
  jobs: JobQueue;
  overrides: MetadataOverrides;
  readiness: Readiness;
}

export const ADMIN_INDEX_MESSAGES = {
  SOURCE_NOT_FOUND: 'Không có nguồn này trong chỉ mục đang phục vụ.',
  SOURCE_CONFIGURED: 'Nguồn này do cấu hình máy chủ đưa vào (kho có sẵn corpora/, thư mục tải lên, hoặc CORPUS_PATHS) nên sẽ được đọc lại ở lượt sau; muốn gỡ, hãy bỏ nó khỏi cấu hình (CORPUS_PATHS) rồi gỡ, hoặc xóa từng tệp đã tải lên.',
  PREVIEW_STALE: 'Chỉ mục đã thay đổi từ lúc xem trước; vui lòng xem lại những gì sẽ bị gỡ rồi xác nhận lại.',
  OVERRIDES_NOT_FROM_BACKUP: 'Tệp điều chỉnh siêu dữ liệu không ở trạng thái dùng bản sao lưu nên không có gì để khôi phục.',
} as const;

const n = (x: number) => x.toLocaleString('vi-VN');

/** The problem the overrides make, kept in step with their health. */
export function reportOverrides(readiness: Readiness, overrides: MetadataOverrides): void {
  const h = overrides.health;
  if (h.mode === 'ok') readiness.clear('overrides');
  else readiness.set('overrides', 'OVERRIDES_CORRUPT', h.message ?? '');
}

export function createAdminIndexRouter(deps: AdminIndexDeps): express.Router {
  const { config, indexes, jobs, overrides, readiness } = deps;
  const router = express.Router();
  const configured = () => ingestInputs(config).map((i) => resolve(i.path));

  /** The sources of the served version, with whether the server's configuration brings each one. */
  const sources = async () => {
    const index = indexes.current;
    const docs = (id: string) => index.state.docs.get(id);
    const given = configured();
    const roots = (await describeRoots(index.state.manifest, docs)).map((r) => {
      const isConfigured = given.includes(r.path);
      return { ...r, configured: isConfigured, removable: !isConfigured };
    });
    return { index, docs, roots };
  };

  const previewOf = async (req: Request) => {
    const { index, docs, roots } = await sources();
    const root = roots.find((r) => r.id === String(req.params.id));
    if (!root) throw new HttpError(404, 'SOURCE_NOT_FOUND', ADMIN_INDEX_MESSAGES.SOURCE_NOT_FOUND);
    if (!root.removable) throw new HttpError(409, 'SOURCE_CONFIGURED', ADMIN_INDEX_MESSAGES.SOURCE_CONFIGURED, { source: root });
    const p = previewRemoval(index.version, index.state.manifest, root as RootSummary, docs);
    return {
      source: root, version: p.version, documents: p.documents, files: p.files, sample: p.sample, token: p.token,
      message: `Sẽ gỡ ${n(p.documents)} văn bản (${n(p.files)} tệp) của nguồn “${root.path}”.`,
    };
  };

  router.get('/sources', async (_req, res) => {
    const { index, roots } = await sources();
    res.json({ version: index.version, sources: roots });
  });

  router.get('/sources/:id/removal', async (req, res) => {
    res.json(await previewOf(req));
  });

  router.post('/sources/:id/removal', async (req, res) => {
    const body = parse(RemovalRequest, req.body ?? {});
    const preview = await previewOf(req);
    if (body.token !== preview.token) throw new HttpError(409, 'PREVIEW_STALE', ADMIN_INDEX_MESSAGES.PREVIEW_STALE, { preview });
    const { job, queued } = await jobs.request({ user: callerOf(req).user }, { removeRoots: [preview.source.id] });
    deps.logger.info({ source: preview.source.id, documents: preview.documents, by: callerOf(req).user, job: job.id }, 'index source removal confirmed');
    res.status(202).json({ job, queued, documents: preview.documents });
  });

  router.get('/versions', async (_req, res) => {
    const list = await listVersions(config.INDEX_DIR);
    res.json({ active: list.active ?? null, served: indexes.version ?? null, keep: config.INDEX_KEEP_VERSIONS, totalBytes: list.totalBytes, versions: list.versions });
  });

  router.post('/versions/:version/rollback', async (req, res) => {
    // A job holds the lock and would publish over the rollback: one thing at a time.
    const running = await jobs.running();
    if (running) throw new HttpError(409, 'JOB_CONFLICT', JOB_MESSAGES.JOB_CONFLICT, { job: running });
    const by = callerOf(req).user;
    const result = await rollbackTo(config.INDEX_DIR, String(req.params.version), { by, via: 'admin' });
    try {
      // Answer workers load it first, then one assignment switches: answers never stop.
      await indexes.load();
    } catch (err) {
      // The version cannot be served: CURRENT goes back to what is served.
      if (result.switched && result.previous) {
        await rollbackTo(config.INDEX_DIR, result.previous, { by, via: 'admin' })
          .catch((undo: unknown) => deps.logger.error({ err: undo }, 'could not restore CURRENT after a failed rollback'));
      }
      throw err;
    }
    const index = indexes.current;
    deps.logger.info({ version: result.version, previous: result.previous, by }, 'index rolled back');
    res.json({
      version: result.version, previous: result.previous ?? null, switched: result.switched,
      documents: index.state.docs.size, chunks: index.state.chunks.size,
    });
  });

  router.get('/status', async (_req, res) => {
    const problems = readiness.list().map(({ code, message, since }) => ({ code, message, since }));
    const index = indexes.ready ? indexes.current : undefined;
    res.json({
      status: !index ? 'not_ready' : problems.length ? 'degraded' : 'ready',
      index: index ? { version: index.version, documents: index.state.docs.size, chunks: index.state.chunks.size } : null,
      problems, overrides: overrides.health, job: (await Promise.resolve(jobs.running()).catch(() => undefined)) ?? null, retryPending: jobs.retryPending,
    });
  });

  router.post('/overrides/restore', async (req, res) => {
    if (overrides.health.mode !== 'backup') throw new HttpError(409, 'OVERRIDES_NOT_FROM_BACKUP', ADMIN_INDEX_MESSAGES.OVERRIDES_NOT_FROM_BACKUP, { overrides: overrides.health });
    const health = await overrides.restoreFromBackup();
    reportOverrides(readiness, overrides);
    deps.logger.info({ by: callerOf(req).user, count: health.count }, 'metadata overrides restored from their backup');
    res.json(health);
  });

  router.post('/overrides/reload', async (req, res) => {
    const health = await overrides.load();
    reportOverrides(readiness, overrides);
    deps.logger.info({ by: callerOf(req).user, mode: health.mode }, 'metadata overrides reloaded');
    res.json(health);
  });

  return router;
}

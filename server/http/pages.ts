/**
 * The web pages: the demo portal that embeds the chat widget (`/`), the admin console
 * (`/admin`), the source view a citation links to (`/sources/:docId`), the built widget
 * bundle (`/widget.js`) and the pages' static assets (web-widget/public). The pages are
 * plain HTML with external scripts and styles, so they run under the server's strict CSP.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';

const WEB_ROOT = resolve(fileURLToPath(new URL('../../web-widget', import.meta.url)));

export interface PagesOptions {
  /** Folder with the pages and their assets (default web-widget/public). */
  publicDir?: string;
  /** The built widget bundle (default web-widget/dist/widget.js). */
  widgetFile?: string;
}

/** Routes for the pages and their assets; mount after the API, before the 404 handler. */
/** Whether `copy` exists and is not older than `source`. */
function isFresh(copy: string, source: string): boolean {
  try {
    return statSync(copy).mtimeMs >= statSync(source).mtimeMs;
  } catch {
    return false;
  }
}

export function pagesRouter(opts: PagesOptions = {}): express.Router {
  const publicDir = opts.publicDir ?? join(WEB_ROOT, 'public');
  const widgetFile = opts.widgetFile ?? join(WEB_ROOT, 'dist', 'widget.js');
  const router = express.Router();
  // Pages change with deployments; a browser must not keep an old admin console.
  const page = (file: string): express.RequestHandler => (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(publicDir, file), (err) => {
      if (err) next(err);
    });
  };

  router.get('/', page('index.html'));
  router.get('/admin', page('admin.html'));
  router.get('/sources/:docId', page('source.html'));
  router.get('/widget.js', (req, res, next) => {
    res.setHeader('Cache-Control', 'no-cache');
    // Checked at each request: the widget may be built while the server runs.
    if (!existsSync(widgetFile)) {
      res.status(404).type('text/plain; charset=utf-8').send('widget.js chưa được build; chạy npm run build:widget');
      return;
    }
    res.type('text/javascript; charset=utf-8');
    res.setHeader('Vary', 'Accept-Encoding');
    // The build writes a gzipped copy beside the bundle (about a third of its size).
    const gzipped = `${widgetFile}.gz`;
    const useGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && isFresh(gzipped, widgetFile);
    if (useGzip) res.setHeader('Content-Encoding', 'gzip');
    res.sendFile(useGzip ? gzipped : widgetFile, (err) => {
      if (err) next(err);
    });
  });
  router.use(express.static(publicDir, { index: false, redirect: false, maxAge: '1h' }));
  return router;
}

/**
 * The web pages: the demo portal that embeds the chat widget (`/`), the admin console
 * (`/admin`), the source view a citation links to (`/sources/:docId`), their static
 * assets (web-widget/public) and their scripts, built from TypeScript by
 * `npm run build:widget` into web-widget/dist: `/widget.js`, `/admin.js`, `/source.js`.
 * The pages are plain HTML with external scripts and styles, so they run under the
 * server's strict CSP.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';

const WEB_ROOT = resolve(fileURLToPath(new URL('../../web-widget', import.meta.url)));

/** The built scripts, served from the dist folder. */
export const BUNDLES = ['widget.js', 'admin.js', 'source.js'] as const;

export interface PagesOptions {
  /** Folder with the pages and their assets (default web-widget/public). */
  publicDir?: string;
  /** Folder with the built scripts (default web-widget/dist). */
  distDir?: string;
}

/** Whether `copy` exists and is not older than `source`. */
function isFresh(copy: string, source: string): boolean {
  try {
    return statSync(copy).mtimeMs >= statSync(source).mtimeMs;
  } catch {
    return false;
  }
}

/** Routes for the pages and their assets; mount after the API, before the 404 handler. */
export function pagesRouter(opts: PagesOptions = {}): express.Router {
  const publicDir = opts.publicDir ?? join(WEB_ROOT, 'public');
  const distDir = opts.distDir ?? join(WEB_ROOT, 'dist');
  const router = express.Router();
  // Pages change with deployments; a browser must not keep an old admin console.
  const page = (file: string): express.RequestHandler => (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(publicDir, file), (err) => {
      if (err) next(err);
    });
  };
  const bundle = (name: string): express.RequestHandler => (req, res, next) => {
    const file = join(distDir, name);
    res.setHeader('Cache-Control', 'no-cache');
    // Checked at each request: the scripts may be built while the server runs.
    if (!existsSync(file)) {
      res.status(404).type('text/plain; charset=utf-8').send(`${name} chưa được build; chạy npm run build:widget`);
      return;
    }
    res.type('text/javascript; charset=utf-8');
    res.setHeader('Vary', 'Accept-Encoding');
    // The build writes a gzipped copy beside each script (about a third of its size).
    const gzipped = `${file}.gz`;
    const useGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && isFresh(gzipped, file);
    if (useGzip) res.setHeader('Content-Encoding', 'gzip');
    res.sendFile(useGzip ? gzipped : file, (err) => {
      if (err) next(err);
    });
  };

  router.get('/', page('index.html'));
  router.get('/admin', page('admin.html'));
  router.get('/sources/:docId', page('source.html'));
  for (const name of BUNDLES) router.get(`/${name}`, bundle(name));
  router.use(express.static(publicDir, { index: false, redirect: false, maxAge: '1h' }));
  return router;
}

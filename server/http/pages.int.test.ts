/**
 * The web pages on the real server: the demo portal embeds the widget, the admin console
 * and the source view come with the strict CSP and load their built scripts, assets carry
 * the right content types, and each script is served built (gzipped when accepted) or
 * says how to build it.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { get as httpGet } from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPages } from '../../web-widget/build.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { pagesRouter } from './pages.ts';

const DIST = resolve(fileURLToPath(new URL('../../web-widget/dist', import.meta.url)));

let t: TestServer;

beforeAll(async () => {
  // The server serves the pages' scripts from web-widget/dist, as after `npm run build:widget`.
  await buildPages(DIST);
  t = await startTestServer({ RATE_LIMIT_PER_IP: '100000' });
});

afterAll(async () => {
  await t?.close();
});

const get = (path: string) => fetch(`${t.url}${path}`);

describe('pages', () => {
  it('serves the demo portal embedding the widget the way a portal would', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<script src="/widget.js" data-server="" data-title="Trợ lý ảo Quảng Ngãi" async></script>');
    expect(html).toContain('Thủ tục hành chính nổi bật');
    expect(html).toContain('Tin tức – thông báo');
  });

  it('serves the admin console and the source view for any id, with the strict CSP and no inline code', async () => {
    for (const [path, script] of [['/admin', '/admin.js'], ['/sources/1.001193', '/source.js'], ['/sources/x', '/source.js']] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      const html = await res.text();
      expect(html).toContain(`<script src="${script}" defer></script>`);
      expect(html).not.toMatch(/<script>|<style|\sstyle=|\son[a-z]+=/i);
    }
    const admin = await (await get('/admin')).text();
    expect(admin).toContain('Mã truy cập quản trị');
    expect(admin).toContain('Tiến độ lập chỉ mục');
  });

  it('serves the stylesheets and the built scripts with their content types', async () => {
    for (const [path, type] of [['/styles.css', /^text\/css/], ['/admin.css', /^text\/css/], ['/portal.css', /^text\/css/], ['/source.css', /^text\/css/], ['/admin.js', /javascript/], ['/source.js', /javascript/], ['/portal.js', /javascript/]] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(type);
    }
    expect(await (await get('/admin.js')).text()).toContain('Vui lòng nhập mã truy cập quản trị.');
    expect(await (await get('/source.js')).text()).toContain('Không tìm thấy văn bản này hoặc bạn không có quyền xem.');
  });

  it('serves the usage policy page from prompts/policy.vi.md, with the strict CSP and no script', async () => {
    const res = await get('/chinh-sach');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy') ?? '').toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<h1>Quy định sử dụng Trợ lý ảo</h1>');
    expect(html).toContain('<h2>Dành cho cán bộ</h2>');
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
  });

  it('lets the source view keep the tab that opened it (the widget hands it a token), and no other page', async () => {
    expect((await get('/sources/1.001193')).headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
    expect((await get('/admin')).headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect((await get('/')).headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it('keeps no hand-written script among the static files', async () => {
    const files = await readdir(resolve(fileURLToPath(new URL('../../web-widget/public', import.meta.url))));
    expect(files.filter((f) => /\.m?js$/.test(f))).toEqual([]);
  });

  it('answers 404 for unknown paths and does not list or redirect folders', async () => {
    expect((await get('/nothing-here.css')).status).toBe(404);
    expect((await get('/index.html/')).status).toBe(404);
    const api = await get('/api/nothing');
    expect(api.status).toBe(404);
    expect(((await api.json()) as { code: string }).code).toBe('NOT_FOUND');
  });
});

describe('widget.js', () => {
  let dir: string;
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    dir = await mkdtemp(join(os.tmpdir(), 'pages-'));
    const app = express();
    app.use(pagesRouter({ publicDir: dir, distDir: dir }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((r) => server.close(() => r()));
  });

  afterAll(async () => {
    await close?.();
    await rm(dir, { recursive: true, force: true });
  });

  it('says how to build a script while it is missing', async () => {
    for (const name of ['widget.js', 'admin.js', 'source.js', 'portal.js']) {
      const res = await fetch(`${url}/${name}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toBe(`${name} chưa được build; chạy npm run build:widget`);
    }
  });

  it('serves the built bundle without caching once it exists', async () => {
    await writeFile(join(dir, 'widget.js'), 'console.log("widget");\n');
    const res = await fetch(`${url}/widget.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('widget');
  });

  it('sends the gzipped copy to browsers that accept it, and only while it is current', async () => {
    const js = 'console.log("widget, gzipped");\n';
    await writeFile(join(dir, 'widget.js'), js);
    await writeFile(join(dir, 'widget.js.gz'), gzipSync(js));
    const raw = (accept: string) => new Promise<{ encoding: string | undefined; body: Buffer }>((resolveGet, reject) => {
      httpGet(`${url}/widget.js`, { headers: { 'accept-encoding': accept } }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => resolveGet({ encoding: res.headers['content-encoding'], body: Buffer.concat(parts) }));
      }).on('error', reject);
    });
    const gz = await raw('gzip, deflate');
    expect(gz.encoding).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(js);
    const plain = await raw('identity');
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.toString()).toBe(js);
    // A rebuilt bundle newer than its .gz is sent uncompressed rather than stale.
    await new Promise((r) => setTimeout(r, 20));
    await writeFile(join(dir, 'widget.js'), 'console.log("rebuilt");\n');
    const stale = await raw('gzip');
    expect(stale.encoding).toBeUndefined();
    expect(stale.body.toString()).toContain('rebuilt');
  });
});

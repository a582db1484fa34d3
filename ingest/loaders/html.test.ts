import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWindows1258 } from '../../scripts/fixtures/text.ts';
import { decodeEntities, decodeHtml, htmlToText } from './html.ts';
import { loadSource } from './index.ts';
import { collect, tempFixtures } from './test-support.ts';

describe('htmlToText', () => {
  it('drops script, style, noscript and head but keeps the title as a hint', () => {
    const out = htmlToText('<html><head><title>Tin &amp; bài</title><style>p{}</style></head>'
      + '<body><script>var x = "bí mật";</script><noscript>JS</noscript><p>Nội dung</p></body></html>');
    expect(out).toEqual({ text: 'Nội dung', title: 'Tin & bài' });
  });

  it('turns block elements and <br> into line breaks and separates table cells', () => {
    const out = htmlToText('<h2>Mục I</h2><div>Dòng một<br/>dòng hai</div><ul><li>a) Một</li><li>b) Hai</li></ul>'
      + '<table><tr><td>Phí</td><td>50.000 đồng</td></tr></table>');
    expect(out.text.split('\n').filter(Boolean)).toEqual(['Mục I', 'Dòng một', 'dòng hai', 'a) Một', 'b) Hai', 'Phí 50.000 đồng']);
  });

  it('decodes named Latin-1 and numeric entities', () => {
    expect(decodeEntities('Th&ocirc;ng b&aacute;o &#7871; &#x1EA1; &Eacute; &lt;b&gt; &unknown;'))
      .toBe('Thông báo ế ạ É <b> &unknown;');
  });

  it('honours a declared windows-1258 charset', () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="windows-1258"><p>'), encodeWindows1258('Quảng Ngãi'), Buffer.from('</p>')]);
    expect(htmlToText(decodeHtml(bytes)).text.normalize('NFC')).toBe('Quảng Ngãi');
  });
});

describe('HTML file loader', () => {
  let fx: Awaited<ReturnType<typeof tempFixtures>>;
  beforeAll(async () => { fx = await tempFixtures(); });
  afterAll(async () => { await fx.cleanup(); });

  it('loads the page text without scripts and with the title in meta', async () => {
    const { docs, skipped } = await collect(loadSource(fx.goodHtml));
    expect(skipped).toEqual([]);
    const doc = docs[0]!;
    expect(doc.meta?.title).toBe('Thông báo tuyển dụng viên chức - Sở Nội vụ');
    expect(doc.text.startsWith('Thông báo tuyển dụng\n')).toBe(true);
    expect(doc.text).toContain('Lệ phí dự tuyển: 500.000 đồng');
    expect(doc.text).toContain('Chi tiết xem tại Cổng thông tin & điện tử\ntỉnh.');
    expect(doc.text).not.toContain('tracking');
    expect(doc.text).not.toContain('font-family');
    expect(doc.text).not.toContain('Bật JavaScript');
  });

  it('skips an HTML page with no text as FILE_EMPTY', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'html-'));
    try {
      const path = join(dir, 'rong.html');
      await writeFile(path, '<html><head><title>Trống</title></head><body><script>1</script></body></html>');
      const { skipped } = await collect(loadSource(path));
      expect(skipped.map((s) => [s.code, s.message.includes('rong.html')])).toEqual([['FILE_EMPTY', true]]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

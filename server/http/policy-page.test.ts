import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { escapeHtml, policyBlocks, policyPage } from './policy-page.ts';

const POLICY = readFileSync(fileURLToPath(new URL('../../prompts/policy.vi.md', import.meta.url)), 'utf8');

describe('the policy page', () => {
  it('reads headings, paragraphs and numbered rules continued on indented lines', () => {
    const blocks = policyBlocks('# Quy định\n\nMột đoạn\nnối tiếp.\n\n## Mục\n\n1. Điều một\n   còn tiếp.\n2. Điều hai.\n\n## Khác\n\n3. Điều ba.\n');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Quy định' },
      { kind: 'paragraph', text: 'Một đoạn nối tiếp.' },
      { kind: 'heading', level: 2, text: 'Mục' },
      { kind: 'rules', start: 1, items: ['Điều một còn tiếp.', 'Điều hai.'] },
      { kind: 'heading', level: 2, text: 'Khác' },
      { kind: 'rules', start: 3, items: ['Điều ba.'] },
    ]);
  });

  it('shows every rule of prompts/policy.vi.md, numbered as in the file', () => {
    const rules = policyBlocks(POLICY).flatMap((b) => (b.kind === 'rules' ? b.items.map((_, i) => b.start + i) : []));
    const inFile = [...POLICY.matchAll(/^(\d+)\.\s/gm)].map((m) => Number(m[1]));
    expect(rules).toEqual(inFile);
    expect(inFile.length).toBeGreaterThanOrEqual(8);
    const html = policyPage(POLICY);
    expect(html).toContain('<h1>Quy định sử dụng Trợ lý ảo</h1>');
    expect(html).toContain('<ol class="rules" start="7">');
  });

  it('escapes markup in the policy text instead of keeping it', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')"> & co`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp; co');
    const html = policyPage('# Tiêu đề <script>alert(1)</script>\n\n1. Không dùng <b>thẻ</b>.\n');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;thẻ&lt;/b&gt;');
  });
});

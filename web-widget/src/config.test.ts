import { describe, expect, it } from 'vitest';
import { readConfig, safeHref } from './config.ts';

const attrs = (a: Record<string, string>) => (name: string): string | null => a[name] ?? null;

describe('readConfig', () => {
  it('defaults the server to the origin the script was loaded from', () => {
    const c = readConfig(attrs({}), 'https://tro-ly.example.gov.vn/widget.js?v=2', 'https://host.example');
    expect(c).toEqual({
      server: 'https://tro-ly.example.gov.vn',
      title: 'Trợ lý ảo',
      policyUrl: 'https://tro-ly.example.gov.vn/chinh-sach',
      startOpen: false,
    });
  });

  it('takes data-server, data-title, data-policy-url and data-open from the tag', () => {
    const c = readConfig(
      attrs({ 'data-server': 'http://localhost:3000/', 'data-title': 'Hỏi đáp Sở Tư pháp', 'data-policy-url': 'https://x.vn/cs', 'data-open': 'true' }),
      'https://cdn.example/widget.js', 'https://host.example',
    );
    expect(c).toEqual({ server: 'http://localhost:3000', title: 'Hỏi đáp Sở Tư pháp', policyUrl: 'https://x.vn/cs', startOpen: true });
  });

  it('falls back to the page origin when the script source is unknown', () => {
    expect(readConfig(attrs({}), undefined, 'http://localhost:5173').server).toBe('http://localhost:5173');
  });
});

describe('safeHref', () => {
  it('resolves source links against the server and refuses script URLs', () => {
    expect(safeHref('/sources/1.001193?chunk=1.001193%234', 'http://localhost:3000'))
      .toBe('http://localhost:3000/sources/1.001193?chunk=1.001193%234');
    expect(safeHref('javascript:alert(1)', 'http://localhost:3000')).toBeUndefined();
  });
});

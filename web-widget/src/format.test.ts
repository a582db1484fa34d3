import { describe, expect, it } from 'vitest';
import { listItemKind, parseAnswer, splitMarkers } from './format.ts';

describe('splitMarkers', () => {
  it('turns [n] markers into citation segments between text runs', () => {
    expect(splitMarkers('Hồ sơ gồm tờ khai [1] và giấy chứng sinh [2].')).toEqual([
      { kind: 'text', text: 'Hồ sơ gồm tờ khai ' },
      { kind: 'cite', n: 1 },
      { kind: 'text', text: ' và giấy chứng sinh ' },
      { kind: 'cite', n: 2 },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps markers for unknown citations as plain text', () => {
    expect(splitMarkers('Xem [1] và [7].', new Set([1]))).toEqual([
      { kind: 'text', text: 'Xem ' },
      { kind: 'cite', n: 1 },
      { kind: 'text', text: ' và [7].' },
    ]);
  });

  it('leaves markup-looking text as text, never as markup', () => {
    expect(splitMarkers('<img src=x onerror=alert(1)> [a]')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)> [a]' },
    ]);
  });

  it('handles adjacent markers and an empty string', () => {
    expect(splitMarkers('[1][2]')).toEqual([{ kind: 'cite', n: 1 }, { kind: 'cite', n: 2 }]);
    expect(splitMarkers('')).toEqual([]);
  });
});

describe('listItemKind', () => {
  it('recognises dash, bullet and numbered items', () => {
    expect(listItemKind('- Tờ khai')).toEqual({ ordered: false, body: 'Tờ khai' });
    expect(listItemKind('• Tờ khai')).toEqual({ ordered: false, body: 'Tờ khai' });
    expect(listItemKind('1. Tờ khai')).toEqual({ ordered: true, body: 'Tờ khai' });
  });

  it('does not take a date, a hyphenated word or a decimal for a list item', () => {
    expect(listItemKind('04/6/2021 là ngày ban hành')).toBeNull();
    expect(listItemKind('-5 độ')).toBeNull();
    expect(listItemKind('1.5 triệu đồng')).toBeNull();
  });
});

describe('parseAnswer', () => {
  it('groups list lines into a list and keeps line breaks inside a paragraph', () => {
    const blocks = parseAnswer('Hồ sơ gồm:\n- Tờ khai [1]\n- Giấy chứng sinh\nNộp tại UBND xã.\nLệ phí: miễn.');
    expect(blocks).toEqual([
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'Hồ sơ gồm:' }]] },
      { kind: 'list', ordered: false, items: [
        [{ kind: 'text', text: 'Tờ khai ' }, { kind: 'cite', n: 1 }],
        [{ kind: 'text', text: 'Giấy chứng sinh' }],
      ] },
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'Nộp tại UBND xã.' }], [{ kind: 'text', text: 'Lệ phí: miễn.' }]] },
    ]);
  });

  it('splits paragraphs on blank lines and starts a new list when the kind changes', () => {
    const blocks = parseAnswer('A\r\n\r\nB\n1. một\n2. hai\n- gạch');
    expect(blocks.map((b) => (b.kind === 'list' ? `list:${b.ordered}:${b.items.length}` : `p:${b.lines.length}`)))
      .toEqual(['p:1', 'p:1', 'list:true:2', 'list:false:1']);
  });

  it('returns no blocks for blank text', () => {
    expect(parseAnswer('  \n\n ')).toEqual([]);
  });
});

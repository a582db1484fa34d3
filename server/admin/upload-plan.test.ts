import { describe, expect, it } from 'vitest';
import { linesWithoutRecord } from './record-lines.ts';
import { planFiles, verdictProblems, type FolderEntry } from './upload-plan.ts';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const file = (originalname: string, buffer: Uint8Array = PDF) => ({ originalname, buffer });
const entry = (name: string, isFile = true): FolderEntry => ({ name, isFile: () => isFile });

describe('planFiles', () => {
  it('names every file safely and refuses a name given twice in one call', () => {
    const { planned, problems } = planFiles([file('Báo cáo.pdf'), file('báo cáo.PDF')], [], {});
    expect(planned.map((p) => p.existed)).toEqual([false, false]);
    expect(problems.map((p) => p.code)).toEqual(['DUPLICATE_NAME']);
  });

  it('refuses an existing file unless replacing, and knows its sidecar is there', () => {
    const present = [entry('a.pdf'), entry('a.pdf.meta.json')];
    expect(planFiles([file('a.pdf')], present, {}).problems.map((p) => p.code)).toEqual(['FILE_EXISTS']);
    const replaced = planFiles([file('a.pdf')], present, { replace: true });
    expect(replaced.problems).toEqual([]);
    expect(replaced.planned[0]).toMatchObject({ fileName: 'a.pdf', existed: true, sidecarExists: true });
  });

  it('never replaces a folder of that name, even when asked to', () => {
    expect(planFiles([file('a.pdf')], [entry('a.pdf', false)], { replace: true }).problems.map((p) => p.code)).toEqual(['FILE_EXISTS']);
  });

  it('refuses metadata on a JSONL file: its records carry their own', () => {
    const jsonl = new TextEncoder().encode('{"id":"x","title":"Tiêu đề","content":"Nội dung"}\n');
    const { problems } = planFiles([file('records.jsonl', jsonl)], [], { sidecarJson: '{}' });
    expect(problems.map((p) => p.code)).toEqual(['METADATA_INVALID']);
  });

  it('refuses content that is not what its name says', () => {
    const { problems } = planFiles([file('scan.pdf', new TextEncoder().encode('not a pdf at all'))], [], {});
    expect(problems).toHaveLength(1);
    expect(problems[0]!.fileName).toBe('scan.pdf');
  });
});

describe('verdictProblems', () => {
  it('lists the first five problems of a checked file and counts the rest in one line', () => {
    const { planned } = planFiles([file('a.pdf'), file('b.pdf')], [], {});
    const many = Array.from({ length: 7 }, () => ({ code: 'EMPTY_DOCUMENT', message: 'trống' }));
    const problems = verdictProblems(planned, [
      { checked: true, problems: many, sourceIds: [] },
      { checked: false },
    ] as never);
    expect(problems).toHaveLength(6);
    expect(problems.every((p) => p.fileName === 'a.pdf')).toBe(true);
    expect(problems[5]!.message).toMatch(/2/);
  });
});

describe('linesWithoutRecord', () => {
  const text = [
    '\uFEFF{"id":"a","title":"Thủ tục A","text":"Nội dung A"}',
    'không phải JSON',
    '{"id":"b","title":"Thủ tục B","text":"Nội dung B"}',
    '',
    '{"id":"a","title":"Thủ tục A (bản sau)","text":"Nội dung A"}',
  ].join('\n');

  it('drops every line of the record, keeps the rest as they are', () => {
    const { kept, removedLines } = linesWithoutRecord(text, 'a', '/up/x.jsonl');
    expect(removedLines).toEqual([1, 5]);
    expect(kept).toEqual(['không phải JSON', '{"id":"b","title":"Thủ tục B","text":"Nội dung B"}', '']);
  });

  it('removes nothing when the record is absent', () => {
    expect(linesWithoutRecord(text, 'zzz', '/up/x.jsonl').removedLines).toEqual([]);
  });
});

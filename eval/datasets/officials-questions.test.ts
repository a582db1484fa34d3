import { describe, expect, it } from 'vitest';
import {
  checkKindCounts, checkOfficialQuestions, checkOfficialsDataset, docContains, loadCorpusDocs, matchForms, nearestDoc, spellings,
  type CorpusDocs,
} from './check-officials-questions.ts';
import {
  loadOfficialQuestions, OFFICIAL_KIND_MINIMUMS, OFFICIAL_KINDS, OFFICIAL_SETS, parseOfficialQuestions, type OfficialQuestion,
} from './officials-questions.ts';

describe('matchForms and docContains', () => {
  const doc = matchForms(
    'Số: 114 /TB-SKHCN\n\nQuảng Ngãi, ngày 04 tháng 6 năm 2026\n\nCông văn số 1125/UBND-\n\nKTTH ngày 07/08/2025; có \n\n81.935 học viên',
    { number: '114/TB-SKHCN', issuedDate: '2026-06-04', extra: { note: 'số 999/BC-X bị mất' } },
  );

  it('finds a fact across collapsed line breaks, with thousand separators and leading zeros folded', () => {
    expect(docContains(doc, 'có 81.935 học viên')).toBe(true);
    expect(docContains(doc, '81935 học viên')).toBe(true);
    expect(docContains(doc, '7/8/2025')).toBe(true);
  });

  it('rejoins a document number broken after its hyphen at a line end', () => {
    expect(docContains(doc, '1125/UBND-KTTH')).toBe(true);
    expect(docContains(doc, '1125/UBND-KTTX')).toBe(false);
  });

  it('accepts a spelled-out or ISO date as d/m/yyyy and the sidecar number only as reformattings, never the sidecar note', () => {
    expect(docContains(doc, '04/6/2026')).toBe(false);
    expect(docContains(doc, '04/6/2026', true)).toBe(true);
    expect(docContains(doc, '4/6/2026', true)).toBe(true);
    expect(docContains(doc, '5/6/2026', true)).toBe(false);
    expect(docContains(doc, '114/TB-SKHCN')).toBe(false);
    expect(docContains(doc, '114/TB-SKHCN', true)).toBe(true);
    expect(docContains(doc, '999/BC-X', true)).toBe(false);
  });

  it('does not find a number inside a longer one', () => {
    expect(docContains(doc, '1.935 học viên')).toBe(false);
  });
});

describe('spellings', () => {
  it('spells out the abbreviations of an alternative from the dictionary, keeping the rest', () => {
    expect(spellings('Sở KH&CN')).toEqual(['Sở KH&CN', 'Sở khoa học và công nghệ']);
    expect(spellings('UBND tỉnh, Sở KH&CN')).toContain('Ủy ban nhân dân tỉnh, Sở khoa học và công nghệ');
    expect(spellings('ngày 20/01/2026')).toEqual(['ngày 20/01/2026']);
  });
});

describe('parseOfficialQuestions', () => {
  it('reports bad JSON, unknown fields, unknown kinds and malformed ids by line', () => {
    const { questions, problems } = parseOfficialQuestions([
      '{"id":"off-001","kind":"fact","question":"Ai ký?","goldDocs":["a.txt"],"facts":["X"],"note":"n"}',
      '{"id":"off-002",',
      '{"id":"off-003","kind":"guess","question":"?","note":"n"}',
      '{"id":"q4","kind":"fact","question":"?","note":"n","answer":"x"}',
    ].join('\n'));
    expect(questions.map((q) => q.id)).toEqual(['off-001']);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^line 2: invalid JSON/u);
    expect(problems[1]).toMatch(/^line 3 \(off-003\): kind:/u);
    expect(problems.slice(2).join('\n')).toMatch(/line 4 \(q4\): id: must look like off-001/u);
    expect(problems.slice(2).join('\n')).toMatch(/line 4 \(q4\): record: Unrecognized key\(s\) in object: 'answer'/u);
  });
});

describe('checkOfficialQuestions', () => {
  const docs: CorpusDocs = new Map([
    ['qn/a.txt', matchForms('Sở Khoa học và Công nghệ: đến nay có 2.725 doanh nghiệp công nghệ số. Khó khăn: thiếu vốn; thiếu nhân lực.')],
    ['qn/b.txt', matchForms('Phùng Tô Long 1 Về hướng dẫn xây dựng Kế hoạch.')],
  ]);
  const base: OfficialQuestion = {
    id: 'off-001', kind: 'fact', question: 'Có bao nhiêu doanh nghiệp công nghệ số?', goldDocs: ['qn/a.txt'],
    facts: ['2.725 doanh nghiệp'], note: 'a.txt',
  };

  it('accepts questions whose facts, items and alternatives are in their gold documents', () => {
    expect(checkOfficialQuestions([
      base,
      { ...base, id: 'off-002', kind: 'list', facts: undefined, listItems: ['thiếu vốn', 'thiếu nhân lực'], followUpOf: 'off-001' },
      { ...base, id: 'off-003', kind: 'draft', anyOf: [['Sở Khoa học và Công nghệ', 'Sở KH&CN']], forbidden: ['Phùng Tô Long 1 Về hướng dẫn'] },
      { id: 'off-004', kind: 'unanswerable', question: 'Năm 2023 có bao nhiêu?', note: 'year not covered; nearest: qn/a.txt.' },
    ], docs)).toEqual([]);
  });

  it('reports missing documents and strings, dangling follow-ups, duplicate ids and lapses of shape', () => {
    expect(checkOfficialQuestions([
      { ...base, goldDocs: ['qn/c.txt'] },
      { ...base, id: 'off-002', facts: ['2.726 doanh nghiệp'], followUpOf: 'off-009' },
      { ...base, id: 'off-002', kind: 'list', facts: undefined, listItems: ['thiếu vốn', 'thiếu đất'] },
      { ...base, id: 'off-004', kind: 'comparison', facts: ['Sở KH&CN'] },
      { ...base, id: 'off-005', kind: 'draft', forbidden: ['câu không có ở đâu'] },
      { id: 'off-006', kind: 'unanswerable', question: '?', goldDocs: ['qn/a.txt'], note: 'nearest: qn/z.txt' },
      { id: 'off-007', kind: 'unanswerable', question: '?', note: 'no pointer' },
    ], docs)).toEqual([
      'off-001: gold document qn/c.txt is not in the corpus',
      'off-002: followUpOf "off-009" is not an earlier question',
      'off-002: fact "2.726 doanh nghiệp" is in none of its gold documents',
      'off-002: duplicate id',
      'off-002: list item "thiếu đất" is in none of its gold documents',
      'off-004: a comparison needs both values',
      'off-004: fact "Sở KH&CN" is in none of its gold documents',
      'off-006: an unanswerable question has no gold documents, facts or list items',
      'off-006: nearest document qn/z.txt is not in the corpus',
      'off-007: the note names no nearest document (nearest: <source id>)',
      'off-005: forbidden "câu không có ở đâu" is in no corpus document, so it can never be quoted',
    ]);
  });

  it('reads the nearest document of an unanswerable note without its closing punctuation', () => {
    expect(nearestDoc({ id: 'off-001', kind: 'unanswerable', question: '?', note: 'lost; nearest: quang-ngai/x.txt.' })).toBe('quang-ngai/x.txt');
  });

  it('reports kinds below their minimum', () => {
    const problems = checkKindCounts([base]);
    expect(problems).toContain(`kind doc_facts: 0 questions, at least ${OFFICIAL_KIND_MINIMUMS.doc_facts} wanted`);
    expect(problems).toContain('1 questions besides drafts, at least 110 wanted');
    expect(problems).not.toContain(expect.stringMatching(/^kind fact:/u));
  });
});

describe('the officials\' question set', () => {
  it('loads every corpus document under the source id the ingest gives it', async () => {
    const docs = await loadCorpusDocs();
    expect([...docs.keys()].sort()).toEqual([
      'quang-ngai/bao-cao-chien-luoc-tri-tue-nhan-tao-2025.txt',
      'quang-ngai/bao-cao-so-ket-3-nam-nghi-quyet-26-23-nq-tw.txt',
      'quang-ngai/phu-luc-02-ket-qua-thuc-hien-nhiem-vu-khcn-cds.txt',
      'quang-ngai/thong-bao-114-tb-skhcn-nhu-cau-cong-nghe.md',
      'quang-ngai/thong-bao-ket-luan-ung-dung-ai-chuyen-doi-so-2026-2030.txt',
    ]);
  });

  it('matches the real documents and meets every minimum', async () => {
    const { questions, problems } = await checkOfficialsDataset();
    expect(problems).toEqual([]);
    expect(questions.length).toBeGreaterThanOrEqual(118);
  });

  it('is typed as officials type: no diacritics, follow-ups, drafting phrased in several ways', async () => {
    const { questions } = await checkOfficialsDataset();
    expect(questions.filter((q) => /^[\x20-\x7e]+$/u.test(q.question)).length).toBeGreaterThanOrEqual(10);
    expect(questions.filter((q) => q.followUpOf).length).toBeGreaterThanOrEqual(4);
    const openings = new Set(questions.filter((q) => q.kind === 'draft').map((q) => q.question.split(' ')[0]!.toLowerCase()));
    expect(openings.size).toBeGreaterThanOrEqual(5);
  });
});

describe('the officials\' fresh set', () => {
  it('matches the real documents, covers every asked kind and shares no id or question with the development set', async () => {
    const [fresh, dev, docs] = await Promise.all([
      loadOfficialQuestions(OFFICIAL_SETS.fresh), loadOfficialQuestions(OFFICIAL_SETS.dev), loadCorpusDocs(),
    ]);
    expect(checkOfficialQuestions(fresh, docs)).toEqual([]);
    expect(fresh.length).toBeGreaterThanOrEqual(30);
    const kinds = new Set(fresh.map((q) => q.kind));
    for (const k of OFFICIAL_KINDS.filter((k) => k !== 'draft')) expect(kinds).toContain(k);
    const devIds = new Set(dev.map((q) => q.id));
    const devQuestions = new Set(dev.map((q) => q.question.toLowerCase()));
    expect(fresh.filter((q) => devIds.has(q.id) || devQuestions.has(q.question.toLowerCase()))).toEqual([]);
  });
});

describe('the officials\' second fresh set', () => {
  it('matches the real documents, covers every asked kind and shares no id or question with the other sets', async () => {
    const [fresh2, dev, fresh, docs] = await Promise.all([
      loadOfficialQuestions(OFFICIAL_SETS.fresh2), loadOfficialQuestions(OFFICIAL_SETS.dev),
      loadOfficialQuestions(OFFICIAL_SETS.fresh), loadCorpusDocs(),
    ]);
    expect(checkOfficialQuestions(fresh2, docs)).toEqual([]);
    expect(fresh2.length).toBeGreaterThanOrEqual(24);
    const kinds = new Set(fresh2.map((q) => q.kind));
    for (const k of OFFICIAL_KINDS.filter((k) => k !== 'draft')) expect(kinds).toContain(k);
    const others = [...dev, ...fresh];
    const ids = new Set(others.map((q) => q.id));
    const asked = new Set(others.map((q) => q.question.toLowerCase()));
    expect(fresh2.filter((q) => ids.has(q.id) || asked.has(q.question.toLowerCase()))).toEqual([]);
  });
});

describe('the officials\' third fresh set', () => {
  it('matches the real documents, covers every asked kind, holds at least 8 not answerable and shares no id or question with the other sets', async () => {
    const [fresh3, dev, fresh, fresh2, docs] = await Promise.all([
      loadOfficialQuestions(OFFICIAL_SETS.fresh3), loadOfficialQuestions(OFFICIAL_SETS.dev),
      loadOfficialQuestions(OFFICIAL_SETS.fresh), loadOfficialQuestions(OFFICIAL_SETS.fresh2), loadCorpusDocs(),
    ]);
    expect(checkOfficialQuestions(fresh3, docs)).toEqual([]);
    expect(fresh3.length).toBeGreaterThanOrEqual(32);
    expect(fresh3.filter((q) => q.kind === 'unanswerable').length).toBeGreaterThanOrEqual(8);
    const kinds = new Set(fresh3.map((q) => q.kind));
    for (const k of OFFICIAL_KINDS.filter((k) => k !== 'draft')) expect(kinds).toContain(k);
    const others = [...dev, ...fresh, ...fresh2];
    const ids = new Set(others.map((q) => q.id));
    const asked = new Set(others.map((q) => q.question.toLowerCase()));
    expect(fresh3.filter((q) => ids.has(q.id) || asked.has(q.question.toLowerCase()))).toEqual([]);
  });
});

describe('the officials\' fourth fresh set', () => {
  it('matches the real documents, covers every asked kind, holds at least 10 not answerable and shares no id or question with the other sets', async () => {
    const [fresh4, dev, fresh, fresh2, fresh3, docs] = await Promise.all([
      loadOfficialQuestions(OFFICIAL_SETS.fresh4), loadOfficialQuestions(OFFICIAL_SETS.dev),
      loadOfficialQuestions(OFFICIAL_SETS.fresh), loadOfficialQuestions(OFFICIAL_SETS.fresh2),
      loadOfficialQuestions(OFFICIAL_SETS.fresh3), loadCorpusDocs(),
    ]);
    expect(checkOfficialQuestions(fresh4, docs)).toEqual([]);
    expect(fresh4.length).toBeGreaterThanOrEqual(32);
    expect(fresh4.filter((q) => q.kind === 'unanswerable').length).toBeGreaterThanOrEqual(10);
    const kinds = new Set(fresh4.map((q) => q.kind));
    for (const k of OFFICIAL_KINDS.filter((k) => k !== 'draft')) expect(kinds).toContain(k);
    const others = [...dev, ...fresh, ...fresh2, ...fresh3];
    const ids = new Set(others.map((q) => q.id));
    const asked = new Set(others.map((q) => q.question.toLowerCase()));
    expect(fresh4.filter((q) => ids.has(q.id) || asked.has(q.question.toLowerCase()))).toEqual([]);
  });
});

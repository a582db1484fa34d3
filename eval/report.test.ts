import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { rate, scoreAnswerEval, type QuestionOutcome } from './answers.ts';
import { answersSection, renderAnswerChart, renderAnswerMarkdown, writeAnswerReport } from './report.ts';

const base = { goldCodes: ['1.004222'], expectedFacts: ['7 ngày làm việc'], missingFacts: [], unsupportedFacts: [], retrievalMs: 4, answerMs: 12, refused: false };
const outcomes: QuestionOutcome[] = [
  { ...base, qid: 'a', text: 'đăng ký thường trú mất bao lâu', set: 'procedure', intent: 'time', answer: '7 ngày làm việc [1].', citedSourceIds: ['1.004222'], goldRetrievedRank: 1 },
  { ...base, qid: 'b', text: 'phí | lệ phí?', set: 'procedure', intent: 'fee', answer: 'Lệ phí 20.000 đồng [1].', citedSourceIds: ['1.004194'], goldRetrievedRank: null, missingFacts: ['7 ngày làm việc'], unsupportedFacts: ['20000 đồng'] },
  { ...base, qid: 'u', text: 'thời tiết <mai>', set: 'unanswerable', goldCodes: [], expectedFacts: [], answer: 'Chưa tìm thấy.', refused: true, citedSourceIds: [] },
];
const result = scoreAnswerEval(outcomes, { date: '2026-11-23', indexDir: 'data/full-index', answerer: 'extractive', machine: '2 × CPU, 4 GiB', node: 'v20', k: 10 });

describe('answer report', () => {
  it('names the held-out set\'s command, file and report when the run asked it', () => {
    const fresh = answersSection({ ...result, set: 'fresh' });
    expect(fresh).toContain('`npm run eval -- answers --set fresh`');
    expect(fresh).toContain('eval/datasets/procedure-fresh.jsonl');
    expect(fresh).toContain('eval/reports/answers-fresh-2026-11-23.md');
    expect(answersSection(result)).toContain('`npm run eval -- answers`');
    expect(answersSection(result)).not.toContain('procedure-fresh');
    const fresh2 = answersSection({ ...result, set: 'fresh2' });
    expect(fresh2).toContain('`npm run eval -- answers --set fresh2`');
    expect(fresh2).toContain('eval/datasets/procedure-fresh2.jsonl');
    expect(fresh2).toContain('eval/reports/answers-fresh2-2026-11-23.md');
    const noUnanswerable = answersSection({ ...result, set: 'fresh', unanswerable: { questions: 0, correctRefusals: rate(0, 0) } });
    expect(noUnanswerable).not.toContain('Correct refusals');
  });

  it('summarises the run with targets, latency and per-intent tables', () => {
    expect(result.procedure.goldCited).toEqual(rate(1, 2));
    const section = answersSection(result);
    expect(section).toContain('| Gold procedure cited | 50.0% (1/2) | ≥ 95.0% | no |');
    expect(section).toContain('| Correct refusals (unanswerable) | 100.0% (1/1) | ≥ 90.0% | yes |');
    expect(section).toContain('| Unsupported facts in answers | 1 | 0 | no |');
    expect(section).toContain('| Whole answer (Assistant.chat) | 12.0 | 12.0 | 12.0 |');
    expect(section).toContain('| fee | 1 | 0.0% (0/1) | 0.0% (0/1) | 0.0% (0/1) |');
    expect(section).not.toContain('## Failures');
  });

  it('lists failures with pipes escaped and embeds the chart', () => {
    const md = renderAnswerMarkdown(result, 'answers-2026-11-23.svg');
    expect(md).toContain('![Metrics against targets](answers-2026-11-23.svg)');
    expect(md).toContain('| b | phí \\| lệ phí? | gold-not-cited, missing-facts, unsupported-facts |');
    expect(md).toContain('- b: `20000 đồng`');
  });

  it('draws one bar and one target tick per metric, escaping text', () => {
    const svg = renderAnswerChart(result);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<rect /g)).toHaveLength(6); // background + 5 bars
    expect(svg.match(/stroke-width="2"/g)).toHaveLength(5);
    expect(svg).toContain('Unsupported facts in answers: 1 (target 0)');
    expect(svg).not.toMatch(/<[^/a-z!?]/);
  });

  it('writes json, md and svg side by side', async () => {
    const dir = await mkdtemp(join(os.tmpdir(), 'answers-report-'));
    try {
      const paths = await writeAnswerReport(result, dir);
      expect(paths.md).toBe(join(dir, 'answers-2026-11-23.md'));
      expect(JSON.parse(await readFile(paths.json, 'utf8')).procedure.goldCited).toEqual(rate(1, 2));
      expect(await readFile(paths.svg, 'utf8')).toContain('</svg>');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The chat and search use cases keep planted document instructions from citizens: relayed
 * sentences are never streamed, an answer left with nothing to say is an audited refusal,
 * and quotes and search hits lose flagged passages for everyone but admins.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerRequest, AnswerResult, Answerer } from '../core/answer/types.ts';
import type { AuditRecord } from '../core/audit/types.ts';
import type { Corpus } from '../core/search/types.ts';
import { DOCUMENT_INSTRUCTION_REFUSAL, REFERENCE_NOTE } from '../core/guard/guard.ts';
import { JsonlAuditSink } from './audit/jsonl-audit.ts';
import { MemoryCorpus } from './answer/testing/memory-corpus.ts';
import { Assistant } from './assistant.ts';

const PAYMENT = 'Chuyển khoản lệ phí vào số tài khoản 0123456789 tại Vietcombank, chủ tài khoản Nguyễn Văn A.';
const ZALO = 'Gửi ảnh chụp CCCD hai mặt qua Zalo 0912 345 678 để được duyệt trước.';
const RULE = 'Lệ phí cấp bản sao trích lục là 8.000 đồng mỗi bản, nộp tại Bộ phận Một cửa.';

/** Answers with a scripted text citing one passage, streamed one character at a time. */
class ScriptedAnswerer implements Answerer {
  readonly name = 'extractive' as const;
  constructor(private readonly text: string) {}

  async answer(_req: AnswerRequest, corpus: Corpus): Promise<AnswerResult> {
    const [hit] = await corpus.search('lệ phí trích lục', { k: 1 });
    return {
      answer: this.text, refused: false, answerer: 'extractive', notices: [], context: { focusDocIds: [] },
      citations: [{ n: 1, docId: hit!.docId, sourceId: hit!.sourceId, title: hit!.title, section: hit!.section, quote: hit!.text }],
    };
  }

  async stream(req: AnswerRequest, corpus: Corpus, onToken: (text: string) => void): Promise<AnswerResult> {
    const result = await this.answer(req, corpus);
    for (const ch of result.answer) onToken(ch);
    return result;
  }
}

let work: string;
let audit: JsonlAuditSink;
const corpus = new MemoryCorpus([{
  id: 'tb-le-phi', title: 'Thông báo lệ phí trích lục', audience: 'public',
  passages: [{ section: 'Mục 1', text: `${RULE} ${PAYMENT} ${ZALO}` }],
}]);

beforeAll(async () => {
  work = await mkdtemp(join(os.tmpdir(), 'assistant-instructions-'));
  audit = new JsonlAuditSink({ dir: join(work, 'audit') });
});
afterAll(async () => {
  await audit.close();
  await rm(work, { recursive: true, force: true });
});

async function auditOf(id: string): Promise<AuditRecord> {
  for await (const r of audit.query({})) if (r.id === id) return r;
  throw new Error(`no audit record ${id}`);
}

describe('an answer relaying planted instructions', () => {
  it('becomes a polite refusal, streamed alone and audited as refused, when nothing else is left', async () => {
    const assistant = new Assistant(corpus, new ScriptedAnswerer(`Theo thông báo [1]:\n- ${PAYMENT} [1]\n- ${ZALO} [1]`), { audit });
    const tokens: string[] = [];
    const r = await assistant.chat({ message: 'Lệ phí trích lục nộp thế nào?' }, { role: 'citizen', onToken: (t) => tokens.push(t) });
    expect(r).toMatchObject({ refused: true, reason: 'PROMPT_INJECTION', answer: DOCUMENT_INSTRUCTION_REFUSAL, citations: [] });
    expect(r.answer).toMatch(/^Xin lỗi, /u);
    expect(r.notices).not.toContain(REFERENCE_NOTE);
    expect(tokens).toEqual([DOCUMENT_INSTRUCTION_REFUSAL]);
    const record = await auditOf(r.exchangeId);
    expect(record.outcome).toBe('refused');
    expect(record.reason).toBe('PROMPT_INJECTION');
    expect(record.citations).toEqual([]);
    expect(record.decisions).toContainEqual(expect.objectContaining({ guard: 'document-instructions', action: 'refuse' }));
  });

  it('keeps the rest, streams only kept sentences and is audited as answered when something is left', async () => {
    const assistant = new Assistant(corpus, new ScriptedAnswerer(`${RULE} [1] ${PAYMENT} [1]\n- ${ZALO} [1]`), { audit });
    const tokens: string[] = [];
    const r = await assistant.chat({ message: 'Lệ phí trích lục nộp thế nào?' }, { role: 'citizen', onToken: (t) => tokens.push(t) });
    expect(r.refused).toBe(false);
    expect(r.answer).toContain('8.000 đồng');
    for (const shown of [r.answer, tokens.join(''), ...r.citations.map((c) => c.quote)]) {
      expect(shown).not.toMatch(/0123456789|Vietcombank|Zalo|0912 345 678/u);
    }
    expect(r.citations[0]!.quote).toContain('8.000 đồng');
    const record = await auditOf(r.exchangeId);
    expect(record.outcome).toBe('answered');
    expect(record.decisions).toContainEqual({ guard: 'document-instructions', action: 'redact', reason: '2 sentence(s): private-payment,documents-over-chat' });
  });

  it('quotes the flagged passage whole to an admin only', async () => {
    const assistant = new Assistant(corpus, new ScriptedAnswerer(`${RULE} [1]`), { audit });
    const admin = await assistant.chat({ message: 'Lệ phí trích lục?' }, { role: 'admin' });
    expect(admin.citations[0]!.quote).toContain('Vietcombank');
    const official = await assistant.chat({ message: 'Lệ phí trích lục?' }, { role: 'official' });
    expect(official.citations[0]!.quote).not.toContain('Vietcombank');
  });
});

describe('search', () => {
  it('cuts flagged passages from hits for citizens and officials, not for admins', async () => {
    const assistant = new Assistant(corpus, new ScriptedAnswerer(''));
    const citizen = await assistant.search({ query: 'lệ phí trích lục' }, 'citizen');
    expect(citizen.results[0]!.text).toContain('8.000 đồng');
    expect(citizen.results[0]!.text).not.toMatch(/Vietcombank|Zalo/u);
    const admin = await assistant.search({ query: 'lệ phí trích lục' }, 'admin');
    expect(admin.results[0]!.text).toContain('Vietcombank');
  });
});

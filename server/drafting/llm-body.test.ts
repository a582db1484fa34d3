import { afterEach, describe, expect, it } from 'vitest';
import type { DraftFact } from '../../core/drafting/compose.ts';
import type { DraftFields } from '../../core/drafting/model.ts';
import { startScriptedOpenAiServer, type ScriptedOpenAiServer } from '../answer/testing/scripted-openai-server.ts';
import { LlmDraftWriter } from './llm-body.ts';

const FIELDS: DraftFields = {
  type: 'công văn', issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', issuingBodyCode: 'SKHCN', place: 'Quảng Ngãi',
  subject: 'báo cáo kết quả chuyển đổi số năm 2025', recipients: ['UBND các xã'], signerTitle: 'GIÁM ĐỐC',
  signerName: 'Nguyễn Văn An', deadline: '20/12/2025', request: 'Soạn công văn gửi UBND các xã về việc báo cáo kết quả chuyển đổi số năm 2025',
};

const FACTS: DraftFact[] = [{
  text: 'Đến năm 2025, 100% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng.',
  citation: { n: 1, docId: 'ke-hoach-83', sourceId: 'ke-hoach-83.txt', title: 'Kế hoạch thực hiện chuyển đổi số', number: '83/KH-UBND', label: 'Kế hoạch số 83/KH-UBND ngày 04/6/2021', section: 'Mục II.1', quote: 'Đến năm 2025, 100% hồ sơ …' },
}];

let llm: ScriptedOpenAiServer | undefined;
afterEach(async () => {
  await llm?.close();
  llm = undefined;
});

const writer = (server: ScriptedOpenAiServer) => new LlmDraftWriter({ baseUrl: server.baseUrl, model: 'test', timeoutMs: 5_000 });

describe('LlmDraftWriter', () => {
  it('keeps sentences whose facts are in their cited source, drops the others, keeps placeholders', async () => {
    llm = await startScriptedOpenAiServer([{ content: [
      'Thực hiện kế hoạch của tỉnh, đến năm 2025, 100% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng [1].',
      'Hiện đã có 95% xã hoàn thành chỉ tiêu này [1].',
      '[Nội dung cần bổ sung: các số liệu đề nghị báo cáo]',
      'Đề nghị Ủy ban nhân dân các xã gửi báo cáo đúng thời hạn.',
    ].join('\n') }]);
    const result = await writer(llm).writeBody(FIELDS, FACTS);
    expect(result?.dropped).toBe(1);
    expect(result?.body.map((p) => p.text)).toEqual([
      'Thực hiện kế hoạch của tỉnh, đến năm 2025, 100% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng [1].',
      '[Nội dung cần bổ sung: các số liệu đề nghị báo cáo]',
      'Đề nghị Ủy ban nhân dân các xã gửi báo cáo đúng thời hạn.',
    ]);
    expect(result?.body[0]?.citations).toEqual([1]);
    expect(result?.body[1]?.placeholder).toBe(true);
    // The model was given the facts as delimited sources and the official's request.
    const user = llm.requests[0]!.body.messages!.at(-1)!.content;
    expect(user).toContain('100% hồ sơ công việc');
    expect(user).toContain('Kế hoạch số 83/KH-UBND');
    expect(llm.requests[0]!.body.messages![0]!.content).toContain('Không được tự nghĩ ra thông tin');
  });

  it('gives nothing back (the template body stays) on an HTTP error or when nothing passes the check', async () => {
    llm = await startScriptedOpenAiServer([{ status: 500 }, { content: 'Tỷ lệ đạt 97% [1].\n[Nội dung cần bổ sung: kết luận]' }]);
    const w = writer(llm);
    expect(await w.writeBody(FIELDS, FACTS)).toBeUndefined();
    expect(await w.writeBody(FIELDS, FACTS)).toBeUndefined();
  });
});

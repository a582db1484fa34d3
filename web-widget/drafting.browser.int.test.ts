/**
 * Drafting in the widget, in a real browser (headless Chromium through playwright-core)
 * against the real server: an official's request in natural phrasing ("Hãy soạn …") opens
 * the drafting form rather than a chat answer; an edit typed next ("thêm nơi nhận …") brings
 * version 2 with what changed; the next request in the same conversation is drafted with the
 * agency and signer remembered; a citizen's "Hãy soạn …" stays a chat question.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../server/testing/browser-suite.ts';
import { OFFICIAL_TOKEN } from '../server/testing/test-server.ts';

const WAIT = 15_000;
const REQUEST = 'Hãy soạn công văn gửi UBND các xã về việc báo cáo kết quả chuyển đổi số năm 2025, hạn 20/12/2025';
const ANSWERS: Record<string, string> = {
  issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', superiorBody: 'UBND TỈNH QUẢNG NGÃI', issuingBodyCode: 'SKHCN', place: 'Quảng Ngãi',
  signerTitle: 'GIÁM ĐỐC', signerName: 'Nguyễn Văn An',
};

const { server, newContext } = useBrowserSuite({ env: { RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_TOKEN: '100000' }, pages: false, timeoutMs: 90_000 });

async function newPage(): Promise<Page> {
  const context = await newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  await page.goto(`${server().url}/`);
  await page.getByRole('button', { name: 'Mở trợ lý ảo' }).click();
  return page;
}

async function signIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng nhập cán bộ' }).click();
  await page.getByLabel('Mã truy cập', { exact: true }).fill(OFFICIAL_TOKEN);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor({ state: 'visible' });
}

/** Send `text` and wait until the new assistant message has ended; returns it. */
async function send(page: Page, text: string): Promise<Locator> {
  const done = page.locator('[data-role="assistant"]:not([data-state="streaming"])');
  const before = await done.count();
  await page.getByLabel('Câu hỏi của bạn').fill(text);
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  await done.nth(before).waitFor({ state: 'attached' });
  return page.locator('[data-role="assistant"]').last();
}

/** Wait for the message to show a draft preview; on a timeout, say what it showed instead. */
async function preview(message: Locator, name = 'Bản xem trước dự thảo'): Promise<Locator> {
  const region = message.getByRole('region', { name });
  await region.waitFor({ state: 'visible' }).catch(async (e) => {
    throw new Error(`${String(e)} :: ${await message.innerText()}`);
  });
  return region;
}

describe('drafting in the widget', () => {
  it('drafts from "Hãy soạn …", makes version 2 from "thêm nơi nhận …", and remembers the agency and signer for the next draft', async () => {
    const page = await newPage();
    await signIn(page);

    const first = await send(page, REQUEST);
    // The drafting form, not a chat answer: one labelled field per question asked.
    await first.getByRole('button', { name: 'Soạn dự thảo' }).waitFor({ state: 'visible' });
    const fields = await first.locator('input[data-field]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')));
    expect(fields).toEqual(expect.arrayContaining(['issuingBody', 'superiorBody', 'signerName']));
    for (const field of fields) await first.locator(`input[data-field="${field}"]`).fill(ANSWERS[field!] ?? '');
    await first.getByRole('button', { name: 'Soạn dự thảo' }).click();
    const v1 = await preview(first);
    const v1Text = await v1.innerText();
    expect(v1Text).toContain('UBND TỈNH QUẢNG NGÃI');
    expect(v1Text).toContain('V/v báo cáo kết quả chuyển đổi số năm 2025');
    expect(await first.innerText()).toContain('thêm nơi nhận Sở Tài chính');

    const second = await send(page, 'thêm nơi nhận Sở Tài chính');
    const v2 = await preview(second, 'Bản xem trước dự thảo (phiên bản 2)');
    expect(await second.innerText()).toContain('Phiên bản 2');
    expect(await second.innerText()).toContain('Đã thêm nơi nhận: Sở Tài chính.');
    expect(await v2.innerText()).toContain('- Sở Tài chính.');

    const third = await send(page, 'Giúp tôi soạn tờ trình gửi UBND tỉnh về việc phê duyệt Đề án đầu tư trang thiết bị công nghệ thông tin');
    const v3 = await preview(third);
    const text = await v3.innerText();
    expect(text).toContain('TỜ TRÌNH');
    expect(text).toContain('…/TTr-SKHCN');
    expect(text).toContain('Nguyễn Văn An');
  }, 60_000);

  it('leaves a citizen\'s "Hãy soạn …" to chat', async () => {
    const page = await newPage();
    const answer = await send(page, REQUEST);
    expect(await answer.getByRole('button', { name: 'Soạn dự thảo' }).count()).toBe(0);
    expect(await answer.getByRole('region', { name: /dự thảo/ }).count()).toBe(0);
  }, 30_000);
});

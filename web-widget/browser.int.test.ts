/**
 * The widget, the source view and the admin console in a real browser (headless Chromium
 * through playwright-core) against the real server: a citizen's question answered with a
 * streamed, cited answer; the same flow by keyboard only; hostile document text rendered
 * as text; an admin's upload answered from, its re-index followed by socket.io events (by
 * polling when the socket is blocked); internal documents kept from citizens and shown to
 * officials. Saves the README's screenshots to docs/screenshots/.
 */
import { describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { adminFetch, answerStates, draftQuestions, isFocused, RECORD_ANSWER_STATES, tabTo, uploadAndIndex, waitForSearchHit } from '../server/testing/browser.ts';
import { useBrowserSuite } from '../server/testing/browser-suite.ts';
import { ADMIN_TOKEN, INTERNAL_MARKER, OFFICIAL_TOKEN } from '../server/testing/test-server.ts';
import { activate, answers, ask, BIRTH_QUESTION, chip, citationRegion, input, launcher, openWidget, squash, VIEWPORTS } from '../server/testing/widget-page.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SHOTS = join(ROOT, 'docs', 'screenshots');
const WAIT = 10_000;

const XSS_IMG = '<img src=x onerror="window.__xss=1">';
const XSS_SCRIPT = '<script>window.__xss=2</script>';
const XSS_QUESTION = 'Cấp giấy phép nuôi ong mật tại xã Ba Tơ Thử Nghiệm cần hồ sơ gì?';
const XSS_DOC = [
  `THÔNG BÁO ${XSS_IMG} ${XSS_SCRIPT}`,
  `Về thủ tục cấp giấy phép nuôi ong mật tại xã Ba Tơ Thử Nghiệm ${XSS_IMG}`,
  `1. Hồ sơ đề nghị cấp giấy phép nuôi ong mật tại xã Ba Tơ Thử Nghiệm gồm đơn đề nghị ${XSS_IMG} và bản sao giấy tờ tùy thân ${XSS_SCRIPT}.`,
  '2. Thời hạn giải quyết thủ tục cấp giấy phép nuôi ong mật là 5 ngày làm việc.',
  '',
].join('\n');

const DOCX_NAME = 'huong-dan-nuoi-chim-yen.docx';
const DOCX_SENTENCE = 'Hồ sơ đăng ký cơ sở nuôi chim yến tại xã Sơn Kỳ Thử Nghiệm gồm tờ khai đăng ký và sơ đồ vị trí nhà yến; thời hạn giải quyết là 7 ngày làm việc.';
const DOCX_QUESTION = 'Đăng ký cơ sở nuôi chim yến tại xã Sơn Kỳ Thử Nghiệm cần hồ sơ gì?';

let xssDocId = '';
const dialogs: string[] = [];

const { server, newContext } = useBrowserSuite({
  env: { RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_TOKEN: '100000' },
  afterServer: async (t) => {
    xssDocId = await uploadAndIndex(t.url, 'thong-bao-nuoi-ong.txt', XSS_DOC, 'giấy phép nuôi ong mật xã Ba Tơ Thử Nghiệm');
    await mkdir(SHOTS, { recursive: true });
  },
});

/** A fresh page (own context) that records answer states and any dialog. */
async function newPage(viewport = { width: 1280, height: 860 }): Promise<Page> {
  const context = await newContext({ viewport });
  await context.addInitScript(RECORD_ANSWER_STATES);
  // On the context, so pages it opens (the source view opens in a new tab) are covered too.
  context.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  return page;
}

async function openPortal(page: Page): Promise<void> {
  await page.goto(`${server().url}/`);
  await launcher(page).waitFor({ state: 'visible' });
}


/** The citizens' REST answer to `question` (what the widget's socket answer must match). */
async function restAnswer(question: string): Promise<{ answer: string; citations: Array<{ docId: string; quote: string; title: string; link: string }> }> {
  const res = await fetch(`${server().url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: question }) });
  return await res.json() as { answer: string; citations: Array<{ docId: string; quote: string; title: string; link: string }> };
}

/** A distinctive piece of a quote: the start of its longest line. */
function quoteFragment(quote: string): string {
  const longest = quote.split('\n').reduce((a, b) => (b.length > a.length ? b : a), '');
  return squash(longest).slice(0, 40);
}

/**
 * Whether the payloads ran or became elements. The server's CSP would block them even if
 * they were parsed as HTML, so the element counts are what catches an innerHTML slip.
 * (The answer text comes back with `__` dropped, hence `window.xss` too.)
 */
async function expectInert(page: Page): Promise<void> {
  expect(await page.evaluate('[window.__xss, window.xss]')).toEqual([undefined, undefined]);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('script', { hasText: 'xss' }).count()).toBe(0);
}

/** Follow the citation region's "Xem toàn văn" link (same tab or a new one) and return the source page. */
async function followFullText(page: Page): Promise<Page> {
  const link = citationRegion(page).getByRole('link', { name: 'Xem toàn văn' });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\/sources\/[^?]+\?chunk=/);
  if ((await link.getAttribute('target')) === '_blank') {
    const [popup] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await popup.waitForLoadState();
    popup.setDefaultTimeout(WAIT);
    return popup;
  }
  await Promise.all([page.waitForURL(/\/sources\//), link.click()]);
  return page;
}

/** Count the page's reads of one job (`GET /api/admin/jobs/{id}`): the console's polling. */
function countJobPolls(page: Page): { count: number } {
  const polls = { count: 0 };
  page.on('request', (r) => {
    if (r.method() === 'GET' && /\/api\/admin\/jobs\/[^/?]+$/.test(new URL(r.url()).pathname)) polls.count++;
  });
  return polls;
}

/** Resolves when the page's socket.io connection is accepted (engine.io message, socket.io CONNECT: `40`). */
function socketConnected(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (ws) => {
      ws.on('framereceived', (frame) => {
        if (String(frame.payload).startsWith('40')) resolve();
      });
    });
  });
}

async function signInAdmin(page: Page): Promise<void> {
  await page.goto(`${server().url}/admin`);
  await page.getByLabel('Mã truy cập quản trị').fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('heading', { name: 'Tải văn bản lên' }).waitFor({ state: 'visible' });
}

describe('a citizen on the portal', () => {
  it('asks a procedure question and gets a streamed answer with a citation that opens the cited section', async () => {
    const expected = await restAnswer(BIRTH_QUESTION);
    const first = expected.citations[0]!;
    const page = await newPage();
    await openPortal(page);
    await page.screenshot({ path: join(SHOTS, 'widget-closed.png') });

    await launcher(page).click();
    await input(page).waitFor({ state: 'visible' });
    await page.getByText('Xin chào!').first().waitFor({ state: 'visible' });
    await page.screenshot({ path: join(SHOTS, 'widget-open.png') });

    const message = await ask(page, BIRTH_QUESTION);
    expect(await message.getAttribute('data-state')).toBe('done');
    const states = await answerStates(page);
    const seen = `states seen: ${JSON.stringify(states)}`;
    const streaming = states.filter((s) => s.state === 'streaming');
    const doneAt = states.findIndex((s) => s.state === 'done');
    expect(streaming.length, seen).toBeGreaterThan(0);
    expect(states.findIndex((s) => s.state === 'streaming'), seen).toBeLessThan(doneAt);
    // The text grew on screen piece by piece (after the placeholder), for a while before the final render.
    const placeholder = streaming[0]!.len;
    const growing = streaming.filter((s) => s.len > placeholder);
    expect(new Set(growing.map((s) => s.len)).size, seen).toBeGreaterThanOrEqual(3);
    expect(states[doneAt]!.at - growing[0]!.at, seen).toBeGreaterThanOrEqual(100);
    expect(Math.max(...growing.map((s) => s.len)), seen).toBeGreaterThanOrEqual(states[doneAt]!.len / 2);
    const text = squash(await message.innerText());
    expect(text).toContain('Tờ khai đăng ký khai sinh');

    await chip(page, 1).click();
    const region = citationRegion(page);
    await region.waitFor({ state: 'visible' });
    // The panel shows the passage the citation points at (the first of its quote) and its neighbours.
    expect(squash(await region.innerText())).toContain(quoteFragment(first.quote.split('\n…\n')[0]!));
    await page.screenshot({ path: join(SHOTS, 'widget-answer.png') });

    const source = await followFullText(page);
    expect(new URL(source.url()).pathname).toBe(`/sources/${encodeURIComponent(first.docId)}`);
    expect(new URL(source.url()).searchParams.get('chunk')).toBeTruthy();
    expect(source.url()).toBe(`${server().url}${first.link}`);
    // The cited section is marked at once and its text loads after.
    const cited = source.locator('[aria-current="true"], .cited');
    await cited.first().waitFor({ state: 'visible' });
    // A citation quotes every passage of its section (joined by "\n…\n"); the link and the mark are on the first.
    await cited.filter({ hasText: quoteFragment(first.quote.split('\n…\n')[0]!) }).first().waitFor({ state: 'visible' });
    await source.screenshot({ path: join(SHOTS, 'source-view.png') });
  }, 30_000);

  it('does the same with the keyboard only, and Escape closes the citation with focus back on its chip', async () => {
    const page = await newPage();
    await openPortal(page);
    await tabTo(page, launcher(page), 'the launcher');
    await page.keyboard.press('Enter');
    await input(page).waitFor({ state: 'visible' });
    await tabTo(page, input(page), 'the question box');
    await page.keyboard.type(BIRTH_QUESTION);
    await page.keyboard.press('Enter');
    await page.locator('[data-role="assistant"][data-state="done"]', { hasText: 'Tờ khai' }).first().waitFor({ state: 'attached' });
    const firstChip = chip(page, 1);
    await tabTo(page, firstChip, 'the first citation chip', 60, true);
    await page.keyboard.press('Enter');
    await citationRegion(page).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await citationRegion(page).waitFor({ state: 'hidden' });
    expect(await isFocused(firstChip)).toBe(true);
  }, 30_000);

  it('is usable on a 320 px wide phone screen', async () => {
    const page = await newPage({ width: 320, height: 640 });
    await openPortal(page);
    await launcher(page).click();
    await page.getByText('Xin chào!').first().waitFor({ state: 'visible' });
    for (const part of [page.getByRole('dialog', { name: 'Trợ lý ảo Quảng Ngãi' }), input(page), page.getByRole('button', { name: 'Gửi', exact: true })]) {
      const box = await part.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    }
    await page.screenshot({ path: join(SHOTS, 'widget-mobile.png') });
  }, 30_000);
});

/**
 * Contrast ratio (WCAG 2.1) of every piece of visible text in the widget's shadow root
 * against the nearest opaque background behind it, computed in the page.
 */
const CONTRAST_AUDIT = `(() => {
  const root = document.querySelector('tro-ly-ao-widget').shadowRoot;
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null; const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
  const lum = ({ r, g, b }) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement || (e.getRootNode() && e.getRootNode().host) || null) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg && bg.a >= 0.99) return bg;
      if (e === document.documentElement) break;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const out = [];
  const walk = (node) => {
    for (const el of node.querySelectorAll('*')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own) continue;
      const st = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (st.visibility === 'hidden' || st.display === 'none' || box.width === 0 || box.height === 0) continue;
      const fg0 = parse(st.color); const bg = background(el);
      const fg = { r: fg0.r * fg0.a + bg.r * (1 - fg0.a), g: fg0.g * fg0.a + bg.g * (1 - fg0.a), b: fg0.b * fg0.a + bg.b * (1 - fg0.a) };
      const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      const size = parseFloat(st.fontSize); const bold = Number(st.fontWeight) >= 700;
      const large = size >= 24 || (bold && size >= 18.66);
      out.push({ text: el.textContent.trim().slice(0, 40), ratio: (hi + 0.05) / (lo + 0.05), needed: large ? 3 : 4.5 });
    }
  };
  walk(root);
  return out;
})()`;

describe('contrast', () => {
  it('gives every text in the widget at least WCAG AA contrast (4.5:1, 3:1 for large text)', async () => {
    const page = await newPage();
    await openPortal(page);
    await launcher(page).click();
    const answer = await ask(page, 'Đăng ký khai sinh cần những giấy tờ gì?');
    await answer.getByRole('button', { name: /^Nguồn 1/ }).first().click();
    await citationRegion(page).waitFor({ state: 'visible' });
    const texts = await page.evaluate(CONTRAST_AUDIT) as Array<{ text: string; ratio: number; needed: number }>;
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.filter((t) => t.ratio < t.needed).map((t) => `${t.text} ${t.ratio.toFixed(2)}`)).toEqual([]);
  }, 30_000);
});

describe('hostile document text', () => {
  it('renders markup from a cited document as text in the widget, the source view and the admin table', async () => {
    const page = await newPage();
    await openPortal(page);
    await launcher(page).click();
    const message = await ask(page, XSS_QUESTION);
    await chip(page, 1).click();
    const region = citationRegion(page);
    await region.waitFor({ state: 'visible' });
    expect(await region.innerText()).toContain('<img');
    expect(await message.innerText()).toContain('<img');
    await expectInert(page);

    const source = await followFullText(page);
    expect(new URL(source.url()).pathname).toBe(`/sources/${encodeURIComponent(xssDocId)}`);
    await source.locator('#doc-title').waitFor({ state: 'visible' });
    expect(await source.locator('#doc-title').innerText()).toContain('<img');
    await expectInert(source);

    const admin = await newPage();
    await signInAdmin(admin);
    const row = admin.getByRole('row').filter({ hasText: 'nuôi ong mật' }).first();
    await row.waitFor({ state: 'visible' });
    expect(await row.innerText()).toContain('<img');
    await expectInert(admin);
    expect(dialogs).toEqual([]);
  }, 30_000);
});

async function makeDocx(): Promise<Buffer> {
  const doc = new Document({
    creator: 'browser.int.test',
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, text: 'HƯỚNG DẪN' }),
        new Paragraph({ text: 'Thủ tục đăng ký cơ sở nuôi chim yến tại xã Sơn Kỳ Thử Nghiệm' }),
        new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'I. THÀNH PHẦN HỒ SƠ' }),
        new Paragraph({ text: DOCX_SENTENCE }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

describe('an admin', () => {
  it('uploads a DOCX, watches the re-index finish, and citizens are answered from it; internal documents stay hidden', async () => {
    const page = await newPage();
    const polls = countJobPolls(page);
    const live = socketConnected(page);
    await signInAdmin(page);
    await live;
    await page.locator('input[type="file"]').setInputFiles({
      name: DOCX_NAME,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await makeDocx(),
    });
    await page.getByRole('button', { name: 'Tải lên', exact: true }).click();
    await page.getByText('Hoàn tất', { exact: true }).waitFor({ state: 'visible', timeout: 20_000 });
    const progress = page.getByRole('progressbar', { name: 'Tiến độ lập chỉ mục' });
    expect(await progress.evaluate((el: object) => [(el as { value?: number }).value, (el as { max?: number }).max])).toEqual([100, 100]);
    await page.getByText(/^Hoàn tất: thêm 1,/).waitFor({ state: 'visible' });
    // Followed through the socket's `job` events: the job itself was never polled.
    expect(polls.count).toBe(0);
    const uploads = await adminFetch(server().url, 'GET', '/api/admin/uploads');
    const docId = (uploads.body.files as Array<{ fileName: string; docId: string }>).find((f) => f.fileName === DOCX_NAME)?.docId;
    expect(docId).toBeTruthy();
    await waitForSearchHit(server().url, 'nuôi chim yến xã Sơn Kỳ Thử Nghiệm', docId!);
    const row = page.getByRole('row').filter({ hasText: 'chim yến' }).first();
    await row.waitFor({ state: 'visible' });
    await page.screenshot({ path: join(SHOTS, 'admin.png') });

    const citizen = await newPage();
    await openPortal(citizen);
    await launcher(citizen).click();
    const message = await ask(citizen, DOCX_QUESTION);
    expect(squash(await message.innerText())).toContain('7 ngày làm việc');
    await chip(citizen, 1).click();
    const link = citationRegion(citizen).getByRole('link', { name: 'Xem toàn văn' });
    expect(await link.getAttribute('href')).toContain(`/sources/${encodeURIComponent(docId!)}?`);
    await citizen.keyboard.press('Escape');
    await citationRegion(citizen).waitFor({ state: 'hidden' });

    // Marked internal in the documents table, it is gone from citizens' answers at once.
    await row.getByRole('combobox', { name: /^Phạm vi của văn bản/ }).selectOption('internal');
    await page.getByText(/phạm vi Nội bộ\.$/).waitFor({ state: 'visible' });
    expect((await fetch(`${server().url}/api/documents/${encodeURIComponent(docId!)}`)).status).toBe(404);
    const hidden = await ask(citizen, DOCX_QUESTION);
    expect(await hidden.innerText()).not.toContain('7 ngày làm việc');
    const leaked = await ask(citizen, 'Tổ công tác đặc biệt Sông Vệ gồm bao nhiêu cán bộ, kinh phí bao nhiêu?');
    expect(await leaked.innerText()).not.toContain('7 cán bộ');
    const all = await answers(citizen).allInnerTexts();
    expect(all.join('\n')).not.toContain(INTERNAL_MARKER);
    expect(all.join('\n')).not.toContain('120 triệu');
  }, 30_000);
});

describe('the admin console without its socket', () => {
  it('follows a re-index by polling the job while socket.io is blocked', async () => {
    const page = await newPage();
    await page.routeWebSocket(/\/socket\.io\//, (ws) => ws.close());
    await page.route(/\/socket\.io\//, (route) => route.abort());
    const polls = countJobPolls(page);
    await signInAdmin(page);
    await page.getByRole('button', { name: 'Lập chỉ mục lại' }).click();
    await page.locator('#job-phase').getByText('Hoàn tất', { exact: true }).waitFor({ state: 'visible', timeout: 20_000 });
    expect(polls.count).toBeGreaterThan(0);
    await page.getByText(/^Hoàn tất: thêm 0, cập nhật 0, gỡ bỏ 0,/).waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: 'Lập chỉ mục lại' }).isEnabled()).toBe(true);
  }, 30_000);
});

const DRAFT_REQUEST = 'Soạn công văn gửi UBND các xã về việc báo cáo kết quả chuyển đổi số năm 2025';
const DRAFT_ANSWERS: Record<string, string> = {
  type: 'công văn', issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', superiorBody: 'UBND TỈNH QUẢNG NGÃI', issuingBodyCode: 'SKHCN', place: 'Quảng Ngãi',
  subject: 'báo cáo kết quả chuyển đổi số năm 2025', recipients: 'UBND các xã', deadline: '20/12/2025',
  signerTitle: 'GIÁM ĐỐC', signerName: 'Nguyễn Văn An', onBehalfOf: 'GIÁM ĐỐC',
};

/** Sign in to the widget on the portal as the test official. */
async function signInOfficial(page: Page): Promise<void> {
  await openPortal(page);
  await launcher(page).click();
  await page.getByRole('button', { name: 'Đăng nhập cán bộ' }).click();
  await page.getByLabel('Mã truy cập', { exact: true }).fill(OFFICIAL_TOKEN);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor({ state: 'visible' });
}

describe('an official', () => {
  it('signed in to the widget, opens an internal document in the source view, which a citizen cannot', async () => {
    const found = await adminFetch(server().url, 'GET', `/api/documents?q=${encodeURIComponent('Sông Vệ')}`);
    const internalId = (found.body.documents as Array<{ id: string; audience: string }>).find((d) => d.audience === 'internal')?.id;
    expect(internalId).toBeTruthy();
    const page = await newPage();
    await signInOfficial(page);
    await page.goto(`${server().url}/sources/${encodeURIComponent(internalId!)}`);
    await page.locator('#doc-sections').getByText(INTERNAL_MARKER).waitFor({ state: 'visible' });
    expect(await page.locator('#doc-meta').innerText()).toContain('Nội bộ');

    const citizen = await newPage();
    await citizen.goto(`${server().url}/sources/${encodeURIComponent(internalId!)}`);
    await citizen.getByRole('alert').getByText('Không tìm thấy văn bản này hoặc bạn không có quyền xem.').waitFor({ state: 'visible' });
    expect(await citizen.locator('body').innerText()).not.toContain(INTERNAL_MARKER);
  }, 30_000);

  it('drafts a công văn in the widget: answers the questions, sees the DỰ THẢO preview and downloads the .docx', async () => {
    const questions = await draftQuestions(server().url, OFFICIAL_TOKEN, DRAFT_REQUEST);
    expect(questions.length).toBeGreaterThan(0);
    const page = await newPage();
    await signInOfficial(page);

    const message = await ask(page, DRAFT_REQUEST);
    expect(await message.getAttribute('data-state')).toBe('done');
    for (const q of questions) {
      const answer = DRAFT_ANSWERS[q.field];
      expect(answer, `no answer for ${q.field}`).toBeTruthy();
      await message.getByLabel(q.question, { exact: true }).fill(answer!);
    }
    await message.getByRole('button', { name: 'Soạn dự thảo' }).click();
    const preview = page.getByRole('region', { name: 'Bản xem trước dự thảo' });
    // On a timeout, say what the message showed instead (e.g. the server's refusal).
    await preview.waitFor({ state: 'visible' }).catch(async (e) => {
      throw new Error(`${String(e)} :: ${await answers(page).last().innerText()}`);
    });
    const text = await preview.innerText();
    expect(text).toContain('DỰ THẢO');
    expect(text).toContain('V/v');
    expect(text).toContain('SKHCN');
    await page.getByText('Kiểm tra thể thức').waitFor({ state: 'visible' });
    await preview.evaluate((el: { scrollIntoView(): void }) => el.scrollIntoView());
    await page.screenshot({ path: join(SHOTS, 'widget-draft.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp .docx' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    expect(dialogs).toEqual([]);
  }, 30_000);
});

/** The numbered rules of the usage policy, as prompts/policy.vi.md writes them. */
const POLICY_RULES = [...readFileSync(join(ROOT, 'prompts', 'policy.vi.md'), 'utf8').matchAll(/^\d+\.\s+(.*)$/gm)].map((m) => m[1]!);

describe.each(VIEWPORTS)('the portal’s pages at $name', (mode) => {
  it('the widget’s policy link opens the usage policy, the text of prompts/policy.vi.md', async () => {
    const page = await newPage(mode.viewport);
    await openPortal(page);
    await openWidget(page, mode.keyboard);
    const link = page.getByRole('link', { name: 'Chính sách sử dụng' });
    expect(await link.getAttribute('href')).toBe(`${server().url}/chinh-sach`);
    const [policy] = await Promise.all([page.context().waitForEvent('page'), activate(page, link, mode.keyboard, 'the policy link')]);
    await policy.waitForLoadState();
    expect(policy.url()).toBe(`${server().url}/chinh-sach`);
    await policy.getByRole('heading', { level: 1, name: 'Quy định sử dụng Trợ lý ảo' }).waitFor({ state: 'visible' });
    const items = (await policy.getByRole('listitem').allInnerTexts()).map(squash);
    expect(items.length).toBe(POLICY_RULES.length);
    expect(items[0]).toContain(squash(POLICY_RULES[0]!).slice(0, 40));
    const box = await policy.locator('main').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(mode.viewport.width);
  }, 30_000);

  it('searches procedures with the portal’s search box and lists them as text, each linked to its source', async () => {
    const page = await newPage(mode.viewport);
    await openPortal(page);
    const box = page.getByLabel('Từ khóa tìm kiếm thủ tục');
    if (mode.keyboard) {
      await tabTo(page, box, 'the search box');
      await page.keyboard.type('đăng ký khai sinh');
      await page.keyboard.press('Enter');
    } else {
      await box.fill('đăng ký khai sinh');
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    }
    const results = page.getByRole('region', { name: 'Kết quả tra cứu' });
    await results.getByRole('status').getByText(/^Có \d+ kết quả cho “đăng ký khai sinh”\.$/).waitFor({ state: 'visible' });
    const links = results.getByRole('listitem').getByRole('link');
    expect(await links.count()).toBeGreaterThan(0);
    const titles = await links.allInnerTexts();
    expect(titles.some((t) => /khai sinh/i.test(t))).toBe(true);
    expect(new Set(titles).size).toBe(titles.length);
    expect(await links.first().getAttribute('href')).toMatch(/^\/sources\/[^/]+$/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('đăng ký khai sinh');

    // Found again after a reload, and a document's markup is shown as text.
    await page.goto(`${server().url}/?q=${encodeURIComponent('giấy phép nuôi ong mật xã Ba Tơ Thử Nghiệm')}`);
    const hostile = results.getByRole('listitem').filter({ hasText: 'nuôi ong mật' }).first();
    await hostile.waitFor({ state: 'visible' });
    expect(await hostile.innerText()).toContain('<img');
    await expectInert(page);
  }, 30_000);
});

/** A long regulation (about 150 articles), for the source view's paging. */
const LONG_DOC = ['QUY ĐỊNH', 'Về việc thử nghiệm trang văn bản dài tại xã Nghĩa Hành Thử Nghiệm', ''].concat(Array.from({ length: 150 }, (_, i) => [
  `Điều ${i + 1}. Nội dung thử nghiệm số ${i + 1}`,
  `Khoản quy định thứ ${i + 1} của văn bản thử nghiệm dài: cơ quan tiếp nhận kiểm tra hồ sơ, đối chiếu thông tin, ghi nhận kết quả xử lý và trả lời người dân trong thời hạn theo quy định của pháp luật; việc thử nghiệm phân trang được ghi lại để đánh giá khả năng đọc văn bản dài trên trang nguồn, mục số ${i + 1}.`,
].join('\n'))).join('\n');

let longDocId: Promise<string> | undefined;

describe.each(VIEWPORTS)('a long document in the source view at $name', (mode) => {
  it('comes in one request, around the cited section, and loads the sections before and after on request', async () => {
    longDocId ??= uploadAndIndex(server().url, 'quy-dinh-van-ban-dai.txt', LONG_DOC, 'thử nghiệm trang văn bản dài xã Nghĩa Hành Thử Nghiệm');
    const docId = await longDocId;
    const detail = await adminFetch(server().url, 'GET', `/api/documents/${encodeURIComponent(docId)}`);
    const sections = detail.body.sections as Array<{ ordinal: number }>;
    expect(sections.length).toBeGreaterThanOrEqual(140);
    const cited = sections[100]!.ordinal;
    const page = await newPage(mode.viewport);
    const api: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) api.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server().url}/sources/${encodeURIComponent(docId)}?chunk=${encodeURIComponent(`${docId}#${cited}`)}`);
    const items = page.locator('#doc-sections > li');
    await page.locator('.section.cited').waitFor({ state: 'visible' });
    expect(await items.count()).toBe(60);
    expect(await page.locator('#doc-notice').innerText()).toBe(`Văn bản có ${sections.length} đoạn; đang hiện đoạn 72–131, quanh đoạn được trích dẫn.`);
    expect(await isFocused(page.locator('.section.cited'))).toBe(true);
    expect(api).toEqual([`/api/documents/${encodeURIComponent(docId)}/view`]);

    await activate(page, page.getByRole('button', { name: 'Hiện 60 đoạn phía trước' }), mode.keyboard, 'the earlier sections', true);
    await expect.poll(() => items.count()).toBe(120);
    await activate(page, page.getByRole('button', { name: 'Hiện 11 đoạn phía trước' }), mode.keyboard, 'the first sections', true);
    await expect.poll(() => items.count()).toBe(131);
    expect(await items.first().getAttribute('id')).toBe(`doan-${sections[0]!.ordinal}`);
    await activate(page, page.getByRole('button', { name: `Hiện ${sections.length - 131} đoạn tiếp theo` }), mode.keyboard, 'the later sections');
    await expect.poll(() => items.count()).toBe(sections.length);
    expect(await page.locator('#more-before').isVisible()).toBe(false);
    expect(await page.locator('#more-after').isVisible()).toBe(false);
    expect(api).toHaveLength(4);
  }, 60_000);
});

/**
 * The widget embedded the way a real portal embeds it — on another origin (a small portal
 * server of its own on another port, listed in CORS_ORIGINS) — in
 * real Chromium against the real server, at 360 px by keyboard only and at 1366 px by
 * mouse: the conversation kept across a reload and a move to another page of the portal
 * and cleared by "Cuộc trò chuyện mới"; an official's internal source opened in the widget
 * and in the full view (the token handed over by postMessage, never in a URL), which a
 * citizen cannot open; a send that fails while the network is down, kept for "Gửi lại".
 */
import { describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { adminFetch } from '../server/testing/browser.ts';
import { useBrowserSuite } from '../server/testing/browser-suite.ts';
import { INTERNAL_MARKER, OFFICIAL_TOKEN } from '../server/testing/test-server.ts';
import {
  activate, answers, ask, BIRTH_QUESTION, chip, citationRegion, input, openWidget, sessionItems, squash, userMessages, VIEWPORTS, type Mode,
} from '../server/testing/widget-page.ts';

const WAIT = 10_000;
const INTERNAL_QUESTION = 'Tổ công tác đặc biệt Sông Vệ gồm bao nhiêu cán bộ?';

let portal: Server | undefined;
/** The portal's origin, e.g. http://127.0.0.1:41234. */
let PORTAL = '';

const { server, newContext } = useBrowserSuite({
  beforeServer: async () => { portal = await startPortal(); },
  env: () => ({ RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_TOKEN: '100000', CORS_ORIGINS: PORTAL }),
  teardown: () => { portal?.close(); },
});

/** The portal: two pages, each embedding the widget from the assistant's server with one script tag. */
async function startPortal(): Promise<Server> {
  const pages: Record<string, string> = { '/': 'Cổng thử nghiệm', '/thu-tuc': 'Thủ tục hành chính' };
  const s = createServer((req, res) => {
    const title = pages[new URL(req.url ?? '/', 'http://x').pathname];
    if (!title) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(portalHtml(title));
  });
  s.listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  PORTAL = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  return s;
}

/** A portal page embedding the widget from the assistant's server with one script tag. */
function portalHtml(title: string): string {
  const url = server().url;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body>
<nav><a href="/">Trang chủ</a> · <a href="/thu-tuc">Thủ tục hành chính</a></nav><main><h1>${title}</h1></main>
<script src="${url}/widget.js" data-server="${url}" data-title="Trợ lý ảo Quảng Ngãi" async></script></body></html>`;
}

interface Session {
  page: Page;
  /** Every URL the context requested, pages and API alike. */
  urls: string[];
}

/** A fresh context on the portal, recording every requested URL; `setup` runs before its first page. */
async function newSession(mode: Mode, setup?: (context: BrowserContext) => Promise<void>): Promise<Session> {
  const context = await newContext({ viewport: mode.viewport });
  await setup?.(context);
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  await page.goto(`${PORTAL}/`);
  return { page, urls };
}

/** The conversation ids the audit trail recorded for these questions, in order. */
async function auditedConversations(questions: string[]): Promise<string[]> {
  const { body } = await adminFetch(server().url, 'GET', '/api/admin/audit?format=json');
  const records = body.records as Array<{ question: string; conversationId: string }>;
  return questions.map((q) => records.filter((r) => r.question === q).pop()?.conversationId ?? `none for ${q}`);
}

async function texts(page: Page): Promise<{ questions: string[]; answers: string[] }> {
  return { questions: (await userMessages(page).allInnerTexts()).map(squash), answers: (await answers(page).allInnerTexts()).map(squash) };
}

describe.each(VIEWPORTS)('the conversation at $name', (mode) => {
  it('is kept across a reload and a move to another page of the portal, and goes on with the same conversation', async () => {
    const { page } = await newSession(mode);
    await openWidget(page, mode.keyboard);
    const first = await ask(page, BIRTH_QUESTION, mode.keyboard);
    expect(await first.getAttribute('data-state')).toBe('done');
    const before = await texts(page);
    const chips = await first.getByRole('button', { name: /^Nguồn \d/ }).count();
    expect(chips).toBeGreaterThan(0);

    await page.reload();
    // Open again by itself, with the same messages and working citation chips.
    await input(page).waitFor({ state: 'visible' });
    expect(await texts(page)).toEqual(before);
    expect(await answers(page).last().getByRole('button', { name: /^Nguồn \d/ }).count()).toBe(chips);
    await activate(page, chip(page, 1), mode.keyboard, 'the first chip', true);
    await citationRegion(page).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await citationRegion(page).waitFor({ state: 'hidden' });
    const kept = await sessionItems(page);
    expect(JSON.parse(kept['tro-ly-ao.conversation']!).exchanges).toHaveLength(1);

    await activate(page, page.getByRole('link', { name: 'Thủ tục hành chính' }), mode.keyboard, 'the portal link');
    await page.waitForURL(`${PORTAL}/thu-tuc`);
    await input(page).waitFor({ state: 'visible' });
    expect(await texts(page)).toEqual(before);

    const followUp = 'Còn lệ phí thì sao?';
    const second = await ask(page, followUp, mode.keyboard);
    expect(await second.getAttribute('data-state')).toBe('done');
    const [a, b] = await auditedConversations([BIRTH_QUESTION, followUp]);
    expect(b).toBe(a);
  }, 60_000);

  it('is cleared by "Cuộc trò chuyện mới", for good, and the next question starts a new conversation', async () => {
    const { page } = await newSession(mode);
    await openWidget(page, mode.keyboard);
    const question = 'Cấp hộ chiếu phổ thông mất bao lâu?';
    await ask(page, question, mode.keyboard);
    await activate(page, page.getByRole('button', { name: 'Cuộc trò chuyện mới' }), mode.keyboard, '"Cuộc trò chuyện mới"', true);
    await page.getByRole('group', { name: 'Câu hỏi gợi ý' }).waitFor({ state: 'visible' });
    expect(await userMessages(page).count()).toBe(0);
    expect(await answers(page).count()).toBe(0);
    await page.reload();
    await input(page).waitFor({ state: 'visible' });
    expect(await userMessages(page).count()).toBe(0);

    const again = 'Cấp hộ chiếu phổ thông cần những giấy tờ gì?';
    await ask(page, again, mode.keyboard);
    const [a, b] = await auditedConversations([question, again]);
    expect(b).not.toBe(a);
  }, 60_000);
});

/** Sign in to the widget as the test official. */
async function signInOfficial(page: Page, keyboard: boolean): Promise<void> {
  await openWidget(page, keyboard);
  await activate(page, page.getByRole('button', { name: 'Đăng nhập cán bộ' }), keyboard, 'the sign-in button', true);
  if (keyboard) await page.keyboard.type(OFFICIAL_TOKEN);
  else await page.getByLabel('Mã truy cập', { exact: true }).fill(OFFICIAL_TOKEN);
  await activate(page, page.getByRole('button', { name: 'Đăng nhập', exact: true }), keyboard, 'the sign-in submit');
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor({ state: 'visible' });
}

describe.each(VIEWPORTS)('an internal source at $name', (mode) => {
  it('opens for an official in the widget and in the full view, the token handed over by postMessage and never in a URL; never for a citizen', async () => {
    const { page, urls } = await newSession(mode);
    await signInOfficial(page, mode.keyboard);
    const answer = await ask(page, INTERNAL_QUESTION, mode.keyboard);
    expect(squash(await answer.innerText())).toContain('7 cán bộ');
    await activate(page, chip(page, 1), mode.keyboard, 'the first chip', true);
    const sheet = citationRegion(page);
    await sheet.locator('.passage.cited').getByText(INTERNAL_MARKER).waitFor({ state: 'visible' });
    expect(await sheet.locator('mark').count()).toBeGreaterThan(0);

    const link = sheet.getByRole('link', { name: 'Xem toàn văn' });
    const href = (await link.getAttribute('href'))!;
    expect(href.startsWith(`${server().url}/sources/`)).toBe(true);
    const [view] = await Promise.all([page.context().waitForEvent('page'), activate(page, link, mode.keyboard, '"Xem toàn văn"')]);
    view.setDefaultTimeout(WAIT);
    await view.locator('#doc-sections').getByText(INTERNAL_MARKER).first().waitFor({ state: 'visible' });
    expect(await view.locator('#doc-meta').innerText()).toContain('Nội bộ');
    expect(view.url()).toBe(href);
    // The token went by postMessage only: in no URL, and not into the kept conversation.
    expect(urls.filter((u) => u.includes(OFFICIAL_TOKEN))).toEqual([]);
    expect(urls.filter((u) => u.startsWith(`${server().url}/sources/`))).toEqual([href]);
    expect((await sessionItems(page))['tro-ly-ao.conversation']).not.toContain(OFFICIAL_TOKEN);

    // A window the portal opens by itself (not the widget) is handed nothing.
    const [other] = await Promise.all([page.context().waitForEvent('page'), page.evaluate(`void window.open(${JSON.stringify(href)}, '_blank')`)]);
    await other.getByRole('alert').getByText('Không tìm thấy văn bản này hoặc bạn không có quyền xem.').waitFor({ state: 'visible' });
    expect(await other.locator('body').innerText()).not.toContain(INTERNAL_MARKER);

    const citizen = await newSession(mode);
    await openWidget(citizen.page, mode.keyboard);
    const refused = await ask(citizen.page, INTERNAL_QUESTION, mode.keyboard);
    expect(await refused.innerText()).not.toContain('7 cán bộ');
    await citizen.page.goto(href);
    await citizen.page.getByRole('alert').getByText('Không tìm thấy văn bản này hoặc bạn không có quyền xem.').waitFor({ state: 'visible' });
    expect(await citizen.page.locator('body').innerText()).not.toContain(INTERNAL_MARKER);
  }, 60_000);
});

describe.each(VIEWPORTS)('a send that fails at $name', (mode) => {
  it('keeps the question while the network is down, and "Gửi lại" sends it once the connection is back', async () => {
    let online = true;
    /** socket.io connections accepted by the server (its CONNECT packet, `40`, reached the page). */
    let connections = 0;
    const open: WebSocketRoute[] = [];
    const { page } = await newSession(mode, async (context) => {
      await context.routeWebSocket(/\/socket\.io\//, (ws) => {
        if (!online) return ws.close();
        const toServer = ws.connectToServer();
        toServer.onMessage((m) => {
          if (typeof m === 'string' && m.startsWith('40')) connections += 1;
          ws.send(m);
        });
        open.push(ws);
      });
      await context.route(/\/socket\.io\/.*transport=polling/, (route) => (online ? route.continue() : route.abort()));
    });
    await openWidget(page, mode.keyboard);
    await expect.poll(() => connections, { timeout: WAIT }).toBe(1);

    online = false;
    await Promise.all(open.splice(0).map((ws) => ws.close()));
    await page.getByText('Mất kết nối, đang thử kết nối lại…').waitFor({ state: 'visible' });
    const failed = await ask(page, BIRTH_QUESTION, mode.keyboard);
    expect(await failed.getAttribute('data-state')).toBe('error');
    expect(await failed.innerText()).toContain('Không kết nối được máy chủ');
    expect(await input(page).inputValue()).toBe(BIRTH_QUESTION);

    online = true;
    await expect.poll(() => connections, { timeout: 20_000 }).toBe(2);
    await page.getByText('Đã kết nối lại').waitFor({ state: 'visible' });
    await activate(page, failed.getByRole('button', { name: 'Gửi lại' }), mode.keyboard, '"Gửi lại"', true);
    await page.locator('[data-role="assistant"][data-state="done"]').first().waitFor({ state: 'attached' });
    expect(await answers(page).count()).toBe(1);
    expect(squash(await answers(page).first().innerText())).toContain('Tờ khai đăng ký khai sinh');
    expect(await userMessages(page).allInnerTexts()).toHaveLength(1);
    expect(await input(page).inputValue()).toBe('');
  }, 60_000);
});

/**
 * Reading sources and the rate limits, in real Chromium against a real server whose
 * question budget is small (RATE_LIMIT_PER_IP=2 a minute, bursts of 5) behind one trusted
 * proxy, each test a citizen of its own address (X-Forwarded-For), at 360 px by keyboard
 * only and at 1366 px by mouse: a source opens in the widget and in the full view with one
 * request each, charged to the reading budget, so a citizen who reads two sources and asks
 * again is answered; a question refused for going too fast keeps its text, says when to
 * try again, and "Gửi lại" sends it then.
 */
import { describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { tabTo } from '../server/testing/browser.ts';
import { useBrowserSuite } from '../server/testing/browser-suite.ts';
import { activate, answers, ask, chip, citationRegion, input, openWidget, squash, userMessages, VIEWPORTS, type Mode } from '../server/testing/widget-page.ts';

const WAIT = 10_000;
const TOO_FAST = 'Bạn gửi yêu cầu quá nhanh';
/** Asks two fields of one procedure: its answer cites two sections. */
const TWO_FIELDS = 'Đăng ký khai sinh cần giấy tờ gì, lệ phí bao nhiêu?';

let clients = 0;

const { server, newContext } = useBrowserSuite({ env: { TRUST_PROXY: '1', RATE_LIMIT_PER_IP: '2', RATE_LIMIT_PER_TOKEN: '100000' } });

/** The demo portal for a citizen of a new address, recording the API requests of every page it opens. */
async function newCitizen(mode: Mode): Promise<{ page: Page; api: Request[] }> {
  clients += 1;
  const context = await newContext({ viewport: mode.viewport, extraHTTPHeaders: { 'x-forwarded-for': `10.20.${clients}.${clients}` } });
  const api: Request[] = [];
  context.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) api.push(r);
  });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  await page.goto(`${server().url}/`);
  return { page, api };
}

/** Open source `n` of the latest answer in the widget, then its full view; returns the API requests each made. */
async function readSource(page: Page, api: Request[], n: number, keyboard: boolean): Promise<{ panel: string[]; fullView: string[] }> {
  const before = api.length;
  await activate(page, chip(page, n), keyboard, `chip ${n}`, true);
  const sheet = citationRegion(page);
  await sheet.locator('.passage.cited').waitFor({ state: 'visible' });
  const panel = api.slice(before).map((r) => `${r.method()} ${new URL(r.url()).pathname}`);
  const link = sheet.getByRole('link', { name: 'Xem toàn văn' });
  const [view] = await Promise.all([page.context().waitForEvent('page'), activate(page, link, keyboard, '"Xem toàn văn"')]);
  view.setDefaultTimeout(WAIT);
  await view.locator('.section.cited .text').waitFor({ state: 'visible' });
  const fullView = api.filter((r) => r.frame().page() === view).map((r) => `${r.method()} ${new URL(r.url()).pathname}`);
  await view.close();
  // Back on the portal's tab: a mouse closes the sheet with ×; the keyboard goes back into it and presses Escape
  // (Chromium may have moved focus to the page's start meanwhile).
  const close = sheet.getByRole('button', { name: 'Đóng trích dẫn' });
  if (keyboard) {
    await tabTo(page, close, 'the sheet’s close button');
    await page.keyboard.press('Escape');
  } else await close.click();
  await sheet.waitFor({ state: 'hidden' });
  return { panel, fullView };
}

describe.each(VIEWPORTS)('reading sources at $name', (mode) => {
  it('opens two sources in the widget and in the full view, one request each, and the next question is still answered', async () => {
    const { page, api } = await newCitizen(mode);
    await openWidget(page, mode.keyboard);
    const first = await ask(page, TWO_FIELDS, mode.keyboard);
    expect(await first.getByRole('button', { name: /^Nguồn \d/ }).count()).toBeGreaterThanOrEqual(2);
    for (const n of [1, 2]) {
      const { panel, fullView } = await readSource(page, api, n, mode.keyboard);
      expect(panel).toEqual([expect.stringMatching(/^GET \/api\/documents\/[^/]+\/view$/)]);
      expect(fullView).toEqual([expect.stringMatching(/^GET \/api\/documents\/[^/]+\/view$/)]);
    }
    // Two questions and four reads: more than the question budget's burst of 5 (and the one more
    // refilled in 30 s) if reading spent it.
    const next = await ask(page, 'Cấp hộ chiếu phổ thông mất bao lâu?', mode.keyboard);
    expect(await next.getAttribute('data-state')).toBe('done');
    expect(await page.locator('tro-ly-ao-widget').innerText()).not.toContain(TOO_FAST);
  }, 60_000);
});

describe.each(VIEWPORTS)('a question sent too fast at $name', (mode) => {
  it('keeps its text, says when to try again, and "Gửi lại" sends it when that time has come', async () => {
    const { page } = await newCitizen(mode);
    await openWidget(page, mode.keyboard);
    const question = 'Cấp hộ chiếu phổ thông mất bao lâu?';
    let refused;
    for (let i = 0; i < 10 && !refused; i++) {
      const message = await ask(page, question, mode.keyboard);
      if ((await message.getAttribute('data-state')) === 'error') refused = message;
    }
    expect(refused, 'no question was refused').toBeDefined();
    const text = squash(await refused!.innerText());
    expect(text).toContain(TOO_FAST);
    const wait = Number(/Thử lại sau (\d+) giây/.exec(text)?.[1]);
    expect(wait).toBeGreaterThan(0);
    expect(await input(page).inputValue()).toBe(question);
    const retry = refused!.getByRole('button', { name: /^Gửi lại/ });
    expect(await retry.getAttribute('aria-disabled')).toBe('true');
    expect(await retry.innerText()).toMatch(/^Gửi lại sau \d+ giây$/);
    const asked = await userMessages(page).count();
    await retry.dispatchEvent('click');
    expect(await userMessages(page).count()).toBe(asked);

    await expect.poll(() => retry.getAttribute('aria-disabled'), { timeout: (wait + 3) * 1000 }).toBe('false');
    expect(await retry.innerText()).toBe('Gửi lại');
    const done = page.locator('[data-role="assistant"][data-state="done"]');
    const answered = await done.count();
    await activate(page, retry, mode.keyboard, '"Gửi lại"', true);
    await done.nth(answered).waitFor({ state: 'attached' });
    expect(await answers(page).filter({ hasText: TOO_FAST }).count()).toBe(0);
    expect(await input(page).inputValue()).toBe('');
  }, 120_000);
});

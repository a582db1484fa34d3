/**
 * How an answer is shown, in real Chromium against the real server on the demo portal, at
 * 360 px by keyboard only and at 1366 px by mouse: it grows on screen while it streams; a
 * long answer lands at its start, not its middle; the panel goes full screen and back
 * with Escape, focus kept; follow-up questions are buttons that ask them; the papers of a
 * procedure print on a clean page.
 *
 * Follow-ups and the checklist are the chat response's optional `suggestions` and
 * `checklist` (protocol/chat.ts). Where the server under test does not send them yet, the
 * test adds example values to the answer on its way to the page (a WebSocket route), so
 * what is checked is the widget's rendering of the protocol's fields, with real answers.
 */
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { ChecklistItem, Suggestion } from '../protocol/chat.ts';
import { answerStates, isFocused, RECORD_ANSWER_STATES } from '../server/testing/browser.ts';
import { useBrowserSuite } from '../server/testing/browser-suite.ts';
import { activate, answers, ask, BIRTH_QUESTION, input, log, openWidget, squash, userMessages, VIEWPORTS, type Mode } from '../server/testing/widget-page.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SHOTS = join(ROOT, 'docs', 'screenshots');
const WAIT = 10_000;

/** Example follow-ups and papers, used where the server sends none. */
const EXAMPLE_SUGGESTIONS: Suggestion[] = [
  { label: 'Lệ phí?', question: 'Lệ phí đăng ký khai sinh là bao nhiêu?' },
  { label: 'Thời hạn?', question: 'Đăng ký khai sinh mất bao lâu?' },
];
const EXAMPLE_CHECKLIST: ChecklistItem[] = [
  { paper: 'Tờ khai đăng ký khai sinh theo mẫu', original: 1 },
  { paper: 'Giấy chứng sinh', original: 1, copies: 0 },
  { paper: 'Văn bản ủy quyền (được chứng thực)', original: 1, note: 'Trường hợp ủy quyền đăng ký khai sinh' },
];

const { server, newContext } = useBrowserSuite({ env: { RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_TOKEN: '100000' } });

/** The answer frames as the page received them (socket.io `answer` events and `ask` acknowledgements). */
interface Received {
  suggestions?: Suggestion[];
  checklist?: ChecklistItem[];
}

/**
 * A socket.io frame with the example follow-ups and papers added to an answer about a
 * procedure's papers that has none (`42["answer",{…}]` or the acknowledgement `43<id>[{…}]`).
 */
function withFollowUps(frame: string, seen: Received[]): string {
  const m = /^(42|43\d+)(\[.*\])$/s.exec(frame);
  if (!m) return frame;
  const packet = JSON.parse(m[2]!) as unknown[];
  const answer = (m[1] === '42' ? (packet[0] === 'answer' ? packet[1] : undefined) : packet[0]) as (Received & { answer?: string; refused?: boolean }) | undefined;
  if (!answer || typeof answer.answer !== 'string' || answer.refused) return frame;
  if (!answer.suggestions && !answer.checklist && /hồ sơ|giấy tờ/i.test(answer.answer)) {
    answer.suggestions = EXAMPLE_SUGGESTIONS;
    answer.checklist = EXAMPLE_CHECKLIST;
  }
  seen.push({ ...(answer.suggestions ? { suggestions: answer.suggestions } : {}), ...(answer.checklist ? { checklist: answer.checklist } : {}) });
  return `${m[1]}${JSON.stringify(packet)}`;
}

/** The demo portal in a fresh context that records answer states; `seen` gets the answers' follow-ups as received. */
async function newPage(mode: Mode, seen?: Received[]): Promise<Page> {
  const context = await newContext({ viewport: mode.viewport });
  await context.addInitScript(RECORD_ANSWER_STATES);
  if (seen) {
    await context.routeWebSocket(/\/socket\.io\//, (ws) => {
      const toServer = ws.connectToServer();
      toServer.onMessage((m) => ws.send(typeof m === 'string' ? withFollowUps(m, seen) : m));
    });
  }
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  await page.goto(`${server().url}/`);
  return page;
}

/** The top of `el` relative to the log's top, and how far the log is from its end. */
async function placeInLog(page: Page, el: ReturnType<typeof answers>): Promise<{ offset: number; fromEnd: number; overflows: boolean }> {
  const logBox = (await log(page).boundingBox())!;
  const box = (await el.boundingBox())!;
  const [scrollTop, scrollHeight, clientHeight] = await log(page).evaluate((l: { scrollTop: number; scrollHeight: number; clientHeight: number }) => [l.scrollTop, l.scrollHeight, l.clientHeight]);
  return { offset: box.y - logBox.y, fromEnd: scrollHeight! - clientHeight! - scrollTop!, overflows: box.height > logBox.height };
}

describe.each(VIEWPORTS)('an answer at $name', (mode) => {
  it('grows on screen while it streams, then lands at its start when it is longer than the log', async () => {
    const page = await newPage(mode);
    await openWidget(page, mode.keyboard);
    const message = await ask(page, BIRTH_QUESTION, mode.keyboard);
    expect(await message.getAttribute('data-state')).toBe('done');
    const states = await answerStates(page);
    const seen = `states seen: ${JSON.stringify(states)}`;
    const doneAt = states.findIndex((s) => s.state === 'done');
    const streaming = states.slice(0, doneAt).filter((s) => s.state === 'streaming');
    const growing = streaming.filter((s) => s.len > streaming[0]!.len);
    expect(new Set(growing.map((s) => s.len)).size, seen).toBeGreaterThanOrEqual(3);
    expect(states[doneAt]!.at - growing[0]!.at, seen).toBeGreaterThanOrEqual(100);

    const place = await placeInLog(page, message);
    expect(place.overflows).toBe(true);
    expect(place.offset).toBeGreaterThanOrEqual(0);
    expect(place.offset).toBeLessThanOrEqual(24);
    expect(place.fromEnd).toBeGreaterThan(100);
    // The question it answers is just above, within reach of a scroll.
    expect(squash(await userMessages(page).last().innerText())).toContain(BIRTH_QUESTION);
  }, 60_000);

  it('goes full screen and back with Escape, focus kept', async () => {
    const page = await newPage(mode);
    await openWidget(page, mode.keyboard);
    const panel = page.getByRole('dialog', { name: 'Trợ lý ảo Quảng Ngãi' });
    const expand = page.getByRole('button', { name: 'Toàn màn hình' });
    if (mode.viewport.width <= 480) {
      // A phone's panel already fills the screen: no button for it.
      expect(await expand.isVisible()).toBe(false);
      expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: mode.viewport.width, height: mode.viewport.height });
      return;
    }
    const before = (await panel.boundingBox())!;
    expect(before.width).toBeLessThan(mode.viewport.width / 2);
    await activate(page, expand, mode.keyboard, 'the full-screen button', true);
    expect(await expand.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await panel.boundingBox())!.width).toBe(mode.viewport.width);
    expect((await panel.boundingBox())!.height).toBe(mode.viewport.height);
    expect(await isFocused(expand)).toBe(true);
    await input(page).click();
    await page.keyboard.press('Escape');
    expect(await expand.getAttribute('aria-pressed')).toBe('false');
    expect(await panel.boundingBox()).toEqual(before);
    expect(await isFocused(input(page))).toBe(true);
  }, 60_000);

  it('offers follow-up questions as buttons that ask them, and prints the papers on a clean page', async () => {
    const received: Received[] = [];
    const page = await newPage(mode, received);
    await openWidget(page, mode.keyboard);
    const message = await ask(page, BIRTH_QUESTION, mode.keyboard);
    const sent = received[received.length - 1]!;
    expect(sent.suggestions?.length).toBeGreaterThan(0);
    expect(sent.checklist?.length).toBeGreaterThan(0);

    const followUps = message.getByRole('group', { name: 'Hỏi tiếp' }).getByRole('button');
    expect(await followUps.allInnerTexts()).toEqual(sent.suggestions!.map((s) => s.label));
    if (!mode.keyboard) {
      await page.getByRole('button', { name: 'Toàn màn hình' }).click();
      await followUps.first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'widget-fullscreen.png') });
      await page.keyboard.press('Escape');
    }

    await page.evaluate('window.__printed = 0; window.print = () => { window.__printed += 1; }');
    await activate(page, message.getByRole('button', { name: 'In danh sách giấy tờ' }), mode.keyboard, 'the print button', true);
    expect(await page.evaluate('window.__printed')).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByRole('heading', { name: 'Giấy tờ cần chuẩn bị' });
    expect(await sheet.isVisible()).toBe(true);
    for (const item of sent.checklist!) expect(await page.getByText(item.paper, { exact: false }).last().isVisible()).toBe(true);
    // Nothing else prints: neither the portal nor the rest of the widget.
    expect(await page.getByRole('heading', { name: 'Tra cứu thủ tục hành chính' }).isVisible()).toBe(false);
    expect(await input(page).isVisible()).toBe(false);
    const printed = squash(await page.locator('.print-sheet').innerText());
    expect(printed).not.toMatch(/0 bản/);
    if (!mode.keyboard) await page.screenshot({ path: join(SHOTS, 'checklist-print.png') });
    await page.evaluate("window.dispatchEvent(new Event('afterprint'))");
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.print-sheet').count()).toBe(0);
    expect(await input(page).isVisible()).toBe(true);

    const first = sent.suggestions![0]!;
    await activate(page, followUps.first(), mode.keyboard, 'the first follow-up', true);
    await page.locator('[data-role="assistant"]:not([data-state="streaming"])').nth(1).waitFor({ state: 'attached' });
    expect(squash(await userMessages(page).last().innerText())).toContain(first.question);
    expect(await answers(page).last().getAttribute('data-state')).toBe('done');
  }, 60_000);
});

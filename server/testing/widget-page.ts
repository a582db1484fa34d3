/**
 * The widget as the browser tests drive it: its parts by role and name (as a user or a
 * screen reader finds them), asking a question and waiting for the answer, activating a
 * control by mouse or by keyboard only, and two viewports every flow runs at.
 */
import type { Locator, Page } from 'playwright-core';
import { isFocused, tabTo } from './browser.ts';

/** The widths every widget flow is tested at: a phone driven by keyboard only, and a desktop driven by mouse. */
export const VIEWPORTS = [
  { name: '360 px, keyboard only', viewport: { width: 360, height: 740 }, keyboard: true },
  { name: '1366 px, mouse', viewport: { width: 1366, height: 768 }, keyboard: false },
] as const;
export type Mode = (typeof VIEWPORTS)[number];

export const BIRTH_QUESTION = 'Đăng ký khai sinh cần những giấy tờ gì?';

export const launcher = (page: Page): Locator => page.getByRole('button', { name: 'Mở trợ lý ảo' });
export const input = (page: Page): Locator => page.getByLabel('Câu hỏi của bạn');
export const citationRegion = (page: Page): Locator => page.getByRole('region', { name: 'Trích dẫn', exact: true });
export const answers = (page: Page): Locator => page.locator('[data-role="assistant"]');
export const userMessages = (page: Page): Locator => page.locator('[data-role="user"]');
/** The latest answer's chip for citation `n` ("Nguồn n: …"). */
export const chip = (page: Page, n: number): Locator => page.getByRole('button', { name: new RegExp(`^Nguồn ${n}(\\D|$)`) }).last();
/** The widget's log element, for scroll checks. */
export const log = (page: Page): Locator => page.getByRole('log', { name: 'Cuộc trò chuyện' });

export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Click `target`, or with `keyboard` reach it with Tab (Shift+Tab when `backwards`) and press Enter. */
export async function activate(page: Page, target: Locator, keyboard: boolean, what: string, backwards = false): Promise<void> {
  if (!keyboard) return target.click();
  await tabTo(page, target, what, 80, backwards);
  await page.keyboard.press('Enter');
}

/** Open the widget from its launcher (by mouse or keyboard). */
export async function openWidget(page: Page, keyboard: boolean): Promise<void> {
  await launcher(page).waitFor({ state: 'visible' });
  await activate(page, launcher(page), keyboard, 'the launcher');
  await input(page).waitFor({ state: 'visible' });
}

/** Ask `question` (typed and sent with Enter, or with "Gửi"), wait until its answer has ended (done, refused or error), return it. */
export async function ask(page: Page, question: string, keyboard = false): Promise<Locator> {
  const ended = page.locator('[data-role="assistant"]:not([data-state="streaming"])');
  const before = await ended.count();
  if (keyboard) {
    if (!(await isFocused(input(page)))) await tabTo(page, input(page), 'the question box', 80);
    await page.keyboard.type(question);
    await page.keyboard.press('Enter');
  } else {
    await input(page).fill(question);
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  }
  await ended.nth(before).waitFor({ state: 'attached' });
  return answers(page).last();
}

/** The page's sessionStorage, read in the page. */
export function sessionItems(page: Page): Promise<Record<string, string>> {
  return page.evaluate('Object.fromEntries(Object.entries(sessionStorage))') as Promise<Record<string, string>>;
}

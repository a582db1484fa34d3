/**
 * Helpers for browser tests: a headless Chromium (playwright-core, the system's Chromium;
 * a missing browser is an error, never a skip), uploads through the admin API that wait
 * until the new index serves the document, and a recorder of the widget's answer states.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { configFromEnvironment } from '../../config/environment.ts';
import { ADMIN_TOKEN } from './test-server.ts';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chromium to drive: `CHROMIUM_PATH`, else the first of the usual system paths. */
export function findChromium(): string {
  const fromEnv = configFromEnvironment().CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(`Chromium not found (looked at ${CANDIDATES.join(', ')}). Install it (Debian: apt-get install chromium, as .ci/run does) or set CHROMIUM_PATH.`);
  }
  return found;
}

/** Launch headless Chromium; `--no-sandbox` because CI runs as root. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox'] });
}

/** One admin API call with the test admin token. */
export async function adminFetch(baseUrl: string, method: string, path: string, body?: FormData | object): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { authorization: `Bearer ${ADMIN_TOKEN}` };
  let payload: FormData | string | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${baseUrl}${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
  return { status: res.status, body: await res.json() as Record<string, unknown> };
}

/** The questions `POST /api/draft` asks for `request` (what the widget's drafting form must show). */
export async function draftQuestions(baseUrl: string, token: string, request: string): Promise<Array<{ field: string; question: string }>> {
  const res = await fetch(`${baseUrl}/api/draft`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ request }),
  });
  const body = await res.json() as { status?: string; questions?: Array<{ field: string; question: string }> };
  if (body.status !== 'needs_input') throw new Error(`POST /api/draft answered ${res.status}: ${JSON.stringify(body)}`);
  return body.questions ?? [];
}

/** Poll a re-index job until it ends; throws if it failed or is still running after `timeoutMs`. */
export async function waitForJob(baseUrl: string, jobId: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await adminFetch(baseUrl, 'GET', `/api/admin/jobs/${encodeURIComponent(jobId)}`);
    if (body.status === 'succeeded') return;
    if (body.status === 'failed') throw new Error(`re-index job ${jobId} failed: ${JSON.stringify(body.error)}`);
    if (Date.now() > deadline) throw new Error(`re-index job ${jobId} still ${String(body.status)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Poll the citizens' search until `docId` is among the results for `query` (the new index is served). */
export async function waitForSearchHit(baseUrl: string, query: string, docId: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${baseUrl}/api/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = await res.json() as { results?: Array<{ docId: string }> };
    if (body.results?.some((r) => r.docId === docId)) return;
    if (Date.now() > deadline) throw new Error(`document ${docId} not found by search "${query}" after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Upload one file through the admin API, wait for its re-index and for search to find it; returns its docId. */
export async function uploadAndIndex(baseUrl: string, fileName: string, content: string | Uint8Array, searchQuery: string): Promise<string> {
  const form = new FormData();
  form.append('files', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), fileName);
  const up = await adminFetch(baseUrl, 'POST', '/api/admin/documents', form);
  if (up.status !== 201) throw new Error(`upload of ${fileName} answered ${up.status}: ${JSON.stringify(up.body)}`);
  const files = up.body.files as Array<{ docId: string }>;
  const job = up.body.job as { id: string };
  const docId = files[0]!.docId;
  await waitForJob(baseUrl, job.id);
  await waitForSearchHit(baseUrl, searchQuery, docId);
  return docId;
}

/** One observed state of an assistant message (`data-state`), with its text length then and when (ms, page clock). */
export interface StateRecord {
  state: string | null;
  old?: string | null;
  len: number;
  at: number;
}

/**
 * Script run before any page script: observes the document and every shadow root (by
 * wrapping attachShadow) and records each change of an assistant message's `data-state`
 * and text into `window.__answerStates`. A fast answer may stream within one task, so
 * polling from the test could miss the "streaming" state; mutation records do not.
 */
export const RECORD_ANSWER_STATES = `(() => {
  const records = [];
  window.__answerStates = records;
  const SEL = '[data-role="assistant"]';
  const note = (el, old) => records.push({ state: el.getAttribute('data-state'), old, len: (el.textContent || '').length, at: performance.now() });
  const onMutations = (mutations) => {
    for (const m of mutations) {
      if (m.type === 'attributes') {
        if (m.target.matches && m.target.matches(SEL)) note(m.target, m.oldValue);
        continue;
      }
      for (const n of m.addedNodes) {
        if (n.nodeType !== 1) continue;
        if (n.matches(SEL)) note(n, undefined);
        for (const el of n.querySelectorAll(SEL)) note(el, undefined);
      }
      const host = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      const msg = host && host.closest ? host.closest(SEL) : null;
      if (msg) note(msg, undefined);
    }
  };
  const watch = (root) => new MutationObserver(onMutations).observe(root, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-state'], attributeOldValue: true,
  });
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    watch(root);
    return root;
  };
  watch(document);
})();`;

/** The recorded answer states of `page` (see {@link RECORD_ANSWER_STATES}). */
export async function answerStates(page: Page): Promise<StateRecord[]> {
  return await page.evaluate('window.__answerStates || []') as StateRecord[];
}

/** Whether `locator`'s element has focus, also inside a shadow root. */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el: { getRootNode(): unknown }) => (el.getRootNode() as { activeElement?: unknown }).activeElement === el);
}

/** Press Tab (Shift+Tab when `backwards`) until `locator` has focus, at most `max` times; throws if it never does. */
export async function tabTo(page: Page, locator: Locator, what: string, max = 40, backwards = false): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await isFocused(locator).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  if (!(await isFocused(locator))) throw new Error(`${what} not reached after ${max} presses of Tab`);
}

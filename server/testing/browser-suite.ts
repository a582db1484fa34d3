/**
 * The set-up every browser test file shares: one headless Chromium, the widget (and
 * optionally the pages) built, one test server, a browser context per test closed after
 * it, everything stopped after the file. A failed set-up is rethrown by every test that
 * asks for the server or a context: vitest would report a failed beforeAll as skipped tests.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { buildPages, buildWidget } from '../../web-widget/build.ts';
import { launchChromium } from './browser.ts';
import { startTestServer, type TestServer } from './test-server.ts';

const DIST = join(resolve(fileURLToPath(new URL('../..', import.meta.url))), 'web-widget', 'dist');

/** What a browser test file sets up beyond the shared part. */
export interface BrowserSuiteOptions {
  /** The server's environment; a function is called after `beforeServer`, so it can name what that started. */
  env: Record<string, string> | (() => Record<string, string>);
  /** Build the standalone pages (portal, source view, admin console) as well as the widget; default true. */
  pages?: boolean;
  /** Runs after Chromium started and before the server (e.g. a portal the server must allow). */
  beforeServer?: () => Promise<void>;
  /** Runs once the server is up (e.g. uploads every test reads). */
  afterServer?: (server: TestServer) => Promise<void>;
  /** Runs after the browser and the server stopped. */
  teardown?: () => void | Promise<void>;
  /** The set-up's time limit; default 60 s. */
  timeoutMs?: number;
}

/** The running suite. */
export interface BrowserSuite {
  /** The test server; throws why the set-up failed. */
  server(): TestServer;
  /** A new browser context, closed after the current test. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/** Registers the shared beforeAll/afterEach/afterAll of a browser test file. */
export function useBrowserSuite(options: BrowserSuiteOptions): BrowserSuite {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  let setupError: unknown;
  const contexts: BrowserContext[] = [];

  const ready = (): { browser: Browser; server: TestServer } => {
    if (setupError) throw setupError;
    if (!browser || !server) throw new Error('browser test set-up did not finish (see beforeAll)');
    return { browser, server };
  };

  beforeAll(async () => {
    try {
      // First, so that a missing Chromium fails fast with a clear message.
      browser = await launchChromium();
      await Promise.all([buildWidget(DIST), ...(options.pages === false ? [] : [buildPages(DIST)])]);
      await options.beforeServer?.();
      server = await startTestServer(typeof options.env === 'function' ? options.env() : options.env);
      await options.afterServer?.(server);
    } catch (err) {
      setupError = err;
    }
  }, options.timeoutMs ?? 60_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.close();
    await options.teardown?.();
  });

  return {
    server: () => ready().server,
    async newContext(contextOptions = {}) {
      const context = await ready().browser.newContext({ locale: 'vi-VN', ...contextOptions });
      contexts.push(context);
      return context;
    },
  };
}

/** Reading the widget's settings from its script tag. */
import { T } from './strings.ts';

/** What the host page configures through `data-*` attributes on the script tag. */
export interface WidgetConfig {
  /** Origin of the assistant server, without a trailing slash. */
  server: string;
  title: string;
  policyUrl: string;
  startOpen: boolean;
}

/**
 * Settings from the script's attributes: `data-server` (default: the script's own
 * origin, else the page's), `data-title`, `data-policy-url`, `data-open="true"`.
 */
export function readConfig(
  attr: (name: string) => string | null,
  scriptSrc: string | undefined,
  pageOrigin: string,
): WidgetConfig {
  const server = trimSlash(attr('data-server')?.trim() || originOf(scriptSrc) || pageOrigin);
  return {
    server,
    title: attr('data-title')?.trim() || T.defaultTitle,
    policyUrl: attr('data-policy-url')?.trim() || `${server}/chinh-sach`,
    startOpen: attr('data-open') === 'true',
  };
}

function originOf(src: string | undefined): string | undefined {
  if (!src) return undefined;
  try {
    const u = new URL(src);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

function trimSlash(s: string): string {
  return s.replace(/\/+$/, '');
}

/** A link target that is safe to put in `href`: http(s) only, resolved against `base`. */
export function safeHref(url: string, base: string): string | undefined {
  try {
    const u = new URL(url, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

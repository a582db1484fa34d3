/**
 * Entry point of widget.js: read the script tag's settings, then append
 * `<tro-ly-ao-widget>` with an open shadow root to the page.
 */
import { readConfig } from './config.ts';
import { Widget } from './widget.ts';

const TAG = 'tro-ly-ao-widget';

// currentScript is only set while the script first runs, so read it now.
const script = (document.currentScript as HTMLScriptElement | null)
  ?? document.querySelector<HTMLScriptElement>('script[src*="widget.js"]');

function mount(): void {
  if (document.querySelector(TAG)) return; // included twice: keep the first
  if (!customElements.get(TAG)) customElements.define(TAG, class extends HTMLElement {});
  const host = document.createElement(TAG);
  const cfg = readConfig((n) => script?.getAttribute(n) ?? null, script?.src, location.origin);
  new Widget(host, cfg);
  document.body.appendChild(host);
}

if (document.body) mount();
else document.addEventListener('DOMContentLoaded', mount, { once: true });

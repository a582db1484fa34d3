/**
 * Progress reporting for the ingest CLI: a redrawn bar on a terminal, plain lines
 * (one per phase and every tenth of the sources) otherwise. Always on stderr.
 */
import { basename } from 'node:path';
import type { IngestProgress } from './pipeline.ts';

const PHASES: Record<IngestProgress['phase'], string> = {
  scan: 'Quét nguồn',
  load: 'Đọc và tách đoạn',
  embed: 'Tính vector',
  index: 'Lập chỉ mục',
  save: 'Ghi chỉ mục',
  done: 'Xong',
};

function fmtSeconds(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  return s < 60 ? `${Math.round(s)}s` : `${Math.floor(s / 60)}m${Math.round(s % 60)}s`;
}

/** Make a progress callback writing to `out` (a TTY gets a bar). */
export function progressReporter(out: NodeJS.WriteStream = process.stderr): (p: IngestProgress) => void {
  const tty = out.isTTY === true;
  const started = Date.now();
  let lastPhase = '';
  let lastTenth = -1;
  let lastDraw = 0;
  return (p) => {
    const frac = p.sourcesTotal ? p.sourcesDone / p.sourcesTotal : 0;
    const elapsed = (Date.now() - started) / 1000;
    const eta = p.phase === 'load' && frac > 0 ? (elapsed / frac) * (1 - frac) : NaN;
    const ocr = p.pages ? ` · nhận dạng chữ ${basename(p.pages.source)}: trang ${p.pages.done}/${p.pages.total}` : '';
    const line = `${PHASES[p.phase]}: ${p.sourcesDone}/${p.sourcesTotal} nguồn · ${p.chunks} đoạn${ocr}${Number.isNaN(eta) ? '' : ` · còn ~${fmtSeconds(eta)}`}`;
    if (tty) {
      const now = Date.now();
      if (now - lastDraw < 100 && p.phase === lastPhase && p.phase !== 'done') return;
      lastDraw = now;
      const width = 24;
      const filled = Math.round(frac * width);
      out.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line}`);
      if (p.phase === 'done') out.write('\n');
      lastPhase = p.phase;
      return;
    }
    if (p.pages) {
      // One line per tenth of a long scan's pages, and for its first and last page.
      const step = Math.max(1, Math.ceil(p.pages.total / 10));
      if (p.pages.done === p.pages.total || p.pages.done % step === 0) out.write(`${line}\n`);
      return;
    }
    const tenth = Math.floor(frac * 10);
    if (p.phase !== lastPhase || (p.phase === 'load' && tenth !== lastTenth)) {
      out.write(`${line}\n`);
      lastPhase = p.phase;
      lastTenth = tenth;
    }
  };
}

/**
 * Tesseract's TSV output (`tesseract img - tsv`) to laid-out text and a confidence.
 *
 * Tesseract finds blocks (a column, a header cell), paragraphs, lines and words. The text
 * keeps one output line per recognised line, and additionally cuts a line where two words
 * are further apart than a few line heights: two header cells side by side ("ỦY BAN NHÂN
 * DÂN" and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") that Tesseract put on one line come out
 * as two lines, the way a text layer would have them, and are never glued together.
 */

/** One recognised word with its box (pixels) and confidence (0–100). */
export interface OcrWord {
  page: number;
  block: number;
  paragraph: number;
  line: number;
  left: number;
  top: number;
  width: number;
  height: number;
  confidence: number;
  text: string;
}

/** A page's recognised text and how sure the engine was. */
export interface OcrPageText {
  text: string;
  /** Mean word confidence (0–100) weighted by word length; undefined when no word was found. */
  confidence?: number;
  words: number;
}

/** A horizontal gap wider than this many line heights separates two cells of one line. */
export const CELL_GAP_LINE_HEIGHTS = 3;

/** Parses the word rows (level 5) of Tesseract TSV output; other rows and bad lines are ignored. */
export function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    const text = f.slice(11).join('\t').trim();
    const n = f.slice(1, 11).map(Number);
    if (!text || n.some((x) => !Number.isFinite(x))) continue;
    const [page, block, paragraph, line, , left, top, width, height, confidence] = n as [number, number, number, number, number, number, number, number, number, number];
    words.push({ page, block, paragraph, line, left, top, width, height, confidence, text });
  }
  return words;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

interface LaidLine {
  page: number;
  block: number;
  cells: string[];
}

/** Recognised lines, each cut into cells at gaps wider than {@link CELL_GAP_LINE_HEIGHTS}. */
function linesOf(words: readonly OcrWord[]): LaidLine[] {
  const lines: LaidLine[] = [];
  let key = '';
  let current: OcrWord[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    const lineHeight = median(current.map((w) => w.height));
    const cells: string[] = [];
    let cell: string[] = [current[0]!.text];
    for (let i = 1; i < current.length; i++) {
      const prev = current[i - 1]!;
      const w = current[i]!;
      if (w.left - (prev.left + prev.width) > CELL_GAP_LINE_HEIGHTS * lineHeight) {
        cells.push(cell.join(' '));
        cell = [];
      }
      cell.push(w.text);
    }
    cells.push(cell.join(' '));
    lines.push({ page: current[0]!.page, block: current[0]!.block, cells });
    current = [];
  };
  for (const w of words) {
    const k = `${w.page}/${w.block}/${w.paragraph}/${w.line}`;
    if (k !== key) flush();
    key = k;
    current.push(w);
  }
  flush();
  return lines;
}

/**
 * Lays words out as text: one line per cell of a recognised line, a blank line between
 * blocks, words separated by one space. Consecutive lines cut into the same number of cells
 * (a two-column header: `ỦY BAN NHÂN DÂN | CỘNG HÒA …`, `TỈNH QUẢNG NGÃI | Độc lập …`) are
 * read column by column, as the header's cells are written: the issuer's lines together,
 * then the Quốc hiệu's. Words must be in Tesseract's order.
 */
export function layoutWords(words: readonly OcrWord[]): string {
  const lines = linesOf(words);
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    const prev = lines[i - 1];
    if (prev && (first.block !== prev.block || first.page !== prev.page) && first.cells.length < 2) out.push('');
    let j = i + 1;
    if (first.cells.length >= 2) {
      while (j < lines.length && lines[j]!.cells.length === first.cells.length && lines[j]!.page === first.page) j++;
    }
    if (j - i >= 2) {
      for (let c = 0; c < first.cells.length; c++) for (let k = i; k < j; k++) out.push(lines[k]!.cells[c]!);
    } else {
      out.push(...first.cells);
    }
    i = j;
  }
  return out.join('\n');
}

/** Mean word confidence weighted by the number of characters; undefined without words. */
export function meanConfidence(words: readonly OcrWord[]): number | undefined {
  let sum = 0;
  let weight = 0;
  for (const w of words) {
    if (w.confidence < 0) continue;
    const n = [...w.text].length;
    sum += w.confidence * n;
    weight += n;
  }
  return weight === 0 ? undefined : sum / weight;
}

/** Text and confidence of one page of TSV output. */
export function pageFromTsv(tsv: string): OcrPageText {
  const words = parseTsv(tsv);
  const confidence = meanConfidence(words);
  return { text: layoutWords(words), words: words.length, ...(confidence === undefined ? {} : { confidence }) };
}

/**
 * Repairs of recognised text that concern numbers and document codes, the words a search
 * leans on most ("Quyết định số 2103/QĐ-UBND"):
 *
 * - a code broken at the end of a printed line, where layout engines break after "/" and
 *   "-" ("… số 2103/" ⏎ "QĐ-UBND ngày …"), is put back together on the first line;
 * - misreadings seen on noisy scans inside a code or number: a doubled Đ ("QĐĐ-UBND"), a
 *   space inside the year ("29/202 1/QĐ-UBND"), a colon between thousands ("1.563:942");
 * - specks read as a lone modifier sign or underscore ("ˆ", "_") are dropped.
 *
 * Every rule is idempotent, so cached OCR text can be repaired again without re-reading.
 */

/** Bumped whenever a rule changes, so that cached OCR text is repaired again. */
export const LINE_REPAIR_VERSION = 1;

/** A token that may continue on the next line: ends with "/" or "-" and has a digit or two capitals. */
const BROKEN_END = /(?:^|\s)((?=[^\s]*(?:\d|\p{Lu}{2}))[\p{L}\d.&]+(?:[/-][\p{L}\d.&]+)*[/-])$/u;
/** What a continuation line starts with: a code part (capital or digit first), with its trailing punctuation. */
const CONTINUATION = /^([\p{Lu}\d][\p{L}\d&]*(?:[/-][\p{L}\d&]+)*[;,.:)]?)(?:\s+|$)/u;
/** A document code or a number range once joined: starts with a digit or two capitals and has a part after each separator. */
const CODE_SHAPE = /^(?:\d[\d.]*|\p{Lu}{2,})(?:[\p{L}\d&]*)(?:[/-][\p{Lu}\d][\p{L}\d&]*)+[;,.:)]?$/u;
/** Specks: a lone token made only of spacing modifier signs, backticks, tildes or underscores (at most two). */
const SPECK = /(?<=^|\s)[\u02B0-\u02FF`~_]{1,2}(?=\s|$)/gu;

function dropSpecks(line: string): string {
  return line.replace(SPECK, '').replace(/[ \t]{2,}/g, ' ').trim();
}

/** Fixes misreadings inside numbers and codes on one line. */
function repairCodes(line: string): string {
  return line
    // "QĐĐ-UBND": no code part has a doubled Đ; only inside a token that has a digit and a separator.
    .replace(/(?<=\d[\p{L}\d]*[/-](?:[\p{L}\d&]+[/-])*)([\p{Lu}]*)ĐĐ/gu, '$1Đ')
    // "29/202 1/QĐ-UBND": the year of a code split by a space.
    .replace(/(?<![\p{L}\d])(\d{1,5}\/)(\d{1,3}) (\d{1,3})(?=\/\p{Lu})/gu, (m, num: string, a: string, b: string) => {
      const year = a + b;
      return /^(?:19|20)\d\d$/.test(year) ? `${num}${year}` : m;
    })
    // "1.563:942": a colon between groups of thousands.
    .replace(/(?<![\d.])(\d{1,3}(?:\.\d{3})+):(\d{3})(?![\d:])/g, '$1.$2')
    .replace(/(?<![\d.:])(\d{1,3}):(\d{3})(?=\.\d{3}(?!\d))/g, '$1.$2');
}

/**
 * Repairs one page (or document) of recognised text, line by line: specks dropped, codes
 * broken at line ends rejoined, misread codes and numbers fixed. Returns the text and the
 * number of lines changed.
 */
export function repairLines(text: string): { text: string; repaired: number } {
  const lines = text.split('\n');
  let repaired = 0;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const before = lines[i]!;
    let line = before.trim() === '' ? before : repairCodes(dropSpecks(before));
    // Pull the continuation of a broken code up from the next line(s).
    for (;;) {
      const end = BROKEN_END.exec(line);
      const next = lines[i + 1];
      if (!end || next === undefined) break;
      const nextLine = repairCodes(dropSpecks(next));
      const cont = CONTINUATION.exec(nextLine);
      if (!cont || !CODE_SHAPE.test(end[1]! + cont[1]!)) break;
      line = repairCodes(line + cont[1]!);
      lines[i + 1] = nextLine.slice(cont[0].length);
      if (lines[i + 1]!.trim() !== '') break;
      // The whole next line was the continuation: drop it and look at the line after.
      lines.splice(i + 1, 1);
    }
    if (line !== before) repaired++;
    out.push(line);
  }
  return { text: out.join('\n'), repaired };
}

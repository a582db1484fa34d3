/**
 * The units a relation clause is read in: lines joined back where a layout wrapped them
 * ("… thay thế Quyết định số" / "1418/QĐ-UBND …"), then cut into clauses at sentence and
 * semicolon ends, so that "thay thế A; B hết hiệu lực" gives two clauses.
 */

/** One logical line of a document. */
export interface Statement {
  text: string;
  /** Starts with `1.`, `a)`, `-` …: an item under a lead-in. */
  enumerated: boolean;
  /** Starts with `Điều N.`: a new article (ends a lead-in's reach). */
  article: boolean;
  /** New content being inserted (“…”), not a clause of the document itself. */
  quoted: boolean;
  /** Legal grounds and recitals (`Căn cứ …`, `Xét đề nghị …`): they cite, they change nothing. */
  recital: boolean;
}

const ENUMERATED = /^(?:\d+(?:\.\d+)*\.|[a-zđ]\)|[-–•+])\s/u;
const ARTICLE = /^Điều\s+\d+[a-z]?\s*[.:]/u;
const RECITAL = /^(?:Căn cứ|Thực hiện|Xét\s|Theo đề nghị|Trên cơ sở)/u;
const QUOTED = /^[“"'‘«]/u;
const SENTENCE_END = /[.;:!?”"»)]$/u;

function isHeading(line: string): boolean {
  return line.length <= 80 && line === line.toUpperCase() && /\p{Lu}/u.test(line);
}

/** Logical lines: a line that does not end a sentence continues on the next, unless that one starts an item. */
export function statements(text: string): Statement[] {
  const lines = text.normalize('NFC').split(/\r?\n/u).map((l) => l.replace(/\s+/gu, ' ').trim()).filter((l) => l.length > 0);
  const joined: string[] = [];
  for (const line of lines) {
    const prev = joined[joined.length - 1];
    const startsNew = ENUMERATED.test(line) || ARTICLE.test(line) || QUOTED.test(line) || isHeading(line);
    if (prev !== undefined && !SENTENCE_END.test(prev) && !isHeading(prev) && !startsNew) joined[joined.length - 1] = `${prev} ${line}`;
    else joined.push(line);
  }
  return joined.map((t) => ({
    text: t, enumerated: ENUMERATED.test(t), article: ARTICLE.test(t), quoted: QUOTED.test(t), recital: RECITAL.test(t.replace(ENUMERATED, '')),
  }));
}

/** A clause of a statement, with its offset in the statement. */
export interface Clause {
  text: string;
  start: number;
}

/**
 * Clauses of a statement: cut after `.` or `;` followed by a space (a dot inside
 * `3.000.000`, `mục 3.1` or `01.02.2026` does not cut; nor does a colon, which introduces
 * a list: "thay thế các Quyết định: số …, số …"). A leading `Điều N.` or `1.` stays with
 * its clause.
 */
export function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.;](?=\s)/gu)) {
    const end = (m.index ?? 0) + 1;
    const piece = text.slice(start, end);
    // `Điều 2.` and `1.` are labels, not sentences.
    if (/^\s*(?:Điều\s+\d+[a-z]?|\d+(?:\.\d+)*|[a-zđ]\))\.?$/u.test(piece)) continue;
    out.push({ text: piece, start });
    start = end;
  }
  if (start < text.length) out.push({ text: text.slice(start), start });
  return out.filter((c) => c.text.trim().length > 0);
}

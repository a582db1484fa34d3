/**
 * The parts of a cleaned official document: header block, body, closing blocks (`Nơi nhận`
 * and signature) and what follows them (a `PHỤ LỤC`), with the header facts they state.
 * The body is what chunking labels by section; the other parts become chunks of their own
 * kind, so a signature or a recipient list is never spliced into a sentence.
 */
import type { DocumentHeader, DocumentHeaderFact, FactSource } from '../model.ts';
import { parseClosing, type ClosingBlocks } from './closing-blocks.ts';
import { parseHeader, type HeaderBlock } from './official-header.ts';
import { matchLineMarker } from './markers.ts';

export interface DocumentLayout {
  /** Lines [0, header.end) are the header block. */
  header: HeaderBlock;
  /** The closing blocks, when found. */
  closing?: ClosingBlocks;
  /** First line of what follows the main text (an appendix), or the line count. */
  mainEnd: number;
  /** The closing formula ending the body (`Nay thông báo … thực hiện./.`), a part of its own. */
  formula?: number;
  /** The facts for DocumentMeta.header. */
  facts: DocumentHeader;
}

const APPENDIX = /^PHỤ LỤC(?:\s|$)/u;
const RECIPIENTS = /^Nơi\s+nhận\b/u;
/** The closing formula ends with `./.` (`… kính báo./.`, `… thực hiện./.`). */
const FORMULA = /\.\/\.$/u;

/**
 * Lay out a cleaned document. `firstTableLine` is the first line of a table read back from
 * the extraction (pdf-text.ts): a header never reaches into a table.
 */
export function layoutDocument(text: string, firstTableLine?: number): DocumentLayout {
  const lines = text.split('\n');
  const headerLimit = firstTableLine ?? lines.length;
  const header = parseHeader(lines.slice(0, headerLimit));
  const recipientsAt = lines.findIndex((l, i) => i >= header.end && RECIPIENTS.test(l.trim()));
  let mainEnd = lines.length;
  if (recipientsAt >= 0) {
    const appendix = lines.findIndex((l, i) => i > recipientsAt && APPENDIX.test(l.trim()));
    if (appendix >= 0) mainEnd = appendix;
  } else if (firstTableLine !== undefined && firstTableLine >= header.end) {
    const caption = lines.findIndex((l, i) => i >= header.end && i <= firstTableLine && APPENDIX.test(l.trim()));
    mainEnd = caption >= 0 ? caption : firstTableLine;
  }
  const closing = parseClosing(lines, header.end, mainEnd);
  const layout: DocumentLayout = { header, mainEnd, facts: factsOf(header, closing) };
  if (closing) layout.closing = closing;
  let last = (closing?.start ?? mainEnd) - 1;
  while (last >= header.end && !(lines[last] ?? '').trim()) last -= 1;
  if (last >= header.end && FORMULA.test((lines[last] ?? '').trim()) && !matchLineMarker((lines[last] ?? '').trim())) layout.formula = last;
  return layout;
}

function factsOf(header: HeaderBlock, closing: ClosingBlocks | undefined): DocumentHeader {
  const facts: DocumentHeader = { sources: {} };
  const set = <K extends DocumentHeaderFact>(name: K, value: DocumentHeader[K] | undefined, source: FactSource | undefined): void => {
    if (value === undefined || (Array.isArray(value) && value.length === 0) || source === undefined) return;
    facts[name] = value;
    facts.sources[name] = source;
  };
  const fromHeader = (name: DocumentHeaderFact & keyof HeaderBlock['facts']): void => {
    const line = header.lines[name];
    set(name, header.facts[name], line === undefined ? undefined : { block: 'header', line });
  };
  for (const name of ['type', 'number', 'date', 'place', 'issuer', 'parentBody', 'subject', 'authority', 'addressees', 'nationalMotto'] as const) {
    fromHeader(name);
  }
  const sig = closing?.signature;
  if (sig) {
    const auth = sig.at.authority;
    const first = sig.authority[0];
    if (first !== undefined && auth !== undefined) {
      set('signingAuthority', first.split(' ')[0], { block: 'signature', line: auth });
      set('signingFor', sig.authority, { block: 'signature', line: auth });
    }
    if (sig.at.title !== undefined) set('signerTitle', sig.title, { block: 'signature', line: sig.at.title });
    if (sig.at.name !== undefined) set('signer', sig.name, { block: 'signature', line: sig.at.name });
  }
  const rec = closing?.recipients;
  if (rec) set('recipients', rec.items, { block: 'recipients', line: rec.start });
  return facts;
}

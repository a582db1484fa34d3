/**
 * DOCX text extraction. The zip's central directory is checked first — without inflating
 * anything — so that a zip bomb never reaches the XML parser; then `word/document.xml` is
 * read into paragraphs and tables (ingest/loaders/docx-xml.ts) and laid out so that line
 * breaks and paragraphs inside table cells stay apart (ingest/loaders/blocks.ts).
 * Footnotes and endnotes come back as notes, not spliced into the body; page headers and
 * footers (`word/header1.xml`…) as margins, where a secrecy stamp may stand alone.
 */
import { normalizeText } from '../../core/text/normalize.ts';
import { layoutBlocks } from './blocks.ts';
import { readDocumentXml, readNotesXml, readPartXml } from './docx-xml.ts';
import type { Extracted } from './extracted.ts';
import { DEFAULT_MAX_UNPACKED_BYTES, userError } from './result.ts';
import { inspectZip, readZipEntries, type ZipSummary } from './zip.ts';

export { BIG_ENTRY_BYTES, MAX_RATIO } from './zip.ts';

/**
 * Checks the zip without inflating it. Throws AppError DOCX_CORRUPT (not a zip, or no
 * `word/document.xml`) or DOCX_TOO_LARGE_UNPACKED (total over the limit, or an entry over
 * 1 MiB compressed more than 100:1).
 */
export async function inspectDocx(bytes: Buffer, maxUnpackedBytes = DEFAULT_MAX_UNPACKED_BYTES): Promise<ZipSummary & { hasDocumentXml: boolean }> {
  const summary = await inspectZip(bytes, maxUnpackedBytes);
  if (!summary.names.has('word/document.xml')) throw userError('DOCX_CORRUPT', 'zip has no word/document.xml');
  return { ...summary, hasDocumentXml: true };
}

/** Word's page header and footer parts. */
const MARGIN_PART = /^word\/(?:header|footer)\d*\.xml$/;

/** Inspects, then extracts the normalised text of a DOCX (paragraphs separated by a blank line), its notes and its page headers and footers. */
export async function extractDocx(bytes: Buffer, maxUnpackedBytes = DEFAULT_MAX_UNPACKED_BYTES): Promise<Extracted> {
  const { names } = await inspectDocx(bytes, maxUnpackedBytes);
  const marginParts = [...names].filter((n) => MARGIN_PART.test(n)).sort();
  const entries = await readZipEntries(bytes, ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml', ...marginParts]);
  try {
    const body = readDocumentXml(entries.get('word/document.xml')!.toString('utf8'));
    const foot = entries.get('word/footnotes.xml');
    const end = entries.get('word/endnotes.xml');
    const notes = [
      ...(foot ? readNotesXml(foot.toString('utf8'), 'footnote', body.footnoteRefs) : []),
      ...(end ? readNotesXml(end.toString('utf8'), 'endnote', body.endnoteRefs) : []),
    ].map((n) => ({ ...n, text: normalizeText(n.text) }));
    const margins = marginParts
      .map((name) => entries.get(name))
      .filter((xml) => xml !== undefined)
      .map((xml) => normalizeText(layoutBlocks(readPartXml(xml.toString('utf8')))).trim())
      .filter((text) => text.length > 0);
    return { text: layoutBlocks(body.blocks), ...(notes.length ? { notes } : {}), ...(margins.length ? { margins } : {}) };
  } catch (err) {
    throw userError('DOCX_CORRUPT', `document.xml: ${err instanceof Error ? err.message : String(err)}`, undefined, err);
  }
}

/**
 * DOCX text extraction. The zip's central directory is checked first — without inflating
 * anything — so that a zip bomb never reaches the XML parser; then `word/document.xml` is
 * read into paragraphs and tables (ingest/loaders/docx-xml.ts) and laid out so that line
 * breaks and paragraphs inside table cells stay apart (ingest/loaders/blocks.ts).
 * Footnotes and endnotes come back as notes, not spliced into the body.
 */
import { normalizeText } from '../../core/text/normalize.ts';
import { layoutBlocks } from './blocks.ts';
import { readDocumentXml, readNotesXml } from './docx-xml.ts';
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

/** Inspects, then extracts the normalised text of a DOCX (paragraphs separated by a blank line) and its notes. */
export async function extractDocx(bytes: Buffer, maxUnpackedBytes = DEFAULT_MAX_UNPACKED_BYTES): Promise<Extracted> {
  await inspectDocx(bytes, maxUnpackedBytes);
  const entries = await readZipEntries(bytes, ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml']);
  try {
    const body = readDocumentXml(entries.get('word/document.xml')!.toString('utf8'));
    const foot = entries.get('word/footnotes.xml');
    const end = entries.get('word/endnotes.xml');
    const notes = [
      ...(foot ? readNotesXml(foot.toString('utf8'), 'footnote', body.footnoteRefs) : []),
      ...(end ? readNotesXml(end.toString('utf8'), 'endnote', body.endnoteRefs) : []),
    ].map((n) => ({ ...n, text: normalizeText(n.text) }));
    return { text: layoutBlocks(body.blocks), ...(notes.length ? { notes } : {}) };
  } catch (err) {
    throw userError('DOCX_CORRUPT', `document.xml: ${err instanceof Error ? err.message : String(err)}`, undefined, err);
  }
}

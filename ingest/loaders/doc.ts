/**
 * Word 97–2003 documents (.doc) through antiword (ingest/loaders/converters.ts): UTF-8,
 * no line wrapping (`-w 0`), one paragraph per line; a line break inside a paragraph
 * stays a line of its own. Paragraphs are separated by a blank line as for DOCX.
 */
import { normalizeText } from '../../core/text/normalize.ts';
import { convert, type ConverterPaths } from './converters.ts';
import type { Extracted } from './extracted.ts';
import type { OcrHooks } from './result.ts';

/** Converts the .doc at `path`. Throws DOC_CORRUPT or CONVERTER_UNAVAILABLE. */
export async function extractDoc(path: string, hooks: OcrHooks & { converters?: ConverterPaths } = {}): Promise<Extracted> {
  const out = await convert('antiword', ['-m', 'UTF-8.txt', '-w', '0', path], 'DOC_CORRUPT', hooks);
  const text = normalizeText(out)
    .split(/\n{2,}/)
    .map((p) => p.split('\n').map((l) => l.replace(/[ \t\u00A0]+/g, ' ').trim()).filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
  return { text };
}

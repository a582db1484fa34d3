/**
 * Reads the planted documents back the way the product's loaders see them: PDF and DOCX
 * through the ingest extractors, HTML through htmlToText, JSONL records field by field.
 */
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { extractDocx } from '../../../ingest/loaders/docx.ts';
import { htmlToText } from '../../../ingest/loaders/html.ts';
import { extractPdf } from '../../../ingest/loaders/pdf.ts';
import { parseJsonl } from '../answer-datasets.ts';
import { docText } from './layout.ts';
import { GENERATED_DOCS } from './make-planted.ts';
import type { PlantedText } from './planted-cases.ts';

/** The source id a JSONL record gets from the loader (ingest/loaders/records.ts). */
export function recordSourceId(record: Record<string, unknown>): string | undefined {
  const s = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  if (s(record.ma_thu_tuc) && s(record.ten_thu_tuc)) return s(record.ma_thu_tuc);
  if (s(record.law_id) && s(record.article_id)) return s(record.doc_id) ?? `${s(record.law_id)}#${s(record.article_id)}`;
  return s(record.id) ?? s(record.doc_id);
}

function recordText(record: Record<string, unknown>): string {
  return Object.values(record).filter((v): v is string => typeof v === 'string').join('\n');
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/')).sort();
}

/**
 * Every planted document under `dir` (as written by makePlanted), keyed like
 * {@link documentKey}: a file, or `file#record` for each JSONL record. A JSONL record without
 * a source id, or one seen twice, throws.
 */
export async function readPlantedTexts(dir: string): Promise<Map<string, PlantedText>> {
  const generated = new Map(GENERATED_DOCS.map((d) => [d.file, d]));
  const out = new Map<string, PlantedText>();
  for (const file of await filesUnder(dir)) {
    const path = join(dir, file);
    const ext = extname(file).toLowerCase();
    if (ext === '.jsonl') {
      for (const record of parseJsonl<Record<string, unknown>>(await readFile(path, 'utf8'), path)) {
        const id = recordSourceId(record);
        if (!id) throw new Error(`${file}: a record has no source id`);
        const key = `${file}#${id}`;
        if (out.has(key)) throw new Error(`${key}: duplicate record`);
        const text = recordText(record);
        out.set(key, { indexed: text, source: text });
      }
    } else if (ext === '.pdf' || ext === '.docx') {
      const bytes = await readFile(path);
      const indexed = ext === '.pdf' ? (await extractPdf(bytes, path)).text : (await extractDocx(bytes)).text;
      const spec = generated.get(file);
      out.set(file, { indexed, source: spec ? docText(spec) : indexed });
    } else if (ext === '.html') {
      const raw = await readFile(path, 'utf8');
      out.set(file, { indexed: htmlToText(raw).text, source: raw });
    } else {
      const text = (await readFile(path, 'utf8')).normalize('NFC');
      out.set(file, { indexed: text, source: text });
    }
  }
  return out;
}

/**
 * Validation of document metadata from sidecar files (`foo.pdf.meta.json` or
 * `foo.meta.json`) and from the metadata fields of generic JSONL records.
 */
import { access, readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DOCUMENT_TYPES, type DocumentMeta } from '../../core/model.ts';
import { normalizeText } from '../../core/text/normalize.ts';
import { userError } from './result.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** Every field optional; unknown keys are errors so that typos (`tittle`) are reported. */
export const documentMetaSchema = z.object({
  title: z.string().trim().min(1),
  type: z.enum(DOCUMENT_TYPES),
  number: z.string().trim().min(1),
  issuer: z.string().trim().min(1),
  issuedDate: isoDate,
  effectiveDate: isoDate,
  place: z.string().trim().min(1),
  status: z.enum(['in_force', 'superseded', 'expired']),
  supersedes: z.union([z.string().min(1).transform((s) => [s]), z.array(z.string().min(1))]),
  supersededBy: z.string().min(1),
  audience: z.enum(['public', 'internal']),
  extra: z.record(z.string()),
}).partial().strict();

/** Field names of DocumentMeta that generic JSONL records may carry. */
export const META_FIELDS = Object.keys(documentMetaSchema.shape) as (keyof DocumentMeta)[];

/** Outcome of validating metadata: the normalised fields, or the names of the bad ones. */
export type MetaCheck = { ok: true; meta: Partial<DocumentMeta> } | { ok: false; fields: string[]; detail: string };

/** Validates metadata and NFC-normalises its strings. */
export function checkMeta(value: unknown): MetaCheck {
  const parsed = documentMetaSchema.safeParse(value);
  if (parsed.success) return { ok: true, meta: normalizeStrings(parsed.data) };
  const fields = [...new Set(parsed.error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys' ? i.keys : [i.path.join('.') || '(gốc)']))];
  return { ok: false, fields, detail: parsed.error.message };
}

/** Vietnamese specific for a METADATA_INVALID message. */
export function badFieldsMessage(fields: string[], where?: string): string {
  return `Trường sai hoặc không được hỗ trợ${where ? ` trong ${where}` : ''}: ${fields.join(', ')}.`;
}

function normalizeStrings<T>(value: T): T {
  if (typeof value === 'string') return normalizeText(value).trim() as T;
  if (Array.isArray(value)) return value.map(normalizeStrings) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeStrings(v)])) as T;
  }
  return value;
}

/** Path of the sidecar of `file`, if one exists: `file.meta.json` first, then `<stem>.meta.json`. */
export async function findSidecar(file: string): Promise<string | undefined> {
  const stem = file.replace(/\.[^./\\]+$/, '');
  for (const candidate of [`${file}.meta.json`, `${stem}.meta.json`]) {
    try {
      await access(candidate);
      return candidate;
    } catch {
      // Not there: try the next name.
    }
  }
  return undefined;
}

/** Reads and validates a sidecar; returns its raw bytes too (they enter the content hash). */
export async function readSidecar(path: string, name: string): Promise<{ meta: Partial<DocumentMeta>; bytes: Buffer }> {
  const bytes = await readFile(path);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw userError('METADATA_INVALID', `sidecar ${name} is not JSON`, `Tệp ${name} không phải JSON hợp lệ.`, err);
  }
  const checked = checkMeta(json);
  if (!checked.ok) {
    throw userError('METADATA_INVALID', `sidecar ${name}: ${checked.detail}`, badFieldsMessage(checked.fields, `tệp ${name}`));
  }
  return { meta: checked.meta, bytes };
}

/**
 * What an upload call would write, decided before anything is written: each file's safe
 * name, whether it replaces one, and every reason to refuse the call (a bad type, a name
 * given twice, a conflict, a document id already owned by another file, metadata on a
 * JSONL file, and what the loaders' check found). Pure: the store passes in the folder's
 * entries and the check's verdicts.
 */
import { extname } from 'node:path';
import { docIdFor } from '../../core/ids.ts';
import { isSupportedFile } from '../../ingest/loaders/discover.ts';
import type { CheckVerdict } from './upload-check.ts';
import { repairLatin1Name, safeFileName } from './file-name.ts';
import { aboutFile, ADMIN_SPECIFICS, type AdminProblemCode } from './messages.ts';
import { sniff } from './sniff.ts';

/** One uploaded file as multer's memory storage gives it. */
export interface UploadFile {
  originalname: string;
  buffer: Uint8Array;
}

/** Why an upload call was refused; `fileName` is absent for problems of the whole call. */
export interface UploadProblem {
  originalName?: string;
  fileName?: string;
  code: AdminProblemCode;
  message: string;
}

/**
 * What ingestion makes of a file: one document with this sourceId and docId, or (JSONL)
 * records that carry their own ids.
 */
export type FileIdentity = { kind: 'document'; sourceId: string; docId: string } | { kind: 'records' };

/** One file of a call, as it will be written. */
export interface Planned {
  file: UploadFile;
  originalName: string;
  fileName: string;
  existed: boolean;
  sidecarExists: boolean;
}

/** A folder entry, as `readdir(…, { withFileTypes: true })` gives it. */
export interface FolderEntry {
  name: string;
  isFile(): boolean;
}

const SIDECAR_SUFFIX = '.meta.json';
/** Problems listed per file from the loaders' check; the rest are counted in one line. */
const CHECK_PROBLEMS_SHOWN = 5;

/** How ingestion identifies what it loads from `fileName` (see ingest/loaders/index.ts). */
export function identityOf(fileName: string): FileIdentity {
  return isRecordsFile(fileName) ? { kind: 'records' } : { kind: 'document', sourceId: fileName, docId: docIdFor(fileName) };
}

/** A JSONL file: records with their own ids and metadata, no sidecar. */
export function isRecordsFile(fileName: string): boolean {
  return extname(fileName).toLowerCase() === '.jsonl';
}

/** The metadata sidecar's name for a document file. */
export function sidecarOf(fileName: string): string {
  return `${fileName}${SIDECAR_SUFFIX}`;
}

/** A document file name as discovery sees one: supported, not a sidecar, not hidden, not an Office lock file. */
export function isDocumentName(name: string): boolean {
  return isSupportedFile(name) && !name.startsWith('.') && !name.startsWith('~$');
}

/**
 * Names every file and finds what refuses it against the folder's present entries. Every
 * file is planned even when refused, so the check and the messages see the whole call.
 */
export function planFiles(
  files: readonly UploadFile[],
  present: readonly FolderEntry[],
  options: { replace?: boolean; sidecarJson?: string },
): { planned: Planned[]; problems: UploadProblem[] } {
  const problems: UploadProblem[] = [];
  const existing = new Map(present.map((e) => [e.name, e]));
  const docIdOwners = new Map(present.filter((e) => isDocumentName(e.name) && !isRecordsFile(e.name)).map((e) => [docIdFor(e.name), e.name]));
  const seen = new Set<string>();
  const planned: Planned[] = [];
  for (const file of files) {
    const originalName = repairLatin1Name(file.originalname);
    const fileName = safeFileName(originalName);
    const problem = (code: AdminProblemCode, message = aboutFile(code, fileName)): void => {
      problems.push({ originalName, fileName, code, message });
    };
    const sniffed = sniff(fileName, file.buffer);
    const entry = existing.get(fileName);
    const records = isRecordsFile(fileName);
    const owner = records ? undefined : docIdOwners.get(docIdFor(fileName));
    // Case-insensitive: two such names are one file on Windows and macOS file systems.
    const key = fileName.toLowerCase();
    if (!sniffed.ok) problem(sniffed.code, sniffed.message);
    else if (seen.has(key)) problem('DUPLICATE_NAME');
    else if (entry && (!options.replace || !entry.isFile())) problem('FILE_EXISTS');
    else if (owner !== undefined && owner !== fileName) problem('DOC_ID_TAKEN');
    else if (records && options.sidecarJson !== undefined) problem('METADATA_INVALID', aboutFile('METADATA_INVALID', fileName, ADMIN_SPECIFICS.recordsCarryMetadata));
    seen.add(key);
    if (!records) docIdOwners.set(docIdFor(fileName), fileName);
    planned.push({ file, originalName, fileName, existed: entry !== undefined, sidecarExists: existing.has(sidecarOf(fileName)) });
  }
  return { planned, problems };
}

/** The loaders' findings as upload problems, the first few of each file and a count of the rest. */
export function verdictProblems(planned: readonly Planned[], verdicts: readonly CheckVerdict[]): UploadProblem[] {
  const problems: UploadProblem[] = [];
  for (const [i, v] of verdicts.entries()) {
    if (!v.checked) continue;
    const p = planned[i]!;
    for (const problem of v.problems.slice(0, CHECK_PROBLEMS_SHOWN)) {
      problems.push({ originalName: p.originalName, fileName: p.fileName, code: problem.code as AdminProblemCode, message: problem.message });
    }
    const more = v.problems.length - CHECK_PROBLEMS_SHOWN;
    if (more > 0) {
      problems.push({ originalName: p.originalName, fileName: p.fileName, code: v.problems[CHECK_PROBLEMS_SHOWN]!.code as AdminProblemCode, message: ADMIN_SPECIFICS.moreProblems(more, p.fileName) });
    }
  }
  return problems;
}

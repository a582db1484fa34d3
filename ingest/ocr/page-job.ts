/** A page handed to OCR and what came of it (ocr-pages.ts runs them, page-images.ts prepares them). */
import type { AppError } from '../../core/errors.ts';

/** A page to recognise: its 1-based number and how to put its image in a folder. */
export interface PageJob {
  page: number;
  /** Writes the page image under `dir`; returns its path and resolution when known. */
  prepare(dir: string, signal?: AbortSignal): Promise<{ path: string; dpi?: number; warning?: string }>;
}

/** The recognised text of one page, or why there is none. */
export interface PageOutcome {
  page: number;
  text: string;
  /** Mean word confidence 0–100 (absent when nothing was recognised). */
  confidence?: number;
  /** Words repaired after recognition (tone and word-pair repair). */
  toneRepairs: number;
  warnings: string[];
  /** Set when the page could not be recognised at all. */
  error?: AppError;
}

/** Progress of one document's OCR. */
export type PageProgress = (done: number, total: number) => void;

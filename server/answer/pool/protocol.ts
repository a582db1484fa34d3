/**
 * Messages between the answer pool (main thread) and its worker threads. Everything is
 * plain data (structured clone).
 */
import type { AnswerRequest, AnswerResult } from '../../../core/answer/types.ts';
import type { MetadataOverride } from '../../admin/overlay.ts';

export type ToWorker =
  | { type: 'load'; indexDir: string; version: string }
  | { type: 'overrides'; entries: Array<[string, MetadataOverride]>; links?: boolean }
  | { type: 'answer'; id: number; request: AnswerRequest; stream: boolean }
  | { type: 'abort'; id: number };

export type FromWorker =
  | { type: 'loaded'; version: string }
  | { type: 'load-failed'; version: string; message: string }
  | { type: 'token'; id: number; text: string }
  | { type: 'result'; id: number; result: AnswerResult }
  | { type: 'error'; id: number; code: string; message: string };

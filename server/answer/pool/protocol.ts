/**
 * Messages between the answer pool (main thread) and its worker threads. Everything is
 * plain data (structured clone); the index's SharedArrayBuffers in `load` are shared, not
 * copied.
 */
import type { AnswerRequest, AnswerResult } from '../../../core/answer/types.ts';
import type { SharedIndexParts } from '../../../index/served-state.ts';
import type { MetadataOverride } from '../../admin/overlay.ts';

export type ToWorker =
  | { type: 'load'; indexDir: string; version: string; shared: SharedIndexParts }
  | { type: 'overrides'; entries: Array<[string, MetadataOverride]>; links?: boolean }
  | { type: 'answer'; id: number; request: AnswerRequest; stream: boolean }
  | { type: 'abort'; id: number };

export type FromWorker =
  | { type: 'loaded'; version: string }
  | { type: 'load-failed'; version: string; message: string }
  | { type: 'token'; id: number; text: string }
  | { type: 'result'; id: number; result: AnswerResult }
  | { type: 'error'; id: number; code: string; message: string };

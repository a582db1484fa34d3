/**
 * An answer worker thread: opens the main thread's copy of the served index (shared
 * memory, index/served-state.ts, the HNSW graph included; only the document records and
 * the term table are its own) and answers with the extractive answerer, so answers use
 * more than one core while the main thread keeps to
 * HTTP, guards and the audit trail. Admin metadata overrides are applied like in the main
 * thread (same overlay), refreshed by the pool before any answer that needs them.
 */
import { parentPort } from 'node:worker_threads';
import { ExtractiveAnswerer } from '../../../core/answer/extractive-answerer.ts';
import { toAppError } from '../../../core/errors.ts';
import type { StoredDocument } from '../../../index/index-state.ts';
import { openIndex, type OpenIndex } from '../../../index/open-index.ts';
import type { SharedIndexParts } from '../../../index/served-state.ts';
import { buildOverlay, type MetadataOverride, type Overlay } from '../../admin/overlay.ts';
import { recordingCorpus } from '../recording-corpus.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('answer-worker.ts runs as a worker thread');

const answerer = new ExtractiveAnswerer();
let index: OpenIndex | undefined;
let overrides = new Map<string, MetadataOverride>();
let linksUsable = true;
let overlay: Overlay | undefined;
const running = new Map<number, AbortController>();

const send = (m: FromWorker) => port.postMessage(m);

function rebuildOverlay(): void {
  // Built even without overrides: the relation links between documents apply too.
  overlay = index ? buildOverlay(index.state.docs.values(), overrides, { links: linksUsable }) : undefined;
}

const view = (doc: StoredDocument): StoredDocument => (overlay ? overlay(doc) : doc);

async function load(indexDir: string, version: string, shared: SharedIndexParts): Promise<void> {
  try {
    const next = await openIndex(indexDir, { version, view, from: shared });
    index = next;
    rebuildOverlay();
    send({ type: 'loaded', version: next.version });
  } catch (err) {
    send({ type: 'load-failed', version, message: toAppError(err).message });
  }
}

async function answer(id: number, request: Parameters<ExtractiveAnswerer['answer']>[0], stream: boolean): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    if (!index) throw toAppError(new Error('no index loaded in the answer worker'));
    const recorder = recordingCorpus(index);
    const result = stream
      ? await answerer.stream(request, recorder.corpus, (text) => send({ type: 'token', id, text }), controller.signal)
      : await answerer.answer(request, recorder.corpus);
    send({ type: 'result', id, result: { ...result, retrieved: recorder.retrieved() } });
  } catch (err) {
    const e = toAppError(err);
    send({ type: 'error', id, code: controller.signal.aborted ? 'CANCELLED' : e.code, message: e.message });
  } finally {
    running.delete(id);
  }
}

port.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'load':
      void load(m.indexDir, m.version, m.shared);
      break;
    case 'overrides':
      overrides = new Map(m.entries);
      linksUsable = m.links !== false;
      rebuildOverlay();
      break;
    case 'answer':
      void answer(m.id, m.request, m.stream);
      break;
    case 'abort':
      running.get(m.id)?.abort();
      break;
  }
});

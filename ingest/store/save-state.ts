/**
 * Writing one index version to its directory, in the format index/index-state.ts reads:
 * chunk segments of unchanged sources and an unchanged embedder are hard-linked from the
 * version they were loaded from; the manifest goes last, so its presence marks a complete
 * version.
 */
import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeBinaryParts, type NumericArray } from '../../index/binary-file.ts';
import { rawChunkLine, segmentName, VERSION_FILES, type Bm25FileHeader, type IndexState, type StoredChunk } from '../../index/index-state.ts';
import { FORMAT_VERSION, MANIFEST, type Manifest } from '../../index/manifest-file.ts';
import { saveEmbedder, type EmbedderConfig } from '../embedders/registry.ts';
import { writeFileAtomic } from './publish.ts';

/** Hard-link (or, across devices, copy) every file of `from` into `to`. */
async function linkDir(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) {
    await link(join(from, name), join(to, name)).catch(() => copyFile(join(from, name), join(to, name)));
  }
}

/** Write every file of a version; the manifest goes last so its presence marks completeness. */
export async function saveState(state: IndexState, versionDir: string, embedderConfig?: EmbedderConfig): Promise<void> {
  const docs = [...state.docs.values()].sort((a, b) => a.id.localeCompare(b.id));
  await writeFileAtomic(join(versionDir, VERSION_FILES.documents), JSON.stringify(docs));
  // One segment per source file: rewrite what was loaded or added, link the rest.
  const bySegment = new Map<string, StoredChunk[]>();
  for (const c of state.chunks.values()) {
    const file = state.docs.get(c.docId)?.file;
    if (file === undefined) continue;
    let list = bySegment.get(file);
    if (!list) bySegment.set(file, (list = []));
    list.push(c);
  }
  const chunkDir = join(versionDir, VERSION_FILES.chunks);
  await mkdir(chunkDir, { recursive: true });
  for (const key of Object.keys(state.manifest.files)) {
    const target = join(chunkDir, segmentName(key));
    if (state.unloadedSegments?.has(key)) {
      const from = join(state.sourceDir!, VERSION_FILES.chunks, segmentName(key));
      await link(from, target).catch(() => copyFile(from, target));
      continue;
    }
    const list = bySegment.get(key);
    if (!list?.length) continue;
    list.sort((a, b) => a.label - b.label);
    await writeFileAtomic(target, list.map((c) => rawChunkLine(c) ?? JSON.stringify(c)).join('\n') + '\n');
  }
  const ser = state.bm25.serialize();
  const arrays: Record<string, NumericArray> = { present: ser.present };
  const fieldMeta: Record<string, { totalLength: number }> = {};
  for (const [name, f] of Object.entries(ser.fields)) {
    arrays[`${name}.offsets`] = f.offsets;
    arrays[`${name}.labels`] = f.labels;
    arrays[`${name}.tfs`] = f.tfs;
    arrays[`${name}.df`] = f.df;
    arrays[`${name}.lengths`] = f.lengths;
    arrays[`${name}.terms`] = new TextEncoder().encode(f.terms);
    fieldMeta[name] = { totalLength: f.totalLength };
  }
  await writeFileAtomic(join(versionDir, VERSION_FILES.bm25), encodeBinaryParts({ params: ser.params, fieldNames: ser.fieldNames, live: ser.live, fieldMeta } satisfies Bm25FileHeader, arrays));
  await state.vectors.save(join(versionDir, VERSION_FILES.vectors));
  let spec = state.manifest.embedder;
  if (state.embedderDir) await linkDir(state.embedderDir, join(versionDir, VERSION_FILES.embedder));
  else spec = await saveEmbedder(state.embedder, join(versionDir, VERSION_FILES.embedder), embedderConfig);
  const manifest: Manifest = {
    ...state.manifest,
    formatVersion: FORMAT_VERSION,
    embedder: spec,
    counts: { documents: state.docs.size, chunks: [...state.docs.values()].reduce((n, d) => n + d.labels.length, 0) },
  };
  state.manifest = manifest;
  await writeFileAtomic(join(versionDir, MANIFEST), JSON.stringify(manifest, null, 1));
}

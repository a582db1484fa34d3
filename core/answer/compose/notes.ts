/**
 * Footnotes of the passages an answer quotes, when they add to it: "ban hành 04 Nghị
 * quyết¹" is answered by footnote 1, which lists them; a table cell's figure is explained
 * by the note on it. Ingestion keeps a footnote as a note of the chunk citing it and as a
 * chunk of its own (kind `footnote`); the note is quoted from that chunk and cited to it.
 */
import type { Chunk, DocumentRecord } from '../../model.ts';
import { quoteAround, withMark, type CitationList } from '../ground/citations.ts';
import { coverage, passageTerms, type ContentUnit } from '../retrieve/coverage.ts';
import { unionOf } from '../retrieve/term-sets.ts';
import type { MarkedChunk } from './document-header.ts';
import { LIST_QUOTE_MAX_CHARS, MIN_SENTENCE_GAIN } from '../tuning.ts';

/** Lines for the notes of `used` chunks that cover more of `units` than `answer` does (all notes of `forced` ones). */
export function noteLines(
  doc: DocumentRecord, chunks: readonly Chunk[], used: readonly Chunk[], units: readonly ContentUnit[], answer: string, citations: CitationList,
  /** Passages whose notes hold the fact asked: their notes are given whatever they add. */
  forced: readonly Chunk[] = [],
): string[] {
  const lines: string[] = [];
  let terms = passageTerms(answer) as ReadonlySet<string>;
  let covered = coverage(units, terms);
  const footnotes = chunks.filter((c) => (c as MarkedChunk).kind === 'footnote');
  for (const host of used) {
    for (const note of (host as MarkedChunk).notes ?? []) {
      const own = footnotes.find((f) => f.text.trim().startsWith(note.text.trim().slice(0, 60)));
      if (!own) continue;
      const noteTerms = passageTerms(note.text);
      const together = coverage(units, unionOf([terms, noteTerms]));
      if (together - covered < MIN_SENTENCE_GAIN && !forced.includes(host)) continue;
      const n = citations.cite(own, doc, quoteAround(own.text, [], LIST_QUOTE_MAX_CHARS));
      lines.push(withMark(`(Chú thích ${note.marker}: ${own.text.trim()})`, n));
      terms = new Set([...terms, ...noteTerms]);
      covered = together;
    }
  }
  return lines;
}

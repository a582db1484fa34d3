/**
 * Test doubles for the LLM answerer: a few-passage Corpus searched by word overlap, and a
 * fake Answerer standing in for the extractive fallback.
 */
import type { AnswerRequest, AnswerResult, Answerer } from '../../../core/answer/types.ts';
import type { Audience, Chunk, DocumentRecord } from '../../../core/model.ts';
import type { Corpus, SearchHit, SearchOptions, TermStats } from '../../../core/search/types.ts';
import { analyze } from '../../../core/text/tokenize.ts';

/** A passage of a test document. */
export interface MemoryPassage {
  section: string;
  text: string;
}

/** A test document with its passages. */
export interface MemoryDocument {
  id: string;
  title: string;
  number?: string;
  issuedDate?: string;
  type?: DocumentRecord['type'];
  audience: Audience;
  passages: MemoryPassage[];
}

function words(text: string): string[] {
  return text.toLowerCase().normalize('NFC').split(/[^\p{L}\d]+/u).filter((w) => w.length > 1);
}

/** An in-memory Corpus: score = how many distinct query words a passage contains. */
export class MemoryCorpus implements Corpus {
  private readonly docs = new Map<string, DocumentRecord>();
  private readonly chunks: Chunk[] = [];
  /** Every search call's options, to check what the answerer asked for. */
  readonly searches: Array<{ query: string; opts?: SearchOptions }> = [];

  constructor(documents: MemoryDocument[]) {
    for (const d of documents) {
      this.docs.set(d.id, {
        id: d.id, sourceId: `${d.id}.txt`, source: `${d.id}.txt`, contentHash: d.id, chunkCount: d.passages.length,
        title: d.title, type: d.type ?? 'khác', status: 'in_force', audience: d.audience,
        ...(d.number ? { number: d.number } : {}), ...(d.issuedDate ? { issuedDate: d.issuedDate } : {}),
      });
      d.passages.forEach((p, i) => {
        this.chunks.push({ id: `${d.id}#${i}`, docId: d.id, sectionPath: [p.section], sectionLabel: p.section, headingTrail: [], text: p.text });
      });
    }
  }

  async search(query: string, opts?: SearchOptions): Promise<SearchHit[]> {
    this.searches.push({ query, ...(opts ? { opts } : {}) });
    const audiences = opts?.audiences ?? ['public'];
    const q = new Set(words(query));
    const hits: SearchHit[] = [];
    this.chunks.forEach((c, label) => {
      const doc = this.docs.get(c.docId);
      if (!doc || !audiences.includes(doc.audience)) return;
      const text = new Set(words(`${c.sectionLabel} ${c.text}`));
      const score = [...q].filter((w) => text.has(w)).length;
      if (score === 0) return;
      hits.push({
        docId: doc.id, sourceId: doc.sourceId, chunkId: c.id, label, title: doc.title, section: c.sectionLabel,
        score, text: c.text, ...(doc.number ? { number: doc.number } : {}),
      });
    });
    return hits.sort((a, b) => b.score - a.score || a.label - b.label).slice(0, opts?.k ?? 10);
  }

  document(docId: string): DocumentRecord | undefined {
    return this.docs.get(docId);
  }

  chunksOf(docId: string): Chunk[] {
    return this.chunks.filter((c) => c.docId === docId);
  }

  chunk(label: number): Chunk | undefined {
    return this.chunks[label];
  }

  /** Chunks whose folded words and pairs contain `term`, counted on each call (few passages). */
  termStats(term: string): TermStats {
    const df = this.chunks.filter((c) => analyze(`${c.sectionLabel} ${c.text}`).folded.includes(term)).length;
    return { df, n: this.chunks.length };
  }
}

/** An Answerer returning a fixed result and recording its calls. */
export class FakeAnswerer implements Answerer {
  readonly name = 'extractive' as const;
  readonly calls: AnswerRequest[] = [];

  constructor(private readonly result: AnswerResult) {}

  async answer(req: AnswerRequest): Promise<AnswerResult> {
    this.calls.push(req);
    return structuredClone(this.result);
  }
}

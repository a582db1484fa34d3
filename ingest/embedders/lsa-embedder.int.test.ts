/**
 * The LSA embedder on real legal text: the first 200 ALQAC articles (Vietnamese laws),
 * analysed by whitespace. Lives in ingest/ because it reads a file (core/ does no I/O).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cosine, runEmbedderContract } from '../../core/embed/embedder.contract.ts';
import { LsaEmbedder } from '../../core/embed/lsa-embedder.ts';

interface Article { doc_id: string; law_id: string; text: string }

const articles = readFileSync(new URL('../../../shared/datasets/alqac/corpus.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, 200)
  .map((line) => JSON.parse(line) as Article);
const texts = articles.map((a) => a.text);
const analyze = (text: string): string[] => text.normalize('NFC').toLowerCase().split(/[\s,.;:()“”"]+/u).filter(Boolean);

const target = articles[1]!; // Luật Phòng, chống ma túy, Điều 2 (definitions)
const sentence = target.text.split('\n').find((l) => l.startsWith('3.'))!;
const otherLaw = articles.find((a) => a.law_id !== target.law_id)!;
let fitted: LsaEmbedder | undefined;
const embedder = (): LsaEmbedder => (fitted ??= LsaEmbedder.fit(texts, analyze, { dimension: 64, analyzerId: 'whitespace' }));

runEmbedderContract('LsaEmbedder (ALQAC, 200 articles)', embedder, {
  text: target.text,
  similar: sentence,
  unrelated: otherLaw.text,
  others: [articles[10]!.text, articles[150]!.text],
});

describe('LsaEmbedder on ALQAC', () => {
  it('slices articles of two different laws', () => {
    expect(otherLaw.law_id).not.toBe(target.law_id);
    expect(sentence.length).toBeGreaterThan(20);
  });

  it('ranks the source article in the top 3 of 200 for a sentence taken from it', () => {
    const e = embedder();
    const q = e.embed(sentence);
    const ranked = texts.map((t, i) => ({ i, s: cosine(q, e.embed(t)) })).sort((a, b) => b.s - a.s);
    expect(ranked.slice(0, 3).map((r) => r.i)).toContain(1);
  });
});

/**
 * The passages offered to the model: each hit becomes prompt source `n` and citation `n`
 * (its position, from 1), so a marker `[n]` in the reply names both. Citations and
 * document labels come from core/answer/ground/citations.ts, as for the extractive answerer.
 */
import { buildCitation, documentLabel, quoteAround } from '../../core/answer/ground/citations.ts';
import type { Citation, DocumentRecord } from '../../core/model.ts';
import type { Corpus, SearchHit } from '../../core/search/types.ts';
import type { PromptSource } from './prompt.ts';

/** Sources for the prompt, the matching citations, and the texts the reply is checked against. */
export interface OfferedSources {
  prompt: PromptSource[];
  citations: Citation[];
  /** `texts[n-1]` is everything source `n` shows the model: document line, section, passage. */
  texts: string[];
}

function documentOf(hit: SearchHit, corpus: Corpus): Pick<DocumentRecord, 'id' | 'sourceId' | 'title' | 'number' | 'type' | 'issuedDate'> {
  return corpus.document(hit.docId) ?? { id: hit.docId, sourceId: hit.sourceId, title: hit.title, type: 'khác', ...(hit.number ? { number: hit.number } : {}) };
}

/** Number the hits as sources 1…n. */
export function offerSources(hits: SearchHit[], corpus: Corpus): OfferedSources {
  const prompt: PromptSource[] = [];
  const citations: Citation[] = [];
  const texts: string[] = [];
  hits.forEach((hit, i) => {
    const doc = documentOf(hit, corpus);
    const label = documentLabel(doc);
    const document = label.includes(doc.title) ? label : `${label}: ${doc.title}`;
    prompt.push({ document, section: hit.section, text: hit.text });
    // The model sees the document line too, so its number and date may be repeated.
    texts.push(`${document}\n${hit.section}\n${hit.text}`);
    citations.push(buildCitation(i + 1, { id: hit.chunkId, sectionLabel: hit.section }, doc, quoteAround(hit.text)));
  });
  return { prompt, citations, texts };
}

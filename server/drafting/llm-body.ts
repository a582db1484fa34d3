/**
 * The body of a draft written by an LLM (any OpenAI-compatible server, LLM_* settings):
 * from the official's request, the fields and the retrieved facts as numbered sources.
 * Every sentence is checked like an answer (core/answer/ground/validate.ts): a figure, date or
 * document number must occur in the source it cites, or the sentence is dropped. On
 * timeout, error or nothing usable, the caller keeps the embedded drafter's body.
 */
import { readFileSync } from 'node:fs';
import type { ChatOpenAI } from '@langchain/openai';
import { markerNumbers, validateAnswer } from '../../core/answer/ground/validate.ts';
import type { DraftFact } from '../../core/drafting/compose.ts';
import type { DraftFields, DraftParagraph } from '../../core/drafting/model.ts';
import { neutralize, renderSources } from '../answer/prompt.ts';
import type { LlmConfig } from '../../config/config.ts';
import { chunkText, createChatModel } from '../answer/chat-model.ts';

const SYSTEM = readFileSync(new URL('../../prompts/drafting/llm-body.vi.md', import.meta.url), 'utf8')
  .replace(/<!--[\s\S]*?-->/g, '').trim();
const DEFAULT_TIMEOUT_MS = 30_000;
/** A line that is only a bracketed note is a placeholder for the official. */
const PLACEHOLDER = /^\[[^\]]*\]$/;

function userMessage(fields: DraftFields, facts: readonly DraftFact[]): string {
  const lines = [
    `Loại văn bản: ${fields.type}`,
    `Cơ quan ban hành: ${fields.issuingBodyName ?? fields.issuingBody}`,
    `Trích yếu: ${fields.subject}`,
    ...(fields.recipients.length ? [`Gửi: ${fields.recipients.join('; ')}`] : []),
    ...(fields.deadline ? [`Thời hạn / thời gian: ${fields.deadline}`] : []),
    `Yêu cầu của cán bộ: ${neutralize(fields.request)}`,
    '',
    'Nguồn:',
    renderSources(facts.map((f) => ({ document: f.citation.label ?? f.citation.title, section: f.citation.section, text: f.text }))),
  ];
  return lines.join('\n');
}

function paragraphOf(line: string): DraftParagraph {
  const text = line.trim();
  const level = /^(?:[IVX]+)\.\s/.test(text) ? 1 : /^\d+\.\s/.test(text) ? 2 : /^[a-zđ]\)\s/.test(text) ? 3 : 0;
  const cited = [...new Set(markerNumbers(text))];
  return { text, level, ...(PLACEHOLDER.test(text) ? { placeholder: true } : {}), ...(cited.length ? { citations: cited } : {}) };
}

export class LlmDraftWriter {
  private readonly chat: ChatOpenAI;
  private readonly timeoutMs: number;

  constructor(config: Readonly<LlmConfig>) {
    this.chat = createChatModel(config);
    this.timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /**
   * The body paragraphs, or undefined when the model failed or wrote nothing that passes
   * the source check (the caller then keeps the template body).
   */
  async writeBody(fields: DraftFields, facts: readonly DraftFact[], signal?: AbortSignal): Promise<{ body: DraftParagraph[]; dropped: number } | undefined> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let raw: string;
    try {
      const reply = await this.chat.invoke([
        { role: 'system', content: SYSTEM },
        { role: 'user', content: userMessage(fields, facts) },
      ], { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
      raw = chunkText(reply.content);
    } catch {
      return undefined;
    }
    // Placeholders state nothing, so they are kept as they are; every other line is checked
    // sentence by sentence, and what fails the source check is dropped.
    const citations = facts.map((f) => f.citation);
    const passages = facts.map((f) => f.text);
    const body: DraftParagraph[] = [];
    let dropped = 0;
    for (const line of raw.normalize('NFC').split('\n').map((l) => l.trim()).filter(Boolean)) {
      if (PLACEHOLDER.test(line)) {
        body.push(paragraphOf(line));
        continue;
      }
      const checked = validateAnswer(line, citations, passages);
      dropped += checked.droppedSentences.length;
      if (checked.text) body.push(paragraphOf(checked.text));
    }
    if (!body.some((p) => !p.placeholder)) return undefined;
    return { body, dropped };
  }
}

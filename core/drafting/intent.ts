/**
 * Is this message a request to draft a document? "Soạn công văn …", "Hãy soạn …", "Giúp tôi
 * soạn giấy mời …", "Viết giúp công văn …", "Dự thảo báo cáo …", "Lập kế hoạch …", "chuẩn
 * bị tờ trình …", with or without diacritics — but not "Soạn thảo văn bản là gì?" nor a
 * question about a document ("Kế hoạch 83 giao ai soạn?"). One function for the server and
 * the widget (which bundles it); the cue words and type names are data in
 * prompts/drafting/intent.vi.json.
 */
import intentCues from '../../prompts/drafting/intent.vi.json' with { type: 'json' };
import { containsPhrase, matchAt, phrases, wordsOf } from './cue-phrases.ts';
import { DRAFT_TYPES, type DraftType } from './model.ts';

/** What the message asks for: a draft, of `type` when it names one. */
export interface DraftIntent {
  type?: DraftType;
  /** The drafting verb as listed in the cue file ("soạn", "viết", "dự thảo"). */
  verb: string;
}

const LEAD = phrases(intentCues.leadWords);
const VERBS = phrases([
  ...intentCues.verbs.anyObject.map((phrase) => ({ phrase, value: { phrase, needsObject: false } })),
  ...intentCues.verbs.typedObject.map((phrase) => ({ phrase, value: { phrase, needsObject: true } })),
]);
const FILLERS = phrases(intentCues.fillers);
const GENERIC = phrases(intentCues.genericNouns);
const TYPES = phrases<DraftType>(DRAFT_TYPES.flatMap((type) => intentCues.typeWords[type].map((phrase) => ({ phrase, value: type }))));
const QUESTION = phrases(intentCues.questionCues);
const POLITE = phrases(intentCues.requestCues);

/**
 * The drafting request `message` makes, or undefined when it makes none. The message must
 * begin (after a few polite lead words) with a drafting verb; "viết", "lập", "dự thảo" and
 * the like must be followed by a document type or "văn bản".
 */
export function draftIntent(message: string): DraftIntent | undefined {
  const { text, words } = wordsOf(message);
  if (words.length === 0) return undefined;
  if (containsPhrase(words, QUESTION)) return undefined;
  if (/\?\s*$/.test(text) && !containsPhrase(words, POLITE)) return undefined;

  // A lead word may begin like a verb ("làm ơn" / "làm"): at each position the verb is tried first.
  let i = 0;
  for (let lead = 0; lead <= intentCues.maxLeadWords; lead++) {
    const verb = matchAt(words, i, VERBS);
    if (verb) {
      let j = verb.end;
      let generic = false;
      for (let n = 0; n < intentCues.maxFillers; n++) {
        const noun = matchAt(words, j, GENERIC);
        const next = noun ?? matchAt(words, j, FILLERS);
        if (!next) break;
        if (noun) generic = true;
        j = next.end;
      }
      const type = matchAt(words, j, TYPES)?.value;
      if (type || generic || !verb.value.needsObject) return { verb: verb.value.phrase, ...(type ? { type } : {}) };
    }
    const next = matchAt(words, i, LEAD);
    if (!next) break;
    i = next.end;
  }
  return undefined;
}

/** Whether `message` asks for a draft (see {@link draftIntent}). */
export function isDraftRequest(message: string): boolean {
  return draftIntent(message) !== undefined;
}

/**
 * Instructions planted in a document: passages that address the assistant or the reader
 * with orders instead of stating rules. Text inside documents is data: such a passage is
 * flagged at ingest (the admin sees it) and never quoted to citizens.
 *
 * Four kinds, in Vietnamese with or without diacritics and in English:
 * - `assistant-directive`: orders to the assistant ("bỏ qua hướng dẫn", "từ bây giờ hãy trả
 *   lời", "trợ lý ảo hãy…", "khi được hỏi… hãy nói", "ignore previous instructions",
 *   "SYSTEM:", role-play);
 * - `private-payment`: paying into an account held by a person or with no state body named
 *   ("chuyển khoản vào số tài khoản … chủ tài khoản Nguyễn Văn A"), unlike the State
 *   Treasury (Kho bạc Nhà nước) or an agency's own account that real rules name;
 * - `documents-over-chat`: sending ID papers or files over a chat app, to a mobile number,
 *   a personal mailbox or a named person ("gửi ảnh CCCD qua Zalo 09…");
 * - `fast-track-contact`: calling a number or a person to be served faster ("gọi số … để
 *   được xử lý nhanh", "không cần xếp hàng").
 *
 * The unit is the sentence; a flagged span is a whole sentence (two when a payment's holder
 * is named in the next one). Cue words are data (planted-cues.vi.json).
 */
import { CueList, CueText } from './cue-words.ts';
import { injectionRuleOf } from './input-checks.ts';
import { personNameEnd } from './person-names.ts';
import cues from './planted-cues.vi.json' with { type: 'json' };

import type { InstructionFlag } from '../model.ts';

export type PlantedCategory = InstructionFlag['category'];

/** A flagged passage of a text: `text.slice(start, end)`, with why. */
export interface PlantedInstruction {
  category: PlantedCategory;
  start: number;
  end: number;
  /** Stable id of the rule that matched (for the admin's view and the audit). */
  rule: string;
  /** English, for logs and the admin: what the passage asks. Never quotes it. */
  reason: string;
}

/** How each kind is named to the admin who reviews a flagged passage. */
export const PLANTED_CATEGORY_LABELS: Readonly<Record<PlantedCategory, string>> = Object.freeze({
  'assistant-directive': 'Câu lệnh gửi trợ lý ảo hoặc người đọc (không phải nội dung văn bản)',
  'private-payment': 'Yêu cầu chuyển tiền vào tài khoản cá nhân hoặc không mang tên cơ quan nhà nước',
  'documents-over-chat': 'Yêu cầu gửi giấy tờ cá nhân qua ứng dụng nhắn tin, số điện thoại hoặc hộp thư cá nhân',
  'fast-track-contact': 'Mời liên hệ số điện thoại hoặc người cụ thể để được giải quyết nhanh',
});

/** What one sentence carries: the kind, rule and reason of a planted instruction (no span). */
export type PlantedVerdict = Omit<PlantedInstruction, 'start' | 'end'>;
type Verdict = PlantedVerdict;

/** A sentence (or a chunk) as matched. */
type View = CueText;

const ASSISTANT = new CueList([...cues.assistantNames.filter((w) => w !== 'ai'), 'AI']);
const IMPERATIVE = new CueList(cues.imperatives);
const CONTENT = new CueList(cues.contentMarkers);
/** Who an order may address right after "từ bây giờ": "hãy", "bạn", "you". */
const READER = new CueList([...cues.imperatives, 'bạn', 'you']);
const ANSWER = new CueList(cues.answerVerbs);
const WHEN_ASKED = new CueList(cues.whenAsked);
const FROM_NOW = new CueList(cues.fromNow);
const PAYMENT = new CueList(cues.paymentVerbs);
const ACCOUNT = new CueList(cues.accountWords);
const MONEY = new CueList(cues.moneyWords);
const HOLDER = new CueList(cues.holderWords);
const PERSON_TITLE = new CueList(cues.personTitles);
const E_WALLET = new CueList(cues.eWallets);
const OFFICIAL = new CueList(cues.officialHolders);
const DOCUMENT = new CueList(cues.documentNouns);
const SEND = new CueList(cues.sendVerbs);
const CHAT = new CueList(cues.chatApps);
const OFFICIAL_CHANNEL = new CueList(cues.officialChannels);
const CONTACT = new CueList(cues.contactVerbs);
const FAST = new CueList(cues.fastTrack);

const ROLE_MARKER = new RegExp(
  `^\\s*(?:[#*>\\-\\s]*)(?:\\[|<|\\{|\\*\\*)?\\s*(?:${cues.roleMarkers.filter((w) => /^[a-z ]+$/.test(w)).join('|')})\\s*(?:\\]|>|\\}|\\*\\*)?\\s*:`,
  'iu',
);
const ROLE_MARKER_ANYWHERE = new RegExp(ROLE_MARKER.source.replace('^\\s*', '(?:^|\\n)\\s*'), 'iu');
const BRACKETED_ROLE = new RegExp(`[[<{]\\s*(?:${cues.roleMarkers.join('|')})\\s*[\\]>}]`, 'iu');
const CHAT_TEMPLATE = /<\|(?:im_start|im_end|system|user|assistant|endoftext)\|>|\[\/?INST\]|<<\/?SYS>>|###\s*(?:instruction|system|response)\b/iu;
/** An imperative to the reader right after "khi được hỏi…": "hãy", "bạn", "trả lời rằng". */
const ASKED_THEN = /^[^.!?\n]{0,80}?(?:,\s*|\s)(?:thì\s+)?(?:hãy|bạn|hay|ban|trả lời rằng|tra loi rang|trả lời là|tra loi la|answer|say|tell|reply|respond)(?![\p{L}])/iu;
const MOBILE = /(?<![\d])(?:\+\s?84|84|0)[\s.-]?[35789](?:[\s.-]?\d){8}(?!\d)/u;
const ANY_PHONE = /(?<![\d])(?:(?:\+\s?84|84|0)[\s.-]?[2-9](?:[\s.-]?\d){7,9}|1[89]00(?:[\s.-]?\d){4,6})(?!\d)/u;
const ACCOUNT_NUMBER = /(?<![\d])\d(?:[\s.-]?\d){7,18}(?!\d)/u;
const PERSONAL_MAIL = /[\p{L}\p{N}._%+-]+\s*@\s*(?:gmail|yahoo|ymail|hotmail|outlook|live|icloud|aol|proton(?:mail)?|zoho|mail)\.[a-z.]{2,}/iu;
const SENTENCE_END = /[.!?…;]+["”')\]]*(?=\s+\S)|\n+/gu;

function personalMail(text: string): boolean {
  return text.includes('@') && PERSONAL_MAIL.test(text);
}

function viewOf(sentence: string): View {
  return new CueText(sentence);
}

/** Whether some cue of `b` starts within `maxChars` after some cue of `a` ends. */
function followedBy(a: ReadonlyArray<{ end: number }>, b: ReadonlyArray<{ start: number }>, maxChars: number): boolean {
  return a.some((x) => b.some((y) => y.start >= x.end && y.start - x.end <= maxChars));
}

function assistantDirective(s: View): Verdict | undefined {
  const rule = injectionRuleOf(s.text);
  if (rule) return { category: 'assistant-directive', rule, reason: `overrides or replaces the assistant's instructions (${rule})` };
  if (ROLE_MARKER.test(s.text) || BRACKETED_ROLE.test(s.text) || CHAT_TEMPLATE.test(s.text)) {
    return { category: 'assistant-directive', rule: 'planted.role-marker', reason: 'speaks as a chat role (system, assistant, user)' };
  }
  const assistant = ASSISTANT.find(s);
  const answer = ANSWER.find(s);
  // "Trợ lý ảo hãy trả lời…", "trợ lý ảo phải trả lời rằng…": an order, or the answer's very words.
  // A requirement on the system ("trợ lý ảo phải bảo đảm trả lời chính xác") says neither.
  if (assistant.length && answer.length && (followedBy(assistant, IMPERATIVE.find(s), 12) || followedBy(answer, CONTENT.find(s), 2))) {
    return { category: 'assistant-directive', rule: 'planted.addresses-assistant', reason: 'tells the assistant what to answer' };
  }
  // "Trợ lý ảo hãy bỏ qua…", "Chatbot: đừng…": an order given to the assistant by name, whatever it asks.
  if (followedBy(assistant, IMPERATIVE.find(s), 3)) {
    return { category: 'assistant-directive', rule: 'planted.orders-assistant', reason: 'gives the assistant an order' };
  }
  for (const asked of WHEN_ASKED.find(s)) {
    if (ASKED_THEN.test(s.text.slice(asked.end)) && ANSWER.has(s)) {
      return { category: 'assistant-directive', rule: 'planted.when-asked', reason: 'tells the reader what to answer when asked' };
    }
  }
  const fromNow = FROM_NOW.find(s);
  if (fromNow.length && followedBy(fromNow, READER.find(s), 3) && answer.length) {
    return { category: 'assistant-directive', rule: 'planted.from-now-on', reason: 'changes how answers are given from now on' };
  }
  return undefined;
}

/** A person named after a holder word or a title ("chủ tài khoản: NGUYEN VAN A", "cho ông Trần B"). */
function namesPerson(s: View, after: ReadonlyArray<{ end: number }>): boolean {
  return after.some(({ end }) => {
    const gap = /^\s*(?:[:：\-–]\s*)?(?:là\s+|la\s+|is\s+)?/u.exec(s.text.slice(end))![0].length;
    const at = end + gap;
    if (OFFICIAL.find(s).some((o) => o.start === at)) return false;
    return personNameEnd(s.text, at, {}) !== undefined;
  });
}

function privatePayment(s: View, next: View | undefined): Verdict | undefined {
  if (!PAYMENT.has(s)) return undefined;
  const account = ACCOUNT.has(s) || E_WALLET.has(s);
  const holder = [s, next].filter((v): v is View => v !== undefined).some((v) => namesPerson(v, HOLDER.find(v)));
  if (account && holder) return { category: 'private-payment', rule: 'planted.payment-person-holder', reason: 'asks for payment into an account held by a person' };
  const toPerson = PERSON_TITLE.find(s).filter((t) => /(?:cho|của|cua|to)\s+$/iu.test(s.text.slice(Math.max(0, t.start - 6), t.start)));
  if (toPerson.length && MONEY.has(s) && namesPerson(s, toPerson)) return { category: 'private-payment', rule: 'planted.payment-to-person', reason: 'asks for payment to a named person' };
  const number = ACCOUNT_NUMBER.test(s.text) || MOBILE.test(s.text);
  if (E_WALLET.has(s) && number) return { category: 'private-payment', rule: 'planted.payment-e-wallet', reason: 'asks for payment into a personal e-wallet' };
  if (account && number && !OFFICIAL.has(s) && !(next && OFFICIAL.has(next) && HOLDER.has(next))) {
    return { category: 'private-payment', rule: 'planted.payment-unofficial-account', reason: 'asks for payment into an account that names no state body' };
  }
  return undefined;
}

function documentsOverChat(s: View): Verdict | undefined {
  if (!SEND.has(s) || !DOCUMENT.has(s)) return undefined;
  const official = OFFICIAL_CHANNEL.has(s) && OFFICIAL.has(s);
  const chat = CHAT.find(s);
  if (chat.length && !official) return { category: 'documents-over-chat', rule: 'planted.documents-chat-app', reason: 'asks for identity papers or files over a chat app or a personal channel' };
  if (MOBILE.test(s.text) || personalMail(s.text)) {
    return { category: 'documents-over-chat', rule: 'planted.documents-personal-contact', reason: 'asks for identity papers or files at a mobile number or personal mailbox' };
  }
  const toPerson = PERSON_TITLE.find(s).filter((t) => /(?:cho|tới|đến|toi|den|to)\s+$/iu.test(s.text.slice(Math.max(0, t.start - 6), t.start)));
  if (toPerson.length && namesPerson(s, toPerson)) return { category: 'documents-over-chat', rule: 'planted.documents-to-person', reason: 'asks for identity papers or files to be sent to a named person' };
  return undefined;
}

function fastTrackContact(s: View): Verdict | undefined {
  if (!FAST.has(s)) return undefined;
  const reachable = ANY_PHONE.test(s.text) || CHAT.has(s) || personalMail(s.text) || namesPerson(s, PERSON_TITLE.find(s));
  if (reachable && (CONTACT.has(s) || ANY_PHONE.test(s.text))) {
    return { category: 'fast-track-contact', rule: 'planted.fast-track', reason: 'offers faster service through a personal contact' };
  }
  return undefined;
}

type Checker = (s: View, next: View | undefined) => Verdict | undefined;

/**
 * The checks worth running on a text, from cues it must contain for each: most passages
 * (a fee, a list of papers) contain none, and are cleared with a few scans.
 */
function checksFor(v: View): Checker[] {
  const out: Checker[] = [];
  if (injectionRuleOf(v.text) || ROLE_MARKER_ANYWHERE.test(v.text) || BRACKETED_ROLE.test(v.text) || CHAT_TEMPLATE.test(v.text)
    || ASSISTANT.has(v) || WHEN_ASKED.has(v) || FROM_NOW.has(v)) out.push((s) => assistantDirective(s));
  if (PAYMENT.has(v) && (ACCOUNT.has(v) || E_WALLET.has(v) || PERSON_TITLE.has(v))) out.push(privatePayment);
  if (SEND.has(v) && DOCUMENT.has(v) && (CHAT.has(v) || MOBILE.test(v.text) || personalMail(v.text) || PERSON_TITLE.has(v))) {
    out.push((s) => documentsOverChat(s));
  }
  if (FAST.has(v)) out.push((s) => fastTrackContact(s));
  return out;
}

function firstVerdict(checks: Checker[], s: View, next: View | undefined): Verdict | undefined {
  for (const check of checks) {
    const verdict = check(s, next);
    if (verdict) return verdict;
  }
  return undefined;
}

/**
 * The planted instruction that one sentence carries, if any (see the module comment).
 * `next`: the following sentence, read for a payment's account holder.
 */
export function plantedInstructionIn(sentence: string, next?: string): Verdict | undefined {
  const s = viewOf(sentence);
  const nextView = next === undefined ? undefined : viewOf(next);
  const checks = checksFor(nextView ? viewOf(`${sentence}\n${next}`) : s);
  return checks.length ? firstVerdict(checks, s, nextView) : undefined;
}

/** Sentence spans of `text`: cut after `.`, `!`, `?`, `…`, `;` followed by a space, and at line breaks. */
export function sentenceSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let from = 0;
  const push = (to: number): void => {
    const piece = text.slice(from, to);
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed) spans.push({ start: from + lead, end: from + lead + trimmed.length });
  };
  for (const m of text.matchAll(SENTENCE_END)) {
    const to = m.index + m[0].length;
    push(to);
    from = to;
  }
  push(text.length);
  return spans;
}

/**
 * Every planted instruction in `text` (a chunk or a whole document), as sentence spans with
 * their kind and rule, in order. Ordinary procedure text ("nộp lệ phí tại Kho bạc", "nộp hồ
 * sơ qua Cổng Dịch vụ công quốc gia", "liên hệ đường dây nóng của Sở") yields nothing.
 */
export function findPlantedInstructions(text: string): PlantedInstruction[] {
  const checks = checksFor(viewOf(text));
  if (checks.length === 0) return [];
  const spans = sentenceSpans(text);
  const views = spans.map((span) => viewOf(text.slice(span.start, span.end)));
  const out: PlantedInstruction[] = [];
  for (let i = 0; i < spans.length; i++) {
    const verdict = firstVerdict(checks, views[i]!, views[i + 1]);
    if (!verdict) continue;
    const holderNext = verdict.rule === 'planted.payment-person-holder' && views[i + 1] !== undefined && !HOLDER.has(views[i]!);
    out.push({ ...verdict, start: spans[i]!.start, end: holderNext ? spans[i + 1]!.end : spans[i]!.end });
  }
  return out;
}

/** The flags a chunk of `text` stores (see `Chunk.instructionFlags`): kind, rule and span of each planted instruction. */
export function instructionFlagsOf(text: string): InstructionFlag[] {
  return findPlantedInstructions(text).map(({ category, rule, start, end }) => ({ category, rule, start, end }));
}

/**
 * `text` without its planted instructions, for quoting a passage to a citizen or passing it
 * to a model: each flagged sentence is cut out. `flags` (stored at ingest) are used when
 * given; otherwise the text is checked now.
 */
export function withoutPlantedInstructions(text: string, flags?: readonly InstructionFlag[]): { text: string; removed: number } {
  const spans = [...(flags ?? instructionFlagsOf(text))].sort((a, b) => a.start - b.start);
  if (spans.length === 0) return { text, removed: 0 };
  let out = '';
  let copied = 0;
  for (const f of spans) {
    if (f.start < copied) continue;
    out += text.slice(copied, f.start);
    copied = f.end;
  }
  out += text.slice(copied);
  return { text: out.replace(/[ \t]{2,}/g, ' ').replace(/\n{3,}/g, '\n\n').trim(), removed: spans.length };
}

/**
 * Edits to the current draft asked for in chat: "thêm nơi nhận Sở Tài chính", "đổi thời hạn
 * thành 30/12/2026", "bỏ đoạn 2", "sửa đoạn 3 thành …", "sửa trích yếu thành …", "người ký là
 * Phó Giám đốc Nguyễn Văn B", "cơ quan chủ quản là UBND tỉnh Quảng Ngãi". A small grammar over
 * cue words kept as data (prompts/drafting/edits.vi.json); the server applies the edits
 * (revise.ts) and the widget uses the same parser to send an edit to the drafting service.
 */
import editCues from '../../prompts/drafting/edits.vi.json' with { type: 'json' };
import { matchAt, phrases, wordsOf, type Word } from './cue-phrases.ts';

/** One change to a draft. Paragraphs are numbered from 1 among the body's paragraphs that are not headings. */
export type DraftEdit =
  | { kind: 'add-recipients' | 'remove-recipients' | 'set-recipients'; recipients: string[] }
  | { kind: 'set-deadline'; deadline: string }
  | { kind: 'set-subject'; subject: string }
  | { kind: 'set-signer'; title?: string; name?: string }
  | { kind: 'remove-paragraph'; paragraph: number }
  | { kind: 'set-paragraph'; paragraph: number; text: string }
  | { kind: 'set-superior-body'; superiorBody: string };

type Action = 'add' | 'remove' | 'set';
type Target = keyof typeof editCues.targets;

const LEAD = phrases(editCues.leadWords);
const ACTIONS = phrases<Action>((Object.keys(editCues.actions) as Action[]).flatMap((a) => editCues.actions[a].map((phrase) => ({ phrase, value: a }))));
const TARGETS = phrases<Target>((Object.keys(editCues.targets) as Target[]).flatMap((t) => editCues.targets[t].map((phrase) => ({ phrase, value: t }))));
const LINKERS = phrases(editCues.linkers);
const TITLES = phrases(editCues.signerTitles);
const HONORIFICS = phrases(editCues.honorifics);

/** Trim spaces, quotes and the punctuation around a typed value. */
const cleanValue = (s: string) => s.trim().replace(/^[\s:,;.\-–"“”']+|[\s,;.\-–"“”']+$/gu, '').replace(/\s+/gu, ' ');
const pad = (n: string) => n.padStart(2, '0');

/** A deadline as typed, dates written dd/mm/yyyy; undefined when it holds no number (not a time or date). */
function deadlineValue(value: string): string | undefined {
  if (!/\d/u.test(value)) return undefined;
  return value.replace(/(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/gu, (_m, d: string, m: string, y: string) => `${pad(d)}/${pad(m)}/${y}`);
}

/** Recipients typed as a list ("Sở Tài chính, Sở Nội vụ"). */
function recipientList(value: string): string[] {
  return value.split(/\s*[,;]\s*/u).map(cleanValue).filter(Boolean);
}

/**
 * "Phó Giám đốc Nguyễn Văn B" → title and name: a known title (edits.vi.json) at the start,
 * else the run of two or more capitalised words at the end is the name ("… tỉnh Trần Phước
 * Hiền"); "ông", "bà", "đồng chí" before the name are dropped.
 */
export function splitSigner(value: string): { title?: string; name?: string } {
  const { text, words } = wordsOf(value);
  if (words.length === 0) return {};
  const capitalised = (w: Word) => /^\p{Lu}/u.test(text.slice(w.start, w.end));
  let k = words.length;
  while (k > 0 && capitalised(words[k - 1]!)) k -= 1;
  const nameRun = words.length - k >= 2 ? k : undefined;
  const known = matchAt(words, 0, TITLES)?.end;
  // A known title may go on before the name ("Phó Chủ tịch UBND tỉnh | Trần Phước Hiền").
  let titleEnd = known !== undefined ? Math.max(known, nameRun !== undefined && nameRun > known ? nameRun : known) : nameRun ?? words.length;
  // An honorific ends the title: "Chánh Văn phòng, đồng chí Lê Thị D".
  for (let p = known ?? 0; p < titleEnd; p++) {
    if (p > 0 && matchAt(words, p, HONORIFICS)) {
      titleEnd = p;
      break;
    }
  }
  let nameStart = titleEnd;
  for (let m = matchAt(words, nameStart, HONORIFICS); m; m = matchAt(words, nameStart, HONORIFICS)) nameStart = m.end;
  // An honorific typed before a name with no title ("ông Nguyễn Văn B") is not a title.
  let t = titleEnd;
  while (t > 0 && words.slice(0, t).every((_w, j) => matchAt(words, j, HONORIFICS))) t = 0;
  const title = t > 0 ? cleanValue(text.slice(words[0]!.start, words[t - 1]!.end)) : '';
  const name = nameStart < words.length ? cleanValue(text.slice(words[nameStart]!.start)) : '';
  return { ...(title ? { title } : {}), ...(name ? { name } : {}) };
}

function skipLead(words: readonly Word[], i: number): number {
  for (let n = 0; n < 4; n++) {
    const m = matchAt(words, i, LEAD);
    if (!m) break;
    i = m.end;
  }
  return i;
}

/** One clause: an action (optional) and a target, then the value. */
function parseClause(clause: string): DraftEdit | undefined {
  const { text, words } = wordsOf(clause);
  let i = skipLead(words, 0);
  const action = matchAt(words, i, ACTIONS);
  if (action) i = action.end;
  const target = matchAt(words, i, TARGETS);
  if (!target) return undefined;
  i = target.end;

  let paragraph: number | undefined;
  if (target.value === 'paragraph') {
    const w = words[i];
    if (!w || !/^\d{1,3}$/u.test(w.token)) return undefined;
    paragraph = Number(w.token);
    i += 1;
  }
  const linker = matchAt(words, i, LINKERS);
  if (linker) i = linker.end;
  // Without an action, only "<target> là/thành <value>" is an edit ("người ký là …").
  if (!action && !linker) return undefined;
  const rest = i < words.length ? text.slice(words[i]!.start) : '';
  const value = cleanValue(rest.replace(/^[:\s]+/u, ''));
  const verb = action?.value ?? 'set';

  switch (target.value) {
    case 'recipients': {
      const recipients = recipientList(value);
      if (!recipients.length) return undefined;
      return { kind: verb === 'add' ? 'add-recipients' : verb === 'remove' ? 'remove-recipients' : 'set-recipients', recipients };
    }
    case 'deadline': {
      const deadline = verb === 'set' ? deadlineValue(value) : undefined;
      return deadline ? { kind: 'set-deadline', deadline } : undefined;
    }
    case 'subject':
      return verb === 'set' && value ? { kind: 'set-subject', subject: value } : undefined;
    case 'signer': {
      if (verb !== 'set' || !value) return undefined;
      const signer = splitSigner(value);
      return signer.title || signer.name ? { kind: 'set-signer', ...signer } : undefined;
    }
    case 'paragraph':
      if (verb === 'remove' && !value) return { kind: 'remove-paragraph', paragraph: paragraph! };
      if (verb === 'set' && linker && value) return { kind: 'set-paragraph', paragraph: paragraph!, text: rest.trim() };
      return undefined;
    case 'superiorBody':
      return verb === 'set' && value ? { kind: 'set-superior-body', superiorBody: value } : undefined;
  }
}

/**
 * The edits a chat message asks of the current draft, in order; undefined when the message
 * is not an edit (or any clause of it is not understood). A message ending in "?" is a
 * question, never an edit.
 */
export function parseDraftEdits(message: string): DraftEdit[] | undefined {
  const text = message.normalize('NFC').trim();
  if (!text || /\?\s*$/u.test(text)) return undefined;
  const edits: DraftEdit[] = [];
  for (const piece of text.split(/\s*(?:;|\n)\s*/u).filter(Boolean)) {
    const edit = parseClause(piece);
    if (edit) {
      edits.push(edit);
      continue;
    }
    // A piece that is no edit on its own continues the previous one ("thêm nơi nhận Sở Tài chính; Sở Nội vụ").
    const merged = edits.length ? mergeInto(edits[edits.length - 1]!, piece) : undefined;
    if (!merged) return undefined;
    edits[edits.length - 1] = merged;
  }
  return edits.length ? edits : undefined;
}

/** A piece after ";" that continues a recipients edit: more recipients. */
function mergeInto(edit: DraftEdit, piece: string): DraftEdit | undefined {
  if (edit.kind !== 'add-recipients' && edit.kind !== 'remove-recipients' && edit.kind !== 'set-recipients') return undefined;
  const more = recipientList(piece);
  return more.length ? { ...edit, recipients: [...edit.recipients, ...more] } : undefined;
}

/** Whether `message` asks to edit the current draft (see {@link parseDraftEdits}). */
export function isDraftEdit(message: string): boolean {
  return parseDraftEdits(message) !== undefined;
}

/**
 * Versions of a draft: the structured state a draft is rendered from (the official's fields,
 * the quoted facts, the paragraphs they removed or rewrote, or the model's body), and the
 * edits asked in chat (edits.ts) applied to it. Each applied edit says in Vietnamese what
 * changed (prompts/drafting/edit-replies.vi.json); an edit that cannot apply says why and changes
 * nothing. Paragraphs are named by stable keys (compose.ts), so removing paragraph 2 and then
 * changing the deadline keeps paragraph 2 removed.
 */
import { foldDiacritics } from '../text/fold.ts';
import { composeKeyed, factKey, type DraftFact } from './compose.ts';
import type { DraftEdit } from './edits.ts';
import type { Draft, DraftFields, DraftParagraph } from './model.ts';
import { DRAFT_EDIT_REPLIES, fill, ND30_RULES } from './rules.ts';

/** What a draft is rendered from. Plain data, kept per conversation by the server. */
export interface DraftState {
  fields: DraftFields;
  /** The facts retrieved for the draft, in citation order. */
  facts: DraftFact[];
  /** Keys of body paragraphs the official removed. */
  removed: string[];
  /** Body paragraphs the official rewrote, by key. */
  rewritten: Record<string, string>;
  /** The body a language model wrote, used instead of the template's (keys `model:<i>`). */
  written?: DraftParagraph[];
}

/** A new draft's state. */
export function initialState(fields: DraftFields, facts: DraftFact[], written?: DraftParagraph[]): DraftState {
  return { fields, facts, removed: [], rewritten: {}, ...(written ? { written } : {}) };
}

/** The draft of `state`, and the key of each body paragraph. */
export function renderDraft(state: DraftState, opts: { today?: string } = {}): { draft: Draft; keys: string[] } {
  const removed = new Set(state.removed);
  const facts = state.facts.filter((f) => !removed.has(factKey(f)));
  const composed = composeKeyed(state.fields, facts, opts);
  let draft = composed.draft;
  let keyed = draft.body.map((p, i) => ({ p, key: composed.keys[i]! }));
  if (state.written) {
    // The model saw the facts numbered 1…n in this order; its citations follow that numbering.
    draft = { ...draft, citations: state.facts.map((f, i) => ({ ...f.citation, n: i + 1 })) };
    keyed = state.written.map((p, i) => ({ p, key: `model:${i}` }));
  }
  const body: DraftParagraph[] = [];
  const keys: string[] = [];
  for (const { p, key } of keyed) {
    if (removed.has(key)) continue;
    const text = state.rewritten[key];
    body.push(text === undefined ? p : { text, level: p.level });
    keys.push(key);
  }
  const used = new Set(body.flatMap((p) => p.citations ?? []));
  return { draft: { ...draft, body, citations: draft.citations.filter((c) => used.has(c.n)) }, keys };
}

/** The body paragraphs an official counts ("đoạn 2"): the ones that are not headings, numbered from 1, as indices into `body`. */
export function countedParagraphs(body: readonly DraftParagraph[]): number[] {
  return body.flatMap((p, i) => (p.level === 0 ? [i] : []));
}

const fold = (s: string) => foldDiacritics(s.normalize('NFC').toLocaleLowerCase('vi')).replace(/\s+/gu, ' ').trim();
const CHANGES = DRAFT_EDIT_REPLIES.changes;
const PROBLEMS = DRAFT_EDIT_REPLIES.problems;
const DEPUTY = ND30_RULES.signingAuthorities.deputy;
const upper = (s: string) => s.trim().toLocaleUpperCase('vi');
const short = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max).replace(/\s+\S*$/u, '')} …` : s);

/** The signer's fields after a change of title: a deputy ("PHÓ GIÁM ĐỐC") signs KT. for the head (Điều 13). */
function signer(fields: DraftFields, title: string | undefined, name: string | undefined): DraftFields {
  const out: DraftFields = { ...fields, ...(name ? { signerName: name } : {}) };
  if (!title) return out;
  out.signerTitle = upper(title);
  const authority = fields.signingAuthority ?? '';
  if (authority && authority !== DEPUTY.authority) return out;
  if (out.signerTitle.startsWith(DEPUTY.titlePrefix)) {
    out.signingAuthority = DEPUTY.authority as DraftFields['signingAuthority'];
    out.onBehalfOf = out.signerTitle.slice(DEPUTY.titlePrefix.length).trim();
  } else {
    delete out.signingAuthority;
    delete out.onBehalfOf;
  }
  return out;
}

function signatureText(f: DraftFields): string {
  const authority = f.signingAuthority ? `${f.signingAuthority} ${f.onBehalfOf ?? ''}`.trim() : '';
  return [authority, f.signerTitle, f.signerName].filter(Boolean).join(', ');
}

/** The result of applying edits: the new state and what changed, or why nothing could change. */
export type Revision = { ok: true; state: DraftState; changes: string[] } | { ok: false; problem: string };

/**
 * Apply `edits` in order to `state`, numbering paragraphs as the current draft shows them.
 * All or nothing: the first edit that cannot apply stops the revision.
 */
export function applyEdits(state: DraftState, edits: readonly DraftEdit[], opts: { today?: string } = {}): Revision {
  let next: DraftState = { ...state, fields: { ...state.fields, recipients: [...state.fields.recipients] }, removed: [...state.removed], rewritten: { ...state.rewritten } };
  const changes: string[] = [];
  for (const edit of edits) {
    const f = next.fields;
    switch (edit.kind) {
      case 'add-recipients': {
        const known = new Set(f.recipients.map(fold));
        const added = edit.recipients.filter((r) => !known.has(fold(r)));
        f.recipients.push(...added);
        changes.push(fill(CHANGES['add-recipients'], { value: (added.length ? added : edit.recipients).join(', ') }));
        break;
      }
      case 'remove-recipients': {
        for (const r of edit.recipients) {
          let i = f.recipients.findIndex((x) => fold(x) === fold(r));
          if (i < 0) i = f.recipients.findIndex((x) => fold(x).includes(fold(r)));
          if (i < 0) return { ok: false, problem: fill(PROBLEMS['no-recipient'], { value: r }) };
          if (f.recipients.length === 1) return { ok: false, problem: fill(PROBLEMS['last-recipient'], { value: f.recipients[0] }) };
          f.recipients.splice(i, 1);
        }
        changes.push(fill(CHANGES['remove-recipients'], { value: edit.recipients.join(', ') }));
        break;
      }
      case 'set-recipients':
        f.recipients = [...edit.recipients];
        changes.push(fill(CHANGES['set-recipients'], { value: edit.recipients.join(', ') }));
        break;
      case 'set-deadline': {
        const before = f.deadline;
        f.deadline = edit.deadline;
        // A model-written body states the old deadline in its own words: the same text, replaced.
        if (next.written && before) next.written = next.written.map((p) => (p.citations?.length ? p : { ...p, text: p.text.split(before).join(edit.deadline) }));
        changes.push(fill(CHANGES['set-deadline'], { value: edit.deadline }));
        break;
      }
      case 'set-subject':
        f.subject = edit.subject.replace(/^(v\/v|về việc)\s+/iu, '');
        changes.push(fill(CHANGES['set-subject'], { value: f.subject }));
        break;
      case 'set-signer':
        next.fields = signer(f, edit.title, edit.name);
        changes.push(fill(CHANGES['set-signer'], { value: signatureText(next.fields) }));
        break;
      case 'set-superior-body':
        f.superiorBody = upper(edit.superiorBody);
        changes.push(fill(CHANGES['set-superior-body'], { value: f.superiorBody }));
        break;
      case 'remove-paragraph':
      case 'set-paragraph': {
        const { draft, keys } = renderDraft(next, opts);
        const counted = countedParagraphs(draft.body);
        const at = counted[edit.paragraph - 1];
        if (at === undefined) return { ok: false, problem: fill(PROBLEMS['no-paragraph'], { count: String(counted.length), n: String(edit.paragraph) }) };
        const key = keys[at]!;
        if (edit.kind === 'remove-paragraph') {
          next.removed.push(key);
          changes.push(fill(CHANGES['remove-paragraph'], { n: String(edit.paragraph), value: short(draft.body[at]!.text) }));
        } else {
          next.rewritten[key] = edit.text;
          changes.push(fill(CHANGES['set-paragraph'], { n: String(edit.paragraph) }));
        }
        break;
      }
    }
    next = { ...next };
  }
  return { ok: true, state: next, changes };
}

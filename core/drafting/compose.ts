/**
 * The embedded drafter (no language model): lays out a document of Decree 30/2020/NĐ-CP from the
 * official's fields, a per-type body template (prompts/drafting/templates.vi.json) and the facts
 * retrieved for the request. Facts become cited paragraphs; everything the official must write
 * is a bracketed placeholder. Nothing else is stated as fact.
 */
import type { Citation } from '../model.ts';
import type { Draft, DraftFields, DraftParagraph } from './model.ts';
import { numberLine, placeDateLine, signatureBlock, subjectLine, capitalizeFirst } from './format.ts';
import { nameInRunningText } from './names.ts';
import { DRAFT_TEMPLATES, fill, typeRule, typeTemplate, type TemplatePart } from './rules.ts';

export { missingFields } from './missing-fields.ts';
export { parseDraftRequest } from './parse-request.ts';

/** A body paragraph with the key that names it across versions. */
type KeyedParagraph = DraftParagraph & { key: string };

/** A retrieved passage and the citation of its source. */
export interface DraftFact {
  text: string;
  citation: Citation;
}

const placeholder = (what: string) => fill(DRAFT_TEMPLATES.placeholder, { what });
const store = DRAFT_TEMPLATES.storeLine;

/** Numbers citations in order of first use; the same passage (or, for căn cứ, the same document) reuses its number. */
class Sources {
  readonly items: Citation[] = [];
  private readonly keys = new Map<string, number>();
  add(c: Citation, key: string): number {
    const known = this.keys.get(key);
    if (known) return known;
    const n = this.items.length + 1;
    this.items.push({ ...c, n });
    this.keys.set(key, n);
    return n;
  }
}

function sourceName(c: Citation): string {
  return (c.label ?? c.title).trim();
}

/** The stable key of a quoted fact: its passage and its text (the same fact keeps its key across versions of a draft). */
export function factKey(f: DraftFact): string {
  return `fact:${f.citation.link}#${f.text.trim()}`;
}

function factParagraphs(mode: 'fact' | 'basis', facts: readonly DraftFact[], sources: Sources): KeyedParagraph[] {
  const out: KeyedParagraph[] = [];
  for (const f of facts) {
    const c = f.citation;
    if (mode === 'basis') {
      const before = sources.items.length;
      const n = sources.add(c, `doc:${c.docId}`);
      if (sources.items.length === before) continue;
      out.push({ key: `basis:${c.docId}`, text: fill(DRAFT_TEMPLATES.basis, { source: sourceName(c), n: String(n) }), level: 0, citations: [n] });
      continue;
    }
    const text = f.text.trim().replace(/^[“"]|[”"]$/g, '');
    const n = sources.add(c, `${c.docId}#${c.section}#${text}`);
    const pattern = c.section?.trim() ? DRAFT_TEMPLATES.fact : DRAFT_TEMPLATES.factNoSection;
    out.push({ key: factKey(f), text: fill(pattern, { source: sourceName(c), section: c.section?.trim(), text, n: String(n) }), level: 0, citations: [n] });
  }
  return out;
}

/** Title of the person or collective with the power to issue, for the line above a quyết định's căn cứ. */
function issuingHead(fields: DraftFields): string {
  const body = fields.issuingBody.trim().toLocaleUpperCase('vi');
  if (fields.signingAuthority === 'TM.') return body;
  const head = (fields.signingAuthority ? fields.onBehalfOf : fields.signerTitle)?.trim().toLocaleUpperCase('vi');
  return head ? `${head} ${body}` : body;
}

function level(n: number | undefined): DraftParagraph['level'] {
  return n === 1 || n === 2 || n === 3 ? n : 0;
}

/**
 * The deadline as the templates use it after "trước ngày": an ISO date becomes dd/mm/yyyy
 * (the decree's written form), and a leading "ngày" typed by the official is dropped so the
 * text never reads "ngày ngày".
 */
export function deadlineText(deadline: string | undefined): string | undefined {
  const text = deadline?.trim().replace(/^ngày\s+/i, '');
  if (!text) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : text;
}

function body(fields: DraftFields, facts: readonly DraftFact[], sources: Sources): KeyedParagraph[] {
  const subject = fields.subject.trim().replace(/^(v\/v|về việc)\s+/i, '').replace(/[.;:]+$/, '');
  const values: Record<string, string | undefined> = {
    issuer: fields.issuingBodyName?.trim() || nameInRunningText(fields.issuingBody),
    recipients: fields.recipients.length ? fields.recipients.join(', ') : undefined,
    subject: subject || undefined,
    subjectSentence: subject ? capitalizeFirst(subject) : undefined,
    deadline: deadlineText(fields.deadline),
    head: issuingHead(fields),
  };
  const missingName: Record<string, string> = { recipients: 'nơi nhận', subject: 'trích yếu', subjectSentence: 'nội dung cuộc họp', deadline: 'thời hạn' };
  const out: KeyedParagraph[] = [];
  const wrap = (p: TemplatePart, s: string) => `${p.prefix ?? ''}${s}${p.suffix ?? ''}`;

  for (const [i, part] of typeTemplate(fields.type).entries()) {
    const key = `part:${i}`;
    if (part.facts) {
      const ps = factParagraphs(part.facts, facts, sources);
      if (ps.length && part.lead) out.push({ key, text: placeholder(part.lead), level: 0, placeholder: true });
      if (ps.length) out.push(...ps);
      else if (part.whenNone) out.push({ key, text: placeholder(part.whenNone), level: 0, placeholder: true });
      continue;
    }
    if (part.placeholder) {
      out.push({ key, text: wrap(part, placeholder(fill(part.placeholder, { subject: values.subject ?? '…' }))), level: level(part.level), placeholder: true });
      continue;
    }
    if (!part.text) continue;
    if (part.needs && !values[part.needs]) {
      if (part.whenMissing) out.push({ key, text: wrap(part, placeholder(part.whenMissing)), level: 0, placeholder: true });
      continue;
    }
    let missing = false;
    const text = part.text.replace(/\{(\w+)\}/g, (_w, key: string) => {
      const v = values[key];
      if (v) return v;
      missing = true;
      return placeholder(missingName[key] ?? key);
    });
    out.push({ key, text: wrap(part, text), level: level(part.level), ...(missing ? { placeholder: true } : {}) });
  }
  return out;
}

function salutation(fields: DraftFields): string[] {
  if (!typeRule(fields.type).salutation) return [];
  const r = fields.recipients.map((x) => x.trim()).filter(Boolean);
  if (r.length === 0) return [`Kính gửi: ${placeholder('nơi nhận')}`];
  if (r.length === 1) return [`Kính gửi: ${r[0]}`];
  return ['Kính gửi:', ...r.map((x, i) => `- ${x}${i < r.length - 1 ? ';' : '.'}`)];
}

function recipientsBlock(fields: DraftFields): string[] {
  const rule = typeRule(fields.type);
  const r = fields.recipients.map((x) => x.trim()).filter(Boolean);
  const lines = rule.salutation
    ? (r.length ? rule.recipientsLead : []).map((x) => `- ${x};`)
    : [...rule.recipientsLead.map((x) => `- ${x};`), ...r.map((x) => `- ${x};`)];
  const unit = fields.draftingUnitCode?.trim();
  lines.push(`- ${store}${unit ? `, ${unit.toLocaleUpperCase('vi')}` : ''}.`);
  return lines;
}

/**
 * Write a draft of `fields.type` in the decree's format. `facts` are retrieved passages; each
 * becomes a paragraph citing its source, numbered as in `citations`. `opts.today` (ISO) gives the
 * year of the date line when `fields.date` is absent.
 */
export function composeDraft(fields: DraftFields, facts: ReadonlyArray<DraftFact>, opts: { today?: string } = {}): Draft {
  return composeKeyed(fields, facts, opts).draft;
}

/**
 * {@link composeDraft} with a stable key for each body paragraph, in body order: `part:<i>`
 * for the template's i-th part, `fact:…` for a quoted fact, `basis:<docId>` for a căn cứ line.
 * Edits in chat (revise.ts) name paragraphs by these keys, so they survive a re-composition.
 */
export function composeKeyed(fields: DraftFields, facts: ReadonlyArray<DraftFact>, opts: { today?: string } = {}): { draft: Draft; keys: string[] } {
  const sources = new Sources();
  const keyed = body(fields, facts, sources);
  const keys = keyed.map((p) => p.key);
  const paragraphs = keyed.map(({ key: _key, ...p }) => p);
  const draft: Draft = {
    fields,
    numberLine: numberLine(fields),
    placeDateLine: placeDateLine(fields.place, fields.date, opts.today),
    typeName: typeRule(fields.type).typeName,
    subjectLine: subjectLine(fields),
    salutation: salutation(fields),
    body: paragraphs,
    signature: signatureBlock(fields),
    recipientsBlock: recipientsBlock(fields),
    draftMark: true,
    citations: sources.items,
  };
  return { draft, keys };
}

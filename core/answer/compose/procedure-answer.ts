/**
 * The answer to a procedure question, built only from the procedure's own field chunks:
 * one plain line naming the procedure, then the field's facts as the catalogue states
 * them (per submission channel where they differ), each sentence ending with its `[n]`.
 * Figures are never computed or rephrased: every value is copied from the cited quote.
 */
import type { Chunk, DocumentRecord } from '../../model.ts';
import type { Channel } from '../../structure/procedure-tables.ts';
import type { CitationList } from '../ground/citations.ts';
import { procedureDisplayName, quoteAround, withMark } from '../ground/citations.ts';
import type { FieldIntent } from '../understand/intent.ts';
import { fill, MESSAGES_VI } from '../messages.ts';
import {
  FALLBACK_LABELS, FIELD_LABELS, GENERAL_LABEL, fieldChunks, fieldText, groupByChannel, isUnknown, parseChannelValues,
  procedureNameOf,
} from './procedure-fields.ts';
import { PAPER_LABELS_VI, paperChecklist, plainPapers, type PaperRow } from './paper-list.ts';
import { asLine, fieldLines, keptPapers, type Row } from './field-lines.ts';
import { feeFactLines, placeFactLines, timeFactLines, type FactContext, type FactLines } from './procedure-fact-fields.ts';
import { passageTerms } from '../retrieve/coverage.ts';
import { clip } from './sentences.ts';
import type { QuestionAnalysis } from '../understand/question.ts';
import { asksDeadline, relatedTimeFacts } from './related-facts.ts';
import type { ChecklistItem, ProcedureIntent } from '../types.ts';
import { LINE_MAX_CHARS, MAX_FIELD_LINES, MAX_PAPER_LINES, OVERVIEW_LINES, PROCEDURE_QUOTE_MAX_CHARS } from '../tuning.ts';

const M = MESSAGES_VI.procedure;

/** What a procedure answer is built from. */
export interface ProcedureAnswerInput {
  doc: DocumentRecord;
  /** All chunks of the procedure, in document order. */
  chunks: readonly Chunk[];
  intents: readonly ProcedureIntent[];
  /** Submission channels the question names; the answer keeps to them when the data has them. */
  channels: readonly Channel[];
  citations: CitationList;
  /** The analysed question, when the answer may add facts from related fields (related-facts.ts). */
  question?: QuestionAnalysis;
  /** The day asked (ISO `YYYY-MM-DD`): which dated fee applies. Default: the fee as undated. */
  asOf?: string;
  /**
   * The province's own resolution on the fee, found in the index when the catalogue leaves
   * the fee to the HĐND (retrieve/provincial-fee.ts): a passage stating it.
   */
  provincialFee?: { doc: DocumentRecord; chunk: Chunk; quote: string; text: string };
}

/** A procedure answer: its text, and the papers as a printable checklist when it lists them. */
export interface ProcedureAnswer {
  text: string;
  checklist?: ChecklistItem[];
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

class Composer {
  readonly lines: string[] = [];
  private askDesk = false;
  readonly name: string;

  checklist?: ChecklistItem[];

  constructor(private readonly input: ProcedureAnswerInput) {
    this.name = procedureDisplayName(procedureNameOf(input.chunks[0] ?? { text: input.doc.title, headingTrail: [] }));
  }

  /** Cite a field chunk; returns its number and the field text of the quote. */
  private cite(chunk: Chunk): { n: number; field: string } {
    const quote = quoteAround(chunk.text, [], PROCEDURE_QUOTE_MAX_CHARS);
    return { n: this.input.citations.cite(chunk, this.input.doc, quote), field: fieldText(quote, chunk.sectionLabel) };
  }

  /** The fact fields' view of this answer, when the document carries typed fields. */
  private facts(): FactContext | undefined {
    const facts = this.input.doc.procedure;
    if (!facts) return undefined;
    return {
      name: this.name, facts, asOf: this.input.asOf ?? '', channels: this.input.channels,
      citeField: (labels) => {
        const chunks = fieldChunks(this.input.chunks, labels);
        return chunks.length > 0 ? chunks.map((c) => this.cite(c).n)[0] : undefined;
      },
    };
  }

  /** Add a part read from the typed fields; false when there is none (the text is read instead). */
  private fromFacts(part: FactLines | undefined): boolean {
    if (!part || part.lines.length === 0) return false;
    this.lines.push(...part.lines);
    if (part.askDesk) this.askDesk = true;
    if (part.hdnd) this.provincialFee();
    if (part.timeUnknown) this.relatedDeadlines(true);
    else if (part.lines.length > 0 && this.input.question && asksDeadline(this.input.question)) this.relatedDeadlines(false);
    return true;
  }

  /** The province's own resolution on the fee, when one was found. */
  private provincialFee(): void {
    const found = this.input.provincialFee;
    if (!found) return;
    const n = this.input.citations.cite(found.chunk, found.doc, found.quote);
    // The resolution's number and date are on its citation; the line states only what its quote holds.
    this.lines.push(withMark(`${MESSAGES_VI.fee.provincial}: ${clip(found.text, LINE_MAX_CHARS).replace(/[.;:]$/u, '')}.`, n));
  }

  private missing(intent: FieldIntent): void {
    const general = fieldChunks(this.input.chunks, [GENERAL_LABEL])[0] ?? this.input.chunks[0];
    const text = fill(M.missing, { field: M.field[intent], name: this.name });
    this.lines.push(general ? withMark(`${text}.`, this.cite(general).n) : `${text}.`);
    this.askDesk = true;
  }

  /** Deadline or fee, grouped by submission channel. */
  private channelField(intent: 'fee' | 'time'): void {
    const ctx = this.facts();
    if (ctx && ctx.asOf && this.fromFacts(intent === 'fee' ? feeFactLines(ctx) : timeFactLines(ctx))) return;
    // Typed fields without a value for it: the catalogue has none (its text would only repeat the fee).
    if (ctx && intent === 'time' && !ctx.facts.times.some((t) => t.value !== undefined || t.text)) {
      this.missing(intent);
      this.relatedDeadlines(true);
      return;
    }
    const chunk = fieldChunks(this.input.chunks, FIELD_LABELS[intent])[0];
    if (!chunk) {
      const unknown = this.listField(intent, FALLBACK_LABELS[intent] ?? [], MAX_FIELD_LINES, true);
      if (intent === 'time') this.relatedDeadlines(unknown);
      return;
    }
    const { n, field } = this.cite(chunk);
    const values = parseChannelValues(field).map((v) => ({ ...v, value: intent === 'fee' ? v.value.replace(/^lệ phí /u, '') : v.value }));
    let groups = groupByChannel(values);
    const asked = [...groups.keys()].filter((c) => c !== '' && this.input.channels.includes(c));
    if (asked.length > 0) groups = new Map(asked.map((c) => [c, groups.get(c)!]));
    const lists = [...groups.values()];
    const alike = lists.every((l) => l.join('\n') === lists[0]!.join('\n'));
    const joined = (l: readonly string[]): string => l.join(' hoặc ') + (l.length > 1 ? ` (${M.oneOf})` : '');
    const channelName = (c: Channel): string => (M.channel as Record<string, string>)[c] ?? c.toLowerCase();
    if (alike && lists[0]) {
      const channels = [...groups.keys()].filter((c): c is Channel => c !== '');
      const applies = channels.length ? ` (${fill(M.appliesTo, { channels: channels.map(channelName).join(', ') })})` : '';
      this.lines.push(withMark(`${fill(M.same[intent], { name: this.name, value: joined(lists[0]) })}${applies}.`, n));
    } else {
      this.lines.push(withMark(`${fill(M.intro[intent], { name: this.name })} ${M.byChannel}:`, n));
      for (const [channel, list] of groups) {
        this.lines.push(withMark(`- ${channel ? capitalize(channelName(channel)) : ''}${channel ? ': ' : ''}${joined(list)}`, n));
      }
    }
    if (values.every((v) => isUnknown(v.value))) this.askDesk = true;
    if (intent === 'time') this.relatedDeadlines(values.some((v) => isUnknown(v.value)));
  }

  /**
   * The citizen's own deadline from a related field, when the question asks for one; or,
   * when the deadline field lacks a time for some channel, the time the steps give for what is asked
   * ("cấp Giấy chứng nhận … trong thời hạn 03 ngày làm việc").
   */
  private relatedDeadlines(fieldUnknown: boolean): void {
    const q = this.input.question;
    if (!q || !(fieldUnknown || asksDeadline(q))) return;
    for (const fact of relatedTimeFacts(q, this.input.chunks)) {
      const quote = quoteAround(fact.chunk.text, [fact.span], PROCEDURE_QUOTE_MAX_CHARS);
      const n = this.input.citations.cite(fact.chunk, this.input.doc, quote);
      this.lines.push(withMark(`${fact.chunk.sectionLabel}: ${clip(fact.text, LINE_MAX_CHARS).replace(/[.;:]$/u, '')}.`, n));
    }
  }

  /**
   * The papers of the dossier told plainly (paper-list.ts): papers to hand in or show by
   * case, a few notes, a pointer to the full list. Chunks are cited in the order shown.
   * False when the field lists no such paper.
   */
  private plainPapersField(): boolean {
    const chunks = fieldChunks(this.input.chunks, FIELD_LABELS.papers);
    const rows: PaperRow[] = [];
    chunks.forEach((chunk, i) => {
      const field = fieldText(chunk.text, chunk.sectionLabel);
      for (const line of field.split('\n').map((l) => l.trim()).filter(Boolean)) rows.push({ text: line, n: i });
    });
    const plain = plainPapers(rows, this.situationWords());
    if (!plain) return false;
    const checklist = paperChecklist(rows);
    if (checklist.length > 0) this.checklist = checklist;
    const n = (row: PaperRow): number => this.cite(chunks[row.n]!).n;
    const first = plain.groups[0]?.caption ?? plain.groups[0]?.papers[0];
    this.lines.push(withMark(`${fill(M.intro.papers, { name: this.name })}:`, n(first!)));
    for (const g of plain.groups) {
      if (g.caption) this.lines.push(withMark(`${g.caption.text}:`, n(g.caption)));
      for (const p of g.papers) this.lines.push(withMark(`- ${p.text}`, n(p)));
    }
    if (plain.notes.length > 0) {
      this.lines.push(`${PAPER_LABELS_VI.notes}:`);
      for (const note of plain.notes) this.lines.push(withMark(`- ${note.text}`, n(note)));
    }
    if (plain.shortened) this.lines.push(withMark(`${PAPER_LABELS_VI.full}.`, this.cite(chunks[0]!).n));
    return true;
  }

  /** The question's content words that the procedure's name does not hold: the asker's own situation. */
  private situationWords(): Set<string> {
    const q = this.input.question;
    if (!q) return new Set();
    const named = passageTerms(this.input.doc.title);
    return new Set(q.content.map((i) => q.tokens[i]!.folded).filter((w) => !named.has(w)));
  }

  /**
   * A field shown as its lines (papers, steps, agencies …), at most `maxLines`. True when
   * the field is missing or one of its lines has no information.
   */
  private listField(intent: FieldIntent, labels: readonly string[], maxLines: number, firstSentenceOnly = false): boolean {
    const chunks = fieldChunks(this.input.chunks, labels);
    if (chunks.length === 0) {
      this.missing(intent);
      return true;
    }
    let unknown = false;
    const rows: Row[] = [];
    for (const chunk of chunks) {
      const { n, field } = this.cite(chunk);
      let items = fieldLines(field, firstSentenceOnly);
      // "có nộp qua bưu điện được không?": the rows of the channels asked, when the field has them.
      if (intent === 'channels' && this.input.channels.length > 0) {
        const asked = items.filter((i) => this.input.channels.some((c) => i.startsWith(`${c}:`)));
        if (asked.length > 0) items = asked;
      }
      const labelled = labels.length > 1 && items.length === 1 && !/^[^:]{2,40}: /u.test(items[0]!);
      for (const item of items) rows.push({ text: labelled ? `${chunk.sectionLabel}: ${item}` : item, n });
      if (items.some((i) => isUnknown(i))) unknown = true;
    }
    if (unknown) this.askDesk = true;
    this.lines.push(withMark(`${fill(M.intro[intent], { name: this.name })}:`, rows[0]?.n ?? this.cite(chunks[0]!).n));
    const shown = intent === 'papers' && maxLines === MAX_FIELD_LINES ? keptPapers(rows, MAX_PAPER_LINES) : rows.slice(0, maxLines);
    for (const row of shown) this.lines.push(withMark(asLine(row.text), row.n));
    if (shown.length < rows.length) this.lines.push(withMark(`${M.more}.`, shown[shown.length - 1]?.n ?? rows[0]!.n));
    return unknown;
  }

  field(intent: FieldIntent, compact: boolean): void {
    const ctx = intent === 'place' ? this.facts() : undefined;
    if (ctx && this.fromFacts(placeFactLines(ctx))) return;
    if (intent === 'fee' || intent === 'time') this.channelField(intent);
    else if (intent === 'papers' && !compact && this.plainPapersField()) return;
    else this.listField(intent, FIELD_LABELS[intent], compact ? OVERVIEW_LINES : MAX_FIELD_LINES);
  }

  overview(): void {
    const general = fieldChunks(this.input.chunks, [GENERAL_LABEL])[0] ?? this.input.chunks[0];
    if (general) this.lines.push(withMark(`${fill(M.intro.overview, { name: this.name })}:`, this.cite(general).n));
    const parts: FieldIntent[] = ['time', 'fee', 'place', 'papers'];
    const facts = this.input.doc.procedure;
    for (const intent of parts) {
      // With typed fields, an overview leaves out what the catalogue does not state.
      if (facts && intent === 'time' && !facts.times.some((t) => t.value !== undefined || t.text)) continue;
      const present = fieldChunks(this.input.chunks, [...FIELD_LABELS[intent], ...(FALLBACK_LABELS[intent] ?? [])]).length > 0;
      if (present) this.field(intent, true);
    }
  }

  finish(): string {
    if (this.askDesk) this.lines.push(M.askDesk);
    // The same line twice (a field read for two intents, a note shared by two fields) is said once.
    const seen = new Set<string>();
    return this.lines.filter((l) => l === '' || (!seen.has(l) && seen.add(l))).join('\n').replace(/\n{3,}/gu, '\n\n');
  }
}

/** Compose the answer for the intents asked (`overview`: deadline, fee, place and papers). */
export function composeProcedureAnswer(input: ProcedureAnswerInput): string {
  return composeProcedure(input).text;
}

/** The answer for the intents asked, with the papers' checklist when it lists them. */
export function composeProcedure(input: ProcedureAnswerInput): ProcedureAnswer {
  const c = new Composer(input);
  let intents = input.intents.filter((i): i is FieldIntent => i !== 'overview');
  // "nộp online mất bao lâu": the channel narrows the deadline or fee; no separate channel list.
  if (input.channels.length > 0 && intents.some((i) => i === 'fee' || i === 'time')) intents = intents.filter((i) => i !== 'channels');
  if (intents.length === 0) c.overview();
  for (const [i, intent] of intents.entries()) {
    if (i > 0) c.lines.push('');
    c.field(intent, false);
  }
  const text = c.finish();
  return c.checklist ? { text, checklist: c.checklist } : { text };
}

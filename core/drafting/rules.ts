/**
 * Decree 30/2020/NĐ-CP rules and the drafting templates, loaded as data from prompts/drafting so
 * that every rule sits beside its source in the decree and wording is reviewed in one place.
 */
import nd30 from '../../prompts/drafting/nd30-rules.json' with { type: 'json' };
import templates from '../../prompts/drafting/templates.vi.json' with { type: 'json' };
import request from '../../prompts/drafting/request.vi.json' with { type: 'json' };
import replies from '../../prompts/drafting/edit-replies.vi.json' with { type: 'json' };
import intent from '../../prompts/drafting/intent.vi.json' with { type: 'json' };
import type { DraftType, SigningAuthority } from './model.ts';

/** The decree's rules (page, font, elements, abbreviations, per-type structure, checker messages). */
export const ND30_RULES = Object.freeze(nd30);
/** Body templates of the embedded drafter. */
export const DRAFT_TEMPLATES = Object.freeze(templates);
/** Keywords for reading a chat request and the questions for missing fields. */
export const DRAFT_REQUEST_VI = Object.freeze(request);
/** What the drafting service answers when a message is no edit it understands, or there is no draft to edit. */
export const DRAFT_MESSAGES = Object.freeze(replies.messages);
/** What the drafting service says it changed, or why it could not, for each edit. */
export const DRAFT_EDIT_REPLIES = Object.freeze(replies);
/** The words naming each document type in a request ("công văn", "thư mời"). */
export const DRAFT_TYPE_WORDS = Object.freeze(intent.typeWords);

/** One part of a body template (see prompts/drafting/templates.vi.json). */
export interface TemplatePart {
  text?: string;
  placeholder?: string;
  facts?: 'fact' | 'basis';
  whenNone?: string | null;
  /** A placeholder written before the facts, only when there are some (a quyết định's facts are material for its Điều 1). */
  lead?: string;
  needs?: 'deadline';
  whenMissing?: string;
  level?: number;
  prefix?: string;
  suffix?: string;
}

/** Per-type structure from the rules file. */
export interface TypeRule {
  typeName: string;
  subjectPrefix: string;
  salutation: boolean;
  yearInNumber: boolean;
  recipientsLead: string[];
  source: string;
}

export function typeRule(type: DraftType): TypeRule {
  return ND30_RULES.types[type];
}

export function typeTemplate(type: DraftType): readonly TemplatePart[] {
  return DRAFT_TEMPLATES.types[type] as readonly TemplatePart[];
}

/** Phụ lục III abbreviation of the type name; empty for a công văn. */
export function typeAbbreviation(type: DraftType): string {
  return ND30_RULES.typeAbbreviations.values[type];
}

export const SIGNING_AUTHORITIES: readonly Exclude<SigningAuthority, ''>[] =
  ND30_RULES.signingAuthorities.values as Exclude<SigningAuthority, ''>[];

export type CheckId = keyof typeof nd30.checks;

/** A checker rule: its Vietnamese message template and its source in the decree. */
export function checkRule(id: CheckId): { message: string; source: string } {
  return ND30_RULES.checks[id];
}

/** Replace `{name}` placeholders; unknown ones are left as written. */
export function fill(template: string, values: Record<string, string | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * The answerer's Vietnamese texts, kept in one catalogue (prompts/messages.vi.json) so that
 * wording is reviewed in one place and never hard-coded in logic.
 */
import data from '../../prompts/messages.vi.json' with { type: 'json' };

/** The catalogue as loaded; its shape is checked by the compiler against the JSON file. */
export const MESSAGES_VI = Object.freeze(data);

/** Replace `{name}` placeholders with values; unknown placeholders are left as written. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * The bodies a question names by a head and a name whose later words are in lower case
 * ("Sở Y tế", "Sở Nội vụ", "Bộ Công an"), which proper names (understand/proper-names.ts)
 * leave out. A body is told by the first two words of its name, as the documents write it
 * after the head or in a list of heads ("các Sở: Khoa học và Công nghệ, Xây dựng, Y tế").
 * The head is capitalised as in a name ("Sở Y tế", not "các sở, ban, ngành"). Abbreviated
 * names ("Sở KH&CN") are the dictionary's. The heads are in
 * prompts/cues/answerability.vi.json.
 */
import cues from '../../../prompts/cues/answerability.vi.json' with { type: 'json' };
import { nameForm } from './proper-names.ts';

const HEAD = new RegExp(`(?<![\\p{L}])(?:${cues.bodyHeads.map((h) => `${h[0]!.toUpperCase()}${h.slice(1)}`.replace(/ /gu, '\\s+')).sort((a, b) => b.length - a.length).join('|')})\\s+(\\p{Lu}\\p{Ll}*)\\s+(\\p{L}+)`, 'gu');

/** The bodies of `text`, each as the first two words of its name in nameForm without outer spaces. */
export function namedBodies(text: string): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFC').matchAll(HEAD)) {
    out.push(nameForm(`${m[1]} ${m[2]}`).trim());
  }
  return [...new Set(out)];
}

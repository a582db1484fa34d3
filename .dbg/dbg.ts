import { openIndex } from '../index/open-index.ts';
import { analyzeQuestion } from '../core/answer/understand/question.ts';
import { contentUnits } from '../core/answer/retrieve/coverage.ts';
import { rarityWeight } from '../core/answer/retrieve/term-rarity.ts';
import { retrieve, } from '../core/answer/retrieve/retrieve.ts';
import { matchTitle, questionTitleTerms } from '../core/answer/retrieve/title-match.ts';
import { expandTerms } from '../core/text/dictionary.ts';

const corpus = await openIndex('data/eval/full-index');
const weight = rarityWeight(corpus);
for (const text of process.argv.slice(2)) {
  const q = analyzeQuestion(text);
  const units = contentUnits(q, weight);
  const r = await retrieve(q, units, { question: text, role: 'citizen' } as never, corpus, weight, 10);
  console.log('\n###', text, '| intents', q.intents, '| exp', expandTerms(text), '| unseen', r.unseen);
  console.log('chosen', r.procedure ? `${r.procedure.doc.number} ${r.procedure.doc.title.slice(0, 80)} p=${r.procedure.precision.toFixed(2)} r=${r.procedure.recall.toFixed(2)} rm=${r.procedure.rareMissed}/${r.procedure.rareTotal}` : 'NONE');
  const wide = await corpus.search(`${text} ${expandTerms(text).join(' ')}`, { k: 12, perDoc: 1, types: ['thủ tục'] });
  const prepared = questionTitleTerms(q, units, weight);
  for (const h of wide) {
    const d = corpus.document(h.docId)!;
    const m = matchTitle(prepared, d.title);
    console.log(`  ${d.number} p=${m.precision.toFixed(2)} r=${m.recall.toFixed(2)} rm=${m.rareMissed}/${m.rareTotal} ${d.title.slice(0, 100)}`);
  }
}
if (process.env.UNITS) {
  const q = analyzeQuestion(process.argv[2]!);
  const units = contentUnits(q, weight);
  const prepared = questionTitleTerms(q, units, weight);
  prepared.units.forEach((u, i) => console.log(JSON.stringify(u.alternatives), u.weight.toFixed(2), prepared.rare[i]));
  console.log([...prepared.asked].join(' '));
}

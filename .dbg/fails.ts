import { runAnswerEval } from '../eval/answers.ts';
import { loadProcedureQuestions, PROCEDURE_FRESH_PATH } from '../eval/datasets/answer-datasets.ts';
const r = await runAnswerEval({ indexDir: 'data/eval/full-index', set: 'fresh', questions: await loadProcedureQuestions(PROCEDURE_FRESH_PATH), unanswerable: [] });
for (const f of r.failures) console.log('---', f.qid, f.kinds.join(','), f.detail.slice(0, 120), '\n  Q:', f.text, '\n  cited', f.cited.join(' '), 'gold', f.gold.join(' '), '\n  A:', f.answer.slice(0, 220));

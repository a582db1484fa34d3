/** Under a finished answer: copy it, and say whether it was right (recorded in the audit trail). */
import { h, uid } from './dom.ts';
import { T } from './strings.ts';
import { citationName, type AnswerPayload } from './types.ts';

/** Plain text of an answer for the clipboard: the text, then its sources. */
export function answerAsText(p: Pick<AnswerPayload, 'answer' | 'citations'>): string {
  const sources = p.citations.map((c) => `[${c.n}] ${citationName(c)}${c.section ? ` — ${c.section}` : ''}`);
  return sources.length ? `${p.answer}\n\n${T.sources}:\n${sources.join('\n')}` : p.answer;
}

/** POST /api/feedback; resolves to whether the server took it. */
export async function sendFeedback(server: string, exchangeId: string, useful: boolean, comment?: string): Promise<boolean> {
  try {
    const res = await fetch(`${server}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ exchangeId, useful, ...(comment ? { comment } : {}) }),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** The actions row for one answer. */
export function answerActions(p: AnswerPayload, server: string): HTMLElement {
  const status = h('span', { class: 'ack' });
  const say = (text: string): void => {
    status.textContent = text;
  };

  const copy = h('button', { type: 'button', class: 'abtn' }, T.copy);
  copy.addEventListener('click', () => {
    const clip = navigator.clipboard as Clipboard | undefined;
    if (!clip) return say(T.copyFailed);
    clip.writeText(answerAsText(p)).then(() => say(T.copied), () => say(T.copyFailed));
  });

  const row = h('div', { class: 'actions' }, copy);
  const exchangeId = p.exchangeId;
  if (exchangeId) {
    const promptId = uid('fb');
    const yes = h('button', { type: 'button', class: 'abtn', 'aria-pressed': 'false' }, T.useful);
    const no = h('button', { type: 'button', class: 'abtn', 'aria-pressed': 'false' }, T.notUseful);
    const group = h('span', { role: 'group', 'aria-labelledby': promptId, class: 'actions' },
      h('span', { id: promptId }, T.feedbackPrompt), yes, no);
    const choose = async (useful: boolean): Promise<void> => {
      yes.setAttribute('aria-pressed', String(useful));
      no.setAttribute('aria-pressed', String(!useful));
      const ok = await sendFeedback(server, exchangeId, useful);
      say(ok ? T.feedbackThanks : T.feedbackFailed);
      if (ok && !useful && !row.querySelector('.comment')) row.appendChild(commentForm(server, exchangeId, say));
    };
    yes.addEventListener('click', () => void choose(true));
    no.addEventListener('click', () => void choose(false));
    row.appendChild(group);
  }
  row.appendChild(status);
  return row;
}

function commentForm(server: string, exchangeId: string, say: (t: string) => void): HTMLElement {
  const id = uid('comment');
  const text = h('textarea', { id, maxlength: '1000', rows: '2' });
  const submit = h('button', { type: 'submit', class: 'abtn' }, T.sendComment);
  const form = h('form', { class: 'comment' }, h('label', { for: id }, T.commentLabel), text, submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const comment = text.value.trim();
    if (!comment) return;
    submit.disabled = true;
    void sendFeedback(server, exchangeId, false, comment).then((ok) => {
      say(ok ? T.feedbackThanks : T.feedbackFailed);
      if (ok) form.remove();
      else submit.disabled = false;
    });
  });
  return form;
}

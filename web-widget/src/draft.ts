/**
 * Drafting for signed-in officials: "Soạn …" goes to `POST /api/draft`; the reply either
 * asks for what is missing (a small form) or brings the draft (a text-only preview, the
 * format checker's findings and the .docx download). Every draft is marked DỰ THẢO.
 */
import type { Draft, DraftFieldsInput, DraftNeedsInput, DraftQuestion, DraftRequest, DraftResponse, FormatFinding } from '../../protocol/draft.ts';
import { h } from './dom.ts';
import { T } from './strings.ts';

/** What the form sends: the fields known so far and the official's answers, by field name. */
type Fields = Record<string, unknown>;

/** Whether a signed-in message asks for a draft: it starts with "Soạn" (any case, with or without diacritics). */
export function isDraftRequest(message: string): boolean {
  return /^soan(\s|$)/.test(message.trim().normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
}

async function call(url: string, token: string, body?: object): Promise<Response> {
  const res = await fetch(url, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) {
    const err = await res.json().catch(() => ({})) as { message?: unknown };
    throw new Error(typeof err.message === 'string' ? err.message : T.genericError);
  }
  return res;
}

/** One drafting exchange, rendered into an assistant message element `el` (its `.body` is replaced). */
export class DraftSession {
  constructor(private readonly server: string, private readonly token: string, private readonly request: string,
    private readonly done: () => void) {}

  /** Post the request with `fields` and render the reply into `el`. */
  async run(el: HTMLElement, fields: Fields): Promise<void> {
    const body = el.querySelector('.body')!;
    try {
      // The form's answers are keyed by the server's own field names; the server validates them.
      const request: DraftRequest = { request: this.request, fields: fields as DraftFieldsInput };
      const res = await call(`${this.server}/api/draft`, this.token, request);
      const reply = await res.json() as DraftResponse;
      body.textContent = '';
      if (reply.status === 'needs_input') body.appendChild(this.form(el, reply.questions, reply.fields));
      else body.append(...this.preview(reply.draft, reply.findings, reply.docxUrl));
      el.setAttribute('data-state', 'done');
    } catch (err) {
      body.textContent = err instanceof Error ? err.message : T.genericError;
      el.setAttribute('data-state', 'error');
    }
    el.setAttribute('aria-busy', 'false');
    this.done();
  }

  private form(el: HTMLElement, questions: DraftQuestion[], known: DraftNeedsInput['fields']): HTMLElement {
    const inputs = questions.map((q, i) => {
      const id = `tla-draft-${Date.now().toString(36)}-${i}`;
      return { q, input: h('input', { id, type: 'text', 'data-field': q.field }), label: h('label', { for: id }, q.question) };
    });
    const submit = h('button', { type: 'submit', class: 'abtn' }, T.draftSubmit);
    const form = h('form', { class: 'draft-form' }, h('p', {}, T.draftNeeds),
      ...inputs.flatMap((x) => [x.label, x.input]), submit);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const answers: Fields = {};
      for (const { q, input } of inputs) {
        const v = input.value.trim();
        if (!v) continue;
        answers[q.field] = q.field === 'recipients' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v;
      }
      submit.disabled = true;
      el.setAttribute('data-state', 'streaming');
      el.setAttribute('aria-busy', 'true');
      // `request` travels beside the fields, not among them.
      const { request: _request, ...rest } = known;
      void this.run(el, { ...rest, ...answers });
    });
    return form;
  }

  private preview(d: Draft, findings: FormatFinding[], docxUrl: string): HTMLElement[] {
    const p = (text: string, cls?: string): HTMLElement => h('p', cls ? { class: cls } : {}, text);
    const doc = h('div', { class: 'draft', role: 'region', 'aria-label': T.draftPreview },
      p(T.draftMark, 'draft-mark'), p(`Số: ${d.numberLine}`), p(d.placeDateLine, 'draft-date'),
      d.typeName ? p(d.typeName, 'draft-type') : null, p(d.subjectLine, 'draft-subject'),
      ...d.salutation.map((s) => p(s)),
      ...d.body.map((b) => (b.placeholder ? h('p', {}, h('em', {}, b.text)) : p(b.text))),
      p([d.signature.authority, d.signature.title].filter(Boolean).join(' '), 'draft-sign'),
      p(d.signature.name, 'draft-sign'),
      ...d.recipientsBlock.map((r) => p(r, 'draft-small')));
    const list = h('ul', {}, ...findings.map((f) => h('li', {}, `${f.severity === 'error' ? T.findingError : T.findingWarning}: ${f.message}`)));
    const check = h('div', { class: 'draft-check' }, h('p', { class: 'refused-title' }, T.draftCheck),
      findings.length ? list : p(T.draftCheckOk));
    const download = h('button', { type: 'button', class: 'abtn' }, T.draftDownload);
    const status = h('p', { class: 'notice', role: 'status' });
    download.addEventListener('click', () => void this.download(docxUrl, status));
    return [doc, check, h('div', { class: 'actions' }, download), status];
  }

  private async download(docxUrl: string, status: HTMLElement): Promise<void> {
    try {
      const res = await call(`${this.server}${docxUrl}`, this.token);
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'du-thao.docx';
      const url = URL.createObjectURL(await res.blob());
      const a = h('a', { href: url, download: name, hidden: true });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      status.textContent = '';
    } catch (err) {
      status.textContent = err instanceof Error ? err.message : T.genericError;
    }
  }
}

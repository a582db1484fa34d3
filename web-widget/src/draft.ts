/**
 * Drafting for signed-in officials: a drafting request in natural phrasing ("Soạn …", "Hãy
 * soạn …", "Giúp tôi soạn giấy mời …", "Viết giúp công văn …", "Dự thảo báo cáo …") goes to
 * `POST /api/draft`, and so does an edit of the conversation's current draft ("thêm nơi nhận
 * …", "đổi thời hạn thành …", "bỏ đoạn 2"). The reply either asks for what is missing (a small
 * form) or brings the draft (a text-only preview with its version and what changed, the
 * format checker's findings and the .docx download). Every draft is marked DỰ THẢO. The
 * recognisers are the server's own (core/drafting/intent.ts, edits.ts), bundled.
 */
import { isDraftEdit } from '../../core/drafting/edits.ts';
import { draftIntent } from '../../core/drafting/intent.ts';
import type { Draft, DraftFieldsInput, DraftNeedsInput, DraftQuestion, DraftRequest, DraftResponse, Drafted } from '../../protocol/draft.ts';
import { h } from './dom.ts';
import { T } from './strings.ts';

/** What the form sends: the fields known so far and the official's answers, by field name. */
type Fields = Record<string, unknown>;

/** Where the conversation's id is kept (the widget's, shared with chat); the server answers with it. */
export interface ConversationRef {
  get(): string | undefined;
  set(id: string): void;
}

/** Conversations whose latest drafting reply brought a draft: an edit typed there goes to drafting. */
const withDraft = new Set<string>();
/** The conversation of the latest drafting exchange, for callers that do not say which. */
let lastConversation: string | undefined;

/**
 * Whether a signed-in message goes to drafting: a drafting request in natural phrasing, or an
 * edit ("thêm nơi nhận …") while the conversation has a draft.
 */
export function isDraftRequest(message: string, conversationId: string | undefined = lastConversation): boolean {
  if (draftIntent(message)) return true;
  return conversationId !== undefined && withDraft.has(conversationId) && isDraftEdit(message);
}

/** The conversation's id when none is given: kept here, for this page. */
const ownConversation: ConversationRef = { get: () => lastConversation, set: (id) => { lastConversation = id; } };

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
    private readonly done: () => void, private readonly conversation: ConversationRef = ownConversation) {}

  /** Post the request with `fields` and render the reply into `el`. */
  async run(el: HTMLElement, fields: Fields): Promise<void> {
    const body = el.querySelector('.body')!;
    try {
      // The form's answers are keyed by the server's own field names; the server validates them.
      const conversationId = this.conversation.get();
      const request: DraftRequest = { request: this.request, fields: fields as DraftFieldsInput, ...(conversationId ? { conversationId } : {}) };
      const res = await call(`${this.server}/api/draft`, this.token, request);
      const reply = await res.json() as DraftResponse;
      this.conversation.set(reply.conversationId);
      lastConversation = reply.conversationId;
      body.textContent = '';
      if (reply.status === 'needs_input') body.appendChild(this.form(el, reply.questions, reply.fields));
      else {
        withDraft.add(reply.conversationId);
        body.append(...this.preview(reply));
      }
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

  private preview(reply: Drafted): HTMLElement[] {
    const { draft: d, findings, docxUrl, version, changes } = reply;
    const p = (text: string, cls?: string): HTMLElement => h('p', cls ? { class: cls } : {}, text);
    // Paragraphs that are not headings carry the number an edit names them by ("bỏ đoạn 2").
    let counted = 0;
    const paragraph = (b: Draft['body'][number]): HTMLElement => {
      const n = b.level === 0 ? h('span', { class: 'draft-n', title: `${T.draftParagraph} ${++counted}` }, `${counted}`) : null;
      return b.placeholder ? h('p', {}, n, h('em', {}, b.text)) : h('p', {}, n, b.text);
    };
    const header = version > 1
      ? h('div', { class: 'draft-version' }, h('p', { class: 'refused-title' }, `${T.draftVersion} ${version}`), h('ul', {}, ...changes.map((c) => h('li', {}, c))))
      : null;
    const doc = h('div', { class: 'draft', role: 'region', 'aria-label': `${T.draftPreview}${version > 1 ? ` (${T.draftVersion.toLowerCase()} ${version})` : ''}` },
      p(T.draftMark, 'draft-mark'),
      d.fields.superiorBody ? p(d.fields.superiorBody.toLocaleUpperCase('vi'), 'draft-org') : null,
      p(d.fields.issuingBody.toLocaleUpperCase('vi'), 'draft-org draft-issuer'),
      p(`Số: ${d.numberLine}`), p(d.placeDateLine, 'draft-date'),
      d.typeName ? p(d.typeName, 'draft-type') : null, p(d.subjectLine, 'draft-subject'),
      ...d.salutation.map((s) => p(s)),
      ...d.body.map(paragraph),
      p([d.signature.authority, d.signature.title].filter(Boolean).join(' '), 'draft-sign'),
      p(d.signature.name, 'draft-sign'),
      ...d.recipientsBlock.map((r) => p(r, 'draft-small')));
    const list = h('ul', {}, ...findings.map((f) => h('li', {}, `${f.severity === 'error' ? T.findingError : T.findingWarning}: ${f.message}`)));
    const check = h('div', { class: 'draft-check' }, h('p', { class: 'refused-title' }, T.draftCheck),
      findings.length ? list : p(T.draftCheckOk));
    const download = h('button', { type: 'button', class: 'abtn' }, T.draftDownload);
    const status = h('p', { class: 'notice', role: 'status' });
    download.addEventListener('click', () => void this.download(docxUrl, status));
    return [...(header ? [header] : []), doc, check, h('div', { class: 'actions' }, download), status, h('p', { class: 'draft-hint' }, T.draftEditHint)];
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

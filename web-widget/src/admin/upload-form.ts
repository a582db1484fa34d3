/**
 * The upload form: files with their audience, status and the documents they replace;
 * the server checks every file before storing any and starts a re-index, which the job
 * panel follows. A refusal lists each refused file with its reason.
 */
import type { UploadErrorBody, UploadResponse } from '../../../protocol/admin/uploads.ts';
import type { Audience, DocumentStatus } from '../../../protocol/values.ts';
import { byId, clear, el } from '../page/dom.ts';
import { formatNumber } from '../page/format.ts';
import { ApiError } from '../page/http.ts';
import type { AdminApi } from './api.ts';
import type { JobPanel } from './job-panel.ts';

/** The metadata sent with every file of one upload (a sidecar per file on the server). */
interface UploadMetadata {
  audience: Audience;
  status: DocumentStatus;
  supersedes?: string[];
}

export function setUpUploadForm(api: AdminApi, jobs: JobPanel): void {
  const form = byId<HTMLFormElement>('upload-form');
  const input = byId<HTMLInputElement>('upload-files');
  const result = byId('upload-result');
  const button = byId<HTMLButtonElement>('upload-button');

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clear(result);
    const files = input.files;
    if (!files || files.length === 0) {
      result.appendChild(el('p', 'error', 'Vui lòng chọn ít nhất một tệp văn bản.'));
      input.focus();
      return;
    }
    const metadata: UploadMetadata = {
      audience: byId<HTMLSelectElement>('upload-audience').value as Audience,
      status: byId<HTMLSelectElement>('upload-status').value as DocumentStatus,
    };
    const supersedes = byId<HTMLInputElement>('upload-supersedes').value.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
    if (supersedes.length) metadata.supersedes = supersedes;
    const body = new FormData();
    for (const file of Array.from(files)) body.append('files', file, file.name);
    body.append('metadata', JSON.stringify(metadata));
    button.disabled = true;
    result.appendChild(el('p', 'muted', 'Đang tải lên…'));
    api.upload(body).then((res) => {
      clear(result);
      result.appendChild(uploaded(res));
      form.reset();
      if (res.job) jobs.follow(res.job, res.queued === true);
    }, (err: unknown) => {
      clear(result);
      result.appendChild(refused(err));
    }).finally(() => {
      button.disabled = false;
    });
  });
}

function uploaded(res: UploadResponse): HTMLElement {
  const box = el('div', 'success');
  const next = res.queued ? ' Một lượt lập chỉ mục đang chạy; lượt mới sẽ chạy ngay sau đó.' : res.job ? ' Đang lập chỉ mục lại.' : '';
  box.appendChild(el('p', '', `Đã tải lên ${res.files.length} tệp.${next}`));
  const list = el('ul');
  for (const f of res.files) {
    let text = `${f.originalName} → ${f.fileName} (${formatNumber(f.bytes)} byte)`;
    if (f.kind === 'document') text += `, mã văn bản ${f.docId}`;
    if (f.replaced) text += ', đã thay tệp cũ';
    list.appendChild(el('li', '', text));
  }
  box.appendChild(list);
  return box;
}

function refused(err: unknown): HTMLElement {
  const box = el('div', 'error');
  box.appendChild(el('p', '', `Không tải lên được: ${err instanceof Error ? err.message : String(err)}`));
  const files = err instanceof ApiError ? (err.body as UploadErrorBody | null)?.files ?? [] : [];
  if (files.length) {
    const list = el('ul');
    for (const f of files) {
      const name = f.originalName || f.fileName;
      list.appendChild(el('li', '', `${name ? `${name}: ` : ''}${f.message}`));
    }
    box.appendChild(list);
  }
  return box;
}

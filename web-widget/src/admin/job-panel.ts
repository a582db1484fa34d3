/**
 * The re-index panel: the button, the progress bar and phase, the result of the run
 * (counts and skipped sources with their Vietnamese reasons). Jobs are followed by the
 * JobFollower (socket events, polling as fallback); when a run has published a new
 * index, the panel waits until the server serves it, then `onIndexChanged` runs.
 */
import type { Job, JobConflictBody, JobSummary } from '../../../protocol/admin/jobs.ts';
import { byId, clear, el } from '../page/dom.ts';
import { formatNumber, formatTime } from '../page/format.ts';
import { ApiError } from '../page/http.ts';
import { labelOf } from '../page/labels.ts';
import type { AdminApi } from './api.ts';
import { connectJobSocket } from './job-socket.ts';
import { isActive, JobFollower } from './job-follower.ts';
import { PHASE_LABELS } from './labels.ts';

/** How long (tries × 250 ms) to wait for the server to serve a new index version. */
const SERVING_TRIES = 20;

export class JobPanel {
  private readonly progress = byId<HTMLProgressElement>('job-progress');
  private readonly phase = byId('job-phase');
  private readonly result = byId('job-result');
  private readonly button = byId<HTMLButtonElement>('reindex-button');
  private readonly follower: JobFollower;
  private closeSocket: (() => void) | undefined;

  constructor(private readonly api: AdminApi, private readonly onIndexChanged: () => void) {
    this.follower = new JobFollower({ job: (id) => api.job(id), jobs: () => api.jobs() }, {
      show: (job) => {
        this.button.disabled = isActive(job);
        this.render(job);
      },
      ended: (job) => this.ended(job),
      idle: (latest) => this.showLatest(latest),
      pollFailed: (message) => {
        this.phase.textContent = `Không đọc được tiến độ: ${message} Đang thử lại…`;
      },
    });
    this.button.addEventListener('click', () => void this.reindex());
  }

  /** Signed in: connect the job socket and pick up a running job. */
  start(token: string): void {
    this.closeSocket?.();
    this.closeSocket = connectJobSocket(token, this.follower);
    void this.follower.resume();
  }

  /** Signed out: stop following. */
  stop(): void {
    this.closeSocket?.();
    this.closeSocket = undefined;
    this.follower.stop();
    this.button.disabled = false;
  }

  /** Follow a job started elsewhere in the console (an upload, a deletion). */
  follow(job: Job, queued = false): void {
    this.follower.follow(job, queued);
  }

  private async reindex(): Promise<void> {
    this.button.disabled = true;
    try {
      this.follow((await this.api.reindex()).job);
    } catch (err) {
      this.button.disabled = false;
      if (!(err instanceof ApiError)) throw err;
      this.phase.textContent = err.message;
      // 409: a run is going on already; follow that one.
      const running = (err.body as JobConflictBody | null)?.job;
      if (running && isActive(running)) this.follow(running);
    }
  }

  private render(job: Job): void {
    const percent = job.status === 'succeeded' ? 100 : job.progress?.percent ?? 0;
    this.progress.value = percent;
    this.progress.setAttribute('aria-valuetext', `${percent}%`);
    clear(this.result);
    if (job.status === 'queued') {
      this.phase.textContent = 'Đang chờ đến lượt lập chỉ mục…';
    } else if (job.status === 'running') {
      const p = job.progress;
      const detail = p && p.phase === 'load' && p.sourcesTotal ? ` (${p.sourcesDone}/${p.sourcesTotal} nguồn)` : '';
      this.phase.textContent = `${p ? labelOf(PHASE_LABELS, p.phase) : 'Đang bắt đầu'}${detail} — ${percent}%`;
    } else if (job.status === 'succeeded') {
      this.phase.textContent = 'Hoàn tất';
      if (job.summary) this.renderSummary(job.summary);
    } else {
      const why = job.error ? job.error.message : 'không rõ nguyên nhân.';
      this.progress.value = 0;
      this.phase.textContent = `Thất bại: ${why}`;
      this.result.appendChild(el('p', 'error', `Thất bại: ${why} Chỉ mục cũ vẫn đang được dùng.`));
    }
  }

  private renderSummary(s: JobSummary): void {
    const box = el('div', 'success');
    box.appendChild(el('p', '', `Hoàn tất: thêm ${s.added}, cập nhật ${s.updated}, gỡ bỏ ${s.removed}, bỏ qua ${s.skipped.length} nguồn.${s.published ? '' : ' Không có thay đổi nào.'}`));
    box.appendChild(el('p', '', `Chỉ mục hiện có ${formatNumber(s.documents)} văn bản, ${formatNumber(s.chunks)} đoạn.`));
    this.result.appendChild(box);
    if (s.skipped.length === 0) return;
    this.result.appendChild(el('h3', '', 'Các nguồn bị bỏ qua'));
    const list = el('ul', 'skipped');
    for (const k of s.skipped) list.appendChild(el('li', '', k.message));
    this.result.appendChild(list);
  }

  private ended(job: Job): void {
    this.button.disabled = false;
    if (job.status !== 'succeeded') return;
    const version = job.summary?.published ? job.summary.version : undefined;
    void this.whenServing(version).then(this.onIndexChanged);
  }

  private showLatest(latest: Job | undefined): void {
    if (!latest) return;
    this.render(latest);
    this.phase.textContent = latest.status === 'succeeded'
      ? `Lượt gần nhất: hoàn tất lúc ${formatTime(latest.finishedAt ?? latest.createdAt)}.`
      : `Lượt gần nhất: thất bại: ${latest.error?.message ?? ''}`;
  }

  /** The server swaps to a new index version just after the job ends: wait (briefly) until it serves it. */
  private async whenServing(version: string | undefined): Promise<void> {
    for (let tries = 0; version && tries < SERVING_TRIES; tries++) {
      try {
        if ((await this.api.ready()).index.version === version) return;
      } catch (err) {
        // 503 while the server swaps or starts: try again; anything else: stop waiting.
        if (!(err instanceof ApiError && err.status === 503)) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

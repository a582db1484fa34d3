/**
 * One chat exchange as every transport runs it (REST `POST /api/chat`, socket.io `ask`):
 * readiness, the shutdown's count of answers in flight, the time limit, the client going
 * away, metrics, and the outcome code of each way an exchange can end. The assistant
 * (server/assistant.ts) guards, answers and audits; the transports only parse, stream and
 * shape. The same event gives the same code on both transports:
 *
 *   client gone or cancelled   499 CANCELLED
 *   our time limit             504 TIMEOUT (REQUEST_TIMEOUT_MS)
 *   shutting down              503 SHUTTING_DOWN
 *   no index served yet        503 NOT_READY
 *   a guard refuses            an answer: `refused: true` with its `reason`
 */
import type { Assistant, Asker, ChatRequest, ChatResponse } from './assistant.ts';
import { errorResponse, HttpError } from './http/errors.ts';
import type { Metrics } from './http/metrics.ts';
import type { IndexService } from './index-service.ts';
import type { Lifecycle } from './lifecycle.ts';

export type ChatChannel = 'rest' | 'socket';

export interface ChatUseCaseDeps {
  assistant: Pick<Assistant, 'chat'>;
  indexes: Pick<IndexService, 'assertReady'>;
  lifecycle: Lifecycle;
  metrics: Metrics;
  /** Longest an exchange may take (REQUEST_TIMEOUT_MS). */
  timeoutMs: number;
}

/** How one exchange is asked for. */
export interface ChatCall {
  asker: Asker;
  /** The transport, for metrics. */
  channel: ChatChannel;
  /** Receives the answer as it streams, until the exchange is stopped. */
  onToken?: (text: string) => void;
  /** Aborted when the client has gone or cancels: the answer stops and the exchange ends CANCELLED. */
  cancelled?: AbortSignal;
}

export class ChatUseCase {
  constructor(private readonly deps: ChatUseCaseDeps) {}

  /** The answer, or an HttpError whose code names how the exchange ended (see the table above). */
  async ask(request: ChatRequest, call: ChatCall): Promise<ChatResponse> {
    const { indexes, lifecycle, metrics } = this.deps;
    const started = performance.now();
    try {
      indexes.assertReady();
      const response = await lifecycle.track(() => this.answer(request, call));
      metrics.answerDuration.observe({ channel: call.channel }, (performance.now() - started) / 1000);
      return response;
    } catch (err) {
      metrics.chatFailures.inc({ channel: call.channel, code: errorResponse(err).body.code });
      throw err;
    }
  }

  private async answer(request: ChatRequest, call: ChatCall): Promise<ChatResponse> {
    // Stop answering when the client has gone or the answer takes too long (an LLM would keep generating).
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(HttpError.of(504, 'TIMEOUT')), this.deps.timeoutMs);
    const gone = () => controller.abort(HttpError.of(499, 'CANCELLED'));
    if (call.cancelled?.aborted) gone();
    else call.cancelled?.addEventListener('abort', gone, { once: true });
    const { onToken } = call;
    try {
      return await this.deps.assistant.chat(request, {
        ...call.asker,
        signal: controller.signal,
        ...(onToken ? { onToken: (text: string) => { if (!controller.signal.aborted) onToken(text); } } : {}),
      });
    } catch (err) {
      // Whatever an answerer throws when it is stopped, the event that stopped it is the outcome.
      throw controller.signal.aborted ? controller.signal.reason : err;
    } finally {
      clearTimeout(timer);
      call.cancelled?.removeEventListener('abort', gone);
    }
  }
}

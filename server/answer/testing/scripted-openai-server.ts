/**
 * A scripted OpenAI-compatible chat server for tests: real HTTP on a free port,
 * `POST /v1/chat/completions` answered from a script, one entry per call, as a JSON
 * completion or as `text/event-stream` chunks ending with `data: [DONE]` (whichever the
 * request asks for). Records every request it receives.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server does for one call. */
export interface ScriptedReply {
  /** The assistant's text, split into these stream chunks (joined for a JSON reply). */
  chunks?: string[];
  /** Shorthand for a single chunk. */
  content?: string;
  /** An HTTP error instead of a completion. */
  status?: number;
  /** Wait this long before answering (to trigger client timeouts). */
  delayMs?: number;
  /** Wait this long between stream chunks. */
  chunkDelayMs?: number;
}

/** A request as received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body. */
  body: {
    model?: string;
    stream?: boolean;
    messages?: Array<{ role: string; content: string }>;
    [key: string]: unknown;
  };
  /** True once the client closed the connection before the reply finished. */
  aborted: boolean;
}

/** A running scripted server. */
export interface ScriptedOpenAiServer {
  /** `http://127.0.0.1:<port>/v1`, the base URL an OpenAI client expects. */
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function chunkEvent(id: string, model: string, delta: Record<string, string>, finish: string | null): string {
  const payload = { id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finish }] };
  return `data: ${JSON.stringify(payload)}\n\n`;
}

/**
 * Start a server answering call i with `script[i]`; calls past the end of the script get
 * HTTP 500.
 */
export async function startScriptedOpenAiServer(script: ScriptedReply[]): Promise<ScriptedOpenAiServer> {
  const requests: RecordedRequest[] = [];
  const closing = new AbortController();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const gone = new AbortController();
    const raw = await readBody(req);
    let body: RecordedRequest['body'] = {};
    try {
      body = JSON.parse(raw) as RecordedRequest['body'];
    } catch {
      // Recorded as empty; the reply below still follows the script.
    }
    const record: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, aborted: false };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.aborted = true;
      gone.abort();
    });
    closing.signal.addEventListener('abort', () => gone.abort(), { once: true });

    if (req.method !== 'POST' || !(req.url ?? '').endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const reply = script[requests.length - 1] ?? { status: 500 };
    await sleep(reply.delayMs ?? 0, gone.signal);
    if (gone.signal.aborted) return;
    if (reply.status && reply.status >= 400) {
      res.writeHead(reply.status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }));
      return;
    }
    const chunks = reply.chunks ?? [reply.content ?? ''];
    const model = body.model ?? 'scripted';
    const id = `chatcmpl-${requests.length}`;
    if (body.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(chunkEvent(id, model, { role: 'assistant', content: '' }, null));
      for (const chunk of chunks) {
        await sleep(reply.chunkDelayMs ?? 0, gone.signal);
        if (gone.signal.aborted) return;
        res.write(chunkEvent(id, model, { content: chunk }, null));
      }
      res.write(chunkEvent(id, model, {}, 'stop'));
      res.end('data: [DONE]\n\n');
      return;
    }
    const content = chunks.join('');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
      id, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    }));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((resolve) => {
      closing.abort();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * One HTTP call to a test server's API: a JSON or multipart body, an optional bearer
 * token, and the answer read as text and, when it is JSON, parsed (CSV exports stay text).
 */
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What {@link callApi} sends. */
export interface CallOptions {
  body?: unknown;
  token?: string;
  form?: FormData;
}

/** `method path` on `baseUrl`; `body` is {} when the answer is not JSON. */
export async function callApi(baseUrl: string, method: string, path: string, opts: CallOptions = {}): Promise<{ status: number; body: Json; text: string; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, { method, headers, ...(opts.form ? { body: opts.form } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  const text = await res.text();
  let body: Json = {};
  try {
    body = JSON.parse(text) as Json;
  } catch {
    // not JSON (a CSV export)
  }
  return { status: res.status, body, text, headers: res.headers };
}

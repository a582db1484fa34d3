/** JSON over fetch for the pages, with the bearer token and the API's one error shape. */
import type { ErrorBody } from '../../../protocol/errors.ts';

/** A failed request: the HTTP status (0: no connection), the Vietnamese message, and the error body. */
export class ApiError<B extends ErrorBody = ErrorBody> extends Error {
  constructor(readonly status: number, message: string, readonly body: B | null) {
    super(message);
    this.name = 'ApiError';
  }
}

export const OFFLINE_MESSAGE = 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.';

export interface RequestOptions {
  method?: string;
  token?: string;
  /** A JSON value (sent as application/json) or a multipart form. */
  json?: unknown;
  form?: FormData;
}

function isErrorBody(x: unknown): x is ErrorBody {
  return typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false && typeof (x as { message?: unknown }).message === 'string';
}

/** fetch `path`; resolves with the Response when it is ok, rejects with an ApiError otherwise. */
export async function request(path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  }
  let res: Response;
  try {
    res = await fetch(path, { method: opts.method ?? 'GET', headers, ...(body !== undefined ? { body } : {}) });
  } catch {
    throw new ApiError(0, OFFLINE_MESSAGE, null);
  }
  if (res.ok) return res;
  const parsed: unknown = await res.json().catch(() => null);
  const errorBody = isErrorBody(parsed) ? parsed : null;
  throw new ApiError(res.status, errorBody ? errorBody.message : `Có lỗi xảy ra (mã ${res.status}).`, errorBody);
}

/** `request`, then the JSON body typed as the protocol says (`undefined` for 204). */
export async function requestJson<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await request(path, opts);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

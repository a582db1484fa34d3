/**
 * The chat over socket.io (server/socket.ts), and the job events admins receive.
 *
 * Client → server
 *   ask    AskPayload, acknowledged with AskAck (the answer with `ok: true`, or the error)
 *   cancel CancelPayload, acknowledged with CancelAck
 * Server → client
 *   token  TokenEvent   a piece of the answer, in order
 *   answer AnswerEvent  the final answer
 *   error  ErrorEvent   what went wrong, in Vietnamese
 *   job    Job          (admins) a re-index job on every change of state or progress
 * A refused connection's `connect_error` carries an ErrorBody in `err.data`.
 */
import { Job } from './admin/jobs.ts';
import { ChatRequest, ChatResponse } from './chat.ts';
import { ErrorBody } from './errors.ts';
import { z } from './zod.ts';

export const AskPayload = ChatRequest.extend({
  requestId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'mã yêu cầu không hợp lệ').optional()
    .openapi({ description: 'Mã do máy khách đặt để ghép các sự kiện với câu hỏi (mặc định: máy chủ tạo)' }),
}).openapi('AskPayload');
export type AskPayload = z.infer<typeof AskPayload>;

export const CancelPayload = z.object({ requestId: z.string().max(64) }).strict().openapi('CancelPayload');
export type CancelPayload = z.infer<typeof CancelPayload>;

export const CancelAck = z.object({ ok: z.boolean().openapi({ description: 'false: không có câu trả lời đang chạy với mã này' }) }).openapi('CancelAck');
export type CancelAck = z.infer<typeof CancelAck>;

export const TokenEvent = z.object({ requestId: z.string(), text: z.string() }).openapi('TokenEvent');
export type TokenEvent = z.infer<typeof TokenEvent>;

export const AnswerEvent = ChatResponse.extend({ requestId: z.string() }).openapi('AnswerEvent');
export type AnswerEvent = z.infer<typeof AnswerEvent>;

export const ErrorEvent = ErrorBody.extend({ requestId: z.string().optional() }).openapi('ErrorEvent');
export type ErrorEvent = z.infer<typeof ErrorEvent>;

/** What `ask` is acknowledged with: the answer event's content with `ok: true`, or the error. */
export const AskAck = z.union([AnswerEvent.extend({ ok: z.literal(true) }), ErrorEvent]).openapi('AskAck');
export type AskAck = z.infer<typeof AskAck>;

export const JobEvent = Job;
export type JobEvent = Job;

/** Events the server emits, for a typed socket.io client (`Socket<ServerToClientEvents, ClientToServerEvents>`). */
export interface ServerToClientEvents {
  token: (event: TokenEvent) => void;
  answer: (event: AnswerEvent) => void;
  error: (event: ErrorEvent) => void;
  job: (event: JobEvent) => void;
}

/** Events a client emits. */
export interface ClientToServerEvents {
  ask: (payload: AskPayload, ack: (response: AskAck) => void) => void;
  cancel: (payload: CancelPayload, ack?: (response: CancelAck) => void) => void;
}

/** Every socket.io payload schema by name, for the OpenAPI document's components. */
export const SOCKET_SCHEMAS = { AskPayload, AskAck, CancelPayload, CancelAck, TokenEvent, AnswerEvent, ErrorEvent } as const;

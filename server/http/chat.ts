/**
 * `POST /api/chat`, mounted under /api: one exchange through the chat use case
 * (server/chat-use-case.ts), which socket.io `ask` shares; a client that hangs up stops
 * the answer (499 CANCELLED, audited), our time limit ends it with 504 TIMEOUT.
 */
import express from 'express';
import type { ChatUseCase } from '../chat-use-case.ts';
import { callerOf } from './middleware.ts';
import { ChatRequest } from '../../protocol/chat.ts';
import { parse } from './validate.ts';

export function createChatRouter(deps: { chat: ChatUseCase }): express.Router {
  const router = express.Router();

  router.post('/chat', async (req, res) => {
    const body = parse(ChatRequest, req.body);
    const { role, user } = callerOf(req);
    const gone = new AbortController();
    res.once('close', () => {
      if (!res.writableEnded) gone.abort();
    });
    res.json(await deps.chat.ask(body, { asker: { role, user }, channel: 'rest', cancelled: gone.signal }));
  });

  return router;
}

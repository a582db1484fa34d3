import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics.ts';
import { budgetedRateLimit, budgetOf } from './rate-budgets.ts';
import { RateLimiter, type Limits } from './rate-limit.ts';

describe('budgetOf', () => {
  it('charges document reads to the reading budget and everything else to asking', () => {
    expect(budgetOf('GET', '/documents')).toBe('read');
    expect(budgetOf('GET', '/documents/1.001193/view')).toBe('read');
    expect(budgetOf('GET', '/documents/1.001193/chunks/4')).toBe('read');
    expect(budgetOf('POST', '/chat')).toBe('ask');
    expect(budgetOf('POST', '/search')).toBe('ask');
    expect(budgetOf('POST', '/feedback')).toBe('ask');
    expect(budgetOf('PATCH', '/admin/documents/x')).toBe('ask');
    expect(budgetOf('GET', '/documentsx')).toBe('ask');
  });
});

describe('budgetedRateLimit', () => {
  it('keeps asking possible after the reading budget is spent, and the other way round', async () => {
    const limits: Limits = {
      perIp: new RateLimiter(60, 5), perToken: new RateLimiter(600), authFailures: new RateLimiter(10),
      readPerIp: new RateLimiter(60, 5), readPerToken: new RateLimiter(600),
    };
    const app = express();
    app.use(budgetedRateLimit(limits, new Metrics({ defaultMetrics: false })));
    app.get('/documents/:id/view', (_req, res) => { res.json({ ok: true }); });
    app.post('/chat', (_req, res) => { res.json({ ok: true }); });
    app.use((err: { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(err.status ?? 500).json({});
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const read = async () => (await fetch(`${base}/documents/d/view`)).status;
      const ask = async () => (await fetch(`${base}/chat`, { method: 'POST' })).status;
      const reads = [];
      for (let i = 0; i < 6; i++) reads.push(await read());
      expect(reads).toEqual([200, 200, 200, 200, 200, 429]);
      const asks = [];
      for (let i = 0; i < 6; i++) asks.push(await ask());
      expect(asks).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      server.close();
      for (const l of Object.values(limits)) l.close();
    }
  });
});

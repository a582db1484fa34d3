/** `POST /api/search`, mounted under /api: the passages the caller's role may see, best first. */
import express from 'express';
import type { Assistant } from '../assistant.ts';
import type { IndexService } from '../index-service.ts';
import type { Lifecycle } from '../lifecycle.ts';
import { callerOf } from './middleware.ts';
import { SearchRequest } from '../../protocol/search.ts';
import { parse } from './validate.ts';

export interface SearchDeps {
  assistant: Assistant;
  indexes: IndexService;
  lifecycle: Lifecycle;
}

export function createSearchRouter(deps: SearchDeps): express.Router {
  const router = express.Router();

  router.post('/search', async (req, res) => {
    const body = parse(SearchRequest, req.body);
    const { role } = callerOf(req);
    deps.indexes.assertReady();
    res.json(await deps.lifecycle.track(() => deps.assistant.search(body, role)));
  });

  return router;
}

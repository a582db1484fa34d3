/**
 * Admin routes of the links between documents read from their clauses (core/inforce/):
 * list them, confirm or reject one, point one at another document, or go back to the
 * automatic link. Decisions are kept with the metadata overrides and apply at once. While
 * the overrides file is unreadable, no link applies and decisions are refused (503).
 */
import type express from 'express';
import { documentLabel } from '../../core/answer/ground/citations.ts';
import { linkRelations, type RelationLink } from '../../core/inforce/links.ts';
import type { DocumentRecord } from '../../core/model.ts';
import { LinkDecisionRequest, LinkListQuery, type RelationLinkView } from '../../protocol/admin/links.ts';
import { LinksUnavailableError, type MetadataOverrides } from '../admin/metadata-overrides.ts';
import { ADMIN_SPECIFICS } from '../admin/messages.ts';
import type { IndexService } from '../index-service.ts';
import { HttpError } from './errors.ts';
import { callerOf } from './middleware.ts';
import { parse } from './validate.ts';

/** What the link routes need. */
export interface LinkRouteDeps {
  indexes: IndexService;
  overrides: MetadataOverrides;
}

/** The URL id of a link: its document and key, base64url. */
export function linkId(byId: string, key: string): string {
  return Buffer.from(`${byId}\n${key}`, 'utf8').toString('base64url');
}

function parseLinkId(id: string): { byId: string; key: string } | undefined {
  const [byId, key, ...rest] = Buffer.from(id, 'base64url').toString('utf8').split('\n');
  return byId && key && rest.length === 0 ? { byId, key } : undefined;
}

function currentLinks(deps: LinkRouteDeps): { links: RelationLink[]; document: (id: string) => DocumentRecord | undefined } {
  const index = deps.indexes.current;
  const docs = [...index.state.docs.values()];
  const links = linkRelations(docs, (id) => (deps.overrides.linksUsable ? deps.overrides.get(id)?.links : undefined));
  return { links, document: (id) => index.state.docs.get(id) };
}

function view(link: RelationLink, document: (id: string) => DocumentRecord | undefined): RelationLinkView {
  const ref = (id: string) => {
    const doc = document(id);
    return { id, label: doc ? documentLabel(doc) : id };
  };
  const applied = link.state === 'automatic' || link.state === 'confirmed';
  return {
    id: linkId(link.byId, link.key), key: link.key, kind: link.relation.kind, by: ref(link.byId), targetNumber: link.relation.target.number,
    ...(applied && link.targetId ? { target: ref(link.targetId) } : {}),
    candidates: link.candidates.map(ref), parts: link.relation.parts, ...(link.from ? { from: link.from } : {}), quote: link.relation.quote, state: link.state,
  };
}

function unavailable(): HttpError {
  return new HttpError(503, 'LINKS_UNAVAILABLE', ADMIN_SPECIFICS.linksUnavailable);
}

/** Adds `GET /links`, `PUT /links/:id` and `DELETE /links/:id` to the admin router (already role-checked). */
export function addLinkRoutes(router: express.Router, deps: LinkRouteDeps): void {
  router.get('/links', (req, res) => {
    const q = parse(LinkListQuery, req.query);
    const { links, document } = currentLinks(deps);
    const wanted = links.filter((l) => (!q.state || l.state === q.state) && (!q.docId || l.byId === q.docId || l.targetId === q.docId || l.candidates.includes(q.docId)));
    res.json({ available: deps.overrides.linksUsable, links: wanted.map((l) => view(l, document)) });
  });

  const decide = async (req: express.Request, res: express.Response, decision: LinkDecisionRequest | null) => {
    const parsed = parseLinkId(String(req.params.id));
    const { links } = currentLinks(deps);
    const link = parsed && links.find((l) => l.byId === parsed.byId && l.key === parsed.key);
    if (!parsed || !link) throw HttpError.of(404, 'NOT_FOUND');
    if (decision?.targetId && (!deps.indexes.current.state.docs.has(decision.targetId) || decision.targetId === parsed.byId)) throw HttpError.of(404, 'DOCUMENT_NOT_FOUND');
    if (!deps.overrides.linksUsable) throw unavailable();
    try {
      await deps.overrides.setLink(parsed.byId, parsed.key, decision, callerOf(req).user);
    } catch (err) {
      if (err instanceof LinksUnavailableError) throw unavailable();
      throw err;
    }
    const after = currentLinks(deps);
    res.json(view(after.links.find((l) => l.byId === parsed.byId && l.key === parsed.key)!, after.document));
  };

  router.put('/links/:id', async (req, res) => {
    const body = parse(LinkDecisionRequest, req.body);
    await decide(req, res, { decision: body.decision, ...(body.targetId ? { targetId: body.targetId } : {}) });
  });

  router.delete('/links/:id', async (req, res) => {
    await decide(req, res, null);
  });
}

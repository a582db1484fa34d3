/**
 * What a role may see when answering: citizens only public documents in force; officials
 * and admins internal documents too, and superseded or expired ones (with a notice).
 */
import type { Audience, DocumentRecord, DocumentStatus } from '../../model.ts';
import type { Role } from '../types.ts';

/** Search filters for one role. */
export interface RoleScope {
  audiences: Audience[];
  statuses: DocumentStatus[];
}

/** The audiences and statuses a role may be answered from. */
export function scopeFor(role: Role): RoleScope {
  return role === 'citizen'
    ? { audiences: ['public'], statuses: ['in_force'] }
    : { audiences: ['public', 'internal'], statuses: ['in_force', 'superseded', 'expired'] };
}

/** Whether a document may be shown to a role (used for documents reached without search). */
export function visibleTo(doc: Pick<DocumentRecord, 'audience' | 'status'> | undefined, role: Role): boolean {
  if (!doc) return false;
  const scope = scopeFor(role);
  return scope.audiences.includes(doc.audience) && scope.statuses.includes(doc.status);
}

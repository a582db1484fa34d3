/** `PATCH /api/admin/documents/{id}`: audience, status and supersession, applied at once. */
import { DocumentDetail } from '../documents.ts';
import { Audience, DocumentStatus } from '../values.ts';
import { z } from '../zod.ts';

export const MetadataPatch = z.object({
  audience: Audience.optional(),
  status: DocumentStatus.optional(),
  supersedes: z.array(z.string().min(1).max(200)).max(50).optional(),
  supersededBy: z.string().min(1).max(200).optional(),
}).strict().refine((p) => Object.keys(p).length > 0, 'cần ít nhất một trường: audience, status, supersedes, supersededBy').openapi('MetadataPatch');
export type MetadataPatch = z.input<typeof MetadataPatch>;

/** The document after the change (its sections are unchanged and not repeated). */
export const PatchedDocument = DocumentDetail.omit({ sections: true, extra: true }).openapi('PatchedDocument');
export type PatchedDocument = z.infer<typeof PatchedDocument>;

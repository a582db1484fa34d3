/**
 * What a conversation remembers of the official between drafts: their agency (issuing body,
 * its code, its parent body, the drafting unit), the place name and the signer. The next
 * draft in the same conversation starts from it; what the official types or gives wins, and
 * naming another issuing body drops what belonged to the previous one.
 */
import { foldDiacritics } from '../text/fold.ts';
import type { DraftFields } from './model.ts';

/** The fields kept from one draft to the next, in form order. */
export const PROFILE_FIELDS = [
  'superiorBody', 'issuingBody', 'issuingBodyCode', 'issuingBodyName', 'draftingUnitCode', 'place',
  'signerTitle', 'signingAuthority', 'onBehalfOf', 'signerName',
] as const satisfies ReadonlyArray<keyof DraftFields>;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type DraftProfile = Partial<Pick<DraftFields, ProfileField>>;

/** The profile part of `fields` (blank values left out). */
export function profileOf(fields: Partial<DraftFields>): DraftProfile {
  const out: Record<string, unknown> = {};
  for (const k of PROFILE_FIELDS) {
    const v = fields[k];
    if (typeof v === 'string' && v.trim()) out[k] = v;
  }
  return out as DraftProfile;
}

const sameBody = (a: string, b: string) => foldDiacritics(a.toLocaleLowerCase('vi')).replace(/\s+/gu, ' ').trim() === foldDiacritics(b.toLocaleLowerCase('vi')).replace(/\s+/gu, ' ').trim();

/**
 * The fields of a new draft: the remembered `profile`, then what was read from the request
 * (`parsed`), then the fields given explicitly (`given`). When `parsed` or `given` names
 * another issuing body, only the remembered place is kept. `remembered` lists the fields
 * that came from the profile.
 */
export function withProfile(profile: DraftProfile, parsed: Partial<DraftFields>, given: Partial<DraftFields>): { fields: Partial<DraftFields>; remembered: ProfileField[] } {
  const issuer = given.issuingBody ?? parsed.issuingBody;
  const kept: DraftProfile = issuer && profile.issuingBody && !sameBody(issuer, profile.issuingBody)
    ? (profile.place ? { place: profile.place } : {})
    : profile;
  const fields = { ...kept, ...parsed, ...given };
  const remembered = PROFILE_FIELDS.filter((k) => kept[k] !== undefined && parsed[k] === undefined && given[k] === undefined);
  return { fields, remembered };
}

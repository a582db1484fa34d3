/**
 * Where a procedure is done, from its typed fields (core/structure/procedure-place.ts):
 * the level(s) of government, the cơ quan thực hiện or, when the catalogue names none, the
 * bodies its steps name (or the level's own People's Committee for cấp xã and cấp huyện),
 * the competent body, the receiving address, the channels, and the procedure's page on the
 * national portal to submit online. Never "no information" when the level is known.
 */
import type { ProcedurePlace } from '../../structure/procedure-facts.ts';
import { fill, MESSAGES_VI } from '../messages.ts';
import { channelNames } from './fee-facts.ts';

const M = MESSAGES_VI.place;

/** One line of a place answer and the field it is read from (its citation). */
export interface PlaceLine {
  text: string;
  source: 'agency' | 'address' | 'url';
}

/** The lines of a place answer (without citation marks), the first naming the procedure and its level. */
export function placeLines(place: ProcedurePlace, name: string): PlaceLine[] {
  const lines: PlaceLine[] = [];
  const agency = (text: string): void => { lines.push({ text, source: 'agency' }); };
  const levels = place.levels.map((l) => (M.levelNames as Record<string, string>)[l] ?? l);
  if (levels.length > 0) agency(fill(M.levels, { name, levels: levels.join(', ') }));
  if (place.office) agency(fill(M.office, { office: place.office }));
  else if (place.stepOffices.length > 0) agency(fill(M.stepOffices, { offices: place.stepOffices.join('; ') }));
  else {
    const offices = place.levels.map((l) => (M.levelOffices as Record<string, string>)[l]).filter((o): o is string => !!o);
    if (offices.length > 0) agency(fill(M.levelOffice, { office: offices.join('; ') }));
  }
  if (place.competentAuthority && place.competentAuthority !== place.office) agency(fill(M.competent, { office: place.competentAuthority }));
  if (place.delegatedAuthority) agency(fill(M.delegated, { office: place.delegatedAuthority }));
  if (place.address) lines.push({ text: fill(M.address, { address: place.address }), source: 'address' });
  if (place.channels.length > 0) agency(fill(M.channels, { channels: channelNames(place.channels) }));
  if (place.portalUrl) lines.push({ text: fill(place.channels.includes('Trực tuyến') ? M.submitOnline : M.portalPage, { url: place.portalUrl }), source: 'url' });
  return lines;
}

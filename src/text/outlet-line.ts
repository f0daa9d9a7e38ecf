import type { SourceNote } from '../brief/schema.js';

function profileLine(outlet: SourceNote['outlet']): string {
  const name = outlet.name ?? outlet.domain ?? 'Unknown outlet';
  const facts = outlet.inRegistry
    ? [outlet.kind, outlet.country, outlet.owner && `owner: ${outlet.owner}`].filter(Boolean).join(', ')
    : 'not in the registry';
  return `${name}: ${facts}`;
}

/** Whose story it is, as one line for any door: the outlet, and the carrying site for wire copy. */
export function outletLine(note: SourceNote): string {
  const own = profileLine(note.outlet);
  return note.carriedBy ? `${own} (wire copy, carried by ${profileLine(note.carriedBy)})` : own;
}

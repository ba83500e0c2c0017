// Reading Contained Battery Type: a string in MP_ITEM 4.x, an array of strings in some specs and spreadsheets.
// Walmart spells lead acid several ways ("Lead Acid (Non-Spillable)", "Lead-Acid"), so matching is on words.

export const BATTERY_TYPE = 'batteryTechnologyType';
export const NO_BATTERY = 'Does Not Contain a Battery';

/** The battery types given, trimmed, blanks dropped. */
export function batteryTypes(value: unknown): string[] {
  // Most items carry no battery type: no list to build.
  if (value === undefined) return [];
  const items = Array.isArray(value) ? (value as unknown[]) : [value];
  return items.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter((v) => v !== '');
}

function words(type: string): string {
  return type.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
}

export function isLithium(type: string): boolean {
  return words(type).includes('lithium');
}

export function isLeadAcid(type: string): boolean {
  return words(type).includes('lead acid');
}

export function isNoBattery(type: string): boolean {
  return words(type) === words(NO_BATTERY);
}

/** Shown in messages as the value seen: the types as the merchandiser wrote them. */
export function formatTypes(types: readonly string[]): string {
  return types.join(', ');
}

export function isYes(value: unknown): boolean {
  return typeof value === 'string' && value.trim().toLowerCase() === 'yes';
}

export function isNo(value: unknown): boolean {
  return typeof value === 'string' && value.trim().toLowerCase() === 'no';
}

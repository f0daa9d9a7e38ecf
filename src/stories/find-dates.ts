const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s+(\\d{4}))?';
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+${DAY}\\b${YEAR}`, 'gi');
const DAY_MONTH = new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}\\b${YEAR}`, 'gi');
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const WEEKDAY = /\b(?:(last|next|this)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/gi;
const RELATIVE = /\b(yesterday|today|tonight|this morning|last night)\b/gi;

const DAY_MS = 86_400_000;
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase());
}

/** A month and day without a year: the year that puts it nearest the reference date. */
function dayOf(month: number, day: number, year: number | null, reference: Date): string | null {
  if (month < 0 || day < 1 || day > 31) return null;
  if (year) return iso(Date.UTC(year, month, day));
  const candidates = [-1, 0, 1].map((y) => Date.UTC(reference.getUTCFullYear() + y, month, day));
  const nearest = candidates.sort((a, b) => Math.abs(a - reference.getTime()) - Math.abs(b - reference.getTime()))[0];
  return nearest === undefined ? null : iso(nearest);
}

/**
 * The days a text names, as YYYY-MM-DD: dates as written, and weekdays and "yesterday" resolved
 * against the day the article was published. Outlets that publish a day apart both say "on
 * Tuesday" of the same Tuesday, and this is what lets their dates meet.
 */
export function findDates(text: string, reference: Date): string[] {
  const days = new Set<string>();
  const add = (day: string | null) => day && days.add(day);
  for (const m of text.matchAll(MONTH_DAY))
    add(dayOf(monthIndex(m[1] ?? ''), Number(m[2]), Number(m[3]) || null, reference));
  for (const m of text.matchAll(DAY_MONTH))
    add(dayOf(monthIndex(m[2] ?? ''), Number(m[1]), Number(m[3]) || null, reference));
  for (const m of text.matchAll(ISO_DATE)) add(dayOf(Number(m[2]) - 1, Number(m[3]), Number(m[1]), reference));
  const today = Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth(), reference.getUTCDate());
  for (const m of text.matchAll(WEEKDAY)) {
    const target = WEEKDAYS.indexOf((m[2] ?? '').toLowerCase());
    const back = (reference.getUTCDay() - target + 7) % 7;
    // News tells what happened: a bare weekday is the latest one on or before publication.
    const ahead = m[1]?.toLowerCase() === 'next' ? (target - reference.getUTCDay() + 7) % 7 || 7 : null;
    add(iso(ahead === null ? today - back * DAY_MS : today + ahead * DAY_MS));
  }
  for (const m of text.matchAll(RELATIVE)) {
    add(iso(/yesterday|last night/i.test(m[1] ?? '') ? today - DAY_MS : today));
  }
  return [...days];
}

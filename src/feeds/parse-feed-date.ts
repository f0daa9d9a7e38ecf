const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)$/i;

/** Offsets in minutes of the zone names feeds actually write (RFC 822's, and common unambiguous ones). */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  BST: 60,
  WEST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
};

// RFC 822 / 1123 / 850 shapes, lenient: optional weekday, 2- or 4-digit year, optional seconds and time.
const RFC822 =
  /^(?:[a-z]+,?\s+)?(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([a-z]{1,5}|[+-]\d{2}:?\d{2})?$/i;
const ISO8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[t\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/i;

function offsetMinutes(zone: string | undefined): number | null {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return minutes > 14 * 60 ? null : numeric[1] === '-' ? -minutes : minutes;
  }
  // An unknown zone name costs at most a few hours; reading it as UTC beats dropping the date.
  return ZONES[zone.toUpperCase()] ?? 0;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offset: number | null;
}

/** The instant the parts name, or null when they name no real date (32 November, 25 o'clock…). */
function toIso({ year, month, day, hour, minute, second, offset }: DateParts): string | null {
  if (offset === null || year < 1900 || year > 2200 || hour > 23 || minute > 59 || second > 60) return null;
  const local = new Date(Date.UTC(year, month, day, hour, minute, Math.min(second, 59)));
  if (local.getUTCMonth() !== month || local.getUTCDate() !== day) return null;
  return new Date(local.getTime() - offset * 60_000).toISOString();
}

function fromRfc822(match: RegExpExecArray): string | null {
  const [, day, monthName = '', year = '', hour, minute, second, zone] = match;
  if (!MONTH_NAMES.test(monthName)) return null;
  const shortYear = Number(year);
  return toIso({
    // RFC 2822: two-digit years 00–49 are 20xx, 50–99 are 19xx.
    year: year.length === 2 ? (shortYear < 50 ? 2000 : 1900) + shortYear : shortYear,
    month: MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    offset: offsetMinutes(zone),
  });
}

function fromIso(match: RegExpExecArray): string | null {
  const [, year, month, day, hour, minute, second, zone] = match;
  return toIso({
    year: Number(year),
    month: Number(month) - 1,
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    offset: offsetMinutes(zone),
  });
}

/**
 * A feed's date as an ISO instant, or null. Reads RFC 822 and its relatives (odd zone names, two-digit
 * years, missing weekday or seconds) and ISO 8601; a date without a zone is taken as UTC, never as
 * this machine's local time. Anything else is null, never an exception.
 */
export function parseFeedDate(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text || text.length > 64) return null;
  const iso = ISO8601.exec(text);
  if (iso) return fromIso(iso);
  const rfc = RFC822.exec(text);
  return rfc ? fromRfc822(rfc) : null;
}

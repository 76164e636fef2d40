import { nl } from './nl';
import { en } from './en';

export type Lang = 'nl' | 'en';
export type MessageKey = keyof typeof nl;
export type Params = Record<string, string | number>;

export const LANGUAGES: readonly Lang[] = ['nl', 'en'];
export const DEFAULT_LANG: Lang = 'nl';
export const catalogues: Record<Lang, Record<MessageKey, string>> = { nl, en };

/** Normalises anything the API or the browser gives us ("EN", "en-GB", null) to a supported language. */
export function toLang(value: unknown): Lang {
  if (typeof value !== 'string') return DEFAULT_LANG;
  const base = value.trim().toLowerCase().slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Lang) : DEFAULT_LANG;
}

export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match,
  );
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = catalogues[lang][key] ?? catalogues[DEFAULT_LANG][key] ?? key;
  return interpolate(template, params);
}

/** Picks `<base>.one` or `<base>.other` by count (Dutch and English share the same plural rule). */
export function translatePlural(lang: Lang, base: string, count: number, params?: Params): string {
  const key = `${base}.${count === 1 ? 'one' : 'other'}` as MessageKey;
  return translate(lang, key, { count: formatNumber(count, lang), ...params });
}

export function locale(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'nl-NL';
}

export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits }).format(value);
}

/** "12 januari 2026" / "12 January 2026"; empty string for missing or invalid dates. */
export function formatDate(value: string | null | undefined, lang: Lang): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(date);
}

/** "12 januari 2026 om 10:05" / "12 January 2026 at 10:05" (office time zone); empty string for missing or invalid dates. */
export function formatDateTime(value: string | null | undefined, lang: Lang): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(date);
}

const UNITS = ['kB', 'MB', 'GB', 'TB'];

/**
 * File sizes in binary steps, from kB up: "0,6 kB" (nl) / "0.6 kB" (en), "1,5 kB", "2,3 MB". The one formatter for
 * every size the portal shows (the client's pages, the office's, the attachment dialog).
 */
export function formatFileSize(bytes: number | null | undefined, lang: Lang): string {
  if (bytes == null || !Number.isFinite(bytes) || bytes < 0) return '';
  // A file with content is never shown as "0 kB".
  if (bytes > 0 && bytes < 103) return `${formatNumber(0.1, lang, 1)} ${UNITS[0]}`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // One decimal below 10 ("1,5 MB"), none above ("23 MB").
  return `${formatNumber(value, lang, value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day (YYYY-MM-DD) of a moment in the office's time zone. */
export function dayInAmsterdam(moment: Date): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);
}

/** The day of a date (YYYY-MM-DD, as it is) or of a moment (ISO, in Amsterdam); undefined when it is neither. */
function dayOf(value: string): string | undefined {
  if (DAY.test(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : dayInAmsterdam(date);
}

/** A YYYY-MM-DD plus (or minus) some days (calendar arithmetic, so daylight saving time cannot skip or repeat a day). */
export function addDays(day: string, days: number): string {
  const [, y, m, d] = DAY.exec(day)!;
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + days)).toISOString().slice(0, 10);
}

const previousDay = (day: string) => addDays(day, -1);

/** "15 december" / "15 December"; with the year when it is not this year's (Amsterdam); '' for missing or invalid. */
export function formatShortDate(value: string | null | undefined, lang: Lang, now: Date = new Date()): string {
  const day = value ? dayOf(value) : undefined;
  if (!day) return '';
  const [, y, m, d] = DAY.exec(day)!;
  const sameYear = y === dayInAmsterdam(now).slice(0, 4);
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }), timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), 12)),
  );
}

/**
 * When something happened, as a person says it: "vandaag 14:02" / "today 14:02", "gisteren" / "yesterday", otherwise the
 * date ("12 januari", with the year when not this year). Days and times in the office's time zone; '' for missing or invalid.
 */
export function formatRelativeTime(value: string | null | undefined, lang: Lang, now: Date = new Date()): string {
  if (!value) return '';
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) return '';
  const day = dayInAmsterdam(moment);
  const today = dayInAmsterdam(now);
  if (day === today) {
    const time = new Intl.DateTimeFormat(locale(lang), { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/Amsterdam' }).format(moment);
    return translate(lang, 'time.today', { time });
  }
  if (day === previousDay(today)) return translate(lang, 'time.yesterday');
  return formatShortDate(value, lang, now);
}

/** A due date (YYYY-MM-DD) before today in Amsterdam. */
export function isPastDay(dueDate: string | null | undefined, now: Date = new Date()): boolean {
  const day = dueDate ? dayOf(dueDate) : undefined;
  return !!day && day < dayInAmsterdam(now);
}

// Numbers and amounts as clients type them: Dutch "1.234,56" and "250.000,-", English "1,234.56".
import { locale, type Lang } from '../../../i18n/i18n';

const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  nl: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The number in `text` as written in `lang`, or null when it is not one. Accepts thousands separators in groups of
 * three ("1.234.567,89" / "1,234,567.89"), a euro sign or "EUR", spaces, a minus sign, a Dutch "250.000,-", and, as
 * people often type it, the other language's decimal separator followed by one or two digits ("12.50" in nl).
 * `maxFractionDigits` (2 for amounts) refuses more decimals.
 */
export function parseDecimal(text: string, lang: Lang, maxFractionDigits?: number): number | null {
  let s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^€|€$|^EUR|EUR$/gi, '');
  let negative = false;
  if (/^[-−]/.test(s)) {
    negative = true;
    s = s.slice(1).replace(/^€/, '');
  }
  const { group, decimal } = SEPARATORS[lang];
  const g = escape(group);
  const d = escape(decimal);
  // "250.000,-" / "250,000.-": whole euros.
  s = s.replace(new RegExp(`${d}[-–]$`), '');
  let integer: string;
  let fraction = '';
  let match = new RegExp(`^(\\d+|\\d{1,3}(?:${g}\\d{3})+)(?:${d}(\\d+))?$`).exec(s);
  if (match) {
    integer = match[1].split(group).join('');
    fraction = match[2] ?? '';
  } else if ((match = new RegExp(`^(\\d+)${g}(\\d{1,2})$`).exec(s))) {
    integer = match[1];
    fraction = match[2];
  } else {
    return null;
  }
  if (maxFractionDigits !== undefined && fraction.length > maxFractionDigits) return null;
  const value = Number(fraction ? `${integer}.${fraction}` : integer);
  if (!Number.isFinite(value)) return null;
  return negative && value !== 0 ? -value : value;
}

/** An amount for an input field: "1.234,56" / "1,234.56" ("250.000" for whole euros). */
export function formatAmountInput(value: number, lang: Lang): string {
  const whole = Number.isInteger(value);
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(value);
}

/** A number for an input field, without thousands separators: "12,5" / "12.5". */
export function formatNumberInput(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 10, useGrouping: false }).format(value);
}

/** An amount to read: "€ 1.234,56" / "€1,234.56". */
export function formatAmount(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'EUR' }).format(value);
}

/** A number to read: "1.234,5" / "1,234.5". */
export function formatDecimal(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 10 }).format(value);
}

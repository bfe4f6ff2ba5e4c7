// Locale-aware formatting: dates in the chosen language, names in Vietnamese order.
import { LOCALES, type Language } from './i18n/index.ts';

export function formatDateTime(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'full' }).format(date);
  const time = new Intl.DateTimeFormat(LOCALES[lang], { timeStyle: 'short' }).format(date);
  // Vietnamese invitations say the hour first: "08:00, Thứ Năm, 3 tháng 12, 2026"
  return lang === 'vi' ? `${time}, ${day}` : `${day}, ${time}`;
}

const names = new Intl.Collator('vi');
const texts = new Intl.Collator('vi', { numeric: true });

/** Compares titles and file names: Vietnamese order, "Phụ lục 2" before "Phụ lục 10". */
export function compareText(a: string, b: string): number {
  return texts.compare(a, b);
}

/** Compares people's full names in Vietnamese alphabetical order (A Ă Â … D Đ … U Ư …). */
export function compareNames(a: string, b: string): number {
  return names.compare(a, b);
}

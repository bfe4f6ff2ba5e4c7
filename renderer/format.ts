// Locale-aware formatting: dates in the chosen language, names in Vietnamese list order.
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

/** A full name split the way Vietnamese lists sort it: the given name (last word), then the rest. */
function nameParts(fullName: string): [given: string, rest: string] {
  const words = fullName.trim().split(/\s+/);
  const given = words.pop() ?? '';
  return [given, words.join(' ')];
}

/**
 * Compares people's full names as Vietnamese official lists do: by given name (the last word), then
 * by the rest from the start (surname, middle names), each in Vietnamese order (A Ă Â … D Đ …).
 * "Âu Thị Ngọc Ánh" comes before "Ưng Thiện Ân", and "Nguyễn Thị Thu Hà" before "Trần Văn Hùng".
 */
export function compareNames(a: string, b: string): number {
  const [givenA, restA] = nameParts(a);
  const [givenB, restB] = nameParts(b);
  return names.compare(givenA, givenB) || names.compare(restA, restB);
}

export function formatNumber(n: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(n);
}

/** A share of a whole as a percentage with at most one decimal ("71,4 %" in Vietnamese). */
export function formatPercent(part: number, whole: number, lang: Language): string {
  const share = whole > 0 ? part / whole : 0;
  return new Intl.NumberFormat(LOCALES[lang], {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(share);
}

/** Seconds as a clock: "4:05", "12:00", "1:02:03"; a negative value counts over ("+0:15"). */
export function formatClock(seconds: number): string {
  const over = seconds < 0;
  const total = Math.abs(Math.trunc(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  const clock = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
  return over ? `+${clock}` : clock;
}

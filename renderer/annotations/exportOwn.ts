// What "Download with my annotations" puts in the copy, and what it calls the file. No DOM, no
// pdf-lib: the meeting screen's bundle stays small, and this is tested in Node.
import type { Annotation, MeetingState } from '../../core/model.ts';
import { LOCALES, type Language } from '../i18n/index.ts';

export interface OwnAnnotations {
  /** Mine, on this version of the document, in the order they were made. */
  annotations: Annotation[];
  /** Mine on an earlier version of the document (replaced since): their places may not fit. */
  outdated: number;
}

/**
 * The delegate's own annotations on one document: the copy says "my annotations", so shared ones
 * by others are left out (they are the meeting's, and their authors did not make this copy).
 */
export function ownAnnotations(
  meeting: Pick<MeetingState, 'annotations'>,
  userId: string,
  documentId: string,
  sha256: string,
): OwnAnnotations {
  const mine = Object.values(meeting.annotations).filter(
    (a) => a.author === userId && a.documentId === documentId,
  );
  const current = mine.filter((a) => a.sha256 === sha256);
  current.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { annotations: current, outdated: mine.length - current.length };
}

/** "26/11/2026 14:05": the date and the time on the 24-hour clock, day first. */
export function exportTime(at: Date, lang: Language): string {
  const parts = new Intl.DateTimeFormat(LOCALES[lang], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/**
 * The downloaded file's name: the document's, with a suffix ("… - kèm ghi chú"), without what
 * file systems refuse (/ \ : * ? " < > |, control characters), at most 150 characters.
 */
export function exportFileName(documentName: string, suffix: string): string {
  const base = documentName
    .replace(/\.pdf$/i, '')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${`${base || 'document'} - ${suffix}`.slice(0, 150).trim()}.pdf`;
}

// The words of a pack announcement ("Mục 3: tài liệu đã được thay thế"), from the pure
// announcement core derives (core/announcements.ts).
import type { TFunction } from 'i18next';
import type { Announcement } from '../../core/index.ts';

export function announcementText(a: Announcement, t: TFunction): string {
  const item = a.itemNumber
    ? t('builder.publish.itemRef', { number: a.itemNumber })
    : a.itemTitle || '—';
  return t(`builder.publish.announce.${a.kind}`, {
    item,
    name: a.documentName,
    title: a.itemTitle,
  });
}

/** A CSS string for `content:` (the label drawn on every page): quotes and backslashes escaped. */
export function cssString(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/[\\"]/g, '\\$&');
  return `"${clean}"`;
}

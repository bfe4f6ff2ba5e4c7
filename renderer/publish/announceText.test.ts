import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Announcement } from '../../core/index.ts';
import { en } from '../i18n/en.ts';
import { vi } from '../i18n/vi.ts';
import { announcementText, cssString } from './announceText.ts';

async function tIn(lng: 'vi' | 'en') {
  const i = i18next.createInstance();
  await i.init({
    lng,
    resources: { vi: { translation: vi }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return i.t.bind(i);
}

const replaced: Announcement = {
  kind: 'documentReplaced',
  itemNumber: '3',
  itemTitle: 'Tờ trình ngân sách',
  documentName: 'to-trinh-v2.pdf',
  documentId: 'd1',
  rev: 9,
  at: '2026-03-09T01:00:00.000Z',
};

describe('announcement text', () => {
  it('names the item by its agenda number', async () => {
    const vt = await tIn('vi');
    expect(announcementText(replaced, vt)).toBe(
      'Mục 3: tài liệu đã được thay thế (“to-trinh-v2.pdf”)',
    );
    const et = await tIn('en');
    expect(announcementText({ ...replaced, kind: 'itemRemoved', itemNumber: '2.1' }, et)).toBe(
      'Item 2.1: item “Tờ trình ngân sách” taken off the agenda',
    );
  });

  it('falls back to the title when the item has no number', async () => {
    const vt = await tIn('vi');
    expect(announcementText({ ...replaced, kind: 'documentRemoved', itemNumber: '' }, vt)).toBe(
      'Tờ trình ngân sách: tài liệu “to-trinh-v2.pdf” đã được gỡ bỏ',
    );
  });

  it('makes a safe CSS string of a label', () => {
    expect(cssString('MẬT')).toBe('"MẬT"');
    expect(cssString('a"b\\c\nd')).toBe('"a\\"b\\\\c d"');
  });
});

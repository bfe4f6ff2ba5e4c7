import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../core/model.ts';
import { exportFileName, exportTime, ownAnnotations } from './exportOwn.ts';

function a(id: string, author: string, documentId: string, sha256: string, createdAt: string) {
  return {
    id,
    author,
    documentId,
    sha256,
    createdAt,
    shared: author !== 'me',
  } as Annotation;
}

describe('ownAnnotations', () => {
  it('takes only mine on this document, oldest first, and counts those on an older version', () => {
    const annotations = {
      x: a('x', 'me', 'd1', 'v2', '2026-11-26T08:00:00Z'),
      y: a('y', 'me', 'd1', 'v2', '2026-11-26T07:00:00Z'),
      old: a('old', 'me', 'd1', 'v1', '2026-11-26T06:00:00Z'),
      other: a('other', 'me', 'd2', 'v2', '2026-11-26T06:00:00Z'),
      shared: a('shared', 'someone', 'd1', 'v2', '2026-11-26T06:00:00Z'),
    };
    const own = ownAnnotations({ annotations }, 'me', 'd1', 'v2');
    expect(own.annotations.map((x) => x.id)).toEqual(['y', 'x']);
    expect(own.outdated).toBe(1);
  });
});

describe('exportTime', () => {
  it('writes day/month/year and the hour on the 24-hour clock in both languages', () => {
    const at = new Date(2026, 10, 26, 14, 5);
    expect(exportTime(at, 'vi')).toBe('26/11/2026 14:05');
    expect(exportTime(at, 'en')).toBe('26/11/2026 14:05');
  });
});

describe('exportFileName', () => {
  it('keeps the Vietnamese name, adds the suffix and drops what file systems refuse', () => {
    expect(exportFileName('Dự toán ngân sách 2027.pdf', 'kèm ghi chú')).toBe(
      'Dự toán ngân sách 2027 - kèm ghi chú.pdf',
    );
    expect(exportFileName('Báo cáo: quý 3/2026?.PDF', 'kèm ghi chú')).toBe(
      'Báo cáo quý 3 2026 - kèm ghi chú.pdf',
    );
    expect(exportFileName('', 'x')).toBe('document - x.pdf');
    expect(exportFileName('a'.repeat(300), 'x').length).toBeLessThanOrEqual(154);
  });
});

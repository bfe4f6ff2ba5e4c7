// The "could not place" list as its owner sees it: only their own annotations left on an earlier
// version of this document, each with its words and old page, in Vietnamese.
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, DocumentInfo, MeetingState } from '../../core/index.ts';
import { vi } from '../i18n/vi.ts';
import { UnplacedList } from './UnplacedList.tsx';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    lng: 'vi',
    resources: { vi: { translation: vi } },
    interpolation: { escapeValue: false },
  });
});

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const NOW = '2026-03-09T01:00:00.000Z';

function annotation(id: string, author: string, sha256: string, quote: string): Annotation {
  return {
    id,
    documentId: 'doc1',
    sha256,
    page: 3,
    author,
    shared: false,
    color: '#ffd400',
    text: '',
    shape: {
      kind: 'highlight',
      rects: [{ x: 1, y: 1, w: 1, h: 1 }],
      quote,
      prefix: '',
      suffix: '',
    },
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
  };
}

const meeting: Pick<MeetingState, 'annotations' | 'documents'> = {
  documents: {
    doc1: {
      id: 'doc1',
      itemId: 'i1',
      name: 'Báo cáo',
      sha256: B,
      size: 1,
      pages: 4,
      uploadedBy: 'sec',
      uploadedAt: NOW,
    } as DocumentInfo,
  },
  annotations: {
    gone: annotation('gone', 'del1', A, 'Hội đồng thống nhất phân bổ ngân sách.'),
    moved: annotation('moved', 'del1', B, 'Đã chuyển sang phiên bản mới.'),
    others: annotation('others', 'del2', A, 'Của người khác.'),
  },
};

const send = () => Promise.resolve({ ok: true as const, rev: 1, meetingId: 'm1' });

describe('UnplacedList', () => {
  it('lists the user’s own annotations left on the old version, with words and page', () => {
    const html = renderToStaticMarkup(
      <UnplacedList meeting={meeting} documentId="doc1" userId="del1" send={send} />,
    );
    expect(html).toContain('Không đặt lại được trên phiên bản mới');
    expect(html).toContain('Hội đồng thống nhất phân bổ ngân sách.');
    expect(html).toContain('Trang 3 (phiên bản cũ)');
    expect(html).toContain('Tô sáng');
    expect(html).toContain('>Xoá<');
    expect(html).not.toContain('Đã chuyển sang phiên bản mới.');
    expect(html).not.toContain('Của người khác.');
  });

  it('shows nothing when everything was placed', () => {
    const html = renderToStaticMarkup(
      <UnplacedList meeting={meeting} documentId="doc1" userId="del3" send={send} />,
    );
    expect(html).toBe('');
  });
});

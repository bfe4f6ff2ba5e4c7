// The minutes' PDF layout: text stays inside the margins, long text flows onto more pages with
// page numbers, control characters are dropped, and the text reads back as written.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { draftMinutes, emptyMeeting, type MeetingState } from '../../core/index.ts';
import { renderMinutesPdf } from './pdf.ts';

const A4_WIDTH = 595.28;
const RIGHT_MARGIN = (15 * 72) / 25.4;

describe('the minutes PDF', () => {
  it('keeps long text inside the margins and numbers the pages', async () => {
    const s: MeetingState = {
      ...emptyMeeting(),
      title: 'Phiên họp\u0007 chuyên đề',
      startsAt: '2026-11-26T08:00:00+07:00',
    };
    const doc = draftMinutes(s, 'vi');
    const long = `Xem tại https://example.org/${'z'.repeat(300)} để biết thêm.`;
    doc.sections.push({
      key: 'other',
      heading: 'Nội dung khác',
      level: 1,
      paragraphs: [
        long,
        ...Array.from({ length: 60 }, () => 'Đại biểu thảo luận sôi nổi. '.repeat(12)),
      ],
      edited: true,
    });
    const task = getDocument({ data: await renderMinutesPdf(doc), verbosity: 0 });
    const pdf = await task.promise;
    expect(pdf.numPages).toBeGreaterThan(1);
    const texts: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        texts.push(item.str);
        expect(item.transform[4] + item.width, item.str).toBeLessThanOrEqual(
          A4_WIDTH - RIGHT_MARGIN + 0.5,
        );
      }
      expect(texts).toContain(`Trang ${n}/${pdf.numPages}`);
    }
    await task.destroy();
    const all = texts.join('');
    expect(all).toContain('Phiên họp chuyên đề');
    expect(all).toContain(`https://example.org/${'z'.repeat(300)}`);
  });
});

// Re-anchoring on synthetic layouts: what counts as the same text, which occurrence wins, the
// boxes computed, and the events (who receives them, what a later edit does to them).
import { describe, expect, it } from 'vitest';
import { reanchor, type DocumentLayout, type LayoutItem } from './anchoring.ts';
import type { MeetingEvent } from './events.ts';
import type { AnnotationShape, MeetingState } from './model.ts';
import { decideReanchor, reanchorDocument, unplacedAnnotations } from './reanchor.ts';
import { ServerCommandSchema } from './schemas.ts';
import { run, sampleMeeting, secretary, delegate } from './test-support.ts';
import { audienceOf } from './visibility.ts';

/** Lines of text, 10 pt, each char 5 pt wide, one item per line (or per piece if split). */
function page(...lines: (string | string[])[]): DocumentLayout['pages'][number] {
  const items: LayoutItem[] = [];
  lines.forEach((line, k) => {
    const y = 800 - 20 * k;
    let x = 50;
    const pieces = Array.isArray(line) ? line : [line];
    pieces.forEach((str, j) => {
      items.push({ str, x, y, w: str.length * 5, h: 10, eol: j === pieces.length - 1 });
      x += str.length * 5;
    });
  });
  return { width: 595, height: 842, items };
}

const doc = (...pages: DocumentLayout['pages']): DocumentLayout => ({ pages });

const hl = (quote: string, prefix = '', suffix = '', y = 800): AnnotationShape => ({
  kind: 'highlight',
  rects: [{ x: 50, y: y - 2, w: 100, h: 12 }],
  quote,
  prefix,
  suffix,
});

describe('reanchor: highlights', () => {
  const old = doc(page('Kính gửi các đại biểu.', 'Điều 1. Thông qua dự toán ngân sách.'));

  it('ignores case, white space and how the text is cut into items and lines', () => {
    const next = doc(page('xin chào', ['ĐIỀU 1.', '  thông qua'], 'DỰ TOÁN ngân   sách.'));
    const placed = reanchor(
      { page: 1, shape: hl('Điều 1. Thông qua dự toán ngân sách.') },
      old,
      next,
    );
    expect(placed?.page).toBe(1);
    if (placed?.shape.kind !== 'highlight') throw new Error('kind');
    // two lines: the first from "ĐIỀU 1." to "thông qua", the second the whole line
    expect(placed.shape.rects).toHaveLength(2);
    expect(placed.shape.rects[0]).toMatchObject({ x: 50, y: 778, h: 12 });
    expect(placed.shape.rects[0]!.w).toBeCloseTo(5 * ('ĐIỀU 1.'.length + '  thông qua'.length));
    expect(placed.shape.rects[1]).toMatchObject({ x: 50, y: 758 });
    expect(placed.shape.prefix).toBe('xin chào ');
    expect(placed.shape.suffix).toBe('');
  });

  it('a part of an item gets its share of the item’s width', () => {
    const next = doc(page('Mở đầu. Thông qua dự toán. Kết thúc.'));
    const placed = reanchor({ page: 1, shape: hl('thông qua dự toán') }, old, next);
    if (placed?.shape.kind !== 'highlight') throw new Error('kind');
    expect(placed.shape.rects).toEqual([{ x: 50 + 8 * 5, y: 798, w: 17 * 5, h: 12 }]);
  });

  it('of several occurrences, the one whose context matches wins, then the nearest page', () => {
    const next = doc(
      page('Phần A: thông qua dự toán.'),
      page('Phần B: thông qua dự toán.'),
      page('Phần A: thông qua dự toán.'),
    );
    const byContext = reanchor(
      { page: 1, shape: hl('thông qua dự toán', 'Phần B:', '') },
      old,
      next,
    );
    expect(byContext?.page).toBe(2);
    const byPage = reanchor({ page: 3, shape: hl('thông qua dự toán', 'Phần A:', '.') }, old, next);
    expect(byPage?.page).toBe(3);
    const nearFirst = reanchor(
      { page: 1, shape: hl('thông qua dự toán', 'Phần A:', '.') },
      old,
      next,
    );
    expect(nearFirst?.page).toBe(1);
  });

  it('tolerates changed punctuation only; a changed letter, digit or diacritic is not placed', () => {
    const quote = 'Điều 1. Thông qua dự toán ngân sách.';
    const at = (text: string) => reanchor({ page: 1, shape: hl(quote) }, old, doc(page(text)));
    expect(at('Điều 1: Thông qua dự toán, ngân sách')?.page).toBe(1);
    expect(at('Điều 2. Thông qua dự toán ngân sách.')).toBeNull();
    expect(at('Điều 1. Thông qua dự thảo ngân sách.')).toBeNull();
    expect(at('Điều 1. Thông qua dự toán ngân sach.')).toBeNull();
    expect(at('Điều 1. Hội đồng chấp thuận dự toán ngân sách.')).toBeNull();
  });

  it('an empty quote or a page without text is not placed', () => {
    expect(reanchor({ page: 1, shape: hl('  ') }, old, old)).toBeNull();
    expect(
      reanchor({ page: 1, shape: hl('Điều 1.') }, old, doc({ width: 1, height: 1, items: [] })),
    ).toBeNull();
  });
});

describe('reanchor: notes, text boxes and ink', () => {
  const old = doc(page('Mục 1. Báo cáo tài chính quý một.', 'Mục 2. Kế hoạch đầu tư công.'));
  const moved = doc(
    page('Tiêu đề mới', ''),
    page('Lời nói đầu', 'Mục 1. Báo cáo tài chính quý một.', 'Mục 2. Kế hoạch đầu tư công.'),
  );

  it('follow the words nearest to them, by the same offset, keeping their shape', () => {
    // just after the end of "Mục 2 ..." (second line, y = 780): on page 2 of the new version it is at y = 760
    const note = reanchor({ page: 1, shape: { kind: 'note', x: 195, y: 785 } }, old, moved);
    expect(note).toEqual({ page: 2, shape: { kind: 'note', x: 195, y: 765 } });
    const box = reanchor(
      { page: 1, shape: { kind: 'text', rect: { x: 60, y: 805, w: 80, h: 20 }, fontSize: 11 } },
      old,
      moved,
    );
    expect(box).toEqual({
      page: 2,
      shape: { kind: 'text', rect: { x: 60, y: 785, w: 80, h: 20 }, fontSize: 11 },
    });
    const ink = reanchor(
      { page: 1, shape: { kind: 'ink', strokes: [[50, 777, 150, 777]], width: 2 } },
      old,
      moved,
    );
    expect(ink).toEqual({
      page: 2,
      shape: { kind: 'ink', strokes: [[50, 757, 150, 757]], width: 2 },
    });
  });

  it('are not placed when their words are gone, or there were none', () => {
    const gone = doc(page('Mục 1. Báo cáo tài chính quý một.', 'Mục 2. Điều chỉnh kế hoạch vốn.'));
    expect(reanchor({ page: 1, shape: { kind: 'note', x: 195, y: 785 } }, old, gone)).toBeNull();
    const blank = doc({ width: 595, height: 842, items: [] });
    expect(reanchor({ page: 1, shape: { kind: 'note', x: 195, y: 785 } }, blank, old)).toBeNull();
  });
});

describe('reanchorDocument and the annotation.reanchored event', () => {
  const A = 'a'.repeat(64);
  const B = 'b'.repeat(64);
  const oldLayout = doc(page('Điều 1. Thông qua dự toán.', 'Điều 2. Giao Ủy ban thực hiện.'));
  const newLayout = doc(
    page(
      'Căn cứ Luật Ngân sách.',
      'Điều 1. Thông qua dự toán.',
      'Điều 2. Giao Ủy ban tổ chức thực hiện.',
    ),
  );

  function meeting(): MeetingState {
    let s = run(
      sampleMeeting(),
      {
        type: 'document.add',
        payload: { itemId: 'A', name: 'Nghị quyết.pdf', sha256: A, size: 10, pages: 1 },
      },
      secretary,
      () => 'doc1',
    ).state;
    const create = (annotationId: string, shape: AnnotationShape) =>
      run(
        s,
        {
          type: 'annotation.create',
          payload: {
            annotationId,
            documentId: 'doc1',
            page: 1,
            color: '#ffd400',
            text: '',
            shape,
            shared: false,
          },
        },
        delegate,
      ).state;
    s = create('h1', hl('Thông qua dự toán', 'Điều 1.', '.'));
    s = create('h2', hl('Giao Ủy ban thực hiện', 'Điều 2.', '.', 780));
    // the new version arrives (as document.replaced will do): same document, new sha256
    return { ...s, documents: { ...s.documents, doc1: { ...s.documents.doc1!, sha256: B } } };
  }

  it('moves what it can place, to the author only; the rest is listed as unplaced', () => {
    const s = meeting();
    const events = reanchorDocument(s, 'doc1', A, B, oldLayout, newLayout);
    expect(events).toHaveLength(1);
    const e = { ...events[0]!, rev: s.rev + 1, at: 'now', actor: 'sec' } as MeetingEvent;
    expect(e).toMatchObject({
      type: 'annotation.reanchored',
      payload: {
        annotationId: 'h1',
        author: 'del1',
        shared: false,
        sha256: B,
        page: 1,
        version: 2,
      },
    });
    expect(audienceOf(e)).toEqual({ kind: 'some', users: ['del1'], roles: [] });
    expect(unplacedAnnotations(s, 'doc1', 'del1').map((a) => a.id)).toEqual(['h1', 'h2']);
  });

  it('runs as the server-made command; an annotation edited since is left for the next round', () => {
    const s = meeting();
    const placements = [
      { annotationId: 'h1', version: 1, page: 1, shape: hl('Thông qua dự toán', '', '', 780) },
    ];
    const command = ServerCommandSchema.parse({
      type: 'annotation.reanchor',
      payload: { documentId: 'doc1', fromSha: A, toSha: B, placements },
    });
    if (command.type !== 'annotation.reanchor') throw new Error('type');
    const after = run(s, command, secretary).state;
    expect(after.annotations.h1).toMatchObject({ sha256: B, version: 2 });
    expect(unplacedAnnotations(after, 'doc1', 'del1').map((a) => a.id)).toEqual(['h2']);
    // computed from version 1, but the author changed it meanwhile: no event
    const edited = {
      ...s,
      annotations: { ...s.annotations, h1: { ...s.annotations.h1!, version: 2 } },
    };
    expect(decideReanchor(edited, command)).toEqual({ ok: true, events: [] });
    const tooFar = {
      ...command,
      payload: { ...command.payload, placements: [{ ...placements[0]!, page: 2 }] },
    };
    expect(decideReanchor(s, tooFar)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    const delegateTries = () => run(s, command, delegate);
    expect(delegateTries).toThrow(/FORBIDDEN/);
  });
});

import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ClientCommandSchema,
  decide,
  type AppError,
  type ClientCommand,
  type MeetingState,
} from '../../core/index.ts';
import { chair, ctxFor, delegate, run, sampleMeeting, secretary } from '../../core/test-support.ts';
import { en } from '../i18n/en.ts';
import { vi } from '../i18n/vi.ts';
import { refusalText } from './refusalText.ts';

type T = ReturnType<typeof i18next.createInstance>['t'];
let vt: T;
let et: T;
beforeAll(async () => {
  const make = async (lng: string) => {
    const i = i18next.createInstance();
    await i.init({
      lng,
      resources: { vi: { translation: vi }, en: { translation: en } },
      interpolation: { escapeValue: false },
    });
    return i.t.bind(i);
  };
  vt = await make('vi');
  et = await make('en');
});

const DOC = 'Báo cáo kinh tế - xã hội';

function withDocument(): MeetingState {
  return run(
    sampleMeeting(),
    {
      type: 'document.add',
      payload: { itemId: 'A', name: DOC, sha256: 'a'.repeat(64), size: 10, pages: 5 },
    },
    secretary,
    () => 'doc1',
  ).state;
}

const cmd = (c: unknown): ClientCommand => ClientCommandSchema.parse(c);
const create = (kind: 'note' | 'text' | 'highlight' | 'ink', shared = false) => {
  const shapes = {
    note: { kind: 'note', x: 10, y: 20 },
    text: { kind: 'text', rect: { x: 10, y: 20, w: 100, h: 30 }, fontSize: 12 },
    highlight: { kind: 'highlight', rects: [{ x: 1, y: 2, w: 3, h: 4 }], quote: 'GDP' },
    ink: { kind: 'ink', strokes: [[1, 2, 3, 4]], width: 2 },
  };
  return cmd({
    type: 'annotation.create',
    payload: {
      annotationId: `a-${kind}`,
      documentId: 'doc1',
      page: 3,
      color: '#ffd400',
      shape: shapes[kind],
      shared,
    },
  });
};

/** What the server says to the command in `now` (it must refuse it). */
function refusal(now: MeetingState, command: ClientCommand, actor = delegate): AppError {
  const d = decide(now, command, ctxFor(actor));
  if (d.ok) throw new Error('expected a refusal');
  return d.error;
}

function both(command: ClientCommand, now: MeetingState, known: MeetingState) {
  const error = refusal(now, command);
  const ctx = { now, known };
  return {
    vi: refusalText(vt, 'vi', command, error, ctx),
    en: refusalText(et, 'en', command, error, ctx),
  };
}

describe('a refused change, named', () => {
  it('a note made offline on a document withdrawn meanwhile', () => {
    const known = withDocument();
    const now = run(
      known,
      { type: 'document.remove', payload: { documentId: 'doc1' } },
      secretary,
    ).state;
    expect(both(create('note'), now, known)).toEqual({
      vi: `Ghi chú trên trang 3 của «${DOC}» không được lưu: tài liệu đã bị rút khỏi cuộc họp.`,
      en: `Your note on page 3 of “${DOC}” was not saved: the document was withdrawn from the meeting.`,
    });
  });

  it('a change to a text box deleted on another device', () => {
    const known = run(withDocument(), create('text'), delegate).state;
    const now = run(
      known,
      { type: 'annotation.delete', payload: { annotationId: 'a-text' } },
      delegate,
    ).state;
    const update = cmd({
      type: 'annotation.update',
      payload: { annotationId: 'a-text', text: 'Hỏi lại số liệu' },
    });
    expect(both(update, now, known)).toEqual({
      vi: `Phần sửa hộp văn bản trên trang 3 của «${DOC}» không được lưu: chú thích này đã bị xoá (có thể trên thiết bị khác).`,
      en: `Your change to the text box on page 3 of “${DOC}” was not saved: it was deleted meanwhile (perhaps on another device).`,
    });
    const del = cmd({ type: 'annotation.delete', payload: { annotationId: 'a-text' } });
    expect(both(del, now, known).en).toBe(
      `Your text box on page 3 of “${DOC}” could not be deleted: it was deleted meanwhile (perhaps on another device).`,
    );
  });

  it('a shared highlight, and a request to speak, after the meeting ended', () => {
    const known = withDocument();
    const now = run(
      known,
      { type: 'meeting.setStatus', payload: { status: 'closed' } },
      chair,
    ).state;
    expect(both(create('highlight', true), now, known)).toEqual({
      vi: `Phần tô sáng trên trang 3 của «${DOC}» không được lưu: cuộc họp đã kết thúc.`,
      en: `Your highlight on page 3 of “${DOC}” was not saved: the meeting has ended.`,
    });
    const speak = cmd({ type: 'speaker.register', payload: { kind: 'speech' } });
    expect(both(speak, now, known)).toEqual({
      vi: 'Đăng ký phát biểu của bạn không được ghi nhận: cuộc họp đã kết thúc.',
      en: 'Your request to speak was not recorded: the meeting has ended.',
    });
  });

  it('a personal note on an agenda item removed meanwhile', () => {
    const known = sampleMeeting();
    const now = run(known, { type: 'agenda.remove', payload: { itemId: 'C' } }, secretary).state;
    const save = cmd({ type: 'note.save', payload: { itemId: 'C', text: 'Ý kiến' } });
    expect(both(save, now, known)).toEqual({
      vi: 'Ghi chú cá nhân cho nội dung «C» không được lưu: nội dung này đã bị xoá khỏi chương trình họp.',
      en: 'Your personal note on the agenda item “C” was not saved: the agenda item was removed.',
    });
  });

  it('a reason it cannot name falls back to the server’s message', () => {
    const known = run(withDocument(), create('ink'), delegate).state;
    const share = cmd({
      type: 'annotation.share',
      payload: { annotationId: 'a-ink', shared: true },
    });
    const error: AppError = { code: 'CONFLICT', message: 'Something unforeseen happened.' };
    expect(refusalText(et, 'en', share, error, { now: known, known })).toBe(
      `Your drawing on page 3 of “${DOC}” could not be shared: Something unforeseen happened.`,
    );
    // a refused role change is not a delegate's offline change: the caller shows the error as is
    const role = cmd({
      type: 'participant.setRole',
      payload: { userId: 'del1', role: 'observer' },
    });
    expect(refusalText(et, 'en', role, error, { now: known, known })).toBeNull();
  });

  it('names an annotation the device no longer knows by its kind alone', () => {
    const update = cmd({
      type: 'annotation.update',
      payload: { annotationId: 'gone', text: 'x' },
    });
    const error: AppError = { code: 'FORBIDDEN', message: 'Only its author can change it.' };
    expect(refusalText(vt, 'vi', update, error, { now: null, known: null })).toBe(
      'Phần sửa ghi chú không được lưu: bạn không còn quyền làm việc này.',
    );
  });
});

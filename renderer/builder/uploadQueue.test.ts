import { describe, expect, it } from 'vitest';
import {
  looksLikePdf,
  percent,
  readyToStart,
  refusalOf,
  uploadReducer,
  type UploadAction,
  type UploadEntry,
} from './uploadQueue.ts';

const run = (...actions: UploadAction[]): UploadEntry[] => actions.reduce(uploadReducer, []);
const add = (key: string, size = 1000): UploadAction => ({
  type: 'add',
  key,
  itemId: 'item1',
  name: `${key}.pdf`,
  size,
});

describe('the upload queue', () => {
  it('tracks each file from queued to done with its own progress', () => {
    const list = run(
      add('a'),
      add('b'),
      { type: 'start', key: 'a' },
      { type: 'progress', key: 'a', loaded: 250 },
    );
    expect(list.map((e) => [e.status, percent(e)])).toEqual([
      ['uploading', 25],
      ['queued', 0],
    ]);
    const done = uploadReducer(list, { type: 'done', key: 'a' });
    expect(percent(done[0]!)).toBe(100);
  });

  it('starts at most two at once, oldest first', () => {
    const list = run(add('a'), add('b'), add('c'), { type: 'start', key: 'a' });
    expect(readyToStart(list).map((e) => e.key)).toEqual(['b']);
    expect(readyToStart(run(add('a'), add('b'), add('c'))).map((e) => e.key)).toEqual(['a', 'b']);
  });

  it('keeps a cancelled or refused file as it ended', () => {
    const list = run(
      add('a'),
      { type: 'start', key: 'a' },
      { type: 'cancel', key: 'a' },
      { type: 'progress', key: 'a', loaded: 900 },
      { type: 'done', key: 'a' },
    );
    expect(list[0]).toMatchObject({ status: 'cancelled', loaded: 0 });
    const refused = run(add('b'), { type: 'refuse', key: 'b', refusal: 'password' });
    expect(refused[0]).toMatchObject({ status: 'refused', refusal: 'password' });
    expect(uploadReducer(refused, { type: 'dismiss', key: 'b' })).toEqual([]);
  });

  it('progress never goes backwards nor past the size', () => {
    const list = run(
      add('a', 100),
      { type: 'progress', key: 'a', loaded: 80 },
      { type: 'progress', key: 'a', loaded: 40 },
    );
    expect(list[0]?.loaded).toBe(80);
    expect(run(add('a', 100), { type: 'progress', key: 'a', loaded: 400 })[0]?.loaded).toBe(100);
  });
});

describe('why a file was refused', () => {
  it('maps the server error codes to what the secretary is told', () => {
    expect(refusalOf('PASSWORD_PROTECTED', 422)).toBe('password');
    expect(refusalOf('UNSUPPORTED_FILE', 422)).toBe('damaged');
    expect(refusalOf('PAYLOAD_TOO_LARGE', 413)).toBe('tooLarge');
    expect(refusalOf('INTERNAL', 413)).toBe('tooLarge');
    expect(refusalOf('FORBIDDEN', 403)).toBeNull();
  });

  it('recognises a PDF by its header, as the server does', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(looksLikePdf(bytes('%PDF-1.7\n...'))).toBe(true);
    expect(looksLikePdf(bytes(`${' '.repeat(100)}%PDF-1.4`))).toBe(true);
    expect(looksLikePdf(bytes('PK\u0003\u0004 a zip'))).toBe(false);
    expect(looksLikePdf(bytes(`${' '.repeat(1100)}%PDF-1.4`))).toBe(false);
    expect(looksLikePdf(new Uint8Array())).toBe(false);
  });
});

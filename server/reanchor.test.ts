// Re-anchoring end to end: a real server, a delegate's private highlight, note and ink on one
// version of a report, a new version with a paragraph inserted and one sentence reworded, and
// the server's reanchorOnReplace moving them (lead: the trigger becomes `document.replaced`).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationShape, MeetingEvent } from '../core/index.ts';
import {
  BEFORE,
  boxOfWords,
  highlightOn,
  inserted,
  INSERTED,
  makeTextPdf,
  NOTE_LINE,
  noteAndInk,
  PART,
  SENTENCE,
} from './documents/reanchor-fixtures.ts';
import {
  api,
  createMeeting,
  expectOk,
  startTestServer,
  until,
  upload,
  type MeetingFixture,
  type TestServer,
} from './testing/harness.ts';

let t: TestServer;
let m: MeetingFixture;

beforeAll(async () => {
  t = await startTestServer();
  m = await createMeeting(t, { delegates: 2, items: 1 });
});

afterAll(async () => {
  await t?.close();
});

async function uploaded(lines: string[], name: string) {
  const made = await makeTextPdf(lines);
  const res = await upload(t.url, m.secretary.token, m.meetingId, m.itemIds[0]!, made.bytes, name);
  expect(res.status).toBe(201);
  return { made, doc: res.json.document as { id: string; sha256: string } };
}

describe('reanchorOnReplace', () => {
  it('moves a delegate’s private annotations to the new version, tells only them, and keeps the unplaceable one', async () => {
    const [alice, bob] = [m.delegates[0]!, m.delegates[1]!];
    const a = await uploaded(BEFORE, 'bao-cao-v1.pdf');
    const reworded = 'Hội đồng quyết định dành thêm kinh phí cho các trường ở miền núi.';
    const b = await uploaded(
      inserted(INSERTED).map((l) => (l === SENTENCE ? reworded : l)),
      'bao-cao-v2.pdf',
    );

    const device = await t.connect(alice.token);
    expect((await device.join(m.meetingId)).ok).toBe(true);
    const other = await t.connect(bob.token);
    expect((await other.join(m.meetingId)).ok).toBe(true);

    const { note, ink } = noteAndInk(a.made);
    const made: [string, { page: number; shape: AnnotationShape }][] = [
      ['hl-part', highlightOn(a.made, PART, 'đạt 105% dự toán,', '.')],
      ['hl-gone', highlightOn(a.made, SENTENCE, 'Phần II. Kiến nghị', 'Việc sửa chữa')],
      ['note-1', note],
      ['ink-1', ink],
    ];
    for (const [annotationId, { page, shape }] of made)
      await expectOk(
        device.command(m.meetingId, {
          type: 'annotation.create',
          payload: {
            annotationId,
            documentId: a.doc.id,
            page,
            color: '#ffd400',
            text: 'Ghi chú riêng của tôi',
            shape,
            shared: false,
          },
        }),
      );

    const outcome = await t.server.reanchor({
      meetingId: m.meetingId,
      documentId: a.doc.id,
      fromSha: a.doc.sha256,
      toSha: b.doc.sha256,
      actor: { userId: m.secretary.id, globalRole: 'secretary' },
    });
    expect(outcome).toMatchObject({ ok: true, moved: 3, unplaced: 1 });

    const reanchored = () =>
      device.events.filter(
        (e): e is Extract<MeetingEvent, { type: 'annotation.reanchored' }> =>
          e.type === 'annotation.reanchored',
      );
    await until(() => reanchored().length === 3, 'the author’s events');
    expect(
      reanchored()
        .map((e) => e.payload.annotationId)
        .sort(),
    ).toEqual(['hl-part', 'ink-1', 'note-1']);
    // the other delegate gets the revisions, but not a byte of the private annotations
    const rev = outcome.ok ? outcome.rev! : 0;
    await until(() => other.batches.some((x) => x.events.length === 0 && x.rev >= rev), 'rev');
    expect(JSON.stringify(other.batches)).not.toMatch(/hl-part|note-1|ink-1|Ghi chú riêng/);

    // as the author’s snapshot has it: three on the new version, the reworded one on the old
    const snap = await (await t.connect(alice.token)).snapshot(m.meetingId);
    const mine = snap.annotations;
    expect(mine['hl-gone']!.sha256).toBe(a.doc.sha256);
    for (const id of ['hl-part', 'note-1', 'ink-1']) expect(mine[id]!.sha256).toBe(b.doc.sha256);
    const part = mine['hl-part']!.shape;
    if (part.kind !== 'highlight') throw new Error('kind');
    const words = boxOfWords(b.made, PART).box;
    expect(part.rects[0]!.y).toBeLessThanOrEqual(words.y);
    expect(part.rects[0]!.y + part.rects[0]!.h).toBeGreaterThanOrEqual(words.y + words.h);
    // the note's line moved down by the inserted paragraph; the note moved with it
    const dy = boxOfWords(b.made, NOTE_LINE).box.y - boxOfWords(a.made, NOTE_LINE).box.y;
    expect(dy).toBeLessThan(-40);
    expect(mine['note-1']!.shape).toMatchObject({
      kind: 'note',
      x: note.shape.x,
      y: expect.closeTo(note.shape.y + dy, 1) as number,
    });
    // the layouts are kept beside the blobs for the next time
    for (const sha of [a.doc.sha256, b.doc.sha256])
      expect((await stat(join(t.dataDir, 'blobs', `${sha}.layout.json`))).size).toBeGreaterThan(0);

    // a second run finds nothing more to move
    const again = await t.server.reanchor({
      meetingId: m.meetingId,
      documentId: a.doc.id,
      fromSha: a.doc.sha256,
      toSha: b.doc.sha256,
      actor: { userId: m.secretary.id, globalRole: 'secretary' },
    });
    expect(again).toMatchObject({ ok: true, moved: 0, unplaced: 1 });
  });

  it('runs when the secretary uploads a new version: the highlight is on the new file, same words', async () => {
    const alice = m.delegates[0]!;
    const a = await uploaded(BEFORE, 'to-trinh-v1.pdf');
    const device = await t.connect(alice.token);
    expect((await device.join(m.meetingId)).ok).toBe(true);
    const { page, shape } = highlightOn(a.made, PART, 'đạt 105% dự toán,', '.');
    await expectOk(
      device.command(m.meetingId, {
        type: 'annotation.create',
        payload: {
          annotationId: 'hl-route',
          documentId: a.doc.id,
          page,
          color: '#ffd400',
          text: '',
          shape,
          shared: false,
        },
      }),
    );
    const v2 = await makeTextPdf(inserted(INSERTED));
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(v2.bytes)], { type: 'application/pdf' }),
      'v2.pdf',
    );
    const res = await api<{ document: { sha256: string } }>(
      t.url,
      `/api/meetings/${m.meetingId}/documents/${a.doc.id}/versions`,
      { token: m.secretary.token, body: form },
    );
    expect(res.status).toBe(201);
    // moved before the upload was answered
    const moved = (await device.snapshot(m.meetingId)).annotations['hl-route']!;
    expect(moved.sha256).toBe(res.json.document.sha256);
    if (moved.shape.kind !== 'highlight') throw new Error('kind');
    const words = boxOfWords(v2, PART).box;
    expect(moved.shape.rects[0]!.y).toBeLessThanOrEqual(words.y);
    expect(moved.shape.rects[0]!.y + moved.shape.rects[0]!.h).toBeGreaterThanOrEqual(
      words.y + words.h,
    );
  });
});

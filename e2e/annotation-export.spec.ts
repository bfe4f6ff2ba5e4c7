// "Tải về kèm ghi chú của tôi": a delegate's own annotations (made on another device of theirs)
// come out as real PDF annotations in the downloaded file, with the footer naming them; another
// delegate's shared annotation does not.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientCommand, type MeetingState } from '../core/index.ts';
import { displayName, openDemoMeeting, VI_MEETING_TITLE } from './helpers.ts';

/** A second "device" of the person signed in on `page`: a socket with the same session. */
async function device(
  page: Page,
): Promise<{ socket: Socket; meetingId: string; state: MeetingState }> {
  const token = await page.evaluate(() => localStorage.getItem('ecab.token'));
  const meetingId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
  const socket = io(new URL(page.url()).origin, {
    auth: { token, protocol: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const ack = (await socket
    .timeout(10_000)
    .emitWithAck('meeting:join', { meetingId, sinceRev: null })) as {
    ok: boolean;
    snapshot: MeetingState;
  };
  expect(ack.ok).toBe(true);
  return { socket, meetingId, state: ack.snapshot };
}

let n = 0;
async function send(socket: Socket, meetingId: string, command: ClientCommand): Promise<void> {
  const ack = (await socket
    .timeout(10_000)
    .emitWithAck('command', { id: `e2e-export-${Date.now()}-${n++}`, meetingId, command })) as {
    ok: boolean;
  };
  expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });
}

test('downloads the document with my annotations as PDF annotations and my name in the footer', async ({
  browser,
}) => {
  const me = await openDemoMeeting(browser, 'daibieu1');
  const other = await openDemoMeeting(browser, 'daibieu2');
  const mine = await device(me.page);
  const theirs = await device(other.page);
  const stamp = Date.now();
  try {
    const doc = Object.values(mine.state.documents).find((d) => d.pages >= 2)!;
    expect(doc, `a document of ${VI_MEETING_TITLE} with 2 pages`).toBeTruthy();
    const base = { documentId: doc.id, color: '#ffd400', shared: false };
    const commands: ClientCommand[] = [
      {
        type: 'annotation.create',
        payload: {
          ...base,
          annotationId: `hl-${stamp}`,
          page: 1,
          text: 'Đồng ý với số liệu này',
          shape: {
            kind: 'highlight',
            rects: [{ x: 72, y: 700, w: 200, h: 14 }],
            quote: 'x',
            prefix: '',
            suffix: '',
          },
        },
      },
      {
        type: 'annotation.create',
        payload: {
          ...base,
          annotationId: `ink-${stamp}`,
          page: 2,
          text: '',
          shape: { kind: 'ink', strokes: [[100, 300, 150, 320, 200, 300]], width: 2 },
        },
      },
      {
        type: 'annotation.create',
        payload: {
          ...base,
          annotationId: `note-${stamp}`,
          page: 2,
          text: 'Hỏi lại về khoản chi',
          shape: { kind: 'note', x: 400, y: 600 },
        },
      },
      {
        type: 'annotation.create',
        payload: {
          ...base,
          annotationId: `text-${stamp}`,
          page: 1,
          text: 'Đề nghị bổ sung quý IV',
          shape: { kind: 'text', rect: { x: 300, y: 200, w: 160, h: 40 }, fontSize: 11 },
        },
      },
    ];
    for (const c of commands) await send(mine.socket, mine.meetingId, c);
    await send(theirs.socket, theirs.meetingId, {
      type: 'annotation.create',
      payload: {
        ...base,
        shared: true,
        annotationId: `shared-${stamp}`,
        page: 1,
        text: 'Ghi chú chung của người khác',
        shape: { kind: 'note', x: 100, y: 100 },
      },
    });

    const page = me.page;
    await page.goto(`/#/meetings/${encodeURIComponent(mine.meetingId)}/documents/${doc.id}`);
    const button = page.getByTestId('viewer-export');
    await expect(button).toHaveText('Tải về kèm ghi chú của tôi');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(
      `${doc.name.replace(/\.pdf$/i, '')} - kèm ghi chú.pdf`,
    );
    const bytes = new Uint8Array(await readFile((await download.path())!));

    const task = getDocument({ data: bytes, disableFontFace: true, verbosity: 0 });
    const pdf = await task.promise;
    try {
      const found: string[] = [];
      for (let p = 1; p <= pdf.numPages; p++) {
        const pg = await pdf.getPage(p);
        for (const a of (await pg.getAnnotations()) as {
          subtype: string;
          contentsObj?: { str: string };
          titleObj?: { str: string };
        }[])
          if (a.titleObj?.str === displayName('daibieu1'))
            found.push(`${p} ${a.subtype} ${a.contentsObj?.str ?? ''}`);
        const text = (await pg.getTextContent()).items
          .map((i) => ('str' in i ? i.str : ''))
          .join('');
        expect(text).toMatch(
          new RegExp(`Bản của ${displayName('daibieu1')} — \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d`),
        );
      }
      expect(found.sort()).toEqual([
        '1 FreeText Đề nghị bổ sung quý IV',
        '1 Highlight Đồng ý với số liệu này',
        '2 Ink ',
        '2 Text Hỏi lại về khoản chi',
      ]);
      // the other delegate's shared note is theirs, not in my copy
      const all = await Promise.all(
        Array.from({ length: pdf.numPages }, async (_, i) =>
          JSON.stringify(await (await pdf.getPage(i + 1)).getAnnotations()),
        ),
      );
      expect(all.join('')).not.toContain('Ghi chú chung của người khác');
    } finally {
      await task.destroy();
    }
  } finally {
    // leave the demo meeting as it was: other tests count the annotations on its documents
    const remove = (annotationId: string): ClientCommand => ({
      type: 'annotation.delete',
      payload: { annotationId },
    });
    for (const kind of ['hl', 'ink', 'note', 'text'])
      await send(mine.socket, mine.meetingId, remove(`${kind}-${stamp}`)).catch(() => undefined);
    await send(theirs.socket, theirs.meetingId, remove(`shared-${stamp}`)).catch(() => undefined);
    mine.socket.disconnect();
    theirs.socket.disconnect();
    await me.context.close();
    await other.context.close();
  }
});

// A document replaced by a new version: a delegate's highlight moves to the same words of the new
// version (a paragraph was inserted above them), and nothing lands in the "could not place" list.
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, type JoinAck } from '../core/index.ts';
import {
  BEFORE,
  inserted,
  INSERTED,
  makeTextPdf,
  NOTE_LINE,
} from '../server/documents/reanchor-fixtures.ts';
import { DEMO_PASSWORD, openDemoMeeting, VI_MEETING_TITLE, type Person } from './helpers.ts';
import { centreY, expectRendered, highlight, highlights, pageSlot } from './viewer-helpers.ts';

const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? '18481'}`;
const NAME = `bao-cao-ngan-sach-${randomBytes(3).toString('hex')}.pdf`;

const people: Person[] = [];
test.afterEach(async () => {
  for (const p of people.splice(0)) await p.context.close();
});

async function secretaryToken(): Promise<string> {
  const res = await fetch(`${BASE}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'thuky', password: DEMO_PASSWORD }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** The demo meeting and its first agenda item, read over the real protocol. */
async function demoItem(token: string): Promise<{ meetingId: string; itemId: string }> {
  const list = (await (
    await fetch(`${BASE}/api/meetings`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { meetings: { id: string; title: string }[] };
  const meetingId = list.meetings.find((m) => m.title === VI_MEETING_TITLE)!.id;
  const socket = io(BASE, {
    auth: { token, protocol: PROTOCOL_VERSION },
    transports: ['websocket'],
    forceNew: true,
  });
  try {
    const joined = (await socket
      .timeout(10_000)
      .emitWithAck('meeting:join', { meetingId, sinceRev: null })) as JoinAck;
    if (!joined.ok || joined.mode !== 'snapshot') throw new Error('could not read the meeting');
    return { meetingId, itemId: joined.snapshot.agenda.children['']![0]! };
  } finally {
    socket.disconnect();
  }
}

async function post(token: string, path: string, bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
  const res = await fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { document: { id: string } }).document;
}

test('a replaced document keeps the delegate’s highlight on the same words', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const token = await secretaryToken();
  const { meetingId, itemId } = await demoItem(token);
  const v1 = await makeTextPdf(BEFORE);
  const doc = await post(
    token,
    `/api/meetings/${meetingId}/items/${itemId}/documents`,
    v1.bytes,
    NAME,
  );

  const me = await openDemoMeeting(browser, 'daibieu5');
  people.push(me);
  const { page } = me;
  await page.getByTestId('document').filter({ hasText: NAME }).getByTestId('document-open').click();
  await expectRendered(page, 1);
  const words = NOTE_LINE.slice(0, 20);
  await highlight(page, words);
  await expect(highlights(page)).toHaveCount(1);
  const span = pageSlot(page, 1).locator('.textLayer span', { hasText: words });
  const before = await centreY(page, highlights(page));
  expect(Math.abs(before - (await centreY(page, span)))).toBeLessThan(6);

  // the secretary uploads a new version with a paragraph inserted above those words
  const v2 = await makeTextPdf(inserted(INSERTED));
  await post(token, `/api/meetings/${meetingId}/documents/${doc.id}/versions`, v2.bytes, NAME);

  // the delegate reads the new version: the highlight is on the same words, lower on the page
  await page.reload();
  await expectRendered(page, 1, 30_000);
  await expect(pageSlot(page, 1).locator('.pdf-layers')).toHaveAttribute('data-text', 'true');
  await expect(highlights(page)).toHaveCount(1);
  const after = await centreY(page, highlights(page));
  expect(Math.abs(after - (await centreY(page, span)))).toBeLessThan(6);
  expect(after - before).toBeGreaterThan(30);
  await expect(page.getByTestId('unplaced-list')).toHaveCount(0);
});

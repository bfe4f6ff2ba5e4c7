// Publishing a pack: the secretary publishes a draft meeting; a delegate (the desktop renderer,
// so that the pack is kept on the device) is told, and the pack downloads before they open it.
// Then the secretary labels and replaces a document, and the delegate is told which item changed.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, type CommandAck, type JoinAck } from '../core/index.ts';
import { FAKE_DESKTOP_KEY, installFakeDesktop } from './fake-desktop.ts';
import { DEMO_PASSWORD, displayName, signIn, VI_MEETING_TITLE } from './helpers.ts';

const PORT = process.env.E2E_PORT ?? '18481';
const BASE = `http://127.0.0.1:${PORT}`;
const pdf = (name: string) =>
  readFileSync(new URL(`../fixtures/demo/pdf/${name}`, import.meta.url));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const FIRST = pdf('to-trinh-du-toan-ngan-sach-2027.pdf');
const SECOND = pdf('du-thao-nghi-quyet-dau-tu-cong-trung-han.pdf');
const TITLE = `Phiên họp chuyên đề ngân sách ${randomBytes(3).toString('hex')}`;

/** Builds a draft meeting over the real protocol, as the demo secretary: daibieu1 invited. */
async function makeDraft(): Promise<{ meetingId: string; documentId: string }> {
  const login = await fetch(`${BASE}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'thuky', password: DEMO_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const socket = io(BASE, {
    auth: { token, protocol: PROTOCOL_VERSION },
    transports: ['websocket'],
    forceNew: true,
  });
  let n = 0;
  const send = async (
    meetingId: string | null,
    command: unknown,
  ): Promise<{ rev: number; meetingId: string }> => {
    const ack = (await socket.timeout(10_000).emitWithAck('command', {
      id: `e2e-publish-${++n}-${randomBytes(4).toString('hex')}`,
      meetingId,
      command,
    })) as CommandAck;
    if (!ack.ok) throw new Error(`${JSON.stringify(command)}: ${ack.error.message}`);
    return ack;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    // daibieu1's account id, from the demo meeting they take part in
    const demo = (await listMeetings(token)).find((m) => m.title === VI_MEETING_TITLE)!;
    const joined = (await socket.emitWithAck('meeting:join', {
      meetingId: demo.id,
      sinceRev: null,
    })) as JoinAck;
    if (!joined.ok || joined.mode !== 'snapshot') throw new Error('could not read the demo');
    const delegate = Object.values(joined.snapshot.participants).find(
      (p) => p.displayName === displayName('daibieu1'),
    )!;
    const { meetingId } = await send(null, {
      type: 'meeting.create',
      payload: { title: TITLE, startsAt: '2026-12-15T08:00:00+07:00', location: 'Phòng họp số 2' },
    });
    await send(meetingId, {
      type: 'participant.add',
      payload: { userId: delegate.userId, role: 'delegate' },
    });
    for (const title of ['Khai mạc', 'Báo cáo tình hình', 'Tờ trình dự toán ngân sách'])
      await send(meetingId, { type: 'agenda.add', payload: { title } });
    const again = (await socket.emitWithAck('meeting:join', {
      meetingId,
      sinceRev: null,
    })) as JoinAck;
    if (!again.ok || again.mode !== 'snapshot') throw new Error('could not read the draft');
    const third = again.snapshot.agenda.children['']![2]!;
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(FIRST)], { type: 'application/pdf' }),
      'to-trinh.pdf',
    );
    const res = await fetch(`${BASE}/api/meetings/${meetingId}/items/${third}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const { document } = (await res.json()) as { document: { id: string } };
    return { meetingId, documentId: document.id };
  } finally {
    socket.disconnect();
  }
}

async function listMeetings(token: string): Promise<{ id: string; title: string }[]> {
  const res = await fetch(`${BASE}/api/meetings`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { meetings: { id: string; title: string }[] }).meetings;
}

async function desktopCalls(page: Page): Promise<string[]> {
  return page.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key) ?? '{"calls":[]}') as { calls: string[] }).calls,
    FAKE_DESKTOP_KEY,
  );
}

const toast = (page: Page, text: string | RegExp) =>
  page.getByTestId('toast').filter({ hasText: text });

test('a published pack reaches the delegate, and a replaced document is announced', async ({
  browser,
}) => {
  const { meetingId, documentId } = await makeDraft();

  // the delegate: the desktop renderer (packs kept on the device), set up for this server
  const delegateContext = await browser.newContext();
  const delegate = await delegateContext.newPage();
  await delegate.addInitScript((key) => {
    if (!localStorage.getItem(key))
      localStorage.setItem(
        key,
        JSON.stringify({ origin: location.origin, token: null, calls: [] }),
      );
  }, FAKE_DESKTOP_KEY);
  await delegate.addInitScript(installFakeDesktop, { serverPort: PORT, secure: true });
  await signIn(delegate, 'daibieu1');
  await expect(delegate.getByTestId('meeting-card').first()).toBeVisible();
  // a draft is not theirs to see yet
  await expect(delegate.getByTestId('meeting-card').filter({ hasText: TITLE })).toHaveCount(0);

  // the secretary sees the draft, marked so, and publishes it
  const secretaryContext = await browser.newContext();
  const secretary = await secretaryContext.newPage();
  await signIn(secretary, 'thuky');
  const card = secretary.getByTestId('meeting-card').filter({ hasText: TITLE });
  await expect(card.getByTestId('draft-badge')).toHaveText('Bản nháp');
  await card.click();
  await expect(secretary.getByTestId('meeting-title')).toHaveText(TITLE);
  await expect(secretary.getByTestId('draft-note')).toBeVisible();
  await secretary.getByTestId('publish-button').click();
  await expect(secretary.getByTestId('published-at')).toContainText('Đã phát hành');
  await expect(secretary.getByTestId('draft-badge')).toHaveCount(0);

  // the delegate is told, the meeting is in their list, and its pack downloads at once
  await expect(toast(delegate, `Cuộc họp mới đã được phát hành: ${TITLE}`)).toBeVisible();
  const delegateCard = delegate.getByTestId('meeting-card').filter({ hasText: TITLE });
  await expect(delegateCard).toBeVisible();
  await expect(delegateCard.getByTestId('draft-badge')).toHaveCount(0);
  await expect
    .poll(() => desktopCalls(delegate), { timeout: 20_000 })
    .toContain(`cache:put ${sha(FIRST).slice(0, 8)}`);
  expect(await desktopCalls(delegate)).toContain(`cache:note-pack ${meetingId} false`);
  await delegateCard.click();
  await expect(delegate.getByTestId('meeting-title')).toHaveText(TITLE);
  await expect(delegate.getByTestId('pack-status')).toContainText('Đã lưu 1 tài liệu');

  // the secretary labels the document "MẬT": the delegate's list shows the label
  const row = secretary.locator(`[data-testid="publish-doc"][data-document-id="${documentId}"]`);
  await row.locator('summary', { hasText: 'Ai được xem' }).click();
  await row.getByTestId('label-input').fill('MẬT');
  await row.getByTestId('access-save').click();
  await expect(delegate.getByTestId('doc-label').first()).toHaveText('MẬT');

  // ... and replaces it with a new version: the delegate hears which item changed
  await row.getByTestId('replace-input').setInputFiles({
    name: 'to-trinh-sua-doi.pdf',
    mimeType: 'application/pdf',
    buffer: SECOND,
  });
  const announced = 'Mục 3: tài liệu đã được thay thế (“to-trinh-sua-doi.pdf”)';
  await expect(toast(delegate, announced)).toBeVisible();
  await expect(delegate.getByTestId('pack-change').first()).toHaveText(announced);
  await expect(row).toContainText('2 phiên bản');
  // both versions are kept for the record, each with its file
  await expect(row.getByTestId('version-file')).toHaveCount(2);
  // the new version comes down too
  await expect
    .poll(() => desktopCalls(delegate), { timeout: 20_000 })
    .toContain(`cache:put ${sha(SECOND).slice(0, 8)}`);

  // the delegate opens it: the label is on every page, they are told reading is recorded, and
  // the secretary sees that they opened it
  await expect(row.getByTestId('receipts-summary')).toHaveText('Đã mở: 0/1');
  await delegate.getByTestId('document-open').first().click();
  await expect(delegate.getByTestId('viewer-label')).toHaveText('MẬT');
  await expect(delegate.getByTestId('receipt-notice')).toContainText('được ghi nhận');
  const firstPage = delegate.locator('.pdf-page').first();
  await expect(firstPage).toBeVisible();
  const drawn = await firstPage.evaluate((el) => getComputedStyle(el, '::after').content);
  expect(drawn).toContain('MẬT');
  await expect(row.getByTestId('receipts-summary')).toHaveText('Đã mở: 1/1');
  await delegate.getByRole('button', { name: 'Đã hiểu' }).click();
  await expect(delegate.getByTestId('receipt-notice')).toHaveCount(0);

  await delegateContext.close();
  await secretaryContext.close();
});

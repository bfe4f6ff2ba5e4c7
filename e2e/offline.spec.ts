// Offline: the meeting pack downloads as soon as the meeting opens; with the network gone, a
// document never opened before opens from the device and can be annotated; a reload while still
// offline keeps the app, the meeting and the waiting annotation; back online, the annotation
// reaches the server exactly once.
import { expect, test } from '@playwright/test';
import { expectConnection, goOffline, goOnline, openDemoMeeting, type Person } from './helpers.ts';
import { expectRendered, pageSlot } from './viewer-helpers.ts';

const NOTE = 'Ghi khi mất mạng: hỏi lại số liệu chi đầu tư';

const people: Person[] = [];
test.afterEach(async () => {
  for (const p of people.splice(0)) await p.context.close();
});

const notes = (page: Person['page']) =>
  pageSlot(page, 1).locator('[data-annotation-id][data-kind="note"]');

test('offline: open an unread document from the pack, annotate, reload, and sync once online', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const me = await openDemoMeeting(browser, 'daibieu4');
  people.push(me);
  const { page, context } = me;

  // the app is stored for offline use, and so is the whole pack, with a progress line
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 30_000,
    })
    .toBe(true);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const pack = page.getByTestId('pack-status');
  await expect(pack).toContainText('Đã lưu', { timeout: 60_000 });
  await expect(pack.locator('progress')).toHaveCount(0);
  const documents = page.getByTestId('document');
  const count = await documents.count();
  expect(count).toBeGreaterThan(1);
  await expect(pack).toContainText(`Đã lưu ${count} tài liệu`);

  // the network goes; the meeting says so
  await goOffline(context);
  await expectConnection(page, 'offline');

  // a document never opened before opens from the device
  const target = documents.nth(count - 1);
  const name = ((await target.getByTestId('document-open').textContent()) ?? '')
    .replace(/^\s*PDF\s*/, '')
    .trim();
  await target.getByTestId('document-open').click();
  await expect(page.getByTestId('viewer-title')).toContainText(name);
  await expectRendered(page, 1, 30_000);

  // a sticky note, made offline
  await page.getByTestId('annotation-toolbar').locator('button[data-tool="note"]').click();
  const layer = (await pageSlot(page, 1)
    .locator('[data-testid="annotation-layer"]')
    .boundingBox())!;
  await page.mouse.click(layer.x + layer.width * 0.6, layer.y + layer.height * 0.2);
  const editor = page.getByTestId('annotation-editor');
  await expect(editor.locator('textarea')).toBeFocused();
  await page.keyboard.type(NOTE);
  await editor.getByRole('button', { name: 'Đóng' }).click();
  await expect(notes(page)).toHaveAttribute('aria-label', `Ghi chú: ${NOTE}`);

  // a reload while still offline: the app, the meeting, the document and the note are all here
  await page.reload();
  await expect(page.getByTestId('viewer-title')).toContainText(name, { timeout: 30_000 });
  await expectRendered(page, 1, 30_000);
  await expect(notes(page)).toHaveCount(1);
  await expect(notes(page)).toHaveAttribute('aria-label', `Ghi chú: ${NOTE}`);

  // back online: the note is sent, once
  await goOnline(context);
  const me2 = await openDemoMeeting(browser, 'daibieu4');
  people.push(me2);
  await me2.page.goto(page.url());
  await expectRendered(me2.page, 1, 30_000);
  await expect(notes(me2.page)).toHaveCount(1, { timeout: 20_000 });
  await expect(notes(me2.page)).toHaveAttribute('aria-label', `Ghi chú: ${NOTE}`);
  await expect(notes(page)).toHaveCount(1);

  // the server's record: exactly one annotation.create from this delegate
  const secretary = await openDemoMeeting(browser, 'thuky');
  people.push(secretary);
  const meetingId = /#\/meetings\/([^/]+)/.exec(page.url())![1]!;
  const myId = ((await (await page.request.get('/api/me')).json()) as { user: { id: string } }).user
    .id;
  const audit = (await (
    await secretary.page.request.get(`/api/meetings/${meetingId}/audit`)
  ).json()) as { entries: { type: string; actor: string }[] };
  const creates = audit.entries.filter((e) => e.type === 'annotation.create' && e.actor === myId);
  expect(creates).toHaveLength(1);
});

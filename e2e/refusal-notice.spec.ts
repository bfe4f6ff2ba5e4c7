// A change made offline that the server refuses once it is sent says which change it was: a
// delegate edits a note with the network gone while, on their other device, the same note is
// deleted; back online, the edit is refused (NOT_FOUND: core/annotations.ts) and the notice names
// the note, its page and its document, and why, in words.
import { expect, test, type Page } from '@playwright/test';
import { goOffline, goOnline, openDemoMeeting, type Person } from './helpers.ts';
import { openMeetingDocument, pageSlot } from './viewer-helpers.ts';

const DOC = 'bao-cao-kinh-te-xa-hoi-2026.pdf';

const people: Person[] = [];
test.afterEach(async () => {
  for (const p of people.splice(0)) await p.context.close();
});

/** What the device keeps of the changes not yet acknowledged (renderer/offline/meetingStore.ts). */
const outbox = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('ecab.outbox.'))
      .map((k) => localStorage.getItem(k) ?? '')
      .join(''),
  );

/** This delegate's own notes on page 1 (others may have shared theirs on the demo document). */
const notes = (page: Page) =>
  pageSlot(page, 1).locator('[data-annotation-id][data-kind="note"][data-mine="true"]');

test('an edit made offline to a note deleted on another device is named when refused', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const text = `Ghi chú ${Date.now()}`;
  const laptop = await openDemoMeeting(browser, 'daibieu3');
  people.push(laptop);
  const tablet = await openDemoMeeting(browser, 'daibieu3');
  people.push(tablet);
  const a = laptop.page;
  const b = tablet.page;
  await openMeetingDocument(a, DOC);
  await openMeetingDocument(b, DOC);

  // a note on page 1, online: the other device has it too
  await a.getByTestId('annotation-toolbar').locator('button[data-tool="note"]').click();
  const layer = (await pageSlot(a, 1).locator('[data-testid="annotation-layer"]').boundingBox())!;
  await a.mouse.click(layer.x + layer.width * 0.6, layer.y + layer.height * 0.2);
  const editor = a.getByTestId('annotation-editor');
  await expect(editor.locator('textarea')).toBeFocused();
  await a.keyboard.type(text);
  await editor.getByRole('button', { name: 'Đóng' }).click();
  await expect(notes(b)).toHaveAttribute('aria-label', `Ghi chú: ${text}`);

  // the laptop loses the network and its note is edited there
  await goOffline(laptop.context);
  await a.waitForFunction(() => !navigator.onLine);
  await notes(a).click();
  await editor.locator('textarea').fill(`${text} (sửa khi mất mạng)`);
  await editor.getByRole('button', { name: 'Đóng' }).click();
  // it waits in the outbox kept on the device
  await expect.poll(() => outbox(a)).toContain('sửa khi mất mạng');

  // meanwhile the tablet deletes the note
  await notes(b).click();
  await b.getByTestId('annotation-editor').getByTestId('annotation-delete').click();
  await expect(notes(b)).toHaveCount(0);

  // back online: the edit is refused, and the notice says which note, where, and why
  expect(await outbox(a)).toContain('sửa khi mất mạng'); // still not sent
  await goOnline(laptop.context);
  const toast = a.getByTestId('toast').filter({ hasText: 'không được lưu' });
  await expect(toast).toHaveText(
    `Phần sửa ghi chú trên trang 1 của «${DOC}» không được lưu: chú thích này đã bị xoá (có thể trên thiết bị khác).×`,
    { timeout: 30_000 },
  );
  await expect(notes(a)).toHaveCount(0);
});

// A session that expires while a delegate is away must not lose the note they made offline: the
// device keeps it, the login screen says so, another account signing in on the device does not
// see it, and once the delegate signs in again the note reaches the server exactly once.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { FAKE_DESKTOP_KEY, installFakeDesktop } from './fake-desktop.ts';
import {
  DEMO_PASSWORD,
  expectConnection,
  goOffline,
  goOnline,
  openDemoMeeting,
  signIn,
  VI_MEETING_TITLE,
  type Person,
} from './helpers.ts';
import { setServerClockOffset } from './serverClock.ts';
import { expectRendered, pageSlot } from './viewer-helpers.ts';

// its own text each run: the server keeps the notes of earlier runs (--repeat-each)
let NOTE = '';
test.beforeEach(() => {
  NOTE = `Ghi khi vắng mặt: đề nghị bổ sung số liệu quý IV (${Date.now().toString(36)})`;
});
const HOURS_13 = 13 * 3_600_000; // past the demo server's 12-hour sessions

const people: Person[] = [];
test.afterEach(async () => {
  await setServerClockOffset(0);
  for (const p of people.splice(0)) await p.context.close();
});

/** This run's note on page 1 (however many times it shows). */
const notes = (page: Page) =>
  pageSlot(page, 1).locator(
    `[data-annotation-id][data-kind="note"][aria-label="Ghi chú: ${NOTE}"]`,
  );

/** The outboxes kept in this browser, by key (`ecab.outbox.<user>.<meeting>`). */
const keptOutboxes = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ecab.outbox.')));

/** What the renderer asked of the (fake) desktop shell, in order. */
const desktopCalls = (page: Page) =>
  page.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key) ?? '{"calls":[]}') as { calls: string[] }).calls,
    FAKE_DESKTOP_KEY,
  );

const userIdOf = async (page: Page): Promise<string> =>
  ((await (await page.request.get('/api/me')).json()) as { user: { id: string } }).user.id;

/** How many annotation.create the meeting's audit log has from one person (the secretary reads). */
async function annotationsCreatedBy(
  browser: Browser,
  meetingId: string,
  userId: string,
): Promise<number> {
  const secretary = await openDemoMeeting(browser, 'thuky');
  try {
    const audit = (await (
      await secretary.page.request.get(`/api/meetings/${meetingId}/audit`)
    ).json()) as { entries: { type: string; actor: string }[] };
    return audit.entries.filter((e) => e.type === 'annotation.create' && e.actor === userId).length;
  } finally {
    await secretary.context.close();
  }
}

test('a session that expires while offline keeps the note, and sends it once after signing in again', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const me = await openDemoMeeting(browser, 'daibieu5');
  people.push(me);
  const { page, context } = me;
  const myId = await userIdOf(page);
  const meetingId = /#\/meetings\/([^/]+)/.exec(page.url())![1]!;
  const before = await annotationsCreatedBy(browser, meetingId, myId);

  // a document, open and drawn while online
  const target = page.getByTestId('document').last();
  await target.getByTestId('document-open').click();
  await expectRendered(page, 1, 30_000);
  const documentUrl = page.url();

  // the network goes; a sticky note, made offline, waits on the device
  await goOffline(context);
  await page.getByTestId('annotation-toolbar').locator('button[data-tool="note"]').click();
  const layer = (await pageSlot(page, 1)
    .locator('[data-testid="annotation-layer"]')
    .boundingBox())!;
  await page.mouse.click(layer.x + layer.width * 0.4, layer.y + layer.height * 0.3);
  const editor = page.getByTestId('annotation-editor');
  await expect(editor.locator('textarea')).toBeFocused();
  await page.keyboard.type(NOTE);
  await editor.getByRole('button', { name: 'Đóng' }).click();
  await expect(notes(page)).toHaveCount(1);
  expect(await keptOutboxes(page)).toEqual([`ecab.outbox.${myId}.${meetingId}`]);

  // meanwhile the session runs out on the server; back online, the device is told it expired
  await setServerClockOffset(HOURS_13);
  await goOnline(context);
  const login = page.getByTestId('login-form');
  await expect(login).toBeVisible({ timeout: 20_000 });
  await expect(login.locator('.notice')).toHaveText(
    'Phiên đăng nhập đã hết hạn. Những thay đổi chưa gửi (ghi chú, chú thích) vẫn được giữ trên máy này và sẽ được gửi đi sau khi bạn đăng nhập lại.',
  );
  // the note is still on the device, for this account only
  expect(await keptOutboxes(page)).toEqual([`ecab.outbox.${myId}.${meetingId}`]);
  await setServerClockOffset(0);

  // someone else signs in on this device: the delegate's note is not theirs to see
  await signIn(page, 'daibieu3');
  await expect(page.getByTestId('meeting-card').first()).toBeVisible();
  await page.goto(documentUrl);
  await expectRendered(page, 1, 30_000);
  await expect(page.getByTestId('viewer-title')).toBeVisible();
  await expect(notes(page)).toHaveCount(0);
  // their own logout wipes only what was theirs
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
  expect(await keptOutboxes(page)).toEqual([`ecab.outbox.${myId}.${meetingId}`]);

  // the delegate signs in again, on the meeting list: what waited is sent, and only then forgotten
  await signIn(page, 'daibieu5');
  await expect(page.getByTestId('meeting-card').first()).toBeVisible();
  await expect.poll(() => keptOutboxes(page), { timeout: 20_000 }).toEqual([]);
  await page.goto(documentUrl);
  await expectRendered(page, 1, 30_000);
  await expect(notes(page)).toHaveCount(1);

  // the server's record: exactly one more annotation.create from this delegate
  expect(await annotationsCreatedBy(browser, meetingId, myId)).toBe(before + 1);
});

test('in the desktop app an expired session forgets the token but keeps the packs', async ({
  browser,
}) => {
  const context = await browser.newContext();
  people.push({ context, page: await context.newPage() });
  const page = context.pages()[0]!;
  const port = process.env.E2E_PORT ?? '18481';
  await page.addInitScript(installFakeDesktop, { serverPort: port, secure: true });
  await page.goto('/');
  await page.getByTestId('server-form').locator('input[name=server]').fill(`127.0.0.1:${port}`);
  await page.getByTestId('server-form').locator('button[type=submit]').click();
  const login = page.getByTestId('login-form');
  await login.locator('input[name=username]').fill('daibieu5');
  await login.locator('input[name=password]').fill(DEMO_PASSWORD);
  await login.locator('button[type=submit]').click();
  await page.getByTestId('meeting-card').filter({ hasText: VI_MEETING_TITLE }).click();
  await expectConnection(page, 'live');

  // away while the session runs out; back, the socket is refused as expired
  await goOffline(context);
  await expectConnection(page, 'offline');
  await setServerClockOffset(HOURS_13);
  await goOnline(context);
  await expect(login).toBeVisible({ timeout: 20_000 });
  await expect(login.locator('.notice')).toHaveText(
    'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
  );
  const made = await desktopCalls(page);
  expect(made).toContain('session:forget');
  expect(made).not.toContain('session:end'); // the remote wipe is for logouts and disabled accounts
});

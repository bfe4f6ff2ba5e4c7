// The foundation's acceptance test: a live agenda across three browsers, one of them dropping off.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  chairNext,
  currentItemId,
  displayName,
  expectConnection,
  expectCurrent,
  openDemoMeeting,
  participantRow,
  signIn,
  VI_MEETING_TITLE,
  type Person,
} from './helpers.ts';

test.describe.configure({ mode: 'serial' });

let open: Person[] = [];
test.afterEach(async () => {
  await Promise.all(open.map((p) => p.context.close()));
  open = [];
});

async function people(
  browser: Parameters<typeof openDemoMeeting>[0],
  ...usernames: string[]
): Promise<Person[]> {
  const list = await Promise.all(usernames.map((u) => openDemoMeeting(browser, u)));
  open.push(...list);
  return list;
}

test('the chair moves the agenda and every delegate follows, also after being offline', async ({
  browser,
}) => {
  const [chair, d1, d2] = await people(browser, 'chutoa', 'daibieu1', 'daibieu2');
  if (!chair || !d1 || !d2) throw new Error('three people expected');
  const controls = chair.page.getByTestId('chair-controls');
  await expect(d1.page.getByTestId('chair-controls')).toHaveCount(0);

  // start the meeting
  await controls.getByRole('button', { name: 'Bắt đầu họp' }).click();
  for (const p of [chair, d1, d2]) {
    await expect(p.page.getByTestId('meeting-status')).toHaveAttribute(
      'data-status',
      'in_progress',
    );
  }

  // the first move reaches both delegates
  const first = await chairNext(chair.page);
  await expectCurrent(d1.page, first.id, first.title);
  await expectCurrent(d2.page, first.id, first.title);

  // delegate 2 drops off; delegate 1 keeps following
  await d2.context.setOffline(true);
  await expectConnection(d2.page, 'offline');
  const second = await chairNext(chair.page);
  await expectCurrent(d1.page, second.id, second.title);
  const third = await chairNext(chair.page);
  await expectCurrent(d1.page, third.id, third.title);
  expect(await currentItemId(d2.page)).toBe(first.id); // really offline: nothing arrived

  // back online: delegate 2 catches up to where the chair is
  await d2.context.setOffline(false);
  await expectConnection(d2.page, 'live');
  await expectCurrent(d2.page, third.id, third.title);
  expect(await currentItemId(chair.page)).toBe(third.id);

  // a document's file link opens the PDF with the session cookie (no token in the URL)
  const link = d1.page.getByTestId('document').first().getByTestId('document-file');
  await expect(link).toHaveAttribute('target', '_blank');
  const pdf = await d1.context.request.get((await link.getAttribute('href')) ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
});

test('switching the language changes the text, and the choice is remembered', async ({
  browser,
}) => {
  const context = await browser.newContext();
  open.push({ context, page: await context.newPage() });
  const page = open[0]!.page;
  await page.goto('/');
  await expect(page.locator('h1')).toHaveText('Đăng nhập');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await page.getByTestId('language-switch').locator('[data-lang="en"]').click();
  await expect(page.locator('h1')).toHaveText('Sign in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await signIn(page, 'daibieu1');
  await expect(page.locator('h1')).toHaveText('My meetings');
  await page.reload();
  await expect(page.locator('h1')).toHaveText('My meetings');

  await page.getByTestId('meeting-card').filter({ hasText: VI_MEETING_TITLE }).click();
  await expectConnection(page, 'live');
  await expect(page.locator('#agenda-heading')).toHaveText('Agenda');
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await expect(page.locator('.meeting-facts')).toContainText(
    /Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday/,
  );

  await page.getByTestId('language-switch').locator('[data-lang="vi"]').click();
  await expect(page.locator('#agenda-heading')).toHaveText('Chương trình họp');
  await expect(page.getByTestId('connection-status')).toHaveText('Đã kết nối');
  await expect(page.locator('.meeting-facts')).toContainText(/Thứ|Chủ nhật/i);
  await page.getByTestId('back-to-list').click();
  await expect(page.locator('h1')).toHaveText('Cuộc họp của tôi');
});

test('attendance set by the chair shows on the delegates’ screens with the quorum', async ({
  browser,
}) => {
  const [chair, d1, d2] = await people(browser, 'chutoa', 'daibieu1', 'daibieu2');
  if (!chair || !d1 || !d2) throw new Error('three people expected');
  const quorum = d1.page.getByTestId('quorum');
  const attending = async (): Promise<number> =>
    Number(await quorum.getAttribute('data-attending'));
  const before = await attending();

  // people are listed as Vietnamese lists do: by given name (the last word), in Vietnamese
  // alphabetical order (Ánh, Ân, Dũng, Đức, Hà, Hạnh, Hằng, Hùng, Tâm), then by surname
  const names = (await d1.page.locator('.person-name').allTextContents()).map((n) =>
    n.replace(/\s*\(.*\)$/, ''),
  );
  expect(names).toEqual(
    [
      'daibieu2',
      'daibieu3',
      'daibieu1',
      'daibieu4',
      'thuky',
      'daibieu6',
      'daibieu5',
      'chutoa',
      'quansat',
    ].map(displayName),
  );
  await expect(
    participantRow(d1.page, 'daibieu3').getByTestId('attendance-status'),
  ).toHaveAttribute('data-status', 'none');

  // present: counts towards the quorum on every screen
  await participantRow(chair.page, 'daibieu3').getByRole('button', { name: 'Có mặt' }).click();
  for (const p of [d1, d2]) {
    await expect(
      participantRow(p.page, 'daibieu3').getByTestId('attendance-status'),
    ).toHaveAttribute('data-status', 'present');
    await expect(participantRow(p.page, 'daibieu3')).toContainText('Có mặt');
    await expect(p.page.getByTestId('quorum')).toHaveAttribute(
      'data-attending',
      String(before + 1),
    );
  }

  // online counts too
  await participantRow(chair.page, 'daibieu4').getByRole('button', { name: 'Trực tuyến' }).click();
  await expect(quorum).toHaveAttribute('data-attending', String(before + 2));

  // absent, with a reason: shown, and not counted
  const row = participantRow(chair.page, 'daibieu5');
  await row.getByRole('button', { name: 'Vắng mặt' }).click();
  await row.getByRole('textbox').fill('Đi công tác nước ngoài');
  await row.getByRole('button', { name: 'Xác nhận' }).click();
  const seen = participantRow(d2.page, 'daibieu5');
  await expect(seen.getByTestId('attendance-status')).toHaveAttribute('data-status', 'absent');
  await expect(seen).toContainText('Đi công tác nước ngoài');
  await expect(d2.page.getByTestId('quorum')).toHaveAttribute('data-attending', String(before + 2));

  // a delegate checks in by themselves when the meeting allows it, else the chair does
  const selfCheckIn = (
    JSON.parse(
      readFileSync(new URL('../fixtures/demo/meeting.vi.json', import.meta.url), 'utf8'),
    ) as { selfCheckIn: boolean }
  ).selfCheckIn;
  if (selfCheckIn) {
    await participantRow(d1.page, 'daibieu1')
      .getByRole('button', { name: 'Điểm danh', exact: true })
      .click();
  } else {
    await participantRow(chair.page, 'daibieu1').getByRole('button', { name: 'Có mặt' }).click();
  }
  await expect(
    participantRow(chair.page, 'daibieu1').getByTestId('attendance-status'),
  ).toHaveAttribute('data-status', 'present');
  await expect(quorum).toHaveAttribute('data-attending', String(before + 3));
  const required = Number(await quorum.getAttribute('data-required'));
  await expect(quorum).toHaveAttribute('data-met', String(before + 3 >= required));

  await chair.page.mouse.move(0, 0);
  // the README's screenshot is refreshed on request, so that a test run leaves the tree clean
  const shot = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results';
  await chair.page.screenshot({ path: `${shot}/meeting-vi.png`, fullPage: true });
});

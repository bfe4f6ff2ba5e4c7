// The speakers list across three browsers: register, reorder, the floor with a running timer,
// the end of the speech, and the history kept for the minutes.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ensureRunning, userId } from './console-helpers.ts';
import { displayName, openDemoMeeting, type Person } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

let open: Person[] = [];
test.afterEach(async () => {
  await Promise.all(open.map((p) => p.context.close()));
  open = [];
});

const queueIds = (page: Page): Promise<(string | null)[]> =>
  page
    .getByTestId('speaker-entry')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-user-id')));

const remaining = async (timer: Locator): Promise<number> =>
  Number(await timer.getAttribute('data-remaining'));

test('delegates ask to speak, the chair orders the list and gives the floor, all see the timer', async ({
  browser,
}) => {
  const people = await Promise.all(
    ['chutoa', 'daibieu1', 'daibieu2'].map((u) => openDemoMeeting(browser, u)),
  );
  open.push(...people);
  const [chair, d1, d2] = people.map((p) => p.page) as [Page, Page, Page];
  await ensureRunning(chair);
  const [id1, id2] = await Promise.all(['daibieu1', 'daibieu2'].map((u) => userId(chair, u)));

  // delegate 1 asks to speak; delegate 2 asks a question of someone
  await d1.getByTestId('register-speech').click();
  await expect(d1.getByTestId('my-registration')).toContainText('thứ tự 1');
  await d2.getByTestId('register-interpellation').click();
  const form = d2.getByTestId('interpellation-form');
  await form.locator('input[name=addressedTo]').fill('Trưởng phòng Tài chính - Kế hoạch');
  await form.getByRole('button', { name: 'Đăng ký chất vấn' }).click();
  for (const page of [chair, d1, d2]) {
    await expect.poll(() => queueIds(page)).toEqual([id1, id2]);
  }
  await expect(chair.locator(`[data-testid="speaker-entry"][data-user-id="${id2}"]`)).toContainText(
    'Chất vấn Trưởng phòng Tài chính - Kế hoạch',
  );
  // delegates do not get the chair's buttons
  await expect(d1.locator('[data-action="give-floor"]')).toHaveCount(0);

  // the chair moves the question up, with the keyboard
  const up = chair.locator(
    `[data-testid="speaker-entry"][data-user-id="${id2}"] [data-action="up"]`,
  );
  await up.focus();
  await chair.keyboard.press('Enter');
  for (const page of [chair, d1, d2]) {
    await expect.poll(() => queueIds(page)).toEqual([id2, id1]);
  }

  // … and gives the floor to delegate 1: everyone sees them speaking with the timer running
  await chair
    .locator(`[data-testid="speaker-entry"][data-user-id="${id1}"] [data-action="give-floor"]`)
    .click();
  for (const page of [chair, d1, d2]) {
    const speaker = page.getByTestId('current-speaker');
    await expect(speaker).toHaveAttribute('data-user-id', id1!);
    await expect(speaker).toContainText(displayName('daibieu1'));
    const timer = speaker.getByTestId('speaker-timer');
    await expect(timer).toHaveAttribute('data-over', 'false');
    const first = await remaining(timer);
    expect(first).toBeGreaterThan(250);
    expect(first).toBeLessThanOrEqual(300);
    await expect.poll(() => remaining(timer), { timeout: 5000 }).toBeLessThan(first);
  }
  await expect.poll(() => queueIds(d2)).toEqual([id2]);
  // the speaker may end their own speech; here the chair does
  await expect(d1.getByTestId('end-speech')).toBeVisible();
  await expect(d2.getByTestId('end-speech')).toHaveCount(0);
  await chair.getByTestId('end-speech').click();

  // nobody speaks any more; the speech is in the history on every screen
  for (const page of [chair, d1, d2]) {
    await expect(page.getByTestId('no-speaker')).toBeVisible();
    const history = page.getByTestId('speaker-history');
    await history.locator('summary').click();
    await expect(
      history.locator(`[data-testid="history-entry"][data-user-id="${id1}"]`).last(),
    ).toContainText(displayName('daibieu1'));
  }

  // delegate 2 withdraws their question
  await d2.getByRole('button', { name: 'Rút đăng ký' }).click();
  for (const page of [chair, d1]) await expect.poll(() => queueIds(page)).toEqual([]);
});

// Opinion forms in two browsers: the secretary sends a form with a PDF and a near deadline, the
// delegate is reminded, opens it, answers "other opinion" with a comment, changes it; the
// secretary's results follow without a reload. (Closing at the deadline: server/forms.test.ts.)
import { expect, test, type Page } from '@playwright/test';
import { displayName, signIn, type Person } from './helpers.ts';
import { expectRendered } from './viewer-helpers.ts';

let open: Person[] = [];
test.afterEach(async () => {
  await Promise.all(open.map((p) => p.context.close()));
  open = [];
});

/** A `datetime-local` value, in the page's time zone, `ms` from now. */
function localInput(page: Page, ms: number): Promise<string> {
  return page.evaluate((ahead) => {
    const d = new Date(Date.now() + ahead);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, ms);
}

test('a secretary sends a form; a reminded delegate answers; the results follow', async ({
  browser,
}) => {
  const people = await Promise.all(
    ['thuky', 'daibieu1'].map(async (username) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, username);
      await expect(page.getByTestId('forms-entry')).toBeVisible();
      return { context, page };
    }),
  );
  open.push(...people);
  const [secretary, delegate] = people.map((p) => p.page) as [Page, Page];

  // the secretary writes the form, attaches a PDF and picks two delegates
  await secretary.getByTestId('forms-entry').click();
  await secretary.getByTestId('new-form').click();
  const title = `Lấy ý kiến dự thảo nghị quyết ${Date.now()}`;
  await secretary.getByTestId('form-new-title').fill(title);
  await secretary
    .getByTestId('form-new-question')
    .fill('Đồng chí cho ý kiến về dự thảo nghị quyết đầu tư công trung hạn.');
  await secretary
    .getByTestId('form-new-files')
    .setInputFiles('fixtures/demo/pdf/du-thao-nghi-quyet-dau-tu-cong-trung-han.pdf');
  await expect(secretary.locator('.form-docs li')).toContainText(
    'du-thao-nghi-quyet-dau-tu-cong-trung-han.pdf',
  );
  await secretary.getByTestId('form-new-deadline').fill(await localInput(secretary, 2 * 3600_000));
  // recipients are listed in Vietnamese name order (by given name): Ánh before Dũng
  const names = await secretary.locator('.form-recipient-list li').allTextContents();
  const anh = names.findIndex((n) => n.includes(displayName('daibieu2')));
  const dung = names.findIndex((n) => n.includes(displayName('daibieu1')));
  expect(anh).toBeGreaterThanOrEqual(0);
  expect(anh).toBeLessThan(dung);
  for (const u of ['daibieu1', 'daibieu2'])
    await secretary.locator(`[data-testid="form-recipient"][data-username="${u}"]`).check();
  await secretary.getByTestId('form-new-send').click();
  await expect(secretary.getByTestId('form-title')).toHaveText(title);

  // the delegate's meeting list shows a form waiting, without a reload, and a reminder
  await expect(delegate.getByTestId('forms-waiting')).toContainText('1 phiếu chờ bạn trả lời');
  await delegate.getByTestId('forms-entry').click();
  const reminder = delegate.getByTestId('form-reminder');
  await expect(reminder).toContainText('Sắp hết hạn trả lời');
  await expect(reminder).toContainText(title);
  await expect(reminder).toContainText(/còn (1 giờ 5\d|2 giờ 0) phút/);
  await reminder.getByRole('link').click();
  await expect(delegate.getByTestId('form-title')).toHaveText(title);
  await expect(delegate.getByTestId('form-document')).toHaveText(
    'du-thao-nghi-quyet-dau-tu-cong-trung-han.pdf',
  );
  // the document opens in the app's viewer and draws its first page; back to the form
  await delegate.getByTestId('form-document').click();
  await expect(delegate.getByTestId('viewer-title')).toHaveText(
    'du-thao-nghi-quyet-dau-tu-cong-trung-han.pdf',
  );
  await expectRendered(delegate, 1);
  await delegate.getByTestId('viewer-back').click();
  await expect(delegate.getByTestId('form-title')).toHaveText(title);

  // "other opinion" needs a comment
  await delegate.getByTestId('form-choice-other').check();
  await delegate.getByTestId('form-submit').click();
  await expect(delegate.getByRole('alert')).toContainText('Vui lòng ghi rõ ý kiến khác');
  await delegate.getByTestId('form-comment').fill('Đề nghị bổ sung danh mục dự án giao thông.');
  await delegate.getByTestId('form-submit').click();
  await expect(delegate.getByTestId('form-sent')).toContainText('Đã ghi nhận ý kiến của bạn');

  // the secretary's results show it, then follow a change of mind without a reload
  await secretary.getByRole('link', { name: /0\/2 đã trả lời|1\/2 đã trả lời/ }).click();
  const tally = secretary.getByTestId('form-tally');
  await expect(tally.locator('tr[data-choice="other"] .form-tally-count')).toHaveText('1');
  await expect(tally.locator('tr[data-choice="unanswered"] .form-tally-count')).toHaveText('1');
  await expect(secretary.getByTestId('form-answers')).toContainText(
    'Đề nghị bổ sung danh mục dự án giao thông.',
  );
  await delegate.getByTestId('form-choice-agree').check();
  await delegate.getByTestId('form-comment').fill('');
  await delegate.getByTestId('form-submit').click();
  await expect(tally.locator('tr[data-choice="agree"] .form-tally-count')).toHaveText('1');
  await expect(tally.locator('tr[data-choice="other"] .form-tally-count')).toHaveText('0');

  // the delegate's list no longer reminds them
  await delegate.getByRole('link', { name: '‹ Danh sách phiếu' }).click();
  await expect(delegate.getByTestId('form-card').filter({ hasText: title })).toContainText(
    'Đồng ý',
  );
  await expect(delegate.getByTestId('form-reminder')).toHaveCount(0);
});

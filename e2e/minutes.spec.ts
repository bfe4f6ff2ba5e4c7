// The minutes in the browser: the secretary edits and saves the draft, the chair reads it, a
// delegate sees nothing until the secretary makes it final; the PDF downloads in both languages.
import { expect, test } from '@playwright/test';
import { displayName, openDemoMeeting, type Person } from './helpers.ts';

let open: Person[] = [];
test.afterEach(async () => {
  await Promise.all(open.map((p) => p.context.close()));
  open = [];
});

test('the secretary writes the minutes; the chair reads the draft; the final text reaches all', async ({
  browser,
}) => {
  const [sec, chair, del] = await Promise.all(
    ['thuky', 'chutoa', 'daibieu1'].map((u) => openDemoMeeting(browser, u)),
  );
  if (!sec || !chair || !del) throw new Error('three people expected');
  open.push(sec, chair, del);

  const panel = sec.page.getByTestId('minutes-panel');
  await expect(panel.getByTestId('minutes-status')).toHaveText('Dự thảo');
  // the draft is generated from the record: the place and the secretary are in it
  const opening = panel.locator('[data-testid=minutes-section][data-key=opening] textarea');
  await expect(opening).toContainText(`Thư ký: ${displayName('thuky')}.`);
  await expect(del.page.getByTestId('minutes-panel')).toHaveCount(0);

  await panel.getByTestId('minutes-organisation').fill('Ủy ban nhân dân phường Ba Đình');
  await panel.getByTestId('minutes-number').fill('07/BB-UBND');
  await panel.getByTestId('minutes-city').fill('Hà Nội');
  await opening.fill('Thời gian: 08 giờ 00.\nĐịa điểm: Hội trường lớn.');
  await expect(panel.getByText('đã sửa', { exact: true })).toBeVisible();
  await panel.getByTestId('minutes-conclusions').fill('Thống nhất trình Hội đồng nhân dân.');
  await panel.getByTestId('minutes-add-task').click();
  const task = panel.getByTestId('minutes-task').first();
  await task.getByLabel('Nội dung công việc').fill('Gửi biên bản cho các đại biểu');
  await task.getByLabel('Người thực hiện').selectOption({ label: displayName('thuky') });
  await task.getByLabel('Thời hạn').fill('2026-12-15');
  await panel.getByTestId('minutes-save').click();
  await expect(panel.getByTestId('minutes-saved-note')).toHaveText('Đã lưu biên bản.');
  await expect(panel.getByTestId('minutes-saved')).toContainText('Đã lưu lần 1');

  // the chair reads the draft, with the secretary's text
  const chairPanel = chair.page.getByTestId('minutes-panel');
  await chairPanel.locator('summary').click();
  await expect(chairPanel.getByTestId('minutes-preview')).toContainText(
    'Địa điểm: Hội trường lớn.',
  );
  await expect(chairPanel.getByTestId('minutes-preview')).toContainText(
    '1. Gửi biên bản cho các đại biểu. Người thực hiện: Nguyễn Thị Thu Hà. Thời hạn: 15/12/2026.',
  );
  await expect(del.page.getByTestId('minutes-panel')).toHaveCount(0);

  // the PDF link downloads with the session cookie
  const href = await panel.getByTestId('minutes-pdf-vi').getAttribute('href');
  const pdf = await sec.context.request.get(href ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const denied = await del.context.request.get(href ?? '');
  expect(denied.status()).toBe(403);

  // final: the delegate sees the minutes and may download them
  await panel.getByTestId('minutes-final').check();
  await panel.getByTestId('minutes-save').click();
  await expect(panel.getByTestId('minutes-status')).toHaveText('Chính thức');
  const delPanel = del.page.getByTestId('minutes-panel');
  await expect(delPanel.getByTestId('minutes-status')).toHaveText('Chính thức');
  const en = await delPanel.getByTestId('minutes-pdf-en').getAttribute('href');
  expect((await del.context.request.get(en ?? '')).status()).toBe(200);
});

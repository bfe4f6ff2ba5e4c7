// The secretary builds a meeting from nothing: details, agenda (nested, reordered by keyboard),
// participants with roles, four PDFs with a refused one, and publishes it; a delegate then finds
// the meeting and its pack on their device, highlights words of a report; the secretary replaces
// the report; the delegate is told, and the highlight is on the same words of the new version.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  BEFORE,
  inserted,
  INSERTED,
  makeTextPdf,
  NOTE_LINE,
} from '../server/documents/reanchor-fixtures.ts';
import { displayName, expectConnection, signIn } from './helpers.ts';
import { centreY, expectRendered, highlight, highlights, pageSlot } from './viewer-helpers.ts';

/** The report the delegate marks up, and its revised version (a paragraph inserted above). */
const REPORT = 'bao-cao-thu-chi-ngan-sach.pdf';

// real-world PDFs are read where they are (shared/corpus), never copied into the repository
const corpus = (name: string): string =>
  new URL(`../../shared/corpus/pdf/${name}`, import.meta.url).pathname;
const demoPdf = (name: string): string =>
  new URL(`../fixtures/demo/pdf/${name}`, import.meta.url).pathname;

const asFile = (path: string) => ({
  name: path.split('/').pop() ?? 'file.pdf',
  mimeType: 'application/pdf',
  buffer: readFileSync(path),
});

const titles = (page: Page): Promise<string[]> =>
  page.getByTestId('builder-item-title').allTextContents();
const numbers = (page: Page): Promise<(string | null)[]> =>
  page
    .getByTestId('builder-item')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
const item = (page: Page, title: string): Locator =>
  page.getByTestId('builder-item').filter({
    has: page.getByTestId('builder-item-title').getByText(title, { exact: true }),
  });

async function addItem(
  page: Page,
  fields: { title: string; presenter?: string; duration?: string; parent?: string },
): Promise<void> {
  const form = page.getByTestId('add-item-form');
  if (fields.parent) await form.getByLabel('Thuộc nội dung').selectOption({ label: fields.parent });
  await form.getByLabel('Tên nội dung').fill(fields.title);
  await form.getByLabel('Người trình bày').fill(fields.presenter ?? '');
  await form.getByLabel('Thời lượng dự kiến (phút)').fill(fields.duration ?? '');
  await form.getByRole('button', { name: 'Thêm nội dung' }).click();
  await expect(item(page, fields.title)).toHaveCount(1);
  await expect(form.getByLabel('Tên nội dung')).toHaveValue('');
}

async function invite(page: Page, search: string, username: string, role: string): Promise<void> {
  const people = page.getByTestId('people-editor');
  await people.getByLabel('Mời với vai trò').selectOption({ label: role });
  await people.getByLabel('Tìm người theo tên').fill(search);
  const name = displayName(username);
  await people.getByRole('button', { name: `Mời ${name}`, exact: true }).click();
  await expect(people.getByLabel(`Vai trò của ${name}`)).toHaveValue(
    role === 'Chủ toạ' ? 'chair' : 'delegate',
  );
}

test('the secretary builds a meeting and a delegate finds it', async ({ browser }) => {
  const title = `Phiên họp soạn thử ${Date.now()}`;
  const secContext = await browser.newContext();
  const page = await secContext.newPage();
  await signIn(page, 'thuky');

  // a new meeting from the list
  await page.getByTestId('new-meeting-link').click();
  const form = page.getByTestId('meeting-form');
  await form.getByRole('button', { name: 'Tạo cuộc họp' }).click();
  await expect(form.getByRole('alert')).toHaveText('Vui lòng nhập tên cuộc họp.');
  await form.getByLabel('Tên cuộc họp').fill(title);
  await form.getByLabel('Thời gian bắt đầu').fill('2026-12-10T08:30');
  await form.getByLabel('Địa điểm').fill('Phòng họp tầng 3');
  await form.getByLabel('Cách tính túc số').selectOption('count');
  await form.getByLabel('Số thành viên').fill('2');
  await form.getByLabel('Cho phép đại biểu tự điểm danh').check();
  await form.getByRole('button', { name: 'Tạo cuộc họp' }).click();
  await expect(page).toHaveURL(/#\/meetings\/[^/]+\/build$/);
  await expect(page.getByTestId('builder-title')).toHaveText(title);
  await expectConnection(page, 'live');
  const saved = page.getByTestId('meeting-form');
  await expect(saved.getByLabel('Địa điểm')).toHaveValue('Phòng họp tầng 3');
  await expect(saved.getByLabel('Số thành viên')).toHaveValue('2');
  await expect(saved.getByLabel('Cho phép đại biểu tự điểm danh')).toBeChecked();

  // three agenda items, one nested under the first
  await addItem(page, {
    title: 'Báo cáo tình hình quý IV',
    presenter: 'Chánh Văn phòng',
    duration: '20',
  });
  await addItem(page, { title: 'Kế hoạch năm 2027', duration: '30' });
  await addItem(page, { title: 'Phụ lục số liệu', parent: '1. Báo cáo tình hình quý IV' });
  expect(await titles(page)).toEqual([
    'Báo cáo tình hình quý IV',
    'Phụ lục số liệu',
    'Kế hoạch năm 2027',
  ]);
  expect(await numbers(page)).toEqual(['1', '1.1', '2']);
  await expect(item(page, 'Báo cáo tình hình quý IV')).toContainText('20 phút');
  await expect(item(page, 'Báo cáo tình hình quý IV')).toContainText('Chánh Văn phòng');

  // reorder with the keyboard: focus "move up" on the second item and press Enter
  const up = page.getByRole('button', { name: 'Chuyển Kế hoạch năm 2027 lên trên' });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => titles(page))
    .toEqual(['Kế hoạch năm 2027', 'Báo cáo tình hình quý IV', 'Phụ lục số liệu']);
  expect(await numbers(page)).toEqual(['1', '2', '2.1']);
  await expect(page.getByTestId('agenda-said')).toHaveText(
    'Đã chuyển Kế hoạch năm 2027 tới vị trí 1.',
  );
  // the focus followed the moved item: it is now first, so "up" is off and the handle has it
  await expect(
    item(page, 'Kế hoạch năm 2027').getByRole('button', {
      name: 'Kéo để sắp xếp Kế hoạch năm 2027',
    }),
  ).toBeFocused();

  // and back down with dnd-kit's keyboard drag: space to lift, arrow down past the item and
  // its sub-item (right below a parent it would become that parent's first sub-item), space
  const announced = (text: string) => expect(page.getByText(text, { exact: true })).toBeAttached();
  await page.keyboard.press('Space');
  await announced('Kế hoạch năm 2027 đang ở vị trí ban đầu.');
  await page.keyboard.press('ArrowDown');
  await announced('Kế hoạch năm 2027 đang ở trên Báo cáo tình hình quý IV.');
  await page.keyboard.press('ArrowDown');
  await announced('Kế hoạch năm 2027 đang ở trên Phụ lục số liệu.');
  await page.keyboard.press('Space');
  await expect
    .poll(() => titles(page))
    .toEqual(['Báo cáo tình hình quý IV', 'Phụ lục số liệu', 'Kế hoạch năm 2027']);
  expect(await numbers(page)).toEqual(['1', '1.1', '2']);

  // participants: a chair and two delegates, found without typing diacritics
  await invite(page, 'tran van hung', 'chutoa', 'Chủ toạ');
  await invite(page, 'dung', 'daibieu1', 'Đại biểu');
  await invite(page, 'ngoc anh', 'daibieu2', 'Đại biểu');
  await expect(page.getByTestId('builder-participant')).toHaveCount(4);

  // uploads: two PDFs to the first item, a password-protected one and a text file refused
  const v1 = await makeTextPdf(BEFORE);
  const report = item(page, 'Báo cáo tình hình quý IV');
  await report
    .getByTestId('file-input')
    .setInputFiles([
      { name: REPORT, mimeType: 'application/pdf', buffer: Buffer.from(v1.bytes) },
      asFile(corpus('tracemonkey.pdf')),
      asFile(corpus('issue6010_1.pdf')),
      { name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải PDF') },
    ]);
  await expect(report.getByTestId('builder-document')).toHaveCount(2);
  // (two upload at once: either may be listed first)
  for (const name of [REPORT, 'tracemonkey.pdf'])
    await expect(report.getByTestId('builder-document').filter({ hasText: name })).toHaveCount(1);
  const locked = report.getByTestId('upload').filter({ hasText: 'issue6010_1.pdf' });
  await expect(locked).toHaveAttribute('data-refusal', 'password');
  await expect(locked.getByTestId('upload-message')).toHaveText(
    'Không nhận: tệp PDF có mật khẩu. Hãy lưu một bản không đặt mật khẩu rồi tải lên bản đó.',
  );
  const text = report.getByTestId('upload').filter({ hasText: 'ghi-chu.txt' });
  await expect(text).toHaveAttribute('data-refusal', 'notPdf');
  await expect(text.getByTestId('upload-message')).toContainText('không phải PDF');

  // a PDF dropped onto the nested item
  const nested = item(page, 'Phụ lục số liệu');
  const bytes = readFileSync(demoPdf('budget-proposal-2027.pdf')).toString('base64');
  const dataTransfer = await page.evaluateHandle((b64) => {
    const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([raw], 'phu-luc.pdf', { type: 'application/pdf' }));
    return dt;
  }, bytes);
  const zone = nested.getByTestId('drop-zone');
  await zone.dispatchEvent('dragover', { dataTransfer });
  await expect(zone).toHaveClass(/over/);
  await zone.dispatchEvent('drop', { dataTransfer });
  await expect(nested.getByTestId('builder-document')).toHaveText([/phu-luc\.pdf/]);

  // the secretary publishes the pack (until then it is a draft only organisers see)
  await page.getByTestId('view-meeting').click();
  await expect(page.getByTestId('meeting-title')).toHaveText(title);
  await page.getByTestId('publish-button').click();
  await expect(page.getByTestId('published-at')).toContainText('Đã phát hành');

  // a delegate in another browser finds the meeting with its agenda and documents
  const delContext = await browser.newContext();
  // each document takes a moment to come, as on the room's Wi-Fi: the progress can be seen
  await delContext.route('**/api/meetings/*/files/*', async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  const delegate = await delContext.newPage();
  await signIn(delegate, 'daibieu1');
  await delegate.getByTestId('meeting-card').filter({ hasText: title }).click();
  await expect(delegate.getByTestId('meeting-title')).toHaveText(title);
  await expect(delegate.getByTestId('my-role')).toHaveText('Đại biểu');
  await expect(delegate.getByTestId('build-link')).toHaveCount(0);
  await expect(delegate.locator('.agenda-title')).toHaveText([
    'Báo cáo tình hình quý IV',
    'Phụ lục số liệu',
    'Kế hoạch năm 2027',
  ]);
  await expect(delegate.getByTestId('document')).toHaveCount(3);
  // the pack downloads to the delegate's device as the meeting opens, with its progress bar
  const pack = delegate.getByTestId('pack-status');
  await expect(pack).toContainText('Đang lưu tài liệu vào máy');
  await expect(pack.locator('progress')).toBeVisible();
  await expect(pack).toContainText('Đã lưu 3 tài liệu', {
    timeout: 30_000,
  });

  // the delegate highlights words of the report, then goes back to the meeting
  const meetingUrl = delegate.url();
  await delegate
    .getByTestId('document')
    .filter({ hasText: REPORT })
    .getByTestId('document-open')
    .click();
  await expectRendered(delegate, 1);
  const words = NOTE_LINE.slice(0, 20);
  await highlight(delegate, words);
  await expect(highlights(delegate)).toHaveCount(1);
  const span = pageSlot(delegate, 1).locator('.textLayer span', { hasText: words });
  const before = await centreY(delegate, highlights(delegate));
  await delegate.getByTestId('viewer-back').click();
  await expect(delegate.getByTestId('meeting-title')).toHaveText(title);

  // the secretary replaces the report with a revised version (a paragraph inserted above)
  const v2 = await makeTextPdf(inserted(INSERTED));
  await page
    .getByTestId('publish-doc')
    .filter({ hasText: REPORT })
    .getByTestId('replace-input')
    .setInputFiles({ name: REPORT, mimeType: 'application/pdf', buffer: Buffer.from(v2.bytes) });
  // the delegate is told which item changed
  await expect(
    delegate.getByTestId('toast').filter({ hasText: 'Mục 1: tài liệu đã được thay thế' }),
  ).toBeVisible();
  // and their highlight is on the new version, on the same words (lower on the page now)
  await delegate
    .getByTestId('document')
    .filter({ hasText: REPORT })
    .getByTestId('document-open')
    .click();
  await expectRendered(delegate, 1);
  await expect(pageSlot(delegate, 1).locator('.pdf-layers')).toHaveAttribute('data-text', 'true');
  await expect(highlights(delegate)).toHaveCount(1);
  const after = await centreY(delegate, highlights(delegate));
  expect(Math.abs(after - (await centreY(delegate, span)))).toBeLessThan(6);
  expect(after - before).toBeGreaterThan(30);
  await expect(delegate.getByTestId('unplaced-list')).toHaveCount(0);

  // a delegate cannot open the builder
  await delegate.goto(`${meetingUrl}/build`);
  await expect(delegate.getByRole('alert')).toContainText('Chỉ thư ký hoặc quản trị viên');

  await Promise.all([secContext.close(), delContext.close()]);
});

test('in English: a refused file says why, and items nest by dragging', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'thuky');
  await page.getByTestId('language-switch').locator('[data-lang=en]').click();
  await page.getByRole('link', { name: 'New meeting' }).click();
  const form = page.getByTestId('meeting-form');
  await form.getByLabel('Title', { exact: true }).fill(`Builder in English ${Date.now()}`);
  await form.getByRole('button', { name: 'Create meeting' }).click();
  await expect(page).toHaveURL(/\/build$/);
  const add = page.getByTestId('add-item-form');
  await add.getByLabel('Item title').fill('Budget');
  await add.getByRole('button', { name: 'Add item' }).click();
  const budget = item(page, 'Budget');
  await budget.getByLabel('Choose PDF files for Budget').setInputFiles(corpus('issue6010_1.pdf'));
  await expect(budget.getByTestId('upload-message')).toHaveText(
    'Refused: this PDF is password-protected. Save a copy without a password and upload that.',
  );
  await page.getByRole('button', { name: 'Hide the message about issue6010_1.pdf' }).click();
  await expect(budget.getByTestId('upload')).toHaveCount(0);

  // drag and drop with the mouse: sideways to the right nests, to the left steps out
  await add.getByLabel('Item title').fill('Annexes');
  await add.getByRole('button', { name: 'Add item' }).click();
  await expect(item(page, 'Annexes')).toHaveCount(1);
  const drag = async (title: string, dx: number): Promise<void> => {
    const handle = page.getByRole('button', { name: `Drag to reorder ${title}` });
    const box = await handle.boundingBox();
    if (!box) throw new Error('no handle');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(x + (dx * i) / 5, y + 1);
    await page.mouse.up();
  };
  await drag('Annexes', 40);
  await expect.poll(() => numbers(page)).toEqual(['1', '1.1']);
  await drag('Annexes', -40);
  await expect.poll(() => numbers(page)).toEqual(['1', '2']);
  expect(await titles(page)).toEqual(['Budget', 'Annexes']);
  await context.close();
});

test('a slow upload shows its progress and can be cancelled', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'thuky');
  await page.getByTestId('new-meeting-link').click();
  const form = page.getByTestId('meeting-form');
  await form.getByLabel('Tên cuộc họp').fill(`Tải lên chậm ${Date.now()}`);
  await form.getByRole('button', { name: 'Tạo cuộc họp' }).click();
  await expect(page).toHaveURL(/\/build$/);
  // details can be changed later: only what changed is sent
  const saved = page.getByTestId('meeting-form');
  await saved.getByLabel('Địa điểm').fill('Hội trường A');
  await saved.getByRole('button', { name: 'Lưu thông tin' }).click();
  await expect(page.getByTestId('meeting-form-note')).toHaveText('Đã lưu.');
  await expect(page.getByTestId('meeting-form').getByLabel('Địa điểm')).toHaveValue('Hội trường A');

  const add = page.getByTestId('add-item-form');
  await add.getByLabel('Tên nội dung').fill('Tài liệu lớn');
  await add.getByRole('button', { name: 'Thêm nội dung' }).click();
  const big = item(page, 'Tài liệu lớn');
  await expect(big).toHaveCount(1);

  // a slow link (about 256 KB/s up) so that the 2.6 MB book takes a while
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: 4 * 1024 * 1024,
    uploadThroughput: 256 * 1024,
  });
  await big.getByTestId('file-input').setInputFiles(asFile(corpus('freeculture.pdf')));
  const line = big.getByTestId('upload');
  const bar = line.getByRole('progressbar', { name: 'Tiến độ tải lên freeculture.pdf' });
  await expect(line).toHaveAttribute('data-status', 'uploading');
  await expect.poll(async () => Number(await bar.getAttribute('value'))).toBeGreaterThan(0);
  await line.getByRole('button', { name: 'Huỷ tải lên freeculture.pdf' }).click();
  await expect(line).toHaveAttribute('data-status', 'cancelled');
  await expect(line.getByTestId('upload-message')).toHaveText('Đã huỷ');
  await expect(big.getByTestId('builder-document')).toHaveCount(0);
  await context.close();
});

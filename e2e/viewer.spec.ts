// The document viewer: a Vietnamese demo document, then each real-world PDF of the corpus
// (../shared/corpus/pdf, uploaded here by the secretary) checked against its README row.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { VI_MEETING_TITLE } from './helpers.ts';
import {
  canvasPixels,
  corpusFile,
  expectRendered,
  hasCorpus,
  openMeetingDocument,
  openViewer,
  pageSlot,
  pageText,
  secretaryPage,
  signInSecretary,
  upload,
  viewerUrl,
  type Secretary,
  type UploadedDoc,
} from './viewer-helpers.ts';

const CORPUS = [
  'tracemonkey.pdf',
  'freeculture.pdf',
  'XiaoBiaoSong.pdf',
  'annotation-highlight.pdf',
  'bug1978317.pdf',
  'PDFBOX-3148-2-fuzzed.pdf',
];

let s: Secretary;
/** The corpus documents accepted at upload, by file name. */
const docs = new Map<string, UploadedDoc>();

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const first = await context.newPage();
    s = await signInSecretary(first);
    for (const name of hasCorpus ? CORPUS : []) {
      const r = await upload(first, s, name, corpusFile(name));
      // the damaged ones may be refused, with a reason; the others must be accepted
      if (r.status === 201 && r.document) docs.set(name, r.document);
      else expect(r.error?.code, `${name}: ${r.status}`).toBe('UNSUPPORTED_FILE');
    }
  } finally {
    await context.close();
  }
});

let context: BrowserContext;
let page: Page;
test.beforeEach(async ({ browser }) => {
  ({ context, page } = await secretaryPage(browser, s));
});
test.afterEach(async () => {
  await context.close();
});

/** The text of the selected search hit (it may span several text items). */
const selectedHit = async (): Promise<string> =>
  (await page.locator('.textLayer .highlight.selected').allTextContents()).join('');

const viewer = () => page.getByTestId('viewer');

test('a Vietnamese demo document opens from the agenda, with its text, zoom and thumbnails', async () => {
  await page.goto('/');
  await page.getByTestId('meeting-card').filter({ hasText: VI_MEETING_TITLE }).click();
  await openMeetingDocument(page, 'bao-cao-kinh-te-xa-hoi-2026.pdf');
  const text = await pageText(page, 1);
  expect(text).toContain('Hạnh phúc');
  expect(text).toMatch(/NHÂN DÂN/);
  await expect(page).toHaveURL(/\/documents\/[^/]+\/1$/);

  // zoom out and in from the toolbar and the keyboard; fit page shows the whole page
  const width = async () => (await pageSlot(page, 1).boundingBox())?.width ?? 0;
  const height = async () => (await pageSlot(page, 1).boundingBox())?.height ?? 0;
  const fitWidth = await width();
  await page.getByTestId('viewer-zoom-out').click();
  await expect.poll(width).toBeLessThan(fitWidth);
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  await expect.poll(width).toBeGreaterThan(fitWidth);
  await page.getByTestId('viewer-zoom').selectOption('fitPage');
  const area = (await page.getByTestId('viewer-pages').boundingBox())!;
  await expect.poll(height).toBeLessThan(area.height);
  await expectRendered(page, 1);

  // the keyboard and the thumbnails move between pages
  const pages = Number(await viewer().getAttribute('data-pages'));
  await page.keyboard.press('End');
  await expect(viewer()).toHaveAttribute('data-page', String(pages));
  await page.keyboard.press('Home');
  await expect(viewer()).toHaveAttribute('data-page', '1');
  await page.getByTestId('viewer-thumbnails').locator('[data-thumb="2"]').click();
  await expect(viewer()).toHaveAttribute('data-page', '2');
  await expect(page.locator('.viewer-thumb[data-thumb="1"] [data-rendered]')).toHaveCount(1);

  // a search typed without Vietnamese marks finds the words with them, from the current page on
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('viewer-search')).toBeFocused();
  await page.keyboard.type('kinh te');
  await expect(page.getByTestId('viewer-search-status')).toHaveText(/^\d+\/\d+$/);
  await expect.poll(selectedHit).toMatch(/^kinh ?tế$/i);
  const hitPage = await page
    .locator('.textLayer .highlight.selected')
    .first()
    .evaluate((el) => Number(el.closest('.pdf-page')?.getAttribute('data-page-number')));
  expect(hitPage).toBeGreaterThanOrEqual(2);

  // the screenshot: the first page, a word found on it
  await page.getByTestId('viewer-zoom').selectOption('fitWidth');
  await page.getByTestId('viewer-thumbnails').locator('[data-thumb="1"]').click();
  await expect(viewer()).toHaveAttribute('data-page', '1');
  await page.getByTestId('viewer-search').fill('kinh tế');
  await expect(page.getByTestId('viewer-search-status')).toHaveText(/^1\/\d+$/);
  await expect(pageSlot(page, 1).locator('.highlight.selected').first()).toBeInViewport();
  await page.mouse.move(0, 0);
  const shot = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results';
  await page.screenshot({ path: `${shot}/viewer-vi.png` });

  // back to the meeting, and another document (the viewer is loaded by now)
  await page.getByTestId('viewer-back').click();
  await expect(page.getByTestId('meeting-title')).toHaveText(VI_MEETING_TITLE);
  const other = 'to-trinh-du-toan-ngan-sach-2027.pdf';
  await page
    .getByTestId('document')
    .filter({ hasText: other })
    .first()
    .getByTestId('document-open')
    .click();
  await expect(page.getByTestId('viewer-title')).toHaveText(other);
  await expectRendered(page, 1);
  expect(await pageText(page, 1)).toMatch(/TỜ TRÌNH/i);
});

test.describe('corpus', () => {
  test.skip(!hasCorpus, 'the corpus ../shared/corpus/pdf is not there');

  const open = async (name: string, at?: number): Promise<UploadedDoc> => {
    const doc = docs.get(name);
    test.skip(!doc, `${name} was refused at upload`);
    await openViewer(page, viewerUrl(s, doc!.id, at));
    return doc!;
  };

  test('tracemonkey: 14 pages, text to select and copy, search with hits', async () => {
    await open('tracemonkey.pdf');
    await expect(viewer()).toHaveAttribute('data-pages', '14');
    await expect(page.locator('.pdf-page')).toHaveCount(14);
    await expectRendered(page, 1);
    expect(await pageText(page, 1)).toContain('Trace-based Just-in-Time Type Specialization');
    // double-click selects a word of the text layer
    await pageSlot(page, 1).locator('.textLayer span', { hasText: 'Abstract' }).dblclick();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toContain('Abstract');

    const search = page.getByTestId('viewer-search');
    await search.fill('tracing');
    const status = page.getByTestId('viewer-search-status');
    await expect(status).toHaveAttribute('data-done', 'true');
    await expect(status).toHaveText(/^1\/(\d+)$/);
    const count = Number((await status.textContent())!.split('/')[1]);
    expect(count).toBeGreaterThan(5);
    await expect.poll(selectedHit).toMatch(/^tracing$/i);
    await search.press('Enter');
    await expect(status).toHaveText(`2/${count}`);
    await search.press('Shift+Enter');
    await search.press('Shift+Enter');
    await expect(status).toHaveText(`${count}/${count}`);
    await expect(page.locator('.textLayer .highlight.selected').first()).toBeInViewport();
    await search.fill('zzqqx');
    await expect(status).toHaveText('Không tìm thấy');
  });

  test('freeculture: the first page comes quickly, page 300 on request, memory bounded', async () => {
    const started = Date.now();
    const doc = await open('freeculture.pdf');
    await expectRendered(page, 1, 5_000);
    test.info().annotations.push({ type: 'first page', description: `${Date.now() - started} ms` });
    await expect(viewer()).toHaveAttribute('data-pages', '352');

    const input = page.getByTestId('viewer-page-input');
    await input.fill('300');
    await input.press('Enter');
    await expectRendered(page, 300);
    await expect(viewer()).toHaveAttribute('data-page', '300');
    await expect(page).toHaveURL(/\/300$/);
    expect((await canvasPixels(page, 300)).dark).toBeGreaterThan(1000);
    // far pages gave their canvases back: only those around page 300 are drawn
    const drawn = await page
      .locator('.pdf-page:has(canvas.pdf-canvas)')
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-page-number'))));
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThanOrEqual(8);
    for (const n of drawn) expect(Math.abs(n - 300)).toBeLessThanOrEqual(4);

    // an address with a page opens there
    await page.goto(viewerUrl(s, doc.id, 120));
    await expectRendered(page, 120);
    await expect(viewer()).toHaveAttribute('data-page', '120');
  });

  test('XiaoBiaoSong: the CJK page is drawn and its text layer has the characters', async () => {
    await open('XiaoBiaoSong.pdf');
    await expectRendered(page, 1);
    expect((await canvasPixels(page, 1)).dark).toBeGreaterThan(500);
    expect(await pageText(page, 1)).toContain('关于红军作战的原则');
  });

  test('annotation-highlight: the highlight already in the PDF shows', async () => {
    await open('annotation-highlight.pdf');
    await expectRendered(page, 1);
    expect((await canvasPixels(page, 1)).yellow).toBeGreaterThan(1000);
    expect(await pageText(page, 1)).toContain('Lorem ipsum dolor sit amet');
  });

  for (const name of ['bug1978317.pdf', 'PDFBOX-3148-2-fuzzed.pdf']) {
    test(`${name}: drawn, or a clear message, never a blank page or a spinner`, async () => {
      await open(name);
      await expect(page.getByTestId('viewer-loading')).toHaveCount(0, { timeout: 30_000 });
      const error = page.getByTestId('viewer-error');
      if ((await error.count()) > 0) {
        await expect(error).toContainText('Không mở được tài liệu');
        return;
      }
      await expectRendered(page, 1, 30_000);
      const note = pageSlot(page, 1).locator('.pdf-page-note');
      if ((await canvasPixels(page, 1)).dark === 0)
        await expect(note).toHaveText(/không có nội dung hiển thị/);
      else await expect(note).toHaveCount(0);
    });
  }

  test('a password-protected PDF is refused at upload; the viewer still asks for a password', async () => {
    const refused = await upload(page, s, 'issue6010_1.pdf', corpusFile('issue6010_1.pdf'));
    expect(refused.status).toBe(422);
    expect(refused.error?.code).toBe('PASSWORD_PROTECTED');

    // were such a file served anyway, the viewer asks for its password and opens it
    const doc = docs.get('tracemonkey.pdf')!;
    await page.route(`**/files/${doc.sha256}`, (route) =>
      route.fulfill({ contentType: 'application/pdf', body: corpusFile('issue6010_1.pdf') }),
    );
    await openViewer(page, viewerUrl(s, doc.id));
    const prompt = page.getByTestId('viewer-password');
    await expect(prompt).toContainText('Tài liệu được đặt mật khẩu');
    await prompt.locator('input[type=password]').fill('wrong');
    await prompt.locator('button[type=submit]').click();
    await expect(prompt).toContainText('Mật khẩu không đúng');
    await prompt.locator('input[type=password]').fill('abc');
    await prompt.locator('button[type=submit]').click();
    await expectRendered(page, 1);
  });

  test('a file that is not a PDF, or a missing one, gives a translated message', async () => {
    const doc = docs.get('tracemonkey.pdf')!;
    const url = `**/files/${doc.sha256}`;
    await page.route(url, (route) =>
      route.fulfill({ contentType: 'application/pdf', body: 'this is not a PDF at all' }),
    );
    await openViewer(page, viewerUrl(s, doc.id));
    const error = page.getByTestId('viewer-error');
    await expect(error).toHaveAttribute('data-failure', 'invalid');
    await expect(error).toContainText('không phải là tệp PDF hợp lệ');

    await page.unroute(url);
    await page.route(url, (route) => route.fulfill({ status: 404, body: '' }));
    await error.getByRole('button', { name: 'Thử lại' }).click();
    await expect(error).toHaveAttribute('data-failure', 'missing');
    await expect(error).toContainText('Không tìm thấy tệp trên máy chủ');
  });
});

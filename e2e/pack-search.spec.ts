// Search across the meeting pack: a delegate types Vietnamese without marks, sees the hits by
// document and page with the words in bold, and opens one in the viewer at its page.
import { expect, test } from '@playwright/test';
import { openDemoMeeting } from './helpers.ts';

test('a search typed without marks finds "ngân sách" and opens the hit at its page', async ({
  browser,
}) => {
  const { context, page } = await openDemoMeeting(browser, 'daibieu1');
  try {
    const searches: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/search?')) searches.push(r.url());
    });
    const input = page.getByTestId('pack-search-input');
    await input.fill('ngan sach');
    await input.press('Enter');
    await expect(page.getByTestId('pack-search-status')).toHaveAttribute('data-state', 'done');
    // typed, then Enter: one search, not a second one when the typing pause ends (which would
    // blank the results a moment later)
    await page.waitForTimeout(600);
    expect(searches).toHaveLength(1);
    await expect(page.getByTestId('pack-search-status')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('pack-search-summary')).toHaveText(
      /^\d+ kết quả trong \d+ tài liệu$/,
    );

    // grouped by document: the budget submission is there, its hits in bold with their marks
    const budget = page
      .getByTestId('pack-search-document')
      .filter({ hasText: 'to-trinh-du-toan-ngan-sach-2027.pdf' });
    await expect(budget).toHaveCount(1);
    const marked = page.getByTestId('pack-search-results').locator('mark');
    // (the list may still be drawing its snippets when the summary shows)
    await expect.poll(() => marked.count()).toBeGreaterThan(1);
    const marks = await marked.allTextContents();
    for (const m of marks) expect(m.toLowerCase().replace(/\s+/g, ' ')).toBe('ngân sách');

    // a hit past the first page, so that opening at the page is visible
    const hits = budget.getByTestId('pack-search-hit');
    const pages = (await hits.evaluateAll((els) => els.map((e) => e.dataset.page))).map(Number);
    const target = pages.find((p) => p > 1) ?? pages[0]!;
    const shots = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results';
    await page.getByTestId('pack-search-results').scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${shots}/pack-search-vi.png` });
    await budget.locator(`[data-testid="pack-search-hit"][data-page="${target}"]`).click();

    await expect(page.getByTestId('viewer-title')).toHaveText(
      'to-trinh-du-toan-ngan-sach-2027.pdf',
    );
    await expect(page.getByTestId('viewer')).toHaveAttribute('data-page', String(target));
    // the viewer searches the same words and shows the hit on that page
    await expect(page.getByTestId('viewer-search')).toHaveValue('ngan sach');
    await expect(page.getByTestId('viewer-search-status')).toHaveText(/^\d+\/\d+$/);
    const selected = page.locator('.textLayer .highlight.selected');
    await expect
      .poll(async () => (await selected.allTextContents()).join(''))
      .toMatch(/^ngân ?sách$/i);
    const hitPage = await selected
      .first()
      .evaluate((el) => Number(el.closest('.pdf-page')?.getAttribute('data-page-number')));
    expect(hitPage).toBe(target);
    await expect(selected.first()).toBeInViewport();
    await page.screenshot({ path: 'test-results/pack-search-hit-vi.png' });

    // back to the meeting, a word that is nowhere says so
    await page.getByTestId('viewer-back').click();
    const again = page.getByTestId('pack-search-input');
    await again.fill('khong co tu nay');
    await again.press('Enter');
    await expect(page.getByTestId('pack-search-summary')).toHaveText(
      'Không tìm thấy “khong co tu nay” trong tài liệu nào.',
    );

    // in English, the same search reads as English, numbers and plurals included
    await page.getByTestId('language-switch').locator('[data-lang="en"]').click();
    await again.fill('ngan sach');
    await again.press('Enter');
    await expect(page.getByTestId('pack-search-summary')).toHaveText(/^\d+ hits in \d+ documents$/);
    await expect(budget.getByTestId('pack-search-hit').first()).toContainText(/^Page \d+/);
    await page.getByTestId('language-switch').locator('[data-lang="vi"]').click();
  } finally {
    await context.close();
  }
});

// Follow the presenter: the chair presents a document; a delegate who follows lands on the same
// document and page and moves with the chair; scrolling on their own un-follows them, and
// "back to the presenter" takes them there again.
import { expect, test, type Page } from '@playwright/test';
import { openDemoMeeting, type Person } from './helpers.ts';
import { expectRendered, pageSlot } from './viewer-helpers.ts';

const DOC = 'bao-cao-kinh-te-xa-hoi-2026.pdf';

const people: Person[] = [];
test.afterEach(async () => {
  // stop presenting, so that other tests start from a meeting nobody presents in
  const chair = people[0]?.page;
  if (chair) {
    const stop = chair.getByTestId('present-stop');
    if (await stop.isVisible().catch(() => false)) await stop.click();
  }
  for (const p of people.splice(0)) await p.context.close();
});

async function goToPage(page: Page, n: number): Promise<void> {
  const input = page.getByTestId('viewer-page-input');
  await input.fill(String(n));
  await input.press('Enter');
  await expect(page.getByTestId('viewer')).toHaveAttribute('data-page', String(n));
}

const shownPage = (page: Page) => page.getByTestId('viewer');

test('a delegate follows the chair’s presentation, un-follows by scrolling, and goes back', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const chair = await openDemoMeeting(browser, 'chutoa');
  people.push(chair);
  const delegate = await openDemoMeeting(browser, 'daibieu6');
  people.push(delegate);

  // the chair opens the report and presents it from page 2
  await chair.page
    .getByTestId('document')
    .filter({ hasText: DOC })
    .first()
    .getByTestId('document-open')
    .click();
  await expectRendered(chair.page, 1);
  await goToPage(chair.page, 2);
  await chair.page.getByTestId('present-start').click();
  await expect(chair.page.getByTestId('presenter-bar')).toContainText('Bạn đang trình chiếu');

  // the delegate, on the meeting screen, is told and follows: the same document, page 2
  const bar = delegate.page.getByTestId('presenter-bar');
  await expect(bar).toContainText('đang trình chiếu');
  await delegate.page.getByTestId('presenter-follow').click();
  await expect(delegate.page.getByTestId('viewer-title')).toContainText(DOC);
  await expect(shownPage(delegate.page)).toHaveAttribute('data-page', '2');
  await expect(delegate.page.getByTestId('presenter-bar')).toHaveAttribute(
    'data-following',
    'true',
  );

  // the chair turns to page 3: the follower goes too
  await goToPage(chair.page, 3);
  await expect(shownPage(delegate.page)).toHaveAttribute('data-page', '3');

  // the delegate scrolls on their own: no longer following; the chair's next move does not pull
  await delegate.page.getByTestId('viewer').hover();
  await delegate.page.mouse.wheel(0, -2500);
  await expect(delegate.page.getByTestId('presenter-bar')).toHaveAttribute(
    'data-following',
    'false',
  );
  const back = delegate.page.getByTestId('presenter-follow');
  await expect(back).toHaveText('Quay lại người trình bày');
  await goToPage(chair.page, 1);
  await goToPage(chair.page, 2);
  await expect(delegate.page.getByTestId('presenter-bar')).toHaveAttribute(
    'data-following',
    'false',
  );

  // back to the presenter: page 2 again
  await back.click();
  await expect(shownPage(delegate.page)).toHaveAttribute('data-page', '2');
});

test('the page a delegate reads does not move when a presentation starts or stops', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const chair = await openDemoMeeting(browser, 'chutoa');
  people.push(chair);
  const delegate = await openDemoMeeting(browser, 'daibieu6');
  people.push(delegate);
  for (const p of [chair, delegate]) {
    await p.page
      .getByTestId('document')
      .filter({ hasText: DOC })
      .first()
      .getByTestId('document-open')
      .click();
    await expectRendered(p.page, 1);
  }
  // the delegate reads a little way down the first page
  const page1 = pageSlot(delegate.page, 1);
  const top = async () => (await page1.boundingBox())!.y;
  await expect(delegate.page.getByTestId('presenter-bar')).toHaveCount(0);
  const start = await top();
  await delegate.page.getByTestId('viewer').hover();
  await delegate.page.mouse.wheel(0, 300);
  await expect.poll(top).toBeLessThan(start - 100);
  await delegate.page.waitForTimeout(500); // the wheel's smooth scroll has ended
  const before = await top();

  // a presentation starts: the bar appears above, the page stays where it was
  await chair.page.getByTestId('present-start').click();
  await expect(delegate.page.getByTestId('presenter-bar')).toContainText('đang trình chiếu');
  expect(Math.abs((await top()) - before)).toBeLessThanOrEqual(1);

  // and stops: the bar goes, the page still stays
  await chair.page.getByTestId('present-stop').click();
  await expect(delegate.page.getByTestId('presenter-bar')).toHaveCount(0);
  expect(Math.abs((await top()) - before)).toBeLessThanOrEqual(1);
});

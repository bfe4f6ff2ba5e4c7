// Issue 4's acceptance test: a chair and three delegates in four browsers; a proxy, a secret vote
// with a changed ballot, the same result and chart on every screen and on the projector.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { chairCheckIn, ensureRunning, selfCheckIn, userId } from './console-helpers.ts';
import { displayName, openDemoMeeting, type Person } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

let open: Person[] = [];
test.afterEach(async () => {
  await Promise.all(open.map((p) => p.context.close()));
  open = [];
});

const votePanel = (page: Page, voteId: string): Locator =>
  page.locator(`[data-testid="vote"][data-vote-id="${voteId}"]`);

/** Casts a ballot on a page: the option by its label, in the ballot of `principal`. */
async function cast(page: Page, voteId: string, principal: string, option: string) {
  const ballot = votePanel(page, voteId).locator(
    `[data-testid="ballot"][data-principal="${principal}"]`,
  );
  await ballot.getByRole('radio', { name: option, exact: true }).check();
  await ballot.getByTestId('cast-ballot').click();
  return ballot;
}

/** The result as a screen shows it: the figures and each bar's count. */
async function shownResult(scope: Locator) {
  const result = scope.getByTestId('vote-result');
  await expect(result).toBeVisible();
  const bars = result.getByTestId('result-bar');
  const counts: Record<string, number> = {};
  for (const bar of await bars.all()) {
    counts[(await bar.getAttribute('data-option-id')) ?? '?'] = Number(
      await bar.getAttribute('data-count'),
    );
  }
  return {
    adopted: await result.getAttribute('data-adopted'),
    cast: Number(await result.getAttribute('data-cast')),
    members: Number(await result.getAttribute('data-members')),
    eligible: Number(await result.getAttribute('data-eligible')),
    threshold: Number(await result.getAttribute('data-threshold')),
    counts,
    verdict: await result.getByTestId('verdict').textContent(),
  };
}

test('a proxy, a secret vote with a changed ballot, one result on every screen and the projector', async ({
  browser,
}) => {
  const people = await Promise.all(
    ['chutoa', 'daibieu1', 'daibieu2', 'daibieu3'].map((u) => openDemoMeeting(browser, u)),
  );
  open.push(...people);
  const [chair, d1, d2, d3] = people.map((p) => p.page) as [Page, Page, Page, Page];

  await ensureRunning(chair);
  const [chairId, id1, id2, id3] = await Promise.all(
    ['chutoa', 'daibieu1', 'daibieu2', 'daibieu3'].map((u) => userId(chair, u)),
  );

  // the chair creates a secret vote on the current item, results visible to all while open
  await chair.getByTestId('new-vote').click();
  const form = chair.getByTestId('vote-form');
  const itemTitle = await chair.getByTestId('current-item-title').textContent();
  await expect(form.locator('input[name=title]')).not.toHaveValue('');
  expect(itemTitle).toContain(await form.locator('input[name=title]').inputValue());
  await form.locator('input[name=kind][value=secret]').check();
  await form.locator('select[name=rule]').selectOption('simple');
  await form.locator('select[name=visibility]').selectOption('all');
  await form.getByTestId('create-vote').click();
  await expect(form).toHaveCount(0);
  const draft = chair.locator('[data-testid="vote"][data-status="draft"]').first();
  const voteId = (await draft.getAttribute('data-vote-id')) ?? '';
  expect(voteId).not.toBe('');

  // without a quorum the vote does not open, and the chair is told why, with the numbers
  if ((await chair.getByTestId('quorum').getAttribute('data-met')) === 'false') {
    await votePanel(chair, voteId).getByTestId('open-vote').click();
    await expect(votePanel(chair, voteId).getByTestId('vote-open-error')).toContainText(
      /Chưa đủ số lượng để biểu quyết: có mặt \d+ trên 7 thành viên, cần tối thiểu 4/,
    );
    await expect(votePanel(chair, voteId)).toHaveAttribute('data-status', 'draft');
  }

  // two delegates check in by themselves, the chair checks in the third and themself (the chair
  // votes too: the chair and the delegates are the members)
  await selfCheckIn(d1, 'daibieu1');
  await selfCheckIn(d2, 'daibieu2');
  await chairCheckIn(chair, 'daibieu3');
  await chairCheckIn(chair, 'chutoa');
  await expect(d1.getByTestId('quorum')).toHaveAttribute('data-met', 'true');

  // delegate 3 hands their vote to delegate 2; everyone sees it
  await d3.getByTestId('proxy-select').selectOption(id2!);
  await d3.getByTestId('proxy-grant').click();
  for (const page of [chair, d1, d2, d3]) {
    await expect(
      page.locator(`[data-testid="proxy-entry"][data-from="${id3}"][data-to="${id2}"]`),
    ).toBeVisible();
  }
  await expect(d2.getByTestId('proxies-held')).toContainText(displayName('daibieu3'));

  // the projector, opened from the address the chair got, in a fifth browser without a login
  await chair.getByTestId('open-projector').click();
  const projectorUrl = await chair.getByTestId('projector-url').inputValue();
  expect(projectorUrl).toMatch(/#\/projector\/[^/]+\/[^/]+$/);
  const projectorContext = await browser.newContext();
  open.push({ context: projectorContext, page: await projectorContext.newPage() });
  const projector = open.at(-1)!.page;
  await projector.goto(projectorUrl);
  await expect(projector.getByTestId('projector-title')).toHaveText(
    (await chair.getByTestId('meeting-title').textContent()) ?? '',
  );

  // open: every member sees a ballot; delegate 2 has two, one labelled with delegate 3's name
  await votePanel(chair, voteId).getByTestId('open-vote').click();
  for (const page of [chair, d1, d2, d3]) {
    await expect(votePanel(page, voteId)).toHaveAttribute('data-status', 'open');
  }
  await expect(projector.getByTestId('projector-vote')).toHaveAttribute('data-status', 'open');
  await expect(votePanel(d3, voteId).getByTestId('ballot')).toHaveCount(0);
  const proxyBallot = votePanel(d2, voteId).locator(
    `[data-testid="ballot"][data-principal="${id3}"]`,
  );
  await expect(proxyBallot).toContainText(displayName('daibieu3'));
  await expect(proxyBallot).toHaveAttribute('data-on-behalf', 'true');

  // delegate 1 votes for; the confirmation comes only with the server’s ack
  const b1 = await cast(d1, voteId, id1!, 'Tán thành');
  await expect(b1.getByTestId('ballot-recorded')).toHaveText(/Phiếu của bạn đã được ghi nhận/);
  await expect(b1.getByTestId('ballot-choice')).toHaveAttribute('data-choices', 'agree');
  // … and changes their mind before the close
  await b1.getByTestId('change-ballot').click();
  await cast(d1, voteId, id1!, 'Không tán thành');
  await expect(b1.getByTestId('ballot-recorded')).toBeVisible();
  await expect(b1.getByTestId('ballot-choice')).toHaveAttribute('data-choices', 'disagree');

  // delegate 2 votes for themself and for delegate 3; the chair abstains
  const b2 = await cast(d2, voteId, id2!, 'Tán thành');
  await expect(b2.getByTestId('ballot-recorded')).toBeVisible();
  const b3 = await cast(d2, voteId, id3!, 'Tán thành');
  await expect(b3.getByTestId('ballot-recorded')).toHaveText(
    `✓ Phiếu biểu quyết thay cho ${displayName('daibieu3')} đã được ghi nhận`,
  );
  const bc = await cast(chair, voteId, chairId!, 'Không biểu quyết');
  await expect(bc.getByTestId('ballot-recorded')).toBeVisible();

  // the live count reaches everyone, the projector too (visibility: all)
  for (const page of [chair, d3, projector]) {
    await expect(page.getByTestId('vote-progress')).toHaveAttribute('data-cast', '4');
  }
  await expect(
    votePanel(d3, voteId).locator('[data-testid="live-result"] [data-option-id="agree"]'),
  ).toHaveAttribute('data-count', '2');

  // the chair closes the vote
  await votePanel(chair, voteId).getByTestId('close-vote').click();
  await votePanel(chair, voteId).getByTestId('confirm-close-vote').click();

  // every screen shows the same result: 2 for, 1 against, 1 abstention; a majority of the 3
  // votes for or against is 2, so adopted
  const expected = {
    adopted: 'true',
    cast: 4,
    members: 7,
    threshold: 2,
    counts: { agree: 2, disagree: 1, abstain: 1 },
    verdict: 'Thông qua',
  };
  const seen = [];
  for (const page of [chair, d1, d2, d3]) {
    await expect(votePanel(page, voteId)).toHaveAttribute('data-status', 'closed');
    seen.push(await shownResult(votePanel(page, voteId)));
  }
  await expect(projector.getByTestId('projector-vote')).toHaveAttribute('data-status', 'closed');
  seen.push(await shownResult(projector.getByTestId('projector-vote')));
  for (const result of seen) {
    expect(result).toMatchObject(expected);
    expect(result.eligible).toBe(seen[0]?.eligible);
  }
  expect(seen[0]?.eligible).toBeGreaterThanOrEqual(4);
  await expect(votePanel(chair, voteId).locator('.result-basis')).toHaveText(
    /^Tán thành 2 trên 3 phiếu tán thành và không tán thành \(66,7\s?%\), cần ít nhất 2 — quá nửa số phiếu biểu quyết\.$/,
  );

  // a secret ballot's choice is known only to the device that cast it
  await expect(votePanel(d1, voteId).getByTestId('my-choice')).toHaveAttribute(
    'data-choices',
    'disagree',
  );
  await expect(votePanel(d3, voteId).getByTestId('my-choice')).toHaveCount(0);
  await expect(votePanel(chair, voteId).getByTestId('named-ballots')).toHaveCount(0);

  // the proxy can be taken back once the vote is closed
  await d3.getByTestId('proxy-revoke').click();
  await expect(chair.locator(`[data-testid="proxy-entry"][data-from="${id3}"]`)).toHaveCount(0);

  // the chair's console from the top down to the result chart
  await chair.mouse.move(0, 0);
  await chair.setViewportSize({ width: 1440, height: 1400 });
  await chair.evaluate(() => window.scrollTo(0, 0));
  // the README's screenshot is refreshed on request, so that a test run leaves the tree clean
  const shot = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results';
  await chair.screenshot({ path: `${shot}/vote-vi.png` });
});

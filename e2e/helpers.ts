// Shared steps of the browser tests: demo data, signing in, opening a meeting, reading the screen.
import { readFileSync } from 'node:fs';
import {
  expect,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  type Route,
} from '@playwright/test';

const demoFile = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/demo/${name}`, import.meta.url), 'utf8'));

export const DEMO_PASSWORD = (demoFile('accounts.json') as { password: string }).password;

/** The display name of a demo account. */
export function displayName(username: string): string {
  const { accounts } = demoFile('accounts.json') as {
    accounts: { username: string; displayName: string }[];
  };
  const account = accounts.find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return account.displayName;
}

export const VI_MEETING_TITLE = (demoFile('meeting.vi.json') as { title: string }).title;

export interface Person {
  context: BrowserContext;
  page: Page;
}

export async function signIn(
  page: Page,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto('/');
  const form = page.getByTestId('login-form');
  await form.locator('input[name=username]').fill(username);
  await form.locator('input[name=password]').fill(password);
  await form.locator('button[type=submit]').click();
}

/** A new browser context, signed in as `username`, on the Vietnamese demo meeting and live. */
export async function openDemoMeeting(browser: Browser, username: string): Promise<Person> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username);
  await page.getByTestId('meeting-card').filter({ hasText: VI_MEETING_TITLE }).click();
  await expect(page.getByTestId('meeting-title')).toHaveText(VI_MEETING_TITLE);
  await expectConnection(page, 'live');
  return { context, page };
}

export async function expectConnection(page: Page, status: string): Promise<void> {
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', status);
}

export function currentItem(page: Page): Locator {
  return page.getByTestId('current-item');
}

/** The id of the current item as the page shows it ('' for none). */
export async function currentItemId(page: Page): Promise<string> {
  return (await currentItem(page).getAttribute('data-item-id')) ?? '';
}

/** Expects the page to show `itemId` as current, in the panel and highlighted in the agenda. */
export async function expectCurrent(page: Page, itemId: string, title: string): Promise<void> {
  await expect(currentItem(page)).toHaveAttribute('data-item-id', itemId);
  await expect(page.getByTestId('current-item-title')).toContainText(title);
  const highlighted = page.locator('[data-testid="agenda-item"][data-current="true"]');
  await expect(highlighted).toHaveCount(1);
  await expect(highlighted).toHaveAttribute('data-item-id', itemId);
}

/** The chair presses "next item" and waits until their own screen moved; returns the new item. */
export async function chairNext(chair: Page): Promise<{ id: string; title: string }> {
  const before = await currentItemId(chair);
  await chair
    .getByTestId('chair-controls')
    .getByRole('button', { name: /Nội dung tiếp theo/ })
    .click();
  await expect(currentItem(chair)).not.toHaveAttribute('data-item-id', before);
  const id = await currentItemId(chair);
  const title =
    (await chair
      .locator(`[data-testid="agenda-item"][data-item-id="${id}"] .agenda-title`)
      .textContent()) ?? '';
  return { id, title };
}

export function participantRow(page: Page, username: string): Locator {
  const name = displayName(username).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page
    .getByTestId('participant')
    .filter({ has: page.locator('.person-name', { hasText: new RegExp(`^${name}( |$)`) }) });
}

/** Requests the service worker makes itself are cut off too (see playwright.config.ts). */
const offlineRoute = (route: Route) =>
  route.request().serviceWorker() ? route.abort('internetdisconnected') : route.continue();

/** The device loses the network: the page, and its service worker too. */
export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await context.route('**', offlineRoute);
}

export async function goOnline(context: BrowserContext): Promise<void> {
  await context.unroute('**', offlineRoute);
  await context.setOffline(false);
}

// Steps the chair-console specs share: getting the demo meeting running whatever earlier specs left.
import { expect, type Page } from '@playwright/test';
import { chairNext, currentItemId, participantRow } from './helpers.ts';

/** The meeting in progress with a current item, as the chair's screen shows it. */
export async function ensureRunning(chair: Page): Promise<void> {
  const controls = chair.getByTestId('chair-controls');
  const status = chair.getByTestId('meeting-status');
  const now = await status.getAttribute('data-status');
  if (now === 'scheduled') await controls.getByRole('button', { name: 'Bắt đầu họp' }).click();
  if (now === 'paused') await controls.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(status).toHaveAttribute('data-status', 'in_progress');
  if ((await currentItemId(chair)) === '') await chairNext(chair);
}

/** The account id behind a demo username, read from the attendance list. */
export async function userId(page: Page, username: string): Promise<string> {
  const id = await participantRow(page, username).getAttribute('data-user-id');
  if (!id) throw new Error(`no participant row for ${username}`);
  return id;
}

/** The delegate checks themselves in (the demo meeting allows it) unless already attending. */
export async function selfCheckIn(page: Page, username: string): Promise<void> {
  const row = participantRow(page, username);
  const status = row.getByTestId('attendance-status');
  const now = await status.getAttribute('data-status');
  if (now === 'present' || now === 'online') return;
  await row.getByRole('button', { name: 'Điểm danh', exact: true }).click();
  await expect(status).toHaveAttribute('data-status', 'present');
}

/** The chair marks someone present (also themselves). */
export async function chairCheckIn(chair: Page, username: string): Promise<void> {
  const row = participantRow(chair, username);
  await row.getByRole('button', { name: 'Có mặt' }).click();
  await expect(row.getByTestId('attendance-status')).toHaveAttribute('data-status', 'present');
}

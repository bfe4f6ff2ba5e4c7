// Signing in and out: errors by code, the rate limit's wait, and logging out.
import { expect, test } from '@playwright/test';
import { signIn } from './helpers.ts';

test('wrong credentials, then too many attempts with the wait shown', async ({ page }) => {
  await signIn(page, 'khongtontai', 'sai-mat-khau');
  const error = page.getByTestId('login-error');
  await expect(error).toHaveText('Sai tên đăng nhập hoặc mật khẩu');

  // the server allows a few failures per name, then answers 429 with Retry-After
  const submit = page.locator('button[type=submit]');
  for (let i = 0; i < 10; i++) {
    await expect(submit).toBeEnabled();
    const answer = page.waitForResponse('**/api/login');
    await submit.click();
    if ((await answer).status() === 429) break;
  }
  await expect(error).toContainText(/thử lại sau \d+ giây/);
  await expect(submit).toBeDisabled();
});

test('a user signs in, sees their meetings, and logs out', async ({ page }) => {
  await signIn(page, 'quansat');
  await expect(page.locator('h1')).toHaveText('Cuộc họp của tôi');
  await expect(page.getByTestId('meeting-card').first()).toBeVisible();
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('login-form')).toBeVisible();
});

// A one-time password: the first thing after signing in is choosing a new one.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './helpers.ts';

/** The administrator creates an account without a password; the server makes a one-time one. */
async function newAccount(request: APIRequestContext, username: string): Promise<string> {
  const login = await request.post('/api/login', {
    data: { username: 'admin', password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const made = await request.post('/api/accounts', {
    headers: { authorization: `Bearer ${token}` },
    data: { username, displayName: 'Phan Thị Mai', globalRole: 'member' },
  });
  expect(made.status()).toBe(201);
  const body = (await made.json()) as {
    password: string;
    account: { mustChangePassword: boolean };
  };
  expect(body.account.mustChangePassword).toBe(true);
  return body.password;
}

test('a one-time password must be changed before the meeting list', async ({ page, request }) => {
  const username = `mai${Date.now()}`;
  const oneTime = await newAccount(request, username);
  const newPassword = 'mật khẩu của Mai';

  await signIn(page, username, oneTime);
  const form = page.getByTestId('password-form');
  await expect(form.locator('h1')).toHaveText('Đổi mật khẩu');
  await expect(form).toContainText('mật khẩu được cấp một lần');
  await expect(page.getByTestId('meeting-card')).toHaveCount(0);
  await expect(page.getByTestId('logout')).toHaveCount(0);
  // also after a reload, whatever the address says
  await page.goto('/#/meetings/some-meeting');
  await page.reload();
  await expect(form).toBeVisible();

  const fill = async (current: string, next: string, repeat: string): Promise<void> => {
    await form.locator('input[name=current]').fill(current);
    await form.locator('input[name=new]').fill(next);
    await form.locator('input[name=repeat]').fill(repeat);
    await form.locator('button[type=submit]').click();
  };
  const error = page.getByTestId('password-error');
  await fill(oneTime, 'ngan', 'ngan');
  await expect(error).toHaveText('Mật khẩu mới phải có ít nhất 8 ký tự.');
  await fill(oneTime, oneTime, oneTime);
  await expect(error).toHaveText('Mật khẩu mới phải khác mật khẩu hiện tại.');
  await fill(oneTime, newPassword, 'mật khẩu khác');
  await expect(error).toHaveText('Hai lần nhập mật khẩu mới không khớp.');
  await fill('sai-mat-khau', newPassword, newPassword);
  await expect(error).toHaveText('Mật khẩu hiện tại không đúng.');

  await fill(oneTime, newPassword, newPassword);
  await expect(page.locator('h1')).toHaveText('Cuộc họp của tôi');
  await expect(page.getByText('Bạn chưa tham gia cuộc họp nào.')).toBeVisible();
  await expect(page).toHaveURL(/#\/$/);

  // the screen stays reachable from the top bar, and cancelling goes back to the list
  await page.getByTestId('change-password').click();
  await expect(page.getByTestId('password-form')).toBeVisible();
  await expect(page.getByTestId('password-form')).not.toContainText('một lần');
  await page.getByRole('link', { name: 'Huỷ' }).click();
  await expect(page.locator('h1')).toHaveText('Cuộc họp của tôi');

  // the old password no longer works; the new one goes straight to the meetings
  await page.getByTestId('logout').click();
  await signIn(page, username, oneTime);
  await expect(page.getByTestId('login-error')).toHaveText('Sai tên đăng nhập hoặc mật khẩu');
  await signIn(page, username, newPassword);
  await expect(page.locator('h1')).toHaveText('Cuộc họp của tôi');
});

// The renderer as the desktop app runs it (window.desktop present), against the real server:
// the first-run server screen, the login notices, the meeting pack saved on the device, and the
// remote wipe on logout. The Electron shell itself is not started here (see electron/ tests).
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, VI_MEETING_TITLE } from './helpers.ts';
import { FAKE_DESKTOP_KEY, installFakeDesktop } from './fake-desktop.ts';

const PORT = process.env.E2E_PORT ?? '18481';

async function calls(page: Page): Promise<string[]> {
  return page.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key) ?? '{"calls":[]}') as { calls: string[] }).calls,
    FAKE_DESKTOP_KEY,
  );
}

test('first run: choose the server, sign in, the pack is saved on the device, logout wipes it', async ({
  page,
}) => {
  await page.addInitScript(installFakeDesktop, { serverPort: PORT, secure: false });
  await page.goto('/');

  // no server yet: the server screen, not the login
  const form = page.getByTestId('server-form');
  await expect(form).toBeVisible();
  await expect(page.getByTestId('login-form')).toHaveCount(0);
  await form.locator('input[name=server]').fill('192.168.1.99:8443');
  await form.locator('button[type=submit]').click();
  await expect(page.getByTestId('server-error')).toContainText('Địa chỉ này không phản hồi');
  await form.locator('input[name=server]').fill(`http://127.0.0.1:${PORT}`);
  await form.locator('button[type=submit]').click();

  // the app reloads with the server set: login, with the server and the key-store notice
  await expect(page.getByTestId('login-form')).toBeVisible();
  const bar = page.getByTestId('desktop-login-bar');
  await expect(bar).toContainText(`Máy chủ: http://127.0.0.1:${PORT}`);
  await expect(page.getByTestId('insecure-storage')).toContainText('phải đăng nhập lại');

  await page.locator('input[name=username]').fill('daibieu1');
  await page.locator('input[name=password]').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('meeting-card').filter({ hasText: VI_MEETING_TITLE }).click();
  await expect(page.getByTestId('meeting-title')).toHaveText(VI_MEETING_TITLE);

  // every document of the meeting downloaded, checked against its SHA-256, kept on the device
  await expect(page.getByTestId('pack-status')).toContainText('Đã lưu 4 tài liệu trên máy này', {
    timeout: 30_000,
  });
  const made = await calls(page);
  expect(made.filter((c) => c.startsWith('session:save '))).toHaveLength(1);
  expect(made.filter((c) => c.startsWith('cache:put '))).toHaveLength(4);
  expect(made.some((c) => c.startsWith('cache:note-pack '))).toBe(true);

  // logging out ends the session in main: the token is forgotten and the packs wiped
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
  expect(await calls(page)).toContain('session:end');
});

test('changing the server is offered from the login screen, with a warning, and can be cancelled', async ({
  page,
}) => {
  await page.addInitScript(installFakeDesktop, { serverPort: PORT, secure: true });
  await page.goto('/');
  await page.getByTestId('server-form').locator('input[name=server]').fill(`127.0.0.1:${PORT}`);
  await page.getByTestId('server-form').locator('button[type=submit]').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
  await expect(page.getByTestId('insecure-storage')).toHaveCount(0); // a real key store

  await page.getByRole('button', { name: 'Đổi máy chủ' }).click();
  await expect(page.getByTestId('server-form')).toContainText('sẽ đăng xuất và xoá các tài liệu');
  await page.getByRole('button', { name: 'Huỷ' }).click();
  await expect(page.getByTestId('login-form')).toBeVisible();
});

test('in a plain browser none of the desktop screens appear', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('login-form')).toBeVisible();
  await expect(page.getByTestId('server-form')).toHaveCount(0);
  await expect(page.getByTestId('desktop-login-bar')).toHaveCount(0);
});

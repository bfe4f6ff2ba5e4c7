// Annotations: one delegate on two devices (two browser contexts) and another delegate. What the
// first device draws shows on the second and not for the other delegate until it is shared; a
// reload keeps everything. Personal notes follow their author too, and only them.
import { expect, test, type Page } from '@playwright/test';
import { displayName, openDemoMeeting, type Person } from './helpers.ts';
import { expectRendered, openMeetingDocument, pageSlot } from './viewer-helpers.ts';

const DOC = 'bao-cao-kinh-te-xa-hoi-2026.pdf';
const NOTE = 'Cần đối chiếu số liệu với báo cáo quý III';
const BOX = 'Đề nghị bổ sung';
const YELLOW = '#ffd400';
const BLUE = '#4da3ff';

const people: Person[] = [];
test.afterEach(async () => {
  for (const p of people.splice(0)) await p.context.close();
});

async function openAt(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('viewer-title')).toHaveText(DOC);
  await expectRendered(page, 1);
  await expect(annotationLayer(page)).toBeVisible();
}

const annotationLayer = (page: Page) =>
  pageSlot(page, 1).locator('[data-testid="annotation-layer"]');
const items = (page: Page, kind?: string) =>
  pageSlot(page, 1).locator(
    kind ? `[data-annotation-id][data-kind="${kind}"]` : '[data-annotation-id]',
  );
const tool = (page: Page, name: string) =>
  page.getByTestId('annotation-toolbar').locator(`button[data-tool="${name}"]`);

/** Drags the mouse across the first text-layer span holding `text`: a text selection. */
async function selectText(page: Page, text: string): Promise<string> {
  await expect(pageSlot(page, 1).locator('.pdf-layers')).toHaveAttribute('data-text', 'true');
  const span = pageSlot(page, 1).locator('.textLayer span', { hasText: text }).first();
  const box = (await span.boundingBox())!;
  await page.mouse.move(box.x + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  return (await span.textContent()) ?? '';
}

/** Drags the pen across the page, from and to points given as fractions of its size (a fitted
 * page is taller than the window: keep to its top half). */
async function draw(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const box = (await annotationLayer(page).boundingBox())!;
  const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(from));
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) {
    const x = from[0] + ((to[0] - from[0]) * k) / 10;
    const y = from[1] + ((to[1] - from[1]) * k) / 10 + (k % 2 ? 0.01 : 0);
    await page.mouse.move(...at([x, y]));
  }
  await page.mouse.up();
}

test('annotations follow their author to another device; shared ones reach everyone; reload keeps them', async ({
  browser,
}) => {
  test.setTimeout(240_000); // three browsers, each opening the document twice
  const device1 = await openDemoMeeting(browser, 'daibieu1');
  people.push(device1);
  const url = await openMeetingDocument(device1.page, DOC);
  const device2 = await openDemoMeeting(browser, 'daibieu1');
  people.push(device2);
  const other = await openDemoMeeting(browser, 'daibieu2');
  people.push(other);
  await openAt(device2.page, url);
  await openAt(other.page, url);
  const p1 = device1.page;

  // device 1: highlight a line of text (yellow), draw in blue, stick a note with some text
  await tool(p1, 'highlight').click();
  const quote = await selectText(p1, 'Hạnh phúc');
  await expect(items(p1, 'highlight')).toHaveCount(1);
  await expect(items(p1, 'highlight')).toHaveAttribute('data-color', YELLOW);

  await p1.keyboard.press('p');
  await expect(tool(p1, 'pen')).toHaveAttribute('aria-pressed', 'true');
  await p1.getByTestId('annotation-toolbar').getByRole('radio', { name: 'Xanh dương' }).click();
  await draw(p1, [0.15, 0.3], [0.55, 0.33]);
  await expect(items(p1, 'ink')).toHaveCount(1);
  await expect(items(p1, 'ink')).toHaveAttribute('data-color', BLUE);

  await tool(p1, 'note').click();
  const layer = (await annotationLayer(p1).boundingBox())!;
  await p1.mouse.click(layer.x + layer.width * 0.7, layer.y + layer.height * 0.22);
  const editor = p1.getByTestId('annotation-editor');
  await expect(editor.locator('textarea')).toBeFocused();
  await p1.keyboard.type(NOTE);
  await editor.getByRole('button', { name: 'Đóng' }).click();
  await expect(items(p1, 'note')).toHaveAttribute('aria-label', `Ghi chú: ${NOTE}`);

  // and a text box, typed into, then moved
  await p1.keyboard.press('t');
  await p1.mouse.click(layer.x + layer.width * 0.1, layer.y + layer.height * 0.08);
  await expect(editor.locator('textarea')).toBeFocused();
  await p1.keyboard.type(BOX);
  await p1.keyboard.press('Escape');
  await expect(items(p1, 'text')).toHaveText(BOX);
  const before = (await items(p1, 'text').boundingBox())!;
  await p1.mouse.move(before.x + 10, before.y + 10);
  await p1.mouse.down();
  await p1.mouse.move(before.x + 70, before.y + 30, { steps: 5 });
  await p1.mouse.up();
  await expect
    .poll(async () => (await items(p1, 'text').boundingBox())!.x - before.x)
    .toBeCloseTo(60, 0);

  // it is selected: its corner handle makes it larger; undo and redo take the size back and forth
  const width = async () => (await items(p1, 'text').boundingBox())!.width;
  const w0 = await width();
  const handle = items(p1, 'text').getByTestId('annotation-resize');
  const corner = (await handle.boundingBox())!;
  await p1.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2);
  await p1.mouse.down();
  await p1.mouse.move(corner.x + corner.width / 2 + 40, corner.y + corner.height / 2 + 20, {
    steps: 5,
  });
  await p1.mouse.up();
  await expect.poll(async () => (await width()) - w0).toBeCloseTo(40, 0);
  await p1.getByTestId('annotation-undo').click();
  await expect.poll(async () => (await width()) - w0).toBeCloseTo(0, 0);
  await p1.getByTestId('annotation-redo').click();
  await expect.poll(async () => (await width()) - w0).toBeCloseTo(40, 0);
  // and from the keyboard, told to a screen reader
  await items(p1, 'text').focus();
  await p1.keyboard.press('Shift+ArrowLeft');
  await expect(p1.getByTestId('annotation-size-said').first()).toContainText('Cỡ hộp văn bản');

  // device 2 of the same delegate: all four, private, the box where it was moved to
  const p2 = device2.page;
  await expect(items(p2, 'highlight')).toHaveAttribute('data-color', YELLOW);
  await expect(items(p2, 'ink')).toHaveAttribute('data-color', BLUE);
  await expect(items(p2, 'note')).toHaveAttribute('aria-label', `Ghi chú: ${NOTE}`);
  await expect(items(p2, 'text')).toHaveText(BOX);
  await expect(items(p2)).toHaveCount(4);
  await expect(items(p2, 'note')).toHaveAttribute('data-shared', 'false');
  const box1 = (await annotationLayer(p1).boundingBox())!;
  const box2 = (await annotationLayer(p2).boundingBox())!;
  await expect
    .poll(async () => (await items(p2, 'text').boundingBox())!.x - box2.x)
    .toBeCloseTo((await items(p1, 'text').boundingBox())!.x - box1.x, 0);

  // device 1 shares the note: the other delegate sees it, with its author's name; nothing else
  await p1.keyboard.press('v');
  await items(p1, 'note').click();
  await editor.getByTestId('annotation-share').check();
  await expect(editor.getByTestId('annotation-visibility')).toHaveText('Đã chia sẻ');
  const p3 = other.page;
  await expect(items(p3, 'note')).toHaveAttribute('aria-label', `Ghi chú: ${NOTE}`);
  await expect(items(p3, 'note')).toHaveAttribute('title', new RegExp(displayName('daibieu1')));
  await expect(items(p3)).toHaveCount(1);
  await expect(items(p2, 'note')).toHaveAttribute('data-shared', 'true');
  // the other delegate can read it but not change it
  await items(p3, 'note').click();
  await expect(p3.getByTestId('annotation-author')).toContainText(displayName('daibieu1'));
  await expect(p3.getByTestId('annotation-editor').locator('textarea')).toHaveCount(0);

  // the list of annotations jumps to one and selects it
  await p1.getByTestId('annotation-list-toggle').click();
  const list = p1.getByTestId('annotation-list');
  await expect(list.locator('[data-annotation-id]')).toHaveCount(4);
  await expect(list).toContainText(quote.trim());
  await list.locator('[data-annotation-id]').filter({ hasText: 'Nét vẽ' }).click();
  await expect(items(p1, 'ink')).toHaveAttribute('data-selected', 'true');

  // a reload keeps everything, on every device
  for (const p of [p1, p2, p3]) {
    await p.reload();
    await expectRendered(p, 1, 30_000);
    await expect(annotationLayer(p)).toBeVisible();
  }
  await expect(items(p1)).toHaveCount(4);
  await expect(items(p2)).toHaveCount(4);
  await expect(items(p2, 'ink')).toHaveAttribute('data-color', BLUE);
  await expect(items(p3, 'note')).toHaveAttribute('aria-label', `Ghi chú: ${NOTE}`);
  await expect(items(p3)).toHaveCount(1);

  // undo and redo, here and on the other device
  await p1.keyboard.press('p');
  await draw(p1, [0.15, 0.38], [0.5, 0.39]);
  await expect(items(p1, 'ink')).toHaveCount(2);
  await expect(items(p2, 'ink')).toHaveCount(2);
  await p1.keyboard.press('Control+z');
  await expect(items(p1, 'ink')).toHaveCount(1);
  await expect(items(p2, 'ink')).toHaveCount(1);
  await p1.keyboard.press('Control+Shift+z');
  await expect(items(p1, 'ink')).toHaveCount(2);
  await expect(items(p2, 'ink')).toHaveCount(2);

  // the screenshot: the shared note open, the list beside
  await p1.keyboard.press('v');
  await p1.getByTestId('annotation-list-toggle').click();
  await expect(p1.getByTestId('annotation-list')).toBeVisible();
  await items(p1, 'note').click();
  await expect(editor).toBeVisible();
  await p1.mouse.move(0, 0);
  const shot = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results';
  await p1.screenshot({ path: `${shot}/annotations-vi.png` });
});

test('personal notes on an agenda item are saved, follow their author and no one else', async ({
  browser,
}) => {
  const device1 = await openDemoMeeting(browser, 'daibieu1');
  people.push(device1);
  const device2 = await openDemoMeeting(browser, 'daibieu1');
  people.push(device2);
  const other = await openDemoMeeting(browser, 'daibieu2');
  people.push(other);
  const note = 'Hỏi về tiến độ giải ngân vốn đầu tư công';
  const area = (p: Page) => p.getByTestId('personal-note-text');
  await area(device1.page).fill(note);
  await expect(device1.page.getByTestId('personal-note-status')).toHaveText('Đã lưu');
  await expect(area(device2.page)).toHaveValue(note);
  await device1.page.reload();
  await expect(area(device1.page)).toHaveValue(note);
  await expect(area(other.page)).toHaveValue('');
  await other.page.reload();
  await expect(area(other.page)).toHaveValue('');
});

// Steps of the viewer tests: uploading a PDF as the secretary, opening it, reading what the
// viewer drew (text layer, canvas pixels).
import { existsSync, readFileSync } from 'node:fs';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signIn, VI_MEETING_TITLE } from './helpers.ts';

/** The real-world PDFs (see ../shared/corpus/README.md); the tests using them skip without. */
export const CORPUS_DIR = new URL('../../shared/corpus/pdf/', import.meta.url);
export const hasCorpus = existsSync(CORPUS_DIR);
export const corpusFile = (name: string): Buffer => readFileSync(new URL(name, CORPUS_DIR));

export interface UploadedDoc {
  id: string;
  sha256: string;
  name: string;
  pages: number;
}

export type SavedState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** The secretary's session (cookie and token) and where to put documents. */
export interface Secretary {
  state: SavedState;
  meetingId: string;
  /** An agenda item of the Vietnamese demo meeting. */
  itemId: string;
}

/** Signs in as the secretary (thuky) and finds the Vietnamese demo meeting and an item of it. */
export async function signInSecretary(page: Page): Promise<Secretary> {
  await signIn(page, 'thuky');
  await page.getByTestId('meeting-card').filter({ hasText: VI_MEETING_TITLE }).click();
  await expect(page.getByTestId('meeting-title')).toHaveText(VI_MEETING_TITLE);
  const meetingId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
  const itemId = await page.getByTestId('agenda-item').last().getAttribute('data-item-id');
  if (!meetingId || !itemId) throw new Error('no meeting or agenda item on the page');
  return { state: await page.context().storageState(), meetingId, itemId };
}

/** A new browser context already signed in as the secretary. */
export async function secretaryPage(browser: Browser, s: Secretary) {
  // these tests route document requests: a service worker would answer them first
  const context = await browser.newContext({ storageState: s.state, serviceWorkers: 'block' });
  return { context, page: await context.newPage() };
}

/** Uploads through the HTTP API (multipart field `file`) with the page's session cookie. */
export async function upload(page: Page, s: Secretary, name: string, body: Buffer) {
  const res = await page.request.post(
    `/api/meetings/${encodeURIComponent(s.meetingId)}/items/${s.itemId}/documents`,
    { multipart: { file: { name, mimeType: 'application/pdf', buffer: body } } },
  );
  const json = (await res.json()) as {
    document?: UploadedDoc;
    error?: { code: string; message: string };
  };
  return { status: res.status(), document: json.document, error: json.error };
}

export function viewerUrl(s: Secretary, docId: string, page?: number): string {
  const base = `/#/meetings/${encodeURIComponent(s.meetingId)}/documents/${encodeURIComponent(docId)}`;
  return page ? `${base}/${page}` : base;
}

/** Opens a viewer address afresh (from the meeting list), also when it is the one shown. */
export async function openViewer(page: Page, url: string): Promise<void> {
  await page.goto('/#/');
  await page.goto(url);
}

export const pageSlot = (page: Page, n: number) =>
  page.locator(`.pdf-page[data-page-number="${n}"]`);

/** Waits until page `n`'s canvas is drawn. */
export async function expectRendered(page: Page, n: number, timeout = 15_000): Promise<void> {
  await expect(pageSlot(page, n).locator('.pdf-layers')).toHaveAttribute('data-rendered', 'true', {
    timeout,
  });
}

/** The text of page `n`'s text layer, white space collapsed, once it is there. */
export async function pageText(page: Page, n: number): Promise<string> {
  await expect(pageSlot(page, n).locator('.pdf-layers')).toHaveAttribute('data-text', 'true');
  const text = await pageSlot(page, n).locator('.textLayer').textContent();
  return (text ?? '').replace(/\s+/g, ' ');
}

export interface Pixels {
  total: number;
  /** Dark pixels: ink. */
  dark: number;
  /** Strong yellow pixels: a highlighter. */
  yellow: number;
}

/** Counts pixel kinds on page `n`'s canvas. */
export function canvasPixels(page: Page, n: number): Promise<Pixels> {
  return pageSlot(page, n)
    .locator('canvas.pdf-canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext('2d');
      if (!ctx) return { total: 0, dark: 0, yellow: 0 };
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      let yellow = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        if (r + g + b < 300) dark++;
        if (r > 200 && g > 180 && b < 90) yellow++;
      }
      return { total: data.length / 4, dark, yellow };
    });
}

/** Drags across the text-layer span holding `text` on page 1, with the highlighter. */
export async function highlight(page: Page, text: string): Promise<void> {
  await page.getByTestId('annotation-toolbar').locator('button[data-tool="highlight"]').click();
  await expect(pageSlot(page, 1).locator('.pdf-layers')).toHaveAttribute('data-text', 'true');
  const span = pageSlot(page, 1).locator('.textLayer span', { hasText: text }).first();
  const box = (await span.boundingBox())!;
  await page.mouse.move(box.x + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
}

export const highlights = (page: Page) =>
  pageSlot(page, 1).locator('[data-annotation-id][data-kind="highlight"]');

/** Vertical centre of an element, relative to page 1. */
export async function centreY(page: Page, selector: ReturnType<Page['locator']>): Promise<number> {
  const pageBox = (await pageSlot(page, 1).boundingBox())!;
  const box = (await selector.first().boundingBox())!;
  return box.y + box.height / 2 - pageBox.y;
}

/** Opens a document of the meeting screen's agenda by its file name; returns the viewer's URL. */
export async function openMeetingDocument(page: Page, name: string): Promise<string> {
  await page
    .getByTestId('document')
    .filter({ hasText: name })
    .first()
    .getByTestId('document-open')
    .click();
  await expect(page.getByTestId('viewer-title')).toHaveText(name);
  await expectRendered(page, 1);
  return page.url();
}

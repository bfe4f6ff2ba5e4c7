// Search across a meeting's documents, over HTTP against the real server: Vietnamese typed
// without marks finds the text with them, grouped by document and page; only participants.
import { existsSync } from 'node:fs';
import { readFile, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackSearchResult } from '../core/packSearch.ts';
import { DEMO_DIR } from './demo.ts';
import {
  api,
  CORPUS,
  createMeeting,
  startTestServer,
  upload,
  type ErrorBody,
  type MeetingFixture,
  type TestServer,
} from './testing/harness.ts';

const FILES = [
  'to-trinh-du-toan-ngan-sach-2027.pdf',
  'bao-cao-kinh-te-xa-hoi-2026.pdf',
  'du-thao-nghi-quyet-dau-tu-cong-trung-han.pdf',
];

/** The pages (1-based) whose text has `phrase`, read with pdf.js directly as the oracle. */
async function pagesWith(bytes: Uint8Array, phrase: string): Promise<number[]> {
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const doc = await task.promise;
  const out: number[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const text = content.items
      .map((i) => ('str' in i ? i.str + (i.hasEOL ? ' ' : '') : ''))
      .join('')
      .normalize('NFC')
      .toLowerCase()
      .replace(/\s+/g, ' ');
    if (text.includes(phrase)) out.push(n);
  }
  await task.destroy();
  return out;
}

describe('searching a meeting pack', () => {
  let t: TestServer;
  let m: MeetingFixture;
  const ids = new Map<string, { id: string; sha256: string; bytes: Uint8Array }>();
  const search = (q: string, token = m.delegates[0]!.token) =>
    api<PackSearchResult & Partial<ErrorBody>>(
      t.url,
      `/api/meetings/${m.meetingId}/search?q=${encodeURIComponent(q)}`,
      { token },
    );

  beforeAll(async () => {
    t = await startTestServer();
    m = await createMeeting(t, { items: 2 });
    for (const [i, name] of FILES.entries()) {
      const bytes = new Uint8Array(await readFile(join(DEMO_DIR, 'pdf', name)));
      // the later files go to the first item: results follow the agenda, not upload order
      const res = await upload(
        t.url,
        m.secretary.token,
        m.meetingId,
        m.itemIds[i ? 0 : 1]!,
        bytes,
        name,
      );
      expect(res.status).toBe(201);
      const doc = res.json.document as { id: string; sha256: string };
      ids.set(name, { id: doc.id, sha256: doc.sha256, bytes });
    }
  }, 60_000);
  afterAll(() => t?.close());

  it('finds "ngân sách" when typed without marks, grouped by document and page', async () => {
    const res = await search('ngan sach');
    expect(res.status).toBe(200);
    const expected: { documentId: string; pages: number[] }[] = [];
    // agenda order: item 1 holds the two later uploads, item 2 the first
    for (const name of [FILES[1]!, FILES[2]!, FILES[0]!]) {
      const doc = ids.get(name)!;
      const pages = await pagesWith(doc.bytes, 'ngân sách');
      if (pages.length) expected.push({ documentId: doc.id, pages });
    }
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(
      res.json.documents.map((d) => ({
        documentId: d.documentId,
        pages: d.pages.map((p) => p.page),
      })),
    ).toEqual(expected);
    expect(res.json.pending).toEqual([]);
    expect(res.json.capped).toBe(false);
    const budget = res.json.documents.find((d) => d.documentId === ids.get(FILES[0]!)!.id)!;
    expect(budget.name).toBe(FILES[0]);
    expect(budget.itemId).toBe(m.itemIds[1]);
    // every snippet marks the words found, with their marks as printed
    for (const doc of res.json.documents) {
      expect(doc.hits).toBe(doc.pages.reduce((n, p) => n + p.hits, 0));
      for (const page of doc.pages) {
        expect(page.snippets.length).toBeGreaterThan(0);
        for (const s of page.snippets)
          for (const [a, b] of s.marks)
            expect(s.text.slice(a, b).toLowerCase().replace(/\s+/g, ' ')).toBe('ngân sách');
      }
    }
    expect(res.json.total).toBe(res.json.documents.reduce((n, d) => n + d.hits, 0));
  });

  it('a query with marks finds the same, and does not match other marks', async () => {
    const loose = await search('ngan sach');
    const exact = await search('Ngân Sách');
    expect(exact.status).toBe(200);
    expect(exact.json.documents).toEqual(loose.json.documents);
    const wrong = await search('ngắn sạch');
    expect(wrong.status).toBe(200);
    expect(wrong.json.documents).toEqual([]);
    expect(wrong.json.total).toBe(0);
  });

  it('finds a place name typed without marks', async () => {
    const res = await search('ba dinh');
    expect(res.json.documents.length).toBeGreaterThan(0);
    const mark = res.json.documents[0]!.pages[0]!.snippets[0]!;
    expect(mark.text.slice(...mark.marks[0]!)).toMatch(/^ba đình$/i);
  });

  it('caps the hits of a query that matches everywhere, and says so', async () => {
    const res = await search('a');
    expect(res.status).toBe(200);
    expect(res.json.total).toBe(200);
    expect(res.json.capped).toBe(true);
  });

  it('refuses someone who is not in the meeting, and an unknown meeting', async () => {
    const res = await search('ngan sach', m.outsider.token);
    expect(res.status).toBe(403);
    expect(res.json.error?.code).toBe('FORBIDDEN');
    const none = await api<ErrorBody>(t.url, '/api/meetings/nope/search?q=x', {
      token: m.delegates[0]!.token,
    });
    expect(none.status).toBe(403);
    const anonymous = await api<ErrorBody>(t.url, `/api/meetings/${m.meetingId}/search?q=x`);
    expect(anonymous.status).toBe(401);
  });

  it('refuses a delegate the documents of a meeting still in draft; its secretary may search', async () => {
    const draft = await createMeeting(t, { items: 1, draft: true });
    const bytes = ids.get(FILES[0]!)!.bytes;
    expect(
      (
        await upload(
          t.url,
          draft.secretary.token,
          draft.meetingId,
          draft.itemIds[0]!,
          bytes,
          'x.pdf',
        )
      ).status,
    ).toBe(201);
    const path = `/api/meetings/${draft.meetingId}/search?q=ngan%20sach`;
    const byDelegate = await api<ErrorBody>(t.url, path, { token: draft.delegates[0]!.token });
    expect(byDelegate.status).toBe(403);
    expect(byDelegate.json.error?.code).toBe('FORBIDDEN');
    expect((await api(t.url, path, { token: draft.secretary.token })).status).toBe(200);
  });

  it('refuses an empty, blank, marks-only or too long query with a clear message', async () => {
    for (const q of ['', '   ', '\u0301']) {
      const res = await search(q);
      expect(res.status).toBe(400);
      expect(res.json.error?.code).toBe('INVALID_PAYLOAD');
      expect(res.json.error?.message).toMatch(/search is empty/);
    }
    const missing = await api<ErrorBody>(t.url, `/api/meetings/${m.meetingId}/search`, {
      token: m.delegates[0]!.token,
    });
    expect(missing.status).toBe(400);
    const long = await search('x'.repeat(101));
    expect(long.status).toBe(400);
    expect(long.json.error?.message).toMatch(/at most 100 characters/);
  });

  it('keeps the text beside the blob, and rebuilds it for a blob stored without it', async () => {
    const { sha256 } = ids.get(FILES[0]!)!;
    const file = join(t.dataDir, 'blobs', `${sha256}.text.json`);
    expect(existsSync(file)).toBe(true);
    const before = await search('ngan sach');
    await t.close({ keepData: true });
    // a data folder from before search existed: no text files
    for (const { sha256: s } of ids.values())
      await unlink(join(t.dataDir, 'blobs', `${s}.text.json`));
    const dataDir = t.dataDir;
    const { startServer } = await import('./app.ts');
    const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, passwordCost: 10 });
    const close = async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    };
    t = { ...t, server, url: server.url, close };
    const token = (
      await api<{ token: string }>(server.url, '/api/login', {
        json: { username: m.delegates[0]!.username, password: m.delegates[0]!.password },
      })
    ).json.token;
    const after = await search('ngan sach', token);
    expect(after.status).toBe(200);
    expect(after.json.documents).toEqual(before.json.documents);
    expect(existsSync(file)).toBe(true);
  }, 60_000);
});

const hasCorpus = existsSync(CORPUS);

describe.skipIf(!hasCorpus)('searching real-world PDFs', () => {
  let t: TestServer;
  let m: MeetingFixture;
  const ids = new Map<string, string>();
  const search = async (q: string) => {
    const path = `/api/meetings/${m.meetingId}/search?q=${encodeURIComponent(q)}`;
    // a 352-page book may still be being read right after its upload: ask again, as a person would
    for (let i = 0; ; i++) {
      const res = await api<PackSearchResult>(t.url, path, { token: m.delegates[0]!.token });
      if (res.json.pending?.length === 0 || i === 20) return res;
    }
  };

  beforeAll(async () => {
    t = await startTestServer();
    m = await createMeeting(t, { items: 1 });
    for (const name of ['freeculture.pdf', 'tracemonkey.pdf', 'XiaoBiaoSong.pdf']) {
      const bytes = new Uint8Array(await readFile(new URL(name, CORPUS)));
      const res = await upload(t.url, m.secretary.token, m.meetingId, m.itemIds[0]!, bytes, name);
      expect(res.status).toBe(201);
      ids.set(name, (res.json.document as { id: string }).id);
    }
  }, 120_000);
  afterAll(() => t?.close());

  it('searches a whole 352-page book, to its last page, and caps a common word', async () => {
    const last = await search('Wilson Distinguished Faculty');
    expect(last.status).toBe(200);
    expect(last.json.pending).toEqual([]);
    const book = last.json.documents.find((d) => d.documentId === ids.get('freeculture.pdf'));
    expect(book?.pages.map((p) => p.page)).toContain(352);

    const common = await search('the');
    expect(common.json.total).toBe(200);
    expect(common.json.capped).toBe(true);
  }, 120_000);

  it('finds a phrase across a line end, and CJK text', async () => {
    const res = await search('trace trees');
    const paper = res.json.documents.find((d) => d.documentId === ids.get('tracemonkey.pdf'));
    expect(paper?.hits).toBeGreaterThan(0);
    const cjk = await search('红军作战');
    expect(cjk.json.documents.map((d) => d.documentId)).toEqual([ids.get('XiaoBiaoSong.pdf')]);
    const snippet = cjk.json.documents[0]!.pages[0]!.snippets[0]!;
    expect(snippet.text.slice(...snippet.marks[0]!)).toBe('红军作战');
  }, 120_000);
});

// Publishing a pack, over the wire: drafts hidden from participants, publishing tells them, a
// document shared with some delegates reaches only them (events and file), new versions keep the
// old file served, read receipts reach only the organisers.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentInfo, MeetingSummary } from '../core/index.ts';
import {
  api,
  createMeeting,
  expectOk,
  makePdf,
  sleep,
  startTestServer,
  until,
  upload,
  type ApiInit,
  type ErrorBody,
  type MeetingFixture,
  type TestServer,
} from './testing/harness.ts';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.close();
});

const listed = async (token: string) =>
  (await api<{ meetings: MeetingSummary[] }>(t.url, '/api/meetings', { token })).json.meetings;

function uploadVersion(
  m: MeetingFixture,
  token: string,
  documentId: string,
  bytes: Uint8Array,
  filename: string,
  init: ApiInit = {},
) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), filename);
  return api<{ document: DocumentInfo; rev: number } & Partial<ErrorBody>>(
    t.url,
    `/api/meetings/${m.meetingId}/documents/${documentId}/versions`,
    { token, body: form, ...init },
  );
}

async function addDocument(m: MeetingFixture, item = 0, text = 'To trinh') {
  const pdf = await makePdf(2, text);
  const res = await upload(t.url, m.secretary.token, m.meetingId, m.itemIds[item]!, pdf, 'a.pdf');
  expect(res.status).toBe(201);
  return { pdf, doc: res.json.document as unknown as DocumentInfo };
}

describe('a draft meeting', () => {
  it('is hidden from its participants until published; publishing tells them', async () => {
    const m = await createMeeting(t, { draft: true });
    const { pdf } = await addDocument(m);
    // the secretary lists it as a draft; the chair and the delegates do not see it at all
    expect(await listed(m.secretary.token)).toMatchObject([{ id: m.meetingId, publishedAt: null }]);
    expect(await listed(t.admin.token)).toHaveLength(1);
    for (const p of [m.chair, m.delegates[0]!, m.observer])
      expect(await listed(p.token)).toEqual([]);

    const delegate = await t.connect(m.delegates[0]!.token);
    const chair = await t.connect(m.chair.token);
    const refused = await delegate.join(m.meetingId);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/draft/);
    // nor can they act in it, or fetch its files
    const ack = await chair.command(m.meetingId, {
      type: 'meeting.setStatus',
      payload: { status: 'in_progress' },
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const file = await api(t.url, `/api/meetings/${m.meetingId}/files/${sha256(pdf)}`, {
      token: m.delegates[0]!.token,
    });
    expect(file.status).toBe(403);

    const sec = await t.connect(m.secretary.token);
    await expectOk(sec.command(m.meetingId, { type: 'meeting.publish', payload: {} }));
    // their meeting lists change, and the meeting is there now
    await until(
      () => delegate.meetingsChanged > 0 && chair.meetingsChanged > 0,
      'meetings:changed',
    );
    const now = await listed(m.delegates[0]!.token);
    expect(now).toMatchObject([{ id: m.meetingId, publishedAt: expect.any(String) }]);
    const snap = await delegate.snapshot(m.meetingId);
    expect(Object.values(snap.documents).map((d) => d.sha256)).toEqual([sha256(pdf)]);
    const ok = await api(t.url, `/api/meetings/${m.meetingId}/files/${sha256(pdf)}`, {
      token: m.delegates[0]!.token,
    });
    expect(ok.status).toBe(200);
    expect(Buffer.compare(ok.bytes, Buffer.from(pdf))).toBe(0);
  });
});

describe('a document for some participants', () => {
  it('never reaches the others: not its events, not its file, not in a snapshot', async () => {
    const m = await createMeeting(t);
    const [d1, d2] = m.delegates as [MeetingFixture['secretary'], MeetingFixture['secretary']];
    const sec = await t.connect(m.secretary.token);
    const c1 = await t.connect(d1.token);
    const c2 = await t.connect(d2.token);
    const chair = await t.connect(m.chair.token);
    for (const c of [sec, c1, c2, chair]) await c.join(m.meetingId);

    const { pdf, doc } = await addDocument(m, 1);
    await until(() => c2.events.some((e) => e.type === 'document.added'), 'the document');
    await expectOk(
      sec.command(m.meetingId, {
        type: 'document.setAccess',
        payload: {
          documentId: doc.id,
          audience: { kind: 'some', users: [d1.id] },
          label: 'MẬT',
        },
      }),
    );
    await until(() => c2.events.some((e) => e.type === 'document.accessRevoked'), 'revoked');
    await until(() => c1.events.some((e) => e.type === 'document.accessChanged'), 'changed');
    // d2 learns only that it is gone: no new name, no label
    expect(c2.events.some((e) => e.type === 'document.accessChanged')).toBe(false);
    expect(
      JSON.stringify(c2.events.filter((e) => e.type === 'document.accessRevoked')),
    ).not.toContain('MẬT');
    expect((await c2.snapshot(m.meetingId)).documents).toEqual({});
    expect((await c1.snapshot(m.meetingId)).documents[doc.id]?.label).toBe('MẬT');

    // a second confidential document, shared at upload: the excluded never hear of it
    const secret = await makePdf(1, 'Mat');
    const form = new FormData();
    form.append(
      'access',
      JSON.stringify({ audience: { kind: 'some', users: [d1.id] }, label: 'MẬT' }),
    );
    form.append('file', new Blob([new Uint8Array(secret)], { type: 'application/pdf' }), 'b.pdf');
    const res = await api<{ document: DocumentInfo }>(
      t.url,
      `/api/meetings/${m.meetingId}/items/${m.itemIds[0]!}/documents`,
      { token: m.secretary.token, body: form },
    );
    expect(res.status).toBe(201);
    const second = res.json.document;
    expect(second).toMatchObject({ audience: { kind: 'some', users: [d1.id] }, label: 'MẬT' });
    // and the first one gets a new version
    const v2 = await makePdf(3, 'To trinh sua');
    expect((await uploadVersion(m, m.secretary.token, doc.id, v2, 'a-v2.pdf')).status).toBe(201);
    await until(() => c1.events.some((e) => e.type === 'document.replaced'), 'replaced for d1');
    await until(
      () =>
        c1.events.some((e) => e.type === 'document.added' && e.payload.document.id === second.id),
      'second for d1',
    );
    await sleep(100);
    const heard = JSON.stringify([...c2.events, ...chair.events]);
    expect(heard).not.toContain(second.id);
    expect(heard).not.toContain(sha256(secret));
    expect(heard).not.toContain(sha256(v2));
    expect(chair.events.filter((e) => e.type === 'document.replaced')).toEqual([]);
    // a bad access field is refused with a reason
    const bad = new FormData();
    bad.append('access', '{"audience":{"kind":"some"}}');
    bad.append('file', new Blob([new Uint8Array(secret)], { type: 'application/pdf' }), 'c.pdf');
    const refused = await api<ErrorBody>(
      t.url,
      `/api/meetings/${m.meetingId}/items/${m.itemIds[0]!}/documents`,
      { token: m.secretary.token, body: bad },
    );
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toContain('access');

    // the files: d1 gets both versions, d2 and the chair neither; the secretary all
    const get = (token: string, sha: string) =>
      api(t.url, `/api/meetings/${m.meetingId}/files/${sha}`, { token });
    for (const sha of [sha256(pdf), sha256(v2), sha256(secret)]) {
      expect((await get(d1.token, sha)).status).toBe(200);
      expect((await get(m.secretary.token, sha)).status).toBe(200);
      const refused = await get(d2.token, sha);
      expect(refused.status).toBe(403);
      expect((refused.json as ErrorBody).error.code).toBe('FORBIDDEN');
      expect((await get(m.chair.token, sha)).status).toBe(403);
    }
  });

  it('only organisers set access, with named participants only', async () => {
    const m = await createMeeting(t);
    const { doc } = await addDocument(m);
    const chair = await t.connect(m.chair.token);
    const sec = await t.connect(m.secretary.token);
    const cmd = (users: string[]) => ({
      type: 'document.setAccess' as const,
      payload: { documentId: doc.id, audience: { kind: 'some' as const, users }, label: '' },
    });
    expect(await chair.command(m.meetingId, cmd([m.chair.id]))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await sec.command(m.meetingId, cmd([m.outsider.id]))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('a new version', () => {
  it('replaces the current file, keeps the old one served, and tells the participants', async () => {
    const m = await createMeeting(t);
    const { pdf, doc } = await addDocument(m, 2);
    const d1 = await t.connect(m.delegates[0]!.token);
    await d1.join(m.meetingId);
    const v2 = await makePdf(5, 'Ban sua doi');
    const res = await uploadVersion(m, m.secretary.token, doc.id, v2, 'to-trinh-v2.pdf');
    expect(res.status).toBe(201);
    expect(res.json.document).toMatchObject({
      id: doc.id,
      sha256: sha256(v2),
      pages: 5,
      name: 'to-trinh-v2.pdf',
      versions: [{ sha256: sha256(pdf) }, { sha256: sha256(v2) }],
    });
    await until(() => d1.events.some((e) => e.type === 'document.replaced'), 'replaced');
    const e = d1.events.find((x) => x.type === 'document.replaced')!;
    expect(e.payload).toMatchObject({
      documentId: doc.id,
      previous: { sha256: sha256(pdf) },
      current: { sha256: sha256(v2) },
    });
    // both files are served; the old one under a name that says which version it is
    const old = await api(t.url, `/api/meetings/${m.meetingId}/files/${sha256(pdf)}`, {
      token: m.delegates[0]!.token,
    });
    expect(old.status).toBe(200);
    expect(old.headers.get('content-disposition')).toContain(encodeURIComponent('(v1)'));
    expect(Buffer.compare(old.bytes, Buffer.from(pdf))).toBe(0);
    const cur = await api(t.url, `/api/meetings/${m.meetingId}/files/${sha256(v2)}`, {
      token: m.delegates[0]!.token,
    });
    expect(Buffer.compare(cur.bytes, Buffer.from(v2))).toBe(0);

    // refused: the same file again, a delegate, a document that does not exist, not a PDF
    const same = await uploadVersion(m, m.secretary.token, doc.id, v2, 'x.pdf');
    expect(same.status).toBe(409);
    const byDelegate = await uploadVersion(m, m.delegates[0]!.token, doc.id, pdf, 'x.pdf');
    expect(byDelegate.status).toBe(403);
    expect((await uploadVersion(m, m.secretary.token, 'nope', pdf, 'x.pdf')).status).toBe(404);
    const text = new TextEncoder().encode('hello');
    const notPdf = await uploadVersion(m, m.secretary.token, doc.id, text, 'x.pdf');
    expect(notPdf.json.error?.code).toBe('UNSUPPORTED_FILE');
    expect((await d1.snapshot(m.meetingId)).documents[doc.id]?.versions).toHaveLength(2);
  });

  it('a retried upload with the same Idempotency-Key makes one version', async () => {
    const m = await createMeeting(t);
    const { doc } = await addDocument(m);
    const v2 = await makePdf(1, 'v2');
    const headers = { 'idempotency-key': 'replace-once-123' };
    const a = await uploadVersion(m, m.secretary.token, doc.id, v2, 'v2.pdf', { headers });
    const b = await uploadVersion(m, m.secretary.token, doc.id, v2, 'v2.pdf', { headers });
    expect(a.status).toBe(201);
    expect(b.json.rev).toBe(a.json.rev);
    const sec = await t.connect(m.secretary.token);
    expect((await sec.snapshot(m.meetingId)).documents[doc.id]?.versions).toHaveLength(2);
  });
});

describe('read receipts', () => {
  it('reach the organisers; a delegate sees only their own', async () => {
    const m = await createMeeting(t);
    const { doc } = await addDocument(m);
    const sec = await t.connect(m.secretary.token);
    const d1 = await t.connect(m.delegates[0]!.token);
    const d2 = await t.connect(m.delegates[1]!.token);
    const chair = await t.connect(m.chair.token);
    for (const c of [sec, d1, d2, chair]) await c.join(m.meetingId);
    await expectOk(
      d1.command(m.meetingId, { type: 'document.opened', payload: { documentId: doc.id } }),
    );
    // opening again records nothing new
    await expectOk(
      d1.command(m.meetingId, { type: 'document.opened', payload: { documentId: doc.id } }),
    );
    await until(() => sec.events.some((e) => e.type === 'document.opened'), 'receipt');
    await until(() => d1.events.some((e) => e.type === 'document.opened'), 'own receipt');
    await sleep(100);
    expect(d2.events.filter((e) => e.type === 'document.opened')).toEqual([]);
    expect(chair.events.filter((e) => e.type === 'document.opened')).toEqual([]);
    expect(sec.events.filter((e) => e.type === 'document.opened')).toHaveLength(1);

    const secView = await sec.snapshot(m.meetingId);
    expect(Object.keys(secView.readReceipts[doc.id] ?? {})).toEqual([m.delegates[0]!.id]);
    expect((await d2.snapshot(m.meetingId)).readReceipts).toEqual({});
    expect((await chair.snapshot(m.meetingId)).readReceipts).toEqual({});
    expect(Object.keys((await d1.snapshot(m.meetingId)).readReceipts[doc.id] ?? {})).toEqual([
      m.delegates[0]!.id,
    ]);
  });
});

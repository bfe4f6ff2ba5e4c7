// Opinion forms end to end on the real server: a secretary sends a form with a PDF to members,
// they are notified and answer (retries applied once, outsiders and bad payloads refused), the
// reminder shows near the deadline, the form closes when the server's clock passes it, the
// results are right, and every acknowledged answer survives a restart.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { FormResults, FormSummary } from '../core/index.ts';
import { startServer, type ServerOptions } from './app.ts';
import { startChildServer, type ChildServer } from './testing/child-process.ts';
import {
  api,
  createMeeting,
  login,
  loginFirstAdmin,
  makeDataDir,
  makePdf,
  PASSWORD,
  startTestServer,
  testClock,
  until,
  upload,
  type ErrorBody,
  type Person,
  type TestServer,
} from './testing/harness.ts';

const HOUR = 3600_000;
const rid = () => `req-${randomBytes(8).toString('base64url')}`;

type FormBody = { form: FormSummary } & Partial<ErrorBody>;
type ListBody = { forms: FormSummary[]; now: string };

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function uploadForForm(url: string, token: string, bytes: Uint8Array, filename: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), filename);
  return api<{ document: { sha256: string; name: string; pages: number; size: number } }>(
    url,
    '/api/forms/documents',
    { token, body: form },
  );
}

function answer(url: string, p: Person, formId: string, body: Record<string, unknown>) {
  return api<FormBody>(url, `/api/forms/${formId}/answers`, { token: p.token, json: body });
}

async function myForm(url: string, p: Person): Promise<FormSummary | undefined> {
  const res = await api<ListBody>(url, '/api/forms', { token: p.token });
  expect(res.status).toBe(200);
  return res.json.forms[0];
}

describe('opinion forms', () => {
  it('go from sending to closing at the deadline, and keep every acknowledged answer', async () => {
    const clock = testClock(Date.parse('2026-12-01T02:00:00Z'));
    t = await startTestServer({ clock, sessionHours: 24 * 7 });
    const secretary = await t.account('secretary', 'Thư ký Lê Thị Hoa');
    const members = [
      await t.account('member', 'Nguyễn Văn Bình'),
      await t.account('member', 'Trần Thị Ánh'),
      await t.account('member', 'Phạm Minh Châu'),
    ];
    const [binh, anh, chau] = members as [Person, Person, Person];
    const outsider = await t.account('member', 'Người ngoài');
    const sockets = await Promise.all(members.map((m) => t!.connect(m.token)));
    const outsiderSocket = await t.connect(outsider.token);
    const pushes = sockets.map(() => 0);
    let outsiderPushes = 0;
    sockets.forEach((s, i) => s.socket.on('forms:changed', () => void pushes[i]!++));
    outsiderSocket.socket.on('forms:changed', () => void outsiderPushes++);

    // a member may neither attach documents nor send forms
    const pdf = await makePdf(3, 'Du thao quy che');
    expect((await uploadForForm(t.url, binh.token, pdf, 'x.pdf')).status).toBe(403);
    const notPdf = await uploadForForm(t.url, secretary.token, Buffer.from('hello'), 'a.pdf');
    expect(notPdf.status).toBe(422);
    const up = await uploadForForm(t.url, secretary.token, pdf, 'Dự thảo quy chế.pdf');
    expect(up.status).toBe(201);
    expect(up.json.document).toMatchObject({ name: 'Dự thảo quy chế.pdf', pages: 3 });

    const deadline = new Date(clock.now().getTime() + 48 * HOUR).toISOString();
    const create = {
      requestId: rid(),
      title: 'Lấy ý kiến về dự thảo quy chế làm việc',
      question: 'Đồng chí có đồng ý thông qua dự thảo quy chế không?',
      documents: [{ sha256: up.json.document.sha256, name: 'Dự thảo quy chế.pdf' }],
      recipients: members.map((m) => m.id),
      deadline,
    };
    const badCreates: [Record<string, unknown>, number][] = [
      [{ ...create, requestId: rid(), recipients: [] }, 400],
      [{ ...create, requestId: rid(), deadline: '2026-11-30T00:00:00Z' }, 400],
      [{ ...create, requestId: rid(), recipients: ['no-such-user'] }, 400],
      [{ ...create, requestId: rid(), documents: [{ sha256: 'a'.repeat(64), name: 'x' }] }, 400],
      [{ ...create, requestId: rid(), extra: 1 }, 400],
    ];
    for (const [body, status] of badCreates) {
      const res = await api<ErrorBody>(t.url, '/api/forms', { token: secretary.token, json: body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.json.error.code).toBe('INVALID_PAYLOAD');
    }
    // a meeting's document is for its participants: a form cannot name it without uploading it
    const meeting = await createMeeting(t, { delegates: 0, items: 1 });
    const secret = await makePdf(1, 'Tai lieu mat');
    const inMeeting = await upload(
      t.url,
      meeting.secretary.token,
      meeting.meetingId,
      meeting.itemIds[0]!,
      secret,
      'Mật.pdf',
    );
    expect(inMeeting.status).toBe(201);
    const borrowed = await api<ErrorBody>(t.url, '/api/forms', {
      token: secretary.token,
      json: {
        ...create,
        requestId: rid(),
        documents: [{ sha256: inMeeting.json.document.sha256, name: 'Mật.pdf' }],
      },
    });
    expect([borrowed.status, borrowed.json.error.code]).toEqual([400, 'INVALID_PAYLOAD']);
    expect(borrowed.json.error.message).toContain('has not been uploaded');

    const byMember = await api<ErrorBody>(t.url, '/api/forms', { token: binh.token, json: create });
    expect(byMember.json.error.code).toBe('FORBIDDEN');

    const created = await api<FormBody>(t.url, '/api/forms', {
      token: secretary.token,
      json: create,
    });
    expect(created.status).toBe(201);
    const formId = created.json.form.id;
    // a retried creation returns the same form, not a second one
    const again = await api<FormBody>(t.url, '/api/forms', {
      token: secretary.token,
      json: create,
    });
    expect(again.json.form.id).toBe(formId);
    expect(
      (await api<ListBody>(t.url, '/api/forms', { token: secretary.token })).json.forms,
    ).toHaveLength(1);

    // every recipient is told, the outsider is not and sees nothing
    await until(() => pushes.every((n) => n >= 1), 'forms:changed to every recipient');
    expect(outsiderPushes).toBe(0);
    expect(
      (await api<ListBody>(t.url, '/api/forms', { token: outsider.token })).json.forms,
    ).toEqual([]);
    const seen = await myForm(t.url, binh);
    expect(seen).toMatchObject({
      id: formId,
      status: 'open',
      recipient: true,
      myAnswer: null,
      remind: false,
      documents: [{ name: 'Dự thảo quy chế.pdf', pages: 3 }],
    });
    // the recipient opens the document; the outsider cannot
    const file = `/api/forms/${formId}/files/${up.json.document.sha256}`;
    const got = await api(t.url, file, { token: binh.token });
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.bytes, Buffer.from(pdf))).toBe(0);
    expect((await api(t.url, file, { token: outsider.token })).status).toBe(404);

    // answers: one retried (applied once), a changed mind, bad payloads and an outsider refused
    const binhAnswer = { requestId: rid(), choice: 'agree' };
    const [a1, a1retry] = await Promise.all([
      answer(t.url, binh, formId, binhAnswer),
      answer(t.url, binh, formId, binhAnswer),
    ]);
    expect([a1.status, a1retry.status]).toEqual([200, 200]);
    expect(a1retry.json.form.myAnswer).toEqual(a1.json.form.myAnswer);
    const anhFirstBody = { requestId: rid(), choice: 'agree' };
    const anhFirst = await answer(t.url, anh, formId, anhFirstBody);
    expect(anhFirst.status).toBe(200);
    clock.advance(HOUR);
    const anhSecond = { requestId: rid(), choice: 'disagree', comment: 'Cần làm rõ Điều 7.' };
    expect((await answer(t.url, anh, formId, anhSecond)).status).toBe(200);
    // a late retry of the first, replaced answer does not undo the change of mind
    const replay = await answer(t.url, anh, formId, anhFirstBody);
    expect(replay.json.form.myAnswer?.choice).toBe('disagree');
    for (const [body, code] of [
      [{ requestId: rid(), choice: 'other' }, 'INVALID_PAYLOAD'],
      [{ requestId: rid(), choice: 'maybe' }, 'INVALID_PAYLOAD'],
      [{ requestId: 'short', choice: 'agree' }, 'INVALID_PAYLOAD'],
      [{ requestId: rid(), choice: 'agree', comment: 'x'.repeat(5001) }, 'INVALID_PAYLOAD'],
    ] as const) {
      const res = await answer(t.url, chau, formId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error?.code).toBe(code);
    }
    const refused = await answer(t.url, outsider, formId, { requestId: rid(), choice: 'agree' });
    expect([refused.status, refused.json.error?.code]).toEqual([403, 'FORBIDDEN']);
    const bySecretary = await answer(t.url, secretary, formId, {
      requestId: rid(),
      choice: 'agree',
    });
    expect(bySecretary.json.error?.code).toBe('FORBIDDEN');
    expect(
      (await answer(t.url, binh, 'no-such-form', { requestId: rid(), choice: 'agree' })).status,
    ).toBe(404);

    // a recipient reads only their own answer; the results are for the secretary
    expect(
      (await api<ErrorBody>(t.url, `/api/forms/${formId}/results`, { token: binh.token })).json
        .error?.code,
    ).toBe('FORBIDDEN');
    expect((await myForm(t.url, anh))?.myAnswer).toMatchObject({
      choice: 'disagree',
      comment: 'Cần làm rõ Điều 7.',
    });

    // 47 h to go: no reminder yet; within 24 h: Châu, who has not answered, is reminded
    expect((await myForm(t.url, chau))?.remind).toBe(false);
    const before = pushes[2]!;
    clock.advance(24 * HOUR);
    expect((await myForm(t.url, chau))?.remind).toBe(true);
    expect((await myForm(t.url, binh))?.remind).toBe(false);
    await until(() => pushes[2]! > before, 'a push to the recipient to be reminded');
    const chauAnswer = { requestId: rid(), choice: 'other', comment: 'Đề nghị bổ sung phụ lục.' };
    const beforeAnswer = pushes[2]!;
    expect((await answer(t.url, chau, formId, chauAnswer)).status).toBe(200);
    await until(() => pushes[2]! > beforeAnswer, 'forms:changed to the one who answered');
    expect((await myForm(t.url, chau))?.remind).toBe(false);

    // past the deadline (server clock) the form is closed and a late answer refused
    clock.advance(23 * HOUR);
    const late = await answer(t.url, binh, formId, { requestId: rid(), choice: 'disagree' });
    expect([late.status, late.json.error?.code]).toEqual([409, 'CONFLICT']);
    const beforeClose = [...pushes];
    expect((await myForm(t.url, binh))?.status).toBe('closed');
    // every recipient is told it closed (the server checks its clock on requests and a timer)
    await until(
      () => pushes.every((n, i) => n > beforeClose[i]!),
      'forms:changed to every recipient at the close',
    );
    expect(outsiderPushes).toBe(0);
    // a retry of an answer acknowledged before the deadline is still acknowledged
    expect((await answer(t.url, chau, formId, chauAnswer)).status).toBe(200);

    const expected = {
      tally: { agree: 1, disagree: 1, other: 1, unanswered: 0, recipients: 3 },
      answers: [
        { name: 'Nguyễn Văn Bình', choice: 'agree', comment: '' },
        { name: 'Trần Thị Ánh', choice: 'disagree', comment: 'Cần làm rõ Điều 7.' },
        { name: 'Phạm Minh Châu', choice: 'other', comment: 'Đề nghị bổ sung phụ lục.' },
      ],
    };
    const results = async () => {
      const res = await api<{ results: FormResults }>(t!.url, `/api/forms/${formId}/results`, {
        token: secretary.token,
      });
      expect(res.status).toBe(200);
      return {
        status: res.json.results.form.status,
        tally: res.json.results.tally,
        answers: res.json.results.answers.map(({ name, choice, comment }) => ({
          name,
          choice,
          comment,
        })),
      };
    };
    expect(await results()).toEqual({ status: 'closed', ...expected });

    // restart on the same folder: every acknowledged answer is there, the form still closed
    const dataDir = t.dataDir;
    await t.close({ keepData: true });
    t = await restartOn(dataDir, clock);
    expect(await results()).toEqual({ status: 'closed', ...expected });
  });
});

describe('opinion form answers and a crash', () => {
  it('keeps every acknowledged answer through a SIGKILL; retries after it change nothing', async () => {
    const dataDir = await makeDataDir();
    const first = await startChildServer(dataDir);
    let second: ChildServer | undefined;
    try {
      const admin = await loginFirstAdmin(first.url, first.firstAdmin!);
      const make = async (username: string, globalRole: 'secretary' | 'member') => {
        const res = await api<{ account: { id: string } }>(first.url, '/api/accounts', {
          token: admin,
          json: { username, displayName: `Đại biểu ${username}`, globalRole, password: PASSWORD },
        });
        expect(res.status).toBe(201);
        return { id: res.json.account.id, token: await login(first.url, username, PASSWORD) };
      };
      const secretary = await make('thuky', 'secretary');
      const people: { id: string; token: string }[] = [];
      for (let i = 0; i < 24; i++) people.push(await make(`daibieu${i}`, 'member'));
      const created = await api<FormBody>(first.url, '/api/forms', {
        token: secretary.token,
        json: {
          requestId: rid(),
          title: 'Biểu quyết nhanh',
          question: 'Đồng ý?',
          recipients: people.map((p) => p.id),
          deadline: new Date(Date.now() + HOUR).toISOString(),
        },
      });
      const formId = created.json.form.id;

      // everyone answers at once; the process is killed with the twelfth acknowledgement
      const acked = new Map<string, { requestId: string; choice: string; comment: string }>();
      const choices = ['agree', 'disagree', 'other'] as const;
      await Promise.all(
        people.map(async (p, i) => {
          const body = { requestId: rid(), choice: choices[i % 3]!, comment: `Ý kiến số ${i}` };
          const res = await api<FormBody>(first.url, `/api/forms/${formId}/answers`, {
            token: p.token,
            json: body,
          }).catch(() => null);
          if (res?.status !== 200) return;
          acked.set(p.id, body);
          if (acked.size === 12) first.process.kill('SIGKILL');
        }),
      );
      expect(await first.exited).toBe('SIGKILL');
      expect(acked.size).toBeGreaterThanOrEqual(12);

      second = await startChildServer(dataDir);
      const results = async () => {
        const res = await api<{ results: FormResults }>(
          second!.url,
          `/api/forms/${formId}/results`,
          { token: secretary.token },
        );
        expect(res.status).toBe(200);
        return res.json.results.answers;
      };
      const after = await results();
      for (const [userId, body] of acked) {
        const row = after.find((a) => a.userId === userId);
        expect(row, userId).toMatchObject({ choice: body.choice, comment: body.comment });
      }
      // the acknowledged requests sent again are answered, not applied a second time
      for (const p of people.filter((x) => acked.has(x.id))) {
        const res = await api<FormBody>(second.url, `/api/forms/${formId}/answers`, {
          token: p.token,
          json: acked.get(p.id),
        });
        expect(res.status).toBe(200);
      }
      expect(await results()).toEqual(after);
    } finally {
      await first.kill();
      await second?.kill();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

/** The server started again on an existing folder; sessions survive, as they do in use. */
async function restartOn(dataDir: string, clock?: ServerOptions['clock']): Promise<TestServer> {
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    passwordCost: 10,
    clock,
  });
  const refuse = () => Promise.reject(new Error('not on a restarted server'));
  return {
    server,
    url: server.url,
    dataDir,
    admin: undefined as unknown as Person,
    account: refuse,
    connect: refuse,
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

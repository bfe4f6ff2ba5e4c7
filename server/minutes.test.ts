// The minutes end to end: a meeting scripted with real commands over real sockets (attendance
// with an absence and its reason, a proxy, a speech and an interpellation, a named and a secret
// vote with ballots), the secretary's text saved after the meeting closed, and the PDF fetched
// over HTTP and read back with pdf.js, in Vietnamese (with its marks) and in English.
import { rm } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientCommand, MeetingState } from '../core/index.ts';
import {
  api,
  createMeeting,
  expectOk,
  login,
  meetingCreate,
  STARTS_AT,
  startTestServer,
  testClock,
  until,
  type ErrorBody,
  type Person,
  type TestClient,
  type TestServer,
} from './testing/harness.ts';
import { startServer } from './app.ts';
import { ballotToken, cast, refused, voteCreate } from './testing/voting.ts';

// 08:30 in Viet Nam on 26 November 2026
const clock = testClock(Date.parse('2026-11-26T01:30:00Z'));
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ clock });
});

afterAll(async () => {
  await t?.close();
});

interface Scripted {
  meetingId: string;
  sec: TestClient;
  chair: TestClient;
  anh: TestClient;
  viet: TestClient;
  bao: TestClient;
  people: Record<'sec' | 'chair' | 'anh' | 'viet' | 'bao' | 'huong' | 'obs' | 'outsider', Person>;
}

async function scriptMeeting(): Promise<Scripted> {
  const people = {
    sec: await t.account('secretary', 'Lê Thị Hoa'),
    chair: await t.account('member', 'Nguyễn Văn An'),
    anh: await t.account('member', 'Trần Thị Ánh'),
    viet: await t.account('member', 'Đặng Quốc Việt'),
    bao: await t.account('member', 'Lê Văn Bảo'),
    huong: await t.account('member', 'Phạm Thị Hương'),
    obs: await t.account('member', 'Hoàng Minh Đức'),
    outsider: await t.account('member', 'Người Ngoài'),
  };
  const sec = await t.connect(people.sec.token);
  const created = await sec.command(null, {
    type: 'meeting.create',
    payload: {
      title: 'Kỳ họp thứ mười hai Hội đồng nhân dân phường',
      description: '',
      location: 'Hội trường tầng 3, trụ sở Ủy ban nhân dân phường',
      startsAt: STARTS_AT,
      quorum: { kind: 'fraction', value: 0.5 },
      selfCheckIn: false,
    },
  });
  if (!created.ok) throw new Error(created.error.message);
  const meetingId = created.meetingId;
  const bySec = (c: ClientCommand) => expectOk(sec.command(meetingId, c));
  await bySec({ type: 'participant.add', payload: { userId: people.chair.id, role: 'chair' } });
  for (const p of [people.anh, people.viet, people.bao, people.huong])
    await bySec({ type: 'participant.add', payload: { userId: p.id, role: 'delegate' } });
  await bySec({ type: 'participant.add', payload: { userId: people.obs.id, role: 'observer' } });
  for (const title of ['Báo cáo kinh tế - xã hội năm 2026', 'Dự toán ngân sách năm 2027'])
    await bySec({
      type: 'agenda.add',
      payload: { parentId: null, title, description: '', presenter: 'Văn phòng', durationMin: 30 },
    });
  await bySec({ type: 'meeting.publish', payload: {} });
  const [chair, anh, viet, bao] = await Promise.all(
    [people.chair, people.anh, people.viet, people.bao].map((p) => t.connect(p.token)),
  );
  for (const c of [sec, chair!, anh!, viet!, bao!])
    if (!(await c.join(meetingId)).ok) throw new Error('join');
  const items = (await sec.snapshot(meetingId)).agenda.children[''] ?? [];
  const byChair = (c: ClientCommand) => expectOk(chair!.command(meetingId, c));

  // the meeting starts at 08:30; attendance, with one absence and its reason; a proxy
  await byChair({ type: 'meeting.setStatus', payload: { status: 'in_progress' } });
  await byChair({ type: 'agenda.setCurrent', payload: { itemId: items[0]! } });
  const attend = (p: Person, status: 'present' | 'online' | 'absent', reason = '') =>
    byChair({ type: 'attendance.set', payload: { userId: p.id, status, reason } });
  await attend(people.chair, 'present');
  await attend(people.anh, 'present');
  await attend(people.viet, 'online');
  await attend(people.bao, 'present');
  await attend(people.huong, 'absent', 'Ốm, có đơn xin phép');
  await bySec({
    type: 'proxy.grant',
    payload: { fromUserId: people.huong.id, toUserId: people.anh.id },
  });

  // a speech at 08:30-08:34, an interpellation at 08:34-08:40
  await expectOk(
    viet!.command(meetingId, {
      type: 'speaker.register',
      payload: { kind: 'speech', addressedTo: '' },
    }),
  );
  await expectOk(
    bao!.command(meetingId, {
      type: 'speaker.register',
      payload: { kind: 'interpellation', addressedTo: 'Trưởng phòng Tài chính - Kế hoạch' },
    }),
  );
  for (const minutes of [4, 6]) {
    const queue = (await chair!.snapshot(meetingId)).speakers.queue;
    await byChair({ type: 'speaker.giveFloor', payload: { entryId: queue[0]!.id } });
    clock.advance(minutes * 60_000);
    await byChair({ type: 'speaker.endSpeech', payload: {} });
  }

  // a named vote (absolute majority): 3 agree (one by proxy), 1 disagree, 1 abstains
  const vote = async (
    itemId: string,
    overrides: Parameters<typeof voteCreate>[1],
    ballots: [TestClient, string, string | null][],
  ) => {
    await byChair(voteCreate(itemId, overrides));
    const snap = await chair!.snapshot(meetingId);
    const voteId = Object.values(snap.votes).find((v) => v.status === 'draft')!.id;
    await byChair({ type: 'vote.open', payload: { voteId } });
    for (const [c, choice, onBehalfOf] of ballots)
      await expectOk(c.command(meetingId, cast(voteId, [choice], ballotToken(), onBehalfOf)));
    await byChair({ type: 'vote.close', payload: { voteId } });
  };
  await vote(
    items[0]!,
    { title: 'Thông qua báo cáo kinh tế - xã hội năm 2026', kind: 'named', rule: 'absolute' },
    [
      [chair!, 'agree', null],
      [anh!, 'agree', null],
      [anh!, 'agree', people.huong.id],
      [viet!, 'disagree', null],
      [bao!, 'abstain', null],
    ],
  );
  // a secret vote (two thirds): 3 agree, 2 disagree: rejected
  await byChair({ type: 'agenda.setCurrent', payload: { itemId: items[1]! } });
  await vote(
    items[1]!,
    { title: 'Thông qua dự toán ngân sách năm 2027', kind: 'secret', rule: 'twoThirds' },
    [
      [chair!, 'agree', null],
      [anh!, 'agree', null],
      [anh!, 'disagree', people.huong.id],
      [viet!, 'agree', null],
      [bao!, 'disagree', null],
    ],
  );
  clock.advance(60 * 60_000); // ends at 09:40
  await byChair({ type: 'meeting.setStatus', payload: { status: 'closed' } });
  return { meetingId, sec, chair: chair!, anh: anh!, viet: viet!, bao: bao!, people };
}

function saveCommand(
  state: MeetingState | null,
  people: Scripted['people'],
  final: boolean,
): ClientCommand {
  return {
    type: 'minutes.save',
    payload: {
      baseVersion: state?.minutes?.version ?? 0,
      organisation: 'Ủy ban nhân dân phường Hoàn Kiếm',
      number: '15/BB-UBND',
      city: 'Hà Nội',
      sections: { vi: {}, en: {} },
      conclusions: 'Giao Văn phòng hoàn thiện hồ sơ trình Hội đồng nhân dân.',
      tasks: [
        {
          id: 'task-1',
          title: 'Hoàn chỉnh dự toán ngân sách năm 2027',
          ownerId: people.viet.id,
          ownerName: '',
          due: '2026-12-15',
        },
      ],
      final,
    },
  };
}

/** The PDF's text as pdf.js reads it, lines joined by spaces. */
async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number }> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    verbosity: 0,
  });
  const doc = await task.promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  const pages = doc.numPages;
  await task.destroy();
  return { text: parts.join(' ').replace(/\s+/g, ' ').normalize('NFC'), pages };
}

const pdfUrl = (meetingId: string, lang?: string) =>
  `/api/meetings/${meetingId}/minutes.pdf${lang ? `?lang=${lang}` : ''}`;

describe('the minutes as a PDF', () => {
  let m: Scripted;

  beforeAll(async () => {
    m = await scriptMeeting();
    // written after the meeting closed
    await expectOk(
      m.sec.command(m.meetingId, saveCommand(await m.sec.snapshot(m.meetingId), m.people, false)),
    );
  });

  it('states every fact of the meeting in Vietnamese, with its marks', async () => {
    const res = await api(t.url, pdfUrl(m.meetingId, 'vi'), { token: m.people.sec.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const { text } = await pdfText(res.bytes);
    const { people: p } = m;
    for (const fact of [
      // header, title, place and date
      'ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM',
      'Số: 15/BB-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nội, ngày 26 tháng 11 năm 2026',
      'BIÊN BẢN CUỘC HỌP',
      '[DỰ THẢO]',
      'Kỳ họp thứ mười hai Hội đồng nhân dân phường',
      // time, place, chair, secretary
      'Thời gian: bắt đầu lúc 08 giờ 30, ngày 26 tháng 11 năm 2026.',
      'Địa điểm: Hội trường tầng 3, trụ sở Ủy ban nhân dân phường.',
      `Chủ tọa: ${p.chair.displayName}.`,
      `Thư ký: ${p.sec.displayName}.`,
      // attendance, absence with its reason, quorum, guests, proxy
      'Tổng số đại biểu: 5; có mặt: 4 (tại phòng họp: 3, trực tuyến: 1); vắng mặt: 1.',
      'Đại biểu có mặt tại phòng họp: Nguyễn Văn An, Trần Thị Ánh, Lê Văn Bảo.',
      'Đại biểu tham dự trực tuyến: Đặng Quốc Việt.',
      'Đại biểu vắng mặt: Phạm Thị Hương (lý do: Ốm, có đơn xin phép).',
      'Số đại biểu tham dự: 4/5, đạt số lượng cần thiết để tiến hành cuộc họp (tối thiểu 3 đại biểu).',
      'Khách mời, quan sát viên: Hoàng Minh Đức.',
      'Ủy quyền biểu quyết: Phạm Thị Hương ủy quyền cho Trần Thị Ánh.',
      // the agenda and who spoke
      '1. Báo cáo kinh tế - xã hội năm 2026',
      '2. Dự toán ngân sách năm 2027',
      'Trình bày: Văn phòng.',
      '- Đặng Quốc Việt phát biểu (từ 08 giờ 30 đến 08 giờ 34);',
      '- Lê Văn Bảo chất vấn Trưởng phòng Tài chính - Kế hoạch (từ 08 giờ 34 đến 08 giờ 40);',
      // the named vote
      'Biểu quyết “Thông qua báo cáo kinh tế - xã hội năm 2026” (biểu quyết công khai; nguyên tắc: quá nửa tổng số đại biểu):',
      '- Tán thành: 3/5 đại biểu (60%);',
      '- Không tán thành: 1/5 đại biểu (20%);',
      '- Không biểu quyết: 1/5 đại biểu (20%);',
      'Số đại biểu tham gia biểu quyết: 5/5 đại biểu có quyền biểu quyết.',
      'Kết quả: THÔNG QUA (cần ít nhất 3 phiếu tán thành).',
      'Danh sách biểu quyết: Tán thành: Nguyễn Văn An, Trần Thị Ánh, Phạm Thị Hương (do Trần Thị Ánh biểu quyết thay theo ủy quyền); Không tán thành: Đặng Quốc Việt; Không biểu quyết: Lê Văn Bảo.',
      // the secret vote
      'Biểu quyết “Thông qua dự toán ngân sách năm 2027” (bỏ phiếu kín; nguyên tắc: ít nhất hai phần ba tổng số đại biểu):',
      '- Tán thành: 3/5 đại biểu (60%);',
      '- Không tán thành: 2/5 đại biểu (40%);',
      '- Không biểu quyết: 0/5 đại biểu (0%);',
      'Kết quả: KHÔNG THÔNG QUA (cần ít nhất 4 phiếu tán thành).',
      // the secretary's conclusions and tasks, the end, the signatures
      'IV. KẾT LUẬN',
      'Giao Văn phòng hoàn thiện hồ sơ trình Hội đồng nhân dân.',
      'V. PHÂN CÔNG THỰC HIỆN',
      '1. Hoàn chỉnh dự toán ngân sách năm 2027. Người thực hiện: Đặng Quốc Việt. Thời hạn: 15/12/2026.',
      'Cuộc họp kết thúc lúc 09 giờ 40 cùng ngày.',
      'THƯ KÝ',
      'CHỦ TỌA',
      '(Ký, ghi rõ họ tên)',
      'Trang 1/',
    ])
      expect(text, fact).toContain(fact);
    // the secret vote names nobody: the named list appears once, for the named vote
    expect(text.split('Danh sách biểu quyết').length).toBe(2);
  });

  it('says the same in English', async () => {
    const res = await api(t.url, pdfUrl(m.meetingId, 'en'), { token: m.people.chair.token });
    expect(res.status).toBe(200);
    const { text } = await pdfText(res.bytes);
    for (const fact of [
      'SOCIALIST REPUBLIC OF VIET NAM',
      'Independence - Freedom - Happiness',
      'Hà Nội, 26 November 2026',
      'MINUTES OF THE MEETING',
      'No.: 15/BB-UBND',
      'Time: started at 08:30, 26 November 2026.',
      'Absent: Phạm Thị Hương (reason: Ốm, có đơn xin phép).',
      'Proxies: Phạm Thị Hương gave their vote to Trần Thị Ánh.',
      '- Đặng Quốc Việt spoke (08:30 to 08:34);',
      '- Lê Văn Bảo questioned Trưởng phòng Tài chính - Kế hoạch (08:34 to 08:40);',
      '- Agree: 3 of 5 members (60%);',
      'Voted: 5 of 5 members entitled to vote.',
      'Result: ADOPTED (at least 3 votes in favour were needed).',
      'Result: REJECTED (at least 4 votes in favour were needed).',
      '1. Hoàn chỉnh dự toán ngân sách năm 2027. Owner: Đặng Quốc Việt. Due: 15 December 2026.',
      'The meeting ended at 09:40 the same day.',
      'SECRETARY',
      'CHAIR',
      'Page 1 of',
    ])
      expect(text, fact).toContain(fact);
  });

  it('keeps a draft to the secretary and the chair, then shows the final minutes to all', async () => {
    const { people: p, meetingId } = m;
    const get = (token?: string, lang = 'vi') =>
      api<ErrorBody>(t.url, pdfUrl(meetingId, lang), token ? { token } : {});
    expect((await get(p.anh.token)).status).toBe(403);
    expect((await get(p.anh.token)).json.error.message).toContain('draft');
    expect((await get(p.obs.token)).status).toBe(403);
    expect((await get(p.outsider.token)).status).toBe(404);
    expect((await get()).status).toBe(401);
    expect((await get(p.sec.token, 'fr')).status).toBe(400);
    // a delegate's snapshot and events carry no draft
    expect((await m.anh.snapshot(meetingId)).minutes).toBeNull();
    expect(m.anh.events.some((e) => e.type === 'minutes.saved')).toBe(false);
    expect(m.chair.events.some((e) => e.type === 'minutes.saved')).toBe(true);
    // only organisers write the minutes, and a stale version is refused
    const state = await m.sec.snapshot(meetingId);
    expect(refused(await m.chair.command(meetingId, saveCommand(state, p, true)))).toBe(
      'FORBIDDEN',
    );
    expect(refused(await m.sec.command(meetingId, saveCommand(null, p, true)))).toBe('CONFLICT');
    // the secretary makes them final: everyone receives them and may download the PDF
    await expectOk(m.sec.command(meetingId, saveCommand(state, p, true)));
    await until(
      () => m.anh.events.some((e) => e.type === 'minutes.saved'),
      'the final minutes at a delegate',
    );
    const res = await get(p.anh.token);
    expect(res.status).toBe(200);
    const { text } = await pdfText(res.bytes);
    expect(text).toContain('BIÊN BẢN CUỘC HỌP');
    expect(text).not.toContain('DỰ THẢO');
    expect((await get(p.obs.token, 'en')).status).toBe(200);
  });
});

describe('the minutes on disk', () => {
  it('are there after a restart, with the times the meeting started and ended', async () => {
    const first = await startTestServer();
    const sec = await first.account('secretary', 'Lê Thị Hoa');
    const c = await first.connect(sec.token);
    const created = await c.command(null, meetingCreate('Họp giao ban'));
    if (!created.ok) throw new Error(created.error.message);
    const id = created.meetingId;
    for (const status of ['in_progress', 'closed'] as const)
      await expectOk(c.command(id, { type: 'meeting.setStatus', payload: { status } }));
    await expectOk(
      c.command(id, {
        type: 'minutes.save',
        payload: { baseVersion: 0, conclusions: 'Kết luận đã lưu.', final: true },
      }),
    );
    const dataDir = first.dataDir;
    await first.close({ keepData: true });
    const second = await startServer({ dataDir, port: 0, host: '127.0.0.1', passwordCost: 10 });
    try {
      const state = second.meetings.get(id)!.durable;
      expect(state.minutes).toMatchObject({
        version: 1,
        final: true,
        conclusions: 'Kết luận đã lưu.',
      });
      expect(state.startedAt).not.toBeNull();
      expect(state.endedAt).not.toBeNull();
      const res = await api(second.url, pdfUrl(id), {
        token: await login(second.url, sec.username, sec.password),
      });
      expect(res.status).toBe(200);
      expect((await pdfText(res.bytes)).text).toContain('Kết luận đã lưu.');
    } finally {
      await second.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the minutes of a meeting still in draft', () => {
  it('are not given to its chair, who cannot see the meeting yet; its secretary gets them', async () => {
    const draft = await createMeeting(t, { draft: true });
    const url = pdfUrl(draft.meetingId);
    const byChair = await api<ErrorBody>(t.url, url, { token: draft.chair.token });
    expect(byChair.status).toBe(403);
    expect(byChair.json.error.message).toContain('still a draft');
    expect((await api(t.url, url, { token: draft.secretary.token })).status).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import type { MeetingEvent } from './events.ts';
import { draftMinutes, sectionText, viDate, type MinutesDocument } from './minutes.ts';
import type { MeetingState } from './model.ts';
import { ClientCommandSchema, type ClientCommand } from './schemas.ts';
import { chair, delegate, observer, secretary } from './test-support.ts';
import { audienceOf, viewFor } from './visibility.ts';
import {
  act,
  attend,
  closeVote,
  createVote,
  member,
  openVote,
  TestBox,
  tryAct,
  votingMeeting,
} from './voting-test-support.ts';

/** votingMeeting: chair, del1, del2, d3, d4 present; then a scripted morning. */
function scriptedMeeting(): MeetingState {
  let s = votingMeeting(2);
  s = act(
    s,
    {
      type: 'attendance.set',
      payload: { userId: 'd4', status: 'absent', reason: 'Đi công tác nước ngoài' },
    },
    secretary,
  );
  s = attend(s, 'd3', 'online');
  s = act(s, { type: 'proxy.grant', payload: { toUserId: 'del2' } }, member('del1'));
  // a speech and an interpellation on item A
  s = act(
    s,
    { type: 'speaker.register', payload: { kind: 'speech', addressedTo: '' } },
    member('del2'),
    { id: 'sp1' },
  );
  s = act(
    s,
    {
      type: 'speaker.register',
      payload: { kind: 'interpellation', addressedTo: 'Giám đốc Sở Tài chính' },
    },
    member('d3'),
    { id: 'sp2' },
  );
  for (let i = 0; i < 2; i++) {
    const next = s.speakers.queue[0]!;
    s = act(s, { type: 'speaker.giveFloor', payload: { entryId: next.id } }, chair);
    s = act(s, { type: 'speaker.endSpeech', payload: {} }, chair);
  }
  // a named vote: chair, del2 (and for del1 by proxy) agree, d3 disagrees
  s = createVote(s, { title: 'Thông qua dự toán ngân sách năm 2027', rule: 'absolute' });
  s = openVote(s);
  const box = new TestBox();
  box.cast(s, 'chair', ['agree']);
  box.cast(s, 'del2', ['agree']);
  box.cast(s, 'del2', ['agree'], 'del1');
  box.cast(s, 'd3', ['disagree']);
  s = closeVote(s, box);
  // a secret vote on item B: 1 agree, 2 disagree, 1 abstain
  s = createVote(
    s,
    { itemId: 'B', title: 'Miễn nhiệm Phó Chủ tịch', kind: 'secret', rule: 'twoThirds' },
    'v2',
  );
  s = openVote(s, 'v2');
  const tally = {
    counts: { agree: 1, disagree: 2, abstain: 1 },
    roll: ['chair', 'del1', 'del2', 'd3'],
  };
  s = act(s, { type: 'vote.close', payload: { voteId: 'v2' } }, chair, { tally });
  s = act(s, { type: 'meeting.setStatus', payload: { status: 'closed' } }, chair);
  return s;
}

const text = (doc: MinutesDocument) =>
  [
    doc.title,
    doc.subtitle,
    doc.placeDate,
    ...doc.sections.flatMap((x) => [x.heading, ...x.paragraphs]),
  ].join('\n');

const save = (
  s: MeetingState,
  payload: Partial<Extract<ClientCommand, { type: 'minutes.save' }>['payload']>,
): ClientCommand => ({
  type: 'minutes.save',
  payload: {
    baseVersion: s.minutes?.version ?? 0,
    organisation: 'Ủy ban nhân dân phường Hoàn Kiếm',
    number: '12/BB-UBND',
    city: 'Hà Nội',
    sections: { vi: {}, en: {} },
    conclusions: '',
    tasks: [],
    final: false,
    ...payload,
  },
});

describe('the minutes drafted from the record', () => {
  it('states attendance, absences with reasons, quorum, proxies, speakers and both votes, in Vietnamese', () => {
    const s = scriptedMeeting();
    const doc = draftMinutes(s, 'vi');
    const all = text(doc);
    expect(doc.title).toBe('BIÊN BẢN CUỘC HỌP');
    expect(doc.nation).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
    ]);
    // the meeting was started at the decision time of the test context: 08:00 in Viet Nam
    expect(all).toContain('Thời gian: bắt đầu lúc 08 giờ 00, ngày 03 tháng 12 năm 2026.');
    expect(all).toContain('Địa điểm: Phòng họp 1.');
    expect(all).toContain('Chủ tọa: Trần Văn Hùng.');
    expect(all).toContain('Thư ký: Nguyễn Thị Thu Hà.');
    expect(all).toContain(
      'Tổng số đại biểu: 5; có mặt: 4 (tại phòng họp: 3, trực tuyến: 1); vắng mặt: 1.',
    );
    expect(all).toContain('Đại biểu tham dự trực tuyến: Đại biểu d3.');
    expect(all).toContain('Đại biểu vắng mặt: Đại biểu d4 (lý do: Đi công tác nước ngoài).');
    expect(all).toContain('Số đại biểu tham dự: 4/5, đạt số lượng cần thiết');
    expect(all).toContain('Ủy quyền biểu quyết: Đặng Minh Châu ủy quyền cho Lê Thị Ánh.');
    expect(all).toContain('Khách mời, quan sát viên: Phạm Quan Sát.');
    expect(all).toContain('- Lê Thị Ánh phát biểu (từ 08 giờ 00 đến 08 giờ 00);');
    expect(all).toContain('- Đại biểu d3 chất vấn Giám đốc Sở Tài chính');
    expect(all).toContain(
      'Biểu quyết “Thông qua dự toán ngân sách năm 2027” (biểu quyết công khai; nguyên tắc: quá nửa tổng số đại biểu):',
    );
    expect(all).toContain('- Tán thành: 3/5 đại biểu (60%);');
    expect(all).toContain('- Không tán thành: 1/5 đại biểu (20%);');
    expect(all).toContain('Số đại biểu tham gia biểu quyết: 4/4 đại biểu có quyền biểu quyết.');
    expect(all).toContain('Kết quả: THÔNG QUA (cần ít nhất 3 phiếu tán thành).');
    expect(all).toContain(
      'Tán thành: Lê Thị Ánh, Đặng Minh Châu (do Lê Thị Ánh biểu quyết thay theo ủy quyền), Trần Văn Hùng;',
    );
    expect(all).toContain('Không tán thành: Đại biểu d3');
    expect(all).toContain(
      'Biểu quyết “Miễn nhiệm Phó Chủ tịch” (bỏ phiếu kín; nguyên tắc: ít nhất hai phần ba',
    );
    expect(all).toContain('- Không biểu quyết: 1/5 đại biểu (20%);');
    expect(all).toContain('Kết quả: KHÔNG THÔNG QUA (cần ít nhất 4 phiếu tán thành).');
    expect(all).toContain('Cuộc họp đã thông qua: “Thông qua dự toán ngân sách năm 2027”.');
    expect(all).toContain('Cuộc họp kết thúc lúc 08 giờ 00 cùng ngày.');
    expect(doc.signatures).toEqual([
      { role: 'THƯ KÝ', name: 'Nguyễn Thị Thu Hà' },
      { role: 'CHỦ TỌA', name: 'Trần Văn Hùng' },
    ]);
    // a secret ballot names nobody
    const secret = doc.sections.find((x) => x.key === 'item:B')!;
    expect(sectionText(secret)).not.toContain('Danh sách');
  });

  it('says the same in English', () => {
    const all = text(draftMinutes(scriptedMeeting(), 'en'));
    expect(all).toContain('Time: started at 08:00, 3 December 2026.');
    expect(all).toContain('Absent: Đại biểu d4 (reason: Đi công tác nước ngoài).');
    expect(all).toContain('- Agree: 3 of 5 members (60%);');
    expect(all).toContain('Result: ADOPTED (at least 3 votes in favour were needed).');
    expect(all).toContain('Result: REJECTED (at least 4 votes in favour were needed).');
    expect(all).toContain('Đặng Minh Châu gave their vote to Lê Thị Ánh');
  });

  it('reports a vote on custom options by its leading option, and names people who left', () => {
    let s = votingMeeting(2);
    s = createVote(s, {
      title: 'Chọn phương án xây dựng trụ sở',
      options: { kind: 'custom', labels: ['Phương án Một', 'Phương án Hai'] },
      rule: 'simple',
    });
    s = openVote(s);
    const [one, two] = s.votes.v1!.options.map((o) => o.id);
    const tally = { counts: { [one!]: 1, [two!]: 3 }, roll: ['chair', 'del1', 'del2', 'd3'] };
    s = act(s, { type: 'vote.close', payload: { voteId: 'v1' } }, chair, { tally });
    // d4 speaks, then leaves the meeting: the minutes still name them
    s = act(
      s,
      { type: 'speaker.register', payload: { kind: 'speech', addressedTo: '' } },
      member('d4'),
      { id: 'sp4' },
    );
    s = act(s, { type: 'speaker.giveFloor', payload: { entryId: 'sp4' } }, chair);
    s = act(s, { type: 'speaker.endSpeech', payload: {} }, chair);
    s = act(s, { type: 'participant.remove', payload: { userId: 'd4' } }, secretary);
    const all = text(draftMinutes(s, 'vi', { names: (id) => (id === 'd4' ? 'Vũ Văn Bốn' : null) }));
    expect(all).toContain('- Phương án Hai: 3/5 đại biểu (60%);');
    expect(all).toContain('Kết quả: phương án nhiều phiếu nhất: Phương án Hai.');
    expect(all).not.toContain('THÔNG QUA');
    expect(all).toContain('- Vũ Văn Bốn phát biểu');
  });

  it('writes dates the administrative way', () => {
    expect(viDate({ year: '2026', month: '3', day: '9' })).toBe('ngày 09 tháng 3 năm 2026');
    expect(viDate({ year: '2026', month: '1', day: '26' })).toBe('ngày 26 tháng 01 năm 2026');
  });
});

describe('minutes.save', () => {
  it('is checked at the boundary: section keys, real dates, limits', () => {
    const parse = (payload: Record<string, unknown>) =>
      ClientCommandSchema.safeParse({
        type: 'minutes.save',
        payload: { baseVersion: 0, ...payload },
      }).success;
    expect(parse({})).toBe(true);
    expect(parse({ sections: { vi: { 'item:A': 'x' }, en: {} } })).toBe(true);
    expect(parse({ sections: { vi: { 'bad key': 'x' }, en: {} } })).toBe(false);
    expect(parse({ sections: { fr: {} } })).toBe(false);
    const task = (due: string | null) => ({ id: 't1', title: 'Việc', due });
    expect(parse({ tasks: [task('2026-02-28')] })).toBe(true);
    expect(parse({ tasks: [task('2026-02-30')] })).toBe(false);
    expect(parse({ tasks: [task('15/12/2026')] })).toBe(false);
    expect(
      parse({ tasks: Array.from({ length: 101 }, (_, i) => ({ ...task(null), id: `t${i}` })) }),
    ).toBe(false);
    expect(parse({ conclusions: 'x'.repeat(5001) })).toBe(false);
  });

  it('keeps the secretary’s text, conclusions and tasks, and is allowed after the meeting closed', () => {
    let s = scriptedMeeting();
    s = act(
      s,
      save(s, {
        sections: { vi: { 'item:A': 'Đại biểu thống nhất cao.\nKhông có ý kiến khác.' }, en: {} },
        conclusions: 'Giao Văn phòng hoàn thiện hồ sơ.',
        tasks: [
          {
            id: 't1',
            title: 'Hoàn thiện dự thảo nghị quyết',
            ownerId: 'del2',
            ownerName: '',
            due: '2026-12-15',
          },
        ],
      }),
      secretary,
    );
    const doc = draftMinutes(s, 'vi');
    const a = doc.sections.find((x) => x.key === 'item:A')!;
    expect(a.edited).toBe(true);
    expect(a.paragraphs).toEqual(['Đại biểu thống nhất cao.', 'Không có ý kiến khác.']);
    expect(text(doc)).toContain('Giao Văn phòng hoàn thiện hồ sơ.');
    expect(text(doc)).toContain(
      '1. Hoàn thiện dự thảo nghị quyết. Người thực hiện: Lê Thị Ánh. Thời hạn: 15/12/2026.',
    );
    expect(doc.organisation).toBe('ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM');
    expect(doc.number).toBe('Số: 12/BB-UBND');
    expect(doc.placeDate).toBe('Hà Nội, ngày 03 tháng 12 năm 2026');
    // the English text is not rewritten by the Vietnamese edit; the generated one stays
    expect(draftMinutes(s, 'en').sections.find((x) => x.key === 'item:A')!.edited).toBe(false);
    // and the draft without edits is still there to go back to
    expect(
      draftMinutes(s, 'vi', { withEdits: false }).sections.find((x) => x.key === 'item:A')!.edited,
    ).toBe(false);
  });

  it('refuses a stale version, a stranger as owner, delegates, and other commands once closed', () => {
    let s = scriptedMeeting();
    s = act(s, save(s, {}), secretary);
    const stale = tryAct(
      s,
      { ...save(s, {}), payload: { ...save(s, {}).payload, baseVersion: 0 } } as ClientCommand,
      secretary,
    );
    expect(stale.ok ? 'ok' : stale.error.code).toBe('CONFLICT');
    const stranger = tryAct(
      s,
      save(s, { tasks: [{ id: 't1', title: 'X', ownerId: 'nobody', ownerName: '', due: null }] }),
      secretary,
    );
    expect(stranger.ok ? 'ok' : stranger.error.code).toBe('NOT_FOUND');
    for (const who of [chair, delegate, observer]) {
      const d = tryAct(s, save(s, {}), who);
      expect(d.ok ? 'ok' : d.error.code).toBe('FORBIDDEN');
    }
    const other = tryAct(s, { type: 'agenda.setCurrent', payload: { itemId: 'B' } }, chair);
    expect(other.ok ? 'ok' : other.error.code).toBe('CONFLICT');
  });

  it('shows a draft to organisers and the chair only, and final minutes to everyone', () => {
    let s = scriptedMeeting();
    const saved = (st: MeetingState, final: boolean): MeetingEvent[] => {
      const d = tryAct(st, save(st, { final }), secretary);
      if (!d.ok) throw new Error(d.error.message);
      return d.events.map(
        (b, i) => ({ ...b, rev: st.rev + i + 1, at: '', actor: 'sec' }) as MeetingEvent,
      );
    };
    const draftEvents = saved(s, false);
    expect(draftEvents.map((e) => audienceOf(e))).toEqual([
      { kind: 'some', users: [], roles: ['admin', 'secretary', 'chair'] },
    ]);
    s = act(s, save(s, {}), secretary);
    expect(viewFor(s, 'del1', 'delegate').minutes).toBeNull();
    expect(viewFor(s, 'chair', 'chair').minutes?.version).toBe(1);
    s = act(s, save(s, { final: true }), secretary);
    expect(viewFor(s, 'del1', 'delegate').minutes?.final).toBe(true);
    // made a draft again: everyone drops the final text, then organisers get the draft
    const back = saved(s, false);
    expect(back.map((e) => [e.type, audienceOf(e).kind])).toEqual([
      ['minutes.retracted', 'all'],
      ['minutes.saved', 'some'],
    ]);
  });
});

// The minutes (biên bản) drafted from the meeting's own record: time and place, attendance with
// the reasons for absence, the quorum, proxies, each agenda item with who spoke and every closed
// vote with its numbers, then the secretary's conclusions and follow-up tasks. Pure and
// runtime-neutral (Intl only): the server prints it as a PDF, the renderer shows it for editing.
import { childIds } from './agenda.ts';
import {
  STANDARD_LABELS,
  type MeetingState,
  type MinutesLanguage,
  type Participant,
  type Vote,
  type VoteRule,
} from './model.ts';
import { memberIds, quorumStatus } from './quorum.ts';
import { isStandardVote } from './tally.ts';

export interface MinutesSection {
  /** Stable key: what `minutes.sections[lang][key]` rewrites (null: not rewritable here). */
  key: string | null;
  heading: string;
  /** 0 for a main heading (I., II., …), 1 and more for agenda items and their sub-items. */
  level: number;
  paragraphs: string[];
  /** The secretary rewrote this section's text. */
  edited: boolean;
}

export interface MinutesDocument {
  lang: MinutesLanguage;
  organisation: string;
  /** "Số: 12/BB-UBND" / "No.: 12/BB-UBND". */
  number: string;
  /** The national name and motto, two lines (translated in English). */
  nation: [string, string];
  placeDate: string;
  title: string;
  subtitle: string;
  sections: MinutesSection[];
  signatures: { role: string; name: string }[];
  signHint: string;
  final: boolean;
}

export interface DraftOptions {
  /** IANA time zone for times and dates; Viet Nam's by default. */
  timeZone?: string;
  /** Names of people no longer in the meeting (a removed speaker, a proxy in a past ballot). */
  names?: (userId: string) => string | null | undefined;
  /** false: the generated text only, without the secretary's rewritten sections. */
  withEdits?: boolean;
}

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const LOCALE: Record<MinutesLanguage, string> = { vi: 'vi-VN', en: 'en-GB' };

// ------------------------------------------------------------------------------------ wording

interface Words {
  nation: [string, string];
  title: string;
  numberLabel: string;
  signHint: string;
  secretary: string;
  chair: string;
  headings: {
    opening: string;
    attendance: string;
    proceedings: string;
    other: string;
    conclusions: string;
    tasks: string;
  };
  time: (start: string) => string;
  place: (p: string) => string;
  chairs: (names: string) => string;
  secretaries: (names: string) => string;
  totals: (members: number, attending: number, present: number, online: number) => string;
  absentCount: (n: number) => string;
  presentList: (names: string) => string;
  onlineList: (names: string) => string;
  absentList: (names: string) => string;
  reason: (r: string) => string;
  noReason: string;
  notRecorded: string;
  quorum: (attending: number, members: number, required: number, met: boolean) => string;
  guests: (names: string) => string;
  proxies: (list: string) => string;
  proxy: (from: string, to: string) => string;
  agendaIntro: (n: number) => string;
  presenter: (p: string) => string;
  speakersIntro: string;
  noSpeakers: string;
  speech: (who: string, from: string, to: string) => string;
  interpellation: (who: string, whom: string, from: string, to: string) => string;
  voteIntro: (title: string, kind: Vote['kind'], rule: string | null) => string;
  rules: Record<VoteRule, string>;
  share: (label: string, n: number, members: number, pct: string) => string;
  turnout: (cast: number, eligible: number) => string;
  adopted: (threshold: number) => string;
  rejected: (threshold: number) => string;
  leading: (labels: string) => string;
  noLeader: string;
  namedList: string;
  castFor: (voter: string, holder: string) => string;
  standard: Record<'agree' | 'disagree' | 'abstain', string>;
  summaryAdopted: (titles: string) => string;
  summaryRejected: (titles: string) => string;
  noConclusions: string;
  task: (n: number, title: string, owner: string, due: string) => string;
  noTasks: string;
  ended: (time: string, sameDay: boolean, date: string) => string;
  notEnded: string;
  quote: (s: string) => string;
}

const VI: Words = {
  nation: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
  title: 'BIÊN BẢN CUỘC HỌP',
  numberLabel: 'Số',
  signHint: '(Ký, ghi rõ họ tên)',
  secretary: 'THƯ KÝ',
  chair: 'CHỦ TỌA',
  headings: {
    opening: 'I. THỜI GIAN, ĐỊA ĐIỂM, CHỦ TRÌ',
    attendance: 'II. THÀNH PHẦN THAM DỰ',
    proceedings: 'III. NỘI DUNG CUỘC HỌP',
    other: 'Nội dung khác',
    conclusions: 'IV. KẾT LUẬN',
    tasks: 'V. PHÂN CÔNG THỰC HIỆN',
  },
  time: (start) => `Thời gian: bắt đầu lúc ${start}.`,
  place: (p) => `Địa điểm: ${p}.`,
  chairs: (n) => `Chủ tọa: ${n}.`,
  secretaries: (n) => `Thư ký: ${n}.`,
  totals: (m, a, p, o) =>
    `Tổng số đại biểu: ${m}; có mặt: ${a} (tại phòng họp: ${p}, trực tuyến: ${o})`,
  absentCount: (n) => `; vắng mặt: ${n}.`,
  presentList: (n) => `Đại biểu có mặt tại phòng họp: ${n}.`,
  onlineList: (n) => `Đại biểu tham dự trực tuyến: ${n}.`,
  absentList: (n) => `Đại biểu vắng mặt: ${n}.`,
  reason: (r) => `lý do: ${r}`,
  noReason: 'không có lý do',
  notRecorded: 'chưa ghi nhận điểm danh',
  quorum: (a, m, r, met) =>
    `Số đại biểu tham dự: ${a}/${m}, ${met ? 'đạt' : 'không đạt'} số lượng cần thiết để tiến hành cuộc họp (tối thiểu ${r} đại biểu).`,
  guests: (n) => `Khách mời, quan sát viên: ${n}.`,
  proxies: (l) => `Ủy quyền biểu quyết: ${l}.`,
  proxy: (f, t) => `${f} ủy quyền cho ${t}`,
  agendaIntro: (n) => `Cuộc họp xem xét ${n} nội dung theo chương trình sau:`,
  presenter: (p) => `Trình bày: ${p}.`,
  speakersIntro: 'Ý kiến phát biểu:',
  noSpeakers: 'Không có ý kiến phát biểu.',
  speech: (w, f, t) => `- ${w} phát biểu (từ ${f} đến ${t});`,
  interpellation: (w, whom, f, t) => `- ${w} chất vấn ${whom} (từ ${f} đến ${t});`,
  voteIntro: (t, k, r) =>
    `Biểu quyết ${t} (${k === 'secret' ? 'bỏ phiếu kín' : 'biểu quyết công khai'}${r ? `; nguyên tắc: ${r}` : ''}):`,
  rules: {
    simple: 'quá nửa số phiếu tán thành và không tán thành',
    absolute: 'quá nửa tổng số đại biểu',
    twoThirds: 'ít nhất hai phần ba tổng số đại biểu',
  },
  share: (l, n, m, pct) => `- ${l}: ${n}/${m} đại biểu (${pct});`,
  turnout: (c, e) => `Số đại biểu tham gia biểu quyết: ${c}/${e} đại biểu có quyền biểu quyết.`,
  adopted: (t) => `Kết quả: THÔNG QUA (cần ít nhất ${t} phiếu tán thành).`,
  rejected: (t) => `Kết quả: KHÔNG THÔNG QUA (cần ít nhất ${t} phiếu tán thành).`,
  leading: (l) => `Kết quả: phương án nhiều phiếu nhất: ${l}.`,
  noLeader: 'Kết quả: không có phiếu nào.',
  namedList: 'Danh sách biểu quyết',
  castFor: (v, h) => `${v} (do ${h} biểu quyết thay theo ủy quyền)`,
  standard: STANDARD_LABELS,
  summaryAdopted: (t) => `Cuộc họp đã thông qua: ${t}.`,
  summaryRejected: (t) => `Không thông qua: ${t}.`,
  noConclusions: 'Chủ tọa kết luận cuộc họp.',
  task: (n, t, o, d) => `${n}. ${t}. Người thực hiện: ${o || '…'}. Thời hạn: ${d || '…'}.`,
  noTasks: 'Không có.',
  ended: (t, same, d) => `Cuộc họp kết thúc lúc ${t} ${same ? 'cùng ngày' : d}.`,
  notEnded: 'Cuộc họp chưa kết thúc.',
  quote: (s) => `“${s}”`,
};

const EN: Words = {
  nation: ['SOCIALIST REPUBLIC OF VIET NAM', 'Independence - Freedom - Happiness'],
  title: 'MINUTES OF THE MEETING',
  numberLabel: 'No.',
  signHint: '(Signature and full name)',
  secretary: 'SECRETARY',
  chair: 'CHAIR',
  headings: {
    opening: 'I. TIME, PLACE AND CHAIR',
    attendance: 'II. ATTENDANCE',
    proceedings: 'III. PROCEEDINGS',
    other: 'Other business',
    conclusions: 'IV. CONCLUSIONS',
    tasks: 'V. FOLLOW-UP TASKS',
  },
  time: (start) => `Time: started at ${start}.`,
  place: (p) => `Place: ${p}.`,
  chairs: (n) => `Chair: ${n}.`,
  secretaries: (n) => `Secretary: ${n}.`,
  totals: (m, a, p, o) => `Members: ${m}; attending: ${a} (in the room: ${p}, online: ${o})`,
  absentCount: (n) => `; absent: ${n}.`,
  presentList: (n) => `Present in the room: ${n}.`,
  onlineList: (n) => `Attending online: ${n}.`,
  absentList: (n) => `Absent: ${n}.`,
  reason: (r) => `reason: ${r}`,
  noReason: 'no reason given',
  notRecorded: 'attendance not recorded',
  quorum: (a, m, r, met) =>
    `Attending: ${a} of ${m}; the quorum (at least ${r} members) was ${met ? 'met' : 'not met'}.`,
  guests: (n) => `Guests and observers: ${n}.`,
  proxies: (l) => `Proxies: ${l}.`,
  proxy: (f, t) => `${f} gave their vote to ${t}`,
  agendaIntro: (n) => `The meeting considered ${n} items, in this order:`,
  presenter: (p) => `Presented by: ${p}.`,
  speakersIntro: 'Speakers:',
  noSpeakers: 'Nobody asked to speak.',
  speech: (w, f, t) => `- ${w} spoke (${f} to ${t});`,
  interpellation: (w, whom, f, t) => `- ${w} questioned ${whom} (${f} to ${t});`,
  voteIntro: (t, k, r) =>
    `Vote on ${t} (${k === 'secret' ? 'secret ballot' : 'named vote'}${r ? `; rule: ${r}` : ''}):`,
  rules: {
    simple: 'more than half of the votes for or against',
    absolute: 'more than half of all members',
    twoThirds: 'at least two thirds of all members',
  },
  share: (l, n, m, pct) => `- ${l}: ${n} of ${m} members (${pct});`,
  turnout: (c, e) => `Voted: ${c} of ${e} members entitled to vote.`,
  adopted: (t) => `Result: ADOPTED (at least ${t} votes in favour were needed).`,
  rejected: (t) => `Result: REJECTED (at least ${t} votes in favour were needed).`,
  leading: (l) => `Result: most votes for ${l}.`,
  noLeader: 'Result: no votes.',
  namedList: 'How each member voted',
  castFor: (v, h) => `${v} (cast by ${h} as proxy)`,
  standard: { agree: 'Agree', disagree: 'Disagree', abstain: 'Abstain' },
  summaryAdopted: (t) => `The meeting adopted: ${t}.`,
  summaryRejected: (t) => `Not adopted: ${t}.`,
  noConclusions: 'The chair closed the meeting.',
  task: (n, t, o, d) => `${n}. ${t}. Owner: ${o || '…'}. Due: ${d || '…'}.`,
  noTasks: 'None.',
  ended: (t, same, d) => `The meeting ended at ${t}${same ? ' the same day' : ` on ${d}`}.`,
  notEnded: 'The meeting has not ended.',
  quote: (s) => `“${s}”`,
};

export const MINUTES_WORDS: Record<MinutesLanguage, Words> = { vi: VI, en: EN };

// --------------------------------------------------------------------------------- formatting

interface DateParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

function partsOf(iso: string, timeZone: string): DateParts | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
  };
}

/** "ngày 09 tháng 3 năm 2026" (days under 10 and months 1 and 2 written with a 0, as decreed). */
export function viDate(p: Pick<DateParts, 'year' | 'month' | 'day'>): string {
  const month = Number(p.month) <= 2 ? p.month.padStart(2, '0') : String(Number(p.month));
  return `ngày ${p.day.padStart(2, '0')} tháng ${month} năm ${p.year}`;
}

function enDate(p: Pick<DateParts, 'year' | 'month' | 'day'>): string {
  const d = new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)));
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

function formatDate(lang: MinutesLanguage, p: DateParts): string {
  return lang === 'vi' ? viDate(p) : enDate(p);
}

function formatTime(lang: MinutesLanguage, p: DateParts): string {
  return lang === 'vi' ? `${p.hour} giờ ${p.minute}` : `${p.hour}:${p.minute}`;
}

/** A due date, YYYY-MM-DD, as "15/12/2026" or "15 December 2026". */
function formatDue(lang: MinutesLanguage, due: string | null): string {
  if (!due) return '';
  const [year = '', month = '', day = ''] = due.split('-');
  return lang === 'vi' ? `${day}/${month}/${year}` : enDate({ year, month, day });
}

function percent(lang: MinutesLanguage, part: number, whole: number): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 2 }).format(
    whole > 0 ? part / whole : 0,
  );
}

let collatorMade: Intl.Collator | undefined;
const collatorVi = () => (collatorMade ??= new Intl.Collator('vi'));

/**
 * Vietnamese list order for full names: by given name (the last word), then the rest from the
 * start. The same rule as the renderer's compareNames (renderer/format.ts), kept here for core.
 */
export function compareVietnameseNames(a: string, b: string): number {
  const split = (n: string): [string, string] => {
    const words = n.trim().split(/\s+/);
    const given = words.pop() ?? '';
    return [given, words.join(' ')];
  };
  const [ga, ra] = split(a);
  const [gb, rb] = split(b);
  return collatorVi().compare(ga, gb) || collatorVi().compare(ra, rb);
}

function listOf(lang: MinutesLanguage, items: string[]): string {
  return new Intl.ListFormat(LOCALE[lang], { style: 'long', type: 'conjunction' }).format(items);
}

// -------------------------------------------------------------------------------------- draft

/** The minutes in one language, from the record and the secretary's saved text. */
export function draftMinutes(
  s: MeetingState,
  lang: MinutesLanguage,
  opts: DraftOptions = {},
): MinutesDocument {
  const w = MINUTES_WORDS[lang];
  const tz = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const minutes = s.minutes;
  const edits = opts.withEdits === false ? {} : (minutes?.sections[lang] ?? {});
  const nameOf = (id: string) => s.participants[id]?.displayName ?? opts.names?.(id) ?? id;
  const sortNames = (ids: string[]) => ids.map(nameOf).sort(compareVietnameseNames);
  const byRole = (role: Participant['role']) =>
    sortNames(
      Object.values(s.participants)
        .filter((p) => p.role === role)
        .map((p) => p.userId),
    );
  const when = partsOf(s.startedAt ?? s.startsAt, tz);
  const at = (iso: string) => {
    const p = partsOf(iso, tz);
    return p ? formatTime(lang, p) : iso;
  };

  const sections: MinutesSection[] = [];
  const section = (key: string | null, heading: string, level: number, generated: string[]) => {
    const edited = key !== null && edits[key] !== undefined;
    const paragraphs = edited ? splitParagraphs(edits[key]!) : generated;
    sections.push({ key, heading, level, paragraphs, edited });
  };

  // I. time, place, chair
  const opening: string[] = [];
  if (when) opening.push(w.time(`${formatTime(lang, when)}, ${formatDate(lang, when)}`));
  if (s.location.trim()) opening.push(w.place(s.location.trim()));
  const chairs = byRole('chair');
  const secretaries = byRole('secretary');
  if (chairs.length) opening.push(w.chairs(listOf(lang, chairs)));
  if (secretaries.length) opening.push(w.secretaries(listOf(lang, secretaries)));
  section('opening', w.headings.opening, 0, opening);

  // II. attendance, quorum, proxies
  const members = memberIds(s);
  const statusOf = (id: string) => s.attendance[id]?.status;
  const present = members.filter((id) => statusOf(id) === 'present');
  const online = members.filter((id) => statusOf(id) === 'online');
  const absent = members.filter((id) => statusOf(id) !== 'present' && statusOf(id) !== 'online');
  const q = quorumStatus(s);
  const attendance: string[] = [
    w.totals(members.length, present.length + online.length, present.length, online.length) +
      w.absentCount(absent.length),
  ];
  if (present.length) attendance.push(w.presentList(sortNames(present).join(', ')));
  if (online.length) attendance.push(w.onlineList(sortNames(online).join(', ')));
  if (absent.length) {
    const why = (id: string) => {
      const a = s.attendance[id];
      if (!a) return w.notRecorded;
      return a.reason.trim() ? w.reason(a.reason.trim()) : w.noReason;
    };
    const list = absent
      .map((id) => ({ name: nameOf(id), why: why(id) }))
      .sort((a, b) => compareVietnameseNames(a.name, b.name))
      .map((x) => `${x.name} (${x.why})`);
    attendance.push(w.absentList(list.join('; ')));
  }
  attendance.push(w.quorum(q.attending, q.members, q.required, q.met));
  const guests = byRole('observer');
  if (guests.length) attendance.push(w.guests(guests.join(', ')));
  const proxies = Object.entries(s.proxies)
    .map(([from, to]) => ({ from: nameOf(from), to: nameOf(to) }))
    .sort((a, b) => compareVietnameseNames(a.from, b.from))
    .map((p) => w.proxy(p.from, p.to));
  if (proxies.length) attendance.push(w.proxies(proxies.join('; ')));
  section('attendance', w.headings.attendance, 0, attendance);

  // III. proceedings: the agenda, then each item with its speeches and votes
  const order = agendaOrder(s);
  const agenda = [w.agendaIntro(order.filter((x) => x.level === 1).length)];
  for (const { id, number } of order) agenda.push(`${number}. ${s.agenda.items[id]?.title ?? ''}`);
  section('agenda', w.headings.proceedings, 0, agenda);

  const votesOn = (itemId: string | null) =>
    Object.values(s.votes)
      .filter(
        (v) =>
          v.status === 'closed' &&
          v.result &&
          (itemId === null ? !s.agenda.items[v.itemId] : v.itemId === itemId),
      )
      .sort((a, b) => (a.closedAt ?? '').localeCompare(b.closedAt ?? ''));
  const speechesOn = (itemId: string | null) =>
    s.speakers.history.filter((h) =>
      itemId === null ? !s.agenda.items[h.itemId] : h.itemId === itemId,
    );
  const itemBody = (itemId: string | null): string[] => {
    const out: string[] = [];
    const item = itemId === null ? undefined : s.agenda.items[itemId];
    if (item?.presenter.trim()) out.push(w.presenter(item.presenter.trim()));
    if (item?.description.trim()) out.push(...splitParagraphs(item.description));
    const speeches = speechesOn(itemId);
    if (speeches.length) {
      out.push(w.speakersIntro);
      for (const h of speeches) {
        const who = nameOf(h.userId);
        out.push(
          h.kind === 'interpellation'
            ? w.interpellation(who, h.addressedTo, at(h.startedAt), at(h.endedAt))
            : w.speech(who, at(h.startedAt), at(h.endedAt)),
        );
      }
    } else if (itemId !== null && childIds(s.agenda, itemId).length === 0) out.push(w.noSpeakers);
    for (const v of votesOn(itemId)) out.push(...voteParagraphs(v, lang, nameOf));
    return out;
  };
  for (const { id, number, level } of order)
    section(`item:${id}`, `${number}. ${s.agenda.items[id]?.title ?? ''}`, level, itemBody(id));
  if (speechesOn(null).length || votesOn(null).length)
    section('other', w.headings.other, 1, itemBody(null));

  // IV. conclusions: the secretary's, or the votes' outcomes
  const conclusions = minutes?.conclusions.trim()
    ? splitParagraphs(minutes.conclusions)
    : defaultConclusions(s, w);
  sections.push({
    key: null,
    heading: w.headings.conclusions,
    level: 0,
    paragraphs: conclusions,
    edited: !!minutes?.conclusions.trim(),
  });

  // V. follow-up tasks
  const tasks = (minutes?.tasks ?? []).map((t, i) =>
    w.task(i + 1, t.title, t.ownerId ? nameOf(t.ownerId) : t.ownerName, formatDue(lang, t.due)),
  );
  sections.push({
    key: null,
    heading: w.headings.tasks,
    level: 0,
    paragraphs: tasks.length ? tasks : [w.noTasks],
    edited: tasks.length > 0,
  });

  // closing line
  const end = s.endedAt ? partsOf(s.endedAt, tz) : null;
  const sameDay =
    !!end && !!when && end.year === when.year && end.month === when.month && end.day === when.day;
  section('closing', '', 0, [
    end ? w.ended(formatTime(lang, end), sameDay, formatDate(lang, end)) : w.notEnded,
  ]);

  const city = minutes?.city.trim() ?? '';
  const date = when ? formatDate(lang, when) : '';
  const placeDate = [city, date].filter(Boolean).join(', ');
  return {
    lang,
    organisation: (minutes?.organisation.trim() ?? '').toLocaleUpperCase(LOCALE[lang]),
    number: `${w.numberLabel}: ${minutes?.number.trim() || '…'}`,
    nation: w.nation,
    placeDate,
    title: w.title,
    subtitle: s.title,
    sections,
    signatures: [
      { role: w.secretary, name: secretaries[0] ?? '' },
      { role: w.chair, name: chairs[0] ?? '' },
    ],
    signHint: w.signHint,
    final: minutes?.final ?? false,
  };
}

/** The text of a section as the editor shows it: paragraphs on lines. */
export function sectionText(section: MinutesSection): string {
  return section.paragraphs.join('\n');
}

function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
}

/** Agenda items depth first, numbered "1", "1.1", … with their depth (1 for the top level). */
function agendaOrder(s: MeetingState): { id: string; number: string; level: number }[] {
  const out: { id: string; number: string; level: number }[] = [];
  const walk = (parent: string | null, prefix: string, level: number) => {
    childIds(s.agenda, parent).forEach((id, i) => {
      const number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      out.push({ id, number, level });
      walk(id, number, level + 1);
    });
  };
  walk(null, '', 1);
  return out;
}

function optionLabel(v: Vote, id: string, w: Words): string {
  if (isStandardVote(v) && (id === 'agree' || id === 'disagree' || id === 'abstain'))
    return w.standard[id];
  return v.options.find((o) => o.id === id)?.label ?? id;
}

function voteParagraphs(v: Vote, lang: MinutesLanguage, nameOf: (id: string) => string): string[] {
  const w = MINUTES_WORDS[lang];
  const r = v.result!;
  const standard = isStandardVote(v);
  const out = [w.voteIntro(w.quote(v.title), v.kind, standard ? w.rules[r.rule] : null)];
  for (const o of v.options) {
    const n = r.counts[o.id] ?? 0;
    out.push(w.share(optionLabel(v, o.id, w), n, r.members, percent(lang, n, r.members)));
  }
  out.push(w.turnout(r.cast, r.eligible));
  if (standard) out.push(r.adopted ? w.adopted(r.threshold) : w.rejected(r.threshold));
  else
    out.push(
      r.leading.length
        ? w.leading(r.leading.map((id) => optionLabel(v, id, w)).join(' / '))
        : w.noLeader,
    );
  if (v.kind === 'named' && r.ballots?.length) {
    const groups = v.options
      .map((o) => {
        const voters = r
          .ballots!.filter((b) => b.choices.includes(o.id))
          .map((b) => ({
            name: nameOf(b.voterId),
            text:
              b.castBy !== b.voterId
                ? w.castFor(nameOf(b.voterId), nameOf(b.castBy))
                : nameOf(b.voterId),
          }))
          .sort((a, b) => compareVietnameseNames(a.name, b.name))
          .map((x) => x.text);
        return voters.length ? `${optionLabel(v, o.id, w)}: ${voters.join(', ')}` : '';
      })
      .filter(Boolean);
    out.push(`${w.namedList}: ${groups.join('; ')}.`);
  }
  return out;
}

function defaultConclusions(s: MeetingState, w: Words): string[] {
  const closed = Object.values(s.votes)
    .filter((v) => v.status === 'closed' && v.result && isStandardVote(v))
    .sort((a, b) => (a.closedAt ?? '').localeCompare(b.closedAt ?? ''));
  const adopted = closed.filter((v) => v.result!.adopted).map((v) => w.quote(v.title));
  const rejected = closed.filter((v) => !v.result!.adopted).map((v) => w.quote(v.title));
  const out: string[] = [];
  if (adopted.length) out.push(w.summaryAdopted(adopted.join('; ')));
  if (rejected.length) out.push(w.summaryRejected(rejected.join('; ')));
  return out.length ? out : [w.noConclusions];
}

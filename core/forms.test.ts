// Opinion forms' rules: who may answer and until when, the reminder, the tally, the schemas.
import { describe, expect, it } from 'vitest';
import {
  AnswerFormRequest,
  checkAnswer,
  checkNewForm,
  CreateFormRequest,
  formStatus,
  isRetry,
  nextAnswer,
  needsReminder,
  resultsOf,
  summaryFor,
  tallyForm,
  type OpinionForm,
} from './forms.ts';
import { delegate, globalAdmin, outsider, secretary } from './test-support.ts';

const HOUR = 3600_000;
const DEADLINE = '2026-12-10T10:00:00.000Z';
const at = (msBeforeDeadline: number) => new Date(Date.parse(DEADLINE) - msBeforeDeadline);

function form(): OpinionForm {
  return {
    id: 'f1',
    requestId: 'req-create-1',
    title: 'Lấy ý kiến về dự thảo quy chế',
    question: 'Đồng chí có đồng ý với dự thảo không?',
    documents: [],
    recipients: ['del1', 'del2', 'd3'],
    deadline: DEADLINE,
    createdBy: 'sec',
    createdAt: '2026-12-01T01:00:00.000Z',
    answers: {},
  };
}

const code = (e: { code: string } | null) => e?.code ?? 'ok';

describe('opinion form rules', () => {
  it('is open before the deadline and closed from the deadline on', () => {
    expect(formStatus(form(), at(1))).toBe('open');
    expect(formStatus(form(), at(0))).toBe('closed');
    expect(formStatus(form(), at(-HOUR))).toBe('closed');
  });

  it('lets only recipients answer, and only while open', () => {
    expect(code(checkAnswer(form(), delegate, at(HOUR)))).toBe('ok');
    expect(code(checkAnswer(form(), outsider, at(HOUR)))).toBe('FORBIDDEN');
    expect(code(checkAnswer(form(), secretary, at(HOUR)))).toBe('FORBIDDEN');
    expect(code(checkAnswer(form(), delegate, at(0)))).toBe('CONFLICT');
  });

  it('lets secretaries and admins send forms with a future deadline', () => {
    const req = CreateFormRequest.parse({
      requestId: 'req-create-1',
      title: 'T',
      question: 'Q',
      recipients: ['del1'],
      deadline: DEADLINE,
    });
    expect(code(checkNewForm(req, secretary, at(HOUR)))).toBe('ok');
    expect(code(checkNewForm(req, globalAdmin, at(HOUR)))).toBe('ok');
    expect(code(checkNewForm(req, delegate, at(HOUR)))).toBe('FORBIDDEN');
    expect(code(checkNewForm(req, secretary, at(0)))).toBe('INVALID_PAYLOAD');
  });

  it('reminds an unanswered recipient within 24 hours of the deadline, not before or after', () => {
    const f = form();
    expect(needsReminder(f, 'del1', at(25 * HOUR))).toBe(false);
    expect(needsReminder(f, 'del1', at(24 * HOUR))).toBe(true);
    expect(needsReminder(f, 'del1', at(1))).toBe(true);
    expect(needsReminder(f, 'del1', at(0))).toBe(false);
    expect(needsReminder(f, 'out', at(HOUR))).toBe(false);
    f.answers.del1 = { choice: 'agree', comment: '', answeredAt: 'x', requestId: 'r1234567' };
    expect(needsReminder(f, 'del1', at(HOUR))).toBe(false);
    expect(summaryFor(f, { userId: 'del2', globalRole: 'member' }, at(HOUR)).remind).toBe(true);
  });

  it('tallies answers per choice and counts who has not answered', () => {
    const f = form();
    f.answers.del1 = { choice: 'agree', comment: '', answeredAt: 'a', requestId: 'r1234567' };
    f.answers.d3 = {
      choice: 'other',
      comment: 'Sửa Điều 5',
      answeredAt: 'b',
      requestId: 'r7654321',
    };
    expect(tallyForm(f)).toEqual({ agree: 1, disagree: 0, other: 1, unanswered: 1, recipients: 3 });
    const r = resultsOf(f, secretary, at(HOUR), (u) => `name ${u}`);
    expect(r.answers.map((a) => [a.userId, a.choice, a.comment])).toEqual([
      ['del1', 'agree', ''],
      ['del2', null, ''],
      ['d3', 'other', 'Sửa Điều 5'],
    ]);
  });

  it('shows a recipient their own answer only', () => {
    const f = form();
    f.answers.del1 = { choice: 'disagree', comment: 'Chưa rõ', answeredAt: 'a', requestId: 'r1' };
    const mine = summaryFor(f, delegate, at(HOUR));
    expect(mine.myAnswer).toEqual({ choice: 'disagree', comment: 'Chưa rõ', answeredAt: 'a' });
    expect(summaryFor(f, secretary, at(HOUR)).myAnswer).toBeNull();
  });
});

describe('retries', () => {
  it('knows the current and replaced answers of a person by their request ids', () => {
    const now = at(HOUR);
    const first = nextAnswer(
      undefined,
      AnswerFormRequest.parse({ requestId: 'req-one1', choice: 'agree' }),
      now,
    );
    const second = nextAnswer(
      first,
      AnswerFormRequest.parse({ requestId: 'req-two2', choice: 'disagree' }),
      now,
    );
    expect(second).toMatchObject({
      choice: 'disagree',
      requestId: 'req-two2',
      earlier: ['req-one1'],
    });
    expect(isRetry(second, 'req-one1')).toBe(true);
    expect(isRetry(second, 'req-two2')).toBe(true);
    expect(isRetry(second, 'req-new3')).toBe(false);
    expect(isRetry(undefined, 'req-one1')).toBe(false);
  });
});

describe('opinion form requests', () => {
  it('needs a comment for an "other opinion" answer', () => {
    expect(AnswerFormRequest.safeParse({ requestId: 'r1234567', choice: 'other' }).success).toBe(
      false,
    );
    expect(
      AnswerFormRequest.safeParse({ requestId: 'r1234567', choice: 'other', comment: '  ' })
        .success,
    ).toBe(false);
    expect(AnswerFormRequest.parse({ requestId: 'r1234567', choice: 'agree' }).comment).toBe('');
  });

  it('refuses unknown choices, duplicate recipients, an empty list and a date without zone', () => {
    expect(AnswerFormRequest.safeParse({ requestId: 'r1234567', choice: 'yes' }).success).toBe(
      false,
    );
    const base = { requestId: 'req-create-1', title: 'T', question: 'Q', deadline: DEADLINE };
    expect(CreateFormRequest.safeParse({ ...base, recipients: ['a', 'a'] }).success).toBe(false);
    expect(CreateFormRequest.safeParse({ ...base, recipients: [] }).success).toBe(false);
    expect(
      CreateFormRequest.safeParse({ ...base, recipients: ['a'], deadline: '2026-12-10 10:00' })
        .success,
    ).toBe(false);
  });
});

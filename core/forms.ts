// Written opinion forms (phiếu lấy ý kiến) outside meetings: the model, the request schemas and
// the pure rules (who may answer, when a form is closed, the tally, who is reminded).
// Forms are not meetings: they have their own store and never enter a meeting's event stream.
import { z } from 'zod';
import { appError, type AppError } from './errors.ts';
import type { Actor } from './model.ts';
import { Id, LIMITS, Sha256 } from './schemas.ts';

export const FORM_CHOICES = ['agree', 'disagree', 'other'] as const;
export type FormChoice = (typeof FORM_CHOICES)[number];

/** A recipient who has not answered is reminded once the deadline is this close. */
export const REMIND_BEFORE_MS = 24 * 60 * 60 * 1000;

export const FORM_LIMITS = {
  recipients: 500,
  documents: 20,
  question: LIMITS.text,
  comment: LIMITS.text,
} as const;

export interface FormDocument {
  name: string;
  sha256: string;
  size: number;
  pages: number;
}

export interface FormAnswer {
  choice: FormChoice;
  comment: string;
  answeredAt: string;
  /** The client-made id of the request that gave this answer: a retry is applied once. */
  requestId: string;
  /** Ids of this person's earlier, replaced answers: their late retries change nothing. */
  earlier?: string[];
}

/** A form as the server keeps it. Its status is not stored: it follows from the deadline. */
export interface OpinionForm {
  id: string;
  /** The client-made id of the creating request: a retried creation returns the same form. */
  requestId: string;
  title: string;
  question: string;
  documents: FormDocument[];
  recipients: string[];
  deadline: string;
  createdBy: string;
  createdAt: string;
  answers: Record<string, FormAnswer>;
}

export type FormStatus = 'open' | 'closed';

// ------------------------------------------------------------------------------ request schemas

/** A client-made request id (8-64 letters, digits, _ or -). */
export const RequestId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8-64 letters, digits, _ or -');

export const CreateFormRequest = z.strictObject({
  requestId: RequestId,
  title: z.string().trim().min(1, 'must not be empty').max(LIMITS.title),
  question: z.string().trim().min(1, 'must not be empty').max(FORM_LIMITS.question),
  documents: z
    .array(z.strictObject({ sha256: Sha256, name: z.string().trim().min(1).max(LIMITS.name) }))
    .max(FORM_LIMITS.documents)
    .default([]),
  recipients: z
    .array(Id)
    .min(1, 'choose at least one recipient')
    .max(FORM_LIMITS.recipients)
    .refine((ids) => new Set(ids).size === ids.length, 'a recipient is listed twice'),
  deadline: z.iso.datetime({ offset: true }),
});
export type CreateFormRequest = z.infer<typeof CreateFormRequest>;

export const AnswerFormRequest = z
  .strictObject({
    requestId: RequestId,
    choice: z.enum(FORM_CHOICES),
    comment: z.string().trim().max(FORM_LIMITS.comment).default(''),
  })
  .refine((a) => a.choice !== 'other' || a.comment.length > 0, {
    message: 'an "other opinion" answer needs a comment saying what it is',
    path: ['comment'],
  });
export type AnswerFormRequest = z.infer<typeof AnswerFormRequest>;

export const FormParams = z.strictObject({ formId: Id });
export const FormFileParams = z.strictObject({ formId: Id, sha256: Sha256 });

// ------------------------------------------------------------------------------------- rules

export function formStatus(form: OpinionForm, now: Date): FormStatus {
  return now.getTime() < Date.parse(form.deadline) ? 'open' : 'closed';
}

/** Secretaries and administrators send forms and read every form's results. */
export function canManageForms(actor: Actor): boolean {
  return actor.globalRole === 'admin' || actor.globalRole === 'secretary';
}

export function isRecipient(form: OpinionForm, userId: string): boolean {
  return form.recipients.includes(userId);
}

/** Who may see a form at all: its recipients and those who manage forms. */
export function canSeeForm(form: OpinionForm, actor: Actor): boolean {
  return canManageForms(actor) || isRecipient(form, actor.userId);
}

/** Refuses a new form whose deadline is not in the future. */
export function checkNewForm(req: CreateFormRequest, actor: Actor, now: Date): AppError | null {
  if (!canManageForms(actor))
    return appError('FORBIDDEN', 'Only secretaries and administrators send opinion forms.');
  if (Date.parse(req.deadline) <= now.getTime())
    return appError('INVALID_PAYLOAD', 'The deadline must be in the future.');
  return null;
}

/** Why this person may not answer now, or null when they may (changing an answer is allowed). */
export function checkAnswer(form: OpinionForm, actor: Actor, now: Date): AppError | null {
  if (!isRecipient(form, actor.userId))
    return appError('FORBIDDEN', 'This opinion form was not sent to you.');
  if (formStatus(form, now) === 'closed')
    return appError(
      'CONFLICT',
      `This opinion form closed at its deadline (${form.deadline}); answers are no longer taken.`,
    );
  return null;
}

/** Whether this request already gave this person's answer (the current or a replaced one). */
export function isRetry(answer: FormAnswer | undefined, requestId: string): boolean {
  return !!answer && (answer.requestId === requestId || !!answer.earlier?.includes(requestId));
}

/** The answer a new request gives, remembering the one it replaces. */
export function nextAnswer(
  previous: FormAnswer | undefined,
  req: AnswerFormRequest,
  now: Date,
): FormAnswer {
  const earlier = previous ? [...(previous.earlier ?? []), previous.requestId] : [];
  return {
    choice: req.choice,
    comment: req.comment,
    answeredAt: now.toISOString(),
    requestId: req.requestId,
    ...(earlier.length ? { earlier: earlier.slice(-100) } : {}),
  };
}

/** Remind a recipient who has not answered an open form whose deadline is within a day. */
export function needsReminder(form: OpinionForm, userId: string, now: Date): boolean {
  if (!isRecipient(form, userId) || form.answers[userId]) return false;
  const left = Date.parse(form.deadline) - now.getTime();
  return left > 0 && left <= REMIND_BEFORE_MS;
}

export interface FormTally {
  agree: number;
  disagree: number;
  other: number;
  unanswered: number;
  recipients: number;
}

export function tallyForm(form: OpinionForm): FormTally {
  const tally: FormTally = {
    agree: 0,
    disagree: 0,
    other: 0,
    unanswered: 0,
    recipients: form.recipients.length,
  };
  for (const userId of form.recipients) {
    const a = form.answers[userId];
    if (a) tally[a.choice]++;
    else tally.unanswered++;
  }
  return tally;
}

// -------------------------------------------------------------------------------------- views

/** What a list shows of a form, for this person. */
export interface FormSummary {
  id: string;
  title: string;
  question: string;
  documents: FormDocument[];
  deadline: string;
  createdAt: string;
  createdBy: string;
  status: FormStatus;
  recipientCount: number;
  answeredCount: number;
  /** True when the asker is a recipient. */
  recipient: boolean;
  /** The asker's own answer, when a recipient who answered. */
  myAnswer: Pick<FormAnswer, 'choice' | 'comment' | 'answeredAt'> | null;
  /** The asker should be reminded to answer. */
  remind: boolean;
}

export function summaryFor(form: OpinionForm, actor: Actor, now: Date): FormSummary {
  const mine = form.answers[actor.userId];
  const recipient = isRecipient(form, actor.userId);
  return {
    id: form.id,
    title: form.title,
    question: form.question,
    documents: form.documents,
    deadline: form.deadline,
    createdAt: form.createdAt,
    createdBy: form.createdBy,
    status: formStatus(form, now),
    recipientCount: form.recipients.length,
    answeredCount: form.recipients.filter((u) => form.answers[u]).length,
    recipient,
    myAnswer:
      recipient && mine
        ? { choice: mine.choice, comment: mine.comment, answeredAt: mine.answeredAt }
        : null,
    remind: needsReminder(form, actor.userId, now),
  };
}

/** The results a secretary reads: the tally, each recipient's answer (or none) and comment. */
export interface FormResults {
  form: FormSummary;
  tally: FormTally;
  answers: {
    userId: string;
    name: string;
    choice: FormChoice | null;
    comment: string;
    answeredAt: string | null;
  }[];
}

export function resultsOf(
  form: OpinionForm,
  actor: Actor,
  now: Date,
  nameOf: (userId: string) => string,
): FormResults {
  return {
    form: summaryFor(form, actor, now),
    tally: tallyForm(form),
    answers: form.recipients.map((userId) => {
      const a = form.answers[userId];
      return {
        userId,
        name: nameOf(userId),
        choice: a?.choice ?? null,
        comment: a?.comment ?? '',
        answeredAt: a?.answeredAt ?? null,
      };
    }),
  };
}

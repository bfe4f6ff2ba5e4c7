// Opinion forms: create, answer (group-committed per form), list, results, and a push to the
// people concerned when a form changes, nears its deadline or closes. The deadline is judged with
// the server's clock.
import {
  appError,
  canManageForms,
  canSeeForm,
  checkAnswer,
  checkNewForm,
  formStatus,
  isRetry,
  nextAnswer,
  REMIND_BEFORE_MS,
  resultsOf,
  summaryFor,
  type Actor,
  type AnswerFormRequest,
  type AppError,
  type CreateFormRequest,
  type FormDocument,
  type FormResults,
  type FormSummary,
  type OpinionForm,
} from '../../core/index.ts';
import { newId, type Clock } from '../meetings/service.ts';
import { FormFiles } from './form-files.ts';

export interface FormServiceDeps {
  dir: string;
  clock: Clock;
  /** Tells these users' clients that their forms changed (`forms:changed`). */
  notify: (userIds: string[]) => void;
  /** Whether a user id names an active account (recipients must). */
  isActive: (userId: string) => boolean;
  nameOf: (userId: string) => string;
  log: (msg: string, err: unknown) => void;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

interface PendingAnswer {
  actor: Actor;
  req: AnswerFormRequest;
  resolve: (r: Result<FormSummary>) => void;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

export class FormService {
  readonly #deps: FormServiceDeps;
  readonly #files: FormFiles;
  readonly #forms = new Map<string, OpinionForm>();
  /** `${createdBy}:${requestId}` -> the form (or its creation in flight): a retry creates once. */
  readonly #created = new Map<string, Promise<Result<FormSummary>> | string>();
  readonly #pending = new Map<string, PendingAnswer[]>();
  readonly #writing = new Map<string, Promise<void>>();
  /** Reminder and closing times already pushed, as `${formId}:remind|close`. */
  readonly #pushed = new Set<string>();
  #timer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(deps: FormServiceDeps) {
    this.#deps = deps;
    this.#files = new FormFiles(deps.dir);
  }

  async load(): Promise<void> {
    const now = this.#now();
    for (const form of await this.#files.loadAll()) {
      this.#forms.set(form.id, form);
      this.#created.set(`${form.createdBy}:${form.requestId}`, form.id);
      // what already happened before this start is not pushed again
      if (Date.parse(form.deadline) - REMIND_BEFORE_MS <= now.getTime())
        this.#pushed.add(`${form.id}:remind`);
      if (formStatus(form, now) === 'closed') this.#pushed.add(`${form.id}:close`);
    }
    this.#schedule();
  }

  get(formId: string): OpinionForm | undefined {
    return this.#forms.get(formId);
  }

  /** A document some form already carries, by hash. */
  knownDocument(sha256: string): FormDocument | undefined {
    for (const form of this.#forms.values()) {
      const doc = form.documents.find((d) => d.sha256 === sha256);
      if (doc) return doc;
    }
    return undefined;
  }

  /** The forms this person may see, newest first. */
  list(actor: Actor): FormSummary[] {
    const now = this.#now();
    return [...this.#forms.values()]
      .filter((f) => canSeeForm(f, actor))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
      .map((f) => summaryFor(f, actor, now));
  }

  /** One form for this person; NOT_FOUND also for a form they may not see (no existence leak). */
  view(actor: Actor, formId: string): Result<FormSummary> {
    const form = this.#forms.get(formId);
    if (!form || !canSeeForm(form, actor)) return notFound();
    return { ok: true, value: summaryFor(form, actor, this.#now()) };
  }

  results(actor: Actor, formId: string): Result<FormResults> {
    const form = this.#forms.get(formId);
    if (!form || !canSeeForm(form, actor)) return notFound();
    if (!canManageForms(actor))
      return {
        ok: false,
        error: appError('FORBIDDEN', 'Only secretaries and administrators read the results.'),
      };
    return { ok: true, value: resultsOf(form, actor, this.#now(), this.#deps.nameOf) };
  }

  /** Creates a form once per request id; resolves after its file is on disk. */
  create(
    actor: Actor,
    req: CreateFormRequest,
    documents: FormDocument[],
  ): Promise<Result<FormSummary>> {
    const key = `${actor.userId}:${req.requestId}`;
    const known = this.#created.get(key);
    if (typeof known === 'string') {
      return Promise.resolve({
        ok: true,
        value: summaryFor(this.#forms.get(known)!, actor, this.#now()),
      });
    }
    if (known) return known;
    const run = this.#create(actor, req, documents, key);
    this.#created.set(key, run);
    return run;
  }

  async #create(
    actor: Actor,
    req: CreateFormRequest,
    documents: FormDocument[],
    key: string,
  ): Promise<Result<FormSummary>> {
    const now = this.#now();
    const refused = this.#closedError() ?? checkNewForm(req, actor, now);
    const unknown = req.recipients.find((u) => !this.#deps.isActive(u));
    const error =
      refused ??
      (unknown ? appError('INVALID_PAYLOAD', `No active account has the id "${unknown}".`) : null);
    if (error) {
      this.#created.delete(key);
      return { ok: false, error };
    }
    const form: OpinionForm = {
      id: newId(),
      requestId: req.requestId,
      title: req.title,
      question: req.question,
      documents,
      recipients: req.recipients,
      deadline: new Date(req.deadline).toISOString(),
      createdBy: actor.userId,
      createdAt: now.toISOString(),
      answers: {},
    };
    try {
      await this.#files.write(form);
    } catch (err) {
      this.#created.delete(key);
      this.#deps.log('writing a new opinion form failed', err);
      return { ok: false, error: appError('INTERNAL', 'The form could not be saved; try again.') };
    }
    this.#forms.set(form.id, form);
    this.#created.set(key, form.id);
    this.#deps.notify([...form.recipients, actor.userId]);
    this.#schedule();
    return { ok: true, value: summaryFor(form, actor, this.#now()) };
  }

  /**
   * Records an answer (a later one replaces it until the deadline); resolves once on disk. Answers
   * to one form that arrive during a write are written together by the next one.
   */
  answer(actor: Actor, formId: string, req: AnswerFormRequest): Promise<Result<FormSummary>> {
    if (!this.#forms.has(formId)) return Promise.resolve(notFound());
    return new Promise((resolve) => {
      const queue = this.#pending.get(formId) ?? [];
      queue.push({ actor, req, resolve });
      this.#pending.set(formId, queue);
      if (!this.#writing.has(formId)) this.#drain(formId);
    });
  }

  #drain(formId: string): void {
    const batch = this.#pending.get(formId);
    this.#pending.delete(formId);
    if (!batch?.length) {
      this.#writing.delete(formId);
      return;
    }
    const run = this.#commit(formId, batch).finally(() => this.#drain(formId));
    this.#writing.set(formId, run);
  }

  async #commit(formId: string, batch: PendingAnswer[]): Promise<void> {
    const current = this.#forms.get(formId)!;
    const next: OpinionForm = { ...current, answers: { ...current.answers } };
    const now = this.#now();
    const outcomes: (Result<null> | 'changed')[] = batch.map(({ actor, req }) => {
      const mine = next.answers[actor.userId];
      // a retry of the answer in force is acknowledged again, not reapplied
      if (isRetry(mine, req.requestId)) return { ok: true, value: null };
      const error = this.#closedError() ?? checkAnswer(next, actor, now);
      if (error) return { ok: false, error };
      next.answers[actor.userId] = nextAnswer(mine, req, now);
      return 'changed';
    });
    let written = true;
    if (outcomes.includes('changed')) {
      try {
        await this.#files.write(next);
        this.#forms.set(formId, next);
      } catch (err) {
        written = false;
        this.#deps.log('writing an opinion form answer failed', err);
      }
    }
    const after = this.#forms.get(formId)!;
    batch.forEach(({ actor, resolve }, i) => {
      const outcome = outcomes[i]!;
      if (outcome !== 'changed' && !outcome.ok) return resolve(outcome);
      if (!written)
        return resolve({
          ok: false,
          error: appError('INTERNAL', 'The answer could not be saved; send it again.'),
        });
      resolve({ ok: true, value: summaryFor(after, actor, this.#now()) });
    });
    if (written && outcomes.includes('changed'))
      this.#deps.notify([
        after.createdBy,
        ...batch.filter((_, i) => outcomes[i] === 'changed').map((p) => p.actor.userId),
      ]);
  }

  // ---------------------------------------------------------------- reminders and closing

  /** Pushes `forms:changed` when a form enters its reminder window and when it closes. */
  #schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#closed) return;
    const now = this.#now().getTime();
    let next = Infinity;
    const due: string[] = [];
    for (const form of this.#forms.values()) {
      const close = Date.parse(form.deadline);
      for (const [what, at] of [
        ['remind', close - REMIND_BEFORE_MS],
        ['close', close],
      ] as const) {
        const key = `${form.id}:${what}`;
        if (this.#pushed.has(key)) continue;
        if (at <= now) {
          this.#pushed.add(key);
          due.push(
            ...(what === 'close'
              ? [...form.recipients, form.createdBy]
              : form.recipients.filter((u) => !form.answers[u])),
          );
        } else next = Math.min(next, at);
      }
    }
    if (due.length) this.#deps.notify(due);
    if (next !== Infinity) {
      // at least a second apart: a clock that a test holds still must not spin the timer
      const delay = Math.min(Math.max(next - now, 1000), MAX_TIMER_MS);
      this.#timer = setTimeout(() => this.#schedule(), delay);
      this.#timer.unref();
    }
  }

  /** Checks the reminder and closing times now (the server calls this; tests move the clock). */
  tick(): void {
    this.#schedule();
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    while (this.#writing.size) await Promise.all([...this.#writing.values()]);
  }

  #closedError(): AppError | null {
    return this.#closed ? appError('INTERNAL', 'The server is shutting down; try again.') : null;
  }

  /** The server's time, by which deadlines are judged. */
  now(): Date {
    return this.#deps.clock.now();
  }

  #now(): Date {
    return this.#deps.clock.now();
  }
}

function notFound(): { ok: false; error: AppError } {
  return { ok: false, error: appError('NOT_FOUND', 'There is no such opinion form.') };
}

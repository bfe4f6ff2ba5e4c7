// One form: its question, documents and deadline; a recipient answers agree / disagree / other
// with a comment, and may change the answer until the deadline.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FORM_CHOICES, type FormChoice, type FormSummary } from '../../core/index.ts';
import { ApiError } from '../api/http.ts';
import { FORMS_HREF, formResultsHref } from '../app/route.ts';
import { useSession } from '../app/session.ts';
import { formatDateTime } from '../format.ts';
import { useNow } from '../hooks/useNow.ts';
import { currentLanguage } from '../i18n/index.ts';
import { DeadlineFact, FormDocuments, FormStatusBadge } from './FormBits.tsx';
import { formsApi, requestId } from './formsApi.ts';

export function FormAnswerScreen({ formId }: { formId: string }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const { user, transport } = useSession();
  const manager = user.globalRole === 'admin' || user.globalRole === 'secretary';
  const [form, setForm] = useState<FormSummary | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [choice, setChoice] = useState<FormChoice | null>(null);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  // the id of an answer not yet acknowledged: resending the same answer reuses it (applied once)
  const pending = useRef<{ key: string; id: string } | null>(null);
  const now = useNow(true, 30_000);

  // the fields start from the answer given (again when a newer one arrives, e.g. from another device)
  const shownAnswer = useRef<string | null>(null);
  const show = useCallback((next: FormSummary): void => {
    setForm(next);
    const given = next.myAnswer;
    if (given && given.answeredAt !== shownAnswer.current) {
      shownAnswer.current = given.answeredAt;
      setChoice(given.choice);
      setComment(given.comment);
    }
  }, []);

  useEffect(() => {
    let current = true;
    formsApi.get(formId).then(
      (res) => {
        if (!current) return;
        show(res.form);
        setLoadError(null);
      },
      (err: unknown) => {
        if (current) setLoadError(err instanceof ApiError ? err : null);
      },
    );
    return () => {
      current = false;
    };
  }, [formId, generation, show]);

  useEffect(
    () => transport.subscribe({ formsChanged: () => setGeneration((g) => g + 1) }),
    [transport],
  );

  if (loadError)
    return (
      <main className="page">
        <div className="error-box" role="alert">
          {t(`errors.${loadError.code}`)}
        </div>
      </main>
    );
  if (!form) return <p className="splash">{t('common.loading')}</p>;

  // the server judges the deadline: a late answer comes back CONFLICT and the form reloads closed
  const canAnswer = form.recipient && form.status === 'open';

  const submit = async (): Promise<void> => {
    if (!choice) return;
    if (choice === 'other' && !comment.trim()) return setError(t('forms.commentRequired'));
    const key = JSON.stringify([choice, comment.trim()]);
    if (pending.current?.key !== key) pending.current = { key, id: requestId() };
    setSending(true);
    setError(null);
    try {
      const res = await formsApi.answer(form.id, {
        requestId: pending.current.id,
        choice,
        comment: comment.trim(),
      });
      pending.current = null;
      show(res.form);
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'INTERNAL';
      setError(`${t('forms.failed')} ${t(`errors.${code}`)}`);
      if (code === 'CONFLICT') setGeneration((g) => g + 1);
    } finally {
      setSending(false);
    }
  };

  return (
    <main className="page form-page">
      <p>
        <a href={FORMS_HREF}>{t('forms.back')}</a>
      </p>
      <div className="forms-head">
        <h1 data-testid="form-title">{form.title}</h1>
        <FormStatusBadge status={form.status} />
      </div>
      <dl className="facts">
        <DeadlineFact deadline={form.deadline} status={form.status} nowMs={now} />
        {manager && (
          <div>
            <dt>{t('forms.results')}</dt>
            <dd>
              <a href={formResultsHref(form.id)}>
                {t('forms.progress', { answered: form.answeredCount, total: form.recipientCount })}
              </a>
            </dd>
          </div>
        )}
      </dl>
      <section className="panel">
        <h2>{t('forms.question')}</h2>
        <p className="form-question" data-testid="form-question">
          {form.question}
        </p>
        <h2>{t('forms.documents')}</h2>
        <FormDocuments formId={form.id} documents={form.documents} />
      </section>
      <section className="panel">
        <h2>{t('forms.yourAnswer')}</h2>
        {!form.recipient && <p className="muted">{t('forms.notRecipient')}</p>}
        {form.recipient && form.status === 'closed' && (
          <p className="muted" data-testid="form-closed">
            {t('forms.closedNote')}
          </p>
        )}
        {form.recipient && (
          <fieldset className="form-choices" disabled={!canAnswer || sending}>
            {FORM_CHOICES.map((c) => (
              <label key={c}>
                <input
                  type="radio"
                  name="choice"
                  value={c}
                  checked={choice === c}
                  onChange={() => setChoice(c)}
                  data-testid={`form-choice-${c}`}
                />
                {t(`forms.choice.${c}`)}
              </label>
            ))}
            <label className="form-field">
              {t('forms.comment')}
              <textarea
                value={comment}
                maxLength={5000}
                rows={4}
                onChange={(e) => setComment(e.target.value)}
                data-testid="form-comment"
              />
            </label>
            {canAnswer && (
              <button
                type="button"
                className="primary"
                disabled={!choice || sending}
                onClick={() => void submit()}
                data-testid="form-submit"
              >
                {sending
                  ? t('forms.sending')
                  : form.myAnswer
                    ? t('forms.change')
                    : t('forms.submit')}
              </button>
            )}
          </fieldset>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {form.myAnswer && (
          <p className="form-sent" data-testid="form-sent">
            {t('forms.sent', { at: formatDateTime(form.myAnswer.answeredAt, lang) })}
          </p>
        )}
      </section>
    </main>
  );
}

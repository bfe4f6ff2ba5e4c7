// The secretary sends a form: title, question, PDF documents, recipients (Vietnamese name order)
// and a deadline. The PDFs upload first; the form is created with one request id, so a resend
// after a lost answer does not make a second form.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDocument } from '../../core/index.ts';
import { ApiError } from '../api/http.ts';
import { FORMS_HREF, formHref } from '../app/route.ts';
import { compareNames } from '../format.ts';
import { formsApi, requestId, type PickableAccount } from './formsApi.ts';

/** `datetime-local` value for a local time: three days ahead at 17:00. */
function defaultDeadline(): string {
  const d = new Date(Date.now() + 3 * 86_400_000);
  d.setHours(17, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function FormCreateScreen() {
  const { t } = useTranslation();
  const [accounts, setAccounts] = useState<PickableAccount[]>([]);
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState('');
  const [deadline, setDeadline] = useState(defaultDeadline);
  const [documents, setDocuments] = useState<FormDocument[]>([]);
  const [uploading, setUploading] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const sendId = useRef(requestId());

  useEffect(() => {
    formsApi.accounts().then(
      (res) => setAccounts(res.accounts.filter((a) => a.active)),
      (err: unknown) => setError(t(`errors.${err instanceof ApiError ? err.code : 'INTERNAL'}`)),
    );
  }, [t]);

  const sorted = useMemo(
    () => [...accounts].sort((a, b) => compareNames(a.displayName, b.displayName)),
    [accounts],
  );
  const needle = filter.trim().toLocaleLowerCase('vi');
  const shown = needle
    ? sorted.filter((a) => a.displayName.toLocaleLowerCase('vi').includes(needle))
    : sorted;

  const explain = (err: unknown): string => {
    if (!(err instanceof ApiError)) return t('errors.INTERNAL');
    return `${t(`errors.${err.code}`)} ${err.message}`;
  };

  const addFiles = async (files: FileList | null): Promise<void> => {
    for (const file of Array.from(files ?? [])) {
      setUploading(file.name);
      try {
        const { document } = await formsApi.upload(file);
        setDocuments((docs) =>
          docs.some((d) => d.sha256 === document.sha256) ? docs : [...docs, document],
        );
      } catch (err) {
        setError(explain(err));
      }
    }
    setUploading(null);
  };

  const toggle = (id: string): void =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const send = async (): Promise<void> => {
    const when = new Date(deadline);
    if (!title.trim()) return setError(t('forms.needTitle'));
    if (!question.trim()) return setError(t('forms.needQuestion'));
    if (chosen.size === 0) return setError(t('forms.needRecipients'));
    if (Number.isNaN(when.getTime()) || when.getTime() <= Date.now())
      return setError(t('forms.needDeadline'));
    setSending(true);
    setError(null);
    try {
      const { form } = await formsApi.create({
        requestId: sendId.current,
        title: title.trim(),
        question: question.trim(),
        documents: documents.map(({ sha256, name }) => ({ sha256, name })),
        // in list order, so the results read in the same order
        recipients: sorted.filter((a) => chosen.has(a.id)).map((a) => a.id),
        deadline: when.toISOString(),
      });
      window.location.hash = formHref(form.id);
    } catch (err) {
      // a refused form is fixed and sent again as a new request
      if (err instanceof ApiError && err.code !== 'NETWORK') sendId.current = requestId();
      setError(explain(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <main className="page form-page">
      <p>
        <a href={FORMS_HREF}>{t('forms.back')}</a>
      </p>
      <h1>{t('forms.newTitle')}</h1>
      <section className="panel form-editor">
        <label className="form-field">
          {t('forms.fieldTitle')}
          <input
            value={title}
            maxLength={300}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="form-new-title"
          />
        </label>
        <label className="form-field">
          {t('forms.fieldQuestion')}
          <textarea
            value={question}
            rows={5}
            maxLength={5000}
            onChange={(e) => setQuestion(e.target.value)}
            data-testid="form-new-question"
          />
        </label>
        <label className="form-field">
          {t('forms.fieldDeadline')}
          <input
            type="datetime-local"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            data-testid="form-new-deadline"
          />
        </label>
        <div className="form-field">
          {t('forms.fieldDocuments')}
          <ul className="form-docs">
            {documents.map((d) => (
              <li key={d.sha256}>
                {d.name} <span className="muted">({t('forms.pages', { count: d.pages })})</span>{' '}
                <button
                  type="button"
                  className="ghost"
                  onClick={() => setDocuments((docs) => docs.filter((x) => x !== d))}
                >
                  {t('forms.remove')}
                </button>
              </li>
            ))}
          </ul>
          <label className="form-file-button">
            {t('forms.addDocuments')}
            <input
              type="file"
              accept="application/pdf,.pdf"
              multiple
              disabled={uploading !== null}
              onChange={(e) => {
                void addFiles(e.target.files);
                e.target.value = '';
              }}
              data-testid="form-new-files"
            />
          </label>
          {uploading && <p className="muted">{t('forms.uploading', { name: uploading })}</p>}
        </div>
        <fieldset className="form-recipients">
          <legend>
            {t('forms.fieldRecipients')} · {t('forms.selected', { count: chosen.size })}
          </legend>
          <div className="form-recipient-tools">
            <input
              type="search"
              placeholder={t('forms.filter')}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <button
              type="button"
              onClick={() => setChosen(new Set([...chosen, ...shown.map((a) => a.id)]))}
            >
              {t('forms.selectAll')}
            </button>
            <button type="button" onClick={() => setChosen(new Set())}>
              {t('forms.selectNone')}
            </button>
          </div>
          <ul className="form-recipient-list">
            {shown.map((a) => (
              <li key={a.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(a.id)}
                    onChange={() => toggle(a.id)}
                    data-testid="form-recipient"
                    data-username={a.username}
                  />
                  {a.displayName} <span className="muted">({a.username})</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button
          type="button"
          className="primary"
          disabled={sending || uploading !== null}
          onClick={() => void send()}
          data-testid="form-new-send"
        >
          {sending ? t('forms.sending') : t('forms.send')}
        </button>
      </section>
    </main>
  );
}

// The secretary's results: the tally (with shares) and each recipient's answer and comment, in
// Vietnamese name order; refreshed when an answer arrives.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FORM_CHOICES, type FormResults } from '../../core/index.ts';
import { ApiError } from '../api/http.ts';
import { formHref } from '../app/route.ts';
import { useSession } from '../app/session.ts';
import { compareNames, formatDateTime, formatNumber, formatPercent } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { FormDocuments, FormStatusBadge } from './FormBits.tsx';

import { formsApi } from './formsApi.ts';

export function FormResultsScreen({ formId }: { formId: string }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const { transport } = useSession();
  const [results, setResults] = useState<FormResults | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    formsApi.results(formId).then(
      (res) => {
        if (current) setResults(res.results);
      },
      (err: unknown) => {
        if (current) setError(err instanceof ApiError ? err : null);
      },
    );
    return () => {
      current = false;
    };
  }, [formId, generation]);

  useEffect(
    () => transport.subscribe({ formsChanged: () => setGeneration((g) => g + 1) }),
    [transport],
  );

  if (error)
    return (
      <main className="page">
        <div className="error-box" role="alert">
          {t(`errors.${error.code}`)}
        </div>
      </main>
    );
  if (!results) return <p className="splash">{t('common.loading')}</p>;
  const { form, tally } = results;
  const rows = [...results.answers].sort((a, b) => compareNames(a.name, b.name));

  return (
    <main className="page form-page">
      <p>
        <a href={formHref(form.id)}>‹ {form.title}</a>
      </p>
      <div className="forms-head">
        <h1>{t('forms.resultsTitle')}</h1>
        <FormStatusBadge status={form.status} />
      </div>
      <section className="panel">
        <h2 data-testid="form-title">{form.title}</h2>
        <p className="form-question">{form.question}</p>
        <p className="muted">
          {t('forms.deadline')}: {formatDateTime(form.deadline, lang)}
        </p>
        <FormDocuments formId={form.id} documents={form.documents} />
      </section>
      <section className="panel">
        <h2>{t('forms.tally')}</h2>
        <p className="muted">{t('forms.total', { count: tally.recipients })}</p>
        <table className="form-tally" data-testid="form-tally">
          <tbody>
            {[...FORM_CHOICES, 'unanswered' as const].map((c) => (
              <tr key={c} data-choice={c}>
                <th scope="row">
                  {c === 'unanswered' ? t('forms.unanswered') : t(`forms.choice.${c}`)}
                </th>
                <td className="form-tally-count">{formatNumber(tally[c], lang)}</td>
                <td className="form-tally-share">
                  {formatPercent(tally[c], tally.recipients, lang)}
                </td>
                <td className="form-tally-bar">
                  <span
                    className={`form-bar form-bar-${c}`}
                    style={{
                      width: `${tally.recipients ? (100 * tally[c]) / tally.recipients : 0}%`,
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel">
        <h2>{t('forms.answersTitle')}</h2>
        <table className="form-answers" data-testid="form-answers">
          <thead>
            <tr>
              <th>{t('forms.person')}</th>
              <th>{t('forms.answer')}</th>
              <th>{t('forms.comment')}</th>
              <th>{t('forms.answeredAt')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.userId}>
                <td>{a.name}</td>
                <td>{a.choice ? t(`forms.choice.${a.choice}`) : t('forms.notAnswered')}</td>
                <td className="form-comment">{a.comment || t('forms.noComment')}</td>
                <td>{a.answeredAt ? formatDateTime(a.answeredAt, lang) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}

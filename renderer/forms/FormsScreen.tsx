// "Opinion forms": a reminder for forms near their deadline that I have not answered, then every
// form I may see, newest first; secretaries also send new ones and read results from here.
import { useTranslation } from 'react-i18next';
import { formHref, formResultsHref, NEW_FORM_HREF } from '../app/route.ts';
import { useSession } from '../app/session.ts';
import { formatDateTime } from '../format.ts';
import { useNow } from '../hooks/useNow.ts';
import { currentLanguage } from '../i18n/index.ts';
import { DeadlineFact, FormStatusBadge, useLeftText } from './FormBits.tsx';
import { useForms } from './useForms.ts';

export function FormsScreen() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const { user } = useSession();
  const manager = user.globalRole === 'admin' || user.globalRole === 'secretary';
  const { state, reload } = useForms();
  const now = useNow(true, 30_000);
  const leftText = useLeftText();
  const serverNow = state.status === 'ready' ? now + state.clockOffsetMs : now;
  const due = state.status === 'ready' ? state.forms.filter((f) => f.remind) : [];

  return (
    <main className="page forms-page">
      <div className="forms-head">
        <h1>{t('forms.title')}</h1>
        {manager && (
          <a className="form-new-link" href={NEW_FORM_HREF} data-testid="new-form">
            {t('forms.create')}
          </a>
        )}
      </div>
      {due.length > 0 && (
        <div className="form-reminder" role="alert" data-testid="form-reminder">
          <strong>{t('forms.reminderTitle')}</strong>
          <ul>
            {due.map((f) => (
              <li key={f.id}>
                <a href={formHref(f.id)}>
                  {t('forms.reminderOne', {
                    title: f.title,
                    deadline: formatDateTime(f.deadline, lang),
                    left: leftText(f.deadline, serverNow),
                  })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {state.status === 'error' && (
        <div className="error-box" role="alert">
          <p>
            {t('forms.loadFailed')} {t(`errors.${state.error.code}`)}
          </p>
          <button type="button" onClick={reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && state.forms.length === 0 && (
        <p className="muted">{t('forms.empty')}</p>
      )}
      {state.status === 'ready' && state.forms.length > 0 && (
        <ul className="meeting-list">
          {state.forms.map((f) => (
            <li key={f.id} className="meeting-card form-card" data-testid="form-card">
              <div className="meeting-card-head">
                <a className="meeting-card-title" href={formHref(f.id)}>
                  {f.title}
                </a>
                <FormStatusBadge status={f.status} />
              </div>
              <dl className="facts">
                <DeadlineFact deadline={f.deadline} status={f.status} nowMs={serverNow} />
                {f.recipient && (
                  <div>
                    <dt>{t('forms.yourAnswer')}</dt>
                    <dd data-testid="form-my-answer">
                      {f.myAnswer ? t(`forms.choice.${f.myAnswer.choice}`) : t('forms.notAnswered')}
                    </dd>
                  </div>
                )}
                {manager && (
                  <div>
                    <dt>{t('forms.results')}</dt>
                    <dd>
                      <a href={formResultsHref(f.id)} data-testid="form-results-link">
                        {t('forms.progress', {
                          answered: f.answeredCount,
                          total: f.recipientCount,
                        })}
                      </a>
                    </dd>
                  </div>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

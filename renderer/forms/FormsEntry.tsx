// The way in from the meeting list: "Opinion forms", with how many wait for my answer and a
// reminder colour when one is near its deadline.
import { useTranslation } from 'react-i18next';
import { FORMS_HREF } from '../app/route.ts';
import { useForms } from './useForms.ts';

export function FormsEntry() {
  const { t } = useTranslation();
  const { state } = useForms();
  const forms = state.status === 'ready' ? state.forms : [];
  const waiting = forms.filter((f) => f.recipient && f.status === 'open' && !f.myAnswer).length;
  const remind = forms.some((f) => f.remind);
  return (
    <a
      className={`forms-entry${remind ? ' forms-entry-remind' : ''}`}
      href={FORMS_HREF}
      data-testid="forms-entry"
    >
      <span className="forms-entry-title">{t('forms.entry')}</span>
      <span className="muted">{t('forms.entryHint')}</span>
      {waiting > 0 && (
        <span className="badge forms-entry-count" data-testid="forms-waiting">
          {t('forms.entryPending', { count: waiting })}
        </span>
      )}
    </a>
  );
}

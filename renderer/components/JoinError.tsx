// A meeting that could not be opened (not a participant, no such meeting, still a draft): why,
// and a retry. Shown by every screen that opens a meeting.
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../core/index.ts';

export function JoinError({
  error,
  retry,
  title,
}: {
  error: AppError;
  retry: () => void;
  title?: string;
}) {
  const { t } = useTranslation();
  return (
    <main className="page">
      <div className="error-box" role="alert" data-testid="join-error">
        {title && <h1>{title}</h1>}
        <p>
          {t(`errors.${error.code}`)} <span className="muted">{error.message}</span>
        </p>
        <button type="button" onClick={retry}>
          {t('common.retry')}
        </button>
      </div>
    </main>
  );
}

// Small pieces the form screens share: the time left, the status badge, the documents list.
import { useTranslation } from 'react-i18next';
import type { FormDocument, FormStatus } from '../../core/index.ts';
import { formDocumentHref } from '../app/route.ts';
import { formatDateTime } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { timeLeft } from './timeLeft.ts';

/** "còn 1 ngày 3 giờ", "còn 2 giờ 5 phút", "còn 7 phút" or "đã hết hạn". */
export function useLeftText(): (deadline: string, nowMs: number) => string {
  const { t } = useTranslation();
  return (deadline, nowMs) => {
    const left = timeLeft(deadline, nowMs);
    if (!left) return t('forms.ended');
    if (left.days > 0) return t('forms.left', { ...left });
    if (left.hours > 0) return t('forms.leftHours', { ...left });
    return t('forms.leftMinutes', { ...left });
  };
}

/** The deadline as a fact of a form (a `<dl className="facts">` row), with the time left while open. */
export function DeadlineFact({
  deadline,
  status,
  nowMs,
}: {
  deadline: string;
  status: FormStatus;
  nowMs: number;
}) {
  const { t, i18n } = useTranslation();
  const leftText = useLeftText();
  return (
    <div>
      <dt>{t('forms.deadline')}</dt>
      <dd>
        {formatDateTime(deadline, currentLanguage(i18n.language))}
        {status === 'open' && <span className="muted"> · {leftText(deadline, nowMs)}</span>}
      </dd>
    </div>
  );
}

export function FormStatusBadge({ status }: { status: FormStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge form-status-${status}`} data-testid="form-status">
      {t(`forms.status.${status}`)}
    </span>
  );
}

export function FormDocuments({
  formId,
  documents,
}: {
  formId: string;
  documents: FormDocument[];
}) {
  const { t } = useTranslation();
  if (documents.length === 0) return <p className="muted">{t('forms.noDocuments')}</p>;
  return (
    <ul className="form-docs">
      {documents.map((d) => (
        <li key={d.sha256}>
          <a href={formDocumentHref(formId, d.sha256)} data-testid="form-document">
            {d.name}
          </a>{' '}
          <span className="muted">({t('forms.pages', { count: d.pages })})</span>
        </li>
      ))}
    </ul>
  );
}

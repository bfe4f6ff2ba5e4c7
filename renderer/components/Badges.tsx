// Small status pills: the meeting's status and the connection's.
import { useTranslation } from 'react-i18next';
import type { MeetingStatus } from '../../core/index.ts';
import type { SyncStatus } from '../sync/meetingSync.ts';

export function StatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge status-${status}`} data-testid="meeting-status" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

export function ConnectionPill({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  return (
    <span
      className={`pill conn-${status}`}
      data-testid="connection-status"
      data-status={status}
      role="status"
      aria-live="polite"
    >
      <span className="dot" aria-hidden="true" />
      {t(`connection.${status}`)}
    </span>
  );
}

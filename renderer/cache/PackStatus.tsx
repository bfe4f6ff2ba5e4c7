// One line under the meeting's title, in the desktop app only: how much of the meeting's pack is
// on this device, or that the device is locked after too long offline.
import { useTranslation } from 'react-i18next';
import type { MeetingState } from '../../core/index.ts';
import { platform } from '../platform.ts';
import { useMeetingPack } from './usePack.ts';

interface Props {
  meeting: MeetingState;
  userId: string;
  online: boolean;
}

export function PackStatus(props: Props) {
  // the browser keeps no packs: nothing to show, and no hook to run
  if (!platform.documents) return null;
  return <PackLine {...props} />;
}

function PackLine({ meeting, userId, online }: Props) {
  const { t } = useTranslation();
  const { progress, lockAfterDays } = useMeetingPack(meeting, userId, online);
  if (!progress || progress.total === 0) return null;
  if (progress.locked)
    return (
      <p className="pack-status locked" role="alert" data-testid="pack-status">
        {t('pack.locked', { days: lockAfterDays ?? '?' })}
      </p>
    );
  const { done, total } = progress;
  return (
    <p className="pack-status" data-testid="pack-status" aria-live="polite">
      {progress.running && <progress value={done} max={total} />}
      <span>
        {progress.running
          ? t('pack.saving', { done, total })
          : done === total
            ? t('pack.saved', { count: total })
            : t('pack.partial', { done, total })}
      </span>
    </p>
  );
}

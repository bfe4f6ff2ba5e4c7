// One line under the meeting's title: how much of the meeting's pack is on this device (a
// progress bar while it downloads), or that the device is locked after too long offline.
// PackKeeper, mounted by the app for the meeting in the address, does the downloading.
import { useTranslation } from 'react-i18next';
import type { MeetingState } from '../../core/index.ts';
import { platform } from '../platform.ts';
import { useKeepPack, usePackView } from './usePack.ts';

interface Props {
  meeting: MeetingState;
  userId: string;
  online: boolean;
}

/** Downloads the meeting's pack in the background; renders nothing. */
export function PackKeeper(props: Props) {
  // where no pack can be kept (plain http on a LAN), there is nothing to run
  if (!platform.documents) return null;
  return <Keeper {...props} />;
}

function Keeper({ meeting, userId, online }: Props) {
  useKeepPack(meeting, userId, online);
  return null;
}

export function PackStatus({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const { progress, lockAfterDays } = usePackView(meetingId);
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
      {progress.running && (
        <progress
          value={progress.bytesDone}
          max={Math.max(progress.bytesTotal, 1)}
          aria-label={t('pack.saving', { done, total })}
        />
      )}
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

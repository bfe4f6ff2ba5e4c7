// The speaking timer, counting down from the limit and turning red when the time is over.
import { useTranslation } from 'react-i18next';
import { formatClock } from '../format.ts';
import { useNow } from '../hooks/useNow.ts';
import { remainingSeconds, shownSeconds } from '../speaking.ts';

interface Props {
  startedAt: string;
  limitSec: number;
  /** Server clock minus this device's clock, so every screen shows the same time. */
  clockOffsetMs: number;
  large?: boolean;
}

export function SpeakerTimer({ startedAt, limitSec, clockOffsetMs, large = false }: Props) {
  const { t } = useTranslation();
  const now = useNow(true);
  const left = shownSeconds(remainingSeconds(startedAt, limitSec, now + clockOffsetMs));
  const over = left < 0;
  const clock = formatClock(left);
  return (
    <span
      className={`timer${over ? ' over' : ''}${large ? ' large' : ''}`}
      role="timer"
      aria-label={over ? t('speakers.timerOver', { clock }) : t('speakers.timerLeft', { clock })}
      data-testid="speaker-timer"
      data-remaining={left}
      data-over={over ? 'true' : 'false'}
    >
      {clock}
    </span>
  );
}

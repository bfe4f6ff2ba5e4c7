// What the chair, secretary or an administrator uses to run the meeting.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { neighbourItem, type ClientCommand, type MeetingState } from '../../core/index.ts';
import { ProjectorLink } from './ProjectorLink.tsx';

interface Props {
  meeting: MeetingState;
  run: (command: ClientCommand) => void;
}

export function ChairControls({ meeting, run }: Props) {
  const { t } = useTranslation();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const { status, agenda, currentItemId } = meeting;
  const closed = status === 'closed';
  const prev = currentItemId === null ? null : neighbourItem(agenda, currentItemId, -1);
  const next = neighbourItem(agenda, currentItemId, 1);
  const setStatus = (to: MeetingState['status']): void =>
    run({ type: 'meeting.setStatus', payload: { status: to } });
  const setCurrent = (itemId: string | null): void => {
    if (itemId !== null) run({ type: 'agenda.setCurrent', payload: { itemId } });
  };

  return (
    <section
      className="panel controls"
      aria-label={t('meeting.controls')}
      data-testid="chair-controls"
    >
      <div className="control-group">
        {status === 'scheduled' && (
          <button type="button" className="primary" onClick={() => setStatus('in_progress')}>
            {t('meeting.start')}
          </button>
        )}
        {status === 'in_progress' && (
          <button type="button" onClick={() => setStatus('paused')}>
            {t('meeting.pause')}
          </button>
        )}
        {status === 'paused' && (
          <button type="button" className="primary" onClick={() => setStatus('in_progress')}>
            {t('meeting.resume')}
          </button>
        )}
        {!closed && !confirmEnd && (
          <button type="button" className="danger" onClick={() => setConfirmEnd(true)}>
            {t('meeting.end')}
          </button>
        )}
        {confirmEnd && (
          <span className="confirm" role="alertdialog" aria-label={t('meeting.end')}>
            <span>{t('meeting.endConfirm')}</span>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirmEnd(false);
                setStatus('closed');
              }}
            >
              {t('common.confirm')}
            </button>
            <button type="button" onClick={() => setConfirmEnd(false)}>
              {t('common.cancel')}
            </button>
          </span>
        )}
      </div>
      <div className="control-group">
        <button type="button" disabled={closed || prev === null} onClick={() => setCurrent(prev)}>
          ‹ {t('meeting.previous')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={closed || next === null}
          onClick={() => setCurrent(next)}
        >
          {t('meeting.next')} ›
        </button>
      </div>
      <div className="control-group">
        <ProjectorLink meetingId={meeting.id} />
      </div>
    </section>
  );
}

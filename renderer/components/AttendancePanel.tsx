// Participants in Vietnamese name order, their attendance, and the quorum.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  quorumStatus,
  type AttendanceStatus,
  type MeetingState,
  type Participant,
} from '../../core/index.ts';
import { compareNames } from '../format.ts';

interface Props {
  meeting: MeetingState;
  selfId: string;
  /** May set anyone's attendance (chair, secretary, admin). */
  canManage: boolean;
  setAttendance: (userId: string, status: AttendanceStatus, reason: string) => void;
}

export function AttendancePanel({ meeting, selfId, canManage, setAttendance }: Props) {
  const { t } = useTranslation();
  const quorum = quorumStatus(meeting);
  const people = Object.values(meeting.participants).sort((a, b) =>
    compareNames(a.displayName, b.displayName),
  );
  return (
    <section className="panel attendance" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">{t('attendance.title')}</h2>
      <div
        className={quorum.met ? 'quorum met' : 'quorum'}
        data-testid="quorum"
        data-attending={quorum.attending}
        data-required={quorum.required}
        data-met={quorum.met ? 'true' : 'false'}
      >
        <div>
          <div className="quorum-label">{t('attendance.quorum')}</div>
          <div className="quorum-value">
            {quorum.attending} / {quorum.required}
          </div>
          <div className="quorum-detail">
            {t('attendance.quorumDetail', { required: quorum.required, members: quorum.members })}
          </div>
        </div>
        <span className="badge">
          {quorum.met ? t('attendance.quorumMet') : t('attendance.quorumNotMet')}
        </span>
      </div>
      <ul className="people">
        {people.map((p) => (
          <Person
            key={p.userId}
            person={p}
            meeting={meeting}
            isSelf={p.userId === selfId}
            canManage={canManage}
            setAttendance={setAttendance}
          />
        ))}
      </ul>
    </section>
  );
}

function Person({
  person,
  meeting,
  isSelf,
  canManage,
  setAttendance,
}: Omit<Props, 'selfId'> & { person: Participant; isSelf: boolean }) {
  const { t } = useTranslation();
  const [askReason, setAskReason] = useState(false);
  const [reason, setReason] = useState('');
  const record = meeting.attendance[person.userId];
  const status = record?.status ?? 'none';
  const open = meeting.status !== 'closed';
  const selfCheckIn =
    !canManage && isSelf && meeting.selfCheckIn && person.role !== 'observer' && open;
  const set = (to: AttendanceStatus, why = ''): void => setAttendance(person.userId, to, why);

  return (
    <li className="person" data-testid="participant" data-user-id={person.userId}>
      <div className="person-main">
        <div>
          <div className="person-name">
            {person.displayName}
            {isSelf && <span className="muted"> ({t('common.you')})</span>}
          </div>
          <div className="person-role">{t(`role.${person.role}`)}</div>
        </div>
        <span className={`chip att-${status}`} data-testid="attendance-status" data-status={status}>
          {t(`attendance.${status}`)}
        </span>
      </div>
      {record?.status === 'absent' && record.reason && (
        <div className="person-reason">
          {t('attendance.reasonShown', { reason: record.reason })}
        </div>
      )}
      {canManage && open && !askReason && (
        <div
          className="segmented"
          role="group"
          aria-label={t('attendance.setFor', { name: person.displayName })}
        >
          {(['present', 'online'] as const).map((to) => (
            <button
              key={to}
              type="button"
              data-action={to}
              aria-pressed={status === to}
              onClick={() => set(to)}
            >
              {t(`attendance.${to}`)}
            </button>
          ))}
          <button
            type="button"
            data-action="absent"
            aria-pressed={status === 'absent'}
            onClick={() => setAskReason(true)}
          >
            {t('attendance.absent')}
          </button>
        </div>
      )}
      {askReason && (
        <form
          className="reason-form"
          onSubmit={(e) => {
            e.preventDefault();
            set('absent', reason.trim());
            setAskReason(false);
            setReason('');
          }}
        >
          <label>
            <span>{t('attendance.reason')}</span>
            <input
              value={reason}
              maxLength={500}
              placeholder={t('attendance.reasonPlaceholder')}
              onChange={(e) => setReason(e.target.value)}
              autoFocus
            />
          </label>
          <button type="submit" className="primary">
            {t('common.confirm')}
          </button>
          <button type="button" onClick={() => setAskReason(false)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
      {selfCheckIn && status !== 'present' && status !== 'online' && (
        <div className="segmented">
          <button
            type="button"
            className="primary"
            data-action="check-in"
            onClick={() => set('present')}
          >
            {t('attendance.checkIn')}
          </button>
          <button type="button" data-action="check-in-online" onClick={() => set('online')}>
            {t('attendance.checkInOnline')}
          </button>
        </div>
      )}
    </li>
  );
}

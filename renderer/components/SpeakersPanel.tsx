// The speakers list: who has the floor with the timer, the queue (reordered by the chair), the
// delegate's own registration, and the history kept for the minutes.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  flattenAgenda,
  type ClientCommand,
  type MeetingState,
  type Role,
  type SpeakerEntry,
  type SpeakerKind,
} from '../../core/index.ts';
import { formatClock } from '../format.ts';
import { currentLanguage, LOCALES } from '../i18n/index.ts';
import { SpeakerTimer } from './SpeakerTimer.tsx';

interface Props {
  meeting: MeetingState;
  selfId: string;
  role: Role | null;
  canRun: boolean;
  clockOffsetMs: number;
  run: (command: ClientCommand) => void;
}

export function SpeakersPanel({ meeting, selfId, role, canRun, clockOffsetMs, run }: Props) {
  const { t } = useTranslation();
  const { speakers } = meeting;
  const { current, queue } = speakers;
  const send = (command: ClientCommand): void => run(command);
  const name = (userId: string): string => meeting.participants[userId]?.displayName ?? userId;
  const open = meeting.status !== 'closed';

  return (
    <section className="panel speakers" aria-labelledby="speakers-heading" data-testid="speakers">
      <h2 id="speakers-heading">{t('speakers.title')}</h2>
      {current ? (
        <div
          className="current-speaker"
          data-testid="current-speaker"
          data-user-id={current.userId}
          data-entry-id={current.id}
        >
          <div>
            <div className="speaker-label">{t('speakers.onTheFloor')}</div>
            <div className="speaker-name">{name(current.userId)}</div>
            <div className="speaker-kind">
              <KindLabel kind={current.kind} addressedTo={current.addressedTo} />
            </div>
          </div>
          <div className="speaker-side">
            <SpeakerTimer
              startedAt={current.startedAt}
              limitSec={current.limitSec}
              clockOffsetMs={clockOffsetMs}
            />
            {(canRun || current.userId === selfId) && open && (
              <button
                type="button"
                data-testid="end-speech"
                onClick={() => send({ type: 'speaker.endSpeech', payload: {} })}
              >
                {t('speakers.endSpeech')}
              </button>
            )}
          </div>
        </div>
      ) : (
        <p className="muted" data-testid="no-speaker">
          {t('speakers.nobody')}
        </p>
      )}

      <h3 className="sub-heading">
        {t('speakers.queue')} <span className="count">{queue.length}</span>
      </h3>
      {queue.length === 0 ? (
        <p className="muted">{t('speakers.queueEmpty')}</p>
      ) : (
        <Queue
          meeting={meeting}
          queue={queue}
          selfId={selfId}
          canRun={canRun && open}
          name={name}
          send={send}
        />
      )}
      {open && (role === 'delegate' || role === 'chair') && (
        <Register meeting={meeting} selfId={selfId} queue={queue} send={send} />
      )}
      <History meeting={meeting} name={name} />
    </section>
  );
}

function KindLabel({ kind, addressedTo }: { kind: SpeakerKind; addressedTo: string }) {
  const { t } = useTranslation();
  if (kind === 'speech') return <>{t('speakers.kind.speech')}</>;
  return (
    <>
      {addressedTo
        ? t('speakers.interpellationTo', { name: addressedTo })
        : t('speakers.kind.interpellation')}
    </>
  );
}

interface QueueProps {
  meeting: MeetingState;
  queue: SpeakerEntry[];
  selfId: string;
  canRun: boolean;
  name: (userId: string) => string;
  send: (command: ClientCommand) => void;
}

function Queue({ meeting, queue, selfId, canRun, name, send }: QueueProps) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLOListElement>(null);
  // after a move the row is re-rendered elsewhere: keep the keyboard focus on its button
  const [refocus, setRefocus] = useState<{ id: string; action: string } | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const numbers = new Map(flattenAgenda(meeting.agenda).map((e) => [e.item.id, e.number]));
  const ids = queue.map((e) => e.id);

  useEffect(() => {
    if (!refocus || !listRef.current) return;
    const row = listRef.current.querySelector(`[data-entry-id="${refocus.id}"]`);
    const button =
      row?.querySelector<HTMLButtonElement>(`[data-action="${refocus.action}"]:not(:disabled)`) ??
      row?.querySelector<HTMLButtonElement>('[data-action]:not(:disabled)');
    button?.focus();
  }, [refocus, queue]);

  const reorder = (entryIds: string[]): void =>
    send({ type: 'speaker.reorder', payload: { entryIds } });
  const move = (index: number, step: -1 | 1, action: string): void => {
    const next = [...ids];
    const [entry] = next.splice(index, 1);
    if (entry === undefined) return;
    next.splice(index + step, 0, entry);
    setRefocus({ id: entry, action });
    reorder(next);
  };
  const drop = (e: DragEvent, targetId: string): void => {
    e.preventDefault();
    const from = dragging;
    setDragging(null);
    if (!from || from === targetId) return;
    const next = ids.filter((id) => id !== from);
    next.splice(
      next.indexOf(targetId) + (ids.indexOf(from) < ids.indexOf(targetId) ? 1 : 0),
      0,
      from,
    );
    reorder(next);
  };

  return (
    <ol className="speaker-queue" data-testid="speaker-queue" ref={listRef}>
      {queue.map((entry, i) => {
        const other = entry.itemId !== meeting.currentItemId;
        const who = name(entry.userId);
        return (
          <li
            key={entry.id}
            className={`speaker-entry${dragging === entry.id ? ' dragging' : ''}`}
            data-testid="speaker-entry"
            data-entry-id={entry.id}
            data-user-id={entry.userId}
            data-kind={entry.kind}
            draggable={canRun}
            onDragStart={canRun ? () => setDragging(entry.id) : undefined}
            onDragEnd={canRun ? () => setDragging(null) : undefined}
            onDragOver={canRun ? (e) => e.preventDefault() : undefined}
            onDrop={canRun ? (e) => drop(e, entry.id) : undefined}
          >
            <span className="speaker-pos">{i + 1}</span>
            <div className="speaker-who">
              <span className="speaker-entry-name">
                {who}
                {entry.userId === selfId && <span className="muted"> ({t('common.you')})</span>}
              </span>
              <span className="speaker-kind">
                <KindLabel kind={entry.kind} addressedTo={entry.addressedTo} />
                {other && (
                  <span className="muted">
                    {' · '}
                    {t('speakers.onItem', { number: numbers.get(entry.itemId) ?? '?' })}
                  </span>
                )}
              </span>
            </div>
            <div className="speaker-actions">
              {canRun && (
                <>
                  <button
                    type="button"
                    className="icon"
                    data-action="up"
                    disabled={i === 0}
                    aria-label={t('speakers.moveUp', { name: who })}
                    title={t('speakers.moveUp', { name: who })}
                    onClick={() => move(i, -1, 'up')}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon"
                    data-action="down"
                    disabled={i === queue.length - 1}
                    aria-label={t('speakers.moveDown', { name: who })}
                    title={t('speakers.moveDown', { name: who })}
                    onClick={() => move(i, 1, 'down')}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="primary"
                    data-action="give-floor"
                    onClick={() =>
                      send({ type: 'speaker.giveFloor', payload: { entryId: entry.id } })
                    }
                  >
                    {t('speakers.giveFloor')}
                  </button>
                </>
              )}
              {(canRun || entry.userId === selfId) && (
                <button
                  type="button"
                  data-action="withdraw"
                  aria-label={
                    entry.userId === selfId
                      ? t('speakers.withdraw')
                      : t('speakers.remove', { name: who })
                  }
                  onClick={() => send({ type: 'speaker.withdraw', payload: { entryId: entry.id } })}
                >
                  {entry.userId === selfId ? t('speakers.withdraw') : t('speakers.removeShort')}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function Register({
  meeting,
  selfId,
  queue,
  send,
}: {
  meeting: MeetingState;
  selfId: string;
  queue: SpeakerEntry[];
  send: (command: ClientCommand) => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [addressedTo, setAddressedTo] = useState('');
  const itemId = meeting.currentItemId;
  if (itemId === null) return <p className="muted">{t('speakers.noItem')}</p>;
  const mine = queue.find((e) => e.userId === selfId && e.itemId === itemId);
  if (mine) {
    return (
      <p className="speaker-mine" data-testid="my-registration">
        {t('speakers.registered', { position: queue.indexOf(mine) + 1 })}
      </p>
    );
  }
  const register = (kind: SpeakerKind, to = ''): void =>
    send({ type: 'speaker.register', payload: { kind, addressedTo: to } });
  if (asking) {
    return (
      <form
        className="inline-form"
        data-testid="interpellation-form"
        onSubmit={(e) => {
          e.preventDefault();
          register('interpellation', addressedTo.trim());
          setAsking(false);
          setAddressedTo('');
        }}
      >
        <label>
          <span>{t('speakers.addressedTo')}</span>
          <input
            name="addressedTo"
            value={addressedTo}
            maxLength={200}
            placeholder={t('speakers.addressedToPlaceholder')}
            onChange={(e) => setAddressedTo(e.target.value)}
            autoFocus
          />
        </label>
        <button type="submit" className="primary" disabled={!addressedTo.trim()}>
          {t('speakers.registerInterpellation')}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </form>
    );
  }
  return (
    <div className="control-group register">
      <button
        type="button"
        className="primary"
        data-testid="register-speech"
        onClick={() => register('speech')}
      >
        {t('speakers.registerSpeech')}
      </button>
      <button type="button" data-testid="register-interpellation" onClick={() => setAsking(true)}>
        {t('speakers.registerInterpellation')}
      </button>
    </div>
  );
}

function History({ meeting, name }: { meeting: MeetingState; name: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const { history } = meeting.speakers;
  if (history.length === 0) return null;
  const numbers = new Map(flattenAgenda(meeting.agenda).map((e) => [e.item.id, e.number]));
  const timeFormat = new Intl.DateTimeFormat(LOCALES[currentLanguage(i18n.language)], {
    timeStyle: 'short',
  });
  const time = (iso: string): string => timeFormat.format(new Date(iso));
  return (
    <details className="speaker-history" data-testid="speaker-history">
      <summary>{t('speakers.history', { count: history.length })}</summary>
      <ol>
        {history.map((h) => (
          <li key={`${h.id}-${h.startedAt}`} data-testid="history-entry" data-user-id={h.userId}>
            <span className="agenda-number">{numbers.get(h.itemId) ?? '–'}</span>
            <span className="speaker-entry-name">{name(h.userId)}</span>
            <span className="muted">
              <KindLabel kind={h.kind} addressedTo={h.addressedTo} /> · {time(h.startedAt)} ·{' '}
              {formatClock((Date.parse(h.endedAt) - Date.parse(h.startedAt)) / 1000)}
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}

// One vote: its settings, the chair's open/close, the running tally, ballots, and the result.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isAttending,
  quorumStatus,
  type ClientCommand,
  type CommandAck,
  type MeetingState,
  type Vote,
} from '../../core/index.ts';
import { formatDateTime, formatNumber } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { rememberedChoices } from '../sync/ballotBox.ts';
import type { VoteLive } from '../sync/voteFeed.ts';
import { ballotPrincipals } from '../voteView.ts';
import { Ballot } from './Ballot.tsx';
import { ResultChart, VoteResultView } from './ResultChart.tsx';
import { useToast } from './Toasts.tsx';
import { choiceLabels } from './voteText.ts';

interface Props {
  meeting: MeetingState;
  vote: Vote;
  live: VoteLive | undefined;
  selfId: string;
  isVoter: boolean;
  canRun: boolean;
  send: (command: ClientCommand) => Promise<CommandAck>;
  refresh: (voteId: string) => void;
}

export function VoteCard({ meeting, vote, live, selfId, isVoter, canRun, send, refresh }: Props) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const toast = useToast();
  const [openError, setOpenError] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const name = (userId: string): string => meeting.participants[userId]?.displayName ?? userId;

  const open = async (): Promise<void> => {
    setOpenError(null);
    const ack = await send({ type: 'vote.open', payload: { voteId: vote.id } });
    if (ack.ok) return;
    if (ack.error.code !== 'CONFLICT') return toast(ack.error);
    // say why in the reader's language from the numbers we have; the server's words as detail
    const q = quorumStatus(meeting);
    const why = q.met
      ? t('errors.CONFLICT')
      : t('votes.quorumFails', {
          attending: formatNumber(q.attending, lang),
          required: formatNumber(q.required, lang),
          members: formatNumber(q.members, lang),
        });
    setOpenError(`${why} (${ack.error.message})`);
  };
  const close = (): void => {
    setConfirmClose(false);
    void send({ type: 'vote.close', payload: { voteId: vote.id } }).then((ack) => {
      if (!ack.ok) toast(ack.error);
    });
  };

  return (
    <article
      className={`vote-card vote-card-${vote.status}`}
      data-testid="vote"
      data-vote-id={vote.id}
      data-status={vote.status}
      aria-labelledby={`vote-${vote.id}-title`}
    >
      <header className="vote-head">
        <h3 id={`vote-${vote.id}-title`} className="vote-title">
          {vote.title}
        </h3>
        <span className={`chip vote-status-${vote.status}`}>
          {t(`votes.status.${vote.status}`)}
        </span>
      </header>
      <p className="vote-settings">
        <span>{t(`votes.kind.${vote.kind}`)}</span>
        <span>{t(`votes.rule.${vote.rule}`)}</span>
        <span>{t(`votes.visibility.${vote.visibility}`)}</span>
        {!vote.allowChange && <span>{t('votes.noChange')}</span>}
        {vote.deadline && (
          <span>{t('votes.deadline', { time: formatDateTime(vote.deadline, lang) })}</span>
        )}
      </p>

      {vote.status === 'draft' && canRun && (
        <div className="control-group">
          <button
            type="button"
            className="primary"
            data-testid="open-vote"
            onClick={() => void open()}
          >
            {t('votes.open')}
          </button>
        </div>
      )}
      {openError && (
        <p className="form-error" role="alert" data-testid="vote-open-error">
          {openError}
        </p>
      )}
      {vote.status === 'draft' && !canRun && <p className="muted">{t('votes.notOpenYet')}</p>}

      {vote.status === 'open' && (
        <OpenVote
          meeting={meeting}
          vote={vote}
          live={live}
          selfId={selfId}
          isVoter={isVoter}
          name={name}
          send={send}
          refresh={refresh}
        />
      )}
      {vote.status === 'open' && canRun && (
        <div className="control-group">
          {confirmClose ? (
            <span className="confirm" role="alertdialog" aria-label={t('votes.close')}>
              <span>{t('votes.closeConfirm')}</span>
              <button
                type="button"
                className="danger"
                data-testid="confirm-close-vote"
                onClick={close}
              >
                {t('common.confirm')}
              </button>
              <button type="button" onClick={() => setConfirmClose(false)}>
                {t('common.cancel')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="danger"
              data-testid="close-vote"
              onClick={() => setConfirmClose(true)}
            >
              {t('votes.close')}
            </button>
          )}
        </div>
      )}

      {vote.status === 'closed' && vote.result && (
        <>
          <VoteResultView vote={vote} result={vote.result} />
          <MyChoices meetingId={meeting.id} vote={vote} selfId={selfId} />
          {vote.kind === 'named' && vote.result.ballots && vote.result.ballots.length > 0 && (
            <details className="named-ballots" data-testid="named-ballots">
              <summary>{t('votes.namedList', { count: vote.result.ballots.length })}</summary>
              <ul>
                {vote.result.ballots.map((b) => (
                  <li key={b.voterId}>
                    <strong>{name(b.voterId)}</strong>: {choiceLabels(t, vote, b.choices)}
                    {b.castBy !== b.voterId && (
                      <span className="muted"> {t('votes.castBy', { name: name(b.castBy) })}</span>
                    )}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </article>
  );
}

function OpenVote({
  meeting,
  vote,
  live,
  selfId,
  isVoter,
  name,
  send,
  refresh,
}: Omit<Props, 'canRun'> & { name: (userId: string) => string }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const { proxies } = meeting;
  const attending = isAttending(meeting, selfId);
  const mine = live?.mine ?? null;
  const principals = ballotPrincipals(meeting, selfId, mine);
  // the holder casts every ballot they hold only while attending themselves
  const ballots = attending ? principals : [];
  return (
    <>
      {live && (
        <div
          className="vote-progress"
          data-testid="vote-progress"
          data-cast={live.cast}
          data-eligible={live.eligible}
        >
          <span>
            {t('votes.progress', {
              cast: formatNumber(live.cast, lang),
              eligible: formatNumber(live.eligible, lang),
            })}
          </span>
          <span
            className="meter"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={live.eligible}
            aria-valuenow={live.cast}
            aria-label={t('votes.progressLabel')}
          >
            <span style={{ width: `${live.eligible ? (live.cast / live.eligible) * 100 : 0}%` }} />
          </span>
        </div>
      )}
      {live?.counts && (
        <div className="live-result" data-testid="live-result">
          <p className="sub-heading">{t('votes.liveResult')}</p>
          <ResultChart vote={vote} counts={live.counts} base={live.cast} threshold={null} />
        </div>
      )}
      {isVoter && proxies[selfId] !== undefined && (
        <p className="muted">{t('votes.proxyGiven', { name: name(proxies[selfId]) })}</p>
      )}
      {isVoter && !attending && principals.length > 0 && (
        <p className="hint">{t('votes.checkInFirst')}</p>
      )}
      {ballots.length > 0 && (
        <div className="ballots">
          {ballots.map((p) => (
            <Ballot
              key={p}
              meetingId={meeting.id}
              vote={vote}
              principal={p}
              principalName={name(p)}
              onBehalf={p !== selfId}
              mine={mine?.find((m) => m.principal === p)}
              send={send}
              onRecorded={() => refresh(vote.id)}
            />
          ))}
        </div>
      )}
    </>
  );
}

/** After a secret vote the server cannot say what I chose; this device remembers it. */
function MyChoices({ meetingId, vote, selfId }: { meetingId: string; vote: Vote; selfId: string }) {
  const { t } = useTranslation();
  const choices = rememberedChoices(meetingId, vote.id, selfId);
  if (!choices || choices.length === 0) return null;
  return (
    <p className="muted" data-testid="my-choice" data-choices={choices.join(',')}>
      {t('votes.yourChoice', { choice: choiceLabels(t, vote, choices) })}
    </p>
  );
}

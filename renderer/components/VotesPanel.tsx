// The meeting's votes: open and draft ones first, then the results on the current item, older
// results folded away; the chair's "new vote" form.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientCommand, CommandAck, MeetingState, Vote } from '../../core/index.ts';
import type { VoteLive } from '../sync/voteFeed.ts';
import { sortVotes } from '../voteView.ts';
import { VoteCard } from './VoteCard.tsx';
import { VoteForm } from './VoteForm.tsx';

interface Props {
  meeting: MeetingState;
  selfId: string;
  isVoter: boolean;
  canRun: boolean;
  live: Readonly<Record<string, VoteLive>>;
  refresh: (voteId: string) => void;
  send: (command: ClientCommand) => Promise<CommandAck>;
}

export function VotesPanel(props: Props) {
  const { meeting, canRun, send } = props;
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const votes = sortVotes(Object.values(meeting.votes));
  const recent = votes.filter((v) => v.status !== 'closed' || v.itemId === meeting.currentItemId);
  const older = votes.filter((v) => !recent.includes(v));
  const card = (vote: Vote) => (
    <VoteCard
      key={vote.id}
      meeting={meeting}
      vote={vote}
      live={props.live[vote.id]}
      selfId={props.selfId}
      isVoter={props.isVoter}
      canRun={canRun}
      send={send}
      refresh={props.refresh}
    />
  );

  return (
    <section className="panel votes" aria-labelledby="votes-heading" data-testid="votes-panel">
      <div className="panel-head">
        <h2 id="votes-heading">{t('votes.title')}</h2>
        {canRun && !creating && meeting.status !== 'closed' && (
          <button type="button" data-testid="new-vote" onClick={() => setCreating(true)}>
            + {t('votes.new')}
          </button>
        )}
      </div>
      {creating && <VoteForm meeting={meeting} send={send} onDone={() => setCreating(false)} />}
      {votes.length === 0 && !creating && <p className="muted">{t('votes.none')}</p>}
      <div className="vote-list">{recent.map(card)}</div>
      {older.length > 0 && (
        <details className="older-votes">
          <summary>{t('votes.older', { count: older.length })}</summary>
          <div className="vote-list">{older.map(card)}</div>
        </details>
      )}
    </section>
  );
}

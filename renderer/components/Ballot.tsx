// One ballot: the delegate's own, or one cast on behalf of a principal whose proxy they hold.
// "Recorded" is shown only once the server's ack says the ballot is on disk.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientCommand, CommandAck, MyBallot, Vote } from '../../core/index.ts';
import { ballotToken, rememberChoices, rememberedChoices } from '../sync/ballotBox.ts';
import { useToast } from './Toasts.tsx';
import { choiceLabels, optionLabel } from './voteText.ts';

interface Props {
  meetingId: string;
  vote: Vote;
  /** Whose ballot: the user themself, or a principal. */
  principal: string;
  principalName: string;
  onBehalf: boolean;
  mine: MyBallot | undefined;
  send: (command: ClientCommand) => Promise<CommandAck>;
  /** Called after an acked ballot, to fetch the ballots again. */
  onRecorded: () => void;
}

export function Ballot(props: Props) {
  const { meetingId, vote, principal, principalName, onBehalf, mine, send, onRecorded } = props;
  const { t } = useTranslation();
  const toast = useToast();
  const known = mine?.choices ?? rememberedChoices(meetingId, vote.id, principal);
  const [recorded, setRecorded] = useState<string[] | null>(null);
  const [editing, setEditing] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const voted = recorded !== null || mine?.voted === true;
  const choices = recorded ?? known;
  const max = vote.multiple ? Math.max(1, vote.maxChoices) : 1;
  const valid = selected.length >= 1 && selected.length <= max;
  const name = `ballot-${vote.id}-${principal}`;

  const toggle = (id: string, on: boolean): void => {
    if (!vote.multiple) setSelected([id]);
    else setSelected((list) => (on ? [...list, id] : list.filter((x) => x !== id)));
  };

  const submit = async (): Promise<void> => {
    if (!valid || sending) return;
    setSending(true);
    const token = ballotToken(meetingId, vote.id, principal);
    const ack = await send({
      type: 'vote.cast',
      payload: {
        voteId: vote.id,
        choices: selected,
        onBehalfOf: onBehalf ? principal : null,
        token,
      },
    });
    setSending(false);
    if (!ack.ok) {
      toast(ack.error);
      return;
    }
    rememberChoices(meetingId, vote.id, principal, selected);
    setRecorded(selected);
    setEditing(false);
    onRecorded();
  };

  const legend = onBehalf ? t('votes.ballotFor', { name: principalName }) : t('votes.yourBallot');
  const testAttrs = {
    'data-testid': 'ballot',
    'data-principal': principal,
    'data-on-behalf': onBehalf ? 'true' : 'false',
    'data-voted': voted ? 'true' : 'false',
  };

  if (voted && !editing) {
    return (
      <div className={`ballot recorded${onBehalf ? ' proxy' : ''}`} {...testAttrs}>
        <p className="ballot-title">{legend}</p>
        <p className="recorded-note" role="status" data-testid="ballot-recorded">
          <span aria-hidden="true">✓ </span>
          {onBehalf ? t('votes.recordedFor', { name: principalName }) : t('votes.recorded')}
        </p>
        {choices && choices.length > 0 && (
          <p className="muted" data-testid="ballot-choice" data-choices={choices.join(',')}>
            {t('votes.yourChoice', { choice: choiceLabels(t, vote, choices) })}
          </p>
        )}
        {vote.allowChange && vote.status === 'open' && (
          <button
            type="button"
            data-testid="change-ballot"
            onClick={() => {
              setSelected(choices ?? []);
              setEditing(true);
            }}
          >
            {t('votes.change')}
          </button>
        )}
      </div>
    );
  }

  return (
    <form
      className={`ballot${onBehalf ? ' proxy' : ''}`}
      {...testAttrs}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset disabled={sending}>
        <legend className="ballot-title">{legend}</legend>
        {vote.multiple && <p className="hint">{t('votes.chooseUpTo', { count: max })}</p>}
        <div className="ballot-options">
          {vote.options.map((option) => {
            const checked = selected.includes(option.id);
            return (
              <label key={option.id} className={`ballot-option opt-${option.id}`}>
                <input
                  type={vote.multiple ? 'checkbox' : 'radio'}
                  name={name}
                  value={option.id}
                  checked={checked}
                  disabled={vote.multiple && !checked && selected.length >= max}
                  onChange={(e) => toggle(option.id, e.target.checked)}
                />
                <span>{optionLabel(t, option)}</span>
              </label>
            );
          })}
        </div>
        <div className="control-group">
          <button type="submit" className="primary" disabled={!valid} data-testid="cast-ballot">
            {sending ? t('votes.sending') : t('votes.submit')}
          </button>
          {editing && (
            <button type="button" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </fieldset>
    </form>
  );
}

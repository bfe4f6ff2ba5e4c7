// The chair's form for a new vote on an agenda item (created as a draft, opened separately).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  flattenAgenda,
  LIMITS,
  VOTE_RULES,
  type ClientCommand,
  type CommandAck,
  type CommandOf,
  type MeetingState,
  type VoteKind,
  type VoteRule,
  type VoteVisibility,
} from '../../core/index.ts';

interface Props {
  meeting: MeetingState;
  send: (command: ClientCommand) => Promise<CommandAck>;
  onDone: () => void;
}

type CreatePayload = CommandOf<'vote.create'>['payload'];

const VISIBILITIES: readonly VoteVisibility[] = ['all', 'chair', 'afterClose'];
const MAX_OPTIONS = 20;

export function VoteForm({ meeting, send, onDone }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const entries = flattenAgenda(meeting.agenda);
  const firstItem = meeting.currentItemId ?? entries[0]?.item.id ?? '';
  const titleOf = (itemId: string): string => meeting.agenda.items[itemId]?.title ?? '';
  const [itemId, setItemId] = useState(firstItem);
  const [title, setTitle] = useState(() => titleOf(firstItem));
  const [custom, setCustom] = useState(false);
  const [labels, setLabels] = useState('');
  const [multiple, setMultiple] = useState(false);
  const [maxChoices, setMaxChoices] = useState(2);
  const [kind, setKind] = useState<VoteKind>('named');
  const [rule, setRule] = useState<VoteRule>('simple');
  const [visibility, setVisibility] = useState<VoteVisibility>('all');
  const [allowChange, setAllowChange] = useState(true);
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const options = labels
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

  const validate = (): string | null => {
    if (!itemId) return t('votes.form.needItem');
    if (!title.trim()) return t('votes.form.needTitle');
    if (custom && (options.length < 2 || options.length > MAX_OPTIONS))
      return t('votes.form.needOptions', { max: MAX_OPTIONS });
    if (custom && new Set(options).size !== options.length) return t('votes.form.sameOptions');
    if (deadline && !(Date.parse(deadline) > Date.now())) return t('votes.form.pastDeadline');
    return null;
  };

  const submit = async (): Promise<void> => {
    const problem = validate();
    setError(problem);
    if (problem) return;
    const payload: CreatePayload = {
      itemId,
      title: title.trim(),
      kind,
      options: custom ? { kind: 'custom', labels: options } : { kind: 'standard' },
      multiple: custom && multiple,
      rule,
      visibility,
      allowChange,
      deadline: deadline ? new Date(deadline).toISOString() : null,
    };
    if (custom && multiple) payload.maxChoices = Math.min(Math.max(1, maxChoices), options.length);
    setSending(true);
    const ack = await send({ type: 'vote.create', payload });
    setSending(false);
    if (ack.ok) onDone();
    else setError(`${t(`errors.${ack.error.code}`)} ${ack.error.message}`);
  };

  return (
    <form
      className="vote-form"
      data-testid="vote-form"
      aria-label={t('votes.form.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset disabled={sending}>
        <legend>{t('votes.form.title')}</legend>
        <label>
          <span>{t('votes.form.item')}</span>
          <select
            name="itemId"
            value={itemId}
            onChange={(e) => {
              // the title follows the item while the chair has not written their own
              if (title === titleOf(itemId)) setTitle(titleOf(e.target.value));
              setItemId(e.target.value);
            }}
          >
            {entries.map((e) => (
              <option key={e.item.id} value={e.item.id}>
                {e.number}. {e.item.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('votes.form.voteTitle')}</span>
          <input
            name="title"
            value={title}
            maxLength={LIMITS.title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>

        <div className="form-row" role="radiogroup" aria-labelledby={`${id}-options`}>
          <span id={`${id}-options`} className="field-label">
            {t('votes.form.options')}
          </span>
          <label className="check">
            <input
              type="radio"
              name="optionsKind"
              value="standard"
              checked={!custom}
              onChange={() => setCustom(false)}
            />
            <span>{t('votes.form.standard')}</span>
          </label>
          <label className="check">
            <input
              type="radio"
              name="optionsKind"
              value="custom"
              checked={custom}
              onChange={() => setCustom(true)}
            />
            <span>{t('votes.form.custom')}</span>
          </label>
        </div>
        {custom && (
          <div className="custom-options">
            <label>
              <span>{t('votes.form.labels')}</span>
              <textarea
                name="labels"
                rows={4}
                value={labels}
                placeholder={t('votes.form.labelsPlaceholder')}
                onChange={(e) => setLabels(e.target.value)}
              />
            </label>
            <label className="check">
              <input
                type="checkbox"
                name="multiple"
                checked={multiple}
                onChange={(e) => setMultiple(e.target.checked)}
              />
              <span>{t('votes.form.multiple')}</span>
            </label>
            {multiple && (
              <label className="narrow">
                <span>{t('votes.form.maxChoices')}</span>
                <input
                  type="number"
                  name="maxChoices"
                  min={1}
                  max={Math.max(1, options.length)}
                  value={maxChoices}
                  onChange={(e) => setMaxChoices(Number(e.target.value))}
                />
              </label>
            )}
          </div>
        )}

        <div className="form-row" role="radiogroup" aria-labelledby={`${id}-kind`}>
          <span id={`${id}-kind`} className="field-label">
            {t('votes.form.kind')}
          </span>
          {(['named', 'secret'] as const).map((k) => (
            <label key={k} className="check">
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <span>{t(`votes.kind.${k}`)}</span>
            </label>
          ))}
        </div>

        <div className="form-grid">
          <label>
            <span>{t('votes.form.rule')}</span>
            <select name="rule" value={rule} onChange={(e) => setRule(e.target.value as VoteRule)}>
              {VOTE_RULES.map((r) => (
                <option key={r} value={r}>
                  {t(`votes.rule.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('votes.form.visibility')}</span>
            <select
              name="visibility"
              value={visibility}
              onChange={(e) => setVisibility(e.target.value as VoteVisibility)}
            >
              {VISIBILITIES.map((v) => (
                <option key={v} value={v}>
                  {t(`votes.visibility.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('votes.form.deadline')}</span>
            <input
              type="datetime-local"
              name="deadline"
              value={deadline}
              onChange={(e) => setDeadline(e.target.value)}
            />
          </label>
        </div>
        <label className="check">
          <input
            type="checkbox"
            name="allowChange"
            checked={allowChange}
            onChange={(e) => setAllowChange(e.target.checked)}
          />
          <span>{t('votes.form.allowChange')}</span>
        </label>

        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="control-group">
          <button type="submit" className="primary" data-testid="create-vote">
            {t('votes.form.create')}
          </button>
          <button type="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

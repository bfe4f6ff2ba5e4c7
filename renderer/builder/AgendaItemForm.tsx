// Adding an agenda item (under the top level or another item), or editing one in place.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, MAX_AGENDA_DEPTH, type Agenda, type AgendaItem } from '../../core/index.ts';
import type { FlatItem } from './agendaMoves.ts';

export interface ItemFields {
  title: string;
  description: string;
  presenter: string;
  durationMin: number | null;
}

type Props =
  | {
      mode: 'add';
      agenda: Agenda;
      parents: FlatItem[];
      onSubmit: (fields: ItemFields, parentId: string | null) => Promise<string | null>;
      item?: undefined;
      onCancel?: undefined;
    }
  | {
      mode: 'edit';
      agenda: Agenda;
      parents: FlatItem[];
      item: AgendaItem;
      onSubmit: (fields: ItemFields) => Promise<string | null>;
      onCancel: () => void;
    };

const MAX_MINUTES = 24 * 60;

/** Whole minutes 0-1440, '' for none; undefined when the text is not such a number. */
export function parseDuration(text: string): number | null | undefined {
  const s = text.trim();
  if (!s) return null;
  const n = Number(s);
  return Number.isInteger(n) && n >= 0 && n <= MAX_MINUTES ? n : undefined;
}

export function AgendaItemForm(props: Props) {
  const { t } = useTranslation();
  const id = useId();
  const { item } = props;
  const [title, setTitle] = useState(item?.title ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [presenter, setPresenter] = useState(item?.presenter ?? '');
  const [duration, setDuration] = useState(
    item?.durationMin === null || item?.durationMin === undefined ? '' : String(item.durationMin),
  );
  const [parentId, setParentId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (): Promise<void> => {
    if (!title.trim()) return setError(t('builder.agenda.needTitle'));
    const durationMin = parseDuration(duration);
    if (durationMin === undefined) return setError(t('builder.agenda.badDuration'));
    const fields: ItemFields = {
      title: title.trim(),
      description: description.trim(),
      presenter: presenter.trim(),
      durationMin,
    };
    setBusy(true);
    const problem =
      props.mode === 'add'
        ? await props.onSubmit(fields, parentId || null)
        : await props.onSubmit(fields);
    setBusy(false);
    setError(problem);
    if (!problem && props.mode === 'add') {
      setTitle('');
      setDescription('');
      setPresenter('');
      setDuration('');
    }
  };

  // a new item can go under any item above the deepest level (depth counts from 0)
  const parents = props.parents.filter((p) => p.depth + 2 <= MAX_AGENDA_DEPTH);
  const heading =
    props.mode === 'add'
      ? t('builder.agenda.add')
      : t('builder.agenda.editName', { title: item?.title ?? '' });

  return (
    <form
      className={props.mode === 'add' ? 'item-form add' : 'item-form'}
      aria-label={heading}
      data-testid={props.mode === 'add' ? 'add-item-form' : 'edit-item-form'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset disabled={busy}>
        {props.mode === 'add' && <legend>{t('builder.agenda.add')}</legend>}
        {props.mode === 'add' && (
          <label className="field">
            <span>{t('builder.agenda.parent')}</span>
            <select name="parentId" value={parentId} onChange={(e) => setParentId(e.target.value)}>
              <option value="">{t('builder.agenda.topLevel')}</option>
              {parents.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.number}. {props.agenda.items[p.id]?.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field wide">
          <span>{t('builder.agenda.itemTitle')}</span>
          <input
            name="title"
            required
            value={title}
            maxLength={LIMITS.title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('builder.agenda.presenter')}</span>
          <input
            name="presenter"
            value={presenter}
            maxLength={LIMITS.name}
            onChange={(e) => setPresenter(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('builder.agenda.duration')}</span>
          <input
            name="durationMin"
            inputMode="numeric"
            className="short"
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
          />
        </label>
        <label className="field wide">
          <span>{t('builder.agenda.description')}</span>
          <textarea
            name="description"
            rows={2}
            value={description}
            maxLength={LIMITS.text}
            onChange={(e) => setDescription(e.target.value)}
          />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary">
            {props.mode === 'add'
              ? busy
                ? t('builder.agenda.adding')
                : t('builder.agenda.add')
              : t('builder.agenda.save')}
          </button>
          {props.mode === 'edit' && (
            <button type="button" onClick={props.onCancel}>
              {t('builder.agenda.cancel')}
            </button>
          )}
          {error && (
            <span className="form-error" role="alert" id={`${id}-err`}>
              {error}
            </span>
          )}
        </div>
      </fieldset>
    </form>
  );
}

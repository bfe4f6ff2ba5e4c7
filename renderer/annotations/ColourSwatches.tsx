// The colour choice, as a radio group of swatches: in the toolbar (the colour of the next
// annotation) and in an annotation's editor (its own colour).
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COLOUR_NAMES, COLOURS } from './tools.ts';

interface Props {
  className: string;
  value: string;
  onPick: (colour: string) => void;
  /** Keeps the text selection a highlight is about to be made from. */
  onMouseDown?: (e: MouseEvent) => void;
}

export function ColourSwatches({ className, value, onPick, onMouseDown }: Props) {
  const { t } = useTranslation();
  return (
    <div className={className} role="radiogroup" aria-label={t('annotations.colour')}>
      {COLOUR_NAMES.map((name) => (
        <button
          key={name}
          type="button"
          role="radio"
          className="annot-swatch"
          aria-checked={value === COLOURS[name]}
          aria-label={t(`annotations.colours.${name}`)}
          title={t(`annotations.colours.${name}`)}
          style={{ background: COLOURS[name] }}
          data-colour={COLOURS[name]}
          onMouseDown={onMouseDown}
          onClick={() => onPick(COLOURS[name])}
        />
      ))}
    </div>
  );
}

// Words for votes that several components share.
import type { TFunction } from 'i18next';
import { STANDARD_OPTIONS, type Vote } from '../../core/index.ts';

const STANDARD: readonly string[] = STANDARD_OPTIONS;

/** A standard option's label in the reader's language; a custom option's label as written. */
export function optionLabel(t: TFunction, option: Vote['options'][number]): string {
  return STANDARD.includes(option.id) ? t(`votes.option.${option.id}`) : option.label;
}

export function choiceLabels(t: TFunction, vote: Vote, choices: readonly string[]): string {
  return choices
    .map((id) => {
      const option = vote.options.find((o) => o.id === id);
      return option ? optionLabel(t, option) : id;
    })
    .join(', ');
}

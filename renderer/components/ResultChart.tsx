// A vote's counts as horizontal bars with the numbers, and the result stated in words.
import { useTranslation } from 'react-i18next';
import { isStandardVote, type Vote, type VoteResult } from '../../core/index.ts';
import { formatNumber, formatPercent } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { resultBase } from '../voteView.ts';
import { optionLabel } from './voteText.ts';

interface ChartProps {
  vote: Vote;
  counts: Record<string, number>;
  /** What the bars and shares are measured against: votes cast, or the members. */
  base: number;
  /** The count an option needs (drawn as a line on the first bar), or null. */
  threshold: number | null;
  large?: boolean;
}

export function ResultChart({ vote, counts, base, threshold, large = false }: ChartProps) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const scale = Math.max(base, ...vote.options.map((o) => counts[o.id] ?? 0), 1);
  return (
    <ul
      className={`chart${large ? ' large' : ''}`}
      aria-label={t('votes.chart', { title: vote.title })}
      data-testid="result-chart"
      data-base={base}
    >
      {vote.options.map((option, i) => {
        const count = counts[option.id] ?? 0;
        const label = optionLabel(t, option);
        const line = i === 0 && threshold !== null && threshold > 0 && threshold <= scale;
        return (
          <li
            key={option.id}
            className={`bar-row opt-${option.id} opt-n${i % 6}`}
            data-testid="result-bar"
            data-option-id={option.id}
            data-count={count}
          >
            <span className="bar-label">{label}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${(count / scale) * 100}%` }} />
              {line && (
                <span
                  className="bar-threshold"
                  style={{ left: `${(threshold / scale) * 100}%` }}
                  title={t('votes.thresholdLine', { threshold: formatNumber(threshold, lang) })}
                />
              )}
            </span>
            <span className="bar-value">
              <strong>{formatNumber(count, lang)}</strong>{' '}
              <span className="bar-share">{formatPercent(count, base, lang)}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** The closed vote's chart with the numbers behind it and the outcome in words. */
export function VoteResultView({
  vote,
  result,
  large = false,
}: {
  vote: Vote;
  result: VoteResult;
  large?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const n = (x: number): string => formatNumber(x, lang);
  const base = resultBase(vote, result);
  const standard = isStandardVote(vote);
  const adopted = result.adopted;
  const agree = result.counts.agree ?? 0;
  const winners = vote.options.filter((o) => result.leading.includes(o.id));
  const top = result.counts[winners[0]?.id ?? ''] ?? 0;
  return (
    <div
      className={`vote-result${large ? ' large' : ''}`}
      data-testid="vote-result"
      data-adopted={adopted === null ? 'none' : String(adopted)}
      data-cast={result.cast}
      data-members={result.members}
      data-eligible={result.eligible}
      data-threshold={result.threshold}
    >
      {adopted !== null && (
        <p className={`verdict ${adopted ? 'adopted' : 'rejected'}`} data-testid="verdict">
          {adopted ? t('votes.adopted') : t('votes.rejected')}
        </p>
      )}
      <ResultChart
        vote={vote}
        counts={result.counts}
        base={base}
        threshold={standard ? result.threshold : null}
        large={large}
      />
      <p className="result-basis">
        {standard
          ? t(`votes.basis.${result.rule}`, {
              agree: n(agree),
              basis: n(result.basis),
              members: n(result.members),
              threshold: n(result.threshold),
              percent: formatPercent(agree, result.basis, lang),
            })
          : winners.length === 0
            ? t('votes.noWinner')
            : t('votes.winners', {
                count: winners.length,
                labels: winners.map((o) => optionLabel(t, o)).join(', '),
                votes: n(top),
              })}
      </p>
      <p className="result-facts">
        {t('votes.facts', {
          members: n(result.members),
          eligible: n(result.eligible),
          cast: n(result.cast),
        })}
      </p>
    </div>
  );
}

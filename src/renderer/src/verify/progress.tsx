import { Label, ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ProbeResult } from '../../../shared/report.ts';

/** The probes of a running verification as main pushes them. */
export interface RunProgress {
  running: boolean;
  /** Probes finished so far, by their position in the report. */
  probes: ProbeResult[];
  completed: number;
  total: number;
}

/**
 * Adds one pushed probe to the state of a run. An event can arrive after the
 * run's response, so a finished run keeps its state.
 */
export function withProbe<State extends RunProgress>(
  previous: State,
  progress: { index: number; probe: ProbeResult; completed: number; total: number },
): State {
  if (!previous.running) {
    return previous;
  }
  const probes = [...previous.probes];
  probes[progress.index] = progress.probe;
  return { ...previous, probes, completed: progress.completed, total: progress.total };
}

/** The progress bar of a running verification: its label and "N of M checks done". */
export function RunProgressBar(props: { label: string; completed: number; total: number }) {
  const { t } = useTranslation('verify');
  return (
    <ProgressBar
      className="react-aria-ProgressBar progress"
      value={props.completed}
      maxValue={Math.max(props.total, 1)}
      valueLabel={t('progress', { completed: props.completed, total: props.total })}
      isIndeterminate={props.total === 0}
    >
      {({ percentage, valueText }) => (
        <>
          <Label>{props.label}</Label>
          <span className="muted"> {valueText}</span>
          <div className="bar">
            <div className="fill" style={{ width: `${percentage ?? 0}%` }} />
          </div>
        </>
      )}
    </ProgressBar>
  );
}

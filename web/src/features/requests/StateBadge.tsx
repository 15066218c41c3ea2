import { clockTone, stateTone, useRequestLabels } from './labels.ts';

/** A request's state as a badge: its word in the current language, coloured by tone. */
export function StateBadge({ state }: { state: string }) {
  const labels = useRequestLabels();
  return <span className={`badge tone-${stateTone(state)}`}>{labels.state(state)}</span>;
}

/** A legal clock's status as a badge. */
export function ClockBadge({ status }: { status: string }) {
  const labels = useRequestLabels();
  return <span className={`badge tone-${clockTone(status)}`}>{labels.clockStatus(status)}</span>;
}

import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../router.ts';
import type { VerificationState } from './useVerification.ts';

/**
 * A line on the other task pages while a test started by an input change
 * runs, and after it, with a link to the result.
 */
export function AutoTestNotice(props: { connectionId: string; state: VerificationState }) {
  const { t } = useTranslation('verify');
  const { state } = props;
  if (!state.automatic) {
    return null;
  }
  return (
    <p className="note" role="status" data-testid="auto-test">
      {state.running ? t('auto.running') : t('auto.done')}{' '}
      <Link href={hrefFor('connection', props.connectionId, 'test')}>{t('auto.open')}</Link>
    </p>
  );
}

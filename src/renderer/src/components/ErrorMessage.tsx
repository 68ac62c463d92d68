import { useTranslation } from 'react-i18next';
import { translateError } from '../../../shared/i18n/errors.ts';
import type { AppError } from '../../../shared/result.ts';

/** An expected failure from main, shown in the user's language. */
export function ErrorMessage({ error }: { error: AppError }) {
  const { t } = useTranslation();
  return (
    <p className="error" role="alert" data-error-code={error.code}>
      {translateError(t, error)}
    </p>
  );
}

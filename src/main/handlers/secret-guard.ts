import type { SecretRegistry } from '../../core/log/redact.ts';
import { AppFailure } from '../../shared/result.ts';

/**
 * Rejects text that contains a registered secret in any of its encoded
 * forms. SECURITY: keeps the client secret out of the clipboard copy and the
 * e-mail draft, which leave the app in plain text.
 */
export function rejectKnownSecrets(text: string, secrets: SecretRegistry, field: string): void {
  if (secrets.values().some((value) => text.includes(value))) {
    throw new AppFailure(
      'app.text-contains-secret',
      `The ${field} contains a client secret or passphrase and was not passed on.`,
      { field },
    );
  }
}

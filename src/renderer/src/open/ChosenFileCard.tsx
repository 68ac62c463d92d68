import { useTranslation } from 'react-i18next';
import type { ChosenFile } from '../../../shared/ipc/sealing.ts';

/**
 * The chosen file before it is opened: name, size, format and the SHA-256
 * fingerprint in groups of four, with the advice to compare it by phone.
 */
export function ChosenFileCard({ file }: { file: ChosenFile }) {
  const { t } = useTranslation('open');
  return (
    <div data-testid="chosen-file">
      <dl className="facts">
        <dt>{t('file.name')}</dt>
        <dd data-testid="file-name">{file.fileName}</dd>
        <dt>{t('file.size')}</dt>
        <dd>{t('file.sizeValue', { count: file.size })}</dd>
        <dt>{t('file.format')}</dt>
        <dd data-testid="file-format">{t(`file.formats.${file.format}`)}</dd>
        <dt>{t('file.fingerprint')}</dt>
        <dd>
          <code className="fingerprint" data-testid="file-fingerprint">
            {file.fingerprint}
          </code>
        </dd>
      </dl>
      <p className="note note-warning">
        <span aria-hidden="true">☎ </span>
        {t('file.compare')}
      </p>
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/connection.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { SecretField } from './SecretField.tsx';

/** One connection on the start screen: its name, rename, delete and the secret entry. */
export default function ConnectionCard(props: {
  connection: Connection;
  onRename(name: string): Promise<void>;
  onDelete(): void;
}) {
  const { t } = useTranslation('vault');
  const { connection } = props;
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(connection.name);
  const headingId = `connection-${connection.id}`;

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    await props.onRename(name);
    setEditing(false);
  };

  return (
    <li>
      <article className="connection-card" aria-labelledby={headingId}>
        <h3 id={headingId}>{connection.name}</h3>
        {editing ? (
          <Form onSubmit={(event) => void rename(event)} className="form">
            <TextField value={name} onChange={setName} isRequired maxLength={100} className="field">
              <Label>{t('connections.renameLabel')}</Label>
              <Input />
            </TextField>
            <Button type="submit">{t('connections.renameSave')}</Button>
            <Button onPress={() => setEditing(false)}>{t('connections.cancel')}</Button>
          </Form>
        ) : (
          <div className="actions">
            <Button
              onPress={() => {
                setName(connection.name);
                setEditing(true);
              }}
            >
              {t('connections.rename')}
            </Button>
            <ConfirmButton
              label={t('connections.delete')}
              title={t('connections.deleteTitle', { name: connection.name })}
              body={t('connections.deleteBody')}
              confirmLabel={t('connections.deleteConfirm')}
              cancelLabel={t('connections.cancel')}
              onConfirm={props.onDelete}
            />
          </div>
        )}
        <SecretField connectionId={connection.id} />
      </article>
    </li>
  );
}

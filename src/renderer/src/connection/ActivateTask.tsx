import { useTranslation } from 'react-i18next';
import {
  ACTIVATE_ALREADY_ACTIVE,
  ACTIVATE_COSTS,
  ACTIVATE_STEPS,
  activateItem,
} from '../../../shared/tasks.ts';
import { ChecklistItem } from './ChecklistItem.tsx';

/** Step 1: activating the Cobra API, each sub-step tickable. */
export function ActivateTask(props: {
  checklist: Record<string, boolean>;
  onTick(itemId: string, done: boolean): void;
}) {
  const { t } = useTranslation('steps');
  const ticked = (itemId: string) => props.checklist[itemId] === true;
  return (
    <>
      <p className="lead">{t('activate.intro')}</p>
      <ol className="substeps">
        {ACTIVATE_STEPS.map((step) => (
          <ChecklistItem
            key={step}
            itemId={activateItem(step)}
            label={t(`activate.steps.${step}.label`)}
            help={t(`activate.steps.${step}.help`)}
            checked={ticked(activateItem(step))}
            onChange={props.onTick}
          />
        ))}
      </ol>

      <h2>{t('activate.alreadyTitle')}</h2>
      <ul className="substeps">
        <ChecklistItem
          itemId={ACTIVATE_ALREADY_ACTIVE}
          label={t('activate.already.label')}
          help={t('activate.already.help')}
          checked={ticked(ACTIVATE_ALREADY_ACTIVE)}
          onChange={props.onTick}
        />
      </ul>

      <h2>{t('activate.costsTitle')}</h2>
      <ul className="substeps">
        <ChecklistItem
          itemId={ACTIVATE_COSTS}
          label={t('activate.costs.label')}
          help={t('activate.costs.help')}
          checked={ticked(ACTIVATE_COSTS)}
          onChange={props.onTick}
        />
      </ul>
    </>
  );
}

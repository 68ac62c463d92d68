import { useId } from 'react';
import { Checkbox } from 'react-aria-components';

/**
 * One tickable sub-step: a checkbox with its label and, tied to it as the
 * description, a line of help.
 */
export function ChecklistItem(props: {
  itemId: string;
  label: string;
  help?: string;
  checked: boolean;
  onChange(itemId: string, done: boolean): void;
}) {
  const helpId = useId();
  return (
    <li data-item={props.itemId}>
      <Checkbox
        isSelected={props.checked}
        onChange={(done) => props.onChange(props.itemId, done)}
        aria-describedby={props.help === undefined ? undefined : helpId}
      >
        {({ isSelected }) => (
          <>
            <span className="checkbox-box" aria-hidden="true">
              {isSelected ? '✓' : ''}
            </span>
            <span>{props.label}</span>
          </>
        )}
      </Checkbox>
      {props.help !== undefined && (
        <p id={helpId} className="substep-help">
          {props.help}
        </p>
      )}
    </li>
  );
}

import type { ReactNode } from 'react';
import { Checkbox } from 'react-aria-components';

/** A react-aria checkbox drawn like the checklist's tick boxes. */
export function TickBox(props: {
  isSelected: boolean;
  onChange(selected: boolean): void;
  children: ReactNode;
  describedBy?: string;
  testId?: string;
}) {
  return (
    <Checkbox
      isSelected={props.isSelected}
      onChange={props.onChange}
      aria-describedby={props.describedBy}
      data-testid={props.testId}
    >
      {({ isSelected }) => (
        <>
          <span className="checkbox-box" aria-hidden="true">
            {isSelected ? '✓' : ''}
          </span>
          <span>{props.children}</span>
        </>
      )}
    </Checkbox>
  );
}

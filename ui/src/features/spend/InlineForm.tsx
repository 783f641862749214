import { ActionGroup, Button, Flex, FlexItem, Form } from "@patternfly/react-core";
import { Children, type ReactNode } from "react";
import { ErrorAlert } from "../../shared/components/common";

/**
 * A form of the spend page with its fields side by side: each child is one field. `error` is what
 * Portolan answered for no field in particular; a field's own message is shown under the field.
 */
export function InlineForm(props: {
  testId: string;
  submitLabel: string;
  onSubmit: () => void;
  error?: unknown;
  fieldErrors?: Record<string, string>;
  children: ReactNode;
}) {
  const forNoField = props.error && Object.keys(props.fieldErrors ?? {}).length === 0 ? props.error : undefined;
  return (
    <Form
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
      data-testid={props.testId}
    >
      <Flex>
        {Children.map(props.children, (field) => (
          <FlexItem>{field}</FlexItem>
        ))}
      </Flex>
      <ErrorAlert error={forNoField} />
      <ActionGroup>
        <Button type="submit" data-testid={`${props.testId}-submit`}>
          {props.submitLabel}
        </Button>
      </ActionGroup>
    </Form>
  );
}

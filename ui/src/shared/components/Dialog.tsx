import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from "@patternfly/react-core";
import type { ReactNode } from "react";

/**
 * A modal dialog that asks before doing something: a title, what it is about, the confirming button
 * (`actions`) and Cancel, which closes it as the close button does.
 */
export function Dialog(props: {
  titleId: string;
  title: string;
  description?: string;
  variant?: "small" | "medium" | "large";
  onCancel: () => void;
  actions: ReactNode;
  children: ReactNode;
}) {
  return (
    <Modal isOpen variant={props.variant ?? "small"} onClose={props.onCancel} aria-labelledby={props.titleId}>
      <ModalHeader title={props.title} labelId={props.titleId} description={props.description} />
      <ModalBody>{props.children}</ModalBody>
      <ModalFooter>
        {props.actions}
        <Button variant="link" onClick={props.onCancel}>
          Cancel
        </Button>
      </ModalFooter>
    </Modal>
  );
}

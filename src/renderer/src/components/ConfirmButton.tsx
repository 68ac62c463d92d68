import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface ConfirmButtonProps {
  label: string;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
}

/** A button that requests confirmation in an alert dialog before it acts. */
export function ConfirmButton(props: ConfirmButtonProps) {
  return (
    <DialogTrigger>
      <Button className="button button-small button-danger">{props.label}</Button>
      <ModalOverlay isDismissable>
        <Modal>
          <Dialog role="alertdialog">
            {({ close }) => (
              <>
                <Heading slot="title">{props.title}</Heading>
                <p>{props.body}</p>
                <div className="actions">
                  <Button className="button" onPress={close} autoFocus>
                    {props.cancelLabel}
                  </Button>
                  <Button
                    className="button button-primary button-danger"
                    onPress={() => {
                      close();
                      props.onConfirm();
                    }}
                  >
                    {props.confirmLabel}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

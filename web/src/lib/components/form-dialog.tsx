import { Modal, type ModalProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/** A dialog holding a form; on a phone it takes the whole screen, so the keyboard leaves the fields room. */
export function FormDialog(props: ModalProps) {
  const phone = useMediaQuery('(max-width: 36em)');
  return <Modal size="lg" fullScreen={phone} {...props} />;
}

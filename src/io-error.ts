/** A file system error as a sentence in the user's language, for every stage that reads or writes files. */
import { hasMessage, t } from './i18n/index.js';

export function ioErrorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? 'EIO';
  const id = `io.${code === 'EPERM' ? 'EACCES' : code}`;
  return hasMessage(id) ? t(id) : t('io.other', { code });
}

/** Whether an error came from the file system (it has an errno code), not from our own code. */
export function isIoError(error: unknown): error is NodeJS.ErrnoException {
  return typeof (error as NodeJS.ErrnoException | null)?.code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

"use client";

import { useEffect, useId, useRef, type FormEvent, type ReactNode, type RefObject } from "react";

/**
 * Runs one submission at a time: a second click while the first is under way does nothing, and a
 * request that fails outright (connection lost, server restarting) calls `onFailed`.
 */
export function useOneAtATime() {
  const busy = useRef(false);
  return async (work: () => Promise<void>, onFailed: () => void) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await work();
    } catch {
      onFailed();
    } finally {
      busy.current = false;
    }
  };
}

interface EmailDialogFrameProps {
  dialog: RefObject<HTMLDialogElement | null>;
  /** Changes each time the dialog is asked to open; it opens (modal) again if it was closed. */
  opening: number;
  title: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onClose?: () => void;
  error: ReactNode;
  submitLabel: string;
  submittingLabel: string;
  cancelLabel: string;
  submitting: boolean;
  submitDisabled?: boolean;
  children: ReactNode;
}

/** What the single and bulk Email dialogs share: the modal, its heading, the alert and the Send / Cancel row. */
export function EmailDialogFrame({ dialog, opening, title, onSubmit, onClose, error, submitLabel, submittingLabel, cancelLabel, submitting, submitDisabled, children }: EmailDialogFrameProps) {
  const headingId = useId();
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, [opening]);

  return (
    <dialog ref={dialog} aria-labelledby={headingId} className="email-dialog" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id={headingId}>{title}</h2>
        {children}
        <div role="alert">{error}</div>
        <div className="row">
          <button type="submit" disabled={submitDisabled || submitting}>
            {submitting ? submittingLabel : submitLabel}
          </button>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            {cancelLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { FormStatus } from "@/app/_components/form-status";
import type { EmailDialogProps } from "./email-dialog-form";

// The dialog's form (react-hook-form, zod, previews) loads when the Email button is first
// pointed at or pressed, so the document page does not pay for it on first load.
const loadForm = () => import("./email-dialog-form");
const EmailDialogForm = dynamic(loadForm, { ssr: false });

/** The Email button, the dialog it opens and the notice once an email has gone. */
export function EmailDialog(props: EmailDialogProps) {
  const t = useTranslations("documentEmail");
  const [opening, setOpening] = useState(0);
  const [sent, setSent] = useState<string | null>(null);

  function open() {
    setSent(null);
    setOpening((n) => n + 1);
  }

  return (
    <>
      <button type="button" onClick={open} onPointerEnter={loadForm} onFocus={loadForm}>
        {t("button")}
      </button>
      <FormStatus kind={sent ? "ok" : null}>{sent}</FormStatus>
      {opening ? <EmailDialogForm {...props} opening={opening} onSent={setSent} /> : null}
    </>
  );
}

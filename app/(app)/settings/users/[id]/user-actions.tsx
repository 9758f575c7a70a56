"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormStatus } from "@/app/_components/form-status";
import { translateMessage } from "@/app/_components/field";
import type { UserRole } from "@/lib/auth/roles";
import type { ActionResult } from "@/lib/validation/action-result";
import {
  changeRole,
  deleteUser,
  disableUser,
  enableUser,
  endUserSessions,
  sendResetLink,
  setUserTemporaryPassword,
} from "./actions";

type Status = { kind: "ok" | "error"; text: string } | null;

/** Everything an admin can do to one user; each button reports in one shared live region. */
export function UserActions({ user, isSelf }: { user: { id: number; role: UserRole; disabled: boolean }; isSelf: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const roleId = useId();
  const passwordId = useId();
  const [status, setStatus] = useState<Status>(null);
  const [pending, startTransition] = useTransition();
  const [role, setRole] = useState<UserRole>(user.role);
  const [temporary, setTemporary] = useState("");
  const [passwordError, setPasswordError] = useState<string | null>(null);

  function run(action: () => Promise<ActionResult>, done: string, after?: () => void) {
    setStatus(null);
    setPasswordError(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setStatus({ kind: "ok", text: t(done) });
        after?.();
        router.refresh();
        return;
      }
      const field = result.fieldErrors?.password;
      if (field) setPasswordError(translateMessage(t, field));
      setStatus({ kind: "error", text: result.message ? t(result.message) : t(`common.errors.${result.error}`) });
    });
  }

  const id = user.id;
  return (
    <div className="card">
      <div className="field">
        <label htmlFor={roleId}>{t("settings.users.role")}</label>
        <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as UserRole)}>
          <option value="staff">{t("settings.users.roles.staff")}</option>
          <option value="admin">{t("settings.users.roles.admin")}</option>
        </select>
      </div>
      <p>
        <button type="button" disabled={pending} onClick={() => run(() => changeRole({ userId: id, role }), "settings.users.done.roleChanged")}>
          {t("settings.users.manage.changeRole")}
        </button>
      </p>
      <p className="actions">
        {user.disabled ? (
          <button type="button" disabled={pending} onClick={() => run(() => enableUser({ userId: id }), "settings.users.done.enabled")}>
            {t("settings.users.manage.enable")}
          </button>
        ) : (
          <button type="button" disabled={pending} onClick={() => run(() => disableUser({ userId: id }), "settings.users.done.disabled")}>
            {t("settings.users.manage.disable")}
          </button>
        )}{" "}
        <button type="button" className="secondary" disabled={pending} onClick={() => run(() => endUserSessions({ userId: id }), "settings.users.done.signedOut")}>
          {t("settings.users.manage.signOutEverywhere")}
        </button>{" "}
        <button type="button" className="secondary" disabled={pending} onClick={() => run(() => sendResetLink({ userId: id }), "settings.users.done.resetSent")}>
          {t("settings.users.manage.sendResetLink")}
        </button>
      </p>
      <div className="field">
        <label htmlFor={passwordId}>{t("settings.users.manage.temporaryPassword")}</label>
        <input
          id={passwordId}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={temporary}
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? `${passwordId}-error` : `${passwordId}-hint`}
          onChange={(e) => setTemporary(e.target.value)}
        />
        <p id={`${passwordId}-hint`} className="hint">
          {t("settings.users.manage.temporaryPasswordHint")}
        </p>
        {passwordError ? (
          <p id={`${passwordId}-error`} className="error">
            {passwordError}
          </p>
        ) : null}
      </div>
      <p>
        <button
          type="button"
          disabled={pending}
          onClick={() => run(() => setUserTemporaryPassword({ userId: id, password: temporary }), "settings.users.done.temporarySet", () => setTemporary(""))}
        >
          {t("settings.users.manage.setTemporaryPassword")}
        </button>
      </p>
      {isSelf ? null : (
        <p>
          <button
            type="button"
            className="danger"
            disabled={pending}
            onClick={() => run(() => deleteUser({ userId: id }), "settings.users.done.deleted", () => router.push("/settings/users"))}
          >
            {t("settings.users.manage.delete")}
          </button>
        </p>
      )}
      <FormStatus kind={status?.kind ?? null}>{status?.text}</FormStatus>
    </div>
  );
}

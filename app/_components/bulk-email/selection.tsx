"use client";

import { createContext, useContext, useMemo, useState } from "react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { DocumentType } from "@/lib/documents/types";

// Checkboxes on a document list and the Email selected button: which rows are chosen lives here.
const loadDialog = () => import("./bulk-email-dialog");
const BulkEmailDialog = dynamic(loadDialog, { ssr: false });

interface Selection {
  ids: number[];
  selected: Set<number>;
  toggle(id: number, on: boolean): void;
  setAll(on: boolean): void;
}
const SelectionContext = createContext<Selection | null>(null);

function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("inside <BulkSelection> only");
  return selection;
}

/** Wraps a list whose rows are `ids` (the current filter): select some or all, then Email selected. */
export function BulkSelection({ documentType, ids, canEmail, children }: { documentType: DocumentType; ids: number[]; canEmail: boolean; children: React.ReactNode }) {
  const t = useTranslations("bulkEmail");
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [opening, setOpening] = useState(0);
  const selection = useMemo<Selection>(
    () => ({
      ids,
      selected,
      toggle: (id, on) =>
        setSelected((current) => {
          const next = new Set(current);
          if (on) next.add(id);
          else next.delete(id);
          return next;
        }),
      setAll: (on) => setSelected(on ? new Set(ids) : new Set()),
    }),
    [ids, selected],
  );
  const chosen = ids.filter((id) => selected.has(id));
  return (
    <SelectionContext.Provider value={selection}>
      {canEmail ? (
        <div className="row bulk-actions">
          <button type="button" disabled={!chosen.length} onClick={() => setOpening((n) => n + 1)} onPointerEnter={loadDialog} onFocus={loadDialog}>
            {t("emailSelected", { count: chosen.length })}
          </button>
        </div>
      ) : null}
      {children}
      {opening ? <BulkEmailDialog documentType={documentType} documentIds={chosen} opening={opening} /> : null}
    </SelectionContext.Provider>
  );
}

/** The header cell's checkbox: every row in the list, or none. */
export function SelectAllDocuments() {
  const t = useTranslations("bulkEmail");
  const { ids, selected, setAll } = useSelection();
  const count = ids.filter((id) => selected.has(id)).length;
  return (
    <input
      type="checkbox"
      aria-label={t("selectAll")}
      checked={count > 0 && count === ids.length}
      ref={(box) => {
        if (box) box.indeterminate = count > 0 && count < ids.length;
      }}
      onChange={(event) => setAll(event.target.checked)}
    />
  );
}

/** A row's checkbox, named after the row (e.g. "Select INV-0001"). */
export function SelectDocument({ id, label }: { id: number; label: string }) {
  const t = useTranslations("bulkEmail");
  const { selected, toggle } = useSelection();
  return <input type="checkbox" aria-label={t("select", { label })} checked={selected.has(id)} onChange={(event) => toggle(id, event.target.checked)} />;
}

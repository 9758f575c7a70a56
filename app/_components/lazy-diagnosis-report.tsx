"use client";

import { lazy, Suspense, type ComponentProps } from "react";

// Shown only after a test has failed, so the email settings page fetches the report (and the
// provider table it links to) then, not on first load. React's lazy, not next/dynamic, whose
// loader would cost that page about as much as the report itself.
const DiagnosisReport = lazy(() => import("./diagnosis-report").then((m) => ({ default: m.DiagnosisReport })));

export function LazyDiagnosisReport(props: ComponentProps<typeof DiagnosisReport>) {
  return (
    <Suspense fallback={null}>
      <DiagnosisReport {...props} />
    </Suspense>
  );
}

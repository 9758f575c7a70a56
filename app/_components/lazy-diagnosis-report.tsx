"use client";

import dynamic from "next/dynamic";

// Shown only after a failed retry, so pages with a Retry button fetch the report (and the
// provider table it links to) then, not on first load.
export const LazyDiagnosisReport = dynamic(() => import("./diagnosis-report").then((m) => m.DiagnosisReport), { ssr: false });

"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";

// Set by a step link and read by the next step's heading, so moving through the wizard puts
// focus on the new step while a plain page load leaves focus alone.
let focusNextStepHeading = false;

export function StepLink(props: React.ComponentProps<typeof Link>) {
  return (
    <Link
      {...props}
      onClick={() => {
        focusNextStepHeading = true;
      }}
    />
  );
}

export function StepHeading({ id, className, children }: { id: string; className?: string; children: React.ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusNextStepHeading) return;
    focusNextStepHeading = false;
    ref.current?.focus();
  }, []);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className={className}>
      {children}
    </h2>
  );
}

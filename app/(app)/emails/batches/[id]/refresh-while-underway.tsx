"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** Re-reads the page every second while emails are still on their way (the page stops rendering this once they are not). */
export function RefreshWhileUnderway() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 1_000);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}

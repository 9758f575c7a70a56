// What the bench found: figures with their targets, and correctness checks that fail the run.

export interface Target {
  /** "max": the figure should be at most `value`; "min": at least. */
  kind: "max" | "min";
  value: number;
}

export interface Figure {
  section: string;
  name: string;
  value: number;
  unit: string;
  target?: Target;
  note?: string;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export class Report {
  readonly figures: Figure[] = [];
  readonly checks: Check[] = [];
  readonly unmeasured: { name: string; reason: string }[] = [];

  figure(figure: Figure): void {
    this.figures.push(figure);
  }

  check(name: string, ok: boolean, detail: string): void {
    this.checks.push({ name, ok, detail });
  }

  notMeasured(name: string, reason: string): void {
    this.unmeasured.push({ name, reason });
  }

  get failed(): boolean {
    return this.checks.some((c) => !c.ok);
  }

  print(): void {
    const rows = this.figures.map((f) => [
      f.section,
      f.name,
      `${f.value} ${f.unit}`,
      f.target ? `${f.target.kind === "max" ? "≤" : "≥"} ${f.target.value} ${f.unit}` : "—",
      mark(f),
      f.note ?? "",
    ]);
    const header = ["section", "measure", "value", "target", "", "note"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
    console.log("\n" + line(header));
    console.log(widths.map((w) => "─".repeat(w)).join("  "));
    let section = "";
    for (const row of rows) {
      console.log(line(row[0] === section ? ["", ...row.slice(1)] : row));
      section = row[0];
    }
    console.log("\nchecks");
    for (const c of this.checks) console.log(`  ${c.ok ? "✓" : "✗"} ${c.name}: ${c.detail}`);
    for (const u of this.unmeasured) console.log(`  – not measured: ${u.name}: ${u.reason}`);
  }
}

export function meets(figure: Figure): boolean | undefined {
  if (!figure.target) return undefined;
  return figure.target.kind === "max" ? figure.value <= figure.target.value : figure.value >= figure.target.value;
}

function mark(figure: Figure): string {
  const ok = meets(figure);
  return ok === undefined ? "info" : ok ? "pass" : "MISS";
}

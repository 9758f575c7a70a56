import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/** Puts the server's field errors (same schema, same keys) onto the form. */
export function applyFieldErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldErrors: Record<string, string> | undefined,
) {
  if (!fieldErrors) return;
  for (const [field, message] of Object.entries(fieldErrors)) {
    setError(field as Path<T>, { type: "server", message });
  }
}

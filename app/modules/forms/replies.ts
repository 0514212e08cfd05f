/**
 * Conform replies for refusals that come from the rules behind a form rather than its schema
 * (a module throwing "that organization already takes part", an unknown id in a row's button).
 * Rule errors name their field; "form" means the form as a whole.
 */
import { parse, type SubmissionResult } from "@conform-to/react";

type ErrorOptions = { formErrors: string[] } | { fieldErrors: Record<string, string[]> };

/** Reply options that put `message` on `field`, or on the form itself for "form". */
export function errorOn(field: string, message: string): ErrorOptions {
  return field === "form" ? { formErrors: [message] } : { fieldErrors: { [field]: [message] } };
}

/** A refused submission with one message, keeping what was typed so the form shows it again. */
export function refusal(formData: FormData, field: string, message: string): SubmissionResult<string[]> {
  return parse<unknown, string[]>(formData, { resolve: (value) => ({ value }) }).reply(errorOn(field, message));
}

/** One message per field, the form's own under "form": the shape the fetcher panels read. */
export type FieldErrors = Record<string, string>;

/**
 * A Conform reply as the panels that post with fetchers show it (comments, history, sign-off): the
 * first message of each field.
 */
export function fieldErrorsOf(result: SubmissionResult<string[]>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [name, messages] of Object.entries(result.error ?? {})) {
    const first = messages?.[0];
    if (first !== undefined) errors[name === "" ? "form" : name] = first;
  }
  return errors;
}

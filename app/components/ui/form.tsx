/**
 * Labelled form controls bound to a Conform field (`useForm` in the route): the field gives the
 * control its name, id, default value (what was typed, after a refused submission) and its errors,
 * shown next to it and tied to it with aria-describedby. The server's validation is the truth; the
 * same markup works without JavaScript.
 */
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";

/** Any Conform field holding one value (a text input, a select, a textarea). */
export type FormField = FieldMetadata<string | number | undefined | null, Record<string, unknown>, string[]>;

/** One message per field, the first, as people read them (the rest follow once it is fixed). */
export function firstError(field: { errors?: string[] | undefined }): string | undefined {
  return field.errors?.[0];
}

function FieldMessages({ field, hint, error }: { field: FormField; hint?: string; error?: string }) {
  return (
    <>
      {hint ? <span id={field.descriptionId} className="field__hint">{hint}</span> : null}
      {error ? <span id={field.errorId} className="field__error" role="alert">{error}</span> : null}
    </>
  );
}

type FieldProps = {
  label: string;
  field: FormField;
  type?: "text" | "email" | "password" | "number" | "date";
  hint?: string;
  autoComplete?: string;
  required?: boolean;
  autoFocus?: boolean;
  min?: number;
  /** What the input starts with while the field has no value yet (e.g. an input that just appeared). */
  defaultValue?: string;
};

/** A labelled input whose error is announced and tied to it (aria-describedby). */
export function Field({ label, field, type = "text", hint, autoComplete, required, autoFocus, min, defaultValue }: FieldProps) {
  const error = firstError(field);
  const input = getInputProps(field, { type, ariaDescribedBy: hint ? field.descriptionId : undefined });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <input
        {...input}
        defaultValue={input.defaultValue ?? defaultValue}
        autoComplete={autoComplete}
        required={required}
        autoFocus={autoFocus}
        min={min}
      />
      <FieldMessages field={field} hint={hint} error={error} />
    </div>
  );
}

type TextAreaProps = { label: string; field: FormField; hint?: string };

export function TextAreaField({ label, field, hint }: TextAreaProps) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <textarea {...getTextareaProps(field, { ariaDescribedBy: hint ? field.descriptionId : undefined })} />
      <FieldMessages field={field} hint={hint} error={firstError(field)} />
    </div>
  );
}

type SelectProps = {
  label: string;
  field: FormField;
  options: ReadonlyArray<{ value: string; label: string }>;
  placeholder?: string;
};

export function SelectField({ label, field, options, placeholder }: SelectProps) {
  const props = getSelectProps(field);
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {/* With a placeholder and no value yet, the placeholder is what shows. */}
      <select {...props} defaultValue={props.defaultValue ?? ""}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages field={field} error={firstError(field)} />
    </div>
  );
}

/**
 * The form-level message of a Conform reply (kept under the empty name), for the small per-row
 * forms that have no `useForm` of their own.
 */
export function formErrorOf(result: { error?: Record<string, string[] | null> | null } | undefined): string | undefined {
  return result?.error?.[""]?.[0];
}

/** The form's own error (not about one field), e.g. a refusal from the server. */
export function FormError({ error }: { error?: string }) {
  if (!error) return null;
  return <div className="form-error" role="alert">{error}</div>;
}

/** Disabled while its own form is submitting, so a double click never posts twice. */
export function SubmitButton({ children, intent, variant, small }: { children: ReactNode; intent?: string; variant?: "secondary" | "danger"; small?: boolean }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && (intent === undefined || navigation.formData?.get("intent") === intent);
  const className = ["button", variant ? `button--${variant}` : "", small ? "button--small" : ""].filter(Boolean).join(" ");
  return (
    <button type="submit" className={className} name={intent ? "intent" : undefined} value={intent} disabled={busy}>
      {children}
    </button>
  );
}

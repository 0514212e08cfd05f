import { useNavigation } from "@remix-run/react";
import { useId, type ReactNode } from "react";

type FieldProps = {
  label: string;
  name: string;
  type?: "text" | "email" | "password" | "number" | "date";
  defaultValue?: string;
  error?: string;
  hint?: string;
  autoComplete?: string;
  required?: boolean;
  autoFocus?: boolean;
};

/** A labelled input whose error is announced and tied to it (aria-describedby). */
export function Field({ label, name, type = "text", defaultValue, error, hint, autoComplete, required, autoFocus }: FieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        required={required}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint ? <span id={`${id}-hint`} className="field__hint">{hint}</span> : null}
      {error ? <span id={`${id}-error`} className="field__error" role="alert">{error}</span> : null}
    </div>
  );
}

type TextAreaProps = { label: string; name: string; defaultValue?: string; error?: string; hint?: string };

export function TextAreaField({ label, name, defaultValue, error, hint }: TextAreaProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name={name} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      {hint ? <span id={`${id}-hint`} className="field__hint">{hint}</span> : null}
      {error ? <span id={`${id}-error`} className="field__error" role="alert">{error}</span> : null}
    </div>
  );
}

type SelectProps = {
  label: string;
  name: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  defaultValue?: string;
  error?: string;
  placeholder?: string;
};

export function SelectField({ label, name, options, defaultValue, error, placeholder }: SelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? <span id={`${id}-error`} className="field__error" role="alert">{error}</span> : null}
    </div>
  );
}

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

"use client";

import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";

const controlClass =
  "block h-10 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-400 focus:border-indigo-600 focus:outline-2 focus:outline-offset-0 focus:outline-indigo-600/30 disabled:bg-zinc-50 read-only:bg-zinc-50";

interface FieldProps {
  label: string;
  hint?: ReactNode;
  /** Renders the control with the ids that tie it to its label and hint. */
  children: (ids: { id: string; "aria-describedby"?: string }) => ReactNode;
  className?: string;
}

/** A label, a control and an optional hint, wired together for assistive technology. */
export function Field({ label, hint, children, className = "" }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={`space-y-1.5 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      {children({ id, "aria-describedby": hintId })}
      {hint && (
        <p id={hintId} className="text-xs text-zinc-500">
          {hint}
        </p>
      )}
    </div>
  );
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  hint?: ReactNode;
  /** Extra classes for the input itself; `className` goes to the wrapper. */
  inputClassName?: string;
};

export function TextField({
  label,
  hint,
  className,
  inputClassName = "",
  ...input
}: TextFieldProps) {
  return (
    <Field label={label} hint={hint} className={className}>
      {(ids) => <input {...ids} {...input} className={`${controlClass} ${inputClassName}`} />}
    </Field>
  );
}

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  hint?: ReactNode;
  options: readonly { value: string; label: string }[];
};

export function SelectField({ label, hint, options, className, ...select }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} className={className}>
      {(ids) => (
        <select {...ids} {...select} className={controlClass}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

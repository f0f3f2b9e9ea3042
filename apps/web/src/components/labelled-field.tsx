import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

type Controlled<A> = Omit<A, 'value' | 'onChange'> & {
  label: string;
  value: string;
  /** The new text, as typed. */
  onChange: (value: string) => void;
};

/**
 * A form control inside its label, as the app's forms set them out (the label wraps it, so a click on the text
 * focuses it): its text is held by the caller; every other attribute is passed to the <input>.
 */
export function InputField({ label, value, onChange, ...input }: Controlled<InputHTMLAttributes<HTMLInputElement>>) {
  return (
    <label>
      {label} <input {...input} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** The same for several lines of text: every other attribute is passed to the <textarea>. */
export function TextAreaField({
  label,
  value,
  onChange,
  ...textarea
}: Controlled<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  return (
    <label>
      {label} <textarea {...textarea} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/**
 * A picker inside its label, the options as its children. The label text runs straight into the box, with no space
 * between, as the app's filters and pickers have always been set out.
 */
export function SelectField({
  label,
  value,
  onChange,
  children,
  ...select
}: Controlled<SelectHTMLAttributes<HTMLSelectElement>>) {
  return (
    <label>
      {label}
      <select {...select} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </label>
  );
}

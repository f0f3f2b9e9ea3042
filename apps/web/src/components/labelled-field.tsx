import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';

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

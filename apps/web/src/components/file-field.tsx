// The types the server takes as evidence or as a reply's attachment. It checks the bytes itself; this only
// narrows the file picker.
const ACCEPTED = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx';

/** A labelled file picker for evidence and attachments; reports the chosen file, or null when cleared. */
export function FileField({
  label,
  name,
  onFile,
}: {
  label: string;
  name: string;
  onFile: (file: File | null) => void;
}) {
  return (
    <label>
      {label} <input name={name} type="file" accept={ACCEPTED} onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
    </label>
  );
}

/** Saves bytes or text as a file through the browser's download (the desktop shell allows only known extensions). */
export function downloadFile(bytes: Uint8Array | string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// Hands a generated file to the browser's download (a Blob link: no inline script, no server round trip).
export function downloadFile(fileName: string, contents: string, type: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the Blob after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Orders (staging)" → "orders-staging": safe in a file name on every platform. */
export function fileStem(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'inventory'
  );
}

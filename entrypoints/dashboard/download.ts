/** Saves a data: or blob: URL as a file through a temporary <a download> (the page has no downloads permission). */
export function downloadUrl(name: string, url: string): void {
  const link = Object.assign(document.createElement('a'), { href: url, download: name, rel: 'noopener' });
  document.body.append(link);
  link.click();
  link.remove();
}

/** Saves text as a file. */
export function downloadText(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  downloadUrl(name, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

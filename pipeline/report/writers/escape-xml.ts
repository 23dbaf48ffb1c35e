// Report stage: escaping for text put into SVG built in TypeScript (charts), before it becomes a SafeString.

/** Escapes the five XML special characters so data cannot become markup inside an SVG. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

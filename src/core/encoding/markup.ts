const MARKUP_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text from catalogs, findings and users is data: in HTML, SVG or XML text and attributes it never becomes markup. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => MARKUP_ESCAPES[c]!);

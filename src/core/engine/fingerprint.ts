/** FNV-1a, 32 bit: a cheap, stable fingerprint of inputs (not a security hash). */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const hex = (n: number): string => n.toString(16).padStart(8, '0');

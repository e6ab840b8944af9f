/** Masks for what staff typed themselves (the server masks everything it sends). */

/** `140105198603011234` → `1401**********1234`, the server's own mask. */
export function maskNationalId(id: string): string {
  return id.length < 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

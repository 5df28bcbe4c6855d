/** Kemendagri codes: `35` province, `35.07` regency, `35.07.11` kecamatan, `35.07.11.2008` village. */
export const VILLAGE_DEPTH = 4;

/** How many levels a code has (`35.07.11` has 3). */
export function depthOf(code: string): number {
  return code.split('.').length;
}

/** The codes from just below `root` down to `code` (`35.07`, `35.07.11.2008` gives `35.07.11`, `35.07.11.2008`). */
export function chainBelow(root: string, code: string): string[] {
  if (!code.startsWith(`${root}.`)) return [];
  const segments = code.split('.');
  const chain: string[] = [];
  for (let depth = depthOf(root) + 1; depth <= segments.length; depth += 1)
    chain.push(segments.slice(0, depth).join('.'));
  return chain;
}

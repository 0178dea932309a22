// The environment a prover process gets: only what it needs to run, nothing else from the parent.

/** The few variables a child needs; the rest of the parent's environment (tokens, proxies) stays out. */
export function minimalEnv(extra: Record<string, string> = {}): Record<string, string> {
  const keep = ['PATH', 'HOME', 'USERPROFILE', 'SystemRoot', 'TEMP', 'TMP', 'TMPDIR', 'LANG', 'LC_ALL'];
  const env: Record<string, string> = {};
  for (const key of keep) if (process.env[key]) env[key] = process.env[key]!;
  return { ...env, ...extra };
}

// The one door to main. Everything the UI does goes through window.shutterproof (built by preload, or by the
// browser harness); read lazily so tests and harnesses can install their own before the first call.
import type { ShutterproofApi } from '../../common/preload-api.js';

export function api(): ShutterproofApi {
  const bridge = (globalThis as { shutterproof?: ShutterproofApi }).shutterproof;
  if (!bridge) throw new Error('window.shutterproof is missing: the page was loaded without the Shutterproof preload');
  return bridge;
}

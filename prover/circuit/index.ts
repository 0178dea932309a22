// The circuit family: zero-knowledge proofs that a photo's C2PA Content Credentials were signed (ES256) by a
// certificate issued by a CA in a trust list (P-256 or RSA), revealing only the asset hash and the trust list's root.
// See SOUNDNESS.md for the statement, the maxima and the argument.
export { CIRCUIT_ID, CIRCUIT_VERSION, CIRCUITS, isCircuitId, LIMITS, type CircuitId } from './constants.js';
export { isRsaKey, trustLeaf, trustPath, trustRoot, type CaKey } from './trust-tree.js';
export { buildWitness, type CircuitWitness, type TrustInput } from './witness.js';
export { compile, keysCachedIn } from './programs.js';
export { planSteps, prove, type PlannedStep, type ProveHooks, type ProveResult } from './prover.js';
export { verify, type VerificationKey } from './statement.js';
export { EXPECTED_VK, EXPECTED_VK_HASH, EXPECTED_VKS } from './expected-vk.js';

// Circuit c2pa-es256 v2: a zero-knowledge proof that a photo's C2PA Content Credentials were signed (ES256) by a
// certificate issued by a CA in a trust list, revealing only the asset hash and the trust list's root.
// See SOUNDNESS.md for the statement, the maxima and the argument.
export { CIRCUIT_ID, CIRCUIT_VERSION, LIMITS } from './constants.js';
export { trustLeaf, trustPath, trustRoot, type CaKey } from './trust-tree.js';
export { buildWitness, type CircuitWitness, type TrustInput } from './witness.js';
export { compile, keysCachedIn, planSteps, prove, type PlannedStep, type ProveHooks, type ProveResult } from './prover.js';
export { verify, type VerificationKey } from './statement.js';
export { EXPECTED_VK, EXPECTED_VK_HASH } from './expected-vk.js';

// Hash of the final verification key this circuit version compiles to (checked by test/unit/circuit-vk.test.ts).
// A proof pack whose key differs was not made by this circuit.
export const EXPECTED_VK_HASH = 'not-yet-measured';

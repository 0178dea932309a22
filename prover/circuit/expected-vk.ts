// Hash of the final verification key this circuit version compiles to (checked by test/unit/circuit-vk.test.ts).
// A proof pack whose key differs was not made by this circuit.
export const EXPECTED_VK_HASH = '11323073386495748906191639805823791851185224410209091719691158137038852180325';

// Hash of the final verification key this circuit version compiles to (asserted by the real-proof test,
// test/integration/cli-prove-verify.test.ts). A proof pack whose key differs was not made by this circuit.
export const EXPECTED_VK_HASH = '5245961844567450364082725262193795266029172488169995263481256763609920684527';

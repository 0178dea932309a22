// Channel names preload needs as values, kept apart from ipc-contract.ts so the sandboxed preload bundle does not
// carry zod and the schemas.

/**
 * One-way message from preload: paths of files the user just dropped on the window or chose in a file input, which
 * main then accepts in jobs:add, trust-lists:import and verify:run for the rest of the session.
 */
export const PATHS_GRANTED_CHANNEL = 'paths:granted';

// What settings are before anyone changes them, and the small interface the engine and handlers read them
// through. No Electron here, so the engine's tests and the browser harness use it as it is.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../common/ipc-contract.js';

export function defaultSettings(documentsFolder = join(homedir(), 'Documents')): Settings {
  return {
    concurrency: 1,
    outputFolder: join(documentsFolder, 'Shutterproof'),
    historyRetentionDays: 90,
    jobTimeoutMinutes: 60,
    defaultTrustListId: null,
    includeStrippedPhoto: false,
    theme: 'system',
  };
}

export interface SettingsAccess {
  get(): Settings;
  set(patch: Partial<Settings>): Settings;
}

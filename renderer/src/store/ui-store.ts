// Local UI state that main knows nothing about: which screen, which job's details are open, open dialogs and
// notices. Kept apart from the mirrored slices so those stay written only from IPC.
import { create } from 'zustand';
import type { ExportScope, JobError } from '../../../common/ipc-contract.js';

export type Screen = 'jobs' | 'verify' | 'settings';

export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'error';
  title: string;
  lines?: string[];
  hint?: string;
  detail?: string;
  /** One button beside the text, e.g. "Show in folder" after an export. */
  action?: { label: string; run(): void };
}

export type Dialog =
  /** `lost`: the work a running proof has done so far, which removing it throws away. */
  | { kind: 'remove'; jobId: string; name: string; running: boolean; lost: string | null }
  | { kind: 'cancel'; jobId: string; name: string; lost: string | null }
  | { kind: 'export'; scope: ExportScope; title: string }
  | { kind: 'remove-trust-list'; id: string; name: string };

interface UiState {
  screen: Screen;
  selectedJobId: string | null;
  dialog: Dialog | null;
  notices: Notice[];
  setScreen(screen: Screen): void;
  select(jobId: string | null): void;
  openDialog(dialog: Dialog | null): void;
  notify(notice: Omit<Notice, 'id'>): void;
  notifyError(error: JobError, title?: string): void;
  dismiss(id: number): void;
}

const MAX_NOTICES = 4;
let nextId = 1;

export const useUi = create<UiState>()((set) => ({
  screen: 'jobs',
  selectedJobId: null,
  dialog: null,
  notices: [],
  setScreen: (screen) => set({ screen }),
  select: (selectedJobId) => set({ selectedJobId }),
  openDialog: (dialog) => set({ dialog }),
  notify: (notice) => set((s) => ({ notices: [...s.notices, { ...notice, id: nextId++ }].slice(-MAX_NOTICES) })),
  notifyError: (error, title) =>
    set((s) => ({
      notices: [
        ...s.notices,
        {
          id: nextId++,
          tone: 'error' as const,
          title: title ? `${title}: ${error.message}` : error.message,
          hint: error.hint,
          ...(error.detail ? { detail: error.detail } : {}),
        },
      ].slice(-MAX_NOTICES),
    })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

export function resetUi(): void {
  useUi.setState({ screen: 'jobs', selectedJobId: null, dialog: null, notices: [] });
}

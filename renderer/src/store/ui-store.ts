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

const MAX_NOTICES = 3;
let nextId = 1;

/** Whether a notice says all there is in its title, so it may leave by itself (and make way for the next one). */
export function isFleeting(n: Omit<Notice, 'id'>): boolean {
  return n.tone === 'success' && !n.lines?.length && !n.hint && !n.detail && !n.action;
}

/** A new notice replaces a fleeting one ("Added 1 photo." does not pile up) and the oldest go beyond three. */
const withNotice = (notices: Notice[], notice: Notice) => [...notices.filter((n) => !isFleeting(n)), notice].slice(-MAX_NOTICES);

export const useUi = create<UiState>()((set) => ({
  screen: 'jobs',
  selectedJobId: null,
  dialog: null,
  notices: [],
  setScreen: (screen) => set({ screen }),
  select: (selectedJobId) => set({ selectedJobId }),
  openDialog: (dialog) => set({ dialog }),
  notify: (notice) => set((s) => ({ notices: withNotice(s.notices, { ...notice, id: nextId++ }) })),
  notifyError: (error, title) =>
    set((s) => ({
      notices: withNotice(s.notices, {
        id: nextId++,
        tone: 'error' as const,
        title: title ? `${title}: ${error.message}` : error.message,
        hint: error.hint,
        ...(error.detail ? { detail: error.detail } : {}),
      }),
    })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

export function resetUi(): void {
  useUi.setState({ screen: 'jobs', selectedJobId: null, dialog: null, notices: [] });
}

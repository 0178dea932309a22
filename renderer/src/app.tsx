// The window: navigation between Photos, Check a proof and Settings, the prover banner, notices and dialogs.
// useShutterproofSync is the only bridge between main's state and the store.
import { useEffect } from 'react';
import { DialogHost } from './components/dialog-host.js';
import { JobErrorView } from './components/job-error-view.js';
import { Notices } from './components/notices.js';
import { ProverBanner } from './components/prover-banner.js';
import { useQueueTotal } from './components/queue-total.js';
import { JobsScreen } from './screens/jobs-screen.js';
import { SettingsScreen } from './screens/settings-screen.js';
import { VerifyScreen } from './screens/verify-screen.js';
import { useShutterproof } from './store/store.js';
import { useShutterproofSync } from './store/use-shutterproof-sync.js';
import { useUi, type Screen } from './store/ui-store.js';

const TABS: { id: Screen; label: string }[] = [
  { id: 'jobs', label: 'Photos' },
  { id: 'verify', label: 'Check a proof' },
  { id: 'settings', label: 'Settings' },
];

function useTheme(): void {
  const theme = useShutterproof((s) => s.settings?.theme ?? 'system');
  useEffect(() => {
    // CSS follows prefers-color-scheme unless a theme is forced here.
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
}

/** A file dropped outside a drop zone must not make the page navigate to it (a browser's default). */
function usePreventStrayDrops(): void {
  useEffect(() => {
    const stop = (e: DragEvent) => e.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
}

/** The window title tells the time left too, so it shows in the taskbar and the window switcher. */
function useWindowTitle(): void {
  const total = useQueueTotal();
  useEffect(() => {
    document.title = total ? `${total} · Shutterproof` : 'Shutterproof';
  }, [total]);
}

export function App() {
  const { error } = useShutterproofSync();
  useWindowTitle();
  useTheme();
  usePreventStrayDrops();
  const screen = useUi((s) => s.screen);
  const setScreen = useUi((s) => s.setScreen);

  return (
    <div className="app">
      <header className="app__header">
        <span className="app__name">Shutterproof</span>
        <nav className="tabs" aria-label="Sections">
          {TABS.map((tab) => (
            <button
              key={tab.id}
              type="button"
              className={`tabs__tab${screen === tab.id ? ' tabs__tab--current' : ''}`}
              aria-current={screen === tab.id ? 'page' : undefined}
              onClick={() => setScreen(tab.id)}
            >
              {tab.label}
            </button>
          ))}
        </nav>
      </header>
      <ProverBanner />
      {error && (
        <div className="banner banner--error">
          <JobErrorView error={error} />
        </div>
      )}
      <main className="app__main">
        {screen === 'jobs' && <JobsScreen />}
        {screen === 'verify' && <VerifyScreen />}
        {screen === 'settings' && <SettingsScreen />}
      </main>
      <Notices />
      <DialogHost />
    </div>
  );
}

// Entry point of the renderer. The page only needs window.shutterproof (preload in the app, an injected bridge
// in the browser harness); without it there is nothing to show but an explanation.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import './styles/app.css';

const root = document.getElementById('root')!;
if ((globalThis as { shutterproof?: unknown }).shutterproof) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
} else {
  root.textContent = 'Shutterproof could not connect to its engine. Please restart the app.';
}

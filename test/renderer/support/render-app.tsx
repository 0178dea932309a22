// Renders the whole app against a fake preload API, with a fake layout: happy-dom does no layout, so scrollers
// report a fixed viewport height and their content's height, which is what the virtualiser needs.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { App } from '../../../renderer/src/app.js';
import { resetShutterproofStore } from '../../../renderer/src/store/store.js';
import { resetUi } from '../../../renderer/src/store/ui-store.js';
import type { FakeApi } from './fake-api.js';

export const VIEWPORT_HEIGHT = 600;

let installed = false;
function installLayout(): void {
  if (installed) return;
  installed = true;
  const isScroller = (el: HTMLElement) => el.dataset?.testid?.endsWith('scroller') ?? false;
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return isScroller(this) ? VIEWPORT_HEIGHT : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return isScroller(this) ? 800 : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      const inner = this.firstElementChild as HTMLElement | null;
      return isScroller(this) && inner ? Math.max(VIEWPORT_HEIGHT, parseFloat(inner.style.height) || 0) : 0;
    },
  });
  announceProgrammaticScroll();
}

/** Like a browser, a scroller that is scrolled by code announces it with a scroll event (happy-dom does not). */
function announceProgrammaticScroll(): void {
  let owner: object | null = Object.getPrototypeOf(HTMLElement.prototype);
  let descriptor: PropertyDescriptor | undefined;
  while (owner && !(descriptor = Object.getOwnPropertyDescriptor(owner, 'scrollTop'))) owner = Object.getPrototypeOf(owner);
  if (!descriptor?.get || !descriptor.set) throw new Error('scrollTop accessor not found');
  const { get, set } = descriptor;
  Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
    configurable: true,
    get(this: HTMLElement) {
      return get.call(this);
    },
    set(this: HTMLElement, value: number) {
      const before = get.call(this);
      set.call(this, value);
      if (before !== get.call(this)) queueMicrotask(() => this.dispatchEvent(new Event('scroll')));
    },
  });
}

/** Registers per-test setup and cleanup for a renderer test file. */
export function useRendererTest(): void {
  installLayout();
  beforeEach(() => {
    // A wide window unless a test narrows it (happy-dom starts at 1024 px, below the 1100 px of a narrow window).
    setWindowWidth(1280);
    resetShutterproofStore();
    resetUi();
  });
  afterEach(() => {
    cleanup();
    delete (globalThis as { shutterproof?: unknown }).shutterproof;
  });
}

export async function renderApp(api: FakeApi) {
  (globalThis as { shutterproof?: unknown }).shutterproof = api;
  const result = render(<App />);
  // The snapshot calls resolve on the next microtasks; wait until the jobs snapshot has landed.
  await screen.findByRole('button', { name: 'Add photos…' }); // the toolbar's, or the empty screen's
  await new Promise((r) => setTimeout(r, 0));
  return result;
}

export function setWindowWidth(width: number): void {
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: width });
  window.dispatchEvent(new Event('resize'));
}

// Notices: a plain success leaves by itself, but not while it is pointed at or focused; anything with more to read
// stays until dismissed.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOTICE_FADE_MS, Notices } from '../../renderer/src/components/notices.js';
import { resetUi, useUi } from '../../renderer/src/store/ui-store.js';

beforeEach(() => {
  vi.useFakeTimers();
  resetUi();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const notify = (notice: Parameters<ReturnType<typeof useUi.getState>['notify']>[0]) => act(() => useUi.getState().notify(notice));
const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));

describe('notices', () => {
  it('takes a plain success away after a few seconds, and keeps the rest until dismissed', () => {
    render(<Notices />);
    notify({ tone: 'success', title: 'Added 3 photos.' });
    wait(NOTICE_FADE_MS - 100);
    expect(screen.getByText('Added 3 photos.')).toBeTruthy();
    wait(200);
    expect(screen.queryByText('Added 3 photos.')).toBeNull();
    notify({ tone: 'success', title: 'Exported 3 proof packs.', lines: ['/home/ana/Proofs'] });
    notify({ tone: 'info', title: 'Added 1 photo; 1 file was skipped:', lines: ['notes.txt — not a photo'] });
    notify({ tone: 'error', title: 'Could not export', hint: 'Choose another folder.' });
    wait(10 * NOTICE_FADE_MS);
    expect(screen.getByText('Exported 3 proof packs.')).toBeTruthy();
    expect(screen.getByText('Added 1 photo; 1 file was skipped:')).toBeTruthy();
    expect(screen.getByText('Could not export')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss' })[0]);
    expect(screen.queryByText('Exported 3 proof packs.')).toBeNull();
  });

  it('does not pile up: a new notice replaces a fleeting one, and at most three stay', () => {
    render(<Notices />);
    notify({ tone: 'success', title: 'Added 1 photo.' });
    notify({ tone: 'success', title: 'Added 2 photos.' });
    expect(screen.queryByText('Added 1 photo.')).toBeNull();
    expect(screen.getByText('Added 2 photos.')).toBeTruthy();
    for (const n of [1, 2, 3, 4]) notify({ tone: 'error', title: `Problem ${n}`, hint: 'Try again.' });
    expect(screen.queryByText('Added 2 photos.')).toBeNull();
    expect(screen.queryByText('Problem 1')).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Dismiss' })).toHaveLength(3);
  });

  it('stays while the pointer is on it or the focus is in it, then gets the full time again', () => {
    render(<Notices />);
    notify({ tone: 'success', title: 'Added 3 photos.' });
    const notice = screen.getByText('Added 3 photos.').closest('.notice') as HTMLElement;
    wait(NOTICE_FADE_MS - 1000);
    fireEvent.mouseEnter(notice);
    wait(3 * NOTICE_FADE_MS);
    expect(screen.getByText('Added 3 photos.')).toBeTruthy();
    fireEvent.mouseLeave(notice);
    wait(NOTICE_FADE_MS - 1000);
    expect(screen.getByText('Added 3 photos.')).toBeTruthy();

    act(() => screen.getByRole('button', { name: 'Dismiss' }).focus());
    wait(3 * NOTICE_FADE_MS);
    expect(screen.getByText('Added 3 photos.')).toBeTruthy();
    act(() => screen.getByRole('button', { name: 'Dismiss' }).blur());
    wait(NOTICE_FADE_MS + 10);
    expect(screen.queryByText('Added 3 photos.')).toBeNull();
  });
});

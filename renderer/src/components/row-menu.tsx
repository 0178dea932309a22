// A row's less frequent actions behind one "More" button: a small menu that opens below it, moves focus into
// itself, and closes on Escape, on a choice, or when focus leaves it.
import { useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';

export interface MenuAction {
  label: string;
  run(): void;
  danger?: boolean;
}

export function RowMenu({ label, items }: { label: string; items: MenuAction[] }) {
  const [open, setOpen] = useState(false);
  const [up, setUp] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    // Near the bottom of the list (or the window) the menu opens upwards, so no item is cut off.
    const menu = menuRef.current;
    if (!open || !menu) return setUp(false);
    const bottom = (menu.closest('.job-list') ?? document.documentElement).getBoundingClientRect().bottom;
    const buttonTop = buttonRef.current?.getBoundingClientRect().top ?? 0;
    setUp(menu.getBoundingClientRect().bottom > Math.min(bottom, window.innerHeight) && buttonTop - menu.offsetHeight > 0);
  }, [open]);
  useEffect(() => {
    if (open) menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);
  if (items.length === 0) return null;
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      const all = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
      const at = all.indexOf(document.activeElement as HTMLElement);
      all[(at + (e.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length]?.focus();
    }
  };
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
  };
  return (
    <div className="row-menu" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        className="button button--small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={label}
        onClick={() => setOpen((o) => !o)}
      >
        More ▾
      </button>
      {open && (
        <div className={`row-menu__list${up ? ' row-menu__list--up' : ''}`} role="menu" ref={menuRef} aria-label={label}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              className={`row-menu__item${item.danger ? ' row-menu__item--danger' : ''}`}
              onClick={() => {
                close(false);
                item.run();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

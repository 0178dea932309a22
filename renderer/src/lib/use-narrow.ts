// Whether the window is narrow (below 1100 px): details then open as a drawer over the list, and row actions fold
// into a menu, so a file name always keeps its room.
import { useEffect, useState } from 'react';

export const NARROW_BELOW_PX = 1100;

export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.innerWidth < NARROW_BELOW_PX);
  useEffect(() => {
    const update = () => setNarrow(window.innerWidth < NARROW_BELOW_PX);
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return narrow;
}

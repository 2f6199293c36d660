import { useEffect, useState, type RefObject } from 'react';

export interface Viewport {
  top: number;
  left: number;
  width: number;
  height: number;
}

/** The scroll position and size of an element, for rendering only what is on screen. */
export function useViewport(ref: RefObject<HTMLElement | null>): Viewport {
  const [viewport, setViewport] = useState<Viewport>({ top: 0, left: 0, width: 1024, height: 768 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const update = (): void => setViewport({ top: el.scrollTop, left: el.scrollLeft, width: el.clientWidth, height: el.clientHeight });
    update();
    el.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, [ref]);
  return viewport;
}

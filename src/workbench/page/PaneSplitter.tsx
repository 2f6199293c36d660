import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import { usePageStyles } from './styles';

const MIN = 300;
const MAX = 720;
const STEP = 16;
const clamp = (w: number): number => Math.min(MAX, Math.max(MIN, Math.round(w)));

export function usePaneWidth(initial = 360): { width: number; setWidth: (width: number) => void } {
  const [width, setWidth] = useState(initial);
  return { width, setWidth: (w) => setWidth(clamp(w)) };
}

export interface PaneSplitterProps {
  label: string;
  width: number;
  setWidth: (width: number) => void;
}

/** The bar between grid and pane: drag it, or focus it and use the arrow keys. */
export function PaneSplitter({ label, width, setWidth }: PaneSplitterProps) {
  const styles = usePageStyles();
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) setWidth(document.documentElement.clientWidth - e.clientX);
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowLeft') setWidth(width + STEP);
    else if (e.key === 'ArrowRight') setWidth(width - STEP);
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      tabIndex={0}
      className={styles.splitter}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onKeyDown={onKeyDown}
    />
  );
}

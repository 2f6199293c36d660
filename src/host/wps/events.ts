import type { SheetRef } from '../../core/a1';
import type { Unsubscribe } from '../contract';
import type { WpsApiEvent } from './wps-types';

const EVENT = 'SheetSelectionChange';

/**
 * User selection changes from WPS's `SheetSelectionChange` (arguments: the sheet and the selected
 * Range). One listener is registered with WPS however many handlers subscribe, and removed with the
 * last of them. The add-in's own work never reaches the handlers: events arriving while the host is
 * busy are dropped, and so is an event that repeats the last reported selection (re-activating the
 * user's sheet after creating one reports the selection the user already had).
 */
export class SelectionEvents {
  private readonly handlers = new Set<(ref: SheetRef) => void>();
  private last: string | undefined;
  private readonly listener = (_sheet: unknown, target: unknown): void => this.dispatch(target);

  constructor(
    private readonly api: WpsApiEvent | undefined,
    private readonly isBusy: () => boolean,
    private readonly refOf: (target: unknown) => SheetRef | undefined,
  ) {}

  get supported(): boolean {
    return typeof this.api?.AddApiEventListener === 'function' && typeof this.api.RemoveApiEventListener === 'function';
  }

  subscribe(handler: (ref: SheetRef) => void): Unsubscribe {
    const api = this.api;
    if (!api || !this.supported) return () => undefined;
    if (this.handlers.size === 0) {
      this.last = undefined;
      api.AddApiEventListener(EVENT, this.listener);
    }
    const own = (ref: SheetRef): void => handler(ref); // the same handler subscribed twice gets two subscriptions
    this.handlers.add(own);
    return () => {
      if (!this.handlers.delete(own) || this.handlers.size > 0) return;
      api.RemoveApiEventListener(EVENT, this.listener);
    };
  }

  private dispatch(target: unknown): void {
    if (this.isBusy()) return;
    let ref: SheetRef | undefined;
    try {
      ref = this.refOf(target);
    } catch {
      return; // a selection that is not cells (a shape, a chart) has no address
    }
    if (!ref) return;
    const key = `${ref.sheet}!${ref.address}`;
    if (key === this.last) return;
    this.last = key;
    for (const h of [...this.handlers]) h({ ...ref });
  }
}

import type { VaultNotice } from '../../shared/connection.ts';

/** Notices for the user about the stores, kept until dismissed or the app quits. */
export class NoticeBoard {
  readonly #notices = new Map<string, VaultNotice>();
  #next = 1;

  add(code: string, params: Record<string, string | number>): VaultNotice {
    const notice = { id: `notice-${this.#next++}`, code, params };
    this.#notices.set(notice.id, notice);
    return notice;
  }

  list(): VaultNotice[] {
    return [...this.#notices.values()];
  }

  dismiss(id: string): void {
    this.#notices.delete(id);
  }
}

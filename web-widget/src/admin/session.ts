/**
 * Signing in and out of the console with the admin token, kept in sessionStorage for
 * this tab. A token is checked against the server (the job list) before it is kept; a
 * later 401 or 403 signs out with the server's message.
 */
import { byId } from '../page/dom.ts';
import { ApiError } from '../page/http.ts';
import { loadAdminToken, saveAdminToken } from '../page/tokens.ts';
import type { AdminApi } from './api.ts';

export interface SessionEvents {
  /** Signed in with the token (first time or again). */
  signedIn(token: string): void;
  signedOut(): void;
}

export class Session {
  private readonly login = byId('login-section');
  private readonly content = byId('admin-content');
  private readonly logout = byId<HTMLButtonElement>('logout-button');
  private readonly error = byId('login-error');
  private readonly input = byId<HTMLInputElement>('admin-token');

  constructor(private readonly api: AdminApi, private readonly on: SessionEvents) {
    byId('login-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      void this.submit();
    });
    this.logout.addEventListener('click', () => this.signOut(''));
  }

  /** Resume with the token of this tab, if any; else wait at the sign-in form. */
  async start(): Promise<void> {
    const token = loadAdminToken();
    if (!token) {
      this.input.focus();
      return;
    }
    this.api.token = token;
    try {
      await this.api.jobs(true);
      this.show(token);
    } catch (err) {
      const refused = err instanceof ApiError && (err.status === 401 || err.status === 403);
      this.signOut(refused ? err.message : '');
      if (!refused) this.showError(err instanceof Error ? err.message : String(err));
    }
  }

  /** Back to the sign-in form, with the server's message when it refused the token. */
  signOut(message: string): void {
    saveAdminToken(undefined);
    this.api.token = '';
    this.on.signedOut();
    this.content.hidden = true;
    this.login.hidden = false;
    this.logout.hidden = true;
    if (message) this.showError(message);
    else this.error.hidden = true;
    this.input.value = '';
    this.input.focus();
  }

  private async submit(): Promise<void> {
    const value = this.input.value.trim();
    if (!value) {
      this.showError('Vui lòng nhập mã truy cập quản trị.');
      this.input.focus();
      return;
    }
    const button = byId<HTMLButtonElement>('login-button');
    button.disabled = true;
    this.api.token = value;
    try {
      await this.api.jobs(true);
      saveAdminToken(value);
      this.show(value);
      byId('noi-dung').focus();
    } catch (err) {
      this.api.token = '';
      this.showError(err instanceof Error ? err.message : String(err));
      this.input.focus();
    } finally {
      button.disabled = false;
    }
  }

  private show(token: string): void {
    this.login.hidden = true;
    this.content.hidden = false;
    this.logout.hidden = false;
    this.error.hidden = true;
    this.on.signedIn(token);
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = false;
  }
}

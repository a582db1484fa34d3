/** The officials' sign-in: a button in the header and a small token form. */
import { h, uid } from './dom.ts';
import { T } from './strings.ts';

/** What the sign-in asks of the widget. */
export interface SignInActions {
  signIn(token: string): void;
  signOut(): void;
}

/** Header buttons, badge and form; the widget places `toolbarItems` and `form`. */
export class SignIn {
  readonly openButton: HTMLButtonElement;
  readonly outButton: HTMLButtonElement;
  readonly badge: HTMLElement;
  readonly form: HTMLFormElement;
  private readonly input: HTMLInputElement;
  private readonly error: HTMLElement;
  private readonly submit: HTMLButtonElement;

  constructor(actions: SignInActions) {
    const formId = uid('signin');
    const inputId = uid('token');
    this.openButton = h('button', { type: 'button', class: 'hbtn', 'aria-expanded': 'false', 'aria-controls': formId }, T.signIn);
    this.outButton = h('button', { type: 'button', class: 'hbtn', hidden: true }, T.signOut);
    this.badge = h('span', { class: 'hbtn', hidden: true }, T.signedIn);
    this.input = h('input', { id: inputId, type: 'password', autocomplete: 'off', spellcheck: 'false', required: true });
    this.error = h('p', { class: 'err', role: 'alert', hidden: true });
    this.submit = h('button', { type: 'submit', class: 'abtn' }, T.signInSubmit);
    const cancel = h('button', { type: 'button', class: 'abtn' }, T.cancel);
    this.form = h('form', { id: formId, class: 'signin', hidden: true },
      h('label', { for: inputId }, T.tokenLabel), this.input, this.submit, cancel, this.error);

    this.openButton.addEventListener('click', () => (this.isOpen ? this.closeForm(true) : this.openForm()));
    cancel.addEventListener('click', () => this.closeForm(true));
    this.outButton.addEventListener('click', () => actions.signOut());
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      const token = this.input.value.trim();
      if (!token) return this.input.focus();
      this.showError(undefined);
      this.submit.disabled = true;
      actions.signIn(token);
    });
  }

  get isOpen(): boolean {
    return !this.form.hidden;
  }

  openForm(): void {
    this.form.hidden = false;
    this.openButton.setAttribute('aria-expanded', 'true');
    this.input.focus();
  }

  /** Hide the form; focus goes back to the button that opened it when asked. */
  closeForm(refocus: boolean): void {
    this.form.hidden = true;
    this.openButton.setAttribute('aria-expanded', 'false');
    this.submit.disabled = false;
    if (refocus) this.openButton.focus();
  }

  /** Reflect whether the connection carries an official's token. */
  setSignedIn(official: boolean): void {
    this.openButton.hidden = official;
    this.outButton.hidden = !official;
    this.badge.hidden = !official;
    if (official) {
      this.input.value = '';
      this.closeForm(false);
    }
  }

  /** Show the server's refusal in the form (opening it), or clear it. */
  showError(message: string | undefined): void {
    this.error.textContent = message ?? '';
    this.error.hidden = !message;
    this.submit.disabled = false;
    if (message && !this.isOpen) {
      this.form.hidden = false;
      this.openButton.setAttribute('aria-expanded', 'true');
    }
  }
}

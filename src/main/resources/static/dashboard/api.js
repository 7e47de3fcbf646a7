// The dashboard pages' sign-in and API calls, in one place. The operator's API token stays
// in this tab's sessionStorage and is sent as a Bearer token; a refused token (401 or 403)
// is forgotten and the sign-in form asks for one again, whatever the call was: JSON, text
// or a file download.

const TOKEN_KEY = 'checkpoint.token';
const $ = (id) => document.getElementById(id);
let signedIn = null;

/** Thrown when the token was refused: the sign-in form already says so. */
export class SignInRequired extends Error {
}

/**
 * Wires the page's sign-in form (#login, #login-form, #token, #login-error) and its
 * #sign-out button. `main` is what the page shows when signed in; `load` fills it, at once
 * when the tab has a token, else after sign-in; `report` shows what `load` could not do.
 */
export function startSession(main, load, report) {
  signedIn = main;
  const show = () => {
    $('login').hidden = true;
    main.hidden = false;
    load().catch(report);
  };
  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
    $('token').value = '';
    show();
  });
  $('sign-out').addEventListener('click', () => signOut(''));
  if (sessionStorage.getItem(TOKEN_KEY)) {
    show();
  } else {
    signOut('');
  }
}

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  signedIn.hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message;
}

/** An error handler that writes "Could not load <what>: …" into `element`. */
export function reporter(element, what) {
  return (error) => {
    if (!(error instanceof SignInRequired)) {
      element.textContent = 'Could not load ' + what + ': ' + error.message;
    }
  };
}

/** Calls the API with the token; the response if it is a success, else it throws. */
export async function request(path, { method = 'GET', accept = 'application/json' } = {}) {
  // credentials 'omit': the token travels in the header, and a 401 with
  // 'WWW-Authenticate: Basic' must not open the browser's password prompt.
  const response = await fetch(path, {
    method,
    credentials: 'omit',
    headers: { Accept: accept, Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY) },
  });
  if (response.status === 401 || response.status === 403) {
    signOut('Your token was refused (' + response.status + ').');
    throw new SignInRequired('HTTP ' + response.status);
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || ('HTTP ' + response.status));
  }
  return response;
}

/** Calls the API with the token and reads its JSON answer. */
export async function json(path, method) {
  return (await request(path, { method })).json();
}

/** Fetches a file with the token and saves it under the server's file name. */
export async function download(path, accept) {
  const response = await request(path, { accept });
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName(response.headers.get('Content-Disposition'));
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** The file name of a Content-Disposition header: filename* (UTF-8) before filename. */
function fileName(disposition) {
  const extended = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(disposition || '');
  if (extended) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // malformed: fall back to the plain filename
    }
  }
  const plain = /filename\s*=\s*(?:"((?:\\.|[^"\\])*)"|([^;\s]+))/i.exec(disposition || '');
  return plain ? (plain[1] ?? plain[2]).replace(/\\(.)/g, '$1') : 'download';
}

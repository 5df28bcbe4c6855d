// The gateway's own sign-in page (the only page oidc-provider leaves to us): server-rendered,
// no script, Bahasa Indonesia first, served under a strict Content-Security-Policy.

export type Language = 'id' | 'en';

const MESSAGES = {
  id: {
    title: 'Masuk ke Migran Center',
    intro: 'Masuk dengan akun pribadi dari lembaga Anda.',
    username: 'Nama pengguna',
    password: 'Kata sandi',
    submit: 'Masuk',
    refused: 'Nama pengguna atau kata sandi salah.',
    locked:
      'Akun ini dikunci sementara karena terlalu banyak percobaan yang gagal. Coba lagi setelah pukul {time} WIB, atau hubungi administrator lembaga Anda.',
    expired: 'Waktu untuk masuk telah habis. Silakan mulai lagi dari halaman utama.',
    restart: 'Kembali ke halaman utama',
    switchLanguage: 'English',
    notice: 'Setiap akses ke data pekerja dicatat atas nama Anda.',
    invalid: 'Permintaan masuk ini tidak dapat diproses. Mulai lagi dari halaman utama Migran Center.',
  },
  en: {
    title: 'Sign in to the Migran Center',
    intro: "Sign in with your institution's personal account.",
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    refused: 'The username or password is wrong.',
    locked:
      'This account is locked for a while after too many failed attempts. Try again after {time} (Western Indonesian Time), or ask your institution administrator.',
    expired: 'The time to sign in has run out. Please start again from the home page.',
    restart: 'Back to the home page',
    switchLanguage: 'Bahasa Indonesia',
    notice: "Every access to a worker's data is recorded in your name.",
    invalid: 'This sign-in request cannot be processed. Start again from the Migran Center home page.',
  },
} as const;

export function languageOf(...candidates: readonly (string | undefined | null)[]): Language {
  for (const candidate of candidates) {
    const first = candidate?.split(/[\s,]+/)[0]?.toLowerCase();
    if (first?.startsWith('en')) return 'en';
    if (first?.startsWith('id')) return 'id';
  }
  return 'id';
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function timeIn(language: Language, instant: Date): string {
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Jakarta',
  }).format(instant);
}

export type SignInProblem = { readonly kind: 'refused' } | { readonly kind: 'locked'; readonly until: Date };

function page(language: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<link rel="stylesheet" href="/interaction-assets/sign-in.css">
</head>
<body>
<main class="card">
${body}
</main>
</body>
</html>`;
}

/** The sign-in form of one interaction, with the problem of the last attempt if there was one. */
export function signInPage(options: {
  readonly uid: string;
  readonly language: Language;
  readonly username?: string;
  readonly problem?: SignInProblem;
}): string {
  const text = MESSAGES[options.language];
  const other: Language = options.language === 'id' ? 'en' : 'id';
  const problem = options.problem
    ? `<p class="problem" role="alert" id="problem">${escape(
        options.problem.kind === 'locked'
          ? text.locked.replace('{time}', timeIn(options.language, options.problem.until))
          : text.refused,
      )}</p>`
    : '';
  const described = options.problem ? ' aria-describedby="problem"' : '';
  return page(
    options.language,
    text.title,
    `<h1>${escape(text.title)}</h1>
<p>${escape(text.intro)}</p>
${problem}
<form method="post" action="/interaction/${escape(options.uid)}" novalidate>
  <input type="hidden" name="lang" value="${options.language}">
  <label for="username">${escape(text.username)}</label>
  <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escape(options.username ?? '')}"${described}>
  <label for="password">${escape(text.password)}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${described}>
  <button type="submit">${escape(text.submit)}</button>
</form>
<p class="notice">${escape(text.notice)}</p>
<p class="language"><a href="/interaction/${escape(options.uid)}?lang=${other}" lang="${other}">${escape(text.switchLanguage)}</a></p>`,
  );
}

/** When the sign-in cookie is gone or the interaction expired. */
export function expiredPage(language: Language): string {
  const text = MESSAGES[language];
  return page(
    language,
    text.title,
    `<h1>${escape(text.title)}</h1>
<p class="problem" role="alert">${escape(text.expired)}</p>
<p><a href="/">${escape(text.restart)}</a></p>`,
  );
}

/** The authorization server's own error page (an unknown client or callback, a malformed request). */
export function invalidRequestPage(language: Language, code: string): string {
  const text = MESSAGES[language];
  return page(
    language,
    text.title,
    `<h1>${escape(text.title)}</h1>
<p class="problem" role="alert">${escape(text.invalid)}</p>
<p class="notice">${escape(code)}</p>
<p><a href="/">${escape(text.restart)}</a></p>`,
  );
}

export const SIGN_IN_CSS = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #eef2f5; color: #1b2631; }
.card { box-sizing: border-box; width: min(26rem, calc(100vw - 2rem)); background: #fff; padding: 1.75rem; border-radius: 0.75rem; box-shadow: 0 1px 4px rgb(0 0 0 / 0.15); }
h1 { font-size: 1.35rem; margin: 0 0 0.5rem; color: #0b4f6c; }
label { display: block; font-weight: 600; margin: 1rem 0 0.3rem; }
input { box-sizing: border-box; width: 100%; font: inherit; padding: 0.6rem 0.7rem; border: 1px solid #5d6d7e; border-radius: 0.4rem; }
input:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid #f39c12; outline-offset: 2px; }
button { margin-top: 1.25rem; width: 100%; font: inherit; font-weight: 600; padding: 0.7rem; color: #fff; background: #0b4f6c; border: 0; border-radius: 0.4rem; cursor: pointer; }
button:hover { background: #083b51; }
.problem { background: #fdecea; color: #7b1a12; border-left: 4px solid #c0392b; padding: 0.6rem 0.8rem; }
.notice { font-size: 0.9rem; color: #44515e; }
.language a { color: #0b4f6c; }
`;

// quiz.js: answers a chapter's quiz in place.
//
// Without this module the quiz form posts and the server answers with the
// chapter again, graded. With it, the same form goes to the same address
// by fetch, and the graded section of the answer replaces the quiz: the
// server stays the only grader, and the reader stays where they were.

const FORM = 'form[data-testid="quiz"]';
const SECTION = '[data-testid="quiz-section"]';

/** results reads the server's grading from a graded quiz section. */
export function results(section) {
  return [...section.querySelectorAll('[data-testid="quiz-question"][data-result]')].map((q) => ({
    id: q.dataset.question,
    correct: q.dataset.result === 'right',
  }));
}

/**
 * enhanceQuiz sends every quiz form on the page by fetch and calls
 * onGraded(slug, results) once the graded section is in place. When the
 * server does not answer with a graded quiz (an error, a lost connection)
 * the form is sent the ordinary way, so the reader sees the server's page.
 */
export function enhanceQuiz(onGraded) {
  document.addEventListener('submit', async (e) => {
    const form = e.target instanceof HTMLFormElement && e.target.matches(FORM) ? e.target : null;
    if (!form) return;
    e.preventDefault();
    const section = form.closest(SECTION);
    const submit = form.querySelector('[type="submit"]');
    if (submit) submit.disabled = true;
    section?.setAttribute('aria-busy', 'true');
    let graded = null;
    try {
      const res = await fetch(form.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form)),
        headers: { Accept: 'text/html' },
        credentials: 'same-origin',
      });
      if (res.ok) {
        const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
        graded = doc.querySelector(SECTION);
      }
    } catch {
      graded = null;
    }
    if (!graded || !section) {
      form.submit(); // no submit event: this does not loop
      return;
    }
    section.replaceWith(graded);
    const result = graded.querySelector('[data-testid="quiz-result"]');
    result?.focus();
    onGraded(graded.dataset.slug, results(graded));
  });
}

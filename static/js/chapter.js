// chapter.js: the page entry for chapters. It answers the quiz in place
// (quiz.js) and keeps the reader's progress in this browser
// (progress.js): where they are, for "continue where you left off", that
// the chapter was read (its end came into view, or its quiz was
// answered) and each quiz's result.

import { enhanceQuiz, results } from './quiz.js';
import { markRead, recordQuiz, visit } from './progress.js';

const article = document.querySelector('[data-testid="chapter"]');
const slug = location.pathname.split('/')[2] || '';

// The section the reader is in: the last heading above the top third
// (the quiz counts as one section, #quiz).
function currentSection() {
  let id = '';
  for (const h of article.querySelectorAll('h2[id], h3[id]')) {
    if (h.getBoundingClientRect().top > window.innerHeight / 3) break;
    id = h.closest('#quiz') ? 'quiz' : h.id;
  }
  return id;
}

function trackReading() {
  visit(slug, location.hash.slice(1) || '');
  let timer = 0;
  window.addEventListener('scroll', () => {
    clearTimeout(timer);
    timer = setTimeout(() => visit(slug, currentSection()), 400);
  }, { passive: true });
  // Leaving before the timer fires still records where the reader was.
  window.addEventListener('pagehide', () => {
    clearTimeout(timer);
    visit(slug, currentSection());
  });
  const end = document.querySelector('[data-testid="pager"]');
  if (end && 'IntersectionObserver' in window) {
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        markRead(slug);
        io.disconnect();
      }
    });
    io.observe(end);
  }
}

if (article && slug) {
  trackReading();
  enhanceQuiz((quizSlug, res) => recordQuiz(quizSlug, res));
  // A quiz graded by an ordinary POST (sent before this module ran) counts too.
  const graded = document.querySelector('[data-testid="quiz-section"]');
  if (graded?.querySelector('[data-testid="quiz-result"]') && location.pathname.endsWith('/quiz')) {
    recordQuiz(graded.dataset.slug, results(graded));
  }
}

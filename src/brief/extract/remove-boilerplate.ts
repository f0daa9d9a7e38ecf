const BOILERPLATE_SELECTOR = [
  'nav',
  'aside',
  'button',
  'noscript',
  'iframe',
  'figcaption',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
].join(',');

/** Class or id tokens that mark page furniture rather than article text. */
const BOILERPLATE_TOKEN =
  /^(ads?([-_].*)?|advert\w*|.*[-_]ads?|newsletter\w*|share([-_].*)?|sharing\w*|social([-_].*)?|related([-_].*)?|promo\w*|subscribe\w*|sponsor\w*|cookie\w*|outbrain|taboola|recirc\w*|most[-_]?(read|popular)|byline\w*|author[-_]?(bio|box|info|card)\w*|timestamp|dateline|tags?|breadcrumbs?|caption\w*|[\w-]*credits?|read[-_]?more|more[-_]stories|recommended\w*|also[-_]read|see[-_]also|trending\w*|sign[-_]?up|comments?)$/i;

/** A furniture-named element is removed only when small: a big one may be a wrapper of the article. */
function isBoilerplate(element: Element): boolean {
  const tokens = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.split(/\s+/);
  if (!tokens.some((token) => token && BOILERPLATE_TOKEN.test(token))) return false;
  return (element.textContent ?? '').trim().length < 400;
}

/**
 * Removes page furniture before Readability scores the page: on short articles Readability may
 * otherwise pick a container wide enough to take ads and sign-up boxes along with the text.
 */
export function removeBoilerplate(document: Document): void {
  for (const element of [...document.querySelectorAll(BOILERPLATE_SELECTOR)]) element.remove();
  for (const element of [...document.querySelectorAll('[class],[id]')]) {
    if (element.isConnected && element !== document.body && isBoilerplate(element)) element.remove();
  }
}
